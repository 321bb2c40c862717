"""Belastningstest af web-API'et: `make load`.

Starter `openfisca serve` som `make serve` (pakkens gunicorn-konfiguration) på en ledig port på
127.0.0.1 og sender `--kald` /calculate-forespørgsler, `--samtidige` ad gangen, på skift med ét
spørgsmål pr. ordning (openfisca_dk_jobcenter/situation_examples/). Hvert svar skal være 200 og
have den værdi, der er regnet i hånden. Skriver svartiderne (p50, p95, p99, max) og antal kald pr.
sekund; exit-kode 1, hvis blot ét kald fejlede.

`--side-om-side` (som `make load` bruger): den hærdede server og kernens egen `openfisca serve
-c openfisca_dk_jobcenter` (standard: 3 sync-arbejdere) kører samtidig, og i hver af `--runder`
runder belastes de på samme tid, hver med `--samtidige` klienter, så en maskine, der deles med
andre, rammer begge lige meget (to runder efter hinanden målte det, de andre gjorde i øjeblikket). Skriver p95 for hver runde, forholdet hærdet/kerne pr. runde (median og
spredning) og maskinens belastning (load average); exit-kode 1 ved en fejl eller et forhold over
`--max-forhold` (medianen).

Svartiden er målt hos klienten: forbindelse, kø hos gunicorn (flere samtidige end arbejdere),
beregning og svar. De første `--opvarmning` kald tæller ikke med.
"""

import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

from openfisca_dk_jobcenter.situation_examples import eksempler, rigtigt
from tools.server import koerende_server


def et_kald(url, eksempel, krop):
    adresse = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    try:
        forbindelse = http.client.HTTPConnection(adresse.hostname, adresse.port, timeout=60)
        try:
            forbindelse.request("POST", "/calculate", body=krop, headers={"Content-Type": "application/json"})
            svar = forbindelse.getresponse()
            data = svar.read()
        finally:
            forbindelse.close()
        sekunder = time.perf_counter() - start
        if svar.status != 200:
            return sekunder, f"status {svar.status}: {data[:200]!r}"
        if not rigtigt(eksempel, json.loads(data)):
            return sekunder, f"forkert svar: {data[:200]!r}"
        return sekunder, None
    except (OSError, http.client.HTTPException, ValueError) as fejl:
        return time.perf_counter() - start, f"{type(fejl).__name__}: {fejl}"


def percentil(vaerdier, p):
    return statistics.quantiles(vaerdier, n=100, method="inclusive")[p - 1]


def koer(url, kald, samtidige, opvarmning):
    opgaver = [(e, json.dumps(e["situation"]).encode()) for e in eksempler().values()]
    for i in range(opvarmning):
        et_kald(url, *opgaver[i % len(opgaver)])
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=samtidige) as pulje:
        resultater = list(pulje.map(lambda i: et_kald(url, *opgaver[i % len(opgaver)]), range(kald)))
    varighed = time.perf_counter() - start
    tider = [t * 1000 for t, _ in resultater]
    fejl = collections.Counter(f for _, f in resultater if f)
    return {
        "kald": kald,
        "samtidige": samtidige,
        "fejl": sum(fejl.values()),
        "fejltyper": dict(fejl.most_common(5)),
        "sekunder": round(varighed, 2),
        "kald_per_sekund": round(kald / varighed, 1),
        "p50_ms": round(percentil(tider, 50), 1),
        "p95_ms": round(percentil(tider, 95), 1),
        "p99_ms": round(percentil(tider, 99), 1),
        "max_ms": round(max(tider), 1),
    }


def langsomme_klienter(url, antal, stop):
    """`antal` forbindelser, der sender hovederne en byte hvert halve sekund, til `stop` sættes
    (slowloris): den hærdede server skal svare de andre lige hurtigt alligevel."""
    import socket

    adresse = urllib.parse.urlsplit(url)
    forbindelser = []
    for _ in range(antal):
        s = socket.create_connection((adresse.hostname, adresse.port), timeout=5)
        s.sendall(b"POST /calculate HTTP/1.1\r\nHost: x\r\nX-Langsom: ")
        forbindelser.append(s)
    try:
        while not stop.wait(0.5):
            for s in forbindelser:
                try:
                    s.send(b"a")
                except OSError:
                    pass
    finally:
        for s in forbindelser:
            s.close()


def side_om_side(args):
    """Den hærdede og kernens server i samme kørsel, runderne på skift; forholdet mellem p95."""
    runder = {"haerdet": [], "kerne": []}
    with koerende_server(workers=args.workers) as haerdet, koerende_server(haerdet=False) as kerne:
        servere = {"haerdet": haerdet, "kerne": kerne}
        for server in servere.values():
            koer(server.url, 50, args.samtidige, args.opvarmning)  # opvarmning: alle arbejdere
        stop = threading.Event()
        if args.langsomme:
            threading.Thread(target=langsomme_klienter, args=(haerdet.url, args.langsomme, stop), daemon=True).start()
        for runde in range(args.runder):
            # Begge servere belastes på samme tid (hver med --samtidige klienter): maskinen, der
            # deles med andre, er den samme for dem begge i hvert øjeblik af runden.
            with concurrent.futures.ThreadPoolExecutor(max_workers=2) as begge:
                fremtider = {navn: begge.submit(koer, s.url, args.kald, args.samtidige, 0) for navn, s in servere.items()}
                resultater = {navn: f.result() for navn, f in fremtider.items()}
            for navn, resultat in resultater.items():
                resultat["load1"] = round(os.getloadavg()[0], 2)
                runder[navn].append(resultat)
                print(f"runde {runde + 1} {navn:8}: p50 {resultat['p50_ms']:6.1f} ms  p95 {resultat['p95_ms']:6.1f} ms  "
                      f"{resultat['kald_per_sekund']:6.1f} kald/s  fejl {resultat['fejl']}  load {resultat['load1']}", flush=True)
        stop.set()
        arbejdere = {navn: len(s.arbejdere()) for navn, s in servere.items()}
    forhold = [h["p95_ms"] / k["p95_ms"] for h, k in zip(runder["haerdet"], runder["kerne"], strict=True)]
    fejl = sum(r["fejl"] for rr in runder.values() for r in rr)
    median = statistics.median(forhold)
    print(json.dumps({"runder": runder, "arbejdere": arbejdere}, ensure_ascii=False, indent=1), file=sys.stderr)
    print(
        f"{args.runder} runder à {args.kald} kald, {args.samtidige} ad gangen"
        f"{f', {args.langsomme} langsomme klienter hos den hærdede' if args.langsomme else ''}; "
        f"arbejdere {arbejdere}; fejl {fejl}\n"
        f"p95 hærdet {min(r['p95_ms'] for r in runder['haerdet'])}-{max(r['p95_ms'] for r in runder['haerdet'])} ms, "
        f"kerne {min(r['p95_ms'] for r in runder['kerne'])}-{max(r['p95_ms'] for r in runder['kerne'])} ms; "
        f"forhold hærdet/kerne: median {median:.2f} (spredning {min(forhold):.2f}-{max(forhold):.2f}); "
        f"load average {min(r['load1'] for rr in runder.values() for r in rr)}-"
        f"{max(r['load1'] for rr in runder.values() for r in rr)}"
    )
    return 0 if fejl == 0 and median <= args.max_forhold else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kald", type=int, default=2000, help="antal /calculate-kald (2000; pr. runde med --side-om-side)")
    parser.add_argument("--samtidige", type=int, default=8, help="kald ad gangen (8)")
    parser.add_argument("--workers", type=int, help="gunicorn-arbejdere (standard: gunicorn.conf.py's)")
    parser.add_argument("--opvarmning", type=int, default=20, help="kald før målingen (20)")
    parser.add_argument("--side-om-side", action="store_true", help="den hærdede og kernens server på skift")
    parser.add_argument("--runder", type=int, default=6, help="runder pr. server med --side-om-side (6)")
    parser.add_argument("--langsomme", type=int, default=0,
                        help="med --side-om-side: så mange langsomme klienter (slowloris) hos den hærdede hele tiden")
    parser.add_argument("--max-forhold", type=float, default=1.3, help="højeste median p95 hærdet/kerne (1,3)")
    args = parser.parse_args(argv)
    if args.side_om_side:
        return side_om_side(args)

    with koerende_server(workers=args.workers) as server:
        arbejdere = server.arbejdere()
        resultat = koer(server.url, args.kald, args.samtidige, args.opvarmning)
        status, _, _ = server.kald("GET", "/spec")
    resultat["arbejdere"] = len(arbejdere)
    resultat["spec_bagefter"] = status
    print(json.dumps(resultat, ensure_ascii=False, indent=2))
    print(
        f"{resultat['kald']} kald, {resultat['samtidige']} ad gangen, {resultat['arbejdere']} arbejdere: "
        f"{resultat['fejl']} fejl; p50 {resultat['p50_ms']} ms, p95 {resultat['p95_ms']} ms, "
        f"p99 {resultat['p99_ms']} ms; {resultat['kald_per_sekund']} kald/s"
    )
    return 0 if resultat["fejl"] == 0 and status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
