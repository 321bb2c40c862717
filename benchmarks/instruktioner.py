"""Instruktionstal for benchmarkens beregning: pakken mod numpy-referencen, målt med valgrind.

    python -m benchmarks.instruktioner                       # 1 mio. personer × 12 måneder
    python -m benchmarks.instruktioner --personer 200000 --ud /tmp/instr.json

CPU-tid svinger med maskinens belastning (se README.md, *Stabil måling*); antallet af udførte
instruktioner gør ikke: samme kode og samme befolkning giver det samme tal, hvad maskinen ellers
laver. Hver side (pakken og referencen) køres i sin egen proces under `valgrind --tool=callgrind`.
Processen laver først befolkningen og systemet (pakken: skattesystemet og bidderne på
`BID_PERSONER`, som `bench.py` lægger sammen undervejs; referencen: parametrene), beder så
valgrind om at skrive og nulstille tællerne (`callgrind_control --dump`), regner de samme ordninger
for de samme personer og 12 måneder som `bench.py` og beder om det samme igen: den anden del
(`callgrind.<side>.2`) er beregningens instruktioner, uden processens start og slutning. Totalerne
pr. ordning skal stemme (samme tolerance som `bench.py`), ellers exit-kode 1.

Instruktioner er ikke tid: pakken udfører ca. lige så mange instruktioner som referencen, men
bruger længere tid på dem (README.md). Tallet er til at se, om en ændring gør mere eller mindre
arbejde, uden at skulle måle tid på en delt maskine. Under valgrind tager en kørsel ca. 50 gange så
lang tid: 4–6 minutter pr. side, næsten det samme ved 20.000 og 1 mio. personer (mest import,
systemet og befolkningen), ca. 10 minutter i alt.
Kræver Debians `valgrind`; uden den: en besked og exit-kode 2.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import bench, reference

PERSONER = 1_000_000


def _beregn(motor, personer, seed=bench.SEED, aar=bench.AAR):
    """I processen under valgrind: lav befolkningen, nulstil tællerne, regn; totaler og modtagere."""
    from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
    from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke

    blokke = list(syntetiske_blokke(personer, seed=seed, aar=aar))
    if motor == "pakke":
        from openfisca_dk_jobcenter.analyse.sammenligning import grundlag

        system = grundlag()
        bidder_ = list(bidder(iter(blokke), BID_PERSONER))
        # Det, `_pakke_pr_entitet` importerer og slår op, før dens tid begynder, tælles heller ikke
        # her (uden .pyc-filer oversætter Python modulerne ved importen: ca. 0,1 mia. instruktioner).
        from openfisca_dk_jobcenter.befolkning.beregning import beregn_bid  # noqa: F401
        bench._ordninger()
        _nulstil_taellerne()
        tal, _ = bench._pakke_pr_entitet(system, iter(bidder_), aar, bid_personer=BID_PERSONER)
    else:
        reference.indlaes_parametre()
        _nulstil_taellerne()
        tal, _ = bench._reference_pr_entitet(iter(blokke))
    _nulstil_taellerne()  # slut på beregningen
    return {"totaler_kr": {k: float(v.sum()) for k, v in tal.items()},
            "modtagere": {k: int((v > 0).sum()) for k, v in tal.items()}}


def _nulstil_taellerne():
    subprocess.run(["callgrind_control", "--dump", str(os.getpid())], check=True, stdout=subprocess.DEVNULL)


def _maal(motor, personer, mappe):
    """(instruktioner i beregningen, totaler) for `motor`, målt i en frisk proces under valgrind."""
    ud = Path(mappe) / f"callgrind.{motor}"
    proces = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={ud}", sys.executable, "-m", "benchmarks.instruktioner",
         "--maal", motor, "--personer", str(personer)],
        cwd=bench.RODMAPPE, capture_output=True, text=True, check=False,
    )
    if proces.returncode != 0:
        raise RuntimeError(f"{motor} under valgrind fejlede (exit-kode {proces.returncode}):\n{proces.stderr[-2000:]}")
    tal = json.loads(proces.stdout.strip().splitlines()[-1])
    # Del 1 er start, import og befolkning, del 2 beregningen (mellem de to nulstillinger), filen
    # uden endelse resten af processen.
    del_2 = ud.with_name(ud.name + ".2")
    for linje in del_2.read_text(encoding="ascii", errors="replace").splitlines():
        if linje.startswith("summary:"):
            return int(linje.split()[1]), tal
    raise RuntimeError(f"{del_2}: ingen 'summary:' fra callgrind")


def koer(personer=PERSONER, log=print):
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        raise RuntimeError("valgrind findes ikke (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as mappe:
        resultat = {}
        for motor in ("pakke", "reference"):
            log(f"  {motor} under valgrind ({personer:,} personer) ...".replace(",", "."))
            resultat[motor] = dict(zip(("instruktioner", "tal"), _maal(motor, personer, mappe), strict=True))
    fejl = bench.sammenlign_totaler(resultat["pakke"]["tal"], resultat["reference"]["tal"])
    if fejl:
        raise bench.Uoverensstemmelse("; ".join(fejl))
    p, r = resultat["pakke"]["instruktioner"], resultat["reference"]["instruktioner"]
    return {"personer": personer, "instruktioner_pakke": p, "instruktioner_reference": r,
            "forhold": round(p / r, 3), "maskine": bench._maskine(), "totaler_kr": resultat["pakke"]["tal"]["totaler_kr"]}


def main(argv=None):
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--personer", type=int, default=PERSONER)
    a.add_argument("--ud", help="JSON-fil (standard resultater/bench/instruktioner.json, uden for git)")
    a.add_argument("--maal", choices=["pakke", "reference"], help=argparse.SUPPRESS)
    args = a.parse_args(argv)
    if args.personer < 1:
        a.error("--personer skal være mindst 1")
    if args.maal:
        print(json.dumps(_beregn(args.maal, args.personer)))
        return 0
    try:
        resultat = koer(args.personer)
    except bench.Uoverensstemmelse as e:
        print(f"Referencen og pakken er uenige: {e}", file=sys.stderr)
        return 1
    except RuntimeError as e:
        print(f"benchmarks.instruktioner: {e}", file=sys.stderr)
        return 2
    ud = Path(args.ud) if args.ud else bench.RODMAPPE / "resultater" / "bench" / "instruktioner.json"
    bench._skriv(ud, json.dumps(resultat, indent=2, ensure_ascii=False))
    pakke, ref, forhold = (f"{x:.2f}".replace(".", ",") for x in (
        resultat["instruktioner_pakke"] / 1e9, resultat["instruktioner_reference"] / 1e9, resultat["forhold"]))
    print(f"  pakken {pakke} mia. instruktioner, referencen {ref} mia.: {forhold}×")
    print(f"skrevet: {ud}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
