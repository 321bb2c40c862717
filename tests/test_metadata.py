"""Hver variabel har label og reference; hver parameter har description, reference, unit og
daterede værdier (så retseksperter og web-API'ets brugere kan se, hvor reglen kommer fra)."""

import datetime

from openfisca_dk_jobcenter.model.parametertrae import alle_parametre


def variabler_uden_label_eller_reference(tbs):
    return [navn for navn, v in tbs.variables.items() if not v.label or not v.reference]


def test_hver_variabel_har_label_og_reference(tbs):
    mangler = variabler_uden_label_eller_reference(tbs)
    assert mangler == [], f"variabler uden label eller reference: {mangler}"


def test_hver_parameter_har_description_reference_unit_og_daterede_vaerdier(tbs):
    mangler = []
    for p in alle_parametre(tbs.parameters):
        if not p.description:
            mangler.append(f"{p.name}: description")
        if not p.metadata.get("reference"):
            mangler.append(f"{p.name}: reference")
        if not p.metadata.get("unit"):
            mangler.append(f"{p.name}: unit")
        if not p.values_list:
            mangler.append(f"{p.name}: values")
        for v in p.values_list:
            datetime.date.fromisoformat(v.instant_str)
    assert mangler == [], f"parametre med mangler: {mangler}"


def test_en_variabel_uden_reference_bliver_fundet():
    """Tjekket kan fejle: en variabel uden reference i et nyt system bliver fundet."""
    from openfisca_core.periods import MONTH
    from openfisca_core.variables import Variable

    from openfisca_dk_jobcenter import CountryTaxBenefitSystem
    from openfisca_dk_jobcenter.entities import Person

    class uden_reference(Variable):  # noqa: N801 (OpenFisca-navn)
        value_type = float
        entity = Person
        definition_period = MONTH
        label = "Test uden reference"

    system = CountryTaxBenefitSystem()
    system.add_variable(uden_reference)
    assert variabler_uden_label_eller_reference(system) == ["uden_reference"]
