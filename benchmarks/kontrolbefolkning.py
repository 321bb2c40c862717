"""En tilfældig kontrolbefolkning, hvor hver ordning har mange deltagere og grænsetilfælde.

Den syntetiske befolkning har kun deltagere i de ordninger, der har et befolkningsmodul; denne
befolkning trækker alle input, reglerne læser, tilfældigt (datoer omkring lovændringer og frister,
ledighed omkring 3, 6 og 12 måneder, alle målgrupper og uddannelser), så kontrollen af referencen
mod pakken rammer hver betingelse i hver ordning. Den bruges kun til kontrollen, ikke til tiden.
"""

import numpy

from benchmarks.reference import MAALGRUPPER  # samme liste som referencen (CONTRACT.md, maalgruppe)
from openfisca_dk_jobcenter.befolkning.model import Befolkning

NIVEAUER = (
    "grundskole",
    "gymnasial",
    "erhvervsuddannelse",
    "kort_videregaaende",
    "mellemlang_videregaaende",
    "lang_videregaaende",
)


def _datoer(rng, fra, til, n):
    fra, til = numpy.datetime64(fra, "D"), numpy.datetime64(til, "D")
    return fra + rng.integers(0, int((til - fra).astype(int)) + 1, size=n).astype("timedelta64[D]")


def _valg(rng, vaerdier, n, p=None):
    return numpy.asarray(vaerdier)[rng.choice(len(vaerdier), size=n, p=p)]


def _maaned(rng, vaerdier, n, andel_med):
    """(12, n) float32: for en andel af personerne en tilfældig værdi hver måned, ellers 0."""
    med = rng.random(n) < andel_med
    return numpy.where(med, _valg(rng, vaerdier, (12, n)), 0).astype(numpy.float32)


def kontrolbefolkning(personer, seed=1, aar=2026):
    rng = numpy.random.default_rng([seed, 8])
    stoerrelser = rng.integers(1, 9, size=personer)
    stoerrelser = stoerrelser[: numpy.searchsorted(numpy.cumsum(stoerrelser), personer) + 1]
    stoerrelser[-1] -= int(stoerrelser.sum()) - personer
    nv = len(stoerrelser)
    n = personer
    b = Befolkning(aar=aar, person_virksomhed=numpy.repeat(numpy.arange(nv), stoerrelser), antal_virksomheder=nv)
    a = b.personer
    s = f"{aar}-12-31"

    # Fælles: fødselsdage omkring 25 og 50 år (også 29. februar), alle uddannelser og målgrupper.
    a["foedselsdato"] = numpy.where(
        rng.random(n) < 0.05, numpy.datetime64("1976-02-29"), _datoer(rng, f"{aar - 60}-01-01", f"{aar - 20}-12-31", n)
    )
    a["hoejeste_uddannelse"] = _valg(rng, NIVEAUER, n)
    a["aar_siden_uddannelse_anvendt"] = _valg(rng, [0.0, 2.5, 4.9, 5.0, 8.0], n).astype(numpy.float32)
    a["maalgruppe"] = _valg(rng, MAALGRUPPER, n)
    a["forudgaaende_ledighed_maaneder"] = _valg(rng, [0, 2, 3, 5, 6, 7, 12, 13, 24], n).astype(numpy.float32)
    a["er_enlig_forsoerger"] = rng.random(n) < 0.1
    a["er_aktivitetsparat"] = rng.random(n) < 0.3
    a["timeloen"] = rng.uniform(150, 300, n).astype(numpy.float32)
    b.virksomheder["sektor"] = _valg(rng, ["privat", "offentlig"], nv)

    # Voksenlærling: aftaler fra 4 år før til året; ansøgning før, til tiden og for sent.
    start = _datoer(rng, f"{aar - 4}-01-01", s, n)
    a["voksenlaerling_aftale_start"] = start
    a["voksenlaerling_ansoegningsdato"] = start + rng.integers(-10, 70, size=n).astype("timedelta64[D]")
    a["voksenlaerling_kommer_fra_ledighed"] = rng.random(n) < 0.5
    a["voksenlaerling_uddannelse_paa_voksenlaerlingelisten"] = rng.random(n) < 0.5
    b.personer_maaned["voksenlaerling_praktiktimer"] = _maaned(rng, [0, 80, 160], n, 0.3)

    # Jobrotation: ansatte i uddannelse og vikarer hos de samme små arbejdsgivere.
    b.personer_maaned["jobrotation_uddannelsestimer"] = _maaned(rng, [0, 37, 74], n, 0.4)
    b.personer_maaned["jobrotation_kursusudgift"] = _maaned(rng, [0, 1000], n, 0.3)
    b.personer_maaned["jobrotation_vikartimer"] = _maaned(rng, [0, 50, 120], n, 0.4)
    a["jobrotation_vikariat_start"] = _datoer(rng, f"{aar - 1}-06-01", s, n)
    a["jobrotation_vikar_godkendt"] = rng.random(n) < 0.9
    a["modtager_godtgoerelse"] = rng.random(n) < 0.1
    a["jobrotation_deltager_i_erhvervsuddannelse"] = rng.random(n) < 0.05
    a["jobrotation_forudgaaende_ordinaer_ansaettelse"] = rng.random(n) < 0.95
    b.virksomheder["jobrotation_projekt_godkendt"] = rng.random(nv) < 0.9

    # Løntilskud: start fra før 2020-reglerne til året; timer i nogle måneder.
    a["loentilskud_start"] = _datoer(rng, "2019-06-01", s, n)
    b.personer_maaned["loentilskud_timer"] = _maaned(rng, [0, 80, 160], n, 0.4)

    # Opkvalificering: ansøgning før og efter ansættelsen, kursus før, i og efter fristen.
    ansat = _datoer(rng, f"{aar - 1}-10-01", s, n)
    a["opkvalificering_ansaettelse_start"] = ansat
    a["opkvalificering_ansoegningsdato"] = ansat + rng.integers(-40, 5, size=n).astype("timedelta64[D]")
    a["opkvalificering_kursus_start"] = ansat + rng.integers(-10, 100, size=n).astype("timedelta64[D]")
    a["opkvalificering_ansaettelse_varighed_maaneder"] = _valg(rng, [2, 3, 6, 12], n).astype(numpy.float32)
    a["opkvalificering_ansaettelse_med_andet_tilskud"] = rng.random(n) < 0.1
    a["opkvalificering_kursusudgift"] = _valg(rng, [0, 4500, 12000], n).astype(numpy.float32)
    a["opkvalificering_udgift_allerede_afholdt"] = rng.random(n) < 0.1

    # Virksomhedspraktik: planer under, på og over grænserne.
    a["virksomhedspraktik_uger"] = _valg(rng, [0, 2, 4, 5, 8, 9, 13, 14], n).astype(numpy.float32)
    a["virksomhedspraktik_timer_per_uge"] = _valg(rng, [0, 20, 37, 38], n).astype(numpy.float32)
    a["virksomhedspraktik_uden_erhvervserfaring"] = rng.random(n) < 0.3
    # Ikke oplyste startdatoer (1970-01-01): reglerne i måneden og ingen kendt slutning.
    ikke_oplyst = numpy.datetime64("1970-01-01")
    for navn in ("voksenlaerling_aftale_start", "jobrotation_vikariat_start", "loentilskud_start"):
        a[navn] = numpy.where(rng.random(n) < 0.1, ikke_oplyst, a[navn])
    return b
