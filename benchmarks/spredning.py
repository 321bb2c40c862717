"""Spredningen over trækninger: 2026-totalerne over trækning (seed) 1-10 med eksempelreformen, og
den gennemsnitlige halve bredde af hver kørsels 95 %-interval (tabellen i docs/validering.md).

    .venv/bin/python benchmarks/spredning.py 100000            # med reformen
    .venv/bin/python benchmarks/spredning.py 1000000 grundlag   # kun grundlaget (billigere)
"""

import sys
import time
from pathlib import Path

import numpy

from openfisca_dk_jobcenter.analyse import grundlag, reform, sammenlign
from openfisca_dk_jobcenter.befolkning.udfoersel import SyntetiskBefolkning, Udfoerer

REFORM = Path(__file__).resolve().parents[1] / "openfisca_dk_jobcenter" / "reforms" / "hoejere_voksenlaerlingesatser.yaml"
RAEKKER = [
    ("voksenlærling, grundlag", "Voksenlærling", "grundlag_kr"),
    ("voksenlærling, reformens forskel", "Voksenlærling", "forskel_kr"),
    ("løntilskud", "Løntilskud", "grundlag_kr"),
    ("opkvalificering", "Opkvalificering ved ansættelse", "grundlag_kr"),
    ("jobrotation", "Jobrotation", "grundlag_kr"),
    ("i alt", "I alt", "grundlag_kr"),
]


def main(antal, med_reform=True):
    g = grundlag()
    reformer = {"Reform": reform(g, REFORM)} if med_reform else {}
    start = time.monotonic()
    # Én arbejder pr. kerne for alle trækninger; hver arbejder laver selv sine blokke.
    with Udfoerer() as udfoerer:
        koersler = [sammenlign(reformer, SyntetiskBefolkning(antal, seed=s, aar=2026), grundlag=g, aar=2026,
                               udfoerer=udfoerer).pr_ordning.set_index("ordning")
                    for s in range(1, 11)]
    print(f"{antal} rækker × 10 trækninger: {time.monotonic() - start:.0f} s")
    for navn, ordning, kolonne in RAEKKER:
        if kolonne == "forskel_kr" and not med_reform:
            continue
        est = numpy.array([float(k.loc[ordning, kolonne]) for k in koersler])
        halv = numpy.array([(float(k.loc[ordning, f"{kolonne}_95_oevre"]) - float(k.loc[ordning, f"{kolonne}_95_nedre"])) / 2
                            for k in koersler])
        middel = est.mean()
        spredning = (est.max() - est.min()) / middel * 100 if middel else float("nan")
        med = est != 0
        relativ = (halv[med] / est[med]).mean() * 100 if med.any() else float("nan")
        print(f"| {navn} | {antal:_} | {middel / 1e6:.1f} | {est.min() / 1e6:.1f}–{est.max() / 1e6:.1f} | "
              f"{spredning:.1f} % | ±{relativ:.1f} % | {int((~med).sum())} |")


if __name__ == "__main__":
    main(int(sys.argv[1]), med_reform=(sys.argv[2:] or ["reform"])[0] != "grundlag")
