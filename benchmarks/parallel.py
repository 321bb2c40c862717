"""Benchmark af parallelle kørsler: `dk-jobcenter sammenlign` med én arbejder og med flere, i samme
kørsel (skiftevis, friske processer), med tiden delt på kørslens dele.

    python -m benchmarks.parallel --danmark                 # 3 mio. × 12, grundlag + eksempelreformen
                                                            # (make bench-parallel: også 3 gange, pakken oversat)
    python -m benchmarks.parallel --sweep                   # 20 varianter × 4 år på 300.000 rækker
    python -m benchmarks.parallel --personer 400000 --arbejdere 1,2 --gentag 1

Hver måling er hele kommandoen (`analyse.koersel.koer`, samme kode som `dk-jobcenter sammenlign`)
i en frisk proces; delene måles ved at tage tid på kørslens funktioner: befolkningsstikprøve og
reformer (`forberedelse`), sporing af de læste parametre (`genbrug`), bidderne på udføreren
(`bidder`: opstart af arbejdere, beregning, sammenlægning), forbeholdene (`forbehold`) og
skrivningen af filerne (`skrivning`). Peak RSS for hovedprocessen og for hver arbejder (VmHWM).
Resultatet står i `resultater/bench/parallel_*.json` (uden for git); tabellerne i `benchmarks/README.md`.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RODMAPPE = Path(__file__).resolve().parent.parent
REFORM = str(RODMAPPE / "openfisca_dk_jobcenter" / "reforms" / "hoejere_voksenlaerlingesatser.yaml")
SWEEP_VARIANT = "voksenlaerling.timesats.fra_ledighed=" + ",".join(str(30 + 2 * i) for i in range(20))


def _peak_rss_mib(pid="self"):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for linje in f:
                if linje.startswith("VmHWM:"):
                    return int(linje.split()[1]) / 1024
    except OSError:
        return None
    return None


def maal(argv):
    """Én kørsel af `dk-jobcenter sammenlign argv` i denne proces; tider pr. del og peak RSS."""
    from openfisca_dk_jobcenter.analyse import genbrug, koersel, sammenligning, udskrift
    from openfisca_dk_jobcenter.analyse.cli import _parser
    from openfisca_dk_jobcenter.befolkning import udfoersel
    from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER

    tider = {}
    arbejdere_rss, arbejdere_cpu = [], []

    def tag_tid(modul, navn, del_):
        oprindelig = getattr(modul, navn)

        def med_tid(*a, **k):
            t = time.perf_counter()
            try:
                return oprindelig(*a, **k)
            finally:
                # Forbeholdene regnes i en tråd, mens arbejderne regner: den tid ligger i bidderne
                # og tælles for sig (`*_i_traad`), ikke med i summen, resten regnes af.
                navn_ = del_ if threading.current_thread() is threading.main_thread() else f"{del_}_i_traad"
                tider[navn_] = tider.get(navn_, 0.0) + time.perf_counter() - t

        setattr(modul, navn, med_tid)

    tag_tid(genbrug, "ordninger_at_regne", "genbrug")
    tag_tid(koersel, "sammenlign_flere", "bidder_i_alt")
    tag_tid(sammenligning, "_saml", "sammenlaegning")
    tag_tid(koersel, "forbehold", "forbehold")
    tag_tid(udskrift, "skriv_alt", "skrivning")
    luk = udfoersel.Udfoerer.luk

    def luk_og_maal(self, afbrudt=False):
        arbejdere_rss.extend(self.peak_rss_mib())
        arbejdere_cpu.extend(_cpu_sekunder(pid) for pid in (getattr(self._executor, "_processes", None) or {}))
        return luk(self, afbrudt)

    udfoersel.Udfoerer.luk = luk_og_maal
    with tempfile.TemporaryDirectory() as ud:
        args = _parser(BID_PERSONER).parse_args(["sammenlign", *argv, "--ud", str(Path(ud) / "ud")])
        start = time.monotonic()
        cpu = time.process_time()
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            kode = koersel.koer(args, start)
        sekunder = time.monotonic() - start
    if kode != 0:
        raise RuntimeError(f"dk-jobcenter sammenlign {' '.join(argv)} gav {kode}")
    tider["bidder"] = tider.pop("bidder_i_alt", 0.0) - tider.get("genbrug", 0.0) - tider.get("sammenlaegning", 0.0)
    tider["forberedelse"] = sekunder - sum(v for k, v in tider.items() if not k.endswith("_i_traad"))
    return {
        "argv": argv,
        "sekunder": round(sekunder, 2),
        "hovedprocessens_cpu_sekunder": round(time.process_time() - cpu, 2),
        "dele": {k: round(v, 2) for k, v in tider.items()},
        "peak_rss_mib": round(_peak_rss_mib() or 0),
        "arbejdernes_peak_rss_mib": [round(x) for x in arbejdere_rss],
        # CPU-tid: uafhængig af, hvor mange andre processer maskinen deles med.
        "arbejdernes_cpu_sekunder": [round(x, 2) for x in arbejdere_cpu if x is not None],
    }


def _cpu_sekunder(pid):
    """En (levende) proces' CPU-tid (bruger + system) fra /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            felter = f.read().rsplit(")", 1)[1].split()
        return (int(felter[11]) + int(felter[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _underproces(argv):
    kommando = [sys.executable, "-m", "benchmarks.parallel", "--maal", json.dumps(argv)]
    miljoe = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(RODMAPPE)])))
    t = time.perf_counter()
    svar = subprocess.run(kommando, cwd=RODMAPPE, env=miljoe, capture_output=True, text=True, check=False)
    if svar.returncode != 0:
        raise RuntimeError(svar.stderr[-3000:])
    resultat = json.loads(svar.stdout.strip().splitlines()[-1])
    resultat["proces_sekunder"] = round(time.perf_counter() - t, 2)  # med import og opstart
    return resultat


def koer(grund_argv, arbejdere, gentag, log):
    maalinger = []
    for i in range(gentag):
        raekkefoelge = arbejdere if i % 2 == 0 else list(reversed(arbejdere))
        for n in raekkefoelge:
            belastning = round(os.getloadavg()[0], 1)
            m = _underproces([*grund_argv, "--arbejdere", str(n)])
            m.update(arbejdere=n, gentagelse=i, belastning_foer=belastning, belastning_efter=round(os.getloadavg()[0], 1))
            log(json.dumps(m, ensure_ascii=False))
            maalinger.append(m)
    return maalinger


def main(argv=None):
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--danmark", action="store_true")
    a.add_argument("--sweep", action="store_true")
    a.add_argument("--personer", type=int, default=300_000)
    a.add_argument("--arbejdere", default=f"1,{os.cpu_count()}")
    a.add_argument("--gentag", type=int, default=2)
    a.add_argument("--ud")
    a.add_argument("--maal", help=argparse.SUPPRESS)
    args = a.parse_args(argv)
    if args.maal:
        print(json.dumps(maal(json.loads(args.maal))))
        return 0
    if args.danmark:
        grund, navn = ["--reform", REFORM, "--personer", "3000000"], "parallel_danmark"
    elif args.sweep:
        grund, navn = ["--variant", SWEEP_VARIANT, "--aar", "2024-2027", "--personer", "300000"], "parallel_sweep"
    else:
        grund, navn = ["--reform", REFORM, "--personer", str(args.personer)], "parallel"
    arbejdere = [int(x) for x in args.arbejdere.split(",")]
    maalinger = koer(grund, arbejdere, args.gentag, log=lambda s: print(s, file=sys.stderr, flush=True))
    ud = Path(args.ud or RODMAPPE / "resultater" / "bench" / f"{navn}.json")
    ud.parent.mkdir(parents=True, exist_ok=True)
    ud.write_text(json.dumps({"kommando": grund, "maalinger": maalinger}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"skrevet: {ud}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
