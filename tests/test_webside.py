"""Websidens blueprint uden browser: siderne, registret som JSON, og at kildegraden kommer fra API'et.

Browsertestene (tests/browser) viser siderne i chromium; her tjekkes det, siderne bygger på.
"""

import re
from pathlib import Path

import pytest
from openfisca_web_api.app import create_app

from openfisca_dk_jobcenter import webside
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER
from openfisca_dk_jobcenter.webapi.app import haerd

STATIC = Path(webside.__file__).parent / "static"
TEMPLATES = Path(webside.__file__).parent / "templates"


@pytest.fixture(scope="module")
def klient(tbs):
    return haerd(create_app(tbs), tbs).test_client()


@pytest.mark.parametrize("sti", ["/beregner", "/budget", "/regler"])
def test_siderne_er_danske_html_sider(klient, sti):
    svar = klient.get(sti)
    assert svar.status_code == 200
    assert svar.mimetype == "text/html"
    html = svar.get_data(as_text=True)
    assert '<html lang="da">' in html
    assert 'name="viewport"' in html
    for fil in re.findall(r'(?:src|href)="(/webside/static/[^"]+)"', html):
        assert klient.get(fil).status_code == 200, fil


def test_registret_som_json_navngiver_variabler_der_findes(klient, tbs):
    data = klient.get("/webside/ordninger.json").get_json()
    noegler = [o["noegle"] for o in data["ordninger"]]
    assert noegler[: len(ORDNINGER)] == [o.noegle for o in ORDNINGER]
    assert "uddannelse_med_loentilskud" in noegler
    for o in data["ordninger"]:
        for navn in (o["tilskud"], o["berettiget"], o["afslagsgrund"]):
            assert navn in tbs.variables, (o["noegle"], navn)
        assert o["tilskud_entitet"] == tbs.variables[o["tilskud"]].entity.key
        assert o["felter"], o["noegle"]
        for f in o["felter"]:
            assert tbs.variables[f["navn"]].label == f["etiket"]
            assert f["hjaelp"].strip()
    assert data["i_alt"] == "virksomhed_tilskud_i_alt"
    jobrotation = next(o for o in data["ordninger"] if o["noegle"] == "jobrotation")
    assert jobrotation["kollega_afslagsgrund"] == "jobrotation_medarbejder_afslagsgrund"


def test_budgettets_kolonner_er_modellens_variabler(klient, tbs):
    data = klient.get("/webside/budget.json").get_json()
    assert [k["navn"] for k in data["kolonner"]][-1] == "jobrotation_nettoudgift"
    for k in data["kolonner"]:
        assert tbs.variables[k["navn"]].entity.key == "virksomhed"


def test_kildegraden_kommer_fra_web_api_et(klient):
    """Siden bruger web-API'ets `kildegrad` (/parameter/<id>) og `kildegrader` (/trace), ikke en
    egen kopi; de testes i tests/web_api/test_kildegrad_api.py."""
    assert klient.get("/webside/kildegrad/jobrotation.ydelse_per_time").status_code == 404
    statisk = Path(webside.__file__).parent / "static"
    for js in statisk.glob("*.js"):
        assert "/webside/kildegrad" not in js.read_text(encoding="utf-8"), js.name
    assert "data.kildegrader?.[navn]" in (statisk / "beregner.js").read_text(encoding="utf-8")
    assert "data.kildegrad?.[dato]" in (statisk / "regler.js").read_text(encoding="utf-8")


def test_intet_hentes_udefra():
    """Ingen CDN: skabeloner, CSS og JavaScript henter kun serverens egne filer."""
    for fil in [*TEMPLATES.rglob("*.html"), *STATIC.glob("*.css"), *STATIC.glob("*.js")]:
        tekst = fil.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', tekst), fil
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", tekst), fil
        assert not re.search(r'^\s*import .* from "(?!\./)', tekst, flags=re.M), fil
