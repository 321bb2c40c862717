"""Reformfiler: en gyldig fil ændrer parameteren fra sin dato; fejl nævner filen og stedet."""

import pytest

from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl, anvend_reformfil

GYLDIG = """navn: Højere voksenlærlingesatser
parametre:
  voksenlaerling.timesats.fra_ledighed:
    2026-01-01: 60
"""


def skriv(tmp_path, tekst):
    sti = tmp_path / "reform.yaml"
    sti.write_text(tekst, encoding="utf-8")
    return sti


def test_gyldig_reform_aendrer_satsen_fra_datoen(tbs, tmp_path):
    reform = anvend_reformfil(tbs, skriv(tmp_path, GYLDIG))
    assert reform.name == "Højere voksenlærlingesatser"
    assert reform.parameters("2026-01-01").voksenlaerling.timesats.fra_ledighed == 60
    assert reform.parameters("2025-12-31").voksenlaerling.timesats.fra_ledighed == 45
    assert tbs.parameters("2026-01-01").voksenlaerling.timesats.fra_ledighed == 45  # grundlaget uændret


@pytest.mark.parametrize(
    "tekst, forventet",
    [
        (GYLDIG.replace("fra_ledighed", "fra_ledihged"), "ukendt parametersti 'voksenlaerling.timesats.fra_ledihged'"),
        (GYLDIG.replace("2026-01-01", "2026-13-01"), "'2026-13-01' er ikke en gyldig dato"),
        (GYLDIG.replace(": 60", ": tres"), "er et tal, ikke 'tres'"),
        (GYLDIG.replace("voksenlaerling.timesats.fra_ledighed", "voksenlaerling.timesats"), "er en gruppe af parametre"),
        ("navn: x\n", "'parametre' skal være en mapping"),
        ("navn: [x\n", "ikke gyldig YAML"),
        (GYLDIG + "ekstra: 1\n", "ukendt nøgle ['ekstra']"),
    ],
)
def test_fejl_naevner_stedet(tbs, tmp_path, tekst, forventet):
    sti = skriv(tmp_path, tekst)
    with pytest.raises(ReformFejl) as fejl:
        anvend_reformfil(tbs, sti)
    assert forventet in str(fejl.value)
    assert str(sti) in str(fejl.value)


def test_manglende_fil(tbs, tmp_path):
    with pytest.raises(ReformFejl, match="findes ikke"):
        anvend_reformfil(tbs, tmp_path / "findes_ikke.yaml")


def test_den_navngivne_reform_er_reformfilen_under_alle_sine_stier(tbs):
    """Den navngivne reform jobrotation_afskaffet_1_juli_2026 er reformfilen i
    openfisca_dk_jobcenter/reforms/ (lov nr. 1750/2025: 1. juli i stedet for 1. februar 2026,
    antaget), både som fil, som `openfisca_dk_jobcenter.reforms.<navn>` og under stien fra før
    0.5.0, `openfisca_dk_jobcenter.reforms.<navn>.<navn>` (som `openfisca serve --reforms` læser den)."""
    import importlib
    from pathlib import Path

    from openfisca_dk_jobcenter import reforms

    fil = Path(reforms.__file__).parent / "jobrotation_afskaffet_1_juli_2026.yaml"
    fra_fil = anvend_reformfil(tbs, fil)
    navngiven = reforms.jobrotation_afskaffet_1_juli_2026(tbs)
    gammel = importlib.import_module("openfisca_dk_jobcenter.reforms.jobrotation_afskaffet_1_juli_2026")
    assert gammel.jobrotation_afskaffet_1_juli_2026 is reforms.jobrotation_afskaffet_1_juli_2026
    assert tbs.apply_reform("openfisca_dk_jobcenter.reforms.jobrotation_afskaffet_1_juli_2026").parameters(
        "2026-06-30"
    ).jobrotation.afskaffelse.nye_forloeb_kan_bevilges
    for dato, nye, igangvaerende in [
        ("2026-01-31", 1, 1),
        ("2026-02-01", 1, 1),  # grundlaget: nye forløb kan ikke længere bevilges
        ("2026-06-30", 1, 1),
        ("2026-07-01", 0, 1),
        ("2026-08-01", 0, 1),  # grundlaget: overgangen er slut
        ("2026-12-31", 0, 1),
        ("2027-01-01", 0, 0),
    ]:
        for reform in (fra_fil, navngiven):
            afskaffelse = reform.parameters(dato).jobrotation.afskaffelse
            assert afskaffelse.nye_forloeb_kan_bevilges == nye, (dato, reform.name)
            assert afskaffelse.igangvaerende_forloeb_giver_ydelse == igangvaerende, (dato, reform.name)
    grundlag = tbs.parameters("2026-02-01").jobrotation.afskaffelse
    assert not grundlag.nye_forloeb_kan_bevilges  # grundlaget er uændret
    assert grundlag.igangvaerende_forloeb_giver_ydelse


def _vaerdier(system):
    from openfisca_dk_jobcenter.model.parametertrae import alle_parametre

    return {p.name: [(v.instant_str, v.value) for v in p.values_list] for p in alle_parametre(system.parameters)}


def _dyb_kopi_reform(system, sti, vaerdi):
    """Den samme ændring gennem core's `modify_parameters` (dyb kopi af hele træet)."""
    from openfisca_core.reforms import Reform

    from openfisca_dk_jobcenter.model.parametertrae import find_parameter

    class Dyb(Reform):
        def apply(self):
            def aendr(parametre):
                find_parameter(parametre, sti).update(start="2026-01-01", value=vaerdi)
                return parametre

            self.modify_parameters(modifier_function=aendr)

    return Dyb(system)


def test_reformen_kopierer_kun_de_aendrede_stier_og_giver_det_samme_som_en_dyb_kopi(tbs, tmp_path):
    """En reform kopierer kun knuderne på de stier, den ændrer (`kopi_langs_stier`): resten deles
    med grundlaget, grundlaget er uændret, og værdierne er de samme, som core's
    `modify_parameters` (dyb kopi af hele træet) giver — også for en reform af en reform."""
    foer = _vaerdier(tbs)
    reform = anvend_reformfil(tbs, skriv(tmp_path, GYLDIG))
    oven_paa = anvend_reformfil(reform, skriv(tmp_path, GYLDIG.replace("fra_ledighed", "fra_beskaeftigelse").replace(": 60", ": 35")))
    assert _vaerdier(tbs) == foer
    dyb = _dyb_kopi_reform(tbs, "voksenlaerling.timesats.fra_ledighed", 60.0)
    assert _vaerdier(reform) == _vaerdier(dyb) != foer
    assert _vaerdier(oven_paa) == _vaerdier(_dyb_kopi_reform(dyb, "voksenlaerling.timesats.fra_beskaeftigelse", 35.0))
    assert oven_paa.parameters("2026-01-01").voksenlaerling.timesats.fra_ledighed == 60
    assert oven_paa.parameters("2026-01-01").voksenlaerling.timesats.fra_beskaeftigelse == 35
    assert reform.parameters("2026-01-01").voksenlaerling.timesats.fra_beskaeftigelse == 30
    # Delt, hvor intet er ændret; nyt langs stien.
    assert reform.parameters.loentilskud is tbs.parameters.loentilskud
    assert reform.parameters.voksenlaerling is not tbs.parameters.voksenlaerling
    assert reform.parameters.voksenlaerling.timesats.fra_beskaeftigelse is tbs.parameters.voksenlaerling.timesats.fra_beskaeftigelse
    assert reform.parameters.children["voksenlaerling"] is reform.parameters.voksenlaerling
