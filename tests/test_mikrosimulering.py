"""`Mikrosimulering` som PolicyEngines Microsimulation: vægtede serier pr. id, reformer som fil,
dict eller Reform-klasse, og afslag tabuleret."""

import datetime

import numpy
import pytest

from openfisca_dk_jobcenter.analyse import MikroSerie, Mikrosimulering, laes_befolkning
from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform

REFORMFIL = "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml"
PERSONER = """person_id,virksomhed_id,vaegt,foedselsdato,voksenlaerling_aftale_start,voksenlaerling_kommer_fra_ledighed,voksenlaerling_uddannelse_paa_voksenlaerlingelisten,voksenlaerling_praktiktimer,maalgruppe
ana,smed,10,1990-05-01,2025-01-01,ja,nej,100,dagpengemodtager
bo,bager,2.5,1985-02-01,2025-07-01,nej,ja,100,beskaeftiget
carl,bager,4,2003-01-01,2025-01-01,ja,nej,100,dagpengemodtager
"""


@pytest.fixture()
def fil(tmp_path):
    sti = tmp_path / "personer.csv"
    sti.write_text(PERSONER, encoding="utf-8")
    return sti


def test_aarsbeloeb_summeres_over_maanederne_og_vaegtes(fil):
    ms = Mikrosimulering(befolkning=fil, aar=2026)
    s = ms.beregn("voksenlaerling_tilskud", 2026)
    assert isinstance(s, MikroSerie) and s.index.name == "person_id"
    # LAB § 159: ana 45 × 100 × 12, bo 30 × 100 × 12, carl under 25 år ved aftalens start (§ 155).
    assert s.uvaegtet.round(2).to_dict() == {"ana": 54_000.0, "bo": 36_000.0, "carl": 0.0}
    assert s.sum() == pytest.approx(10 * 54_000 + 2.5 * 36_000)
    assert (s > 0).sum() == pytest.approx(12.5)
    assert s.mean() == pytest.approx((10 * 54_000 + 2.5 * 36_000) / 16.5)
    assert s[s > 0].sum() == pytest.approx(s.sum())  # et udsnit beholder sine vægte
    assert ms.beregn("voksenlaerling_tilskud", "2026-03").uvaegtet["ana"] == pytest.approx(4_500)


def test_virksomhedsvariabel_indekseres_med_virksomheds_id(fil):
    s = Mikrosimulering(befolkning=fil).beregn("virksomhed_tilskud_i_alt", 2026)
    assert s.index.name == "virksomhed_id" and set(s.index) == {"smed", "bager"}
    assert s.uvaegtet["bager"] == pytest.approx(36_000)


@pytest.mark.parametrize("form", ["sti", "dict", "klasse"])
def test_reform_som_fil_dict_eller_klasse(fil, form):
    spec = {
        "sti": REFORMFIL,
        "dict": {"navn": "Højere", "parametre": {"voksenlaerling.timesats.fra_ledighed": {"2026-01-01": 60},
                                                  "voksenlaerling.timesats.fra_beskaeftigelse": {"2026-01-01": 40}}},
        "klasse": lav_reform("Højere", {"voksenlaerling.timesats.fra_ledighed": [(datetime.date(2026, 1, 1), 60.0)],
                                         "voksenlaerling.timesats.fra_beskaeftigelse": [(datetime.date(2026, 1, 1), 40.0)]}),
    }[form]
    s = Mikrosimulering(reform=spec, befolkning=fil).beregn("voksenlaerling_tilskud", 2026)
    assert s.uvaegtet.round(2).to_dict() == {"ana": 72_000.0, "bo": 48_000.0, "carl": 0.0}


def test_afslag_tabuleres(fil):
    tabel = Mikrosimulering(befolkning=fil).afslag("voksenlaerling", 2026).set_index("afslagsgrund")
    assert tabel.loc["under_minimumsalder", "personer"] == 4
    assert tabel.loc["ingen", "personer"] == 12  # 12,5 bevilgede, afrundet
    assert tabel.loc["under_minimumsalder", "raekker"] == 1


def test_syntetisk_standard_er_vaegtet_til_arbejdsstyrken():
    ms = Mikrosimulering(aar=2025, personer=3_000)
    alder = ms.beregn("alder", "2025-01")
    assert alder.count() == pytest.approx(3_034_000)
    assert ms.koersel["raekker"] == 3_000


def test_fil_befolkning_som_objekt(tbs, fil):
    b = laes_befolkning(tbs, fil, aar=2026)
    s = Mikrosimulering(befolkning=b).beregn("voksenlaerling_berettiget", 2026)
    assert s.uvaegtet.to_dict() == {"ana": True, "bo": True, "carl": False}
    assert numpy.isclose((s == True).sum(), 12.5)  # noqa: E712


def test_befolkning_som_blokke_og_periode_som_tekst():
    from openfisca_dk_jobcenter.analyse import syntetisk_befolkning, syntetiske_blokke

    a = Mikrosimulering(befolkning=syntetiske_blokke(4_000, aar=2026), aar=2026)
    b = Mikrosimulering(befolkning=syntetisk_befolkning(4_000, aar=2026), aar=2026)
    assert a.beregn("loentilskud", "2026").sum() == pytest.approx(b.beregn("loentilskud", 2026).sum())
    assert a.koersel["vaegtede_personer"] == b.koersel["vaegtede_personer"]


def test_ukendt_variabel_giver_klar_fejl(fil):
    with pytest.raises(KeyError, match="findes_ikke"):
        Mikrosimulering(befolkning=fil).beregn("findes_ikke", 2026)
