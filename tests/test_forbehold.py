"""Forbehold: de brugte parameterværdier, der er 'sekundaer' eller 'antaget', findes med
OpenFiscas tracer (ingen håndskrevet liste) og står i forbehold.csv, JSON og tabellen.

Indtil alle parametre har værdiniveauets `metadata: {kildegrad: ...}`, giver testen selv en
værdi en kildegrad."""

import json

import pandas
import pytest

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.analyse import syntetisk_befolkning
from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.analyse.forbehold import brugte_parametre, forbehold


def med_kildegrad(sti, grad, dato="2026-06-01"):
    """Et system, hvor værdien af `sti` i kraft på `dato` har `kildegrad: grad`."""
    system = CountryTaxBenefitSystem()
    parameter = system.parameters
    for del_ in sti.split("."):
        parameter = parameter.children[del_]
    vaerdi = next(v for v in parameter.values_list if v.instant_str <= dato)
    vaerdi.metadata["kildegrad"] = grad
    return system, vaerdi


def test_traceren_finder_satsen_som_voksenlaerling_bruger(tbs):
    brugt = brugte_parametre(tbs, syntetisk_befolkning(3_000, aar=2026), 2026)
    assert "voksenlaerling.timesats.fra_ledighed" in {sti for sti, _ in brugt["voksenlaerling"]}
    assert "voksenlaerling.timesats.fra_ledighed" not in {sti for sti, _ in brugt["loentilskud"]}


def test_antaget_vaerdi_staar_i_forbehold():
    system, vaerdi = med_kildegrad("voksenlaerling.timesats.fra_ledighed", "antaget")
    tabel = forbehold(system, syntetisk_befolkning(3_000, aar=2026), 2026)
    raekke = tabel.set_index("parameter").loc["voksenlaerling.timesats.fra_ledighed"]
    assert raekke["ordning"] == "Voksenlærling" and raekke["kildegrad"] == "antaget"
    assert raekke["vaerdi"] == vaerdi.value and raekke["gaelder_fra"] == vaerdi.instant_str
    assert raekke["kilde"]


def test_verificeret_vaerdi_og_ordning_uden_beloeb_staar_ikke_i_forbehold():
    system, _ = med_kildegrad("voksenlaerling.timesats.fra_ledighed", "verificeret")
    assert "voksenlaerling.timesats.fra_ledighed" not in set(forbehold(system, syntetisk_befolkning(3_000), 2026)["parameter"])
    system, _ = med_kildegrad("voksenlaerling.timesats.fra_ledighed", "sekundaer")
    tabel = forbehold(system, syntetisk_befolkning(3_000), 2026, aktive_ordninger={"loentilskud"})
    assert "voksenlaerling.timesats.fra_ledighed" not in set(tabel["parameter"])


def test_sammenlign_skriver_forbehold_i_csv_json_og_tabel(tmp_path, monkeypatch, capsys):
    system, _ = med_kildegrad("voksenlaerling.timesats.fra_ledighed", "antaget")
    monkeypatch.setattr("openfisca_dk_jobcenter.analyse.koersel.grundlag", lambda: system)
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer", "3000", "--aar", "2025-2026", "--ud", str(ud)]) == 0
    csv = pandas.read_csv(ud / "forbehold.csv")
    vl = csv[csv["parameter"] == "voksenlaerling.timesats.fra_ledighed"]
    assert sorted(vl["aar"]) == [2025, 2026]  # ét sæt forbehold pr. år
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))
    assert any(r["parameter"] == "voksenlaerling.timesats.fra_ledighed" for r in data["aar"][1]["forbehold"])
    assert "voksenlaerling.timesats.fra_ledighed" in (ud / "sammenligning.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("grad", ["sekundaer", "antaget"])
def test_begge_usikre_grader_medtages(grad):
    system, _ = med_kildegrad("loentilskud.privat.timesats", grad)
    tabel = forbehold(system, syntetisk_befolkning(3_000), 2026)
    assert grad in set(tabel.loc[tabel["parameter"] == "loentilskud.privat.timesats", "kildegrad"])


def test_python_api_giver_samme_tabel():
    from openfisca_dk_jobcenter.analyse import Mikrosimulering

    system, _ = med_kildegrad("voksenlaerling.timesats.fra_ledighed", "antaget")
    ms = Mikrosimulering(reform=system, personer=3_000, aar=2026)
    tabel = ms.forbehold()
    assert "voksenlaerling.timesats.fra_ledighed" in set(tabel["parameter"])
    assert list(tabel.columns) == ["aar", "ordning", "parameter", "beskrivelse", "vaerdi", "enhed", "gaelder_fra", "kildegrad", "kilde"]


def test_grundlaget_2026_lister_de_antagne_og_sekundaere_vaerdier_med_deres_egen_kilde(tbs):
    """Efter kildegraderne på alle parameterværdier: en 2026-kørsel viser fx løntilskuddets
    private timesats fra 2023 (en kommuneside, 'sekundaer') med værdiens egen kilde."""
    tabel = forbehold(tbs, syntetisk_befolkning(5_000, aar=2026), 2026)
    assert set(tabel["kildegrad"]) <= {"sekundaer", "antaget"} and len(tabel) > 0
    for _, r in tabel.iterrows():
        parameter = tbs.parameters
        for del_ in r["parameter"].split("."):
            parameter = parameter.children[del_]
        vaerdi = next(v for v in parameter.values_list if v.instant_str == r["gaelder_fra"])
        assert vaerdi.metadata["kildegrad"] == r["kildegrad"]
        egen = vaerdi.metadata.get("reference")
        if isinstance(egen, str):
            assert r["kilde"] == egen
        assert r["kilde"]


def test_stikproeven_tager_virksomheder_med_deltagere():
    """En sjælden ordnings deltagere kommer med i stikprøven, så dens regler spores."""
    import numpy

    from openfisca_dk_jobcenter.analyse.forbehold import _stikproeve

    b = syntetisk_befolkning(20_000, aar=2026)
    s = _stikproeve(b, 3_000)
    assert s.antal_personer < b.antal_personer
    laerlinge = (s.personer_maaned["voksenlaerling_praktiktimer"] > 0).any(axis=0).sum()
    andel_i_alt = (b.personer_maaned["voksenlaerling_praktiktimer"] > 0).any(axis=0).mean()
    # Deltagerne er overrepræsenteret (befolkningens lagdelte design har allerede mange
    # lærlingerækker, ca. 19 %; stikprøven har endnu flere).
    assert laerlinge / s.antal_personer > andel_i_alt
    assert set(s.person_id) <= set(b.person_ids()) and numpy.all(numpy.diff(s.person_virksomhed) >= 0)


def test_kun_vaerdier_i_kraft_paa_en_dato_koerslen_laeser(monkeypatch):
    """En formel kan læse en senere regelversion (fx 1. januar 2027, hvor voksenlærlingens
    ansøgningsfrist skifter), uden at nogen i en 2026-kørsel får den: den er ikke et forbehold for
    2026. En kørsel af januar-februar tager heller ikke værdier fra 1. marts med."""
    from openfisca_dk_jobcenter.analyse import forbehold as modul

    system, _ = med_kildegrad("voksenlaerling.ansoegningsfrist_maaneder", "antaget", dato="2027-06-01")
    system_2026, _ = med_kildegrad("voksenlaerling.ansoegningsfrist_maaneder", "antaget", dato="2026-06-01")
    laest = {"voksenlaerling": {("voksenlaerling.ansoegningsfrist_maaneder", "2027-01-01")}}
    monkeypatch.setattr(modul, "brugte_parametre", lambda *a, **k: laest)
    assert forbehold(system, None, 2026).empty
    assert forbehold(system, None, 2026, maaneds_numre=[1, 2]).empty
    assert list(forbehold(system, None, 2027)["gaelder_fra"]) == ["2027-01-01"]
    laest["voksenlaerling"] = {("voksenlaerling.ansoegningsfrist_maaneder", "2026-12-31")}
    assert len(forbehold(system_2026, None, 2026)) == 1
    assert forbehold(system_2026, None, 2026, maaneds_numre=[1, 2]).empty


def test_2026_koersel_naevner_ingen_vaerdi_fra_2027(tmp_path):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer", "5000", "--aar", "2026", "--ud", str(ud)]) == 0
    csv = pandas.read_csv(ud / "forbehold.csv")
    assert len(csv) > 0 and (csv["gaelder_fra"] <= "2026-12-31").all()
    data = json.loads((ud / "sammenligning.json").read_text(encoding="utf-8"))
    assert all(r["gaelder_fra"] <= "2026-12-31" for r in data["aar"][0]["forbehold"])
    assert "2027-01-01" not in (ud / "sammenligning.txt").read_text(encoding="utf-8")
