"""Totalernes 95 %-interval: replikatgrupper af virksomheder i den syntetiske befolkning,
jackknife med én gruppe udeladt ad gangen, parret for reformens forskel; egne data uden
replikatgrupper er hele populationen (interval med bredden 0)."""

import json

import numpy
import pandas
import pytest

from openfisca_dk_jobcenter.analyse import grundlag, reform, sammenlign, syntetisk_befolkning, syntetiske_blokke
from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.analyse.usikkerhed import halv_bredde, interval, t_kvantil

REFORM = "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml"


def test_t_fraktilen_som_i_tabellerne():
    # t(0,975) med 5, 10 og 29 frihedsgrader: 2,571, 2,228 og 2,045 (standardtabel)
    assert t_kvantil(6) == pytest.approx(2.5706, abs=3e-3)
    assert t_kvantil(11) == pytest.approx(2.2281, abs=1e-3)
    assert t_kvantil(30) == pytest.approx(2.0452, abs=1e-4)


def test_jackknife_af_lige_store_grupper_er_tilfaeldige_gruppers_varians():
    """Lige store grupper: W·(T−T_g)/(W−W_g) = G/(G−1)·(T−T_g), og jackknife-variansen er
    G·s²(T_g) (tilfældige grupper)."""
    totaler = numpy.array([[1.0, 2.0, 3.0, 6.0]])
    h = halv_bredde(totaler, numpy.full(4, 10.0))[0]
    assert h == pytest.approx(t_kvantil(4) * numpy.sqrt(4 * totaler.var(ddof=1)))
    assert halv_bredde(totaler, numpy.array([10.0, 0, 0, 0]))[0] == 0  # én gruppe: intet interval


def test_interval_er_symmetrisk_om_totalen_og_nul_uden_grupper():
    rng = numpy.random.default_rng(1)
    v, w, g = rng.random(1000), numpy.full(1000, 3.0), numpy.arange(1000) % 20
    total, nedre, oevre = interval(v, w, g, 20)
    assert total == pytest.approx(3 * v.sum()) and nedre < total < oevre
    assert oevre - total == pytest.approx(total - nedre)
    assert interval(v, w, g, 0) == (total, total, total)


@pytest.fixture(scope="module")
def ti_koersler():
    g = grundlag()
    r = reform(g, REFORM)
    return [sammenlign({"H": r}, syntetiske_blokke(10_000, seed=s), grundlag=g, aar=2026).pr_ordning.set_index("ordning")
            for s in range(1, 11)]


def test_daekning_over_ti_koersler(ti_koersler):
    """Over 10 kørsler (10.000 rækker hver) holder hver kørsels interval de andre 9 kørslers
    gennemsnit ca. 95 % af gangene (målt: 90 %), og hver enkelt anden kørsels total ca. 83 %
    af gangene (forskellen på to kørsler har dobbelt varians: P(|Z| < 1,96/√2) = 0,83; målt 86 %).
    Et for bredt interval (dækning 100 %) eller for smalt (under 85 %) fejler."""
    hold_mid = antal_mid = hold_par = antal_par = 0
    for k in ["grundlag_kr", "forskel_kr", "modtagere_grundlag"]:
        for o in ti_koersler[0].index:
            est = numpy.array([float(p.loc[o, k]) if not pandas.isna(p.loc[o, k]) else numpy.nan for p in ti_koersler])
            if numpy.isnan(est).any() or (est == 0).all():
                continue
            nedre = numpy.array([float(p.loc[o, f"{k}_95_nedre"]) for p in ti_koersler])
            oevre = numpy.array([float(p.loc[o, f"{k}_95_oevre"]) for p in ti_koersler])
            for i in range(10):
                andre = numpy.delete(est, i)
                hold_mid += nedre[i] <= andre.mean() <= oevre[i]
                antal_mid += 1
                hold_par += int(((nedre[i] <= andre) & (andre <= oevre[i])).sum())
                antal_par += len(andre)
    assert antal_mid >= 80
    assert 0.85 <= hold_mid / antal_mid < 1.0
    assert 0.70 <= hold_par / antal_par <= 0.95


def test_forskellens_interval_er_parret(ti_koersler):
    """Reformen hæver voksenlærlingens satser med en tredjedel (60/45) for de samme personer:
    forskellens interval er en tredjedel af grundlagets, ikke summen af to uafhængige."""
    vl = ti_koersler[0].loc["Voksenlærling"]
    assert (vl["forskel_kr_95_oevre"] - vl["forskel_kr"]) == pytest.approx((vl["grundlag_kr_95_oevre"] - vl["grundlag_kr"]) / 3, rel=1e-6)


def test_json_csv_og_tabel_har_intervallerne(tmp_path):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--reform", REFORM, "--personer", "5000", "--ud", str(ud)]) == 0
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))["aar"][0]
    vl = next(r for r in data["pr_ordning"] if r["ordning"] == "Voksenlærling")
    for k in ["grundlag_kr", "reform_kr", "forskel_kr", "modtagere_grundlag", "modtagere_reform"]:
        nedre, oevre = vl[f"{k}_95"]
        assert nedre <= vl[k] <= oevre and nedre < oevre
    assert "stikprøvens tilfældighed" in data["koersel"]["interval"]
    csv = pandas.read_csv(ud / "sammenligning.csv")
    assert {"grundlag_kr_95_nedre", "grundlag_kr_95_oevre", "forskel_kr_95_nedre", "modtagere_reform_95_oevre"} <= set(csv.columns)
    assert {"grundlag_kr_95_nedre", "forskel_kr_95_oevre"} <= set(pandas.read_csv(ud / "pr_maalgruppe.csv").columns)
    tekst = (ud / "sammenligning.txt").read_text(encoding="utf-8")
    assert "95 %-interval" in tekst and "Interval: 95 %-interval for stikprøvens tilfældighed" in tekst


def test_egne_data_har_intervallet_0_og_siger_det(tmp_path):
    personer = tmp_path / "p.csv"
    personer.write_text(
        "virksomhed_id,foedselsdato,maalgruppe,voksenlaerling_aftale_start,voksenlaerling_ansoegningsdato,"
        "voksenlaerling_kommer_fra_ledighed,voksenlaerling_praktiktimer\n"
        "a,1990-01-01,dagpengemodtager,2026-01-01,2026-01-01,ja,150\n", encoding="utf-8")
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer-fil", str(personer), "--ud", str(ud)]) == 0
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))["aar"][0]
    vl = next(r for r in data["pr_ordning"] if r["ordning"] == "Voksenlærling")
    assert vl["grundlag_kr"] == 150 * 12 * 45 and vl["grundlag_kr_95"] == [vl["grundlag_kr"]] * 2
    assert "hele populationen" in data["koersel"]["interval"]
    # én række bag totalen: sagt i JSON og tabellen
    assert vl["faa_raekker"] is True and vl["raekker_grundlag"] == 1
    assert any("Voksenlærling: totalen hviler på 1 række" in a for a in data["advarsler"])
    assert "Få rækker: " in (ud / "sammenligning.txt").read_text(encoding="utf-8")


def test_mikrosimulering_giver_samme_interval_og_vaegtede_fordelinger():
    from openfisca_dk_jobcenter.analyse import Mikrosimulering

    m = Mikrosimulering(personer=5_000, aar=2026)
    tilskud = m.beregn("voksenlaerling_tilskud", 2026)
    vl = sammenlign({}, syntetiske_blokke(5_000), aar=2026).pr_ordning.set_index("ordning").loc["Voksenlærling"]
    assert tilskud.sum() == pytest.approx(vl["grundlag_kr"], abs=0.01)
    assert tilskud.sum_95() == pytest.approx([vl["grundlag_kr_95_nedre"], vl["grundlag_kr_95_oevre"]], abs=0.01)
    # vægtet pr. målgruppe: grupperne summer til totalen, og et antal er personer, ikke rækker
    pr_maalgruppe = tilskud.groupby("maalgruppe").sum()
    assert pr_maalgruppe.sum() == pytest.approx(tilskud.sum())
    laerlinge = (tilskud > 0).groupby("maalgruppe").sum()
    assert laerlinge["dagpengemodtager"] == pytest.approx((tilskud > 0)[m.beregn("maalgruppe", "2026-01").to_numpy() == "dagpengemodtager"].sum())
    assert laerlinge.sum() == pytest.approx((tilskud > 0).sum()) and laerlinge.sum() > 10 * (tilskud > 0).uvaegtet.sum()
    tabel = m.fordeling("loentilskud", "sektor")
    assert set(tabel.index) <= {"privat", "offentlig"} and (tabel["sum_95_nedre"] <= tabel["sum"]).all()
    assert tabel["sum"].sum() == pytest.approx(m.beregn("loentilskud", 2026).sum())
    assert "stikprøvens tilfældighed" in m.interval_tekst


def test_egne_data_med_replikatgrupper_faar_et_interval(tmp_path):
    """Et registerudtræk, der er en stikprøve, angiver sine replikatgrupper i kolonnen
    `replikatgruppe`: så bruges de. Fire grupper à én lærling (45 kr./t × 150 t × 12 mdr., LAB
    § 98 b) med forskellig vægt: intervallet er jackknifens."""
    linjer = ["virksomhed_id,vaegt,replikatgruppe,foedselsdato,maalgruppe,voksenlaerling_aftale_start,"
              "voksenlaerling_ansoegningsdato,voksenlaerling_kommer_fra_ledighed,voksenlaerling_praktiktimer"]
    for i, (vaegt, timer) in enumerate([(10, 150), (10, 150), (10, 0), (10, 150)]):
        linjer.append(f"v{i},{vaegt},g{i},1990-01-01,dagpengemodtager,2026-01-01,2026-01-01,ja,{timer}")
    personer = tmp_path / "p.csv"
    personer.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer-fil", str(personer), "--ud", str(ud)]) == 0
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))["aar"][0]
    vl = next(r for r in data["pr_ordning"] if r["ordning"] == "Voksenlærling")
    aar = 150 * 12 * 45 * 10
    assert vl["grundlag_kr"] == 3 * aar
    halv = halv_bredde(numpy.array([[aar, aar, 0, aar]]), numpy.full(4, 10.0))[0]
    assert vl["grundlag_kr_95"] == pytest.approx([max(3 * aar - halv, 0), 3 * aar + halv], abs=0.01)  # kroner er ikke negative
    assert "4 replikatgrupper" in data["koersel"]["interval"]


def test_egne_data_med_een_replikatgruppe_er_en_fejl(tmp_path, capsys):
    personer = tmp_path / "p.csv"
    personer.write_text("virksomhed_id,replikatgruppe,maalgruppe\na,1,dagpengemodtager\nb,1,beskaeftiget\n", encoding="utf-8")
    assert main(["sammenlign", "--personer-fil", str(personer), "--ud", str(tmp_path / "ud")]) == 2
    assert "replikatgruppe" in capsys.readouterr().err


def test_intervallerne_er_de_samme_uanset_bidstoerrelsen():
    """Replikatgruppen følger personen, ikke bidden: små bidder (som en kørsel med flere
    arbejdere) giver de samme totaler og intervaller til øren."""
    g = grundlag()
    r = {"H": reform(g, REFORM)}
    befolkning = syntetisk_befolkning(12_000, seed=3)
    hele = sammenlign(r, syntetiske_blokke(12_000, seed=3), grundlag=g, aar=2026).pr_ordning
    smaa = sammenlign(r, befolkning, grundlag=g, aar=2026, bid_personer=2_000).pr_ordning
    assert len(list(befolkning.opdel(2_000))) >= 5
    kolonner = [k for k in hele.columns if k.endswith(("_kr", "_95_nedre", "_95_oevre"))]
    pandas.testing.assert_frame_equal(hele[kolonner], smaa[kolonner], check_exact=False, atol=0.01, rtol=0)
