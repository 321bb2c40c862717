"""`--klynge` / `klynge=`: de samme bidder regnet på en Dask-klynge (en scheduler og to arbejdere
på 127.0.0.1, startet som underprocesser med `dask scheduler` og `dask worker`) giver totalerne
fra denne proces til øren, og hver arbejder bygger skattesystemerne én gang."""

import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from openfisca_dk_jobcenter.analyse import grundlag, reform, sammenlign, varianter
from openfisca_dk_jobcenter.befolkning import udfoersel
from openfisca_dk_jobcenter.befolkning.udfoersel import SyntetiskBefolkning, Udfoerer

ROD = Path(__file__).resolve().parents[1]
DASK = str(Path(sys.executable).with_name("dask"))
START_SEKUNDER = 90  # en travl maskine: importen af distributed og pakken tager sin tid
BEFOLKNING = SyntetiskBefolkning(12_000, seed=7, aar=2026, blok_personer=3_000)


def _adresse(proces, frist):
    """Schedulerens adresse fra dens log (stderr), uden at hænge: linjerne læses i en tråd."""
    linjer = queue.Queue()
    threading.Thread(target=lambda: [linjer.put(linje) for linje in proces.stderr], daemon=True).start()
    while time.monotonic() < frist:
        try:
            linje = linjer.get(timeout=1)
        except queue.Empty:
            if proces.poll() is not None:
                break
            continue
        fundet = re.search(r"Scheduler at:\s+(tcp://\S+)", linje)
        if fundet:
            return fundet.group(1)
    raise RuntimeError("dask scheduler startede ikke")


@pytest.fixture(scope="module")
def klynge():
    processer = []
    try:
        frist = time.monotonic() + START_SEKUNDER
        scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        processer.append(scheduler)
        adresse = _adresse(scheduler, frist)
        for _ in range(2):
            processer.append(subprocess.Popen(
                [DASK, "worker", adresse, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))
        from distributed import Client

        with Client(adresse, timeout=START_SEKUNDER, set_as_default=False) as klient:
            klient.wait_for_workers(2, timeout=max(frist - time.monotonic(), 1))
        yield adresse
    finally:
        for p in reversed(processer):
            p.send_signal(signal.SIGTERM)
        for p in reversed(processer):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_klyngen_giver_samme_tal_som_denne_proces_til_oeren(klynge):
    g = grundlag()
    reformer = {"fil": reform(g, str(ROD / "openfisca_dk_jobcenter" / "reforms" / "hoejere_voksenlaerlingesatser.yaml"))}
    reformer.update({n: s for n, s, _ in varianter(g, "voksenlaerling.timesats.fra_ledighed=35;70", 2026)})
    lokal = sammenlign(reformer, BEFOLKNING, grundlag=g, bid_personer=3_000, arbejdere=1)
    with Udfoerer(klynge=klynge) as u:
        paa_klyngen = sammenlign(reformer, BEFOLKNING, grundlag=g, bid_personer=3_000, udfoerer=u)
        assert u.arbejdere == 2
        # Hver arbejder byggede systemerne (grundlag og reformer) én gang for alle sine bidder.
        byggede = u._klient.run(lambda: len(udfoersel._KONTEKSTER))
    assert sorted(byggede.values()) == [1, 1]
    assert paa_klyngen.pr_ordning.equals(lokal.pr_ordning)
    assert paa_klyngen.detaljer.equals(lokal.detaljer)
    assert paa_klyngen.koersel == lokal.koersel
    # 95 %-intervallerne (jackknife over replikatgrupperne, som arbejderne sender tilbage pr. bid)
    # er også de samme til øren, og de er ikke 0 = 0: intervallet har en bredde.
    intervaller = [k for k in lokal.pr_ordning.columns if k.endswith(("_95_nedre", "_95_oevre"))]
    assert {"grundlag_kr_95_nedre", "grundlag_kr_95_oevre", "forskel_kr_95_nedre", "forskel_kr_95_oevre"} <= set(intervaller)
    assert paa_klyngen.pr_ordning[intervaller].equals(lokal.pr_ordning[intervaller])
    assert paa_klyngen.replikater.equals(lokal.replikater)
    assert (paa_klyngen.gruppevaegte == lokal.gruppevaegte).all() and len(lokal.gruppevaegte) == 30
    i_alt = lokal.pr_ordning.query("reform == 'fil' and ordning == 'I alt'").iloc[0]
    assert i_alt["grundlag_kr_95_nedre"] < i_alt["grundlag_kr"] < i_alt["grundlag_kr_95_oevre"]
    assert lokal.pr_ordning.query("reform == 'fil' and ordning == 'Voksenlærling'")["forskel_kr"].iloc[0] > 0


def test_cli_med_klynge(klynge, tmp_path):
    from openfisca_dk_jobcenter.analyse.cli import main

    args = ["sammenlign", "--reform", str(ROD / "openfisca_dk_jobcenter" / "reforms" / "hoejere_voksenlaerlingesatser.yaml"),
            "--personer", "5000", "--bid", "2000"]
    assert main([*args, "--klynge", klynge, "--ud", str(tmp_path / "k")]) == 0
    assert main([*args, "--arbejdere", "1", "--ud", str(tmp_path / "l")]) == 0
    assert (tmp_path / "k" / "sammenligning.csv").read_text() == (tmp_path / "l" / "sammenligning.csv").read_text()


def test_en_klynge_der_ikke_svarer_giver_en_klar_fejl(tmp_path, capsys, monkeypatch):
    from openfisca_dk_jobcenter.analyse.cli import main

    monkeypatch.setattr(udfoersel, "KLYNGE_TIMEOUT_SEKUNDER", 2)
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer", "5000", "--bid", "2000", "--klynge", "tcp://127.0.0.1:9", "--ud", str(ud)]) == 2
    fejl = capsys.readouterr().err
    assert "--klynge tcp://127.0.0.1:9" in fejl and "Traceback" not in fejl
    assert not ud.exists()
