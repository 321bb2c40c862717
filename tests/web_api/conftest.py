"""Web-API'et over rigtig HTTP: `openfisca serve` startes på en ledig port på 127.0.0.1.

`server` er den server, `make serve` starter (pakkens gunicorn-konfiguration: to arbejdere og
pakkens værn). `kerne` er `openfisca serve` uden konfigurationen: kernens egen opførsel, som
test_kernen.py viser.
"""

import pytest

from tools.server import koerende_server


@pytest.fixture(scope="session")
def server():
    with koerende_server() as koerende:
        yield koerende


@pytest.fixture(scope="session")
def kerne():
    with koerende_server(haerdet=False, workers=1) as koerende:
        yield koerende


@pytest.fixture(scope="session")
def variabelnavne(server):
    status, _, svar = server.kald("GET", "/variables")
    assert status == 200
    return set(svar)


@pytest.fixture
def kraev(variabelnavne):
    """Spring testen over, hvis en ordnings variabler endnu ikke findes i pakken."""

    def kraev(*navne):
        mangler = sorted(set(navne) - variabelnavne)
        if mangler:
            pytest.skip(f"variablerne findes ikke endnu: {', '.join(mangler)}")

    return kraev


@pytest.fixture
def beregn(server):
    """POST en situation til den hærdede server; svaret skal være 200."""

    def beregn(situation, sti="/calculate"):
        status, _, svar = server.kald("POST", sti, situation)
        assert status == 200, svar
        return svar

    return beregn
