"""De betingelser, der før kun stod i Python, er daterede parametre, som en reformfil kan ændre.

Hver sag regner en person (eller arbejdsgiver) i grundlaget og med en reformfil, der ændrer én af
parametrene, og viser, at svaret skifter: LAB § 69, stk. 3, nr. 1 og 3 (løntilskud), de udelukkede
målgrupper og andelen af udgiften (opkvalificering ved ansættelse), vikartimerne op til
uddannelsestimerne (jobrotation) og hvilke uddannelser der gør faglært.
"""

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_dk_jobcenter.reforms.fra_fil import anvend_reformfil

# Dagpengemodtager med 3 måneders ledighed hos en privat arbejdsgiver fra 1. marts 2026: under
# LAB § 69, stk. 1's 6 måneder, så kun en undtagelse (stk. 3) giver løntilskud. Faglært og 39 år:
# ingen af undtagelserne, før sagen selv giver en.
LOENTILSKUD = {
    "foedselsdato": {"ETERNITY": "1986-05-01"},
    "hoejeste_uddannelse": {"2026-03": "erhvervsuddannelse"},
    "maalgruppe": {"2026-03": "dagpengemodtager"},
    "forudgaaende_ledighed_maaneder": {"2026-03": 3},
    "loentilskud_start": {"ETERNITY": "2026-03-01"},
    "loentilskud_timer": {"2026-03": 160},
}
# Jobcenter Aalborg: ledig med 8 måneders ledighed, søger dagen før ansættelsen, kursus 10 dage
# efter, 12 måneders ansættelse og 15.000 kr. i dokumenteret kursusudgift.
OPKVALIFICERING = {
    "foedselsdato": {"ETERNITY": "1986-05-01"},
    "forudgaaende_ledighed_maaneder": {"2026-03": 8},
    "opkvalificering_ansoegningsdato": {"ETERNITY": "2026-02-28"},
    "opkvalificering_ansaettelse_start": {"ETERNITY": "2026-03-01"},
    "opkvalificering_kursus_start": {"ETERNITY": "2026-03-10"},
    "opkvalificering_ansaettelse_varighed_maaneder": {"2026-03": 12},
    "opkvalificering_kursusudgift": {"2026-03": 15000},
}


def _beregn(system, personer, variabel, virksomhed=None, periode="2026-03"):
    situation = {"personer": personer}
    if virksomhed is not None:
        situation["virksomheder"] = {"firma": {"ansatte": list(personer), **virksomhed}}
    simulation = SimulationBuilder().build_from_entities(system, situation)
    return simulation.calculate(variabel, periode)


def _reform(tmp_path, tbs, parametre):
    sti = tmp_path / "reform.yaml"
    linjer = ["navn: Test", "parametre:"]
    for parametersti, vaerdier in parametre.items():
        linjer.append(f"  {parametersti}:")
        linjer += [f"    {dato}: {vaerdi}" for dato, vaerdi in vaerdier.items()]
    sti.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    return anvend_reformfil(tbs, sti)


def test_lab_69_stk_3_nr_1_uden_ungdomsuddannelse(tbs, tmp_path):
    person = {**LOENTILSKUD, "hoejeste_uddannelse": {"2026-03": "grundskole"}}
    assert _beregn(tbs, {"ida": person}, "loentilskud_undtaget_ledighedskrav")[0]
    gymnasial = {**LOENTILSKUD, "hoejeste_uddannelse": {"2026-03": "gymnasial"}}
    assert not _beregn(tbs, {"ida": gymnasial}, "loentilskud_undtaget_ledighedskrav")[0]
    # En reform, der lader en gymnasial uddannelse give undtagelsen, og en, der fjerner den.
    med = _reform(tmp_path, tbs, {"loentilskud.ledighedskrav.undtaget_uddannelse.gymnasial": {"2026-01-01": "true"}})
    assert _beregn(med, {"ida": gymnasial}, "loentilskud_undtaget_ledighedskrav")[0]
    uden = _reform(tmp_path, tbs, {"loentilskud.ledighedskrav.undtaget_uddannelse.grundskole": {"2026-01-01": "false"}})
    assert not _beregn(uden, {"ida": person}, "loentilskud_undtaget_ledighedskrav")[0]
    assert _beregn(uden, {"ida": person}, "loentilskud_berettiget")[0] == False  # noqa: E712


def test_lab_69_stk_3_nr_3_enlig_forsoerger(tbs, tmp_path):
    enlig = {**LOENTILSKUD, "er_enlig_forsoerger": {"2026-03": True}}
    assert _beregn(tbs, {"ida": enlig}, "loentilskud_berettiget")[0]
    assert not _beregn(tbs, {"ida": LOENTILSKUD}, "loentilskud_berettiget")[0]
    reform = _reform(tmp_path, tbs, {"loentilskud.ledighedskrav.undtaget_enlig_forsoerger": {"2026-01-01": "false"}})
    assert not _beregn(reform, {"ida": enlig}, "loentilskud_berettiget")[0]


def test_opkvalificeringens_maalgrupper(tbs, tmp_path):
    syg = {**OPKVALIFICERING, "maalgruppe": {"2026-03": "sygedagpengemodtager"}}
    revalidend = {**OPKVALIFICERING, "maalgruppe": {"2026-03": "revalidend"}}
    assert _beregn(tbs, {"ida": syg}, "opkvalificering_tilskud")[0] == 0
    assert _beregn(tbs, {"ida": revalidend}, "opkvalificering_tilskud")[0] == 15000
    # STAR's side (ca. 2020) nævner sygedagpengemodtagere i målgruppen: en reform kan følge den.
    star = _reform(tmp_path, tbs, {"opkvalificering.maalgruppe_omfattet.sygedagpengemodtager": {"2026-01-01": "true"}})
    assert _beregn(star, {"ida": syg}, "opkvalificering_tilskud")[0] == 15000
    # En målgruppe, en reform udelukker, får sin egen afslagsgrund.
    uden = _reform(tmp_path, tbs, {"opkvalificering.maalgruppe_omfattet.revalidend": {"2026-01-01": "false"}})
    assert _beregn(uden, {"ida": revalidend}, "opkvalificering_afslagsgrund").decode_to_str()[0] == "ikke_i_maalgruppen"
    assert _beregn(uden, {"ida": revalidend}, "opkvalificering_tilskud")[0] == 0


def test_opkvalificeringens_andel_af_udgiften(tbs, tmp_path):
    person = {**OPKVALIFICERING, "maalgruppe": {"2026-03": "dagpengemodtager"}}
    assert _beregn(tbs, {"ida": person}, "opkvalificering_tilskud")[0] == 15000
    halv = _reform(tmp_path, tbs, {"opkvalificering.andel_af_kursusudgiften": {"2026-01-01": 0.5}})
    assert _beregn(halv, {"ida": person}, "opkvalificering_tilskud")[0] == 7500


def test_jobrotationens_vikartimer_hoejst_uddannelsestimerne(tbs, tmp_path):
    # Jobcenter Høje-Taastrup: 50 uddannelsestimer og 120 vikartimer giver 50 timer med ydelse.
    personer = {
        "anna": {"hoejeste_uddannelse": {"2020-04": "erhvervsuddannelse"}, "jobrotation_uddannelsestimer": {"2020-04": 50}},
        "carl": {
            "forudgaaende_ledighed_maaneder": {"2020-04": 8},
            "jobrotation_vikar_godkendt": {"2020-04": True},
            "jobrotation_vikariat_start": {"ETERNITY": "2020-03-02"},
            "jobrotation_vikartimer": {"2020-04": 120},
        },
    }
    assert _beregn(tbs, personer, "jobrotation_timer_med_ydelse", virksomhed={}, periode="2020-04")[0] == 50
    reform = _reform(tmp_path, tbs, {"jobrotation.vikartimer_hoejst_uddannelsestimer": {"2020-01-01": "false"}})
    assert _beregn(reform, personer, "jobrotation_timer_med_ydelse", virksomhed={}, periode="2020-04")[0] == 120


@pytest.mark.parametrize(("niveau", "faglaert"), [("gymnasial", False), ("erhvervsuddannelse", True)])
def test_faglaert(tbs, tmp_path, niveau, faglaert):
    person = {"hoejeste_uddannelse": {"2026-03": niveau}}
    assert _beregn(tbs, {"ida": person}, "er_faglaert")[0] == faglaert
    # En reform, der vender grænsen for netop dette niveau.
    reform = _reform(tmp_path, tbs, {f"faelles.faglaert.{niveau}": {"2026-01-01": str(not faglaert).lower()}})
    assert _beregn(reform, {"ida": person}, "er_faglaert")[0] == (not faglaert)
