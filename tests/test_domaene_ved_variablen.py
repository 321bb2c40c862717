"""Inputs domæne håndhæves af variablen selv (pakkens `Variable`, model/variabel.py), fra den bygges:
i Python-API'ets `Simulation.set_input`, i simuleringsbyggerens `check_set_value` og i en kopi af
systemet (kernens clone, reformer), uden at systemet lægger noget om variablerne bagefter."""

import numpy
import pytest
from openfisca_core.errors import SituationParsingError
from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.model.variabel import Variable

TBS = CountryTaxBenefitSystem()


def simulering(system=TBS):
    return SimulationBuilder().build_default_simulation(system, count=2)


def test_hver_variabel_er_pakkens_variable():
    """En variabel bygget på kernens Variable direkte ville slippe uden om domænet."""
    uden = sorted(navn for navn, v in TBS.variables.items() if not isinstance(v, Variable))
    assert uden == []


def test_periodefordelingen_er_kernens_egen_regel():
    assert TBS.variables["loentilskud_timer"].periodefordeling is set_input_divide_by_period
    assert TBS.variables["forudgaaende_ledighed_maaneder"].periodefordeling is set_input_dispatch_by_period


@pytest.mark.parametrize(
    ("variabel", "periode", "vaerdier", "ord"),
    [
        ("loentilskud_timer", "2026-03", [-1.0, 37.0], "er under 0"),
        # Marts 2026 har 31 dage: højst 744 timer (LAB-timerne kan ikke overstige døgnets).
        ("loentilskud_timer", "2026-03", [745.0, 37.0], "er over 744 i 2026-03"),
        ("voksenlaerling_praktiktimer", "2026-02", [0.0, 673.0], "er over 672 i 2026-02"),
        ("forudgaaende_ledighed_maaneder", "2026-03", [numpy.nan, 2.0], "er ikke et endeligt tal"),
        ("voksenlaerling_kommer_fra_ledighed", "2026-03", ["nej", "ja"], "forventer true eller false"),
    ],
)
def test_python_api_afviser_input_uden_for_domaenet(variabel, periode, vaerdier, ord):
    s = simulering()
    with pytest.raises(SituationParsingError) as fejl:
        s.set_input(variabel, periode, numpy.array(vaerdier))
    assert f"'{variabel}'" in str(fejl.value.error) and ord in str(fejl.value.error)


@pytest.mark.parametrize(
    ("variabel", "periode", "vaerdier"),
    [
        ("loentilskud_timer", "2026-03", [0.0, 744.0]),  # marts' timer, grænsen selv
        ("voksenlaerling_praktiktimer", "2026-02", [0.0, 672.0]),  # februar 2026: 28 dage
        ("voksenlaerling_kommer_fra_ledighed", "2026-03", [True, False]),
    ],
)
def test_python_api_tager_input_i_domaenet(variabel, periode, vaerdier):
    s = simulering()
    s.set_input(variabel, periode, numpy.array(vaerdier))
    assert s.calculate(variabel, periode).tolist() == vaerdier


def test_simuleringsbyggeren_afviser_tekst_for_et_tal():
    situation = {"personer": {"a": {"loentilskud_timer": {"2026-03": "2*80"}}}}
    with pytest.raises(SituationParsingError, match="loentilskud_timer.*forventer et tal"):
        SimulationBuilder().build_from_entities(TBS, situation)


def test_en_kopi_af_systemet_haandhaever_stadig_domaenet():
    """Kernens clone (og neutraliserede variabler i en reform) bygger variablerne igen."""
    kopi = TBS.clone()
    with pytest.raises(SituationParsingError, match="loentilskud_timer"):
        simulering(kopi).set_input("loentilskud_timer", "2026-03", numpy.array([-5.0, 0.0]))
    variabel = kopi.variables["loentilskud_timer"]
    assert variabel.clone().periodefordeling is set_input_divide_by_period
