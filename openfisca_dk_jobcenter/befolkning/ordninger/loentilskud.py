"""Løntilskud i den syntetiske befolkning: ledige ansat med løntilskud hos deres arbejdsgiver, og
aktivitetsparathed for kontant- og uddannelseshjælpsmodtagere (antagelserne står nedenfor).

En person i en ledig målgruppe, der er knyttet til en arbejdsgiver, er en mulig ansættelse hos
den arbejdsgiver. Alt er vektoriseret; deltagerne i kombinationen med uddannelse (Jobcenter Høje-Taastrup)
vælges med en tilfældig rangorden inden for hver arbejdsgiver, uden løkker over personer.
"""

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import deltagelsesfaktor
from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger

# Andel af de ledige i løntilskuddets målgrupper, der starter i løntilskud i løbet af året (eller
# i årets sidste kvartal før). Ca. 9 % af personerne er ledige, så ca. 0,7 % af personerne har
# løntilskud i året (størrelsesorden 20.000 forløb om året i Danmark; antagelse).
ANDEL_AF_LEDIGE = 0.08
ANDEL_AKTIVITETSPARATE = 0.6  # af kontant- og uddannelseshjælpsmodtagerne (antagelse)
START_FRA_DAGE_FOER_AARET = 92  # løntilskud kan være startet i årets sidste kvartal før
TIMER_PR_MAANED_PRIVAT = 160.0  # 37 timer om ugen
TIMER_PR_MAANED_OFFENTLIG = 130.0  # lønnen hos offentlige svarer til ydelsen; færre timer
ANSAETTELSE_MAANEDER = (3, 13)  # ansættelsens længde (kan fortsætte uden tilskud efter perioden)
ANDEL_KORT_LEDIGHED = 0.1  # deltagere med kun 2-5 måneders ledighed (afslag, medmindre undtaget)
# Jobcenter Høje-Taastrups kombination: arbejdsgivere med en ansat i uddannelse med VEU-/SVU-godtgørelse ansætter en ledig med
# løntilskud med denne sandsynlighed.
ANDEL_KOMBINATION = 0.5
IKKE_OMFATTET = ("beskaeftiget", "ledighedsydelsesmodtager")


def _ikke_i_andre_ordninger(b):
    fri = fri_af_tidligere_ordninger(b, "loentilskud")
    # Jobrotationens ansatte i uddannelse er i ordningen uden en første dag i registret (den er
    # vikarens), så de udelukkes efter deres uddannelsestimer.
    uddannelse = b.personer_maaned.get("jobrotation_uddannelsestimer")
    if uddannelse is not None:
        fri &= uddannelse.sum(axis=0) == 0
    return fri


def _rang_i_virksomhed(rng, b, med, virksomheder):
    """Tilfældig rangorden 0, 1, ... inden for hver arbejdsgiver i `virksomheder` (bool pr.
    virksomhed) blandt personerne i `med`; en række kommer først med sandsynlighed efter sin
    designfaktor (eksponentielle nøgler), så den første er en tilfældig af de virkelige personer,
    rækkerne står for (design.py). De andre personer får rangen n."""
    n, pv = b.antal_personer, b.person_virksomhed
    faktor = design.designfaktor(b)
    faktor = numpy.ones(n) if faktor is None else faktor
    noegle = numpy.where(med, rng.exponential(size=n) / faktor, numpy.inf)
    rang = design.rang_i_gruppe(pv, noegle, hvem=virksomheder[pv])
    return numpy.where(med & (rang >= 0), rang, n)


def tilfoej(rng, b):
    n, pv = b.antal_personer, b.person_virksomhed
    maalgruppe = b.personer["maalgruppe"]

    parathedsvurderet = numpy.isin(maalgruppe, ("kontanthjaelpsmodtager", "uddannelseshjaelpsmodtager"))
    b.personer["er_aktivitetsparat"] = parathedsvurderet & (rng.random(n) < ANDEL_AKTIVITETSPARATE)

    fri = _ikke_i_andre_ordninger(b)
    ledig = ~numpy.isin(maalgruppe, IKKE_OMFATTET)
    deltager = design.udvaelg(rng, b, fri & ledig, ANDEL_AF_LEDIGE * deltagelsesfaktor("loentilskud", b.aar), "loentilskud")

    # Jobcenter Høje-Taastrups kombination: hos arbejdsgivere med en ansat i uddannelse med godtgørelse ansættes en ledig (eller
    # en person, der gøres ledig) med løntilskud.
    uddannelse = b.personer_maaned.get("jobrotation_uddannelsestimer")
    godtgoerelse = b.personer.get("modtager_godtgoerelse")
    kombination = numpy.zeros(n, dtype=bool)
    if uddannelse is not None and godtgoerelse is not None:
        med_godtgoerelse = godtgoerelse & (uddannelse.sum(axis=0) > 0)
        har = numpy.bincount(pv, weights=med_godtgoerelse, minlength=b.antal_virksomheder) > 0
        if b.vaegt is None:
            vaelg = har & (rng.random(b.antal_virksomheder) < ANDEL_KOMBINATION)
        else:
            # Designet (design.py): hver sådan arbejdsgiver får ansættelsen med vægten
            # ANDEL_KOMBINATION i stedet for med sandsynligheden (samme forventning, ingen
            # tilfældighed i, hvor mange). Rækken står for en arbejdsgivers hændelse (faktor 1 gange
            # andelen), ikke for sin målgruppes lag.
            vaelg = har
        kombination = vaelg[pv] & (_rang_i_virksomhed(rng, b, fri & ~med_godtgoerelse, vaelg) == 0)
        if b.vaegt is not None:
            b.vaegt = numpy.where(kombination, ANDEL_KOMBINATION, b.vaegt)
    deltager |= kombination
    b.personer["maalgruppe"] = numpy.where(
        kombination & ~ledig, "dagpengemodtager", maalgruppe
    )

    # Start: fra årets sidste kvartal før til midt i december i simuleringsåret.
    aar_start = numpy.datetime64(f"{b.aar}-01-01")
    # Deltagernes egenskaber trækkes stratificeret (design.ligefordelt): faste andele pr. lag.
    spaend = 350 + START_FRA_DAGE_FOER_AARET
    dage = numpy.floor(design.ligefordelt(rng, b, deltager) * spaend).astype(numpy.int64) - START_FRA_DAGE_FOER_AARET
    start = aar_start + dage.astype("timedelta64[D]")
    b.personer["loentilskud_start"] = numpy.where(deltager, start, numpy.datetime64("1970-01-01"))

    kvartal = (dage + START_FRA_DAGE_FOER_AARET) // 92  # længde og ledighed fast inden for startkvartalet
    kort = design.ligefordelt(rng, b, deltager, kvartal) < ANDEL_KORT_LEDIGHED
    ledighed = numpy.where(kort, rng.integers(2, 6, size=n), rng.integers(6, 25, size=n))
    b.personer["forudgaaende_ledighed_maaneder"] = numpy.where(
        deltager, ledighed, b.personer["forudgaaende_ledighed_maaneder"]
    ).astype(numpy.float32)

    # Timer fra startdagen til ansættelsens ophør; startmåneden forholdsmæssigt efter kalenderdage.
    offentlig = b.virksomheder.get("sektor", numpy.full(b.antal_virksomheder, "privat"))[pv] == "offentlig"
    timer = numpy.where(offentlig, TIMER_PR_MAANED_OFFENTLIG, TIMER_PR_MAANED_PRIVAT)
    laengde = ANSAETTELSE_MAANEDER[0] + numpy.floor(
        design.ligefordelt(rng, b, deltager, kvartal) * (ANSAETTELSE_MAANEDER[1] - ANSAETTELSE_MAANEDER[0])
    ).astype(numpy.int64)
    maaned_start = (numpy.datetime64(f"{b.aar}-01", "M") + numpy.arange(13)).astype("datetime64[D]")
    foerste, efter = maaned_start[:-1, None], maaned_start[1:, None]  # (12, 1)
    d = numpy.flatnonzero(deltager)  # kun deltagerne har timer
    slut = (start[d].astype("datetime64[M]") + laengde[d]).astype("datetime64[D]")
    daekket = (numpy.minimum(efter, slut) - numpy.maximum(foerste, start[d])).astype(numpy.int64)
    andel = numpy.clip(daekket, 0, None) / (efter - foerste).astype(numpy.int64)
    loentilskud_timer = numpy.zeros((12, n), dtype=numpy.float32)
    loentilskud_timer[:, d] = numpy.round(timer[d] * andel)
    b.personer_maaned["loentilskud_timer"] = loentilskud_timer
