"""Bruttostøtteintensiteten (BEK § 86) og seniorordningen (LAB § 80 a) over flere måneder og med
reformfiler: året i alt rammer loftet præcis, og en reformfil kan flytte loftet og genåbne
seniorordningen.
"""

import numpy
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter.reforms.fra_fil import anvend_reformfil

AAR_2023 = [f"2023-{m:02d}" for m in range(1, 13)]

# Dagpengemodtager hos en privat arbejdsgiver fra 1. januar 2023: 100 timer om måneden i de 6
# måneder med løntilskud (86,16 kr.) = 51.696 kr.; ansættelsen slutter med løntilskuddet.
LOENTILSKUD_2023 = {
    "foedselsdato": {"ETERNITY": "1980-05-01"},
    "maalgruppe": {"2023": "dagpengemodtager"},
    "forudgaaende_ledighed_maaneder": {"2023": 12},
    "loentilskud_start": {"ETERNITY": "2023-01-01"},
    "loentilskud_timer": {m: 100 for m in AAR_2023[:6]},
}


def _simulation(system, person):
    return SimulationBuilder().build_from_entities(system, {"personer": {"ida": person}})


def _aaret(simulation, variabel):
    return sum(float(simulation.calculate(variabel, m)[0]) for m in AAR_2023)


def _reform(tmp_path, tbs, parametre):
    sti = tmp_path / "reform.yaml"
    linjer = ["navn: Test", "parametre:"]
    for parametersti, vaerdier in parametre.items():
        linjer.append(f"  {parametersti}:")
        linjer += [f"    {dato}: {vaerdi}" for dato, vaerdi in vaerdier.items()]
    sti.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    return anvend_reformfil(tbs, sti)


def test_aarets_loentilskud_er_loftet_over_aaret(tbs):
    # 15.000 kr. i lønomkostninger i hver af de 6 måneder: loftet er 50 % af 90.000 = 45.000 kr.
    person = {**LOENTILSKUD_2023, "loentilskud_loenomkostning": {m: 15000 for m in AAR_2023[:6]}}
    simulation = _simulation(tbs, person)
    assert _aaret(simulation, "loentilskud_foer_stoetteloft") == 51696
    assert abs(_aaret(simulation, "loentilskud") - 45000) < 0.05
    # Samme nedsættelse i hver måned med løntilskud, og intet løntilskud efter de 6 måneder.
    maaneder = [float(simulation.calculate("loentilskud", m)[0]) for m in AAR_2023]
    numpy.testing.assert_allclose(maaneder[:6], [7500] * 6, atol=0.01)
    assert maaneder[6:] == [0] * 6


def test_loenomkostninger_efter_loentilskuddet_taeller_med(tbs):
    # Ansættelsen fortsætter året ud med 15.000 kr. om måneden: 180.000 kr., loftet 90.000 kr. nås ikke.
    person = {**LOENTILSKUD_2023, "loentilskud_loenomkostning": {"2023": 180000}}
    simulation = _simulation(tbs, person)
    assert _aaret(simulation, "loentilskud") == 51696


def test_en_reformfil_kan_saenke_loftet(tbs, tmp_path):
    person = {**LOENTILSKUD_2023, "loentilskud_loenomkostning": {"2023": 180000}}
    reform = _reform(tmp_path, tbs, {"loentilskud.privat.bruttostoetteintensitet.dagpengemodtager": {"2023-01-01": 0.25}})
    # 25 % af 180.000 kr. = 45.000 kr. i året.
    assert abs(_aaret(_simulation(reform, person), "loentilskud") - 45000) < 0.05


def test_en_reformfil_kan_genaabne_seniorordningen(tbs, tmp_path):
    senior = {
        "foedselsdato": {"ETERNITY": "1970-01-01"},
        "maalgruppe": {"2026": "dagpengemodtager"},
        "forudgaaende_ledighed_maaneder": {"2026": 12},
        "loentilskud_start": {"ETERNITY": "2026-03-01"},
        "loentilskud_efter_seniorordningen": {"ETERNITY": True},
        "loentilskud_timer": {"2026-03": 100},
    }
    grundlag = _simulation(tbs, senior)
    assert grundlag.calculate("loentilskud_afslagsgrund", "2026-03").decode_to_str()[0] == "seniorordning_uden_for_perioden"
    reform = _reform(tmp_path, tbs, {"loentilskud.seniorordning.kan_paabegyndes": {"2026-01-01": "true"}})
    genaabnet = _simulation(reform, senior)
    assert genaabnet.calculate("loentilskud_afslagsgrund", "2026-03").decode_to_str()[0] == "ingen"
    # 2026: privat sats 86,16 kr. (antaget videreført) + 20 kr. = 106,16 kr. × 100 timer.
    assert abs(float(genaabnet.calculate("loentilskud", "2026-03")[0]) - 10616) < 0.01
