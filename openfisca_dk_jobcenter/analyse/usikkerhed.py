"""Totalernes 95 %-interval fra én kørsel: tilfældige grupper (replikatgrupper) af befolkningen.

Den syntetiske befolkning er en stikprøve: hver virksomhed med sine personer ligger i én af
`antal_grupper` grupper (`befolkning/syntetisk.py`), og grupperne er uafhængige, ens fordelte dele
af stikprøven. En total er summen af gruppernes totaler T_g, og dens varians skønnes med
jackknife, én gruppe udeladt ad gangen og de andre ganget op til hele befolkningens vægt
(`halv_bredde`; med lige store grupper det samme som G · s²(T_g)). Intervallet er totalen
± t(0,975; G−1) · √varians. Reformens forskel regnes pr. gruppe på
de samme personer, så dens interval er det parrede.

Intervallet dækker stikprøvens tilfældighed (hvilke personer og virksomheder der blev trukket),
ikke modellens antagelser (deltagelsesandele, kalibrering) eller `antaget`-værdier.
Egne data uden replikatgrupper er hele populationen: intervallet har bredden 0.
"""

import numpy

DAEKNING = 0.95
UDEN_STIKPROEVE = (
    "egne data er hele populationen (ingen kolonne 'replikatgruppe'): intet stikprøveinterval; "
    "modellens antagelser og 'antaget'-værdier er ikke dækket"
)


def beskrivelse(antal_grupper):
    """Hvad intervallet dækker, i én sætning til tabellen, JSON og diagrammerne."""
    if antal_grupper < 2:
        return UDEN_STIKPROEVE
    return (
        f"95 %-interval for stikprøvens tilfældighed (jackknife over {antal_grupper} replikatgrupper); "
        "modellens antagelser og 'antaget'-værdier er ikke dækket"
    )


Z_975 = 1.959963984540054


def t_kvantil(antal_grupper):
    """t-fordelingens 97,5 %-fraktil med G−1 frihedsgrader (Cornish-Fisher-rækken, Abramowitz &
    Stegun 26.7.5; 29 frihedsgrader: 2,0452, fejl under 0,0001 fra 5 frihedsgrader) — uden scipy."""
    v, z = antal_grupper - 1, Z_975
    return float(
        z + (z**3 + z) / (4 * v) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
    )


def halv_bredde(gruppetotaler, gruppevaegte):
    """Intervallets halve bredde pr. række af `gruppetotaler` (rækker × grupper, kolonne g er
    gruppe g) med `gruppevaegte` (personernes vægt i alt pr. gruppe).

    Jackknife med én gruppe udeladt ad gangen: uden gruppe g er totalen de andre gruppers sum
    ganget op til hele befolkningens vægt, W · (T − T_g) / (W − W_g), og variansen er
    (G−1)/G · Σ (replikat − T)². Opganget til vægten (ikke blot G/(G−1)), fordi befolkningens
    rækker er faste: en gruppe med en stor virksomhed har flere rækker, ikke flere af en ordning.
    Tomme grupper tæller ikke."""
    vaegte = numpy.asarray(gruppevaegte, dtype=numpy.float64)
    totaler = numpy.zeros((numpy.shape(gruppetotaler)[0], len(vaegte)))
    if numpy.size(gruppetotaler):
        totaler[:, : numpy.shape(gruppetotaler)[1]] = gruppetotaler
    med = vaegte > 0
    antal = int(med.sum())
    if antal < 2:
        return numpy.zeros(totaler.shape[0])
    vaegte, totaler = vaegte[med], totaler[:, med]
    w_i_alt, total = vaegte.sum(), totaler.sum(axis=1, keepdims=True)
    replikater = w_i_alt * (total - totaler) / (w_i_alt - vaegte)[None, :]
    varians = (antal - 1) / antal * ((replikater - total) ** 2).sum(axis=1)
    return t_kvantil(antal) * numpy.sqrt(varians)


def gruppevaegte(vaegte, grupper, antal_grupper):
    return numpy.bincount(numpy.asarray(grupper, dtype=numpy.int64), numpy.asarray(vaegte, dtype=numpy.float64),
                          minlength=antal_grupper)


def interval(vaerdier, vaegte, grupper, antal_grupper):
    """(total, nedre, øvre) for den vægtede sum af `vaerdier` med rækkernes `grupper`."""
    vaerdier = numpy.asarray(vaerdier, dtype=numpy.float64) * numpy.asarray(vaegte, dtype=numpy.float64)
    total = float(vaerdier.sum())
    if antal_grupper < 2:
        return total, total, total
    grupper = numpy.asarray(grupper, dtype=numpy.int64)
    pr_gruppe = numpy.bincount(grupper, vaerdier, minlength=antal_grupper)
    h = float(halv_bredde(pr_gruppe[None, :], gruppevaegte(vaegte, grupper, antal_grupper))[0])
    return total, total - h, total + h
