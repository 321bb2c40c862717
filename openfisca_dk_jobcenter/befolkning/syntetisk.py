"""Den indbyggede syntetiske befolkning af danske arbejdsgivere og personer.

Seedet og reproducerbar: samme (seed, antal personer, år) giver altid samme befolkning. Den laves
i blokke af højst `BLOK_PERSONER` personer, hver med sin egen tilfældighedsstrøm
(`numpy.random.default_rng([seed, bloknummer])`), så en kørsel i bidder og en samlet kørsel ser
præcis de samme personer. (Blokken er befolkningens enhed for tilfældighed; hvor mange personer
der simuleres ad gangen, er kørslens bid, `befolkning.bidder.BID_PERSONER`.)

Vægtet: rækkerne er en lagdelt stikprøve med designvægte (`design.py`): ordningernes deltagere
og de ledige har flere rækker og mindre vægte, resten færre rækker og større vægte. Vægtene i
en blok summer til blokkens andel af arbejdsstyrken i året (`kalibrering.py`), så totaler er
landstal; ordningernes deltagelse er kalibreret til publicerede tal pr. år.
Antagelserne står i `ANTAGELSER.md` ved siden af denne fil.
"""

import functools

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import arbejdsstyrke
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.ordninger import ORDNINGSMODULER

BLOK_PERSONER = 50_000
# Replikatgrupper til totalernes 95 %-interval (analyse/usikkerhed.py): hver virksomhed (med alle
# sine personer) ligger i gruppen (blokkens virksomhedsnummer + en tilfældig forskydning) mod
# REPLIKATGRUPPER. Virksomhederne og deres personer trækkes uafhængigt af hinanden, og hvert lag
# af designet fordeles med fast antal på grupperne (design.py), så grupperne er ens fordelte, små
# kopier af stikprøven (tilfældige grupper, Wolter 2007, kap. 2), og en virksomhedsordning
# (jobrotation) holdes samlet. 30 grupper giver 29 frihedsgrader. Gruppen afhænger kun af
# blokken selv, så en blok laves ens alene og i rækken af blokke.
REPLIKATGRUPPER = 30

# Højeste fuldførte uddannelse, 25-64-årige (afrundet efter Danmarks Statistik, HFUDD).
UDDANNELSE = {
    "grundskole": 0.20,
    "gymnasial": 0.10,
    "erhvervsuddannelse": 0.33,
    "kort_videregaaende": 0.05,
    "mellemlang_videregaaende": 0.18,
    "lang_videregaaende": 0.14,
}
# Målgruppe før en eventuel indsats; resten er i beskæftigelse.
LEDIGE_MAALGRUPPER = {
    "dagpengemodtager": 0.035,
    "kontanthjaelpsmodtager": 0.020,
    "uddannelseshjaelpsmodtager": 0.008,
    "sygedagpengemodtager": 0.010,
    "jobafklaringsforloeb": 0.004,
    "ressourceforloeb": 0.004,
    "ledighedsydelsesmodtager": 0.003,
    "revalidend": 0.001,
    "selvforsoergende_ledig": 0.002,
}
ANDEL_OFFENTLIGE_ARBEJDSGIVERE = 0.06  # offentlige arbejdsgivere er færre, men større
ANDEL_ENLIGE_FORSOERGERE = 0.06


def syntetiske_blokke(antal_personer, seed=2026, aar=2026, blok_personer=BLOK_PERSONER):
    """Befolkningen som en række blokke (hver en `Befolkning`), til kørsel i bidder."""
    virksomheder_foer = 0
    for blok_nr in range(antal_blokke(antal_personer, blok_personer)):
        blok = syntetisk_blok(antal_personer, seed, aar, blok_nr, blok_personer, virksomheder_foer)
        virksomheder_foer += blok.antal_virksomheder
        yield blok


def antal_blokke(antal_personer, blok_personer=BLOK_PERSONER):
    if antal_personer < 1:
        raise ValueError(f"antal personer skal være mindst 1, fik {antal_personer}")
    return -(-antal_personer // blok_personer)


def syntetisk_blok(antal_personer, seed, aar, blok_nr, blok_personer=BLOK_PERSONER, virksomheder_foer=None):
    """Blok nr. `blok_nr` af befolkningen på `antal_personer` (vægtet, med person- og
    virksomheds-id'er og replikatgrupper), lavet uden de andre blokke: en arbejdsproces laver selv
    sine blokke. Virksomhederne nummereres fortløbende over hele befolkningen; rækkerne, lagene,
    designvægtene og replikatgrupperne afhænger kun af blokken selv (`lav_blok`) — de samme i en
    arbejder som i `syntetiske_blokke`, så totaler og intervaller er de samme til øren. `virksomheder_foer`
    (virksomhederne i de tidligere blokke) tælles, hvis den ikke gives (`_virksomheder_foer`)."""
    start = blok_nr * blok_personer
    if not 0 <= start < antal_personer:
        raise ValueError(f"blok {blok_nr} findes ikke i en befolkning på {antal_personer} personer")
    if virksomheder_foer is None:
        virksomheder_foer = _virksomheder_foer(antal_personer, seed, blok_nr, blok_personer)
    blok = lav_blok(min(blok_personer, antal_personer - start), seed, blok_nr, aar)
    # Designfaktorerne (middel 1, design.py) gange en jævn stikprøves vægt: blokken står for sin
    # andel af arbejdsstyrken; virksomhederne er alle med (deres faktor er jobrotationens start).
    # Replikatgrupperne er sat i `lav_blok` (lagene fordeles på dem, mens de trækkes).
    vaegt = arbejdsstyrke(aar).vaerdi / antal_personer
    blok.vaegt = blok.vaegt * vaegt
    blok.virksomhedsvaegt = blok.virksomhedsvaegt * vaegt
    blok.person_id = numpy.arange(start, start + blok.antal_personer)
    blok.virksomhed_id = numpy.arange(virksomheder_foer, virksomheder_foer + blok.antal_virksomheder)
    blok.kilde = f"syntetisk (seed {seed})"
    return blok


def _virksomheder_foer(antal_personer, seed, blok_nr, blok_personer):
    """Virksomhederne i blokkene før `blok_nr`: hver bloks virksomhedsstørrelser er det første,
    dens tilfældighedsstrøm trækker (`lav_blok`), så antallet fås uden at lave blokkens personer."""
    return sum(_antal_virksomheder(min(blok_personer, antal_personer - nr * blok_personer), seed, nr)
               for nr in range(blok_nr))


@functools.lru_cache(maxsize=4096)
def _antal_virksomheder(antal, seed, blok_nr):
    return _virksomheder(numpy.random.default_rng([seed, blok_nr]), antal)[1]


def syntetisk_befolkning(antal_personer, seed=2026, aar=2026):
    """Hele befolkningen på én gang (samme personer som `syntetiske_blokke`)."""
    return Befolkning.saml(syntetiske_blokke(antal_personer, seed, aar))


def lav_blok(antal, seed, blok_nr, aar):
    rng = numpy.random.default_rng([seed, blok_nr])
    person_virksomhed, antal_virksomheder = _virksomheder(rng, antal)
    b = Befolkning(aar=aar, person_virksomhed=person_virksomhed, antal_virksomheder=antal_virksomheder)
    # Designfaktorer (design.py): 1 for alle, indtil målgruppen og ordningerne trækkes.
    b.vaegt = numpy.ones(antal)
    b.virksomhedsvaegt = numpy.ones(antal_virksomheder)
    b.gruppe = ((numpy.arange(antal_virksomheder) + rng.integers(REPLIKATGRUPPER)) % REPLIKATGRUPPER)[person_virksomhed]
    b.antal_grupper = REPLIKATGRUPPER
    _personer(rng, b)
    # Systematisk efter størrelse (design.py): hver arbejdsgiver er offentlig med sandsynligheden
    # ANDEL_OFFENTLIGE_ARBEJDSGIVERE, men andelen af personerne i offentlige virksomheder svinger
    # ikke med, hvilke få store virksomheder der tilfældigvis blev offentlige.
    stoerrelse = numpy.bincount(person_virksomhed, minlength=antal_virksomheder)
    offentlig = design.systematisk(rng, numpy.full(antal_virksomheder, ANDEL_OFFENTLIGE_ARBEJDSGIVERE), numpy.argsort(stoerrelse, kind="stable"))
    b.virksomheder["sektor"] = numpy.where(offentlig, "offentlig", "privat")
    for modul in ORDNINGSMODULER:
        modul.tilfoej(rng, b)
    # Faktorerne summer til antallet af rækker i forventning; her præcist (en lille justering på
    # afrundingen af lagenes antal), så vægtene summer til arbejdsstyrken.
    b.vaegt = b.vaegt * (antal / b.vaegt.sum())
    return b


def _virksomheder(rng, antal):
    """Virksomhedsstørrelser med en tung hale (mange små, få store), indtil alle har en arbejdsgiver."""
    stoerrelser = []
    tilbage = antal
    while tilbage > 0:
        s = numpy.minimum(numpy.ceil(rng.pareto(1.1, size=max(16, tilbage // 8)) * 3).astype(numpy.int64), 5000)
        stoerrelser.append(s)
        tilbage -= int(s.sum())
    s = numpy.concatenate(stoerrelser)
    slut = numpy.searchsorted(numpy.cumsum(s), antal)
    s = s[: slut + 1]
    s[-1] -= int(s.sum()) - antal  # sidste virksomhed får resten, så alle personer har én
    return numpy.repeat(numpy.arange(len(s)), s), len(s)


def _personer(rng, b):
    n = b.antal_personer
    aar = b.aar
    alder = rng.integers(18, 67, size=n)
    dag_i_aaret = rng.integers(0, 365, size=n)
    b.personer["foedselsdato"] = (
        numpy.datetime64(f"{aar}-01-01") - (alder * 365.25).astype("timedelta64[D]") + dag_i_aaret.astype("timedelta64[D]")
    ).astype("datetime64[D]")
    b.personer["hoejeste_uddannelse"] = rng.choice(list(UDDANNELSE), size=n, p=list(UDDANNELSE.values()))
    b.personer["aar_siden_uddannelse_anvendt"] = numpy.round(rng.exponential(3.0, size=n), 1).astype(numpy.float32)
    grupper = ["beskaeftiget", *LEDIGE_MAALGRUPPER]
    andele = [1 - sum(LEDIGE_MAALGRUPPER.values()), *LEDIGE_MAALGRUPPER.values()]
    # De ledige får flere rækker (og mindre vægte): ordningerne trækker deres deltagere fra dem.
    over = [1.0] + [design.LEDIGE_OVERREPRAESENTATION] * len(LEDIGE_MAALGRUPPER)
    maalgruppe = design.kategorier(rng, b, grupper, andele, over)
    b.personer["maalgruppe"] = maalgruppe
    ledig = maalgruppe != "beskaeftiget"
    b.personer["forudgaaende_ledighed_maaneder"] = numpy.where(
        ledig, numpy.minimum(numpy.round(rng.exponential(8.0, size=n)), 48), 0
    ).astype(numpy.float32)
    b.personer["er_enlig_forsoerger"] = rng.random(n) < ANDEL_ENLIGE_FORSOERGERE
    b.personer["timeloen"] = numpy.round(rng.lognormal(numpy.log(230), 0.25, size=n), 2).astype(numpy.float32)
