"""Målinger til docs/sikkerhed.md: `python -m tools.ressourcer`.

1. Arbejdernes højeste hukommelse (VmHWM) efter de dyreste forespørgsler under prisgrænsen:
   /trace med 10.000 celler (2.000 personer × 5 måneder × 1 variabel) og /calculate med 100.000
   celler (2.000 personer × 50 måneder × 1 variabel), for fire ordningers beløb, hver 3 gange.
2. Forespørgsler, der går tabt, når en arbejder dræbes (SIGKILL) under belastning: `--kald`
   /calculate-kald, 8 ad gangen; midtvejs dræbes den ene arbejder.
"""

import argparse
import concurrent.futures
import json
import os
import signal
import threading
import time
from pathlib import Path

from openfisca_dk_jobcenter.situation_examples import eksempler
from tools.belastning import et_kald
from tools.server import koerende_server


def hukommelse(pid):
    felter = dict(
        linje.split(":", 1) for linje in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in linje
    )
    return {n: int(felter[n].split()[0]) // 1024 for n in ("VmRSS", "VmHWM")}  # MiB


VARIABLER = ("voksenlaerling_tilskud", "loentilskud", "jobrotation_vikar_berettiget", "opkvalificering_tilskud")


def dyr(maaneder, variabel):
    personer = {f"p{i}": {} for i in range(2000)}
    personer["p0"] = {variabel: {f"{2020 + m // 12}-{m % 12 + 1:02d}": None for m in range(maaneder)}}
    return {"personer": personer}


def maal_hukommelse(server):
    foer = {pid: hukommelse(pid) for pid in server.arbejdere()}
    tider = {}
    for sti, maaneder in (("/trace", 5), ("/calculate", 50)):
        for variabel in VARIABLER:
            start = time.monotonic()
            for _ in range(3):
                status, _, svar = server.kald("POST", sti, dyr(maaneder, variabel), timeout=120)
                assert status == 200, (sti, status, str(svar)[:300])
            tider[f"{sti} {variabel}"] = round((time.monotonic() - start) / 3, 2)
    efter = {pid: hukommelse(pid) for pid in server.arbejdere()}
    # Alle tråde i begge arbejdere på én gang, hver med den dyreste forespørgsel.
    krop = dyr(5, "loentilskud")
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pulje:
        statusser = list(pulje.map(lambda _: server.kald("POST", "/trace", krop, timeout=300)[0], range(32)))
    samtidig = {pid: hukommelse(pid) for pid in server.arbejdere()}
    return {"foer_MiB": foer, "efter_hver_for_sig_MiB": efter, "efter_16_samtidige_MiB": samtidig,
            "statusser_samtidige": sorted(set(statusser)), "sekunder_pr_kald": tider}


def maal_draebt_arbejder(server, kald):
    opgaver = [(e, json.dumps(e["situation"]).encode()) for e in eksempler().values()]
    arbejdere = server.arbejdere()
    faerdige = [0]
    laas = threading.Lock()

    def et(i):
        resultat = et_kald(server.url, *opgaver[i % len(opgaver)])
        with laas:
            faerdige[0] += 1
        return resultat

    def draeb():
        while faerdige[0] < kald // 2:
            time.sleep(0.01)
        os.kill(arbejdere[0], signal.SIGKILL)

    draeber = threading.Thread(target=draeb)
    draeber.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pulje:
        resultater = list(pulje.map(et, range(kald)))
    draeber.join()
    fejl = [f for _, f in resultater if f]
    return {"kald": kald, "tabt": len(fejl), "fejltyper": sorted(set(f.split(":")[0] for f in fejl))[:5]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kald", type=int, default=2000)
    args = parser.parse_args(argv)
    with koerende_server() as server:
        print(json.dumps({"hukommelse": maal_hukommelse(server)}, indent=2))
        print(json.dumps({"draebt_arbejder": maal_draebt_arbejder(server, args.kald)}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
