"""Issue 22: en ugyldig eller tom "Første måned" (`/beregner?fra=foo`) gav en TypeError, siden blev
ved at være travl og viste det gamle resultat. Nu: en besked ved feltet, siden er ledig, intet
JavaScript-fejl (fixturen `side` fejler ved enhver `pageerror`), og CSP'en blokerer intet."""

import pytest

from tests.browser.hjaelp import vent


@pytest.mark.parametrize("side_navn", ["beregner", "budget"])
@pytest.mark.parametrize("fra", ["foo", "", "2026-13", "0000-00"])
def test_ugyldig_foerste_maaned_giver_en_besked_ikke_en_fejl(side, server, side_navn, fra):
    csp = []
    side.on("console", lambda b: csp.append(b.text) if "Content Security Policy" in b.text else None)
    side.goto(f"{server.url}/{side_navn}?fra={fra}")
    vent(side)
    assert side.evaluate("document.body.dataset.travl") == "0"
    assert not csp, csp


def test_ryddet_foerste_maaned_giver_en_besked(side, server):
    side.goto(f"{server.url}/beregner")
    vent(side)
    side.fill("#f-fra", "")
    side.wait_for_timeout(500)
    vent(side)
    besked = side.evaluate("document.querySelector('#f-fra').getAttribute('aria-invalid')")
    assert besked == "true"
