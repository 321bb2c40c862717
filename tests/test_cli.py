"""Kommandoen `dk-jobcenter sammenlign` på en lille syntetisk befolkning."""

import pandas
import pytest

from openfisca_dk_jobcenter.analyse.cli import main

REFORM = "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml"


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


def test_kun_grundlaget_er_tilladt(tmp_path):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer", "3000", "--ud", str(ud)]) == 0
    tabel = pandas.read_csv(ud / "sammenligning.csv")
    assert set(tabel["reform"]) == {"Grundlag"}
    assert (tabel["reform_kr"] == tabel["grundlag_kr"]).all()


def test_hvert_output_naevner_aar_befolkning_raekker_og_vaegtede_personer(resultat):
    _, ud = resultat
    tabel = pandas.read_csv(ud / "sammenligning.csv")
    assert set(tabel["aar"]) == {2026} and set(tabel["raekker"]) == {20000}
    assert tabel["befolkning"].iloc[0] == "syntetisk (seed 2026)"
    assert tabel["vaegtede_personer"].iloc[0] > 2_500_000  # vægtet til arbejdsstyrken
    tekst = (ud / "sammenligning.txt").read_text(encoding="utf-8")
    assert tekst.startswith("År 2026 · syntetisk (seed 2026) · 20.000 rækker ≈ ")
    koersel = __import__("json").loads((ud / "sammenligning.json").read_text(encoding="utf-8"))["aar"][0]["koersel"]
    assert koersel["raekker"] == 20000 and koersel["aar"] == 2026


def test_kroner_i_oere_og_antal_som_heltal_i_csv(resultat):
    _, ud = resultat
    for linje in (ud / "sammenligning.csv").read_text(encoding="utf-8").splitlines()[1:]:
        for felt in linje.split(",")[6:]:
            if felt and "." in felt:
                assert len(felt.split(".")[1]) <= 2, linje
    tabel = pandas.read_csv(ud / "sammenligning.csv")
    antal = tabel["modtagere_grundlag"].dropna()
    assert (antal == antal.round()).all()


def test_virksomhedspraktik_vises_med_deltagere(resultat):
    _, ud = resultat
    tekst = (ud / "sammenligning.txt").read_text(encoding="utf-8")
    linje = next(linje for linje in tekst.splitlines() if linje.startswith("Virksomhedspraktik"))
    assert "(ingen udgift)" in linje and any(c.isdigit() for c in linje)


def test_aarsserie(tmp_path):
    """Reformfilen hæver satserne fra 1. januar 2026: 2025 er uændret, 2026 koster mere."""
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--reform", REFORM, "--aar", "2025-2026", "--personer", "3000", "--ud", str(ud)])
    assert kode == 0
    serie = pandas.read_csv(ud / "aarsserie.csv")
    assert sorted(set(serie["aar"])) == [2025, 2026]
    vl = serie[(serie["ordning"] == "Voksenlærling")].set_index("aar")
    assert vl.loc[2025, "reform_kr"] == vl.loc[2025, "grundlag_kr"]
    assert vl.loc[2026, "reform_kr"] == pytest.approx(vl.loc[2026, "grundlag_kr"] * 4 / 3, rel=1e-6)
    assert (ud / "aarsserie.png").exists() and (ud / "udgift_pr_ordning_2025.png").exists()
    assert "Årsserie" in (ud / "sammenligning.txt").read_text(encoding="utf-8")


def test_forkert_aarraekke_giver_klar_fejl(tmp_path, capsys):
    assert main(["sammenlign", "--aar", "2027-2024", "--personer", "100", "--ud", str(tmp_path / "ud")]) == 2
    assert "--aar" in capsys.readouterr().err
