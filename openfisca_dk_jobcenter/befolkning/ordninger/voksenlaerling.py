"""Voksenlærlinge i den syntetiske befolkning (antagelser i ../ANTAGELSER.md)."""

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import deltagelsesfaktor

ANDEL = 0.006  # udgangspunkt; gange årets deltagelsesfaktor (kalibrering.py)
ANDEL_FRA_LEDIGHED = 0.55
AFTALE_AAR_FOER = 2  # aftaler startet op til 2 år før året (se docs/validering.md)
ANDEL_PAA_LISTEN = 0.7
ANDEL_FOR_SEN_ANSOEGNING = 0.1
PRAKTIKTIMER_PR_MAANED = 160.0
ANDEL_SKOLEMAANEDER = 0.2  # skoleperioder giver ingen praktiktimer


def tilfoej(rng, b):
    n = b.antal_personer
    start_aar = numpy.datetime64(f"{b.aar}-01-01")
    foedt = b.personer["foedselsdato"]
    # Lærlinge vælges blandt personer, der er mindst 24 år ved årets start (nogle er for unge).
    kandidat = (start_aar - foedt) >= numpy.timedelta64(int(24 * 365.25), "D")
    # Flere rækker, mindre vægte (design.py): forventningen er ANDEL × faktor af kandidaterne.
    laerling = design.udvaelg(rng, b, kandidat, ANDEL * deltagelsesfaktor("voksenlaerling", b.aar), "voksenlaerling")

    # Aftalen startede i løbet af de sidste AFTALE_AAR_FOER år eller i simuleringsåret og løber
    # hele året: voksne lærlinge får ofte uddannelsen afkortet efter merit, så bestanden i
    # oktober er ca. 1,7 × årets tilgang (STAR: 11.724 i oktober 2021, 6.900 startede i 2021).
    # Lærlingenes egenskaber trækkes stratificeret (design.ligefordelt): fx præcis 55 % fra
    # ledighed i stedet for et tilfældigt antal omkring 55 %.
    dage = numpy.floor(design.ligefordelt(rng, b, laerling) * (AFTALE_AAR_FOER + 1) * 365).astype(numpy.int64) - 365
    aftale_start = start_aar - dage.astype("timedelta64[D]")
    # Hver egenskab fast inden for startåret (og om lærlingen kommer fra ledighed): samspillet
    # mellem dem bestemmer årets tilskud.
    startaar = (dage + 365) // 365
    fra_ledighed = design.ligefordelt(rng, b, laerling, startaar) < ANDEL_FRA_LEDIGHED
    lag = startaar * 2 + fra_ledighed
    for_sent = design.ligefordelt(rng, b, laerling, lag) < ANDEL_FOR_SEN_ANSOEGNING
    forsinkelse = numpy.where(for_sent, rng.integers(32, 120, size=n), rng.integers(0, 28, size=n))

    b.personer["voksenlaerling_aftale_start"] = numpy.where(laerling, aftale_start, numpy.datetime64("1970-01-01"))
    b.personer["voksenlaerling_ansoegningsdato"] = numpy.where(
        laerling, aftale_start + forsinkelse.astype("timedelta64[D]"), numpy.datetime64("1970-01-01")
    )
    b.personer["voksenlaerling_kommer_fra_ledighed"] = laerling & fra_ledighed
    b.personer["voksenlaerling_uddannelse_paa_voksenlaerlingelisten"] = laerling & (design.ligefordelt(rng, b, laerling, lag) < ANDEL_PAA_LISTEN)
    # En ledig lærling var i en ledig målgruppe før aftalen; ledigheden trækkes fra befolkningen.
    b.personer["maalgruppe"] = numpy.where(
        laerling & fra_ledighed & (b.personer["maalgruppe"] == "beskaeftiget"), "dagpengemodtager", b.personer["maalgruppe"]
    )
    b.personer["forudgaaende_ledighed_maaneder"] = numpy.where(
        laerling & fra_ledighed,
        numpy.maximum(b.personer["forudgaaende_ledighed_maaneder"], rng.integers(1, 24, size=n)),
        b.personer["forudgaaende_ledighed_maaneder"],
    ).astype(numpy.float32)

    skole = rng.random((12, n)) < ANDEL_SKOLEMAANEDER
    b.personer_maaned["voksenlaerling_praktiktimer"] = numpy.where(
        laerling & ~skole, numpy.float32(PRAKTIKTIMER_PR_MAANED), numpy.float32(0)
    ).astype(numpy.float32)
