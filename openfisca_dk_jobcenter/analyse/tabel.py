"""Læsbare tabeller i terminalen (kroner med tusindtalspunktum som på dansk)."""

import math


def kr(vaerdi):
    if vaerdi is None or (isinstance(vaerdi, float) and math.isnan(vaerdi)):
        return ""
    return f"{vaerdi:,.0f}".replace(",", ".")


def antal(vaerdi):
    if vaerdi is None or (isinstance(vaerdi, float) and math.isnan(vaerdi)):
        return ""
    return f"{int(vaerdi):,}".replace(",", ".")


KOLONNER = [
    ("ordning", "Ordning", str),
    ("grundlag_kr", "Grundlag kr.", kr),
    ("reform_kr", "Reform kr.", kr),
    ("forskel_kr", "Forskel kr.", kr),
    ("modtagere_grundlag", "Modtagere før", antal),
    ("modtagere_reform", "Modtagere efter", antal),
]


def formater(pr_ordning):
    """Tabellen pr. ordning som tekst, én blok pr. reform."""
    linjer = []
    for reform, del_ in pr_ordning.groupby("reform", sort=False):
        raekker = [[fmt(r[k]) for k, _, fmt in KOLONNER] for _, r in del_.iterrows()]
        overskrifter = [o for _, o, _ in KOLONNER]
        bredder = [max(len(x) for x in [o] + [r[i] for r in raekker]) for i, o in enumerate(overskrifter)]
        linjer.append(f"Reform: {reform}")
        linjer.append("  ".join(o.ljust(b) if i == 0 else o.rjust(b) for i, (o, b) in enumerate(zip(overskrifter, bredder, strict=True))))
        linjer.append("  ".join("-" * b for b in bredder))
        for r in raekker:
            linjer.append("  ".join(x.ljust(b) if i == 0 else x.rjust(b) for i, (x, b) in enumerate(zip(r, bredder, strict=True))))
        linjer.append("")
    return "\n".join(linjer)


def formater_varianter(pr_ordning, sti, vaerdier):
    """Én række pr. værdi af parameteren: samlet udgift og forskel til grundlaget."""
    i_alt = pr_ordning[pr_ordning["ordning"] == "I alt"].set_index("reform")
    raekker = [[f"{v:g}", kr(i_alt.loc[n, "reform_kr"]), kr(i_alt.loc[n, "forskel_kr"])] for n, v in vaerdier.items()]
    overskrifter = [sti, "I alt kr.", "Forskel kr."]
    bredder = [max(len(x) for x in [o] + [r[i] for r in raekker]) for i, o in enumerate(overskrifter)]
    linjer = [f"Variant: {sti}", "  ".join(o.rjust(b) for o, b in zip(overskrifter, bredder, strict=True))]
    linjer.append("  ".join("-" * b for b in bredder))
    linjer += ["  ".join(x.rjust(b) for x, b in zip(r, bredder, strict=True)) for r in raekker]
    return "\n".join(linjer) + "\n"
