"""En tilfældig kontrolbefolkning, hvor referencens ordninger har mange deltagere og grænsetilfælde.

Den syntetiske befolkning har deltagere i de andele, befolkningsmodulerne giver; denne befolkning
trækker alle input, reglerne læser, tilfældigt (datoer omkring lovændringer og frister, ledighed
omkring 3, 6 og 12 måneder, alle målgrupper og uddannelser), så kontrollen af referencen mod pakken
rammer hver betingelse i hver af referencens ordninger. Den bruges kun til kontrollen, ikke til
tiden.

Ordningerne er nøgler i pakkens register (`openfisca_dk_jobcenter/model/ordninger.py`); hver ordning,
kontrollen omfatter, har sin funktion i `INPUT_PR_ORDNING`, der trækker ordningens egne input.
"""

import numpy

from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe, Uddannelsesniveau
from openfisca_dk_jobcenter.model.ordninger import ordning

MAALGRUPPER = tuple(m.name for m in Maalgruppe)
NIVEAUER = tuple(u.name for u in Uddannelsesniveau)


def _datoer(rng, fra, til, n):
    fra, til = numpy.datetime64(fra, "D"), numpy.datetime64(til, "D")
    return fra + rng.integers(0, int((til - fra).astype(int)) + 1, size=n).astype("timedelta64[D]")


def _valg(rng, vaerdier, n, p=None):
    return numpy.asarray(vaerdier)[rng.choice(len(vaerdier), size=n, p=p)]


def _maaned(rng, vaerdier, n, andel_med):
    """(12, n) float32: for en andel af personerne en tilfældig værdi hver måned, ellers 0."""
    med = rng.random(n) < andel_med
    return numpy.where(med, _valg(rng, vaerdier, (12, n)), 0).astype(numpy.float32)


def _voksenlaerling(rng, b, aar):
    """Aftaler fra 4 år før til året; ansøgning før, til tiden og for sent."""
    a, n = b.personer, b.antal_personer
    start = _datoer(rng, f"{aar - 4}-01-01", f"{aar}-12-31", n)
    a["voksenlaerling_aftale_start"] = start
    a["voksenlaerling_ansoegningsdato"] = start + rng.integers(-10, 70, size=n).astype("timedelta64[D]")
    a["voksenlaerling_kommer_fra_ledighed"] = rng.random(n) < 0.5
    a["voksenlaerling_uddannelse_paa_voksenlaerlingelisten"] = rng.random(n) < 0.5
    b.personer_maaned["voksenlaerling_praktiktimer"] = _maaned(rng, [0, 80, 160], n, 0.3)


def _loentilskud(rng, b, aar):
    """Start fra før 2020-reglerne til året; timer i nogle måneder (også de samme personer som
    voksenlærlingene: de samme timer giver kun ét tilskud)."""
    a, n = b.personer, b.antal_personer
    a["loentilskud_start"] = _datoer(rng, "2019-06-01", f"{aar}-12-31", n)
    b.personer_maaned["loentilskud_timer"] = _maaned(rng, [0, 80, 160], n, 0.4)


# Ordningens nøgle i registret → funktionen, der trækker dens input.
INPUT_PR_ORDNING = {"voksenlaerling": _voksenlaerling, "loentilskud": _loentilskud}


def kontrolbefolkning(personer, seed=1, aar=2026, ordninger=tuple(INPUT_PR_ORDNING)):
    """En befolkning med `personer` personer hos små arbejdsgivere og input til `ordninger`
    (nøgler i registret)."""
    for noegle in ordninger:
        ordning(noegle)  # KeyError, hvis ordningen ikke er i registret
        if noegle not in INPUT_PR_ORDNING:
            raise KeyError(f"kontrolbefolkningen har ingen input til ordningen '{noegle}' (INPUT_PR_ORDNING)")
    rng = numpy.random.default_rng([seed, 8])
    stoerrelser = rng.integers(1, 9, size=personer)
    stoerrelser = stoerrelser[: numpy.searchsorted(numpy.cumsum(stoerrelser), personer) + 1]
    stoerrelser[-1] -= int(stoerrelser.sum()) - personer
    nv = len(stoerrelser)
    n = personer
    b = Befolkning(aar=aar, person_virksomhed=numpy.repeat(numpy.arange(nv), stoerrelser), antal_virksomheder=nv)
    a = b.personer

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

    ikke_oplyst = numpy.datetime64("1970-01-01")
    for noegle in ordninger:
        INPUT_PR_ORDNING[noegle](rng, b, aar)
        # Startdatoen (registrets) trækkes også som ikke oplyst: reglerne i måneden, ingen kendt slutning.
        navn = ordning(noegle).startdato
        if navn:
            a[navn] = numpy.where(rng.random(n) < 0.1, ikke_oplyst, a[navn])
    return b
