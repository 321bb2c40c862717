"""`forloeb.foerste_dag` og `forloeb.maanedens_regler`: reglerne, som formlerne læser dem.

En parameter under ordningens gren giver én værdi pr. person — reglen på hans forløbs første dag
(uden oplyst start den beregnede måneds første dag) — og en gruppe pr. kategori et opslag med
formlens Enum-array. Sand/falsk-parametre giver sand/falsk-arrays, så formlerne ikke omformer.
"""

from types import SimpleNamespace

import numpy
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, maanedens_regler
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe

TBS = CountryTaxBenefitSystem()


class _Person:
    """Det, `foerste_dag` bruger af formlens `person`: variablen med regeldatoen og populationen."""

    def __init__(self, regeldatoer, system=TBS):
        self._datoer = numpy.array(regeldatoer, dtype="datetime64[D]")
        self.simulation = SimpleNamespace(tax_benefit_system=system)
        self.spurgt = []

    def __call__(self, variabel, period):
        self.spurgt.append(variabel)
        return self._datoer


def test_en_vaerdi_pr_person_efter_hans_forloebs_foerste_dag():
    # LAB § 151, stk. 1: 3 måneders ledighed for vikariater påbegyndt i 2021 (forsøget), ellers 6.
    person = _Person(["2020-06-01", "2021-03-01", "2026-01-01"])
    regler = foerste_dag(person, None, TBS.get_parameters_at_instant, "jobrotation", regeldato="jobrotation_vikar_regeldato")
    assert list(regler.vikar.ledighed_maaneder) == [6, 3, 6]
    assert person.spurgt == ["jobrotation_vikar_regeldato"]


def test_ordningens_egen_regeldato_er_standard():
    person = _Person(["2026-01-01"])
    # LAB § 155: voksenlærlingen skal være fyldt 25 år.
    assert list(foerste_dag(person, None, TBS.get_parameters_at_instant, "voksenlaerling").minimumsalder) == [25]
    assert person.spurgt == ["voksenlaerling_regeldato"]


def test_en_sand_falsk_parameter_giver_et_sand_falsk_array():
    # Voksenlærlingelisten var suspenderet for lærlinge fra beskæftigelse i forsøget 1. august
    # 2020 – 31. december 2021 (STAR), ellers kræves den (LAB § 159, stk. 3).
    person = _Person(["2019-06-01", "2021-03-01", "2022-01-01"])
    kraever = foerste_dag(person, None, TBS.get_parameters_at_instant, "voksenlaerling").fra_beskaeftigelse_kraever_voksenlaerlingeliste
    assert kraever.dtype == bool
    assert list(kraever) == [True, False, True]
    # Også når alle har samme dag (den hurtige vej) og ikke kun én version.
    ens = foerste_dag(_Person(["2021-03-01"] * 100), None, TBS.get_parameters_at_instant, "voksenlaerling")
    assert ens.fra_beskaeftigelse_kraever_voksenlaerlingeliste.dtype == bool
    assert ens.fra_beskaeftigelse_kraever_voksenlaerlingeliste.shape == (100,)


def test_opslag_pr_kategori_som_openfiscas_eget():
    """`regler.maalgruppe_omfattet[maalgruppe]` = OpenFiscas `node[enum_array]` pr. person (LAB § 66)."""
    maalgrupper = EnumArray(numpy.arange(len(Maalgruppe), dtype=numpy.int16), Maalgruppe)
    datoer = ["2019-06-01"] * len(Maalgruppe)
    regler = foerste_dag(_Person(datoer), None, TBS.get_parameters_at_instant, "loentilskud")
    forventet = TBS.parameters("2019-06-01").loentilskud.maalgruppe_omfattet[maalgrupper]
    assert list(regler.maalgruppe_omfattet[maalgrupper]) == list(forventet)
    # Ledighedsydelsesmodtagere kan ikke ansættes med løntilskud (LAB § 66).
    assert not regler.maalgruppe_omfattet[maalgrupper][Maalgruppe.ledighedsydelsesmodtager.index]


def test_maanedens_regler_slaar_op_paa_maanedens_foerste_dag():
    from openfisca_core.periods import period

    regler = maanedens_regler(TBS.get_parameters_at_instant, period("2026-03"), "virksomhedspraktik")
    maalgrupper = EnumArray(numpy.array([Maalgruppe.dagpengemodtager.index, Maalgruppe.revalidend.index], dtype=numpy.int16), Maalgruppe)
    assert list(regler.max_uger[maalgrupper]) == list(TBS.parameters("2026-03-01").virksomhedspraktik.max_uger[maalgrupper])
    assert regler.max_timer_per_uge == TBS.parameters("2026-03-01").virksomhedspraktik.max_timer_per_uge


def test_trace_viser_parameteren_laest_gennem_foerste_dag():
    """Reglen læses gennem formlens `parameters`, så /trace viser den på regelversionens første dag
    (25 år siden 2014, LAB § 155)."""
    situation = {"personer": {"ana": {"voksenlaerling_aftale_start": {"ETERNITY": "2026-03-01"}, "alder": {"2026-03": 30}}}}
    simulation = SimulationBuilder().build_from_entities(TBS, situation)
    simulation.trace = True
    assert simulation.calculate("voksenlaerling_opfylder_alderskrav", "2026-03")[0]
    spor = simulation.tracer.get_serialized_flat_trace()
    assert spor["voksenlaerling_opfylder_alderskrav<2026-03>"]["parameters"] == {"voksenlaerling.minimumsalder<2014-01-01>": 25}


def test_trace_viser_hver_kategoris_parameter_ved_maanedens_regler():
    """Under /trace er formlens træ sporende; opslaget pr. kategori viser hver kategoris parameter
    (som et opslag uden sporing giver samme svar)."""
    situation = {"personer": {"ana": {"hoejeste_uddannelse": {"2026-03": "gymnasial"}}}}
    simulation = SimulationBuilder().build_from_entities(TBS, situation)
    simulation.trace = True
    assert not simulation.calculate("er_faglaert", "2026-03")[0]
    spor = simulation.tracer.get_serialized_flat_trace()["er_faglaert<2026-03>"]["parameters"]
    assert spor["faelles.faglaert.gymnasial<2026-03-01>"] is False
    assert "faelles.faglaert<2026-03-01>" not in spor


def test_alderen_paa_aftalens_foerste_dag_i_en_befolkning():
    """LAB § 155: alderen i hele år på uddannelsesaftalens første dag, også i en befolkning, hvor
    regeldatoens deling huskes med startdatoen hele året: fødselsdagen selv tæller, født 29.
    februar fylder år 1. marts i et år uden skuddag, og en aftale uden oplyst start måles på den
    beregnede måneds første dag."""
    import datetime

    from openfisca_core.simulation_builder import SimulationBuilder

    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    tbs = CountryTaxBenefitSystem()
    personer = [  # (fødselsdato, aftalens første dag eller None)
        ("2001-03-15", "2026-03-15"),  # 25 på dagen
        ("2001-03-16", "2026-03-15"),  # dagen før: 24
        ("2000-02-29", "2025-02-28"),  # 24: fylder først 1. marts i et år uden skuddag
        ("2000-02-29", "2025-03-01"),  # 25
        ("2001-03-01", "2026-03-01"),  # start på månedens første dag: 25
        ("1990-07-01", "2015-06-30"),  # en aftale fra før, stadig i kraft
        ("2001-03-02", None),  # uden start: alderen 1. marts 2026 = 24
    ] * 12  # over 64 personer: de fleste uden start, som i befolkningen
    personer += [("1980-01-01", None)] * 64
    sim = SimulationBuilder().build_default_simulation(tbs, count=len(personer))
    sim.set_input("foedselsdato", "ETERNITY", numpy.array([f for f, _ in personer], dtype="datetime64[D]"))
    start = numpy.array([s or "1970-01-01" for _, s in personer], dtype="datetime64[D]")
    for maaned in ("2026-03", "2026-04"):
        sim.set_input("voksenlaerling_aftale_start", maaned, start)
    for maaned in ("2026-03", "2026-04"):
        dag = datetime.date.fromisoformat(maaned + "-01")
        forventet = []
        for f, s in personer:
            f, d = datetime.date.fromisoformat(f), datetime.date.fromisoformat(s) if s else dag
            forventet.append(d.year - f.year - ((d.month, d.day) < (f.month, f.day)))
        assert sim.calculate("voksenlaerling_alder_ved_aftalens_start", maaned).tolist() == forventet
