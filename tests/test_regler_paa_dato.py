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


@pytest.mark.parametrize("andres, tabel", [
    (["2015-06-16", "2020-07-01", "2021-03-01", "2026-02-10"], True),  # tæt: opslag i en tabel pr. dag
    (["1900-01-01", "2021-03-01", "2400-12-31"], False),  # over flere dage end personer: binær søgning
    (["2021-03-01", "NaT", "2026-02-10"], False),  # en manglende dato sorteres sidst, som i søgningen
    (["2001-01-01", "2002-01-01"], True),  # før parametrenes første værdi: de første regler
    (["2026-01-02", "2026-03-20"], True),  # alle i den fælles datos version: ingen andre grupper
])
def test_de_andres_regelversion_er_soegningens(andres, tabel):
    """De personer, der ikke har den fælles dato, deles i de versioner, en binær søgning i
    skiftedatoerne giver (`_version`), hvad enten versionen slås op i en tabel pr. dag eller søges;
    kun versioner, nogen har, og ikke den fælles datos."""
    from openfisca_dk_jobcenter.model.forloeb import _andre_pr_version, _andres_dage, _faelles_dato, _version

    datoer = numpy.array(["2026-01-01"] * 100 + andres, dtype="datetime64[D]")
    faelles, andre = _faelles_dato(datoer)
    assert list(andre) == list(range(100, 100 + len(andres)))
    assert (_andres_dage(datoer) is not None) == tabel
    skift_dage = numpy.array(skiftedatoer(TBS.parameters, ["jobrotation.vikar.ledighed_maaneder", "voksenlaerling"]), dtype="datetime64[D]")
    faelles_version = int(_version(skift_dage, faelles))
    version = _version(skift_dage, datoer[andre])
    forventet = [(int(k), list(andre[version == k])) for k in sorted(set(version.tolist())) if k != faelles_version]
    skift = tuple(skift_dage.astype(str))
    assert [(k, list(hvem)) for k, hvem in _andre_pr_version(datoer, andre, skift, skift_dage, faelles_version)] == forventet


def test_regeldatoens_deling_huskes_med_startdatoen_og_giver_det_samme_som_en_ny_dato():
    """`regeldato` giver sin deling med (de andre er de oplyste starter, hele året); reglerne på
    hver persons dato er de samme som for en kopi af datoerne, der deles forfra."""
    from openfisca_core.periods import period

    from openfisca_dk_jobcenter.model.forloeb import _faelles_dato, regeldato

    start = numpy.array(["1970-01-01"] * 100 + ["2026-03-01", "2021-05-17", "2015-01-01", "2026-02-28"], dtype="datetime64[D]")
    for maaned in ("2026-03", "2026-04"):
        datoer = regeldato(start, period(maaned))
        kopi = datoer.copy()
        assert list(_faelles_dato(datoer)[1]) == [100, 101, 102, 103]  # givet af regeldato
        if maaned == "2026-03":  # kopien finder selv de andre: en start 1. marts er ikke blandt dem
            assert list(_faelles_dato(kopi)[1]) == [101, 102, 103]
        for regel in (ledighedskrav, faglaert_regel):
            assert list(regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, datoer, regel)) == list(
                regler_paa_dato(POPULATION, TBS.get_parameters_at_instant, kopi, regel)
            )


def test_de_andres_regelversion_paa_og_dagen_foer_hver_skiftedato():
    """Opslaget i tabellen pr. dag giver versionen på selve skiftedatoen (den nye regel) og dagen
    før (den gamle), også for versioner efter den fælles datos, som en binær søgning."""
    from openfisca_dk_jobcenter.model.forloeb import _andre_pr_version, _andres_dage, _faelles_dato, _version

    stier = ["jobrotation.vikar.ledighed_maaneder", "voksenlaerling", "loentilskud"]
    skift_dage = numpy.array(skiftedatoer(TBS.parameters, stier), dtype="datetime64[D]")
    inden_for = skift_dage[(skift_dage >= numpy.datetime64("2016-01-02")) & (skift_dage <= numpy.datetime64("2027-12-31"))]
    assert len(inden_for) >= 4 and inden_for.max() > numpy.datetime64("2026-02-01")  # også senere versioner
    andres = [d + k for d in inden_for for k in (numpy.timedelta64(-1, "D"), numpy.timedelta64(0, "D"))]
    faelles_dag = numpy.datetime64("2026-02-01")
    assert faelles_dag not in andres
    datoer = numpy.array([faelles_dag] * 100 + andres, dtype="datetime64[D]")
    faelles, andre = _faelles_dato(datoer)
    assert list(andre) == list(range(100, 100 + len(andres)))
    assert _andres_dage(datoer) is not None  # tabellen, ikke søgningen
    faelles_version = int(_version(skift_dage, faelles))
    version = _version(skift_dage, datoer[andre])
    forventet = [(int(k), list(andre[version == k])) for k in sorted(set(version.tolist())) if k != faelles_version]
    skift = tuple(skift_dage.astype(str))
    assert [(k, list(hvem)) for k, hvem in _andre_pr_version(datoer, andre, skift, skift_dage, faelles_version)] == forventet
    # Hver skiftedato og dagen før har forskellige versioner.
    assert all(a != b for a, b in zip(version[::2], version[1::2], strict=True))
