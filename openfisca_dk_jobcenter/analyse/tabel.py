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
