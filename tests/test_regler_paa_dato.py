"""`forloeb.regler_paa_dato`: reglerne på hver persons egen dato, læst gennem formlens `parameters`."""

import datetime
from types import SimpleNamespace

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.model.forloeb import laeste_parametre, regler_paa_dato, skiftedatoer

TBS = CountryTaxBenefitSystem()
POPULATION = SimpleNamespace(simulation=SimpleNamespace(tax_benefit_system=TBS))


def vaerdi_paa(parameter, dato):
    """Parameterens værdi på `dato`; før den første værdi den første (som regler_paa_dato)."""
    foerste = min(v.instant_str for v in parameter.values_list)
    return parameter(max(str(dato), foerste))


def ledighedskrav(p):
    return p.jobrotation.vikar.ledighed_maaneder


def faglaert_regel(p):
    v = p.voksenlaerling
    return v.faglaert_ledighed_maaneder * 10 + v.faglaert_kraever_voksenlaerlingeliste


def test_reglen_laeser_netop_de_parametre_den_bruger():
    assert laeste_parametre(TBS.parameters, ledighedskrav) == ("jobrotation.vikar.ledighed_maaneder",)
    assert laeste_parametre(TBS.parameters, faglaert_regel) == (
        "voksenlaerling.faglaert_kraever_voksenlaerlingeliste",
        "voksenlaerling.faglaert_ledighed_maaneder",
    )
    # Kun de to parametres skiftedatoer deler personerne i versioner.
    assert skiftedatoer(TBS.parameters, laeste_parametre(TBS.parameters, faglaert_regel)) == sorted(
        {v.instant_str for p in (TBS.parameters.voksenlaerling.faglaert_ledighed_maaneder,
                                 TBS.parameters.voksenlaerling.faglaert_kraever_voksenlaerlingeliste) for v in p.values_list}
    )


DATOER = st.lists(st.dates(min_value=datetime.date(2005, 1, 1), max_value=datetime.date(2035, 12, 31)), min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(DATOER)
def test_samme_vaerdier_som_et_opslag_pr_person(datoer):
    """Vektoriseret over versioner = parameterens værdi på hver persons dato, én for én."""
    p = TBS.parameters
    ud = regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, numpy.array(datoer, dtype="datetime64[D]"), ledighedskrav)
    assert list(ud) == [vaerdi_paa(p.jobrotation.vikar.ledighed_maaneder, d) for d in datoer]
    ud = regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, numpy.array(datoer, dtype="datetime64[D]"), faglaert_regel)
    forventet = [
        vaerdi_paa(p.voksenlaerling.faglaert_ledighed_maaneder, d) * 10
        + vaerdi_paa(p.voksenlaerling.faglaert_kraever_voksenlaerlingeliste, d)
        for d in datoer
    ]
    assert list(ud) == forventet


@settings(max_examples=100, deadline=None)
@given(st.integers(64, 400), st.lists(st.tuples(st.integers(0, 399), DATOER.map(lambda d: d[0])), max_size=40), st.data())
def test_en_faelles_dato_og_nogle_andre_giver_samme_vaerdier_som_et_opslag_pr_person(antal, andre, data):
    """Som i en måned med befolkningen: de fleste har månedens første dag, nogle et forløbs
    første dag; reglen kan give et tal eller et array pr. person."""
    faelles = data.draw(st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2027, 12, 1)).map(lambda d: d.replace(day=1)))
    datoer = [faelles] * antal
    for i, d in andre:
        datoer[i % antal] = d
    ledighed = numpy.arange(antal) % 9

    def nok_ledighed(p):
        # LAB § 151, stk. 1: vikarens forudgående ledighed mindst kravet på vikariatets første dag.
        return ledighed >= p.jobrotation.vikar.ledighed_maaneder

    p = TBS.parameters
    ud = regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, numpy.array(datoer, dtype="datetime64[D]"), ledighedskrav)
    assert list(ud) == [vaerdi_paa(p.jobrotation.vikar.ledighed_maaneder, d) for d in datoer]
    ud = regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, numpy.array(datoer, dtype="datetime64[D]"), nok_ledighed)
    assert list(ud) == [ledighed[i] >= vaerdi_paa(p.jobrotation.vikar.ledighed_maaneder, d) for i, d in enumerate(datoer)]


def test_kun_de_brugte_regelversioner_slaas_op():
    opslag = []

    def parameters(tidspunkt):
        opslag.append(tidspunkt)
        return TBS.get_parameters_at_instant(tidspunkt)

    datoer = numpy.array(["2021-03-01", "2021-12-31", "2024-05-16", "2026-01-01"], dtype="datetime64[D]")
    ud = regler_paa_dato(POPULATION, parameters, datoer, ledighedskrav)
    # LAB § 151, stk. 1: 3 måneders ledighed for vikariater påbegyndt i 2021 (forsøget), ellers 6.
    assert list(ud) == [3, 3, 6, 6]
    assert opslag == ["2021-01-01", "2022-01-01"]


def test_trace_viser_parameteren_bag_vikarens_krav():
    """Vikarens 6-måneders-regel (LAB § 151, stk. 1) vises i /trace med sin parameter."""
    situation = {
        "personer": {
            "ana": {
                "jobrotation_vikariat_start": {"ETERNITY": "2021-03-01"},
                "jobrotation_vikartimer": {"2021-05": 100},
                "forudgaaende_ledighed_maaneder": {"2021-05": 4},
            }
        }
    }
    simulation = SimulationBuilder().build_from_entities(TBS, situation)
    simulation.trace = True
    assert simulation.calculate("jobrotation_vikar_berettiget", "2021-05")[0]
    spor = simulation.tracer.get_serialized_flat_trace()
    assert spor["jobrotation_vikar_ledighedskrav_maaneder<2021-05>"]["parameters"] == {
        "jobrotation.vikar.ledighed_maaneder<2021-01-01>": 3
    }
    assert spor["jobrotation_vikar_max_maaneder<2021-05>"]["parameters"] == {"jobrotation.vikar.max_maaneder<2021-01-01>": 9}


def test_en_reform_af_parameteren_slaar_igennem():
    from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform

    """En ændring midt i en måned (reformens egen dato) deler også personerne i versioner."""
    reform = lav_reform("test", {"jobrotation.vikar.ledighed_maaneder": [(datetime.date(2021, 3, 16), 12)]})(TBS)
    population = SimpleNamespace(simulation=SimpleNamespace(tax_benefit_system=reform))
    datoer = numpy.array(["2020-06-01", "2021-03-15", "2021-03-16", "2023-01-01"], dtype="datetime64[D]")
    assert list(regler_paa_dato(population, reform.get_parameters_at_instant, datoer, ledighedskrav)) == [6, 3, 12, 12]


def test_en_regel_uden_parametre_er_en_fejl():
    with pytest.raises(ValueError, match="læser ingen parametre"):
        regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, numpy.array(["2026-01-01"], dtype="datetime64[D]"), lambda p: 1)
