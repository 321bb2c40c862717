"""docs/genereret/kilder.md og docs/genereret/ordforraad.md er genereret af tools/generer_docs.py fra parametrenes
metadata og skattesystemet: de indlagte sider skal være det, generatoren laver nu."""

import importlib.util
import pathlib

ROD = pathlib.Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("generer_docs", ROD / "tools" / "generer_docs.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_de_genererede_sider_er_aktuelle(tbs):
    generator = _generator()
    for sti, forventet in generator.sider(tbs).items():
        navn = sti.relative_to(ROD).as_posix()
        assert sti.exists(), f"{navn} mangler; kør make docs"
        assert sti.read_text(encoding="utf-8") == forventet, (
            f"{navn} er ikke det, tools/generer_docs.py laver nu; kør make docs "
            f"(eller .venv/bin/python tools/generer_docs.py) og læg ændringen ind")


def test_ordforraadet_har_alle_navne(tbs):
    """Retseksperternes liste: hver variabel, hver afslagsgrund og hver parametersti står der."""
    tekst = _generator().ordforraad_md(tbs)
    for navn in tbs.variables:
        assert f"`{navn}`" in tekst
    for navn in ("ikke_i_maalgruppen", "ledighedskrav_ikke_opfyldt"):
        assert f"| `{navn}` |" in tekst
    assert "| `voksenlaerling.timesats.fra_ledighed` |" in tekst


def test_kilderne_viser_vaerdi_og_grad(tbs):
    tekst = _generator().kilder_md(tbs)
    assert "| 2024-01-01 | 203,17 | verificeret |" in tekst  # jobrotationsydelse, STAR 2024
    assert "| 2022-01-01 | 193,11 | sekundaer |" in tekst  # FOA Nordjylland


def test_tjek_melder_en_forældet_side(tmp_path, monkeypatch, capsys):
    generator = _generator()
    monkeypatch.setattr(generator, "KILDER", tmp_path / "kilder.md")
    monkeypatch.setattr(generator, "ORDFORRAAD", tmp_path / "ordforraad.md")
    assert generator.main(["--tjek"]) == 1
    assert "make docs" in capsys.readouterr().err
    assert generator.main([]) == 0
    assert generator.main(["--tjek"]) == 0
