"""Serveren, som `make serve` starter: kommandoen, to arbejdere på 127.0.0.1, /spec som gyldig
OpenAPI, de danske labels, beskrivelser og referencer i /variables, /variable/<navn>,
/parameters og /entities, en server med en reform, og kernens `openfisca serve` uden
konfigurationen."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from openfisca_dk_jobcenter.model.parametertrae import alle_parametre
from tools.server import GUNICORN_CONF, koerende_server, serve_kommando

REPO = Path(__file__).resolve().parents[2]
REFORM = "openfisca_dk_jobcenter.reforms.hoejere_voksenlaerlingesatser"
VOKSENLAERLING = {
    "personer": {
        "ana": {
            "foedselsdato": {"ETERNITY": "1990-01-01"},
            "voksenlaerling_aftale_start": {"ETERNITY": "2026-01-01"},
            "voksenlaerling_kommer_fra_ledighed": {"2026-02": True},
            "voksenlaerling_praktiktimer": {"2026-02": 160},
            "voksenlaerling_tilskud": {"2026-02": None},
        }
    }
}


def make_serve(*argumenter):
    if shutil.which("make") is None:
        pytest.skip("make findes ikke")
    return subprocess.run(
        ["make", "-n", "serve", *argumenter], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.replace("\\\n", " ")


def test_make_serve_er_den_server_testene_starter():
    """`make serve PORT=8123` kører den samme kommando som testenes server (pakkens konfiguration)."""
    kommando = make_serve("PORT=8123").split()
    forventet = [str(GUNICORN_CONF.relative_to(REPO)) if a == str(GUNICORN_CONF) else a for a in serve_kommando(8123)]
    i = kommando.index("serve")
    assert kommando[i - 1].endswith("openfisca")
    assert kommando[i : i + len(forventet) - 1] == forventet[1:]


def test_make_serve_med_reform():
    assert f"--reforms {REFORM}" in make_serve(f"REFORM={REFORM}")
    assert "--reforms" not in make_serve()


def test_to_arbejdere_paa_127_0_0_1_med_vaernet(server):
    assert len(server.arbejdere()) == 2
    assert server.url.startswith("http://127.0.0.1:")
    assert f"Listening at: {server.url}" in server.log()
    # Hver arbejder sætter værnet på, før den tager imod forespørgsler; loggen kan komme lidt efter.
    for _ in range(100):
        if server.log().count("web-API'ets værn er sat på") == 2:
            break
        time.sleep(0.1)
    assert server.log().count("web-API'ets værn er sat på") == 2


def test_spec_er_gyldig_openapi(server):
    validator = pytest.importorskip("openapi_spec_validator")
    status, hoveder, spec = server.kald("GET", "/spec")
    assert status == 200
    assert hoveder["Country-Package"] == "openfisca-dk-jobcenter"
    validator.validate(spec)
    assert spec["info"]["title"] == "Openfisca-Dk-Jobcenter Web API"
    assert spec["servers"] == [{"url": "/"}]  # uden DK_JOBCENTER_OFFENTLIG_URL: relativ, ikke Host-hovedet
    assert {"/calculate", "/trace", "/variables", "/parameters"} <= set(spec["paths"])
    assert "voksenlaerling_tilskud" in spec["components"]["schemas"]["Person"]["properties"]


def test_variables_har_de_danske_labels(server, tbs):
    status, _, variabler = server.kald("GET", "/variables")
    assert status == 200
    assert set(variabler) == set(tbs.variables)
    for navn, variabel in variabler.items():
        assert variabel["description"] == tbs.variables[navn].label
        assert variabel["href"] == f"{server.url}/variable/{navn}"
    assert variabler["voksenlaerling_afslagsgrund"]["description"].startswith("Første betingelse")


def test_variable_med_formel(server, tbs):
    status, _, variabel = server.kald("GET", "/variable/voksenlaerling_tilskud")
    assert status == 200
    assert variabel["description"] == tbs.variables["voksenlaerling_tilskud"].label
    assert variabel["references"] == list(tbs.variables["voksenlaerling_tilskud"].reference)
    assert any("LAB" in r for r in variabel["references"])
    assert (variabel["entity"], variabel["definitionPeriod"], variabel["valueType"]) == ("person", "MONTH", "Float")
    (formel,) = variabel["formulas"].values()
    assert "def formula" in formel["content"]
    assert "voksenlaerling_praktiktimer" in formel["content"]
    assert formel["source"].endswith(".py#L" + formel["source"].rsplit("#L", 1)[1])


def test_variable_med_enum_og_dokumentation(server, tbs):
    _, _, afslag = server.kald("GET", "/variable/voksenlaerling_afslagsgrund")
    assert afslag["defaultValue"] == "ingen"
    assert "under_minimumsalder" in afslag["possibleValues"]
    assert afslag["possibleValues"]["ingen"].startswith("Ingen")
    dokumenteret = next(n for n, v in sorted(tbs.variables.items()) if v.documentation and v.formulas)
    _, _, variabel = server.kald("GET", f"/variable/{dokumenteret}")
    assert variabel["documentation"] == tbs.variables[dokumenteret].documentation.strip()




def test_parameters_har_beskrivelser_og_referencer(server, tbs):
    """Hver parameter i /parameters har pakkens danske beskrivelse, og /parameter/<id> har referencen."""
    status, _, oversigt = server.kald("GET", "/parameters")
    assert status == 200
    blade = {p.name: p for p in alle_parametre(tbs.parameters)}
    assert set(oversigt) == set(blade)
    for navn, parameter in oversigt.items():
        assert parameter["description"] == blade[navn].description
        status, _, detaljer = server.kald("GET", f"/parameter/{navn}")
        assert status == 200, navn
        assert detaljer["metadata"]["reference"], navn
        assert detaljer["values"], navn


def test_parameter_med_historik_og_kilde(server):
    _, _, sats = server.kald("GET", "/parameter/voksenlaerling.timesats.fra_ledighed")
    assert sats["values"]["2020-01-01"] == 45
    assert sats["values"]["2015-01-01"] == 40
    assert "§ 159" in " ".join(r["title"] for r in sats["metadata"]["reference"])
    assert all(r["href"].startswith("http") for r in sats["metadata"]["reference"])
    assert sats["metadata"]["unit"] == "currency-DKK"


def test_entities_har_danske_beskrivelser(server):
    _, _, entiteter = server.kald("GET", "/entities")
    assert entiteter["person"]["plural"] == "personer"
    virksomhed = entiteter["virksomhed"]
    assert virksomhed["plural"] == "virksomheder"
    assert virksomhed["roles"]["ansat"]["plural"] == "ansatte"
    assert "arbejdsgiver" in virksomhed["documentation"]


def test_server_med_reform():
    """`make serve REFORM=…`: reformen gælder hele serveren: 60 kr. × 160 timer = 9.600 kr."""
    with koerende_server(reforms=[REFORM], workers=1) as reformserver:
        status, _, svar = reformserver.kald("POST", "/calculate", VOKSENLAERLING)
        assert len(reformserver.arbejdere()) == 1  # --workers på kommandolinjen vinder over filen
    assert status == 200
    assert svar["personer"]["ana"]["voksenlaerling_tilskud"]["2026-02"] == pytest.approx(9600)


def test_openfisca_serve_uden_konfigurationen_virker_stadig(kerne):
    """`openfisca serve -c openfisca_dk_jobcenter` (kernens standard, uden -f) svarer rigtigt."""
    status, _, svar = kerne.kald("POST", "/calculate", VOKSENLAERLING)
    assert status == 200
    assert svar["personer"]["ana"]["voksenlaerling_tilskud"]["2026-02"] == pytest.approx(7200)
    assert "værn er sat på" not in kerne.log()
