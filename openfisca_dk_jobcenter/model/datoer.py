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

import functools

import numpy

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
    datetime-dtype laver ellers en ny visning), så `forloeb.regler_paa_dato` kan genkende månedens
    array.
    """
    if isinstance(dates, numpy.ndarray) and dates.dtype == _DATO:
        return dates
    return numpy.asarray(dates, dtype=_DATO)


@functools.lru_cache(maxsize=256)
def maanedens_dage(period):
    """Første dag, første dag i næste måned og antal dage for OpenFisca-måneden `period`.

    Husket pr. periode: formlerne spørger mange gange om måneden, og OpenFiscas månedsregning
    (`offset`) koster ca. 80 µs pr. kald. Svaret er numpy-skalarer, som ikke kan ændres."""
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
    return alder_af_aammdd(som_aammdd(dato), som_aammdd(foedselsdato))


def alder_af_aammdd(dagen, foedt):
    """Alder i hele år på dagen `dagen` for en person født `foedt`, begge som ÅÅÅÅMMDD-tal
    (`som_aammdd`); til den, der har tallene i forvejen."""
    # Fødselsdagen er nået, når MMDD er mindst fødslens, så alderen er forskellen // 10000. Født
    # 29. februar: 0228 er før 0229, 0301 efter, dvs. 1. marts i år uden skuddag, som reglen siger.
    return (dagen - foedt) // 10000


def som_aammdd(dates):
    """Datoerne som heltallene ÅÅÅÅMMDD (int64), som `alder_paa_dato` regner alder med."""
    return _aammdd(_dage(dates)[0])


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
    covered = numpy.subtract(stop, start, dtype=numpy.int64)
    # Dækkede dage klippet til 0..n_days og delt med n_days i ét opslag (samme float32-tal som
    # `covered / n_days` regnet i float32).
    andel = numpy.asarray(_andele(int(n_days)).take(covered, mode="clip"))
    for graense in (fra, til):
        if graense is not None and graense.size and graense.min() == _NAT:
            andel[numpy.broadcast_to(graense == _NAT, andel.shape)] = 0
    return andel


@functools.lru_cache(maxsize=8)
def _andele(n_days):
    """Andelen af en måned på `n_days` dage for 0..n_days dækkede dage (float32; kan ikke ændres)."""
    andele = numpy.arange(n_days + 1, dtype=numpy.float32)
    andele /= numpy.float32(n_days)
    andele.flags.writeable = False
    return andele


def oplyst(dato):
    """Sand, hvor datoen er givet (ikke OpenFiscas standardværdi 1970-01-01)."""
    return som_dato(dato).view(numpy.int64) != _IKKE_OPLYST_DAG
