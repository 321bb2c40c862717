"""Det, intervallet ikke dækker, i kroner: de antagne satser, LAB § 189 regulerer årligt, og som
vi fører videre, har et plausibelt spænd fra uændret til den højeste årlige regulering, set
mellem to kildebelagte år, for hvert år satsen er ført videre; totalerne ved begge ender."""

import json

import pytest

from openfisca_dk_jobcenter.analyse.antagelser import spaend
from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.model.parametertrae import find_parameter

SATSER = ["jobrotation.ydelse_per_time", "loentilskud.privat.timesats", "loentilskud.offentlig.timesats"]


def test_spaendet_er_uaendret_til_hoejeste_regulering_pr_aar(tbs):
    for sti in SATSER:
        p = find_parameter(tbs.parameters, sti)
        vaerdier = sorted((int(v.instant_str[:4]), v.value, v.metadata) for v in p.values_list)
        kilde = [(a, v) for a, v, m in vaerdier if m.get("kildegrad") in ("verificeret", "sekundaer")]
        r = max((v2 / v1) ** (1 / (a2 - a1)) - 1 for (a1, v1), (a2, v2) in zip(kilde, kilde[1:], strict=False))
        for aar, v, meta in vaerdier:
            foer = [k for k in kilde if k[0] < aar]
            if meta.get("kildegrad") == "antaget" and foer and foer[-1][1] == v:
                lav, hoej = meta["plausibelt_interval"]
                assert lav == v and hoej == pytest.approx(v * (1 + r) ** (aar - foer[-1][0]), abs=0.006), (sti, aar)
    # løntilskud, privat: 86,16 kr. (2023, kommuneside) ført videre i 3 år til 2026
    s = {x["parameter"]: x for x in spaend(tbs, 2026)}
    assert s["loentilskud.privat.timesats"]["lav"] == 86.16 and 86.16 < s["loentilskud.privat.timesats"]["hoej"] < 86.16 * 1.1


def test_totalerne_ved_begge_ender(tmp_path):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer", "5000", "--ud", str(ud)]) == 0
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))["aar"][0]
    raekker = {r["ordning"]: r for r in data["pr_ordning"]}
    lav, hoej = raekker["Løntilskud"]["grundlag_kr_antaget"]
    assert lav == raekker["Løntilskud"]["grundlag_kr"] > 0
    # timesatsen ganges med timerne: højst 93,35/86,16 (privat), mindst 132,78/125,13 (offentlig)
    assert 132.78 / 125.13 - 1e-6 <= hoej / lav <= 93.35 / 86.16 + 1e-6
    vl = raekker["Voksenlærling"]
    assert vl["grundlag_kr_antaget"] == [vl["grundlag_kr"]] * 2  # voksenlærlingens satser har intet spænd
    i_alt = raekker["I alt"]["grundlag_kr_antaget"]
    assert i_alt[1] - i_alt[0] == pytest.approx(hoej - lav, abs=1)
    assert {s["parameter"] for s in data["koersel"]["antagne_satser"]} == set(SATSER)
    assert "Antagne satser, som intervallet ikke dækker" in (ud / "sammenligning.txt").read_text(encoding="utf-8")


def test_udsnittet_af_deltagere_giver_samme_kroner_som_hele_befolkningen():
    """Den høje ende regnes kun på personerne med løntilskuds- og jobrotationsinput; de andre får
    0 kr. ved begge ender. Trækning 3 har både løntilskud og jobrotation: samme kroner til øren."""
    from openfisca_dk_jobcenter.analyse import antagelser, grundlag, sammenlign, syntetisk_befolkning

    g = grundlag()
    s = antagelser.spaend(g, 2026)
    ordninger = antagelser.beroerte_ordninger(s)
    hoej = antagelser.hoejt_system(g, s, 2026)
    befolkning = syntetisk_befolkning(20_000, seed=3)
    udsnit = antagelser.aktivt_udsnit(befolkning, ordninger)
    # Det lagdelte design (befolkning/design.py) giver løntilskud mange rækker (ca. 7 %).
    assert udsnit.antal_personer < befolkning.antal_personer / 8
    for system in (g, hoej):
        hele = sammenlign({}, befolkning, grundlag=system, aar=2026, ordninger=ordninger).pr_ordning.set_index("ordning")
        del_ = sammenlign({}, udsnit, grundlag=system, aar=2026, ordninger=ordninger).pr_ordning.set_index("ordning")
        for o in ("Jobrotation", "Løntilskud"):
            assert hele.loc[o, "grundlag_kr"] > 0
            assert del_.loc[o, "grundlag_kr"] == pytest.approx(hele.loc[o, "grundlag_kr"], abs=0.01)


def test_den_hoeje_ende_regnes_i_hver_bid_og_genbruget_giver_de_samme_tal():
    """Biddernes deltagere i de berørte ordninger (løntilskud, jobrotation) samles og regnes ved
    spændets høje ende; med genbrug regner reformen kun dem, hvis formler læser en parameter, den
    ændrer (genbrug.py). Tallene ved begge ender er de samme med og uden genbrug og med én eller fire
    bidder, og den høje ende for løntilskud ligger over den lave."""
    import pandas

    from openfisca_dk_jobcenter.analyse import grundlag, reform
    from openfisca_dk_jobcenter.analyse.sammenligning import Koersel, sammenlign_flere
    from openfisca_dk_jobcenter.befolkning.udfoersel import SyntetiskBefolkning, Udfoerer

    g = grundlag()
    r = reform(g, "hoejere_voksenlaerlingesatser")
    s = spaend(g, 2026)
    befolkning = SyntetiskBefolkning(20_000, seed=3)
    koersler = [Koersel({"Reform": r}, befolkning, g, 2026, bid_personer=bid, genbrug=genbrug, antagne_satser=s)
                for genbrug, bid in ((False, 20_000), (True, 20_000), (False, 5_000))]
    with Udfoerer(arbejdere=1) as u:
        uden, med, smaa = (x.pr_ordning.set_index(["reform", "ordning"]) for x in sammenlign_flere(koersler, u))
    kolonner = [f"{k}_antaget_{ende}" for k in ("grundlag_kr", "reform_kr", "forskel_kr") for ende in ("lav", "hoej")]
    pandas.testing.assert_frame_equal(med[kolonner], uden[kolonner])
    pandas.testing.assert_frame_equal(smaa[kolonner], uden[kolonner], check_exact=False, atol=0.02)
    lt = uden.loc[("Reform", "Løntilskud")]
    assert lt["grundlag_kr_antaget_hoej"] > lt["grundlag_kr_antaget_lav"] == lt["grundlag_kr"] > 0
