"""Tilgængelighed i chromium: etiketter og hjælpetekst, tastatur, kontrast (WCAG 2.1 AA), 390 px,
og skærmbilleder i 1280 og 390 px under resultater/skaermbilleder/."""

import pytest
from hjaelp import vent

SIDER = {
    "beregner": "/beregner?fra=2026-01&antal=6&a1=voksenlaerling&a1.foedselsdato=2004-06-01&a2=loentilskud",
    # En bevilling med regnestykke, kilde og kildegrad og to måneder på antagne værdier (2027).
    "beregner-bevilling": "/beregner?fra=2026-09&antal=6&a1=voksenlaerling&a1.voksenlaerling_kommer_fra_ledighed=1",
    "budget": "/budget",
    "regler-parameter": "/regler#parameter/jobrotation.ydelse_per_time",
    "regler-variabel": "/regler#variabel/voksenlaerling_afslagsgrund",
}
KLAR = {
    "beregner": "#resultater section",
    "beregner-bevilling": "#resultater tr[data-antaget]",
    "budget": "#budgettabel tbody tr",
    "regler-parameter": "#bruges-af",
    "regler-variabel": "#brugt-af-ordninger",
}

# Kontrast efter WCAG 2.1 (1.4.3 tekst, 1.4.11 kanter på felter), regnet i siden med de farver,
# browseren faktisk bruger. Baggrunden er den første ikke-gennemsigtige forfader.
KONTRAST_JS = """
() => {
  const rgb = (s) => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const baggrund = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const synlig = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; };
  const fejl = [];
  for (const e of document.querySelectorAll("body *")) {
    if (!synlig(e) || e.closest("svg, [hidden], .spring")) continue;
    const tekst = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const s = getComputedStyle(e);
    if (tekst) {
      const stor = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
      const r = ratio(rgb(s.color), baggrund(e));
      if (r < (stor ? 3 : 4.5)) fejl.push(`${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 40)}": ${r.toFixed(2)}`);
    }
    if (e.matches("input:not([type=checkbox]):not([type=radio]), select")) {
      const r = ratio(rgb(s.borderTopColor), baggrund(e.parentElement));
      if (r < 3) fejl.push(`kant på ${e.id}: ${r.toFixed(2)}`);
    }
  }
  return fejl;
}
"""


FOKUS_JS = """(() => { const e = document.activeElement; const s = getComputedStyle(e);
  return [e.outerHTML.slice(0, 80), s.outlineStyle, s.boxShadow, document.hasFocus(), e.matches(":focus")]; })()"""


def aabn(side, server, navn):
    side.goto(server.url + SIDER[navn], wait_until="domcontentloaded")
    side.wait_for_selector(KLAR[navn], timeout=60000)
    if navn in ("beregner", "beregner-bevilling", "budget"):
        vent(side)


@pytest.mark.parametrize("navn", list(SIDER))
def test_hvert_felt_har_etiket_og_hjaelpetekst(side, server, navn):
    aabn(side, server, navn)
    mangler = side.eval_on_selector_all(
        "main input, main select",
        """els => els.filter(e => e.type !== "radio").filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim()
              && (e.getAttribute("aria-describedby") || "").split(" ").some(id => (document.getElementById(id)?.textContent || "").trim())))
              .map(e => e.id || e.name)""",
    )
    assert mangler == []


@pytest.mark.parametrize("navn", list(SIDER))
def test_kontrast_wcag_aa(side, server, navn):
    aabn(side, server, navn)
    assert side.evaluate(KONTRAST_JS) == []


def test_tastaturet_alene(side, server):
    aabn(side, server, "beregner")
    side.focus("body")
    side.keyboard.press("Tab")
    assert side.evaluate("document.activeElement.className") == "spring"
    side.keyboard.press("Enter")
    assert side.evaluate("document.activeElement.id") == "indhold"
    # Tab-rækkefølgen er dokumentets rækkefølge (ingen positive tabindex, intet skjult i vejen):
    # hvert element, der kan få fokus, nummereres i dokumentets orden, og Tab skal nå dem alle i den.
    antal = side.evaluate(
        """() => { const els = [...document.querySelector("main").querySelectorAll("a[href], button, input, select, summary, [tabindex='0']")]
              .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true}));
            els.forEach((e, i) => { e.dataset.nr = String(i); }); return els.length; }"""
    )
    assert antal > 30
    faktisk = []
    for _ in range(3 * antal):
        side.keyboard.press("Tab")
        nr = side.evaluate("document.activeElement.dataset.nr ?? null")
        if nr is None:
            break
        # Et dato- eller månedsfelt har et tabulatorstop pr. del (dag, måned, år): de tæller som ét felt.
        if not faktisk or faktisk[-1] != int(nr):
            faktisk.append(int(nr))
        synlig = side.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; })()"
        )
        assert synlig, f"intet synligt fokus på element {nr}: {side.evaluate(FOKUS_JS)}"
    assert faktisk == list(range(antal))
    # Skift ordning og sæt kryds med tastaturet; svaret følger med.
    side.focus("#f-a1-ordning")
    side.keyboard.press("ArrowDown")
    vent(side)
    ny = side.input_value("#f-a1-ordning")
    assert ny != "voksenlaerling"
    assert side.get_attribute('section[data-ansaettelse="a1"]', "data-ordning") == ny
    side.focus("#f-a1-er_enlig_forsoerger")
    side.keyboard.press("Space")
    vent(side)
    assert side.is_checked("#f-a1-er_enlig_forsoerger")
    assert "a1.er_enlig_forsoerger=1" in side.url


@pytest.mark.parametrize("bredde", [1280, 390])
@pytest.mark.parametrize("navn", list(SIDER))
def test_skaermbilleder_og_smal_skaerm(side, server, skaermbilleder, navn, bredde):
    side.set_viewport_size({"width": bredde, "height": 900})
    aabn(side, server, navn)
    side.wait_for_timeout(300)
    side.screenshot(path=str(skaermbilleder / f"{navn}-{bredde}.png"), full_page=True)
    bredest = side.evaluate("document.documentElement.scrollWidth")
    assert bredest <= bredde, f"{navn} er {bredest} px bred ved {bredde} px: vandret rulning"
