"""Værnet i processen (Flask's testklient), for det, en rigtig server ikke kan vise: en fejl i
pakkens egne regler skal stadig være 500, ikke et 4xx, der giver klienten skylden."""

import pytest
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable
from openfisca_web_api.app import create_app

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.webapi.app import byg_app, haerd


class stavefejl_i_parameter(Variable):  # noqa: N801 (OpenFisca-navn)
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Test: en formel med en parameter, der ikke findes"

    def formula(person, period, parameters):
        return parameters(period.start).voksenlaerling.findes_ikke


@pytest.fixture(scope="module")
def klient():
    tbs = CountryTaxBenefitSystem()
    tbs.add_variable(stavefejl_i_parameter)
    app = haerd(create_app(tbs), tbs)
    app.logger.disabled = True
    return app.test_client()


def test_en_parameter_der_ikke_findes_er_en_serverfejl(klient):
    svar = klient.post("/calculate", json={"personer": {"a": {"stavefejl_i_parameter": {"2026-02": None}}}})
    assert svar.status_code == 500
    assert "findes_ikke" in svar.get_json()["error"]


def test_en_periode_foer_reglerne_er_en_klientfejl(klient):
    svar = klient.post("/calculate", json={"personer": {"a": {"voksenlaerling_tilskud": {"2010-01": None}}}})
    assert svar.status_code == 400
    assert "har først en værdi fra" in svar.get_json()["error"]


class fejl_i_formel(Variable):  # noqa: N801 (OpenFisca-navn)
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Test: en formel, der rejser en ValueError"

    def formula(person, period):
        raise ValueError("fejl i formlen")


def test_en_valueerror_i_en_formel_er_en_serverfejl():
    tbs = CountryTaxBenefitSystem()
    tbs.add_variable(fejl_i_formel)
    app = haerd(create_app(tbs), tbs)
    app.logger.disabled = True
    svar = app.test_client().post("/calculate", json={"personer": {"a": {"fejl_i_formel": {"2026-02": None}}}})
    assert svar.status_code == 500
    assert "fejl i formlen" in svar.get_json()["error"]


def test_haerd_er_idempotent():
    tbs = CountryTaxBenefitSystem()
    app = create_app(tbs)
    assert haerd(haerd(app, tbs), tbs) is app
    assert len(app.before_request_funcs[None]) == 2  # kernens og værnets
    assert app.extensions["openfisca_dk_jobcenter"]["tax_benefit_system"] is tbs


def test_byg_app_er_det_ene_sted_app_en_bygges():
    app = byg_app()
    assert "openfisca_dk_jobcenter" in app.extensions
    assert app.test_client().get("/spec").status_code == 200


def test_kernens_serve_har_de_tilvalg_gunicorn_krogen_bruger():
    """gunicorn.conf.py lader `openfisca serve` bygge app'en med `byg_app` ud fra
    `OpenFiscaWebAPIApplication.options` og `load()`. Ændrer kernen det, fejler testen her (og
    serveren ville starte uden værn): se docs/sikkerhed.md, forslaget til openfisca-core."""
    import inspect

    from openfisca_web_api.scripts.serve import OpenFiscaWebAPIApplication

    kilde = inspect.getsource(OpenFiscaWebAPIApplication)
    assert "self.options = options" in kilde
    for tilvalg in ("country_package", "extensions", "reforms", "welcome_message"):
        assert f'self.options.get("{tilvalg}")' in kilde
    assert "def load(self)" in kilde
