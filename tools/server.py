"""Start `openfisca serve` for pakken på en ledig port på 127.0.0.1 (til test, fuzz og belastning).

    with koerende_server() as server:
        urllib.request.urlopen(server.url + "/spec")

Serverens log skrives til en midlertidig fil (`server.log()`), ikke til et rør, som en server med
meget at logge ellers kunne gå i stå på.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

GUNICORN_CONF = Path(__file__).resolve().parents[1] / "openfisca_dk_jobcenter" / "webapi" / "gunicorn.conf.py"
VAERT = "127.0.0.1"


def ledig_port():
    with socket.socket() as s:
        s.bind((VAERT, 0))
        return s.getsockname()[1]


def openfisca_kommando():
    """`openfisca` fra samme miljø som denne Python."""
    kandidat = Path(sys.executable).parent / "openfisca"
    return str(kandidat) if kandidat.exists() else "openfisca"


def serve_kommando(port, *, haerdet=True, workers=None, reforms=(), ekstra=()):
    """Kommandoen, `make serve` også kører (med `haerdet=False`: kernens egen `openfisca serve`)."""
    kommando = [openfisca_kommando(), "serve", "--country-package", "openfisca_dk_jobcenter"]
    if haerdet:
        kommando += ["--configuration-file", str(GUNICORN_CONF)]
    kommando += ["--port", str(port)]
    if workers:
        kommando += ["--workers", str(workers)]
    if reforms:
        kommando += ["--reforms", *reforms]
    return kommando + list(ekstra)


class Server:
    def __init__(self, url, proces, logfil):
        self.url = url
        self.proces = proces
        self.logfil = logfil

    def log(self):
        return Path(self.logfil).read_text(encoding="utf-8", errors="replace")

    def arbejdere(self):
        """gunicorn-arbejdernes pid'er (børn af master-processen, som er `openfisca serve` selv)."""
        boern = []
        for status in Path("/proc").glob("[0-9]*/status"):
            with contextlib.suppress(OSError):
                felter = dict(linje.split(":\t", 1) for linje in status.read_text().splitlines() if ":\t" in linje)
                if felter.get("PPid", "").strip() == str(self.proces.pid):
                    boern.append(int(status.parent.name))
        return sorted(boern)

    def kald(self, metode, sti, krop=None, *, headers=None, timeout=60):
        """(status, headers, svar): svaret som JSON, når det er JSON, ellers som tekst."""
        if krop is not None and not isinstance(krop, bytes | str):
            krop = json.dumps(krop)
        if isinstance(krop, str):
            krop = krop.encode("utf-8")
        alle_headers = {"Content-Type": "application/json"} if krop is not None else {}
        alle_headers.update(headers or {})
        url = self.url + sti  # altid http://127.0.0.1:<port>
        forespoergsel = urllib.request.Request(url, data=krop, headers=alle_headers, method=metode)  # noqa: S310
        try:
            with urllib.request.urlopen(forespoergsel, timeout=timeout) as svar:  # noqa: S310 (kun 127.0.0.1)
                status, hoveder, data = svar.status, svar.headers, svar.read()
        except urllib.error.HTTPError as fejl:
            status, hoveder, data = fejl.code, fejl.headers, fejl.read()
        try:
            return status, hoveder, json.loads(data)
        except ValueError:
            return status, hoveder, data.decode("utf-8", errors="replace")


def vent_paa(url, proces, logfil, sekunder):
    frist = time.monotonic() + sekunder
    while time.monotonic() < frist:
        try:
            with urllib.request.urlopen(url + "/spec", timeout=2):  # noqa: S310 (kun 127.0.0.1)
                return
        except (OSError, urllib.error.URLError):
            if proces.poll() is not None:
                raise RuntimeError("openfisca serve stoppede:\n" + Path(logfil).read_text()) from None
            time.sleep(0.2)
    raise RuntimeError(f"openfisca serve svarede ikke på {url}/spec inden for {sekunder} s")


@contextlib.contextmanager
def koerende_server(*, haerdet=True, workers=None, reforms=(), sekunder=120, miljoe=None, ekstra=()):
    """En kørende `openfisca serve` på en ledig port; stoppes igen ved udgangen."""
    port = ledig_port()
    url = f"http://{VAERT}:{port}"
    with tempfile.NamedTemporaryFile("w", prefix="openfisca-serve-", suffix=".log", delete=False) as log:
        logfil = log.name
    with open(logfil, "w") as log:
        proces = subprocess.Popen(
            serve_kommando(port, haerdet=haerdet, workers=workers, reforms=reforms, ekstra=ekstra),
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(miljoe or {})},
        )
    try:
        vent_paa(url, proces, logfil, sekunder)
        yield Server(url, proces, logfil)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()
        Path(logfil).unlink(missing_ok=True)
