"""Vægte: en række med `vaegt` w tæller som w personer i hver total, hvert antal og hver
opdeling; den syntetiske befolkning står for arbejdsstyrken i året."""

import numpy
import pytest

from openfisca_dk_jobcenter.analyse import laes_befolkning, sammenlign, simuler, syntetisk_befolkning
from openfisca_dk_jobcenter.befolkning.kalibrering import arbejdsstyrke
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform

# To voksenlærlinge, 100 praktiktimer hver måned i 2026 (LAB § 159): ana fra ledighed (45 kr.:
# 54.000 kr. i året) står for 10 personer, bo fra beskæftigelse (30 kr.: 36.000 kr.) for 2,5.
PERSONER = """person_id,virksomhed_id,vaegt,foedselsdato,voksenlaerling_aftale_start,voksenlaerling_kommer_fra_ledighed,voksenlaerling_uddannelse_paa_voksenlaerlingelisten,voksenlaerling_praktiktimer,maalgruppe
ana,smed,10,1990-05-01,2025-01-01,ja,nej,100,dagpengemodtager
bo,bager,2.5,1985-02-01,2025-07-01,nej,ja,100,beskaeftiget
"""


@pytest.fixture()
def vaegtet(tbs, tmp_path):
    (tmp_path / "p.csv").write_text(PERSONER, encoding="utf-8")
    return laes_befolkning(tbs, tmp_path / "p.csv", aar=2026)


def test_totaler_og_antal_er_vaegtede(tbs, vaegtet):
    import datetime

    dobbelt = lav_reform("dobbelt", {"voksenlaerling.timesats.fra_ledighed": [(datetime.date(2026, 1, 1), 90.0)]})(tbs)
    r = sammenlign({"dobbelt": dobbelt}, vaegtet, grundlag=tbs)
    vl = r.pr_ordning.set_index("ordning").loc["Voksenlærling"]
    assert vl["grundlag_kr"] == pytest.approx(10 * 54_000 + 2.5 * 36_000)
    assert vl["reform_kr"] == pytest.approx(10 * 108_000 + 2.5 * 36_000)
    assert vl["modtagere_grundlag"] == 12 or vl["modtagere_grundlag"] == 13  # 12,5 afrundet til helt tal
    assert vl["vindere"] == 10 and vl["tabere"] == 0
    assert r.koersel["raekker"] == 2 and r.koersel["vaegtede_personer"] == 12  # round(12,5) = 12
    pr_sektor = r.pr("ordning", "sektor").set_index(["ordning", "sektor"])
    assert pr_sektor.loc[("Voksenlærling", "privat"), "grundlag_kr"] == pytest.approx(630_000)
    v = r.virksomheder_afrundet.set_index("sektor")
    assert v.loc["privat", "virksomheder"] == 12 and v.loc["privat", "virksomheder_der_vinder"] == 10


def test_kroner_i_oere_og_antal_som_heltal(tbs, vaegtet):
    tabel = sammenlign({}, vaegtet, grundlag=tbs).pr_ordning
    for k in ("grundlag_kr", "reform_kr", "forskel_kr"):
        assert (tabel[k] == tabel[k].round(2)).all()
    assert str(tabel["modtagere_grundlag"].dtype) == "Int64"


def test_simuler_giver_id_og_vaegt(tbs, vaegtet):
    personer, virksomheder = simuler(tbs, vaegtet)
    assert list(personer["id"]) == ["ana", "bo"] and list(personer["vaegt"]) == [10, 2.5]
    assert list(virksomheder["id"]) == ["smed", "bager"]


@pytest.mark.parametrize("vaerdi", ["0", "-1", "x", ""])
def test_ugyldig_vaegt_naevner_raekke_og_kolonne(tbs, tmp_path, vaerdi):
    (tmp_path / "p.csv").write_text(PERSONER.replace("ana,smed,10,", f"ana,smed,{vaerdi},"), encoding="utf-8")
    with pytest.raises(BefolkningsFejl, match=r"række 2, kolonne 'vaegt'"):
        laes_befolkning(tbs, tmp_path / "p.csv")


def test_syntetisk_befolkning_staar_for_arbejdsstyrken():
    for aar in (2016, 2026):
        b = syntetisk_befolkning(2_000, aar=aar)
        assert b.vaegtede_personer == pytest.approx(arbejdsstyrke(aar).vaerdi)
        # Lagdelt design (befolkning/design.py, tests/test_design.py): rækkerne har forskellige
        # vægte, men virksomhederne er alle med og har en jævn stikprøves vægt.
        assert len(numpy.unique(b.vaegte)) > 1
        assert numpy.median(b.virksomhedsvaegte) == pytest.approx(arbejdsstyrke(aar).vaerdi / 2_000)
    assert arbejdsstyrke(2019).vaerdi == 2_931_000 and arbejdsstyrke(2019).kildegrad == "verificeret"
    assert arbejdsstyrke(2026).kildegrad == "antaget"


def test_bidder_og_samlet_giver_samme_vaegtede_totaler(tbs):
    b = syntetisk_befolkning(8_000, seed=3)
    a = sammenlign({}, b, grundlag=tbs, bid_personer=10**9).pr_ordning
    c = sammenlign({}, b, grundlag=tbs, bid_personer=900).pr_ordning
    numpy.testing.assert_allclose(a["grundlag_kr"], c["grundlag_kr"], rtol=1e-9)
    assert list(a["modtagere_grundlag"].fillna(-1)) == list(c["modtagere_grundlag"].fillna(-1))
