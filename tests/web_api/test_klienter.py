"""Andre systemer og OpenFisca's legislation explorer (issue 23): /spec's eksempel er pakkens egen
situation, /spec taler dansk, ingen "rediger"-links til et repository, projektet ikke har, og
CORS for explorerens oprindelse, når DK_JOBCENTER_CORS_OPRINDELSER nævner den."""

import importlib.metadata
from pathlib import Path

import pytest

from openfisca_dk_jobcenter import situation_examples
from openfisca_dk_jobcenter.webapi.app import Konfiguration, byg_app

EXPLORER = "http://localhost:2020"  # legislation-explorer's standardport (PORT=2020)
SETUP = Path(__file__).resolve().parents[2] / "setup.py"


@pytest.fixture(scope="module")
def klient():
    konfiguration = Konfiguration.fra_miljoe({"DK_JOBCENTER_CORS_OPRINDELSER": f"{EXPLORER},http://127.0.0.1:2020"})
    app = byg_app(konfiguration=konfiguration)
    app.logger.disabled = True
    return app.test_client()


@pytest.fixture(scope="module")
def spec(klient):
    svar = klient.get("/spec")
    assert svar.status_code == 200
    return svar.get_json()


def test_spec_eksemplet_er_voksenlaerlingens_situation_og_svaret_regnet_af_serveren(spec):
    skemaer = spec["components"]["schemas"]
    assert skemaer["SituationInput"]["example"] == situation_examples.situation("voksenlaerling")
    ud = skemaer["SituationOutput"]["example"]["personer"]["ana"]
    assert ud["voksenlaerling_tilskud"] == {"2026-02": 7200.0}  # LAB § 159: 45 kr. × 160 timer
    assert ud["voksenlaerling_afslagsgrund"] == {"2026-02": "ingen"}
    assert "voksenlaerling_tilskud<2026-02>" in skemaer["Trace"]["example"]["trace"]
    assert "No simulation example" not in str(skemaer)
    assert skemaer["Variable"]["example"]["id"] == "voksenlaerling_tilskud"


def test_spec_paa_dansk(spec):
    assert spec["info"]["title"] == "openfisca-dk-jobcenter: web-API"
    assert "regler-som-kode" in spec["info"]["description"]
    assert "contact" not in spec["info"]  # OpenFisca's egen adresse, ikke dette API's
    calculate = spec["paths"]["/calculate"]["post"]
    assert calculate["summary"] == "Beregn en situation"
    assert "null" in calculate["requestBody"]["description"]
    assert calculate["responses"]["404"]["description"].startswith("En variabel eller rolle")
    assert spec["paths"]["/variable/{variableID}"]["get"]["summary"].startswith("Én variabel")
    engelske = [sti for sti, op in spec["paths"].items() for m in op.values()
                if isinstance(m, dict) and m.get("summary", "").split(" ")[0] in ("Run", "List", "Get", "Explore", "Provide")]
    assert engelske == []


def test_ingen_rediger_links_til_et_repository_projektet_ikke_har(klient, spec):
    variabel = klient.get("/variable/voksenlaerling_tilskud").get_json()
    assert "source" not in variabel
    assert all("source" not in f for f in variabel["formulas"].values())
    assert "def formula" in next(iter(variabel["formulas"].values()))["content"]
    assert "source" not in klient.get("/parameter/voksenlaerling.timesats.fra_ledighed").get_json()
    assert "source" not in spec["components"]["schemas"]["Variable"]["example"]
    assert "github" not in str(spec).lower()


def test_pakkens_metadata_naevner_ingen_adresse():
    """setup.py har ingen url eller project_urls: projektet har intet offentligt repository. Uden
    Project-URL læser openfisca-core Home-page (tom), og serveren starter (fixturen ovenfor)."""
    metadata = importlib.metadata.metadata("openfisca-dk-jobcenter")
    assert metadata.get("Home-page") in (None, "", "UNKNOWN")
    assert metadata.get_all("Project-URL") is None
    assert "github.com" not in SETUP.read_text(encoding="utf-8")


def test_kernen_faar_ingen_repository_adresse(klient):
    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    metadata = CountryTaxBenefitSystem().get_package_metadata()
    assert metadata["name"] == "openfisca-dk-jobcenter"
    assert not metadata["repository_url"]
    svar = klient.get("/variables")
    assert svar.headers["Country-Package"] == "openfisca-dk-jobcenter"


@pytest.mark.parametrize("sti", ["/variables", "/parameters", "/variable/voksenlaerling_tilskud",
                                 "/parameter/voksenlaerling.timesats.fra_ledighed", "/spec", "/entities"])
def test_explorerens_oprindelse_faar_cors(klient, sti):
    """Legislation explorer henter /variables, /parameters, /spec og de enkelte sider fra browseren."""
    svar = klient.get(sti, headers={"Origin": EXPLORER})
    assert svar.status_code == 200
    assert svar.headers["Access-Control-Allow-Origin"] == EXPLORER
    assert svar.headers["Vary"] == "Origin"


def test_en_anden_oprindelse_faar_ingen_cors(klient):
    svar = klient.get("/variables", headers={"Origin": "http://localhost:2021"})
    assert "Access-Control-Allow-Origin" not in svar.headers


def test_forespoergsel_foer_post_fra_explorerens_oprindelse(klient):
    svar = klient.options("/calculate", headers={"Origin": EXPLORER, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "Content-Type"})
    assert svar.headers["Access-Control-Allow-Origin"] == EXPLORER
    assert "POST" in svar.headers["Access-Control-Allow-Methods"]


def test_en_variabel_der_ikke_findes_naevner_intet_repository():
    """Kernens VariableNotFoundError henviser til github.com/openfisca/<pakkens navn>, der ikke findes."""
    from openfisca_core.errors import VariableNotFoundError
    from openfisca_core.simulations import SimulationBuilder

    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    simulering = SimulationBuilder().build_default_simulation(CountryTaxBenefitSystem())
    with pytest.raises(VariableNotFoundError) as fejl:
        simulering.calculate("voksenlaerling_tilskd", "2026-02")
    assert str(fejl.value) == "variablen 'voksenlaerling_tilskd' findes ikke i openfisca-dk-jobcenter; mente du 'voksenlaerling_tilskud'?"
    assert "github" not in str(fejl.value)


DOCS = Path(__file__).resolve().parents[2] / "docs" / "webapi.md"


def _blok(afsnit, sprog):
    tekst = DOCS.read_text(encoding="utf-8").split(afsnit, 1)[1]
    return tekst.split(f"```{sprog}\n", 1)[1].split("```", 1)[0]


def test_trace_uddraget_i_docs_er_serverens_svar(klient):
    """docs/webapi.md's /trace-uddrag: kaldet, som det står, giver de afhængigheder, værdier og
    parametre, uddraget viser (issue 23: siden viste 5 afhængigheder, serveren 7)."""
    import json
    import shlex

    kald = shlex.split(_blok("## Hvorfor et afslag: /trace", "sh").replace("\\\n", " "))
    situation = json.loads(kald[kald.index("-d") + 1])
    svar = klient.post("/trace", json=situation)
    assert svar.status_code == 200
    spor = svar.get_json()["trace"]
    uddrag = json.loads("{" + _blok("## Hvorfor et afslag: /trace", "json") + "}")
    assert len(uddrag["voksenlaerling_afslagsgrund<2026-03>"]["dependencies"]) == 7
    for noegle, post in uddrag.items():
        for felt, vaerdi in post.items():
            assert spor[noegle][felt] == vaerdi, (noegle, felt)
