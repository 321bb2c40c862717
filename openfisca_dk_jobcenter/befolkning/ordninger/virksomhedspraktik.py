"""Virksomhedspraktik i den syntetiske befolkning: ledige i praktik hos deres arbejdsgiver
(antagelserne står nedenfor). Ordningen giver hverken udgift eller tilskud; modulet viser,
hvor mange praktikker der er, og hvor mange planer der overskrider grænserne.
"""

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import deltagelsesfaktor
from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger

ANDEL_AF_LEDIGE = 0.12  # ledige med en virksomhedspraktik i løbet af året (antagelse)
KORT = ("dagpengemodtager", "kontanthjaelpsmodtager", "uddannelseshjaelpsmodtager", "selvforsoergende_ledig")
ANDEL_UDEN_ERHVERVSERFARING = 0.15
ANDEL_FOR_LANG = 0.05  # planer, der er 1-4 uger for lange (afslag)
TIMER_PR_UGE = ((37.0, 0.65), (30.0, 0.12), (20.0, 0.12), (10.0, 0.06), (40.0, 0.05))  # 40: over grænsen
UGER_PR_MAANED = 4.345


def tilfoej(rng, b):
    n = b.antal_personer
    maalgruppe = b.personer["maalgruppe"]
    # Løntilskud udelukker efter timerne i året, ikke efter den første dag: en ansættelse med
    # løntilskud, der sluttede, før året begyndte, udelukker ikke en praktik i året.
    fri = fri_af_tidligere_ordninger(b, "virksomhedspraktik", undtagen=("loentilskud",))
    loentilskud = b.personer_maaned.get("loentilskud_timer")
    if loentilskud is not None:
        fri &= loentilskud.sum(axis=0) == 0
    p = ANDEL_AF_LEDIGE * deltagelsesfaktor("virksomhedspraktik", b.aar)
    deltager = design.udvaelg(rng, b, fri & (maalgruppe != "beskaeftiget"), p, "virksomhedspraktik")

    aktivitetsparat = b.personer.get("er_aktivitetsparat", numpy.zeros(n, dtype=bool))
    uden_erfaring = deltager & (rng.random(n) < ANDEL_UDEN_ERHVERVSERFARING)
    b.personer["virksomhedspraktik_uden_erhvervserfaring"] = uden_erfaring
    kort = numpy.isin(maalgruppe, KORT) & ~aktivitetsparat & ~uden_erfaring
    uger = numpy.where(kort, rng.integers(2, 5, size=n), rng.integers(4, 14, size=n))
    uger = uger + numpy.where(rng.random(n) < ANDEL_FOR_LANG, rng.integers(1, 5, size=n), 0)
    timer_valg, sandsynlighed = zip(*TIMER_PR_UGE, strict=True)
    timer = rng.choice(timer_valg, size=n, p=sandsynlighed)

    # Praktikken ligger i de måneder, den varer, fra en tilfældig startmåned (afkortet ved årets slutning).
    start_maaned = rng.integers(0, 12, size=n)
    maaneder = numpy.ceil(uger / UGER_PR_MAANED).astype(numpy.int64)
    maaned = numpy.arange(12)[:, None]
    i_praktik = deltager & (maaned >= start_maaned) & (maaned < start_maaned + maaneder)  # (12, n)
    b.personer_maaned["virksomhedspraktik_uger"] = numpy.where(i_praktik, uger, 0).astype(numpy.float32)
    b.personer_maaned["virksomhedspraktik_timer_per_uge"] = numpy.where(i_praktik, timer, 0).astype(numpy.float32)
