"""Kommandoen `dk-jobcenter sammenlign` på en lille syntetisk befolkning."""

import pandas
import pytest

from openfisca_dk_jobcenter.analyse.cli import main

REFORM = "examples/reformer/hoejere_voksenlaerlingesatser.yaml"


@pytest.fixture(scope="module")
def resultat(tmp_path_factory):
    ud = tmp_path_factory.mktemp("ud")
    kode = main(["sammenlign", "--reform", REFORM, "--personer", "20000", "--ud", str(ud)])
    return kode, ud


def test_skriver_tabel_pr_ordning(resultat):
    kode, ud = resultat
    assert kode == 0
    tabel = pandas.read_csv(ud / "sammenligning.csv")
    assert {"reform", "ordning", "grundlag_kr", "reform_kr", "forskel_kr", "modtagere_grundlag", "modtagere_reform"} <= set(tabel.columns)
    assert "I alt" in set(tabel["ordning"])
    assert (ud / "detaljer.csv").exists() and (ud / "virksomheder.csv").exists()
    assert "Voksenlærling" in (ud / "sammenligning.txt").read_text(encoding="utf-8")
    assert (ud / "udgift_pr_ordning.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hoejere_satser_giver_fire_tredjedele(resultat):
    """60/45 = 40/30 = 4/3: reformen hæver voksenlærlingetilskuddet med præcis en tredjedel og
    ændrer ikke, hvem der er berettiget."""
    _, ud = resultat
    tabel = pandas.read_csv(ud / "sammenligning.csv").set_index("ordning")
    vl = tabel.loc["Voksenlærling"]
    assert vl["grundlag_kr"] > 0
    assert vl["reform_kr"] == pytest.approx(vl["grundlag_kr"] * 4 / 3, rel=1e-6)
    assert vl["modtagere_grundlag"] == vl["modtagere_reform"]
    andre = tabel.drop(index=["Voksenlærling", "I alt"])
    assert (andre["forskel_kr"].abs() < 0.01).all()


def test_ukendt_parametersti_giver_fejl_og_ingen_filer(tmp_path, capsys):
    reform = tmp_path / "forkert.yaml"
    reform.write_text("navn: x\nparametre:\n  voksenlaerling.timesats.findes_ikke:\n    2026-01-01: 60\n", encoding="utf-8")
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--reform", str(reform), "--personer", "100", "--ud", str(ud)])
    assert kode == 2
    assert "voksenlaerling.timesats.findes_ikke" in capsys.readouterr().err
    assert not ud.exists()


def test_aar_foer_reglerne_giver_en_klar_fejl(tmp_path, capsys):
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--reform", REFORM, "--aar", "2010", "--personer", "200", "--ud", str(ud)])
    assert kode == 2
    assert "reglerne er ikke modelleret for 2010" in capsys.readouterr().err
    assert not ud.exists()
