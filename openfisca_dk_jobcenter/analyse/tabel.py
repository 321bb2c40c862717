"""Læsbare tabeller i terminalen (kroner med tusindtalspunktum som på dansk) og kørslens
overskrift: år, befolkning, rækker og vægtede personer."""

import math

ENHEDER = {
    "currency-DKK": "kr.",
    "currency": "kr.",
    "month": "måneder",
    "months": "måneder",
    "year": "år",
    "years": "år",
    "week": "uger",
    "weeks": "uger",
    "hour": "timer",
    "hours": "timer",
    "/1": "andel",
}


def _tom(vaerdi):
    return vaerdi is None or (isinstance(vaerdi, float) and math.isnan(vaerdi)) or str(vaerdi) == "<NA>"


def kr(vaerdi):
    return "" if _tom(vaerdi) else f"{float(vaerdi):,.0f}".replace(",", ".")


def antal(vaerdi):
    return "" if _tom(vaerdi) else f"{round(float(vaerdi)):,}".replace(",", ".")


def enhed(parameter):
    """Parameterens enhed på dansk (fx 'kr.'), eller den rå enhed."""
    raa = parameter.metadata.get("unit", "") if parameter is not None else ""
    return ENHEDER.get(raa, raa)


def overskrift(koersel):
    """'År 2026 · syntetisk (seed 2026) · 100.000 rækker ≈ 2.987.000 personer (vægtet)'."""
    return (
        f"År {koersel['aar']} · {koersel['befolkning']} · {antal(koersel['raekker'])} rækker "
        f"≈ {antal(koersel['vaegtede_personer'])} personer (vægtet)"
    )


def mio(vaerdi):
    """Kroner som mio. kr. med én decimal og dansk komma ('1.160,1')."""
    if _tom(vaerdi):
        return ""
    return f"{float(vaerdi) / 1e6:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def interval(r, kolonne, fmt):
    """'nedre–øvre' for kolonnens 95 %-interval, tom uden interval."""
    nedre, oevre = r.get(f"{kolonne}_95_nedre"), r.get(f"{kolonne}_95_oevre")
    if _tom(nedre) or _tom(oevre):
        return ""
    return f"{fmt(nedre)}–{fmt(oevre)}"


FAA_RAEKKER = 30  # som analyse.sammenligning.FAA_RAEKKER (tabel.py importerer intet fra analysen)

KOLONNER = [
    ("ordning", "Ordning", str),
    ("grundlag_kr", "Grundlag mio. kr.", mio),
    ("grundlag_kr", "95 %-interval", None),
    ("reform_kr", "Reform mio. kr.", mio),
    ("reform_kr", "95 %-interval", None),
    ("forskel_kr", "Forskel mio. kr.", mio),
    ("forskel_kr", "95 %-interval", None),
    ("modtagere_grundlag", "Modtagere før", antal),
    ("modtagere_reform", "Modtagere efter", antal),
    ("modtagere_reform", "95 %-interval", None),
    ("raekker", "Rækker", str),
]


def raekker_bag(r):
    """Rækkerne bag ordningens total (det største af grundlag og reform), None for "I alt"."""
    tal = [r.get(k) for k in ("raekker_grundlag", "raekker_reform")]
    tal = [int(t) for t in tal if not _tom(t)]
    return max(tal) if tal else None


def _tabel(overskrifter, raekker, venstre=1):
    bredder = [max(len(x) for x in [o] + [r[i] for r in raekker]) for i, o in enumerate(overskrifter)]

    def linje(felter):
        return "  ".join(x.ljust(b) if i < venstre else x.rjust(b) for i, (x, b) in enumerate(zip(felter, bredder, strict=True)))

    return [linje(overskrifter), "  ".join("-" * b for b in bredder), *(linje(r) for r in raekker)]


def _felter(r):
    felter = []
    for k, _, fmt in KOLONNER:
        if k == "raekker":
            n = raekker_bag(r)
            felter.append("" if n is None else antal(n) + (" (få)" if n < FAA_RAEKKER else ""))
        elif fmt is None:
            felter.append(interval(r, k, mio if k.endswith("_kr") else antal))
        else:
            felter.append(fmt(r[k]))
    return felter


def antaget_noter(pr_ordning, antagne_satser):
    """Linjerne om de antagne satser: hver sats med sit plausible spænd og hver total, der
    flytter sig, ved spændets lave og høje ende (mio. kr.)."""
    if not antagne_satser:
        return []
    def tal(v):
        return f"{v:g}".replace(".", ",")

    satser = ", ".join(f"{s['parameter']} {tal(s['vaerdi'])} (plausibelt {tal(s['lav'])}–{tal(s['hoej'])})" for s in antagne_satser)
    linjer = [f"Antagne satser, som intervallet ikke dækker: {satser}."]
    for _, r in pr_ordning.iterrows():
        for k, navn in (("grundlag_kr", "grundlag"), ("reform_kr", "reform"), ("forskel_kr", "forskel")):
            lav, hoej = r.get(f"{k}_antaget_lav"), r.get(f"{k}_antaget_hoej")
            if _tom(lav) or _tom(hoej) or abs(float(hoej) - float(lav)) < 0.5:
                continue
            linjer.append(f"  {r['reform']}, {r['ordning']}, {navn}: {mio(lav)}–{mio(hoej)} mio. kr. fra den lave til den høje ende")
    return linjer


def formater(pr_ordning, uden_kroner=(), virksomhedsordninger=(), interval_tekst="", antagne_satser=()):
    """Tabellen pr. ordning som tekst, én blok pr. reform, med hver totals 95 %-interval og
    rækkerne bag den. En ordning uden kroner (fx virksomhedspraktik) vises med deltagere og
    'ingen udgift' i kronekolonnerne; for en virksomhedsordning (jobrotation) er modtagerne
    virksomheder, og det står under tabellen, ligesom ordninger med under `FAA_RAEKKER` rækker."""
    linjer, faa = [], {}
    for reform, del_ in pr_ordning.groupby("reform", sort=False):
        raekker = []
        for _, r in del_.iterrows():
            felter = _felter(r)
            if r["ordning"] in uden_kroner:
                felter[1:7] = ["(ingen udgift)", "", "", "", "", ""]
            n = raekker_bag(r)
            if n is not None and n < FAA_RAEKKER:
                faa[r["ordning"]] = n
            raekker.append(felter)
        linjer.append(f"Reform: {reform}")
        linjer += _tabel([o for _, o, _ in KOLONNER], raekker)
        linjer.append("")
    noter = [f"{navn}: modtagerne er virksomheder (tilskuddet går til arbejdsgiveren)" for navn in virksomhedsordninger]
    noter += [f"{navn}: ingen udgift; antallet er deltagere i året" for navn in uden_kroner]
    tillaeg = []
    if faa:
        tillaeg.append(
            "Få rækker: " + ", ".join(f"{navn} ({antal(n)} {'række' if n == 1 else 'rækker'})" for navn, n in faa.items())
            + f" — under {FAA_RAEKKER} "
            "rækker bag totalen; tallet er usikkert (kør med flere --personer)."
        )
    if interval_tekst:
        tillaeg.append(f"Interval: {interval_tekst}.")
    tillaeg += antaget_noter(pr_ordning, antagne_satser)
    if noter and linjer:
        linjer.insert(-1, "Modtagere er vægtede personer; rækker er befolkningens rækker med ordningen. " + "; ".join(noter) + ".")
    for t in tillaeg:
        linjer.insert(-1, t)
    return "\n".join(linjer)


def parametervaerdi(v):
    """En parameterværdi til tabeller og akser: et tal kort, sand/falsk som ja/nej, en kategori som navnet."""
    if isinstance(v, bool):
        return "ja" if v else "nej"
    return f"{v:g}" if isinstance(v, int | float) else str(v)


def formater_varianter(pr_ordning, sti, vaerdier, beskrivelse=""):
    """Én række pr. værdi af parameteren: samlet udgift og forskel til grundlaget i mio. kr. med
    deres 95 %-interval (som hovedtabellen: ikke flere cifre, end stikprøven bærer)."""
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    raekker = []
    for n, v in vaerdier.items():
        r = i_alt.loc[n]
        raekker.append([parametervaerdi(v), mio(r["reform_kr"]), interval(r, "reform_kr", mio),
                        mio(r["forskel_kr"]), interval(r, "forskel_kr", mio)])
    linjer = [f"Variant: {sti}" + (f" ({beskrivelse})" if beskrivelse else "")]
    linjer += _tabel([sti, "I alt mio. kr.", "95 %-interval", "Forskel mio. kr.", "95 %-interval"], raekker, venstre=0)
    return "\n".join(linjer) + "\n"


def formater_forbehold(tabel):
    if tabel.empty:
        return "Forbehold: ingen brugte parameterværdier er 'sekundaer' eller 'antaget'.\n"
    raekker = [[str(r["ordning"]), str(r["parameter"]), f"{r['vaerdi']:g}" if isinstance(r["vaerdi"], (int, float)) else str(r["vaerdi"]),
                str(r["gaelder_fra"]), str(r["kildegrad"])] for _, r in tabel.iterrows()]
    linjer = ["Forbehold (brugte værdier, der ikke er verificeret; kilderne står i forbehold.csv):"]
    linjer += _tabel(["Ordning", "Parameter", "Værdi", "Gælder fra", "Kildegrad"], raekker, venstre=2)
    return "\n".join(linjer) + "\n"


def formater_forbehold_kort(tabel, aar=None, fil="forbehold.csv"):
    """Forbeholdene i få linjer til terminalen: hvor mange brugte værdier der ikke er verificeret,
    pr. kildegrad og ordning; hele listen med kilder står i `fil` (og i sammenligning.txt)."""
    om_aaret = f" i {aar}" if aar is not None else ""
    if tabel.empty:
        return f"Forbehold{om_aaret}: ingen brugte parameterværdier er 'sekundaer' eller 'antaget'.\n"
    grader = tabel["kildegrad"].value_counts()
    pr_grad = ", ".join(f"{antal(grader[g])} {g}" for g in ("antaget", "sekundaer") if g in grader)
    pr_ordning = ", ".join(f"{o} {antal(n)}" for o, n in tabel["ordning"].value_counts().sort_index().items())
    return (f"Forbehold{om_aaret}: {antal(len(tabel))} brugte parameterværdier er ikke verificeret ({pr_grad}); "
            f"pr. ordning: {pr_ordning}.\nHele listen med værdi, dato og kilde: {fil}.\n")


def formater_aarsserie(serie):
    """Udgift og modtagere pr. ordning pr. år, grundlag og reform."""
    linjer = []
    for reform, del_ in serie.groupby("reform", sort=False):
        aar = list(dict.fromkeys(del_["aar"]))
        raekker = []
        for ordning, o in del_.groupby("ordning", sort=False):
            o = o.set_index("aar")
            raekker.append([ordning, "grundlag kr."] + [kr(o.loc[a, "grundlag_kr"]) for a in aar])
            if reform != "Grundlag":
                raekker.append(["", "reform kr."] + [kr(o.loc[a, "reform_kr"]) for a in aar])
            if ordning != "I alt":
                raekker.append(["", "modtagere"] + [antal(o.loc[a, "modtagere_reform"]) for a in aar])
        linjer.append(f"Årsserie, reform: {reform}")
        linjer += _tabel(["Ordning", "", *(str(a) for a in aar)], raekker, venstre=2)
        linjer.append("")
    return "\n".join(linjer)
