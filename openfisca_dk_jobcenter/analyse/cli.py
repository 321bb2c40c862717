"""Kommandoen `dk-jobcenter`: sammenlign reformer med grundlaget på en befolkning.

    dk-jobcenter sammenlign                                   # kun grundlaget, 2026
    dk-jobcenter sammenlign --reform openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml
    dk-jobcenter sammenlign --reform a.yaml+b.yaml --reform hoejere_voksenlaerlingesatser
    dk-jobcenter sammenlign --variant voksenlaerling.timesats.fra_ledighed=40,45,60
    dk-jobcenter sammenlign --reform r.yaml --aar 2024-2027   # én kørsel pr. år
    dk-jobcenter sammenlign --reform r.yaml --personer-fil personer.csv --virksomheder-fil virksomheder.csv
    dk-jobcenter sammenlign --reform r.yaml --personer 3000000 --arbejdere 8      # 8 arbejdsprocesser
    dk-jobcenter sammenlign --reform r.yaml --klynge tcp://10.0.0.5:8786           # en Dask-klynge

Resultaterne (tabel, CSV, JSON og PNG-diagrammer, og forbehold.csv) skrives i `--ud`. Alle tal er
vægtede landstal; hvert output nævner år, befolkning, rækker og vægtede personer. En fejl i input
stopper kørslen med en besked, der nævner filen, rækken og kolonnen, og exit-kode 2; da alt
beregnes, før noget skrives, og hver fil skrives atomisk, efterlades ingen halvt skrevne filer.
Ctrl-C stopper alle arbejdere, skriver intet og giver exit-kode 130; de forrige resultater i `--ud`
står urørte.
"""

import argparse
import sys
import time
from pathlib import Path

MANGLER_ANALYSE = (
    "dk-jobcenter: analyseværktøjerne kræver tilvalget [analyse] (pandas, matplotlib, pyarrow): "
    "pip install 'openfisca-dk-jobcenter[analyse]'"
)


def _parser(bid_personer):
    parser = argparse.ArgumentParser(prog="dk-jobcenter", description="Jobcentrenes virksomhedsordninger på OpenFisca")
    under = parser.add_subparsers(dest="kommando", required=True)
    s = under.add_parser("sammenlign", help="sammenlign reformer med grundlaget på en befolkning")
    s.add_argument("--reform", action="append", default=[], metavar="SPEC",
                   help="reformfil (.yaml), navngiven reform, eller flere stablet med '+'; kan gentages")
    s.add_argument("--variant", action="append", default=[], metavar="STI=V1,V2,...",
                   help="én reform pr. værdi af parameteren (gælder fra 1. januar i året); kan gentages")
    s.add_argument("--aar", default="2026", help="simuleret år eller år-række, fx 2026 eller 2024-2027 (standard 2026)")
    s.add_argument("--maaneder", default="1-12", help="måneder at tælle med, fx 1-6 eller 1,2,3 (standard hele året)")
    s.add_argument("--personer", type=int, default=100_000, help="rækker i den syntetiske befolkning (standard 100.000)")
    s.add_argument("--seed", type=int, default=2026, help="seed for den syntetiske befolkning")
    s.add_argument("--personer-fil", type=Path, help="egne data: personer som CSV eller Parquet (i stedet for den syntetiske)")
    s.add_argument("--virksomheder-fil", type=Path, help="egne data: virksomheder som CSV eller Parquet")
    s.add_argument("--bid", type=int, default=bid_personer,
                   help=f"personer pr. bid, der simuleres ad gangen (standard {bid_personer:_}); hukommelsen følger bidden")
    s.add_argument("--arbejdere", type=int, default=None, metavar="N",
                   help="arbejdsprocesser, bidderne regnes i (standard: én pr. kerne; 1: i denne proces)")
    s.add_argument("--klynge", metavar="ADRESSE",
                   help="regn bidderne på en Dask-klynge, fx tcp://10.0.0.5:8786 (kræver tilvalget [klynge])")
    s.add_argument("--ud", type=Path, default=Path("resultater"), help="mappe til resultaterne (standard resultater/)")
    return parser


AFBRUDT = "dk-jobcenter: afbrudt (Ctrl-C); intet er skrevet, og de forrige resultater står urørte"


def main(argv=None):
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Arbejderne er stoppet (befolkning.udfoersel); intet er skrevet, da alt regnes før skrivningen.
        print(AFBRUDT, file=sys.stderr)
        return 130


def _main(argv):
    try:
        from openfisca_core.errors import ParameterNotFoundError

        from openfisca_dk_jobcenter.analyse.koersel import Fejl, koer
        from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER
    except ImportError as fejl:
        if getattr(fejl, "name", "") in ("pandas", "matplotlib", "pyarrow"):
            print(MANGLER_ANALYSE, file=sys.stderr)
            return 2
        raise
    args = _parser(BID_PERSONER).parse_args(argv)
    start = time.monotonic()
    try:
        return koer(args, start)
    except Fejl as fejl:
        print(f"dk-jobcenter: fejl: {fejl}", file=sys.stderr)
        return 2
    except ParameterNotFoundError as fejl:
        # Et år før en ordnings regler begynder (modellen dækker 2015 og frem).
        print(f"dk-jobcenter: fejl: reglerne er ikke modelleret for {args.aar}: {fejl}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
