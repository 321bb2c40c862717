"""Analytikerens værktøj (issue 23): `dk-jobcenter parametre`, en forkert sti i en reformfil,
stablede reformer, der sætter samme parameter, reformer som liste, sand/falsk som 1/0,
`--variant` for sand/falsk- og kategoriparametre, en ukendt kategori i en personfil og rækkefølgen
af `sammenlign`'s udskrift."""

import warnings

import pandas
import pytest

from openfisca_dk_jobcenter.analyse import Mikrosimulering
from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.analyse.parametre import find_parametre
from openfisca_dk_jobcenter.analyse.reformvalg import StabelAdvarsel, grundlag, reform, varianter
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl

SATS = "voksenlaerling.timesats.fra_ledighed"


def sats(system, dato):
    return system.parameters(dato).voksenlaerling.timesats.fra_ledighed


@pytest.fixture(scope="module")
def g():
    return grundlag()


# --- dk-jobcenter parametre -------------------------------------------------------------------


def test_parametre_med_soegeord_giver_vaerdi_enhed_og_kildegrad(capsys):
    assert main(["parametre", "timesats", "--aar", "2026"]) == 0
    ud = capsys.readouterr().out
    linje = next(linje for linje in ud.splitlines() if linje.startswith(SATS + " "))
    # LAB § 159, stk. 2: 45 kr. pr. time; 2026-værdien er sekundær (Cabi), docs/kilder.md
    assert linje.split() == [SATS, "45", "kr.", "sekundaer"]
    assert "loentilskud.privat.timesats" in ud
    assert "værdien 1. januar 2026" in ud
    assert "jobrotation.ydelse_per_time" not in ud


def test_parametre_vaerdien_1_januar_i_aaret(g):
    # 2018: 40 kr. fra ledighed (STAR 2018, verificeret); 2015: 40 kr.; 2020: 45 kr. (LAB § 159, stk. 2)
    aar_vaerdi = {aar: next(r for r in find_parametre(g.parameters, "timesats", aar) if r["sti"] == SATS)
                  for aar in (2018, 2020)}
    assert (aar_vaerdi[2018]["vaerdi"], aar_vaerdi[2018]["kildegrad"]) == (40, "verificeret")
    assert aar_vaerdi[2020]["vaerdi"] == 45


def test_parametre_soeger_i_beskrivelse_og_kilde_og_med_aeoeaa(g):
    stier = {r["sti"] for r in find_parametre(g.parameters, "lærling", 2026)}
    assert SATS in stier and "voksenlaerling.minimumsalder" in stier
    # "praktiktimer" står kun i beskrivelsen, ikke i stien
    i_beskrivelse = {r["sti"] for r in find_parametre(g.parameters, "praktikperioderne", 2026)}
    assert SATS in i_beskrivelse
    # kilden: elov.dk's side for LAB § 189 (satsreguleringen af jobrotationsydelsen)
    assert "jobrotation.ydelse_per_time" in {r["sti"] for r in find_parametre(g.parameters, "paragraf/189", 2026)}


def test_parametre_sand_falsk_og_kategori(g):
    raekker = {r["sti"]: r for r in find_parametre(g.parameters, None, 2026)}
    assert raekker["jobrotation.medarbejder.hoejeste_uddannelse"]["enhed"] == "kategori"
    assert raekker["jobrotation.afskaffelse.nye_forloeb_kan_bevilges"]["enhed"] == "ja/nej"
    assert len(raekker) == sum(1 for _ in alle_parametre(g.parameters))


def test_parametre_uden_fund_og_forkert_aar(capsys):
    assert main(["parametre", "findes_ikke_xyz"]) == 1
    assert "Ingen parametre med 'findes_ikke_xyz'" in capsys.readouterr().out
    assert main(["parametre", "--aar", "20x6"]) == 2
    assert "--aar '20x6'" in capsys.readouterr().err


def test_parametre_foer_reglerne_viser_en_streg(g):
    raekke = next(r for r in find_parametre(g.parameters, "ydelse_per_time", 1990))
    assert (raekke["vaerdi"], raekke["kildegrad"]) == (None, "–")


# --- en forkert sti i en reformfil --------------------------------------------------------------


@pytest.mark.parametrize("sti, stopper, gyldige, naermeste", [
    ("voksenlaerling.timesats.fra_ledigehd", "voksenlaerling.timesats",
     "fra_beskaeftigelse, fra_ledighed, ufaglaert_kort_ledighed", SATS),
    ("voksenlarling.minimumsalder", "parameters", "faelles, jobrotation, loentilskud", "voksenlaerling.minimumsalder"),
])
def test_forkert_sti_naevner_gyldige_boern_og_naermeste_sti(g, sti, stopper, gyldige, naermeste):
    with pytest.raises(ReformFejl) as fejl:
        reform(g, {"navn": "x", "parametre": {sti: {"2026-01-01": 60}}})
    besked = str(fejl.value)
    assert f"gyldige under '{stopper}': {gyldige}" in besked
    assert besked.endswith(f"mente du '{naermeste}'?")


def test_en_gruppe_i_stedet_for_en_parameter_naevner_boernene(tmp_path, capsys):
    fil = tmp_path / "gruppe.yaml"
    fil.write_text("navn: x\nparametre:\n  voksenlaerling.timesats:\n    2026-01-01: 60\n", encoding="utf-8")
    assert main(["sammenlign", "--reform", str(fil), "--personer", "100", "--ud", str(tmp_path / "ud")]) == 2
    fejl = capsys.readouterr().err
    assert "er en gruppe af parametre" in fejl and "fra_beskaeftigelse, fra_ledighed" in fejl


# --- stablede reformer ----------------------------------------------------------------------------

A = {"navn": "A", "parametre": {SATS: {"2026-01-01": 60}}}
B = {"navn": "B", "parametre": {SATS: {"2026-07-01": 50}}}
C = {"navn": "C", "parametre": {"voksenlaerling.timesats.fra_beskaeftigelse": {"2026-01-01": 40}}}


def test_to_reformer_der_saetter_samme_parameter_advarer_og_siger_hvem_der_vinder(g):
    with pytest.warns(StabelAdvarsel) as advarsler:
        system = reform(g, [A, B])
    (advarsel,) = advarsler
    assert str(advarsel.message).startswith(f"'A' og 'B' sætter begge {SATS}; 'B' vinder")
    assert "2026-07-01" in str(advarsel.message)
    assert system.name == "A + B"
    # A gælder, til B's dato; derefter B
    assert (sats(system, "2026-03-01"), sats(system, "2026-08-01")) == (60, 50)
    with pytest.warns(StabelAdvarsel, match="'A' vinder"):
        omvendt = reform(g, [B, A])
    assert sats(omvendt, "2026-08-01") == 60


def test_reformer_paa_hver_sin_parameter_advarer_ikke(g):
    with warnings.catch_warnings():
        warnings.simplefilter("error", StabelAdvarsel)
        system = reform(g, [A, C])
    assert (sats(system, "2026-03-01"), system.parameters("2026-03-01").voksenlaerling.timesats.fra_beskaeftigelse) == (60, 40)


def test_yaml_filer_stablet_med_plus_advarer_paa_stderr(tmp_path, capsys):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(f"navn: Sats 60\nparametre:\n  {SATS}:\n    2026-01-01: 60\n", encoding="utf-8")
    b.write_text(f"navn: Sats 50\nparametre:\n  {SATS}:\n    2026-01-01: 50\n", encoding="utf-8")
    assert main(["sammenlign", "--reform", f"{a}+{b}", "--personer", "300", "--ud", str(tmp_path / "ud")]) == 0
    fejl = capsys.readouterr().err
    assert f"dk-jobcenter: advarsel: 'Sats 60' og 'Sats 50' sætter begge {SATS}; 'Sats 50' vinder" in fejl


def test_mikrosimulering_stabler_en_liste_som_plus(g):
    fra_liste = Mikrosimulering(reform=[A, C], personer=300)
    assert fra_liste.system.name == "A + C"
    assert sats(fra_liste.system, "2026-03-01") == 60
    assert fra_liste.system.parameters("2026-03-01").voksenlaerling.timesats.fra_beskaeftigelse == 40
    tilskud = fra_liste.beregn("voksenlaerling_tilskud", "2026-03")
    enkelt = Mikrosimulering(reform=A, personer=300).beregn("voksenlaerling_tilskud", "2026-03")
    assert tilskud.sum() >= enkelt.sum()


# --- sand/falsk: true/false og 1/0 -----------------------------------------------------------------

AFSKAFFELSE = "jobrotation.afskaffelse.nye_forloeb_kan_bevilges"


@pytest.mark.parametrize("vaerdi, forventet", [(1, True), (0, False), (True, True), (False, False)])
def test_sand_falsk_parameter_tager_true_false_og_1_0(g, vaerdi, forventet):
    system = reform(g, {"navn": "x", "parametre": {AFSKAFFELSE: {"2026-01-01": vaerdi}}})
    assert bool(system.parameters("2026-03-01").jobrotation.afskaffelse.nye_forloeb_kan_bevilges) is forventet
    # gemt som sand/falsk, som parameterens egne værdier (ikke som tallet 1.0)
    (ny,) = [v for v in system.parameters.jobrotation.afskaffelse.nye_forloeb_kan_bevilges.values_list
             if v.instant_str == "2026-01-01"]
    assert ny.value is forventet


@pytest.mark.parametrize("vaerdi", [2, 0.5, -1])
def test_sand_falsk_parameter_afviser_andre_tal(g, vaerdi):
    with pytest.raises(ReformFejl, match="true eller false"):
        reform(g, {"navn": "x", "parametre": {AFSKAFFELSE: {"2026-01-01": vaerdi}}})


def test_reformfil_med_1_og_0_til_sand_falsk(tmp_path, g):
    fil = tmp_path / "r.yaml"
    fil.write_text(f"navn: x\nparametre:\n  {AFSKAFFELSE}:\n    2026-01-01: 0\n    2027-01-01: 1\n", encoding="utf-8")
    system = reform(g, str(fil))
    afskaffelse = system.parameters
    assert afskaffelse("2026-03-01").jobrotation.afskaffelse.nye_forloeb_kan_bevilges == 0
    assert bool(afskaffelse("2027-03-01").jobrotation.afskaffelse.nye_forloeb_kan_bevilges) is True


# --- --variant for sand/falsk og kategorier ---------------------------------------------------------


def test_variant_sand_falsk(g):
    vs = varianter(g, f"{AFSKAFFELSE}=true,0", 2026)
    assert [(n, v) for n, _, v in vs] == [(f"{AFSKAFFELSE}=true", True), (f"{AFSKAFFELSE}=0", False)]
    assert [bool(s.parameters("2026-03-01").jobrotation.afskaffelse.nye_forloeb_kan_bevilges) for _, s, _ in vs] == [True, False]


def test_variant_kategori_og_forkert_kategori(g):
    sti = "jobrotation.medarbejder.hoejeste_uddannelse"
    vs = varianter(g, f"{sti}=erhvervsuddannelse,lang_videregaaende", 2026)
    assert [s.parameters("2026-03-01").jobrotation.medarbejder.hoejeste_uddannelse for _, s, _ in vs] == [
        "erhvervsuddannelse", "lang_videregaaende"]
    with pytest.raises(ReformFejl, match="'eud' er ikke en af grundskole, gymnasial, erhvervsuddannelse"):
        varianter(g, f"{sti}=eud", 2026)


def test_variant_sand_falsk_i_kommandoen(tmp_path, capsys):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--variant", f"{AFSKAFFELSE}=true,false", "--personer", "300", "--ud", str(ud)]) == 0
    tekst = capsys.readouterr().out
    assert f"Variant: {AFSKAFFELSE}" in tekst
    tabel = pandas.read_csv(ud / "sammenligning.csv")
    assert {f"{AFSKAFFELSE}=true", f"{AFSKAFFELSE}=false"} <= set(tabel["reform"])
    assert (ud / "variantkurve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- en ukendt kategori i en personfil --------------------------------------------------------------


def test_ukendt_kategori_i_personfil_naevner_linjen_kolonnen_og_de_gyldige(tmp_path, capsys):
    fil = tmp_path / "personer.csv"
    fil.write_text("person_id,virksomhed_id,foedselsdato,hoejeste_uddannelse\n"
                   "ana,v1,1990-01-01,grundskole\n"
                   "bo,v1,1980-01-01,eud\n", encoding="utf-8")
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--personer-fil", str(fil), "--ud", str(ud)]) == 2
    fejl = capsys.readouterr().err
    assert fejl.startswith(f"dk-jobcenter: fejl: {fil}: række 3, kolonne 'hoejeste_uddannelse': ukendt værdi")
    assert "erhvervsuddannelse, grundskole, gymnasial, kort_videregaaende, lang_videregaaende, mellemlang_videregaaende" in fejl
    assert "('eud')" in fejl and "Traceback" not in fejl and "KeyError" not in fejl
    assert not ud.exists()


def test_ukendt_kategori_i_personfil_fra_python_er_en_befolkningsfejl(tmp_path):
    from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

    fil = tmp_path / "personer.csv"
    fil.write_text("person_id;virksomhed_id;maalgruppe@2026-03\nana;v1;dagpenge\n", encoding="utf-8")
    with pytest.raises(BefolkningsFejl, match=r"række 2, kolonne 'maalgruppe@2026-03': ukendt værdi; tilladt: .*dagpengemodtager"):
        Mikrosimulering(befolkning=str(fil))


# --- sammenlign: resultaterne til sidst, forbeholdene kort -----------------------------------------


def test_resultaterne_til_sidst_og_forbeholdene_kort(tmp_path, capsys):
    ud = tmp_path / "ud"
    assert main(["sammenlign", "--reform", "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml",
                 "--personer", "2000", "--ud", str(ud)]) == 0
    skaerm = capsys.readouterr().out
    forbehold = pandas.read_csv(ud / "forbehold.csv")
    assert len(forbehold) > 10
    # kort: antallet og henvisningen til forbehold.csv, ikke hver parameter
    assert f"Forbehold: {len(forbehold)} brugte parameterværdier er ikke verificeret" in skaerm
    assert f"{ud}/forbehold.csv" in skaerm
    assert forbehold["parameter"].iloc[0] not in skaerm
    # resultaterne står sidst: tabellens "I alt" efter forbeholdene og listen over filer
    assert skaerm.index("Forbehold:") < skaerm.index("Skrevet i") < skaerm.rindex("I alt")
    assert skaerm.rstrip().endswith("s)")
    # filen har hele listen
    tekst = (ud / "sammenligning.txt").read_text(encoding="utf-8")
    assert all(p in tekst for p in forbehold["parameter"])
