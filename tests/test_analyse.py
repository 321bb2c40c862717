"""Analytikerens Python-API på en lille befolkning, hvor totalerne kan regnes i hånden."""

import numpy
import pandas
import pytest

from openfisca_dk_jobcenter.analyse import laes_befolkning, reform, sammenlign, simuler, syntetiske_blokke, varianter
from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform

# Tre personer hos to arbejdsgivere i 2026, 100 praktiktimer hver måned:
# - ana: ufaglært, fra ledighed (LAB § 159, stk. 2): 45 kr. × 100 × 12 = 54.000 kr.
# - bo: ufaglært, fra beskæftigelse, på listen, aftale fra 1. juli 2025 (§ 159, stk. 3: de første
#   24 måneder dækker hele 2026): 30 kr. × 100 × 12 = 36.000 kr.
# - carl: 22 år ved aftalens start (§ 155): 0 kr.
# I alt 90.000 kr.; to modtagere.
PERSONER = """virksomhed_id,foedselsdato,voksenlaerling_aftale_start,voksenlaerling_kommer_fra_ledighed,voksenlaerling_uddannelse_paa_voksenlaerlingelisten,voksenlaerling_praktiktimer,maalgruppe
smed,1990-05-01,2025-01-01,ja,nej,100,dagpengemodtager
smed,1985-02-01,2025-07-01,nej,ja,100,beskaeftiget
bager,2003-01-01,2025-01-01,ja,nej,100,dagpengemodtager
"""
VIRKSOMHEDER = """virksomhed_id,sektor
smed,privat
bager,offentlig
"""


@pytest.fixture()
def lille_befolkning(tbs, tmp_path):
    (tmp_path / "personer.csv").write_text(PERSONER, encoding="utf-8")
    (tmp_path / "virksomheder.csv").write_text(VIRKSOMHEDER, encoding="utf-8")
    return laes_befolkning(tbs, tmp_path / "personer.csv", tmp_path / "virksomheder.csv", aar=2026)


def dobbelt_voksenlaerling(tbs):
    return lav_reform(
        "Dobbelte voksenlærlingesatser",
        {"voksenlaerling.timesats.fra_ledighed": [(__import__("datetime").date(2026, 1, 1), 90.0)],
         "voksenlaerling.timesats.fra_beskaeftigelse": [(__import__("datetime").date(2026, 1, 1), 60.0)]},
    )(tbs)


def test_simuler_giver_haandregnede_beloeb(tbs, lille_befolkning):
    personer, virksomheder = simuler(tbs, lille_befolkning)
    assert list(personer["voksenlaerling"].round(2)) == [54_000.0, 36_000.0, 0.0]
    assert list(virksomheder["i_alt"].round(2)) == [90_000.0, 0.0]
    assert list(virksomheder["sektor"]) == ["privat", "offentlig"]


def test_simuler_for_udvalgte_maaneder(tbs, lille_befolkning):
    personer, _ = simuler(tbs, lille_befolkning, maaneder=[1, 2, 3])
    assert list(personer["voksenlaerling"].round(2)) == [13_500.0, 9_000.0, 0.0]


def test_sammenlign_dobbelte_satser_paa_lille_befolkning(tbs, lille_befolkning):
    resultat = sammenlign({"dobbelt": dobbelt_voksenlaerling(tbs)}, lille_befolkning, grundlag=tbs)
    vl = resultat.pr_ordning.set_index("ordning").loc["Voksenlærling"]
    assert vl["grundlag_kr"] == pytest.approx(90_000)
    assert vl["reform_kr"] == pytest.approx(180_000)
    assert vl["modtagere_grundlag"] == 2 and vl["modtagere_reform"] == 2
    assert vl["vindere"] == 2 and vl["tabere"] == 0
    pr_sektor = resultat.pr("ordning", "sektor").set_index(["ordning", "sektor"])
    assert pr_sektor.loc[("Voksenlærling", "privat"), "grundlag_kr"] == pytest.approx(90_000)
    assert pr_sektor.loc[("Voksenlærling", "offentlig"), "grundlag_kr"] == 0
    virksomheder = resultat.virksomheder.set_index("sektor")
    assert virksomheder.loc["privat", "virksomheder_der_vinder"] == 1
    assert virksomheder.loc["offentlig", "virksomheder_der_vinder"] == 0


def test_dobbelte_satser_fordobler_kun_voksenlaerling(tbs):
    """En reform, der fordobler begge voksenlærlingesatser, fordobler præcis voksenlærlinge-
    udgiften og ændrer ingen anden ordning."""
    resultat = sammenlign({"dobbelt": dobbelt_voksenlaerling(tbs)}, syntetiske_blokke(30_000, seed=11), grundlag=tbs)
    tabel = resultat.pr_ordning.set_index("ordning")
    vl = tabel.loc["Voksenlærling"]
    assert vl["grundlag_kr"] > 0
    assert vl["reform_kr"] == pytest.approx(2 * vl["grundlag_kr"], rel=1e-9)
    andre = tabel.drop(index=["Voksenlærling", "I alt"])
    assert len(andre) >= 1
    numpy.testing.assert_allclose(andre["reform_kr"], andre["grundlag_kr"], rtol=0, atol=1e-6)
    assert (andre["vindere"] == 0).all() and (andre["tabere"] == 0).all()


def test_varianter_en_reform_pr_vaerdi(tbs, lille_befolkning):
    vs = varianter(tbs, "voksenlaerling.timesats.fra_ledighed=0,45,90", 2026)
    resultat = sammenlign({navn: system for navn, system, _ in vs}, lille_befolkning, grundlag=tbs)
    i_alt = resultat.pr_ordning.query("ordning == 'I alt'").set_index("reform")["reform_kr"]
    # ana alene bærer satsen fra ledighed: 0, 54.000 og 108.000 kr. plus bo's 36.000 kr.
    assert list(i_alt.round(2)) == [36_000.0, 90_000.0, 144_000.0]


def test_stablede_reformer(tbs, tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("navn: A\nparametre:\n  voksenlaerling.timesats.fra_ledighed:\n    2026-01-01: 50\n", encoding="utf-8")
    b.write_text("navn: B\nparametre:\n  voksenlaerling.timesats.fra_beskaeftigelse:\n    2026-01-01: 35\n", encoding="utf-8")
    system = reform(tbs, f"{a}+{b}")
    satser = system.parameters("2026-01-01").voksenlaerling.timesats
    assert (satser.fra_ledighed, satser.fra_beskaeftigelse) == (50, 35)
    assert system.name == "A + B"


def test_navngiven_reform(tbs):
    system = reform(tbs, "hoejere_voksenlaerlingesatser")
    assert system.parameters("2026-01-01").voksenlaerling.timesats.fra_ledighed == 60


def test_blokvis_og_samlet_fil_befolkning_giver_samme_totaler(tbs, tmp_path):
    blokke = list(syntetiske_blokke(9_000, seed=4, blok_personer=3_000))
    from openfisca_dk_jobcenter.befolkning.model import Befolkning

    samlet = Befolkning.saml(blokke)
    r = {"dobbelt": dobbelt_voksenlaerling(tbs)}
    a = sammenlign(r, samlet, grundlag=tbs, bid_personer=10**9).pr_ordning
    b = sammenlign(r, samlet, grundlag=tbs, bid_personer=700).pr_ordning
    pandas.testing.assert_frame_equal(a.round(6), b.round(6))
