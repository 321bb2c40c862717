"""Et forløbs første dag: reglerne, alderen og den første måned, som formlerne bruger dem.

Et tilbud følger de regler, der gjaldt, da det blev givet (fx løntilskud bevilget før 1. januar
2015 fortsatte efter de hidtidige regler, STAR). Formlerne læser dem sådan::

    regler = foerste_dag(person, period, parameters, "loentilskud")
    regler.ledighedskrav.maaneder          # én værdi pr. person: reglen på hans første dag
    regler.maalgruppe_omfattet[maalgruppe]  # opslag pr. kategori (målgruppe, sektor …)

altid med formlens egen `parameters`, så /trace viser dem. En sand/falsk-parameter giver et
sand/falsk-array, et tal et talarray, så formlerne ikke skal omforme noget. Regler, der gælder
måned for måned (ikke fra forløbets første dag), læses med `maanedens_regler` på samme måde.

Hjælperne her får formlens arrays fra OpenFisca (en startdato, som er den samme hele året;
månedens regeldato, som op til otte regler bruger). Hvad der kun afhænger af et sådant array,
huskes, så længe arrayet lever (`_husket`); OpenFiscas cachede arrays ændres aldrig. Den rene
datoregning, der intet husker om formlernes arrays, står i `datoer.py`.
"""

import functools
import weakref

import numpy
from openfisca_core.parameters import Parameter, ParameterNodeAtInstant
from openfisca_core.tracers import TracingParameterNodeAtInstant

from openfisca_dk_jobcenter.model.datoer import alder_af_aammdd, foerste_dag_i_maaneden, oplyst, som_aammdd, som_dato
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre, find_parameter


def foerste_dag(person, period, parameters, ordning, regeldato=None):
    """Ordningens regler på hvert forløbs første dag (uden oplyst start: den beregnede måneds).

    `ordning` er parametrenes gren (fx "voksenlaerling"); dagen er variablen `<ordning>_regeldato`
    eller `regeldato` (fx "jobrotation_vikar_regeldato" for vikariatets første dag). En parameter
    under grenen giver én værdi pr. person (`regler.minimumsalder`), en gruppe pr. kategori et
    opslag med formlens Enum-array (`regler.max_uger[maalgruppe]`).
    """
    datoer = person(regeldato or f"{ordning}_regeldato", period)
    return _Regler(ordning, _PaaDatoer(person, parameters, datoer))


def maanedens_regler(parameters, period, ordning):
    """Ordningens regler på den beregnede måneds første dag, for regler, der gælder måned for
    måned: en parameter er én værdi som i OpenFisca (`regler.max_timer_per_uge`), en gruppe pr.
    kategori et opslag med formlens Enum-array (`regler.max_uger[maalgruppe]`)."""
    return _Regler(ordning, _PaaEnDag(parameters(period.start)))


class _Regler:
    """En gren af parametertræet, hvis værdier læses på én dag eller på hver persons egen dag."""

    __slots__ = ("_sti", "_dage")

    def __init__(self, sti, dage):
        self._sti, self._dage = sti, dage

    def __getattr__(self, navn):
        if navn.startswith("_"):
            raise AttributeError(navn)
        sti = f"{self._sti}.{navn}"
        if self._dage.er_parameter(sti):
            return self._dage.vaerdi(sti, functools.partial(_slaa_sti_op, sti=sti))
        return _Regler(sti, self._dage)

    def __getitem__(self, kategorier):
        """Værdien pr. person for hver persons kategori (fx målgruppe), fra gruppen pr. kategori."""
        sti = self._sti
        return self._dage.vaerdi(sti, lambda p: _slaa_op(_slaa_sti_op(p, sti), kategorier))


def _slaa_sti_op(parametre, sti):
    return functools.reduce(getattr, sti.split("."), parametre)


class _PaaDatoer:
    """Værdierne på hver persons dato (`regler_paa_dato` med den sti, reglen læser)."""

    def __init__(self, population, parameters, datoer):
        self._trae = population.simulation.tax_benefit_system.parameters
        self._parameters, self._datoer = parameters, datoer

    def er_parameter(self, sti):
        return isinstance(find_parameter(self._trae, sti, gruppe=True), Parameter)

    def vaerdi(self, sti, beregn):
        return _paa_datoer(self._trae, self._parameters, self._datoer, (sti,), beregn)


class _PaaEnDag:
    """Værdierne på én dag (et `parameters(dato)`-træ)."""

    def __init__(self, paa_dagen):
        self._paa_dagen = paa_dagen

    def er_parameter(self, sti):
        # Under /trace er formlens træ OpenFiscas sporende udgave af knuderne.
        return not isinstance(_slaa_sti_op(self._paa_dagen, sti), (ParameterNodeAtInstant, TracingParameterNodeAtInstant))

    def vaerdi(self, sti, beregn):
        return beregn(self._paa_dagen)


def _slaa_op(node, kategorier):
    """`node[kategorier]` for en parameter-node pr. kategori (fx pr. målgruppe), vektoriseret.

    Samme resultat som OpenFiscas `node[enum_array]`, men som ét numpy-opslag: OpenFiscas
    vektorielle opslag løber en Python-løkke over alle personer (1,8 s pr. million). `kategorier`
    er formlens Enum-array fra OpenFisca; indekset huskes, så længe arrayet lever.
    """
    enum = kategorier.possible_values
    tabel = numpy.array([node[medlem.name] for medlem in enum])
    if tabel.dtype.hasobject:
        return tabel[_husket(kategorier, _som_indeks)]
    # Det samme opslag (samme kategori-array, samme tabel) kommer igen i hver måned og i flere
    # formler: målgruppen er det samme array hele året, og tabellen skifter kun, når reglen gør.
    # Svaret huskes pr. array og tabel (ca. 5 % af en bid); tabellen bygges stadig hver gang, så
    # /trace viser hver parameter, reglen læste.
    return _husket(kategorier, _opslag_i_tabel(tabel.dtype.str, tabel.shape, tabel.tobytes()))


@functools.lru_cache(maxsize=1024)
def _opslag_i_tabel(dtype, form, data):
    """Funktionen kategorier → tabellens værdi pr. person; én pr. tabel, så `_husket` kan huske
    svaret pr. array og tabel. Svaret kan ikke ændres (det deles af alle, der spørger)."""
    tabel = numpy.frombuffer(data, dtype=dtype).reshape(form)

    def opslag(kategorier):
        ud = tabel[_husket(kategorier, _som_indeks)]
        ud.flags.writeable = False
        return ud

    return opslag


def _som_indeks(kategorier):
    # numpy gør selv et int16-indeks til intp ved hvert opslag; en målgruppe (et input fra
    # OpenFisca, det samme array hele året) slås op mange gange om måneden, så indekset huskes.
    return numpy.asarray(kategorier.view(numpy.ndarray) if hasattr(kategorier, "view") else kategorier, dtype=numpy.intp)


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
    de fleste deler, huskes, så længe arrayet lever (`_husket`), så arrayet må ikke ændres bagefter;
    OpenFiscas cachede arrays ændres aldrig.
    """
    trae = population.simulation.tax_benefit_system.parameters
    return _paa_datoer(trae, parameters, datoer, laeste_parametre(trae, beregn), beregn)


def _paa_datoer(trae, parameters, datoer, stier, beregn):
    """`beregn(parametre)` på hver dato i `datoer`; `stier` er de parametre, `beregn` læser."""
    # Træet (ikke værdierne) giver skiftedatoerne: openfisca-core 46's `parameters(tidspunkt)` kender
    # kun værdierne på tidspunktet. Værdierne læses derefter gennem `parameters`.
    skift = tuple(skiftedatoer(trae, stier))
    datoer = som_dato(datoer)
    # Formlerne kalder her mange gange pr. måned, og næsten alle personer har samme dato: den
    # beregnede måneds første dag, når der ikke er et forløb. Hvordan personerne deler sig i
    # regelversioner, afhænger kun af datoerne og skiftedatoerne: regnet én gang pr. array og
    # skiftedatoer og brugt af alle regler med de samme skiftedatoer i måneden.
    deling = _husket(datoer, _versionsdeling(skift))
    if deling is None:
        return _pr_version(datoer, _husket(datoer, _versioner(skift)), skift, parameters, beregn)
    faelles_version, andre = deling
    resultat = numpy.asarray(beregn(parameters(skift[faelles_version])))
    if not andre:
        return _en_pr_dato(resultat, datoer)
    ud = {k: numpy.asarray(beregn(parameters(skift[k]))) for k, _ in andre}
    samlet = numpy.empty(datoer.shape, dtype=numpy.result_type(resultat, *ud.values()))
    samlet[...] = resultat
    for k, hvem in andre:
        vaerdi = ud[k]
        samlet[hvem] = vaerdi[hvem] if vaerdi.ndim else vaerdi
    return samlet


def _brugte(version, antal):
    """De regelversioner (0..antal-1), nogen har, sorteret: som numpy.unique, uden sortering."""
    return [int(k) for k in numpy.flatnonzero(numpy.bincount(version.ravel(), minlength=antal))]


def _version(skift_dage, d):
    """Regelversionen (indeks i skiftedatoerne) for datoerne `d`. Datoer før parametrenes første
    værdi får de første regler; NaT sorteres sidst."""
    return numpy.maximum(numpy.searchsorted(skift_dage, d, side="right") - 1, 0)


@functools.cache
def _versionsdeling(skift):
    """Funktionen datoer → (den fælles datos version, [(anden version, personernes indekser)]),
    eller None, når ingen dato er fælles for mindst halvdelen; én funktion pr. tupel af
    skiftedatoer, så `_husket` kan huske svaret pr. array og skiftedatoer."""
    skift_dage = numpy.array(skift, dtype="datetime64[D]")

    def deling(datoer):
        faelles, andre = _faelles_dato(datoer)
        if faelles is None:
            return None
        faelles_version = int(_version(skift_dage, faelles))
        return faelles_version, _andre_pr_version(datoer, andre, skift, skift_dage, faelles_version)

    return deling


def _andre_pr_version(datoer, andre, skift, skift_dage, faelles_version):
    """[(regelversion, personernes indekser)] for de andre (`_faelles_dato`) i hver version, nogen
    af dem har, ud over den fælles datos. `skift` er skiftedatoerne som tupel (nøglen),
    `skift_dage` de samme som array."""
    dage = _husket(datoer, _andres_dage)
    if dage is None:
        version = _version(skift_dage, datoer[andre])
        grupper = [(k, andre[version == k]) for k in _brugte(version, len(skift_dage))]
    else:
        grupper = dage.efter_version(skift, skift_dage)
    return [(k, hvem) for k, hvem in grupper if k != faelles_version]


# En tabel pr. dag må have så mange dage mere, end der er personer: at bygge den koster så højst en
# binær søgning over lige så mange datoer (ca. 11 år ud over personerne).
_TABEL_EKSTRA_DAGE = 4096


class _AndresDage:
    """De personer, der ikke har den fælles dato ("de andre", fx alle med et forløb), og deres
    deling i regelversioner, husket pr. sæt skiftedatoer.

    Samme array kommer igen med op til en håndfuld sæt skiftedatoer pr. måned (hver regel sine).
    De andres datoer ligger tæt (forløbenes første dage), så versionen slås op i en tabel pr. dag
    fra den tidligste til den seneste dato i stedet for en binær søgning pr. person. Versionerne
    vokser med datoen: ligger den tidligste og den seneste dag i samme version (det typiske), er
    alle de andre i den, uden at nogen slås op. Med en regeldato (`regeldato`) er de andre de
    oplyste starter, de samme hele året, og delingen regnes én gang pr. år, ikke pr. måned.
    """

    __slots__ = ("andre", "_foerste", "_dagnumre", "_spaend", "_efter_version", "_aammdd", "__weakref__")

    def __init__(self, andre, foerste, dagnumre, spaend):
        self.andre, self._foerste, self._dagnumre, self._spaend = andre, foerste, dagnumre, spaend
        self._efter_version, self._aammdd = {}, None

    def aammdd(self):
        """De andres datoer som ÅÅÅÅMMDD (til alderen på datoen), regnet første gang."""
        if self._aammdd is None:
            self._aammdd = som_aammdd(self._foerste + self._dagnumre)
        return self._aammdd

    @classmethod
    def af(cls, andre, dage):
        """For de andres indekser og datoer; None, når en af datoerne mangler (NaT) eller de
        spænder over mere end `_TABEL_EKSTRA_DAGE` dage ud over antallet af personer (så er
        tabellen ikke billigere end søgningen)."""
        if dage.size == 0 or numpy.isnat(dage).any():
            return None
        foerste, sidste = dage.min(), dage.max()
        spaend = int((sidste - foerste).astype(numpy.int64)) + 1
        if spaend > dage.size + _TABEL_EKSTRA_DAGE:
            return None
        return cls(andre, foerste, (dage - foerste).astype(numpy.intp), spaend)

    def efter_version(self, skift, skift_dage):
        """[(version, de andres indekser)] for hver version, nogen af dem har."""
        grupper = self._efter_version.get(skift)
        if grupper is None:
            tabel = _version(skift_dage, self._foerste + numpy.arange(self._spaend))
            if tabel[0] == tabel[-1]:
                grupper = [(int(tabel[0]), self.andre)]
            else:
                version = tabel[self._dagnumre]
                grupper = [(k, self.andre[version == k]) for k in range(int(tabel[0]), int(tabel[-1]) + 1)]
                grupper = [(k, hvem) for k, hvem in grupper if hvem.size]
            self._efter_version[skift] = grupper
        return grupper


def _andres_dage(datoer):
    _, andre = _faelles_dato(datoer)
    return _AndresDage.af(andre, datoer[andre])


def _faelles_dato(datoer):
    """(den dato, mindst halvdelen af personerne har, indekserne på de andre) — eller (None, None).

    Alle, der ikke har den fælles dato, er blandt de andre; de andre kan også rumme personer med den
    fælles dato (fra `regeldato`: en oplyst start på månedens første dag). Brugerne regner de
    andres egne datoer, så det giver det samme."""
    return _husket(datoer, _find_faelles_dato)


# Under så mange datoer (fx en forespørgsel til web-API'et) er en fælles dato ikke værd at lede efter.
_MINDST_FOR_FAELLES = 64


def _find_faelles_dato(datoer):
    # Kandidaten findes i en stikprøve; én sammenligning over alle afgør, om den holder.
    if datoer.ndim != 1 or datoer.size < _MINDST_FOR_FAELLES:
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


@functools.cache
def _versioner(skift):
    """Funktionen datoer → [(version, personerne med den)] for de regelversioner, nogen bruger, når
    ingen dato er fælles for de fleste (fx deltagerne i de antagne satsers høje ende); én funktion
    pr. tupel af skiftedatoer, så `_husket` kan huske svaret pr. array og skiftedatoer."""
    skift_dage = numpy.array(skift, dtype="datetime64[D]")

    def versioner(datoer):
        version = _version(skift_dage, datoer)
        # Den første version gælder for alle, de andre hvor personerne har dem (`_pr_version`).
        return [(k, None if i == 0 else version == k) for i, k in enumerate(_brugte(version, len(skift_dage)))]

    return versioner


def _pr_version(datoer, versioner, skift, parameters, beregn):
    """Den generelle vej: reglen beregnet for hver regelversion, nogen bruger, og valgt pr. person."""
    (foerste, _), *andre = versioner
    resultat = numpy.asarray(beregn(parameters(skift[foerste])))
    for k, hvem in andre:
        resultat = numpy.where(hvem, beregn(parameters(skift[k])), resultat)
    return _en_pr_dato(resultat, datoer)


def _en_pr_dato(resultat, datoer):
    """Resultatet med én værdi pr. dato (en regel, der giver ét tal for alle, bredes ud).

    Udbredt uden kopi (en skrivebeskyttet visning med skridtlængde 0): formlerne regner videre med
    den som med et array, og at kopiere tallet ud til hver person kostede ca. 3 % af en bid."""
    return resultat if resultat.shape == datoer.shape else numpy.broadcast_to(resultat, datoer.shape)


def skiftedatoer(trae, stier):
    """De datoer ('ÅÅÅÅ-MM-DD', sorteret), hvor en af parametrene `stier` i `trae` får en ny værdi."""
    return sorted({v.instant_str for sti in stier for p in alle_parametre(find_parameter(trae, sti, gruppe=True)) for v in p.values_list})


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
            raise TypeError("regler_paa_dato: slå parametre op ved navn (pr. kategori: foerste_dag(...).gruppe[kategorier])")
        barn = self._knude.children[navn]
        sti = f"{self._sti}.{navn}" if self._sti else navn
        if isinstance(barn, Parameter):
            self._laest.add(sti)
            vaerdi = barn.values_list[-1].value  # den første værdi (listen er nyeste først)
            return 0 if vaerdi is None else vaerdi
        return _Opslag(barn, sti, self._laest)

    def __iter__(self):
        return iter(self._knude.children)


def regeldato(startdato, period):
    """Datoen, hvis regler gælder for et forløb: forløbets første dag, eller — når den ikke er
    oplyst — den beregnede måneds første dag. `startdato` er formlens array fra OpenFisca."""
    start = som_dato(startdato)
    maanedens = numpy.datetime64(period.start.date, "D")
    ud = numpy.full(start.shape, maanedens)
    oplyste = _husket(start, _oplyste)
    ud.reshape(-1)[oplyste] = start.reshape(-1)[oplyste]
    # Kan ikke ændres: delingen nedenfor huskes med arrayet og ville ellers passe til de gamle datoer.
    ud.flags.writeable = False
    if ud.ndim == 1 and ud.size >= _MINDST_FOR_FAELLES and 2 * oplyste.size <= ud.size:
        # Månedens første dag er den fælles dato, og de andre er de oplyste starter, de samme hele
        # året (startdatoen er et input): deres deling i regelversioner huskes med startdatoen og
        # regnes én gang pr. år i stedet for pr. måned. (En oplyst start på månedens første dag
        # er så blandt de andre; den får samme version som den fælles dato.)
        _husk(ud, _find_faelles_dato, (maanedens, oplyste))
        _husk(ud, _andres_dage, _husket(start, _oplystes_dage))
    return ud


def forloebets_startmaaned(startdato):
    """Den første dag i startdatoens måned (et forløbs første måned tæller helt). `startdato` er
    formlens array fra OpenFisca; svaret huskes og kan ikke ændres."""
    return _husket(som_dato(startdato), _startmaaned)


def _oplyste(start):
    return numpy.flatnonzero(oplyst(start))


def _oplystes_dage(start):
    oplyste = _husket(start, _oplyste)
    return _AndresDage.af(oplyste, start.reshape(-1)[oplyste])


def _startmaaned(start):
    ud = numpy.array(foerste_dag_i_maaneden(start))
    ud.flags.writeable = False
    return ud


def alder_paa_dagen(foedselsdato, dag):
    """Alder i hele år på én dag, den samme for alle (fx månedens første dag); som
    `datoer.alder_paa_dato`. `foedselsdato` er formlens array fra OpenFisca, det samme hele året:
    dets ÅÅÅÅMMDD regnes én gang og huskes, så længe arrayet lever (ikke igen hver måned)."""
    return alder_af_aammdd(som_aammdd(dag), _husket(som_dato(foedselsdato), _foedt_aammdd))


def _foedt_aammdd(foedselsdato):
    ud = som_aammdd(foedselsdato)
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
    # et forløb: de andre har månedens første dag som regeldato). De andre fra `_faelles_dato` kan
    # også have månedens første dag; for dem er forskydningen 0.
    faelles, andre = _faelles_dato(dato)
    if faelles is not None and faelles == maanedens_start:
        anden_dag = andre
    else:
        anden_dag = numpy.flatnonzero(dato != maanedens_start)
    if len(anden_dag) == 0:
        return alder
    resultat = alder.copy()
    # Som `alder_paa_dato`, med ÅÅÅÅMMDD husket: fødselsdatoens for året, og de andres datoer
    # (de oplyste starter) med regeldatoen, også for året.
    foedt_aammdd = _husket(som_dato(foedt), _foedt_aammdd)[anden_dag]
    dage = _husket(dato, _andres_dage) if anden_dag is andre else None
    paa_datoen = som_aammdd(dato[anden_dag]) if dage is None else dage.aammdd()
    resultat[anden_dag] -= alder_af_aammdd(som_aammdd(maanedens_start), foedt_aammdd) - alder_af_aammdd(paa_datoen, foedt_aammdd)
    return resultat


# Svar, der huskes pr. array, så længe arrayet lever. Formlerne giver de samme arrays mange gange:
# månedens regeldato (OpenFiscas cachede array) til op til otte regler, en persons målgruppe (et
# input) i alle årets måneder. Hvad der afhænger af arrayet alene (den dato, de fleste deler;
# indekser til opslag), regnes så én gang (8 % af tiden ved 1 mio. personer). Arrays i OpenFiscas
# cache ændres aldrig, så et svar gælder, så længe arrayet findes; når det forsvinder, glemmes det.
# Kun for formlens arrays fra OpenFisca, givet til hjælperne her: et array, som nogen ændrer
# bagefter, ville få det gamle svar.
_HUSKET = {}


def _husket(array, beregn):
    """`beregn(array)`, regnet første gang og husket, så længe `array` lever."""
    svar = _svarene(array)
    if svar is None:  # kan ikke huskes (fx en Python-skalar): regnes igen næste gang
        return beregn(array)
    if beregn not in svar:
        svar[beregn] = beregn(array)
    return svar[beregn]


def _husk(array, beregn, vaerdi):
    """Husk `vaerdi` som svaret for `array` og `beregn` (den, der lavede arrayet, kender et svar,
    der kan bruges i stedet for `beregn(array)`, fx `regeldato`'s deling). Arrayet må ikke kunne
    ændres bagefter."""
    _svarene(array)[beregn] = vaerdi


def _svarene(array):
    """Ordbogen beregn → svar for `array`, så længe det lever; None, når det ikke kan huskes."""
    noegle = id(array)
    post = _HUSKET.get(noegle)
    if post is None or post[0]() is not array:
        try:
            reference = weakref.ref(array, lambda _: _HUSKET.pop(noegle, None))
        except TypeError:
            return None
        post = _HUSKET[noegle] = (reference, {})
    return post[1]
