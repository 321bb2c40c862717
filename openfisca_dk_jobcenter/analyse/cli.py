"""Kommandoen `dk-jobcenter`: sammenlign reformer med grundlaget på en befolkning.

    dk-jobcenter sammenlign --reform examples/reformer/hoejere_voksenlaerlingesatser.yaml \
        [--aar 2026] [--personer 100000] [--seed 2026] [--ud resultater]
"""

import argparse
import sys
from pathlib import Path

from openfisca_dk_jobcenter.analyse.sammenligning import sammenlign
from openfisca_dk_jobcenter.analyse.skriv import skriv_csv
from openfisca_dk_jobcenter.analyse.tabel import antal, formater
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl, anvend_reformfil


def _parser():
    parser = argparse.ArgumentParser(prog="dk-jobcenter", description="Jobcentrenes virksomhedsordninger på OpenFisca")
    under = parser.add_subparsers(dest="kommando", required=True)
    s = under.add_parser("sammenlign", help="sammenlign reformer med grundlaget på en befolkning")
    s.add_argument("--reform", action="append", required=True, metavar="FIL", help="reformfil (YAML); kan gentages")
    s.add_argument("--aar", type=int, default=2026, help="simuleret år (standard 2026)")
    s.add_argument("--personer", type=int, default=100_000, help="personer i den syntetiske befolkning")
    s.add_argument("--seed", type=int, default=2026, help="seed for den syntetiske befolkning")
    s.add_argument("--ud", type=Path, default=Path("resultater"), help="mappe til resultaterne (standard resultater/)")
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    grundlag = CountryTaxBenefitSystem()
    try:
        reformer = {}
        for fil in args.reform:
            system = anvend_reformfil(grundlag, fil)
            reformer[system.name] = system
        if args.personer < 1:
            raise BefolkningsFejl(f"--personer skal være mindst 1, fik {args.personer}")
        resultat = sammenlign(reformer, syntetiske_blokke(args.personer, seed=args.seed, aar=args.aar), grundlag=grundlag)
    except (ReformFejl, BefolkningsFejl) as fejl:
        print(f"dk-jobcenter: fejl: {fejl}", file=sys.stderr)
        return 2
    tabel = resultat.pr_ordning
    print(f"{antal(args.personer)} personer, år {args.aar}, seed {args.seed}\n")
    print(formater(tabel))
    skriv_csv(tabel, args.ud / "sammenligning.csv")
    skriv_csv(resultat.detaljer, args.ud / "detaljer.csv")
    skriv_csv(resultat.virksomheder, args.ud / "virksomheder.csv")
    print(f"Skrevet: {args.ud / 'sammenligning.csv'}, {args.ud / 'detaljer.csv'}, {args.ud / 'virksomheder.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
