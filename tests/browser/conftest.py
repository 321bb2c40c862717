"""Websiden i en rigtig browser: Debians chromium, styret af Playwright (uden `playwright install`).

`server` starter web-API'et, som `make serve` gør (openfisca serve med pakkens gunicorn-konfiguration,
hvor websiden sættes på), på en ledig port på 127.0.0.1. `side` er en ny fane i chromium med en tom
profil. Mangler chromium eller Playwright, eller kan browseren ikke starte, FEJLER testene med en
besked om det (`make browser` installerer chromium); de springes aldrig over.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import openfisca_dk_jobcenter

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAG = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=da-DK",  # dato- og månedsfelter på dansk (dd.mm.åååå)
]
GUNICORN_CONF = Path(openfisca_dk_jobcenter.__file__).parent / "webapi" / "gunicorn.conf.py"
SKAERMBILLEDER = Path(__file__).resolve().parents[2] / "resultater" / "skaermbilleder"


class Server:
    def __init__(self, url):
        self.url = url

    def kald(self, metode, sti, krop=None):
        data = json.dumps(krop).encode() if krop is not None else None
        headers = {"Content-Type": "application/json"} if data else {}
        forespoergsel = urllib.request.Request(self.url + sti, data=data, headers=headers, method=metode)  # noqa: S310
        try:
            with urllib.request.urlopen(forespoergsel, timeout=60) as svar:  # noqa: S310 (kun 127.0.0.1)
                return svar.status, json.loads(svar.read())
        except urllib.error.HTTPError as fejl:
            return fejl.code, json.loads(fejl.read())

    def hent(self, sti):
        status, svar = self.kald("GET", sti)
        assert status == 200, (sti, svar)
        return svar

    def beregn(self, situation):
        status, svar = self.kald("POST", "/calculate", situation)
        assert status == 200, svar
        return svar


def _ledig_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    port = _ledig_port()
    openfisca = Path(sys.executable).parent / "openfisca"
    kommando = [
        str(openfisca) if openfisca.exists() else "openfisca",
        "serve",
        "--country-package",
        "openfisca_dk_jobcenter",
        "--configuration-file",
        str(GUNICORN_CONF),
        "--port",
        str(port),
        # En browser åbner forbindelser på forhånd (preconnect) uden at sende noget; en synkron
        # gunicorn-arbejder venter så på dem til sin timeout (60 s, "no URI read"). Tråde (gthread,
        # som i web-API'ets nye konfiguration) lader de andre forespørgsler komme til imens.
        "--worker-class",
        "gthread",
        "--threads",
        "8",
    ]
    log = tempfile.NamedTemporaryFile("w+", prefix="webside-serve-", suffix=".log", delete=False)  # noqa: SIM115
    proces = subprocess.Popen(kommando, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        frist = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "/beregner", timeout=2):  # noqa: S310
                    break
            except (OSError, urllib.error.URLError):
                if proces.poll() is not None or time.monotonic() > frist:
                    log.seek(0)
                    pytest.fail(f"web-API'et med websiden startede ikke på {url}:\n{log.read()[-3000:]}")
                time.sleep(0.3)
        yield Server(url)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()
        log.close()
        Path(log.name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Browsertestene kræver Debians chromium i {CHROMIUM}, men den findes ikke. "
            "Installér den med `make browser` (apt-get install chromium, som root) og kør testene igen."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as fejl:
        pytest.fail(f"Browsertestene kræver Playwrights Python-pakke (make install installerer den): {fejl}")
    profil = tempfile.mkdtemp(prefix="webside-chromium-")
    pw = sync_playwright().start()
    try:
        try:
            kontekst = pw.chromium.launch_persistent_context(
                profil,
                executable_path=CHROMIUM,
                headless=True,
                args=FLAG,
                locale="da-DK",
                viewport={"width": 1280, "height": 900},
            )
        except Exception as fejl:  # noqa: BLE001 (enhver fejl ved start er en testfejl med besked)
            pytest.fail(f"Chromium ({CHROMIUM}) kunne ikke startes af Playwright: {fejl}")
        yield kontekst
        kontekst.close()
    finally:
        pw.stop()
        shutil.rmtree(profil, ignore_errors=True)


@pytest.fixture
def side(browser, server):
    fane = browser.new_page()
    fane.set_viewport_size({"width": 1280, "height": 900})
    fejl = []
    udefra = []
    fane.on("pageerror", lambda e: fejl.append(str(e)))
    # Siden virker uden net: intet hentes fra andre end serveren selv (intet CDN).
    fane.on("request", lambda r: None if r.url.startswith((server.url, "data:", "about:")) else udefra.append(r.url))
    fane.set_default_timeout(60000)
    fane.set_default_navigation_timeout(90000)  # maskinen deles med andre: en langsom start er ikke en fejl
    fane.bring_to_front()  # ellers har fanen ikke fokus, og :focus gælder ikke
    yield fane
    fane.close()
    assert not fejl, f"JavaScript-fejl på siden: {fejl}"
    assert not udefra, f"siden hentede noget uden for serveren: {udefra}"


@pytest.fixture(scope="session")
def skaermbilleder():
    SKAERMBILLEDER.mkdir(parents=True, exist_ok=True)
    return SKAERMBILLEDER
