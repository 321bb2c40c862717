"""Benchmark: pakken (OpenFisca) mod numpy-referencen på den syntetiske befolkning.

    python -m benchmarks.bench                      # 100k, 300k og 1M personer × 12 måneder
    python -m benchmarks.bench --danmark            # 3 mio. personer × 12 måneder
    python -m benchmarks.bench --stoerrelser 5000 --ud /tmp/b.json --tabel /tmp/b.md

Begge sider regner det samme arbejde: referencens ordninger (`reference.ORDNINGER`, i dag
voksenlærling og løntilskud, slået op i pakkens register `ordninger.py`) for de samme personer og
årets 12 måneder. Først kontrolleres, at referencen og pakken giver samme tilskud pr. entitet og
ordning på en lille befolkning; derefter måles hver størrelse i to friske underprocesser (pakken
og referencen), så peak RSS for én størrelse ikke smitter af på den næste, og totalerne pr.
ordning sammenlignes igen. Stemmer noget ikke, stopper kørslen med exit-kode 1, og intet resultat
skrives.

Tiden er beregningen alene: befolkningen laves blok for blok af `syntetiske_blokke`, og den tid,
det tager at lave blokkene, trækkes fra og står for sig selv. Pakkens tid er
simuleringsmotorens (bidder på 200.000 personer gennem motorens `beregn_bid`, samme kode som
analytikerens kørsel: ordningernes tilskudsvariabler beregnet måned for måned, hver måneds
mellemresultater glemt),
referencens tid er `benchmarks.reference.beregn`.

Tolerance: pakken gemmer kroner som float32 og summerer i float64; referencen regner i float64.
Totalen pr. ordning må afvige højst 0,01 kr. + 1e-7 × totalen, det enkelte beløb 0,01 kr. + 1e-6
× beløbet, og antallet af modtagere (entiteter med tilskud > 0) skal være det samme.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy

from benchmarks import reference

RODMAPPE = Path(__file__).resolve().parent.parent
STOERRELSER = (100_000, 300_000, 1_000_000)
DANMARK = 3_000_000
KONTROL_PERSONER = 20_000
GENTAG = 5  # hver størrelse måles 5 gange, pakke og reference skiftevis (friske processer); medianen tæller
SEED = 2026
AAR = 2026
TOTAL_REL, TOTAL_ABS = 1e-7, 0.01
BELOEB_REL, BELOEB_ABS = 1e-6, 0.01


class Uoverensstemmelse(RuntimeError):
    """Referencen og pakken giver ikke de samme tal: benchmarken er værdiløs."""


def _peak_rss_mib():
    """Processens højeste RSS (VmHWM) i MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for linje in f:
                if linje.startswith("VmHWM:"):
                    return int(linje.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _TidtagneBlokke:
    """`syntetiske_blokke` med tiden, det tager at lave blokkene, talt for sig."""

    def __init__(self, personer, seed, aar):
        from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke

        self._blokke = syntetiske_blokke(personer, seed=seed, aar=aar)
        self.sekunder = 0.0
        self.cpu_sekunder = 0.0

    def __iter__(self):
        return self

    def __next__(self):
        t, c = time.perf_counter(), time.process_time()
        try:
            return next(self._blokke)
        finally:
            self.sekunder += time.perf_counter() - t
            self.cpu_sekunder += time.process_time() - c


def _ordninger():
    """Referencens ordninger slået op i pakkens register: nøgle, tilskudsvariabel og entitet kommer
    fra registret, så benchmarken regner det samme som rapporterne."""
    from openfisca_dk_jobcenter.model.ordninger import ordning

    ud = []
    for noegle, entitet in reference.ORDNINGER.items():
        try:
            o = ordning(noegle)
        except KeyError as e:
            raise Uoverensstemmelse(f"referencens ordning '{noegle}' er ikke i registret (ordninger.py)") from e
        if o.entitet != entitet:
            raise Uoverensstemmelse(f"{noegle}: registret siger entiteten {o.entitet}, referencen {entitet}")
        ud.append(o)
    return ud


def _kun_i_pakken():
    """Registrets ordninger, referencen ikke har (de regnes ikke i benchmarken)."""
    from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

    return [o.noegle for o in ORDNINGER if o.noegle not in reference.ORDNINGER]


def _pakke_pr_entitet(system, blokke, aar, bid_personer=None):
    """(tilskud pr. ordning pr. entitet, sekunder): simuleringsmotoren regner referencens ordninger
    (og intet andet) for årets 12 måneder, bid for bid, som i analytikerens kørsel (`beregn_bid`)."""
    from openfisca_dk_jobcenter.befolkning.beregning import beregn_bid
    from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder

    ordninger = _ordninger()
    dele = {o.noegle: [] for o in ordninger}
    t, c = time.perf_counter(), time.process_time()
    for blok in bidder(blokke, bid_personer or BID_PERSONER):
        if blok.aar != aar:
            raise ValueError(f"befolkningen er for {blok.aar}, benchmarken for {aar}")
        resultat = beregn_bid(system, blok, deltagere=False, ordninger=ordninger)
        for o in ordninger:
            dele[o.noegle].append(resultat.kroner[o.noegle])
    sekunder, cpu = time.perf_counter() - t, time.process_time() - c
    return {k: numpy.concatenate(v) for k, v in dele.items()}, (sekunder, cpu)


def _reference_pr_entitet(blokke):
    dele = {noegle: [] for noegle in reference.ORDNINGER}
    sekunder = cpu = 0.0
    for blok in blokke:
        t, c = time.perf_counter(), time.process_time()
        tal = reference.beregn(blok)
        sekunder += time.perf_counter() - t
        cpu += time.process_time() - c
        for noegle, v in tal.items():
            dele[noegle].append(v)
    return {k: numpy.concatenate(v) for k, v in dele.items()}, (sekunder, cpu)


def maal(motor, personer, seed=SEED, aar=AAR):
    """Mål én motor ("pakke" eller "reference") på `personer` syntetiske personer × 12 måneder."""
    blokke = _TidtagneBlokke(personer, seed, aar)
    if motor == "pakke":
        from openfisca_dk_jobcenter.analyse.sammenligning import grundlag

        t = time.perf_counter()
        system = grundlag()
        system_sekunder = time.perf_counter() - t
        tal, (sekunder, cpu) = _pakke_pr_entitet(system, blokke, aar)
        sekunder -= blokke.sekunder  # blokkene laves undervejs i bidderne
        cpu -= blokke.cpu_sekunder
    elif motor == "reference":
        t = time.perf_counter()
        reference.indlaes_parametre()  # som pakkens grundlag(): uden for tiden
        system_sekunder = time.perf_counter() - t
        tal, (sekunder, cpu) = _reference_pr_entitet(blokke)
    else:
        raise ValueError(f"ukendt motor {motor!r}")
    return {
        "motor": motor,
        "personer": personer,
        "sekunder": round(sekunder, 3),
        "cpu_sekunder": round(cpu, 3),
        "befolkning_sekunder": round(blokke.sekunder, 3),
        "system_sekunder": round(system_sekunder, 3),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
        "totaler_kr": {k: float(v.sum()) for k, v in tal.items()},
        "modtagere": {k: int((v > 0).sum()) for k, v in tal.items()},
    }


def sammenlign_totaler(pakke, ref):
    """Fejlbeskeder (tom liste: enige) for totaler og modtagere pr. ordning."""
    fejl = []
    for o in _ordninger():
        p, r = pakke["totaler_kr"][o.noegle], ref["totaler_kr"][o.noegle]
        if abs(p - r) > TOTAL_ABS + TOTAL_REL * abs(r):
            fejl.append(f"{o.noegle}: pakken {p:,.2f} kr., referencen {r:,.2f} kr. (forskel {p - r:,.2f})")
        pm, rm = pakke["modtagere"][o.noegle], ref["modtagere"][o.noegle]
        if pm != rm:
            fejl.append(f"{o.noegle}: pakken {pm} modtagere, referencen {rm}")
    return fejl


def _kontroller_blokke(system, blokke, aar):
    """Sammenlign pakken og referencen pr. entitet på `blokke`; (totaler, fejlbeskeder). Pakken
    regner blokkene hver for sig (også opdelingen i bidder bliver prøvet)."""
    bid = max(b.antal_personer for b in blokke)
    pakke, _ = _pakke_pr_entitet(system, iter(blokke), aar, bid_personer=bid)
    ref = {k: [] for k in reference.ORDNINGER}
    for blok in blokke:
        for k, v in reference.beregn(blok).items():
            ref[k].append(v)
    ref = {k: numpy.concatenate(v) for k, v in ref.items()}

    fejl = []
    totaler = {}
    for o in _ordninger():
        p, r = pakke[o.noegle], ref[o.noegle]
        if p.shape != r.shape:
            fejl.append(f"{o.noegle}: {p.shape} entiteter i pakken, {r.shape} i referencen")
            continue
        afvig = numpy.flatnonzero(numpy.abs(p - r) > BELOEB_ABS + BELOEB_REL * numpy.abs(r))
        if afvig.size:
            i = int(afvig[0])
            fejl.append(
                f"{o.noegle}: {afvig.size} {o.entitet}(er) afviger, fx nr. {i}: pakken {p[i]:.2f} kr., "
                f"referencen {r[i]:.2f} kr."
            )
        totaler[o.noegle] = (float(p.sum()), float(r.sum()))
    return totaler, fejl


def kontroller(personer=KONTROL_PERSONER, seed=SEED, aar=AAR, system=None):
    """Referencen og pakken skal give samme tilskud pr. entitet i hver af referencens ordninger på
    den syntetiske befolkning og på en tilfældig kontrolbefolkning med mange deltagere og
    grænsetilfælde i dem (kontrolbefolkning.py); ellers `Uoverensstemmelse`. Returnerer
    {befolkning: {nøgle: (pakke, reference)}}."""
    from benchmarks.kontrolbefolkning import kontrolbefolkning
    from openfisca_dk_jobcenter.analyse.sammenligning import grundlag
    from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke

    system = system or grundlag()
    befolkninger = {
        "syntetisk": list(syntetiske_blokke(personer, seed=seed, aar=aar)),
        # I blokke på ca. 1/4, så også opdelingen i bidder er med.
        "kontrol": list(
            kontrolbefolkning(personer, seed=seed, aar=aar, ordninger=tuple(reference.ORDNINGER)).opdel(max(personer // 4, 1))
        ),
    }
    resultat = {}
    fejl = []
    for navn, blokke in befolkninger.items():
        totaler, f = _kontroller_blokke(system, blokke, aar)
        resultat[navn] = totaler
        fejl += [f"{navn}: {linje}" for linje in f]
    if fejl:
        raise Uoverensstemmelse("referencen og pakken er uenige:\n  " + "\n  ".join(fejl))
    return resultat


def _koer_underproces(motor, personer, seed, aar):
    kommando = [sys.executable, "-m", "benchmarks.bench", "--maal", motor, "--personer", str(personer)]
    kommando += ["--seed", str(seed), "--aar", str(aar)]
    miljoe = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(RODMAPPE)])))
    svar = subprocess.run(kommando, cwd=RODMAPPE, env=miljoe, capture_output=True, text=True, check=False)
    if svar.returncode != 0:
        raise RuntimeError(f"{motor} med {personer} personer fejlede:\n{svar.stderr}")
    return json.loads(svar.stdout.strip().splitlines()[-1])


def _maskine():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            model = next((linje.split(":", 1)[1].strip() for linje in f if linje.startswith("model name")), model)
    except OSError:
        pass
    from importlib.metadata import version

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=RODMAPPE, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpu": model,
        "kerner": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "openfisca_core": version("openfisca-core"),
        "commit": commit,
    }


def _dk(tal, decimaler=0):
    """Tal på dansk: punktum som tusindtalsskilletegn, komma som decimaltegn."""
    return f"{tal:,.{decimaler}f}".translate(str.maketrans(",.", ".,"))


def tabel(resultat):
    """Markdown-tabellen til docs/udviklere.md."""
    linjer = [
        "| personer × 12 måneder | OpenFisca CPU (s) | numpy-reference CPU (s) | forhold (median) | forhold, spænd "
        "| OpenFisca CPU-s pr. mio. personer | peak RSS OpenFisca | peak RSS reference |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultat["maalinger"]:
        p, ref = r["pakke"], r["reference"]
        lav, hoej = r["forhold_spaend"]
        linjer.append(
            f"| {_dk(r['personer'])} | {_dk(p['cpu_sekunder'], 2)} | {_dk(ref['cpu_sekunder'], 2)} | {_dk(r['forhold'], 2)}× "
            f"| {_dk(lav, 2)}–{_dk(hoej, 2)}× | {_dk(p['cpu_sekunder'] / r['personer'] * 1e6, 2)} "
            f"| {_dk(p['peak_rss_mib'])} MiB | {_dk(ref['peak_rss_mib'])} MiB |"
        )
    m = resultat["maskine"]
    linjer += [
        "",
        f"Målt {resultat['dato']} på {m['kerner']} kerner ({m['cpu']}), Python {m['python']}, numpy {m['numpy']}, "
        f"openfisca-core {m['openfisca_core']}, commit {m['commit']}; begge sider regner de samme ordninger "
        f"({', '.join(resultat['ordninger'])}) for de samme personer og 12 måneder (kun i pakken, ikke målt: "
        f"{', '.join(resultat.get('kun_i_pakken', [])) or 'ingen'}), år {resultat['aar']}, seed {resultat['seed']}. Tiden er "
        f"beregningens CPU-tid (processens, uden at lave den syntetiske befolkning), medianen af {resultat['gentagelser']} "
        "kørsler, pakke og reference skiftevis i friske processer; forholdet er medianen af hvert pars forhold, spændet "
        "det mindste og største. CPU-tid i stedet for vægurstid: maskinen deles, og en proces, der venter på en kerne, "
        f"bruger ikke CPU-tid. Belastning (load average, 1 min) før og efter: {resultat.get('belastning', '?')}. "
        "Peak RSS er hele processen, en frisk proces pr. størrelse og motor (begge importerer pakken for at lave befolkningen).",
    ]
    return "\n".join(linjer) + "\n"


def _skriv(sti, tekst):
    sti = Path(sti)
    sti.parent.mkdir(parents=True, exist_ok=True)
    midlertidig = sti.with_name(sti.name + ".tmp")
    midlertidig.write_text(tekst, encoding="utf-8")
    midlertidig.replace(sti)


def _median(maalinger):
    """Medianmålingen (CPU-tid) af gentagne målinger (maskinen deles med andet arbejde); peak RSS er
    den højeste, og alle tider gemmes."""
    orden = sorted(maalinger, key=lambda m: m["cpu_sekunder"])
    median = dict(orden[len(orden) // 2])
    median["cpu_sekunder"] = float(numpy.median([m["cpu_sekunder"] for m in maalinger]))
    median["peak_rss_mib"] = max(m["peak_rss_mib"] for m in maalinger)
    median["alle_sekunder"] = [m["sekunder"] for m in maalinger]
    median["alle_cpu_sekunder"] = [m["cpu_sekunder"] for m in maalinger]
    return median


def _belastning():
    try:
        return round(os.getloadavg()[0], 1)
    except OSError:
        return None


def koer(stoerrelser, seed=SEED, aar=AAR, kontrol_personer=KONTROL_PERSONER, gentag=GENTAG, log=print):
    """Kontrol, så målinger; rejser `Uoverensstemmelse`, hvis tallene ikke stemmer."""
    maskine = _maskine()  # før målingerne: den commit, der måles
    log(f"kontrol: referencen og pakken pr. entitet på {kontrol_personer:,} personer ...")
    for befolkning, totaler in kontroller(kontrol_personer, seed, aar).items():
        for noegle, (p, r) in totaler.items():
            log(f"  {befolkning}, {noegle}: pakken {_dk(p, 2)} kr., referencen {_dk(r, 2)} kr.")
    maalinger = []
    belastning = [_belastning()]
    for n in stoerrelser:
        log(f"{n:,} personer × 12 måneder ...")
        pakker, refs, par = [], [], []
        for i in range(gentag):
            # Skiftevis rækkefølge: en belastning, der kommer og går, rammer begge sider lige meget.
            for motor in (("pakke", "reference") if i % 2 == 0 else ("reference", "pakke")):
                (pakker if motor == "pakke" else refs).append(_koer_underproces(motor, n, seed, aar))
            fejl = sammenlign_totaler(pakker[-1], refs[-1])
            if fejl:
                raise Uoverensstemmelse(f"{n:,} personer: referencen og pakken er uenige:\n  " + "\n  ".join(fejl))
            par.append(pakker[-1]["cpu_sekunder"] / max(refs[-1]["cpu_sekunder"], 1e-9))
        pakke, ref = _median(pakker), _median(refs)
        forhold = float(numpy.median(par))
        log(
            f"  OpenFisca {pakke['cpu_sekunder']:.2f} CPU-s, reference {ref['cpu_sekunder']:.2f} CPU-s "
            f"({forhold:.2f}×, spænd {min(par):.2f}–{max(par):.2f}), "
            f"peak RSS {pakke['peak_rss_mib']:,.0f} MiB / {ref['peak_rss_mib']:,.0f} MiB"
        )
        maalinger.append({"personer": n, "forhold": round(forhold, 3), "forhold_spaend": [round(min(par), 3), round(max(par), 3)],
                          "alle_forhold": [round(x, 3) for x in par], "pakke": pakke, "reference": ref})
    belastning.append(_belastning())
    return {
        "dato": datetime.date.today().isoformat(),
        "aar": aar,
        "seed": seed,
        "maaneder": 12,
        "gentagelser": gentag,
        "ordninger": [o.noegle for o in _ordninger()],
        # Registrets øvrige ordninger: kun i pakken, rigtigheden bæres af YAML-testene.
        "kun_i_pakken": _kun_i_pakken(),
        "tolerance": {"total_rel": TOTAL_REL, "total_abs_kr": TOTAL_ABS, "beloeb_rel": BELOEB_REL, "beloeb_abs_kr": BELOEB_ABS},
        "maskine": maskine,
        "belastning": " → ".join(str(b) for b in belastning),
        "maalinger": maalinger,
    }


def main(argv=None):
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--stoerrelser", help="personer, kommasepareret (standard 100000,300000,1000000)")
    a.add_argument("--danmark", action="store_true", help=f"{DANMARK:,} personer (Danmarks arbejdsstyrke)")
    a.add_argument("--seed", type=int, default=SEED)
    a.add_argument("--aar", type=int, default=AAR)
    a.add_argument("--gentag", type=int, default=GENTAG, help="målinger pr. størrelse; medianen tæller")
    a.add_argument("--kontrol", type=int, default=KONTROL_PERSONER, help="personer i kontrollen pr. entitet")
    a.add_argument("--ud", help="JSON-fil (standard resultater/bench/bench.json eller danmark.json, uden for git)")
    a.add_argument("--tabel", help="Markdown-tabel (standard: ved siden af JSON-filen, .md)")
    a.add_argument("--maal", choices=["pakke", "reference"], help=argparse.SUPPRESS)
    a.add_argument("--personer", type=int, help=argparse.SUPPRESS)
    args = a.parse_args(argv)

    if args.maal:  # underprocessen: én måling, JSON på stdout
        print(json.dumps(maal(args.maal, args.personer, args.seed, args.aar)))
        return 0

    if args.danmark:
        stoerrelser, navn = [DANMARK], "danmark"
    elif args.stoerrelser:
        stoerrelser, navn = [int(s.replace("_", "")) for s in args.stoerrelser.split(",")], "bench"
    else:
        stoerrelser, navn = list(STOERRELSER), "bench"
    ud = Path(args.ud or RODMAPPE / "resultater" / "bench" / f"{navn}.json")
    tabel_sti = Path(args.tabel) if args.tabel else ud.with_suffix(".md")
    try:
        resultat = koer(stoerrelser, args.seed, args.aar, args.kontrol, args.gentag, log=lambda s: print(s, file=sys.stderr, flush=True))
    except Uoverensstemmelse as e:
        print(f"\nBENCHMARK AFBRUDT: {e}\nIntet resultat er skrevet.", file=sys.stderr)
        return 1
    _skriv(ud, json.dumps(resultat, indent=2, ensure_ascii=False) + "\n")
    _skriv(tabel_sti, tabel(resultat))
    print(tabel(resultat))
    print(f"skrevet: {ud}, {tabel_sti}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
