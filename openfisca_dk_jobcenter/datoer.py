"""Vektoriseret datoregning, som reglerne bruger: alder, måneder lagt til en dato og
forholdsmæssig fordeling af en måneds timer efter kalenderdage.

Alt arbejder på numpy `datetime64[D]`-arrays, uden løkker over personer.

Konventioner (de samme i alle ordninger):
- En periode på N måneder fra dag S dækker dagene fra og med S til, men ikke med, S + N måneder
  (et vikariat fra 16. januar på 6 måneder dækker 16. januar – 15. juli).
- En frist på N måneder fra dag S udløber på dagen S + N måneder (en ansøgning "inden for 1
  måned" fra 15. januar er rettidig til og med 15. februar), som ved almindelig fristberegning.
- S + N måneder er samme dato N måneder senere; findes datoen ikke, bruges månedens sidste dag
  (31. januar + 1 måned = 28./29. februar).
"""

import numpy
from openfisca_core.parameters import Parameter

from openfisca_dk_jobcenter.husk import husket
from openfisca_dk_jobcenter.parametertrae import alle_parametre, knude

DAG = numpy.timedelta64(1, "D")
_DATO = numpy.dtype("datetime64[D]")
_NAT = numpy.datetime64("NaT", "D").view(numpy.int64)

# OpenFiscas standardværdi for en dato, der ikke er givet. En startdato, der ikke er oplyst,
# betyder her: reglerne i den beregnede måned gælder, og perioden har ingen kendt start eller slut.
IKKE_OPLYST = numpy.datetime64("1970-01-01", "D")
UENDELIG = numpy.datetime64("9999-12-31", "D")
_IKKE_OPLYST_DAG = IKKE_OPLYST.view(numpy.int64)
# En befolkning har så mange personer, at ét antal måneder for alle betaler en tabel over
# 1800-2199 (146.000 dage); et lille array (en forespørgsel til web-API'et) regnes pr. dato.
_MANGE_DATOER = 4096


def som_dato(dates):
    """Gør input til et `datetime64[D]`-array (OpenFisca gemmer datoer som `datetime64[D]`).

    Et array, der allerede er det, gives tilbage som det samme objekt (numpy.asarray med en
    datetime-dtype laver ellers en ny visning), så `regler_paa_dato` kan genkende månedens array.
    """
    if isinstance(dates, numpy.ndarray) and dates.dtype == _DATO:
        return dates
    return numpy.asarray(dates, dtype=_DATO)


def maanedens_dage(period):
    """Første dag, første dag i næste måned og antal dage for OpenFisca-måneden `period`."""
    first = numpy.datetime64(period.start.date, "D")
    after = numpy.datetime64(period.start.offset(1, "month").date, "D")
    return first, after, (after - first).astype("int64")


def plus_maaneder(dates, months):
    """`dates` + `months` kalendermåneder (skalar eller array), klippet til månedens sidste dag."""
    dage, nat = _dage(dates)
    months = numpy.asarray(months)
    if months.size >= _MANGE_DATOER and months.ndim and months.min() == months.max():
        months = months.reshape(-1)[0]  # samme antal for alle (fx en regel på første dag): tabelopslag
    months = months.astype(numpy.int64)
    i = dage - _T.dag0
    if nat is None and i.size and i.min() >= 0 and i.max() < len(_T.maaned):
        if months.ndim == 0:
            # Samme antal måneder for alle (en parameter): ét opslag i en tabel for netop det tal.
            return _T.plus(int(months))[i].view("datetime64[D]")
        # Inden for tabellen (1800-2199): opslag i stedet for kalenderregning, på stedet, hvor det kan.
        maal = _T.maaned[i]
        maal += months - _T.maaned0
        if maal.min() >= 0 and maal.max() < len(_T.maanedsstart):
            dag = _T.dag_i_maaned[i]
            laengde = _T.maanedslaengde[maal]
            laengde -= 1
            numpy.minimum(dag, laengde, out=dag)
            ud = _T.maanedsstart[maal]
            ud += dag
            return ud.view("datetime64[D]")
    aar, maaned, dag = _civil(dage)
    maal = aar * 12 + (maaned - 1) + months
    maal_aar, maal_maaned = maal // 12, maal % 12 + 1
    dage_i_maal = _DAGE_I_MAANED[maal_maaned - 1] + ((maal_maaned == 2) & _skudaar(maal_aar))
    ud = _dage_fra_civil(maal_aar, maal_maaned, numpy.minimum(dag, dage_i_maal)).view("datetime64[D]")
    return ud if nat is None else numpy.where(nat, numpy.datetime64("NaT"), ud)


def periodens_slut(start, maaneder):
    """Første dag efter en periode på `maaneder` måneder fra `start` (start + N måneder), og
    `UENDELIG`, hvor starten ikke er oplyst: en periode uden kendt start har ingen kendt slutning.

    Kun de oplyste starter regnes (de fleste personer har intet forløb).
    """
    start = som_dato(start)
    ud = numpy.full(start.shape, UENDELIG)
    hvem = numpy.flatnonzero(oplyst(start))
    if hvem.size:
        maaneder = numpy.asarray(maaneder)
        antal = numpy.broadcast_to(maaneder, start.shape).reshape(-1)[hvem] if maaneder.ndim else maaneder
        ud.reshape(-1)[hvem] = plus_maaneder(start.reshape(-1)[hvem], antal)
    return ud


def foerste_dag_i_maaneden(dates):
    """Den første dag i måneden for hver dato (samme som `dates.astype("datetime64[M]")` tilbage
    til dage, men uden numpys kalenderomregning)."""
    dage, nat = _dage(dates)
    i = dage - _T.dag0
    if nat is None and i.size and i.min() >= 0 and i.max() < len(_T.dag_i_maaned):
        return (dage - _T.dag_i_maaned[i]).view("datetime64[D]")
    return som_dato(dates).astype("datetime64[M]").astype("datetime64[D]")


def i_maaneden(dates, period):
    """Om hver dato ligger i OpenFisca-måneden `period`."""
    first, after, _ = maanedens_dage(period)
    dates = som_dato(dates)
    return (dates >= first) & (dates < after)


def alder_paa_dato(foedselsdato, dato):
    """Alder i hele år på `dato`; fødselsdagen selv tæller (fyldt 25 på fødselsdagen).

    En person født 29. februar fylder år 1. marts i år, der ikke er skudår.
    """
    # Datoen som tallet ÅÅÅÅMMDD: fødselsdagen er nået, når MMDD er mindst fødslens, så alderen er
    # forskellen // 10000. Født 29. februar: 0228 er før 0229, 0301 efter, dvs. 1. marts i år uden
    # skuddag, som reglen siger.
    return (_aammdd(_dage(dato)[0]) - _aammdd(_dage(foedselsdato)[0])) // 10000


def _aammdd(dage):
    """Dagnumrene som heltallene ÅÅÅÅMMDD (opslag i 1800-2199, ellers kalenderregning)."""
    i = dage - _T.dag0
    if i.size and i.min() >= 0 and i.max() < len(_T.aammdd):
        return _T.aammdd[i]
    aar, maaned, dag = _civil(dage)
    return aar * 10000 + maaned * 100 + dag


# Datoregningen på dagnumre (dage siden 1970-01-01): numpys kalenderomregninger (astype mellem
# datetime64-enheder, datetime64 plus et int-array) koster 10-50 ns pr. dato og blev kaldt for hver
# person hver måned. For datoer i 1800-2199 slås år, måned og dag op i tabeller, som numpy selv har
# lavet (samme kalender); andre datoer regnes med heltalsaritmetik. Resultaterne er de samme datoer.
_DAGE_I_MAANED = numpy.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=numpy.int64)


class _Tabeller:
    def __init__(self, fra="1800-01-01", til="2200-01-01"):
        dage = numpy.arange(numpy.datetime64(fra, "D"), numpy.datetime64(til, "D"))
        maaneder = dage.astype("datetime64[M]")
        self.dag0 = int(dage[0].astype(numpy.int64))
        # int32 (små tal) halverer de arrays, opslagene laver; dagnumre (maanedsstart) er int64.
        self.maaned = maaneder.astype(numpy.int64)  # måneder siden 1970-01 (int64: bruges som indeks)
        self.dag_i_maaned = (dage - maaneder.astype("datetime64[D]")).astype(numpy.int32)  # 0-30
        self.aar = (dage.astype("datetime64[Y]").astype(numpy.int64) + 1970).astype(numpy.int32)
        self.maaned_i_aaret = (self.maaned % 12 + 1).astype(numpy.int32)
        self.aammdd = self.aar * 10000 + self.maaned_i_aaret * 100 + self.dag_i_maaned + 1
        alle = numpy.arange(maaneder[0], maaneder[-1] + 2)  # en måned ekstra til maanedslaengde
        self.maaned0 = int(alle[0].astype(numpy.int64))
        starter = alle.astype("datetime64[D]").astype(numpy.int64)
        self.maanedsstart = starter[:-1]
        self.maanedslaengde = numpy.diff(starter).astype(numpy.int32)
        self._plus = {}

    def plus(self, maaneder):
        """Dagnummeret for hver dag i tabellen + `maaneder` måneder (regnet første gang, der spørges)."""
        tabel = self._plus.get(maaneder)
        if tabel is None:
            aar, maaned, dag = _civil(numpy.arange(self.dag0, self.dag0 + len(self.maaned), dtype=numpy.int64))
            maal = aar * 12 + (maaned - 1) + maaneder
            maal_aar, maal_maaned = maal // 12, maal % 12 + 1
            dage_i_maal = _DAGE_I_MAANED[maal_maaned - 1] + ((maal_maaned == 2) & _skudaar(maal_aar))
            tabel = _dage_fra_civil(maal_aar, maal_maaned, numpy.minimum(dag, dage_i_maal))
            if len(self._plus) > 64:
                self._plus.clear()
            # Tabellen gives videre herfra, ikke læst igen: en anden tråd (web-API'ets arbejdere)
            # kan have tømt ordbogen imellem.
            self._plus[maaneder] = tabel
        return tabel


_T = _Tabeller()


def _dage(dates):
    """(dage siden 1970-01-01 som int64, maske for NaT eller None)."""
    dates = som_dato(dates)
    nat = numpy.isnat(dates)
    return dates.view(numpy.int64), (nat if nat.any() else None)


def _civil(dage):
    """(år, måned 1-12, dag 1-31) for dagnumre (H. Hinnant, "chrono-compatible low-level date
    algorithms", civil_from_days; gælder for alle datoer i den proleptiske gregorianske kalender)."""
    z = dage + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    dag = doy - (153 * mp + 2) // 5 + 1
    maaned = numpy.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (maaned <= 2), maaned, dag


def _dage_fra_civil(aar, maaned, dag):
    """Dagnummeret for (år, måned 1-12, dag) (H. Hinnant, days_from_civil)."""
    aar = aar - (maaned <= 2)
    era = aar // 400
    yoe = aar - era * 400
    doy = (153 * numpy.where(maaned > 2, maaned - 3, maaned + 9) + 2) // 5 + dag - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _skudaar(aar):
    return ((aar % 4 == 0) & (aar % 100 != 0)) | (aar % 400 == 0)


def andel_af_maaneden(period, fra=None, til=None):
    """Den del af månedens kalenderdage, der ligger i [fra, til) — til forholdsmæssig fordeling.

    `fra` er første dag, der er med; `til` er første dag, der ikke er med. Udeladt betyder
    ubegrænset. Resultatet er mellem 0 og 1 (en regel i kraft fra den 16. i en måned med 31 dage
    giver 16/31).
    """
    first, after, n_days = maanedens_dage(period)
    first, after = int(first.astype(numpy.int64)), int(after.astype(numpy.int64))
    # På dagnumre. NaT er det mindste int64; en manglende dato dækker ingen dage (sat til 0 bagefter).
    fra = None if fra is None else som_dato(fra).view(numpy.int64)
    til = None if til is None else som_dato(til).view(numpy.int64)
    start = first if fra is None else numpy.maximum(fra, first)
    stop = after if til is None else numpy.minimum(til, after)
    covered = numpy.asarray(numpy.subtract(stop, start, dtype=numpy.int64))
    numpy.clip(covered, 0, n_days, out=covered)
    for graense in (fra, til):
        if graense is not None and graense.size and graense.min() == _NAT:
            covered[numpy.broadcast_to(graense == _NAT, covered.shape)] = 0
    andel = covered.astype(numpy.float32)
    andel /= numpy.float32(n_days)
    return andel


# Et tilbud følger de regler, der gjaldt, da det blev givet (fx løntilskud bevilget før
# 1. januar 2015 fortsatte efter de hidtidige regler, STAR). Alle regler på et forløbs første dag
# læses gennem `regler_paa_dato`.


def regler_paa_dato(population, parameters, datoer, beregn):
    """`beregn(parametre)` med parametrene på hver persons egen dato (fx forløbets første dag).

    `parameters` er formlens eget argument (`formula(person, period, parameters)`): værdierne
    læses som `parameters(dato)`, så OpenFiscas tracer (/trace) viser hver parameter, reglen brugte,
    og en reform slår igennem. `beregn` får parametertræet på et tidspunkt og returnerer en værdi
    eller et array for hele populationen, fx `lambda p: p.voksenlaerling.minimumsalder`.

    Reglen beregnes én gang pr. regelversion, ikke pr. person eller dato: kun de datoer, hvor en
    af de parametre, `beregn` læser, skifter værdi, deler personerne i versioner, og kun de
    versioner, nogen bruger, beregnes (typisk én eller to). Datoer før parametrenes første værdi får
    de første regler. Resultatet har en værdi pr. dato.

    `datoer` er formlens array fra OpenFisca (fx månedens `voksenlaerling_regeldato`). Hvilken dato
    de fleste deler, huskes, så længe arrayet lever (`husk.py`), så arrayet må ikke ændres bagefter;
    OpenFiscas cachede arrays ændres aldrig.
    """
    # Træet (ikke værdierne) giver skiftedatoerne: openfisca-core 46's `parameters(tidspunkt)` kender
    # kun værdierne på tidspunktet. Værdierne læses derefter gennem `parameters`.
    trae = population.simulation.tax_benefit_system.parameters
    skift = skiftedatoer(trae, laeste_parametre(trae, beregn))
    skift_dage = numpy.array(skift, dtype="datetime64[D]")
    datoer = som_dato(datoer)

    def version(d):
        # Datoer før parametrenes første værdi får de første regler; NaT sorteres sidst.
        return numpy.maximum(numpy.searchsorted(skift_dage, d, side="right") - 1, 0)

    # Formlerne kalder her mange gange pr. måned, og næsten alle personer har samme dato: den
    # beregnede måneds første dag, når der ikke er et forløb. Den fælles dato slås op én gang; kun de
    # andre personers datoer (forløbenes første dage) deles i versioner.
    faelles, andre = _faelles_dato(datoer)
    if faelles is None:
        return _pr_version(datoer, version(datoer), skift, parameters, beregn)
    resultat = numpy.asarray(beregn(parameters(skift[int(version(faelles))])))
    andres_version = version(datoer[andre])
    andre_versioner = numpy.unique(andres_version)
    andre_versioner = andre_versioner[andre_versioner != version(faelles)]
    if not andre_versioner.size:
        return _en_pr_dato(resultat, datoer)
    ud = {int(k): numpy.asarray(beregn(parameters(skift[int(k)]))) for k in andre_versioner}
    samlet = numpy.empty(datoer.shape, dtype=numpy.result_type(resultat, *ud.values()))
    samlet[...] = resultat
    for k, vaerdi in ud.items():
        hvem = andre[andres_version == k]
        samlet[hvem] = vaerdi[hvem] if vaerdi.ndim else vaerdi
    return samlet


def _faelles_dato(datoer):
    """(den dato, mindst halvdelen af personerne har, indekserne på de andre) — eller (None, None)."""
    return husket(datoer, _find_faelles_dato)


def _find_faelles_dato(datoer):
    # Kandidaten findes i en stikprøve; én sammenligning over alle afgør, om den holder.
    if datoer.ndim != 1 or datoer.size < 64:
        return None, None
    stikproeve = datoer[:: max(1, datoer.size // 64)]
    vaerdier, antal = numpy.unique(stikproeve, return_counts=True)
    kandidat = vaerdier[numpy.argmax(antal)]
    if numpy.isnat(kandidat):
        return None, None
    andre = numpy.flatnonzero(datoer.view(numpy.int64) != kandidat.astype(numpy.int64))
    if 2 * andre.size > datoer.size:
        return None, None
    return kandidat, andre


def _pr_version(datoer, version, skift, parameters, beregn):
    """Den generelle vej: reglen beregnet for hver regelversion, nogen bruger, og valgt pr. person."""
    brugte = numpy.flatnonzero(numpy.bincount(version.ravel(), minlength=len(skift)))
    resultat = numpy.asarray(beregn(parameters(skift[brugte[0]])))
    for k in brugte[1:]:
        resultat = numpy.where(version == k, beregn(parameters(skift[k])), resultat)
    return _en_pr_dato(resultat, datoer)


def _en_pr_dato(resultat, datoer):
    """Resultatet med én værdi pr. dato (en regel, der giver ét tal for alle, bredes ud)."""
    return resultat if resultat.shape == datoer.shape else numpy.broadcast_to(resultat, datoer.shape).copy()


def skiftedatoer(trae, stier):
    """De datoer ('ÅÅÅÅ-MM-DD', sorteret), hvor en af parametrene `stier` i `trae` får en ny værdi."""
    return sorted({v.instant_str for sti in stier for p in alle_parametre(knude(trae, sti)) for v in p.values_list})


# Hvilke parametre en regel læser, afhænger kun af dens kode: fundet én gang pr. regel.
_LAESTE = {}


def laeste_parametre(trae, beregn):
    """Stierne (fx 'voksenlaerling.minimumsalder') til de parametre, `beregn` læser.

    `beregn` køres én gang på en kopi af træet, der husker hvert opslag og giver hver parameters
    første værdi (resultatet bruges ikke).
    """
    noegle = getattr(beregn, "__code__", beregn)
    if noegle not in _LAESTE:
        laest = set()
        beregn(_Opslag(trae, "", laest))
        if not laest:
            raise ValueError("reglen læser ingen parametre; brug værdien direkte")
        _LAESTE[noegle] = tuple(sorted(laest))
    return _LAESTE[noegle]


class _Opslag:
    """En parameterknude, der skriver stien til hver parameter, der slås op, i `laest`."""

    def __init__(self, knude, sti, laest):
        self._knude, self._sti, self._laest = knude, sti, laest

    def __getattr__(self, navn):
        if navn.startswith("_"):
            raise AttributeError(navn)
        return self[navn]

    def __getitem__(self, navn):
        if not isinstance(navn, str):
            raise TypeError("regler_paa_dato: slå parametre op ved navn (se kategorier.slaa_op)")
        barn = self._knude.children[navn]
        sti = f"{self._sti}.{navn}" if self._sti else navn
        if isinstance(barn, Parameter):
            self._laest.add(sti)
            vaerdi = barn.values_list[-1].value  # den første værdi (listen er nyeste først)
            return 0 if vaerdi is None else vaerdi
        return _Opslag(barn, sti, self._laest)

    def __iter__(self):
        return iter(self._knude.children)


def oplyst(dato):
    """Sand, hvor datoen er givet (ikke OpenFiscas standardværdi 1970-01-01)."""
    return som_dato(dato).view(numpy.int64) != _IKKE_OPLYST_DAG


# Formlernes hjælpere for et forløbs startdato. Startdatoen er et input (ETERNITY): OpenFisca giver
# det samme array i alle årets måneder, så hvad der kun afhænger af det, huskes (husk.py).


def regeldato(startdato, period):
    """Datoen, hvis regler gælder for et forløb: forløbets første dag, eller — når den ikke er
    oplyst — den beregnede måneds første dag. `startdato` er formlens array fra OpenFisca."""
    start = som_dato(startdato)
    ud = numpy.full(start.shape, numpy.datetime64(period.start.date, "D"))
    oplyste = husket(start, _oplyste)
    ud.reshape(-1)[oplyste] = start.reshape(-1)[oplyste]
    return ud


def forloebets_startmaaned(startdato):
    """Den første dag i startdatoens måned (et forløbs første måned tæller helt). `startdato` er
    formlens array fra OpenFisca; svaret huskes og kan ikke ændres."""
    return husket(som_dato(startdato), _startmaaned)


def _oplyste(start):
    return numpy.flatnonzero(oplyst(start))


def _startmaaned(start):
    ud = numpy.array(foerste_dag_i_maaneden(start))
    ud.flags.writeable = False
    return ud


def alder_paa(person, period, dato):
    """Alder i hele år på `dato` (fx et forløbs første dag).

    Regnes fra månedens `alder`, forskudt med forskellen mellem alderen på månedens første dag og
    på `dato` efter fødselsdatoen. Med en fødselsdato er det præcis alderen på datoen; er `alder`
    givet som input uden fødselsdato, gælder den givne alder (forskudt over årene).
    """
    foedt = person("foedselsdato", period)
    dato = som_dato(dato)
    maanedens_start = numpy.datetime64(period.start.date, "D")
    alder = person("alder", period)
    # Kun hvor datoen ikke er månedens første dag, skal alderen forskydes (typisk kun personer med
    # et forløb: de andre har månedens første dag som regeldato).
    faelles, andre = _faelles_dato(dato)
    if faelles is not None and faelles == maanedens_start:
        anden_dag = andre
    else:
        anden_dag = numpy.flatnonzero(dato != maanedens_start)
    if len(anden_dag) == 0:
        return alder
    resultat = alder.copy()
    f = foedt[anden_dag]
    resultat[anden_dag] -= alder_paa_dato(f, maanedens_start) - alder_paa_dato(f, dato[anden_dag])
    return resultat
