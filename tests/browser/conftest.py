"""Websiden i en rigtig browser: Debians chromium, styret af Playwright (uden `playwright install`).

`server` starter web-API'et, som `make serve` gør (openfisca serve med pakkens gunicorn-konfiguration,
hvor websiden sættes på), på en ledig port på 127.0.0.1. `side` er en ny fane i chromium med en tom
profil. Mangler chromium eller Playwright, eller kan browseren ikke starte, FEJLER testene med en
besked om det (`make browser` installerer chromium); de springes aldrig over.
"""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tools.server import koerende_server

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
SKAERMBILLEDER = Path(__file__).resolve().parents[2] / "resultater" / "skaermbilleder"


class Side:
    """Den koerende_ server set fra browsertestene: JSON-svar fra web-API'et."""

    def __init__(self, server):
        self.url = server.url
        self._server = server

    def kald(self, metode, sti, krop=None):
        status, _, svar = self._server.kald(metode, sti, krop)
        return status, svar

    def hent(self, sti):
        status, svar = self.kald("GET", sti)
        assert status == 200, (sti, svar)
        return svar

    def beregn(self, situation):
        status, svar = self.kald("POST", "/calculate", situation)
        assert status == 200, svar
        return svar


@pytest.fixture(scope="session")
def server():
    """Web-API'et med websiden, som `make serve` starter det (pakkens gunicorn-konfiguration)."""
    try:
        with koerende_server() as koerende_:
            yield Side(koerende_)
    except RuntimeError as fejl:
        pytest.fail(f"web-API'et med websiden startede ikke: {fejl}")


def _start_chromium(pw, profil, sprog):
    """Chromium med browserens sprog `sprog` (flag, locale og LANGUAGE i miljøet)."""
    flag = [f for f in FLAG if not f.startswith("--lang=")] + [f"--lang={sprog}"]
    miljoe = {**os.environ, "LANGUAGE": sprog.replace("-", "_"), "LANG": f"{sprog.replace('-', '_')}.UTF-8"}
    try:
        return pw.chromium.launch_persistent_context(
            profil,
            executable_path=CHROMIUM,
            headless=True,
            args=flag,
            env=miljoe,
            locale=sprog,
            viewport={"width": 1280, "height": 900},
        )
    except Exception as fejl:  # noqa: BLE001 (enhver fejl ved start er en testfejl med besked)
        pytest.fail(f"Chromium ({CHROMIUM}) kunne ikke startes af Playwright: {fejl}")


@pytest.fixture(scope="session")
def _playwright():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Browsertestene kræver Debians chromium i {CHROMIUM}, men den findes ikke. "
            "Installér den med `make browser` (apt-get install chromium, som root) og kør testene igen."
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as fejl:
        pytest.fail(f"Browsertestene kræver Playwrights Python-pakke (make install installerer den): {fejl}")
    pw = sync_playwright().start()  # én Playwright pr. proces; hver browser er sin egen chromium
    try:
        yield pw
    finally:
        pw.stop()


@contextlib.contextmanager
def _chromium(pw, sprog):
    profil = tempfile.mkdtemp(prefix="webside-chromium-")
    try:
        kontekst = _start_chromium(pw, profil, sprog)
        yield kontekst
        kontekst.close()
    finally:
        shutil.rmtree(profil, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(_playwright):
    with _chromium(_playwright, "da-DK") as kontekst:
        yield kontekst


@pytest.fixture(scope="session")
def engelsk_browser(_playwright):
    """Chromium med engelsk sprog (en-US): datoer og måneder skal stadig stå på dansk."""
    with _chromium(_playwright, "en-US") as kontekst:
        yield kontekst


@pytest.fixture
def side(browser, server):
    yield from _fane(browser, server)


@pytest.fixture
def engelsk_side(engelsk_browser, server):
    yield from _fane(engelsk_browser, server)


def _fane(browser, server):
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
