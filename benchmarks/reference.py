"""Numpy-referencen: de to tunge ordninger, voksenlærling og løntilskud, i ren numpy (ingen OpenFisca).

Referencen er benchmarkens målestok for hastighed, ikke en anden kopi af hele modellen. Den har
de to ordninger, der bærer næsten hele beregningen (de fleste deltagere, regler på forløbets første
dag, datoregning, opslag pr. målgruppe og samspillet mellem dem: timer med voksenlærlingetilskud
giver ikke også løntilskud). De øvrige ordninger er kun i pakken, og deres rigtighed bæres af
YAML-testene (`openfisca_dk_jobcenter/tests/`). Hvorfor: se benchmarks/README.md.

Skrevet fra reglerne (lovens paragraffer, docs/jurister.md og parameterfilernes dokumentation),
ikke fra pakkens formler, så en fejl i en formel eller i referencen viser sig i benchmarkens
kontrol. Satser og grænser læses fra pakkens YAML-parameterfiler
(`openfisca_dk_jobcenter/parameters/`) med pyyaml, så referencen følger lovens datoer.

Referencen regner hver regel over alle personer, som pakken gør; den springer ikke over personer
uden for ordningerne. Beløb regnes i float64.

Input er en befolkningsblok med attributterne `aar`, `person_virksomhed`, `antal_virksomheder`,
`personer`, `personer_maaned` og `virksomheder` (som `openfisca_dk_jobcenter.befolkning.model.
Befolkning`; den importeres ikke her). Resultatet er hver ordnings tilskud pr. entitet i året.
"""

import datetime
from functools import cache
from pathlib import Path

import numpy
import yaml

PARAMETRE = Path(__file__).resolve().parent.parent / "openfisca_dk_jobcenter" / "parameters"
INGEN_DATO = numpy.datetime64("1970-01-01", "D")  # befolkningens "ingen dato": ikke oplyst
UENDELIG = numpy.datetime64("9999-12-31", "D")
STANDARD_FOEDSELSDATO = numpy.datetime64("1990-01-01", "D")  # foedselsdato, når den ikke er givet

# Uddannelsesniveauerne fra lavest til højest (kategorien Uddannelsesniveau i kategorier.py; en
# test holder listen lig den). Faglært: erhvervsuddannelse eller derover.
NIVEAUER = (
    "grundskole",
    "gymnasial",
    "erhvervsuddannelse",
    "kort_videregaaende",
    "mellemlang_videregaaende",
    "lang_videregaaende",
)
FAGLAERT_FRA = NIVEAUER.index("erhvervsuddannelse")


# ----- Parametre fra YAML -----


@cache
def _vaerdier(sti, barn=None):
    """(datoer, værdier) for parameterfilen `sti` (fx "voksenlaerling/minimumsalder"), sorteret;
    `barn` vælger en underparameter i en fil med flere (fx en målgruppe)."""
    with open(PARAMETRE / f"{sti}.yaml", encoding="utf-8") as f:
        indhold = yaml.safe_load(f)
    if barn is not None:
        indhold = indhold[barn]
    par = []
    for dato, v in indhold["values"].items():
        if isinstance(v, dict):
            v = v.get("value")
        if isinstance(dato, str):
            dato = datetime.date.fromisoformat(dato)
        par.append((dato, v))
    par.sort(key=lambda p: p[0])
    return tuple(p[0] for p in par), tuple(p[1] for p in par)


def indlaes_parametre():
    """Læs alle parameterfilerne ind (referencens svar til at bygge pakkens skattesystem)."""
    for sti in PARAMETRE.rglob("*.yaml"):
        relativ = sti.relative_to(PARAMETRE).with_suffix("").as_posix()
        with open(sti, encoding="utf-8") as f:
            indhold = yaml.safe_load(f)
        if "values" in indhold:
            _vaerdier(relativ)
        else:
            for barn, node in indhold.items():
                if isinstance(node, dict) and "values" in node:
                    _vaerdier(relativ, barn)


def parameter(sti, dato, barn=None):
    """Værdien i kraft på `dato` (et `datetime.date`): den seneste værdi dateret senest `dato`."""
    datoer, vaerdier = _vaerdier(sti, barn)
    gaeldende = [v for d, v in zip(datoer, vaerdier, strict=True) if d <= dato]
    if not gaeldende or gaeldende[-1] is None:
        raise ValueError(f"parameteren {sti} har ingen værdi {dato}")
    return gaeldende[-1]


def parameter_paa_datoer(sti, datoer, barn=None):
    """Værdien i kraft på hver dato i arrayet `datoer` (før første værdi: første værdi)."""
    fra, vaerdier = _vaerdier(sti, barn)
    fra = numpy.array(fra, dtype="datetime64[D]")
    tal = numpy.array([numpy.nan if v is None else v for v in vaerdier], dtype=numpy.float64)
    i = numpy.searchsorted(fra, datoer, side="right") - 1
    return tal[numpy.maximum(i, 0)]


def parameter_pr_gruppe_paa_datoer(sti, grupper, koder, datoer):
    """Værdien for hver persons gruppe (`koder` indekserer `grupper`) i kraft på personens dato."""
    ud = numpy.empty(len(koder))
    for k, gruppe in enumerate(grupper):
        hvem = koder == k
        if hvem.any():
            ud[hvem] = parameter_paa_datoer(sti, datoer[hvem], barn=gruppe)
    return ud


# ----- Datoer -----


def _aar_maaned_dag(datoer):
    """(år, måned 1-12, dag 1-31) som int-arrays."""
    m = datoer.astype("datetime64[M]")
    aar = datoer.astype("datetime64[Y]").astype(numpy.int64) + 1970
    maaned = (m - datoer.astype("datetime64[Y]").astype("datetime64[M]")).astype(numpy.int64) + 1
    dag = (datoer - m.astype("datetime64[D]")).astype(numpy.int64) + 1
    return aar, maaned, dag


def alder(foedselsdato, dato):
    """Alder i hele år på `dato` (array eller én dato); man er et år ældre på fødselsdagen (født
    29. februar: 1. marts i år uden skuddag). `foedselsdato` kan også være (år, måned, dag) fra
    `_aar_maaned_dag`, så den kun skal deles op én gang."""
    fa, fm, fd = foedselsdato if isinstance(foedselsdato, tuple) else _aar_maaned_dag(foedselsdato)
    if isinstance(dato, datetime.date):
        da, dm, dd = dato.year, dato.month, dato.day
    else:
        da, dm, dd = _aar_maaned_dag(dato)
    skudaar = ((da % 4 == 0) & (da % 100 != 0)) | (da % 400 == 0)
    # 29. februar i et år uden skuddag: fødselsdagen er 1. marts.
    flyttes = (fm == 2) & (fd == 29) & ~skudaar
    fm = numpy.where(flyttes, 3, fm)
    fd = numpy.where(flyttes, 1, fd)
    foer_foedselsdag = (dm < fm) | ((dm == fm) & (dd < fd))
    return da - fa - foer_foedselsdag


def plus_maaneder(datoer, maaneder):
    """Samme dato `maaneder` kalendermåneder senere; findes dagen ikke, månedens sidste dag."""
    maaned = datoer.astype("datetime64[M]")
    dag0 = (datoer - maaned.astype("datetime64[D]")).astype(numpy.int64)
    ny = maaned + numpy.asarray(maaneder, dtype=numpy.int64)
    sidste0 = ((ny + 1).astype("datetime64[D]") - ny.astype("datetime64[D]")).astype(numpy.int64) - 1
    return ny.astype("datetime64[D]") + numpy.minimum(dag0, sidste0)


def maanedens_dage(aar, maaned):
    """Første dag, første dag efter og antal dage i måneden."""
    forste = numpy.datetime64(f"{aar}-{maaned:02d}-01", "D")
    efter = (numpy.datetime64(f"{aar}-{maaned:02d}", "M") + 1).astype("datetime64[D]")
    return forste, efter, int((efter - forste).astype(numpy.int64))


def andel(forste, efter, dage, fra, til):
    """Andel af månedens kalenderdage i [fra, til)."""
    d = (numpy.minimum(til, efter) - numpy.maximum(fra, forste)).astype(numpy.int64)
    return numpy.clip(d, 0, dage) / dage


# ----- Input -----


def _koder(navne, mulige):
    """Enum-navne (str-array) → indeks i `mulige`."""
    mulige = numpy.asarray(mulige)
    orden = numpy.argsort(mulige)
    i = numpy.searchsorted(mulige, navne, sorter=orden)
    return orden[numpy.minimum(i, len(mulige) - 1)]


class _Input:
    """Befolkningsblokkens input med variablernes standardværdier, når et navn mangler."""

    def __init__(self, b):
        self.b = b
        self.n = len(b.person_virksomhed)
        self.pv = b.person_virksomhed
        self.nv = b.antal_virksomheder

    def person(self, navn, standard):
        v = self.b.personer.get(navn)
        return numpy.full(self.n, standard) if v is None else v

    def maaned(self, navn, m, standard=0.0):
        """Månedens værdi (m = 1-12) som float64."""
        v = self.b.personer_maaned.get(navn)
        if v is not None:
            return v[m - 1].astype(numpy.float64)
        v = self.b.personer.get(navn)
        if v is not None:
            return numpy.asarray(v, dtype=numpy.float64)
        return numpy.full(self.n, float(standard))

    def virksomhed(self, navn, standard):
        v = self.b.virksomheder.get(navn)
        return numpy.full(self.nv, standard) if v is None else numpy.asarray(v)


class _Maaned:
    def __init__(self, aar, m):
        self.m = m
        self.dag = datetime.date(aar, m, 1)
        self.dag64 = numpy.datetime64(self.dag, "D")
        self.forste, self.efter, self.dage = maanedens_dage(aar, m)

    def andel(self, fra, til):
        return andel(self.forste, self.efter, self.dage, fra, til)


# ----- Ordningerne -----


class Voksenlaerling:
    """Voksenlærlingetilskud pr. person (LAB kap. 23, §§ 155 og 159)."""

    def __init__(self, x):
        self.x = x
        self.start = x.person("voksenlaerling_aftale_start", INGEN_DATO)
        self.ansoegt = x.person("voksenlaerling_ansoegningsdato", INGEN_DATO)
        self.fra_ledighed = x.person("voksenlaerling_kommer_fra_ledighed", False)
        self.paa_listen = x.person("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", False)
        self.niveau = _koder(x.person("hoejeste_uddannelse", "grundskole"), NIVEAUER)
        self.faglaert = self.niveau >= FAGLAERT_FRA
        self.aar_siden = x.person("aar_siden_uddannelse_anvendt", 0.0)
        self.ledighed = x.person("forudgaaende_ledighed_maaneder", 0.0)
        self.oplyst = self.start != INGEN_DATO
        self.foedt = x.person("foedselsdato", STANDARD_FOEDSELSDATO)
        # Reglerne på aftalens første dag skifter ikke fra måned til måned: regnet én gang.
        # Kun personer uden oplyst start (typisk dem uden aftale) følger månedens regler.
        def ved_start(navn):
            return parameter_paa_datoer(f"voksenlaerling/{navn}", self.start)

        self.alder_ok_ved_start = alder(self.foedt, self.start) >= ved_start("minimumsalder")
        self.lang_ledighed_ved_start = self._lang_ledighed(slice(None), ved_start)
        # 2015-2019: en ledig ufaglært uden mere end 2 måneders ledighed er i 30 kr.-gruppen, og en
        # ledig med forældet uddannelse skal have mere end 2 måneder (STAR 2015 og 2018).
        self.kort_ved_start = self._kort(slice(None), ved_start)
        self.kort_liste_ved_start = ved_start("kort_ledighed_kraever_voksenlaerlingeliste") > 0
        # Forsøget 1. august 2020 – 31. december 2021: fra beskæftigelse også faglærte med forældet
        # uddannelse, og voksenlærlingelisten kræves ikke.
        self.foraeldet_besk_ved_start = ved_start("foraeldet_fra_beskaeftigelse_omfattet") > 0
        self.besk_liste_ved_start = ved_start("fra_beskaeftigelse_kraever_voksenlaerlingeliste") > 0
        rettidig = self.ansoegt <= plus_maaneder(self.start, ved_start("ansoegningsfrist_maaneder"))
        # Søgt senere end fristen: tilskud først fra ansøgningsdatoen. Rettidigt: aftalens første
        # måned tæller helt (praktiktimerne er kun aftalens timer).
        startmaaned = self.start.astype("datetime64[M]").astype("datetime64[D]")
        self.fra_ved_start = numpy.where(rettidig, startmaaned, numpy.maximum(self.start, self.ansoegt))
        kort_begraenset = self.fra_ledighed & ~self.faglaert & self.kort_ved_start & (
            ved_start("kort_ledighed_tilskud_hele_aftalen") == 0
        )
        hele_aftalen = self.fra_ledighed & (ved_start("tilskud_hele_aftalen_fra_ledighed") > 0) & ~kort_begraenset
        slut = plus_maaneder(self.start, ved_start("tilskudsperiode_fra_beskaeftigelse_maaneder"))
        self.til = numpy.where(self.oplyst & ~hele_aftalen, slut, UENDELIG)

    def _lang_ledighed(self, hvem, regel):
        """Faglært med nok ledighed ("mere end", i forsøget 2018-2019 "mindst") efter `regel`."""
        krav = regel("faglaert_ledighed_maaneder")
        ledighed = self.ledighed[hvem]
        nok = numpy.where(regel("faglaert_ledighed_mindst") > 0, ledighed >= krav, ledighed > krav)
        return nok & (self.paa_listen[hvem] | (regel("faglaert_kraever_voksenlaerlingeliste") == 0))

    def _kort(self, hvem, regel):
        """Ikke mere end 2 måneders ledighed, mens kravet gælder (2015-2019), efter `regel`."""
        return (regel("ufaglaert_ledighed/kraeves") > 0) & (self.ledighed[hvem] <= regel("ufaglaert_ledighed/maaneder"))

    def maaned(self, md):
        def p(navn):
            return parameter(f"voksenlaerling/{navn}", md.dag)

        # Uden praktiktimer intet tilskud: kun personer med timer i måneden regnes.
        timer_alle = self.x.maaned("voksenlaerling_praktiktimer", md.m)
        h = numpy.flatnonzero(timer_alle > 0)
        alder_ok = self.alder_ok_ved_start[h]
        lang_ledighed = self.lang_ledighed_ved_start[h]
        kort = self.kort_ved_start[h]
        kort_liste = self.kort_liste_ved_start[h]
        foraeldet_besk = self.foraeldet_besk_ved_start[h]
        besk_liste = self.besk_liste_ved_start[h]
        fra = self.fra_ved_start[h]
        u = ~self.oplyst[h]
        if u.any():  # månedens regler for dem uden oplyst start (ingen kendt slutning)
            hu = h[u]
            alder_ok[u] = alder(self.foedt[hu], md.dag64) >= p("minimumsalder")
            lang_ledighed[u] = self._lang_ledighed(hu, p)
            kort[u] = self._kort(hu, p)
            kort_liste[u] = p("kort_ledighed_kraever_voksenlaerlingeliste") > 0
            foraeldet_besk[u] = p("foraeldet_fra_beskaeftigelse_omfattet") > 0
            besk_liste[u] = p("fra_beskaeftigelse_kraever_voksenlaerlingeliste") > 0
            frist = plus_maaneder(numpy.array([INGEN_DATO]), p("ansoegningsfrist_maaneder"))[0]
            fra[u] = numpy.where(self.ansoegt[hu] <= frist, INGEN_DATO, numpy.maximum(INGEN_DATO, self.ansoegt[hu]))
        faglaert = self.faglaert[h]
        foraeldet = faglaert & (self.aar_siden[h] >= parameter("faelles/foraeldet_uddannelse_aar", md.dag))
        fra_ledighed = self.fra_ledighed[h]
        paa_listen = self.paa_listen[h]
        kort_ufaglaert = fra_ledighed & ~faglaert & kort
        # Fra ledighed: ufaglært (30 kr.-gruppen 2015 – marts 2018 kun med uddannelsen på listen),
        # forældet uddannelse (2015-2019 med mere end 2 måneder) eller faglært med nok ledighed.
        # Fra beskæftigelse: ufaglært (forsøget 2020-2021: også forældet) og uddannelsen på listen.
        ledig_ok = (~faglaert | (foraeldet & ~kort) | lang_ledighed) & ~(kort_ufaglaert & kort_liste & ~paa_listen)
        besk_ok = (~faglaert | (foraeldet & foraeldet_besk)) & (paa_listen | ~besk_liste)
        gruppe_ok = numpy.where(fra_ledighed, ledig_ok, besk_ok)
        a = md.andel(fra, self.til[h])
        fra_ledighed_sats = numpy.where(kort_ufaglaert, p("timesats/ufaglaert_kort_ledighed"), p("timesats/fra_ledighed"))
        sats = numpy.where(fra_ledighed, fra_ledighed_sats, p("timesats/fra_beskaeftigelse"))
        ud = numpy.zeros(self.x.n)
        ud[h] = (alder_ok & gruppe_ok & (a > 0)) * sats * timer_alle[h] * a
        return ud


MAALGRUPPER = (  # kategorien Maalgruppe i kategorier.py, i samme rækkefølge (en test holder den)
    "beskaeftiget",
    "dagpengemodtager",
    "kontanthjaelpsmodtager",
    "uddannelseshjaelpsmodtager",
    "sygedagpengemodtager",
    "jobafklaringsforloeb",
    "ressourceforloeb",
    "ledighedsydelsesmodtager",
    "revalidend",
    "selvforsoergende_ledig",
)


class Loentilskud:
    """Løntilskud pr. person (LAB kap. 12, §§ 66-69): satsen i måneden efter arbejdsgiverens
    sektor × timerne, forholdsmæssigt i den måned, den længste periode udløber. Målgruppe,
    ledighedskrav, alder og varighed følger reglerne på løntilskuddets første dag (ikke oplyst:
    månedens regler og ingen kendt slutning); timer, der giver voksenlærlingetilskud, giver ikke
    også løntilskud."""

    def __init__(self, x):
        self.x = x
        self.start = x.person("loentilskud_start", INGEN_DATO)
        self.oplyst = self.start != INGEN_DATO
        self.offentlig = (x.virksomhed("sektor", "privat") == "offentlig")[x.pv]
        self.gruppe = _koder(x.person("maalgruppe", "beskaeftiget"), MAALGRUPPER)
        self.niveau = _koder(x.person("hoejeste_uddannelse", "grundskole"), NIVEAUER)
        self.foedt = x.person("foedselsdato", STANDARD_FOEDSELSDATO)
        self.enlig = x.person("er_enlig_forsoerger", False)
        self.ledighed = x.person("forudgaaende_ledighed_maaneder", 0.0)
        self.aktivitetsparat = (
            (self.gruppe == MAALGRUPPER.index("kontanthjaelpsmodtager"))
            | (self.gruppe == MAALGRUPPER.index("uddannelseshjaelpsmodtager"))
        ) & x.person("er_aktivitetsparat", False)
        # Reglerne på startdagen skifter ikke fra måned til måned: regnet én gang.
        self.betingelser_ved_start, max_ved_start = self._regler(slice(None), self.start)
        self.fra = self.start.astype("datetime64[M]").astype("datetime64[D]")  # første måned tæller helt
        self.til = numpy.where(self.oplyst, plus_maaneder(self.start, max_ved_start), UENDELIG)

    def _regler(self, hvem, dato):
        """(betingelser opfyldt, længste periode i måneder) for personerne `hvem` på `dato`."""
        gruppe = self.gruppe[hvem]
        datoer = numpy.broadcast_to(numpy.asarray(dato, dtype="datetime64[D]"), gruppe.shape)

        def pr_gruppe(sti):
            return parameter_pr_gruppe_paa_datoer(f"loentilskud/{sti}", MAALGRUPPER, gruppe, datoer)

        def paa(sti):
            return parameter_paa_datoer(f"loentilskud/{sti}", datoer)

        offentlig = self.offentlig[hvem]
        i_maalgruppen = pr_gruppe("maalgruppe_omfattet") > 0
        krav_gaelder = numpy.where(
            offentlig, pr_gruppe("ledighedskrav/gaelder/offentlig"), pr_gruppe("ledighedskrav/gaelder/privat")
        ) > 0
        undtaget = (
            (self.niveau[hvem] == NIVEAUER.index("grundskole"))
            | (alder(self.foedt[hvem], datoer) > paa("ledighedskrav/undtaget_over_alder"))
            | self.enlig[hvem]
        )
        ledighed = self.ledighed[hvem]
        krav = paa("ledighedskrav/maaneder")
        nok = numpy.where(paa("ledighedskrav/skal_overstiges") > 0, ledighed > krav, ledighed >= krav)
        saerlig = pr_gruppe("saerlig_varighed_maaneder")
        sektor = numpy.where(offentlig, paa("offentlig/max_maaneder"), paa("privat/max_maaneder"))
        max_maaneder = numpy.where(
            self.aktivitetsparat[hvem], paa("aktivitetsparat_max_maaneder"), numpy.where(saerlig > 0, saerlig, sektor)
        )
        return i_maalgruppen & (~krav_gaelder | undtaget | nok), max_maaneder

    def maaned(self, md, voksenlaerling):
        if md.dag < datetime.date(2015, 1, 1):  # modellen begynder med beskæftigelsesreformen
            return numpy.zeros(self.x.n)
        timer = self.x.maaned("loentilskud_timer", md.m)
        betingelser = self.betingelser_ved_start.copy()
        # Uden oplyst start gælder månedens regler; kun personer med timer kan få tilskud.
        hvem = numpy.flatnonzero(~self.oplyst & (timer > 0))
        if len(hvem):
            betingelser[hvem] = self._regler(hvem, md.dag64)[0]
        sats = numpy.where(
            self.offentlig, parameter("loentilskud/offentlig/timesats", md.dag), parameter("loentilskud/privat/timesats", md.dag)
        )
        a = md.andel(self.fra, self.til)
        ok = betingelser & (a > 0) & ~(voksenlaerling > 0)
        return ok * sats * timer * a


# Referencens ordninger (nøgler i pakkens register, ordninger.py) og deres entitet. Benchmarken
# regner præcis disse på begge sider.
ORDNINGER = {
    "voksenlaerling": "person",
    "loentilskud": "person",
}


def beregn(b, maaneder=range(1, 13)):
    """Hver ordnings tilskud i året (de givne måneder) pr. entitet: {nøgle: array}."""
    x = _Input(b)
    vl, lt = Voksenlaerling(x), Loentilskud(x)
    kr = {noegle: numpy.zeros(x.n if e == "person" else x.nv) for noegle, e in ORDNINGER.items()}
    for m in maaneder:
        md = _Maaned(b.aar, m)
        voksenlaerling = vl.maaned(md)
        kr["voksenlaerling"] += voksenlaerling
        # Timer med voksenlærlingetilskud giver ikke også løntilskud (samspil.py).
        kr["loentilskud"] += lt.maaned(md, voksenlaerling)
    return kr
