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


KOLONNER = [
    ("ordning", "Ordning", str),
    ("grundlag_kr", "Grundlag kr.", kr),
    ("reform_kr", "Reform kr.", kr),
    ("forskel_kr", "Forskel kr.", kr),
    ("modtagere_grundlag", "Modtagere før", antal),
    ("modtagere_reform", "Modtagere efter", antal),
]


def _tabel(overskrifter, raekker, venstre=1):
    bredder = [max(len(x) for x in [o] + [r[i] for r in raekker]) for i, o in enumerate(overskrifter)]

    def linje(felter):
        return "  ".join(x.ljust(b) if i < venstre else x.rjust(b) for i, (x, b) in enumerate(zip(felter, bredder, strict=True)))

    return [linje(overskrifter), "  ".join("-" * b for b in bredder), *(linje(r) for r in raekker)]


def formater(pr_ordning, uden_kroner=(), virksomhedsordninger=()):
    """Tabellen pr. ordning som tekst, én blok pr. reform. En ordning uden kroner (fx
    virksomhedspraktik) vises med deltagere og 'ingen udgift' i kronekolonnerne; for en
    virksomhedsordning (jobrotation) er modtagerne virksomheder, og det står under tabellen."""
    linjer = []
    for reform, del_ in pr_ordning.groupby("reform", sort=False):
        raekker = []
        for _, r in del_.iterrows():
            felter = [fmt(r[k]) for k, _, fmt in KOLONNER]
            if r["ordning"] in uden_kroner:
                felter[1:4] = ["(ingen udgift)", "", ""]
            raekker.append(felter)
        linjer.append(f"Reform: {reform}")
        linjer += _tabel([o for _, o, _ in KOLONNER], raekker)
        linjer.append("")
    noter = [f"{navn}: modtagerne er virksomheder (tilskuddet går til arbejdsgiveren)" for navn in virksomhedsordninger]
    noter += [f"{navn}: ingen udgift; antallet er deltagere i året" for navn in uden_kroner]
    if noter and linjer:
        linjer.insert(-1, "Modtagere er vægtede personer. " + "; ".join(noter) + ".")
    return "\n".join(linjer)


def parametervaerdi(v):
    """En parameterværdi til tabeller og akser: et tal kort, sand/falsk som ja/nej, en kategori som navnet."""
    if isinstance(v, bool):
        return "ja" if v else "nej"
    return f"{v:g}" if isinstance(v, int | float) else str(v)


def formater_varianter(pr_ordning, sti, vaerdier, beskrivelse=""):
    """Én række pr. værdi af parameteren: samlet udgift og forskel til grundlaget."""
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    raekker = [[parametervaerdi(v), kr(i_alt.loc[n, "reform_kr"]), kr(i_alt.loc[n, "forskel_kr"])] for n, v in vaerdier.items()]
    linjer = [f"Variant: {sti}" + (f" ({beskrivelse})" if beskrivelse else "")]
    linjer += _tabel([sti, "I alt kr.", "Forskel kr."], raekker, venstre=0)
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
