"""Tilskud til opkvalificering ved ansættelse i den syntetiske befolkning: ledige, som deres
arbejdsgiver ansætter ordinært med et kort kursus (antagelserne står nedenfor).
"""

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import deltagelsesfaktor
from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger

ANDEL_AF_LEDIGE = 0.01  # ledige, der ansættes med et opkvalificeringskursus i året (antagelse)
ANDEL_RETTIDIG_ANSOEGNING = 0.9  # resten søger på eller efter den første dag (afslag)
ANDEL_NOK_LEDIGHED = 0.85  # deltagere, der får mindst 6 måneders ledighed; resten beholder deres
VARIGHEDER = ((2.0, 0.05), (3.0, 0.2), (6.0, 0.3), (12.0, 0.35), (24.0, 0.1))  # måneder; 2 giver afslag
KURSUS_DAGE_EFTER_START = 100  # kursusstart 0-100 dage efter ansættelsen (over ca. 92 giver afslag)
KURSUSUDGIFT_MEDIAN = 12_000.0
KURSUSUDGIFT_GRAENSER = (2_000.0, 60_000.0)
ANDEL_ALLEREDE_AFHOLDT = 0.03
ANDEL_ANDET_TILSKUD = 0.03


def tilfoej(rng, b):
    n = b.antal_personer
    fri = fri_af_tidligere_ordninger(b, "opkvalificering")
    # Virksomhedspraktik har ingen første dag (den regnes i uger): praktikanterne udelukkes efter ugerne.
    praktik = b.personer_maaned.get("virksomhedspraktik_uger")
    if praktik is not None:
        fri &= praktik.sum(axis=0) == 0
    p = ANDEL_AF_LEDIGE * deltagelsesfaktor("opkvalificering", b.aar)
    deltager = design.udvaelg(rng, b, fri & (b.personer["maalgruppe"] != "beskaeftiget"), p, "opkvalificering")

    aar_start = numpy.datetime64(f"{b.aar}-01-01")
    # Deltagernes egenskaber trækkes stratificeret (design.ligefordelt): faste andele pr. lag.
    dag = numpy.floor(design.ligefordelt(rng, b, deltager) * 365).astype(numpy.int64)
    ansaettelse = aar_start + dag.astype("timedelta64[D]")
    kvartal = dag // 92  # de andre egenskaber fast inden for ansættelsens kvartal
    rettidig = design.ligefordelt(rng, b, deltager, kvartal) < ANDEL_RETTIDIG_ANSOEGNING
    ansoegning = ansaettelse + numpy.where(
        rettidig, -rng.integers(1, 31, size=n), rng.integers(0, 11, size=n)
    ).astype("timedelta64[D]")
    kursus = ansaettelse + rng.integers(0, KURSUS_DAGE_EFTER_START + 1, size=n).astype("timedelta64[D]")
    ingen = numpy.datetime64("1970-01-01")
    b.personer["opkvalificering_ansaettelse_start"] = numpy.where(deltager, ansaettelse, ingen)
    b.personer["opkvalificering_ansoegningsdato"] = numpy.where(deltager, ansoegning, ingen)
    b.personer["opkvalificering_kursus_start"] = numpy.where(deltager, kursus, ingen)

    varigheder, sandsynlighed = zip(*VARIGHEDER, strict=True)
    b.personer["opkvalificering_ansaettelse_varighed_maaneder"] = numpy.where(
        deltager, numpy.asarray(varigheder)[numpy.minimum(
            numpy.searchsorted(numpy.cumsum(sandsynlighed), design.ligefordelt(rng, b, deltager, kvartal), side="right"), len(varigheder) - 1
        )], 0
    ).astype(numpy.float32)
    udgift = numpy.clip(numpy.round(rng.lognormal(numpy.log(KURSUSUDGIFT_MEDIAN), 0.6, size=n), -2), *KURSUSUDGIFT_GRAENSER)
    b.personer["opkvalificering_kursusudgift"] = numpy.where(deltager, udgift, 0).astype(numpy.float32)
    b.personer["opkvalificering_udgift_allerede_afholdt"] = deltager & (rng.random(n) < ANDEL_ALLEREDE_AFHOLDT)
    b.personer["opkvalificering_ansaettelse_med_andet_tilskud"] = deltager & (rng.random(n) < ANDEL_ANDET_TILSKUD)

    nok = deltager & (design.ligefordelt(rng, b, deltager, kvartal * 2 + rettidig) < ANDEL_NOK_LEDIGHED)
    b.personer["forudgaaende_ledighed_maaneder"] = numpy.where(
        nok,
        numpy.maximum(b.personer["forudgaaende_ledighed_maaneder"], rng.integers(6, 25, size=n)),
        b.personer["forudgaaende_ledighed_maaneder"],
    ).astype(numpy.float32)
