"""Kommandoen `dk-jobcenter`: sammenlign reformer med grundlaget på en befolkning.

    dk-jobcenter sammenlign --reform examples/reformer/hoejere_voksenlaerlingesatser.yaml
    dk-jobcenter sammenlign --reform a.yaml+b.yaml --reform hoejere_voksenlaerlingesatser
    dk-jobcenter sammenlign --variant voksenlaerling.timesats.fra_ledighed=40,45,60
    dk-jobcenter sammenlign --reform r.yaml --personer-fil personer.csv --virksomheder-fil virksomheder.csv

Resultaterne (tabel, CSV, JSON og PNG-diagrammer) skrives i `--ud`. En fejl i input stopper
kørslen med en besked, der nævner filen, rækken og kolonnen, og exit-kode 2; da alt beregnes,
før noget skrives, og hver fil skrives atomisk, efterlades ingen halvt skrevne filer.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from openfisca_core.errors import ParameterNotFoundError

from openfisca_dk_jobcenter.analyse import diagrammer
from openfisca_dk_jobcenter.analyse.atomisk import atomisk_mappe
from openfisca_dk_jobcenter.analyse.fremdrift import Fremdrift
from openfisca_dk_jobcenter.analyse.kontrol import kontroller_argumenter
from openfisca_dk_jobcenter.analyse.reformvalg import reform, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import BID_PERSONER, grundlag, sammenlign
from openfisca_dk_jobcenter.analyse.skriv import atomisk_fil, skriv_csv
from openfisca_dk_jobcenter.analyse.tabel import antal, formater, formater_varianter
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl


def _parser():
    parser = argparse.ArgumentParser(prog="dk-jobcenter", description="Jobcentrenes virksomhedsordninger på OpenFisca")
    under = parser.add_subparsers(dest="kommando", required=True)
    s = under.add_parser("sammenlign", help="sammenlign reformer med grundlaget på en befolkning")
    s.add_argument("--reform", action="append", default=[], metavar="SPEC",
                   help="reformfil (.yaml), navngiven reform, eller flere stablet med '+'; kan gentages")
    s.add_argument("--variant", action="append", default=[], metavar="STI=V1,V2,...",
                   help="én reform pr. værdi af parameteren (gælder fra 1. januar i året); kan gentages")
    s.add_argument("--aar", type=int, default=2026, help="simuleret år (standard 2026)")
    s.add_argument("--maaneder", default="1-12", help="måneder at tælle med, fx 1-6 eller 1,2,3 (standard hele året)")
    s.add_argument("--personer", type=int, default=100_000, help="personer i den syntetiske befolkning (standard 100.000)")
    s.add_argument("--seed", type=int, default=2026, help="seed for den syntetiske befolkning")
    s.add_argument("--personer-fil", type=Path, help="egne data: personer som CSV eller Parquet (i stedet for den syntetiske)")
    s.add_argument("--virksomheder-fil", type=Path, help="egne data: virksomheder som CSV eller Parquet")
    s.add_argument("--bid", type=int, default=BID_PERSONER,
                   help=f"personer pr. bid, der simuleres ad gangen (standard {BID_PERSONER:_}); hukommelsen følger bidden")
    s.add_argument("--ud", type=Path, default=Path("resultater"), help="mappe til resultaterne (standard resultater/)")
    return parser


def _maaneder(tekst):
    try:
        if "-" in tekst:
            fra, til = (int(x) for x in tekst.split("-"))
            numre = list(range(fra, til + 1))
        else:
            numre = [int(x) for x in tekst.split(",")]
    except ValueError:
        raise BefolkningsFejl(f"--maaneder '{tekst}': skriv fx 1-12 eller 1,2,3") from None
    if not numre or any(not 1 <= m <= 12 for m in numre):
        raise BefolkningsFejl(f"--maaneder '{tekst}': månederne skal ligge i 1-12")
    return numre


def main(argv=None):
    args = _parser().parse_args(argv)
    start = time.monotonic()
    try:
        return _sammenlign(args, start)
    except (ReformFejl, BefolkningsFejl) as fejl:
        print(f"dk-jobcenter: fejl: {fejl}", file=sys.stderr)
        return 2
    except ParameterNotFoundError as fejl:
        # Et år før en ordnings regler begynder (modellen dækker 2015 og frem).
        print(f"dk-jobcenter: fejl: reglerne er ikke modelleret for {args.aar}: {fejl}", file=sys.stderr)
        return 2


def _sammenlign(args, start):
    if not args.reform and not args.variant:
        raise ReformFejl("angiv mindst én --reform eller --variant")
    if args.personer < 1 or args.bid < 1:
        raise BefolkningsFejl("--personer og --bid skal være mindst 1")
    kontroller_argumenter(args)  # år, seed og --ud før beregningen
    maaneds_numre = _maaneder(args.maaneder)
    g = grundlag()
    reformer, varianter_ = {}, []
    for spec in args.reform:
        system = reform(g, spec)
        reformer[system.name] = system
    for spec in args.variant:
        vs = varianter(g, spec, args.aar)
        varianter_.append((spec.partition("=")[0], {navn: v for navn, _, v in vs}))
        reformer.update({navn: system for navn, system, _ in vs})

    if args.personer_fil:
        befolkning = laes_befolkning(g, args.personer_fil, args.virksomheder_fil, aar=args.aar)
        antal_personer, kilde = befolkning.antal_personer, str(args.personer_fil)
    else:
        if args.virksomheder_fil:
            raise BefolkningsFejl("--virksomheder-fil kræver --personer-fil")
        befolkning = syntetiske_blokke(args.personer, seed=args.seed, aar=args.aar)
        antal_personer, kilde = args.personer, f"syntetisk (seed {args.seed})"

    fremdrift = Fremdrift(antal_personer)
    resultat = sammenlign(reformer, befolkning, grundlag=g, aar=args.aar, maaneder=maaneds_numre,
                          blok_personer=args.bid, fremdrift=fremdrift)
    fremdrift.slut()
    sekunder = time.monotonic() - start

    tabel = resultat.pr_ordning
    print(f"{antal(antal_personer)} personer ({kilde}), år {args.aar}, måneder {args.maaneder}, {sekunder:.1f} s\n")
    variantnavne = {n for _, vaerdier in varianter_ for n in vaerdier}
    tekst = formater(tabel[~tabel["reform"].isin(variantnavne)]) + "".join(
        "\n" + formater_varianter(tabel, sti, vaerdier) for sti, vaerdier in varianter_
    )
    print(tekst)
    _skriv(args, resultat, varianter_, tekst, {"personer": antal_personer, "befolkning": kilde, "aar": args.aar,
                                        "maaneder": maaneds_numre, "reformer": list(reformer), "sekunder": round(sekunder, 1)})
    return 0


def _skriv(args, resultat, varianter_, tekst, koersel):
    # Hele sættet i en midlertidig mappe, der byttes ind til sidst (analyse/atomisk.py).
    with atomisk_mappe(args.ud) as ud:
        filer = _skriv_saet(ud, resultat, varianter_, tekst, koersel)
    print(f"Skrevet i {args.ud}/: {', '.join(filer)}")


def _skriv_saet(ud, resultat, varianter_, tekst, koersel):
    tabel = resultat.pr_ordning
    with atomisk_fil(ud / "sammenligning.txt") as f:
        f.write(tekst)
    skriv_csv(tabel, ud / "sammenligning.csv")
    skriv_csv(resultat.detaljer, ud / "detaljer.csv")
    skriv_csv(resultat.pr("reform", "ordning", "sektor"), ud / "pr_sektor.csv")
    skriv_csv(resultat.pr("reform", "ordning", "maalgruppe"), ud / "pr_maalgruppe.csv")
    skriv_csv(resultat.virksomheder, ud / "virksomheder.csv")
    with atomisk_fil(ud / "sammenligning.json") as f:
        json.dump(
            {
                "koersel": koersel,
                "pr_ordning": json.loads(tabel.to_json(orient="records", force_ascii=False)),
                "virksomheder": json.loads(resultat.virksomheder.to_json(orient="records", force_ascii=False)),
            },
            f,
            ensure_ascii=False,
            indent=2,
        )
    filer = ["sammenligning.txt", "sammenligning.csv", "sammenligning.json", "detaljer.csv", "pr_sektor.csv", "pr_maalgruppe.csv", "virksomheder.csv"]
    # Søjlerne viser de navngivne reformer; varianterne har deres egen kurve.
    variantnavne = {n for _, vaerdier in varianter_ for n in vaerdier}
    kun_reformer = tabel[~tabel["reform"].isin(variantnavne)]
    diagrammer.udgift_pr_ordning(kun_reformer if len(kun_reformer) else tabel, ud / "udgift_pr_ordning.png")
    filer.append("udgift_pr_ordning.png")
    for i, (sti, vaerdier) in enumerate(varianter_):
        navn = "variantkurve.png" if len(varianter_) == 1 else f"variantkurve_{i + 1}.png"
        diagrammer.variantkurve(tabel, vaerdier, sti, ud / navn)
        filer.append(navn)
    return filer


if __name__ == "__main__":
    sys.exit(main())
