"""Beregneren forklarer sig i chromium: regnestykket med paragraf og kildegrad, de måneder, der
bygger på antagne værdier, datoer på dansk i en engelsk browser, og udskriften (A4)."""

import datetime

import pytest
from hjaelp import kr_tekst, maaneder, vent

from openfisca_dk_jobcenter import CountryTaxBenefitSystem

MAANEDER = "januar februar marts april maj juni juli august september oktober november december".split()
# Standardsagen (marts 2026 – februar 2027) med en lærling fra ledighed: 45 kr. pr. praktiktime
# (LAB § 159, stk. 2) × 160 timer.
SAG = "/beregner?fra=2026-03&antal=12&a1=voksenlaerling&a1.foedselsdato=1984-05-17&a1.voksenlaerling_kommer_fra_ledighed=1"
PERIODER = maaneder("2026-03", 12)


@pytest.fixture(scope="module")
def tbs():
    return CountryTaxBenefitSystem()


def aabn(side, server, sti):
    side.goto(server.url + sti, wait_until="domcontentloaded")
    side.wait_for_selector("#beregner:not([hidden])")
    vent(side)


def beregnet(server, navne):
    """/calculate for standardsagen (som siden bygger den) med variablerne `navne` pr. måned."""
    person = {
        "foedselsdato": {"ETERNITY": "1984-05-17"},
        "voksenlaerling_aftale_start": {"ETERNITY": "2026-03-01"},
        "voksenlaerling_kommer_fra_ledighed": {m: True for m in PERIODER},
        "voksenlaerling_praktiktimer": {m: 160 for m in PERIODER},
        "maalgruppe": {m: "dagpengemodtager" for m in PERIODER},
        "forudgaaende_ledighed_maaneder": {m: 7 for m in PERIODER},
    }
    for navn in navne:
        person.setdefault(navn, {m: None for m in PERIODER})
    svar = server.beregn({"personer": {"a1": person}, "virksomheder": {"v": {"ansatte": ["a1"]}}})
    return svar["personer"]["a1"]


def vaerdi_i_kraft(parameter, dato):
    return [v for v in parameter.values_list if v.instant_str <= dato][0]  # values_list: nyeste først


def test_regnestykket_med_paragraf_og_kildegrad(side, server, tbs):
    aabn(side, server, SAG)
    tal = beregnet(server, ["voksenlaerling_tilskud", "voksenlaerling_timesats"])
    sats = tbs.parameters.voksenlaerling.timesats.fra_ledighed
    reference = server.hent("/parameter/voksenlaerling.timesats.fra_ledighed")["metadata"]["reference"][0]
    for m in PERIODER:
        assert tal["voksenlaerling_timesats"][m] == 45
        celle = side.locator(f'td[data-regnestykke="{m}"]')
        # "45,00 kr. × 160 praktiktimer = 7.200,00 kr.": satsen og timerne fra /calculate, LAB § 159, stk. 2
        assert celle.locator(".linje").text_content() == f"{kr_tekst(45)} × 160 praktiktimer = {kr_tekst(tal['voksenlaerling_tilskud'][m])}"
        assert tal["voksenlaerling_tilskud"][m] == 45 * 160
        kilde = celle.locator('[data-parameter="voksenlaerling.timesats.fra_ledighed"]')
        paragraf = kilde.locator("a.paragraf")
        assert paragraf.text_content() == "LAB § 159, stk. 2"
        assert paragraf.get_attribute("href") == reference["href"]
        grad = kilde.locator("[data-kildegrad]")
        forventet = vaerdi_i_kraft(sats, f"{m}-01").metadata["kildegrad"]
        assert grad.get_attribute("data-kildegrad") == forventet, m
    assert side.text_content('[data-total="a1"]') == kr_tekst(12 * 7200)


def test_maaneder_paa_antagne_vaerdier_er_markeret_paa_maaneden_og_i_totalen(side, server, tbs):
    aabn(side, server, SAG)
    sats = tbs.parameters.voksenlaerling.timesats.fra_ledighed
    # De måneder, hvor satsen i kraft er antaget (2027: den nye hovedlov ventes 1. januar 2027; 2026 føres videre)
    antagne = [m for m in PERIODER if vaerdi_i_kraft(sats, f"{m}-01").metadata["kildegrad"] == "antaget"]
    assert antagne == ["2027-01", "2027-02"]
    markerede = side.eval_on_selector_all('section[data-ansaettelse="a1"] tbody tr[data-antaget]', "rs => rs.map(r => r.querySelector('td[data-maaned]').dataset.maaned)")
    assert markerede == antagne
    for m in antagne:
        assert "antaget" in side.text_content(f'td[data-regnestykke="{m}"]').lower()
    total = side.text_content('[data-antaget-total="a1"]')
    assert f"Heraf {kr_tekst(2 * 7200)} i 2 måneder (januar 2027 – februar 2027)" in total
    # Forklaringen er værdiens egen kilde fra parameteren (docs/kilder.md)
    note = side.text_content('li[data-antaget-parameter~="voksenlaerling.timesats.fra_ledighed"]')
    kilde = server.hent("/parameter/voksenlaerling.timesats.fra_ledighed")["vaerdikilder"]["2027-01-01"]
    assert "1. januar 2027" in note and kilde in note


def test_datoer_og_maaneder_paa_dansk_i_en_engelsk_browser(engelsk_side, server):
    side = engelsk_side
    assert side.evaluate("navigator.language") == "en-US"
    aabn(side, server, SAG)
    assert side.locator("input[type=date], input[type=month]").count() == 0
    assert side.input_value("#f-fra") == "marts 2026"
    assert side.input_value("#f-a1-foedselsdato") == "17-05-1984"
    assert side.input_value("#f-a1-voksenlaerling_aftale_start") == "01-03-2026"
    assert "Beregnet for marts 2026 – februar 2027." == side.text_content("#resultat-status")
    # Dansk skrevet dato og måned: adressen får ÅÅÅÅ-MM(-DD), feltet viser dansk, når det forlades.
    side.fill("#f-a1-voksenlaerling_aftale_start", "1.4.2026")
    side.fill("#f-fra", "april 2026")
    side.press("#f-fra", "Tab")
    vent(side)
    assert "a1.voksenlaerling_aftale_start=2026-04-01" in side.url and "fra=2026-04" in side.url
    assert side.input_value("#f-a1-voksenlaerling_aftale_start") == "01-04-2026"
    assert side.input_value("#f-fra") == "april 2026"
    assert side.text_content("#resultat-status") == "Beregnet for april 2026 – marts 2027."
    # En dato, der ikke findes: en dansk besked ved feltet, og siden er ikke optaget.
    side.fill("#f-a1-foedselsdato", "31-02-1984")
    vent(side)
    assert side.text_content("#e-a1-foedselsdato") == "Datoen findes ikke. Skriv datoen som dd-mm-åååå, fx 17-05-1984."
    side.fill("#f-a1-foedselsdato", "maj 1984")
    vent(side)
    assert side.text_content("#e-a1-foedselsdato") == "Skriv datoen som dd-mm-åååå, fx 17-05-1984."
    assert side.get_attribute("#f-a1-foedselsdato", "aria-invalid") == "true"
    assert side.locator("#resultater section").count() == 0


@pytest.mark.parametrize("fra", ["foo", "tom"])
def test_en_forkert_eller_tom_foerste_maaned_giver_en_dansk_besked(side, server, fra):
    side.goto(f"{server.url}/beregner?fra={fra}&antal=12", wait_until="domcontentloaded")
    side.wait_for_selector("#beregner:not([hidden])")
    vent(side)
    if fra == "tom":  # feltet ryddes af brugeren
        side.fill("#f-fra", "")
        vent(side)
    assert side.is_visible("#e-fra")
    assert "Skriv en måned" in side.text_content("#e-fra")
    assert side.text_content("#resultat-status").startswith("Ingen beregning")
    # Rettes feltet, regnes der igen.
    side.fill("#f-fra", "03-2026")
    vent(side)
    assert side.is_hidden("#e-fra")
    assert side.text_content("#resultat-status") == "Beregnet for marts 2026 – februar 2027."


def dansk_dato(d):
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


@pytest.mark.parametrize(("sti", "klar"), [(SAG, "#resultater section"), ("/budget", "#budgettabel tbody tr")])
def test_udskriften_har_dato_reglernes_udgave_og_sagens_link(side, server, sti, klar):
    side.goto(server.url + sti, wait_until="domcontentloaded")
    side.wait_for_selector(klar)
    vent(side)
    assert side.is_hidden("#udskrift")  # kun på papir
    side.emulate_media(media="print")
    try:
        tekst = side.text_content("#udskrift")
        assert side.is_visible("#udskrift")
        assert dansk_dato(datetime.date.today()) in tekst
        assert "Beregnet efter modellens udgave" in tekst
        assert side.get_attribute("#udskrift a[data-sagen]", "href") == side.url
        for skjult in ("header.top", "footer.bund", "#del-link", "nav"):
            assert side.is_hidden(skjult), skjult
        assert side.eval_on_selector_all("main button", "bs => bs.filter(b => b.checkVisibility()).length") == 0
        assert side.is_visible("#resultat")
        # A4: siden kan skrives ud som PDF i chromium
        pdf = side.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10000
    finally:
        side.emulate_media(media="screen")
