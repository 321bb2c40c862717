"""Jobrotationsbudgettet og regeloversigten i chromium."""

import datetime

import pytest
from hjaelp import felter, kr_tekst, maaneder, situation, specs, spoerg, vent

from openfisca_dk_jobcenter import CountryTaxBenefitSystem


@pytest.fixture(scope="module")
def budgetfelter(server):
    return server.hent("/webside/budget.json")


def tal_tekst(beloeb):
    """Budgettets celler: beløbet uden " kr." (tabellens overskrift siger kr.)."""
    return kr_tekst(beloeb).removesuffix(" kr.")


def test_budget_viser_det_som_calculate_svarer(side, server, budgetfelter):
    side.goto(server.url + "/budget", wait_until="domcontentloaded")
    side.wait_for_selector("#budget:not([hidden])")
    vent(side)
    side.fill("#f-fra", "2025-11")
    side.fill("#f-antal", "4")
    side.click("#tilfoej-vikar")
    side.fill("#f-vk2-jobrotation_vikartimer", "40")
    side.fill("#f-m1-jobrotation_uddannelsestimer", "160")
    side.fill("#f-vk2-til", "2025-12")  # vikar 2 kun i november og december
    vent(side)
    perioder = maaneder("2025-11", 4)
    sag = situation(felter(side), specs(budgetfelter), perioder)
    for navn in budgetfelter["perioderet"]:
        if navn in sag["personer"]["vk2"]:
            sag["personer"]["vk2"][navn].update({"2026-01": 0, "2026-02": 0})
    assert "vk2.til=2025-12" in side.url
    for k in budgetfelter["kolonner"]:
        spoerg(sag, "virksomhed", None, k["navn"], perioder)
    resultat = server.beregn(sag)["virksomheder"]["v"]
    for k in budgetfelter["kolonner"]:
        for m in perioder:
            celle = side.text_content(f'td[data-variabel="{k["navn"]}"][data-maaned="{m}"]')
            assert celle == tal_tekst(resultat[k["navn"]][m]), (k["navn"], m)
        assert side.text_content(f'td[data-total="{k["navn"]}"]') == tal_tekst(sum(resultat[k["navn"]].values()))
    assert sum(resultat["jobrotationsydelse"].values()) > 0
    # Måneder, hvor ydelsen pr. time i kraft er antaget (docs/kilder.md), er markeret, med forklaringen.
    sats = CountryTaxBenefitSystem().parameters.jobrotation.ydelse_per_time
    markerede = side.eval_on_selector_all("#budgettabel tbody tr[data-antaget] td[data-maaned]", "ts => [...new Set(ts.map(t => t.dataset.maaned))]")
    for m in perioder:
        grad = next(v for v in sats.values_list if v.instant_str <= f"{m}-01").metadata["kildegrad"]
        if grad == "antaget":
            assert m in markerede, m
    if markerede:
        assert side.locator('#antagne li[data-antaget-parameter~="jobrotation.ydelse_per_time"]').count() == 1
    netto = sum(resultat["jobrotation_nettoudgift"].values())
    brutto = sum(resultat["jobrotation_bruttoudgift"].values())
    assert abs(netto - (brutto - sum(resultat["jobrotationsydelse"].values()))) < 0.05


def test_budgettet_begynder_i_indevaerende_maaned(side, server):
    """Et nyt budget lægges for det, der kommer: første måned er browserens indeværende måned."""
    side.goto(server.url + "/budget", wait_until="domcontentloaded")
    side.wait_for_selector("#budget:not([hidden])")
    vent(side)
    idag = datetime.date.today().strftime("%Y-%m")
    assert side.input_value("#f-fra") == maanedsnavn(idag)
    assert f"fra={idag}" in side.url
    assert side.get_attribute("#budgettabel tbody tr td[data-maaned]", "data-maaned") == idag


def nyt_forloeb(server, budgetfelter, maaned):
    """Modellens svar for et nyt, godkendt forløb, der begynder den 1. i måneden (som sidens spørgsmål)."""
    def eksempel(specs_, maal):
        for s in specs_:
            v = s["eksempel"]
            if s["type"] in ("tal", "heltal"):
                v = float(v)
            if v == "":
                continue
            maal[s["navn"]] = {"ETERNITY": v} if s["periode"] == "eternity" else {maaned: v}

    medarbejder, vikar, v = {}, {}, {"ansatte": ["medarbejder", "vikar"], budgetfelter["ydelse"]: {maaned: None}}
    eksempel(budgetfelter["medarbejder"], medarbejder)
    eksempel(budgetfelter["vikar"], vikar)
    eksempel(budgetfelter["projekt"], v)
    vikar["jobrotation_vikariat_start"] = {"ETERNITY": f"{maaned}-01"}
    svar = server.beregn({"personer": {"medarbejder": medarbejder, "vikar": vikar}, "virksomheder": {"v": v}})
    return svar["virksomheder"]["v"][budgetfelter["ydelse"]][maaned]


MAANEDER = "januar februar marts april maj juni juli august september oktober november december".split()


def maanedsnavn(m):
    aar, md = m.split("-")
    return f"{MAANEDER[int(md) - 1]} {aar}"


@pytest.mark.parametrize("maaned", ["2024-03", "2026-03", "2026-11"])
def test_budget_siger_tydeligt_om_ordningen_tager_nye_forloeb(side, server, budgetfelter, maaned):
    """Siden spørger modellen om et nyt forløb i budgettets første måned og i dag; lukket = 0 kr."""
    side.goto(f"{server.url}/budget?fra={maaned}&antal=3", wait_until="domcontentloaded")
    side.wait_for_selector("#budget:not([hidden])")
    vent(side)
    idag = datetime.date.today().strftime("%Y-%m")
    lukkede = [m for m in dict.fromkeys([maaned, idag]) if nyt_forloeb(server, budgetfelter, m) == 0]
    if not lukkede:
        assert side.is_hidden("#ordning-status")
        return
    side.wait_for_selector("#ordning-status:not([hidden])")
    # Én sætning nævner de lukkede måneder (budgettets første måned og/eller i dag) ...
    saetning = side.text_content("#ordning-status strong")
    assert saetning.startswith("Jobrotation tager ikke imod nye forløb, der begynder i ")
    for m in dict.fromkeys([maaned, idag]):
        assert (maanedsnavn(m) in saetning) == (m in lukkede), (m, saetning)
    # ... og hver grund står én gang (den ansattes og vikarens "afskaffet" er den samme grund).
    grunde = side.eval_on_selector_all("#ordning-status li", "ls => ls.map(l => l.textContent)")
    assert grunde and len(grunde) == len(set(g.split(".")[0] for g in grunde))
    assert sum("afskaffet" in g for g in grunde) <= 1


def test_regler_parameter_med_historik_kildegrad_trappe_og_ordninger(side, server):
    side.goto(server.url + "/regler", wait_until="domcontentloaded")
    side.wait_for_selector("#fundne li")
    side.fill("#soeg", "minimumsalder")
    links = side.locator("#fundne a")
    assert 1 <= links.count() < 10
    side.click('#fundne a[href="#parameter/voksenlaerling.minimumsalder"]')
    side.wait_for_selector("#historik")
    data = server.hent("/parameter/voksenlaerling.minimumsalder")
    assert side.locator("#historik tbody tr").count() == len(data["values"])
    # Kildegraden pr. værdi er den, parameterens YAML giver værdien (læst her af skattesystemet selv).
    tbs = CountryTaxBenefitSystem()
    for vaerdi in tbs.parameters.voksenlaerling.minimumsalder.values_list:
        grad = vaerdi.metadata.get("kildegrad")
        assert grad in ("verificeret", "sekundaer", "antaget"), vaerdi.instant_str
        celle = f'#historik tr[data-dato="{vaerdi.instant_str}"] td[data-kildegrad]'
        assert side.get_attribute(celle, "data-kildegrad") == grad
    assert side.locator("svg.trin path.linje").count() == 1
    side.wait_for_selector("#bruges-af")
    assert "Voksenlærling" in side.text_content("#bruges-af")
    # Voksenlærlingens timesats bruges kun af voksenlærlingen; løntilskud og opkvalificering læser
    # den kun gennem samspillet (de samme timer giver kun ét tilskud) og nævnes som det.
    side.click('#fundne a[href="#parameter/voksenlaerling.minimumsalder"]')  # (allerede åben)
    side.evaluate("location.hash = '#parameter/voksenlaerling.timesats.fra_ledighed'")
    side.wait_for_function("document.querySelector('#bruges-af') && document.querySelector('h2').textContent.includes('ledighed')")
    brugt = side.locator("#bruges-af li").all_text_contents()
    assert brugt == ["Voksenlærling"], brugt
    samspil = side.text_content("#laest-gennem-samspil")
    assert "Løntilskud (gennem Voksenlærling)" in samspil
    # Søgning på æøå finder navne skrevet med ae/oe/aa
    side.fill("#soeg", "voksenlærling")
    assert side.locator('#fundne a[href="#variabel/voksenlaerling_tilskud"]').count() == 1


def test_regler_viser_en_oversigt_foer_en_regel_er_valgt(side, server):
    side.goto(server.url + "/regler", wait_until="domcontentloaded")
    side.wait_for_selector("#oversigt li")
    oversigt = side.text_content("#detalje")
    assert "Vælg en parameter" in oversigt
    for navn in ("Voksenlærling", "Løntilskud", "Jobrotation"):
        assert navn in oversigt
    assert side.locator('#oversigt a[href="#parameter/voksenlaerling.timesats.fra_ledighed"]').count() == 1
    assert side.locator("#oversigt .kildegrad").count() >= 3


def test_regler_variabel_med_hjemmel_og_afhaengigheder(side, server):
    side.goto(server.url + "/regler#variabel/voksenlaerling_tilskud", wait_until="domcontentloaded")
    side.wait_for_selector("#hjemmel")
    data = server.hent("/variable/voksenlaerling_tilskud")
    assert data["description"] in side.text_content("#detalje h2")
    for reference in data["references"]:  # adresserne som links med læsbar tekst (LAB § 159 (elov.dk))
        assert side.locator(f'#hjemmel a[href="{reference}"]').count() == 1
    assert "LAB § 159 (elov.dk)" in side.text_content("#hjemmel")
    side.wait_for_selector("#afhaenger-af")
    afhaenger = side.text_content("#afhaenger-af")
    assert "voksenlaerling_timesats" in afhaenger and "voksenlaerling_praktiktimer" in afhaenger
    side.wait_for_selector("#brugt-af-ordninger")
    assert "Voksenlærling" in side.text_content("#brugt-af-ordninger")
    # Søg på en paragraf (kilderne hentes i baggrunden)
    side.fill("#soeg", "§ 155")
    side.wait_for_selector('#fundne a[href="#variabel/voksenlaerling_opfylder_alderskrav"]')


@pytest.mark.parametrize(
    ("side_sti", "data_sti", "hvad"),
    [("/beregner", "/webside/ordninger.json", "ordningerne"), ("/budget", "/webside/budget.json", "felterne")],
)
def test_siden_siger_det_naar_dens_data_ikke_kan_hentes(side, server, side_sti, data_sti, hvad):
    """Svarer serveren ikke med sidens felter, står det på siden i stedet for "Indlæser …"."""
    side.route(f"**{data_sti}", lambda route: route.fulfill(status=503, body="{}"))
    try:
        side.goto(server.url + side_sti, wait_until="domcontentloaded")
        side.locator("#indlaeser", has_text="Siden kunne ikke hente").wait_for(timeout=30000)  # CSP: ingen eval
        assert side.text_content("#indlaeser") == f"Siden kunne ikke hente {hvad}: {data_sti} svarede 503"
    finally:
        side.unroute(f"**{data_sti}")
