"""Tilskudsberegneren i chromium: hver ordning, flere ansættelser, afslag, fejl ved feltet, delt link."""

import re

import pytest
from hjaelp import felter, kr_tekst, maaneder, situation, specs, spoerg, svar, vent

from openfisca_dk_jobcenter import CountryTaxBenefitSystem

FRA, ANTAL = "2026-01", 8


@pytest.fixture(scope="module")
def register(server):
    return server.hent("/webside/ordninger.json")


def aabn(side, server, sti="/beregner"):
    side.goto(server.url + sti, wait_until="domcontentloaded")
    side.wait_for_selector("#beregner:not([hidden])")
    vent(side)


def saet_periode(side, fra=FRA):
    side.fill("#f-fra", fra)
    side.fill("#f-antal", str(ANTAL))
    vent(side)


def vist(side, aid):
    """De beløb, siden viser for ansættelsen: {måned: tekst}."""
    celler = side.eval_on_selector_all(
        f'section[data-ansaettelse="{aid}"] td[data-maaned]', "els => els.map(e => [e.dataset.maaned, e.textContent])"
    )
    return dict(celler)


def beregn_som_siden(side, server, register, fra=FRA):
    """Den samme sag som formularen, bygget i Python og sendt direkte til /calculate."""
    perioder = maaneder(fra, ANTAL)
    sag = situation(felter(side), specs(register), perioder)
    ansaettelser = side.eval_on_selector_all(
        "select[id$='-ordning']", "els => els.map(e => [e.id.slice(2, -'-ordning'.length), e.value])"
    )
    for aid, noegle in ansaettelser:
        o = next(x for x in register["ordninger"] if x["noegle"] == noegle)
        sag["personer"].setdefault(aid, {})
        spoerg(sag, o["tilskud_entitet"], aid, o["tilskud"], perioder)
    spoerg(sag, "virksomhed", None, register["i_alt"], perioder)
    return sag, server.beregn(sag), perioder, ansaettelser


# Felter, testen selv skriver (ud over formularens eksempelværdier) for hver ordning.
UDFYLD = {
    "voksenlaerling": {"voksenlaerling_aftale_start": "2026-02-16", "voksenlaerling_praktiktimer": "120"},
    "loentilskud": {"loentilskud_start": "2026-02-01", "loentilskud_timer": "130,5"},
    # Jobrotation er afskaffet ved lov nr. 1750/2025: et vikariat, der begyndte i 2025.
    "jobrotation": {"jobrotation_vikariat_start": "2025-09-01", "jobrotation_vikartimer": "100"},
    "virksomhedspraktik": {"virksomhedspraktik_uger": "4"},
    "opkvalificering": {"opkvalificering_kursus_start": "2026-03-10", "opkvalificering_kursusudgift": "18500"},
    "uddannelse_med_loentilskud": {"loentilskud_start": "2026-02-01", "loentilskud_timer": "110"},
}

FRA_FOR = {"jobrotation": "2025-09"}


def test_registret_har_alle_seks_ordninger(register):
    noegler = {o["noegle"] for o in register["ordninger"]}
    assert set(UDFYLD) <= noegler, noegler


@pytest.mark.parametrize("noegle", list(UDFYLD))
def test_hver_ordning_viser_det_som_calculate_svarer(side, server, register, noegle):
    fra = FRA_FOR.get(noegle, FRA)
    aabn(side, server)
    saet_periode(side, fra)
    side.select_option("#f-a1-ordning", noegle)
    vent(side)
    side.fill("#f-a1-foedselsdato", "1984-05-17")
    side.select_option("#f-a1-maalgruppe", "dagpengemodtager")
    side.fill("#f-a1-forudgaaende_ledighed_maaneder", "8")
    for navn, vaerdi in UDFYLD[noegle].items():
        side.fill(f"[data-sti$='/{navn}']", vaerdi)
    vent(side)
    sag, resultat, perioder, ansaettelser = beregn_som_siden(side, server, register, fra)
    assert ansaettelser == [["a1", noegle]]
    o = next(x for x in register["ordninger"] if x["noegle"] == noegle)
    forventet = svar(resultat, o["tilskud_entitet"], "a1", o["tilskud"])
    assert vist(side, "a1") == {m: kr_tekst(forventet[m]) for m in perioder}
    assert side.text_content('[data-total="a1"]') == kr_tekst(sum(forventet.values()))
    i_alt = resultat["virksomheder"]["v"][register["i_alt"]]
    # Én ansættelse: arbejdsgiverens total gentager ikke tabellen, medmindre den er en anden.
    if all(abs(i_alt[m] - forventet[m]) < 0.005 for m in perioder):
        assert side.locator("#arbejdsgiver").count() == 0
    else:
        assert side.text_content('[data-total="arbejdsgiver"]') == kr_tekst(sum(i_alt.values()))
    # Hver måned med et beløb viser sit regnestykke, der ender i månedens beløb.
    for m in perioder:
        if forventet[m] > 0:
            linje = side.text_content(f'section[data-ansaettelse="a1"] td[data-regnestykke="{m}"]')
            assert kr_tekst(forventet[m]) in linje, (m, linje)
            # En sats (kr. pr. time) står med den parameter, den kommer fra, og værdiens kildegrad.
            sats = (o.get("regnestykke") or {}).get("satsvalg")
            if sats:
                kilde = side.locator(f'section[data-ansaettelse="a1"] td[data-regnestykke="{m}"] [data-parameter]')
                assert kilde.get_attribute("data-parameter") in {v["parameter"] for v in sats}, (noegle, m)
                assert kilde.locator("[data-kildegrad]").count() == 1
    if noegle != "virksomhedspraktik":  # praktik giver hverken udgift eller tilskud
        assert sum(forventet.values()) > 0, f"{noegle}: eksemplet skulle give tilskud: {sag}"


def test_flere_ansaettelser_giver_arbejdsgiverens_total(side, server, register):
    aabn(side, server)
    saet_periode(side)
    side.click("#tilfoej")
    side.select_option("#f-a2-ordning", "loentilskud")
    side.fill("#f-a2-loentilskud_timer", "100")
    vent(side)
    _, resultat, perioder, ansaettelser = beregn_som_siden(side, server, register)
    assert [n for _, n in ansaettelser] == ["voksenlaerling", "loentilskud"]
    i_alt = resultat["virksomheder"]["v"][register["i_alt"]]
    hver = [resultat["personer"]["a1"]["voksenlaerling_tilskud"], resultat["personer"]["a2"]["loentilskud"]]
    assert all(sum(h.values()) > 0 for h in hver)
    assert side.text_content('[data-total="arbejdsgiver"]') == kr_tekst(sum(i_alt.values()))
    assert abs(sum(i_alt.values()) - sum(sum(h.values()) for h in hver)) < 0.05
    # Sagen står i URL'en: en anden, der åbner linket, ser det samme.
    link = side.url
    assert "a2=loentilskud" in link
    anden = side.context.new_page()
    try:
        anden.set_default_timeout(60000)
        anden.goto(link, wait_until="domcontentloaded")
        anden.wait_for_selector("#beregner:not([hidden])")
        vent(anden)
        assert anden.text_content('[data-total="arbejdsgiver"]') == kr_tekst(sum(i_alt.values()))
        assert anden.input_value("#f-a2-loentilskud_timer") == "100"
    finally:
        anden.close()


def test_afslag_med_paragraf_og_kilde(side, server, register):
    aabn(side, server)
    saet_periode(side)
    side.fill("#f-a1-foedselsdato", "2004-06-01")  # 21 år ved aftalens start
    vent(side)
    variabel = server.hent("/variable/voksenlaerling_afslagsgrund")
    grund = variabel["possibleValues"]["under_minimumsalder"]
    boks = side.locator(".afslag").first
    assert grund in boks.text_content()
    assert "§" in boks.text_content()
    # Hver kilde er et link i listen over afslagsgrundenes kilder (paragraffens side står også ved
    # betingelserne, så den kan være der flere gange i boksen).
    kilder = boks.locator("details.alle-betingelser ul.kilder").last
    for reference in variabel["references"]:
        assert reference.startswith("http"), reference
        assert kilder.locator(f'a[href="{reference}"]').count() == 1
    # Først den afgørende betingelse med sin egen paragraf (LAB § 155) og rene ord ...
    alderskrav = server.hent("/variable/voksenlaerling_opfylder_alderskrav")
    afgoerende = boks.locator('p[data-afgoerende="voksenlaerling_opfylder_alderskrav"]')
    afgoerende.wait_for()
    assert f"{alderskrav['description']}: Nej" in afgoerende.text_content()
    assert "LAB § 155" in afgoerende.text_content()
    assert "kap. 23" not in afgoerende.text_content() and "§§" not in afgoerende.text_content()
    # ... derefter alle betingelser, foldet sammen (fra /trace og /variable)
    betingelse = boks.locator('details li[data-betingelse="voksenlaerling_opfylder_alderskrav"]')
    betingelse.wait_for(state="attached")
    assert not betingelse.is_visible()
    assert betingelse.text_content().startswith(f"{alderskrav['description']}: Nej")
    assert "LAB § 155" in betingelse.text_content()
    # Forsøget 2020-21 gælder ikke i 2026, og den del af måneden, der er i tilskudsperioden, er ingen betingelse.
    skjulte = ["voksenlaerling_faglaert_foraeldet_fra_beskaeftigelse_omfattet", "voksenlaerling_andel_af_maaneden"]
    for navn in skjulte:
        assert boks.locator(f'li[data-betingelse="{navn}"]').count() == 0, navn
    # Parameteren bag afslaget, fra /trace (en lang liste er foldet sammen: åbn den med tastaturet)
    parameter = boks.locator('a[href="/regler#parameter/voksenlaerling.minimumsalder"]')
    parameter.wait_for(state="attached")
    if not parameter.is_visible():
        boks.locator("summary").focus()
        side.keyboard.press("Enter")
    parameter.wait_for()
    # med værdiens kildegrad fra parameterens YAML
    grad = parameter.locator("xpath=..").locator("[data-kildegrad]")
    grad.wait_for()
    dato = grad.get_attribute("data-dato")
    vaerdier = CountryTaxBenefitSystem().parameters.voksenlaerling.minimumsalder.values_list
    vaerdi = next(v for v in vaerdier if v.instant_str == dato)
    assert grad.get_attribute("data-kildegrad") == vaerdi.metadata["kildegrad"]
    # Linket til reglen nævner reglen og fører til den i regeloversigten
    link = boks.locator("a.til-reglen")
    assert alderskrav["description"] in link.text_content()
    assert "Første betingelse" not in boks.locator("p.afgoerende").text_content()
    link.click()
    side.wait_for_url("**/regler#variabel/voksenlaerling_opfylder_alderskrav")
    side.locator("#hjemmel").wait_for()
    assert "155" in side.text_content("#hjemmel")


def test_forkert_input_vises_ved_feltet(side, server, register):
    aabn(side, server)
    saet_periode(side)
    side.fill("#f-a1-voksenlaerling_praktiktimer", "mange")
    vent(side)
    perioder = maaneder(FRA, ANTAL)
    sag = situation(felter(side), specs(register), perioder)
    status, fejl = server.kald("POST", "/calculate", sag)
    assert status == 400
    besked = next(iter(fejl["personer"]["a1"]["voksenlaerling_praktiktimer"].values()))
    # API'ets besked med feltets danske etiket i stedet for variablens interne navn
    etiket = side.text_content('label[for="f-a1-voksenlaerling_praktiktimer"]').strip()
    vist_besked = side.text_content("#e-a1-voksenlaerling_praktiktimer")
    assert vist_besked == besked.replace("'voksenlaerling_praktiktimer'", f'"{etiket}"')
    assert "voksenlaerling_praktiktimer" not in vist_besked
    assert side.get_attribute("#f-a1-voksenlaerling_praktiktimer", "aria-invalid") == "true"
    assert "e-a1-voksenlaerling_praktiktimer" in side.get_attribute("#f-a1-voksenlaerling_praktiktimer", "aria-describedby")
    # Rettes feltet, forsvinder fejlen, og svaret kommer igen.
    side.fill("#f-a1-voksenlaerling_praktiktimer", "150")
    vent(side)
    assert side.is_hidden("#e-a1-voksenlaerling_praktiktimer")
    assert re.fullmatch(r"[\d.]+,\d\d kr\.", side.text_content('[data-total="a1"]'))
