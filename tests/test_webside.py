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
    assert "data.kildegrader || {}" in (statisk / "beregner.js").read_text(encoding="utf-8")
    assert "data.kildegrad?.[dato]" in (statisk / "regler.js").read_text(encoding="utf-8")


def test_intet_hentes_udefra():
    """Ingen CDN: skabeloner, CSS og JavaScript henter kun serverens egne filer."""
    for fil in [*TEMPLATES.rglob("*.html"), *STATIC.glob("*.css"), *STATIC.glob("*.js")]:
        tekst = fil.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', tekst), fil
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", tekst), fil
        assert not re.search(r'^\s*import .* from "(?!\./)', tekst, flags=re.M), fil


def test_skabeloner_og_javascript_virker_med_en_streng_csp():
    """Intet inline script eller stil i skabelonerne og ingen style-attributter sat fra JavaScript,
    så siderne virker under en Content-Security-Policy uden 'unsafe-inline'."""
    for fil in TEMPLATES.rglob("*.html"):
        tekst = fil.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", tekst), fil
        assert "<style" not in tekst and " style=" not in tekst and "onclick=" not in tekst, fil
    for fil in STATIC.glob("*.js"):
        tekst = fil.read_text(encoding="utf-8")
        assert not re.search(r"\bstyle:\s*\"", tekst) and "setAttribute(\"style\"" not in tekst, fil


def test_regnestykker_og_afgoerende_betingelser_navngiver_det_der_findes(klient, tbs):
    """Hver ordnings regnestykke og hver afslagsgrunds afgørende betingelse er modellens egne navne."""
    from openfisca_dk_jobcenter.webside.registerdata import AFGOERENDE, REGNESTYKKER

    data = klient.get("/webside/ordninger.json").get_json()
    # Dagens ordninger har alle et regnestykke; en ny ordning uden vises uden (regnestykke null).
    assert {o["noegle"] for o in data["ordninger"]} <= set(REGNESTYKKER)
    for o in data["ordninger"]:
        rs = o["regnestykke"]
        for rolle in ("sats", "maengde", "andel", "beloeb_er"):
            if rolle in rs:
                assert rs[f"{rolle}_entitet"] == tbs.variables[rs[rolle]].entity.key
        for valg in rs.get("satsvalg", []):
            tbs.get_parameters_at_instant("2026-01-01")  # parameterstien findes i dag
            node = tbs.parameters
            for del_ in valg["parameter"].split("."):
                node = node.children[del_]
            for b in valg["naar"]:
                assert b["variabel"] in tbs.variables
    for afslagsgrund, kort in AFGOERENDE.items():
        vaerdier = tbs.variables[afslagsgrund].possible_values.__members__
        assert set(kort) == set(vaerdier) - {"ingen"}, afslagsgrund
        for post in kort.values():
            betingelse = post[0] if isinstance(post, tuple) else post
            assert betingelse in tbs.variables, (afslagsgrund, betingelse)


@pytest.mark.parametrize(
    ("situation", "sats"),
    [
        ({"voksenlaerling_kommer_fra_ledighed": True}, "voksenlaerling.timesats.fra_ledighed"),
        ({"voksenlaerling_kommer_fra_ledighed": False, "voksenlaerling_uddannelse_paa_voksenlaerlingelisten": True}, "voksenlaerling.timesats.fra_beskaeftigelse"),
    ],
)
def test_satsvalget_peger_paa_den_sats_formlen_bruger(tbs, situation, sats):
    """Regnestykkets `satsvalg` (LAB § 159, stk. 2 og 3) giver den parameter, hvis værdi er satsen."""
    from openfisca_core.simulation_builder import SimulationBuilder

    maaned = "2026-05"
    person = {"foedselsdato": {"ETERNITY": "1980-01-01"}, "voksenlaerling_aftale_start": {"ETERNITY": "2026-03-01"}}
    person.update({k: {maaned: v} for k, v in situation.items()})
    sim = SimulationBuilder().build_from_entities(tbs, {"personer": {"p": person}, "virksomheder": {"v": {"ansatte": ["p"]}}})
    faktisk = sim.calculate("voksenlaerling_timesats", maaned)[0]
    parameter = tbs.parameters(f"{maaned}-01")
    for del_ in sats.split("."):
        parameter = parameter[del_]
    assert faktisk == parameter > 0
