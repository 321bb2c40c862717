"""Input sat for én måned ad gangen (som motoren gør) følger kernens regler for dispatch og divide."""

import numpy
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter import CountryTaxBenefitSystem

TBS = CountryTaxBenefitSystem()


def simulering():
    return SimulationBuilder().build_default_simulation(TBS, count=2)


def test_timer_for_en_maaned_gemmes_som_en_kopi():
    """`loentilskud_timer` deles ud på måneder (divide); for én måned er det timerne selv, og
    kalderens array kan ændres bagefter uden at ændre inputtet."""
    s = simulering()
    timer = numpy.array([148.0, 37.0], dtype=numpy.float32)
    s.set_input("loentilskud_timer", "2026-03", timer)
    timer[:] = 0
    assert s.calculate("loentilskud_timer", "2026-03").tolist() == [148.0, 37.0]


def test_timer_sat_to_gange_for_samme_maaned_afvises_som_i_kernen():
    s = simulering()
    s.set_input("loentilskud_timer", "2026-03", numpy.array([148.0, 37.0], dtype=numpy.float32))
    with pytest.raises(ValueError, match="Inconsistent input"):
        s.set_input("loentilskud_timer", "2026-03", numpy.array([100.0, 37.0], dtype=numpy.float32))


def test_et_input_for_hele_maaneden_sat_to_gange_beholder_det_foerste_som_i_kernen():
    """`forudgaaende_ledighed_maaneder` gælder hver måned (dispatch): kernen beholder den første værdi."""
    s = simulering()
    s.set_input("forudgaaende_ledighed_maaneder", "2026-03", numpy.array([7.0, 2.0], dtype=numpy.float32))
    s.set_input("forudgaaende_ledighed_maaneder", "2026-03", numpy.array([1.0, 1.0], dtype=numpy.float32))
    assert s.calculate("forudgaaende_ledighed_maaneder", "2026-03").tolist() == [7.0, 2.0]


def test_et_aar_med_timer_deles_stadig_ud_paa_maanederne():
    s = simulering()
    s.set_input("loentilskud_timer", "2026", numpy.array([1200.0, 0.0], dtype=numpy.float32))
    assert s.calculate("loentilskud_timer", "2026-07").tolist() == [100.0, 0.0]
