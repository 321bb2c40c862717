"""Den syntetiske befolknings stikprøvedesign: flere rækker, hvor ordningerne er.

En jævn stikprøve (alle rækker samme vægt) giver få rækker til de små ordninger og lader
tilfældigheden bestemme, hvor mange deltagere en kørsel får. Designet her er en lagdelt
stikprøve med designvægte (Horvitz-Thompson):

- **Lag efter ordning og målgruppe.** Ledige målgrupper får `LEDIGE_OVERREPRAESENTATION` gange
  så mange rækker som deres andel af arbejdsstyrken, og hver ordnings deltagere trækkes, så de
  ender med rækkevægten `RAEKKEVAEGT[ordning]` (i forhold til en jævn stikprøves række): en
  voksenlærling står for 1/18 så mange personer som en jævn række og har 18 gange så mange rækker,
  en person med løntilskud 1/30 osv. Resten (de beskæftigede uden ordning) får færre rækker og
  større vægte.
- **Vægten er sandsynlighedernes forhold.** Trækkes en række med sandsynligheden p' i stedet
  for modellens p, ganges dens vægt med p/p' (og med (1 − p)/(1 − p') når den ikke trækkes). En
  totals forventning er derfor den samme som i den jævne stikprøve, og modellens fordelinger
  (og dermed kalibreringen) er uændrede.
- **Antallet pr. lag er fast.** Deltagerne udvælges systematisk (én tilfældig start, faste
  skridt gennem rækkerne sorteret efter replikatgruppe), så hvert lag får sit forventede antal
  rækker (afrundet op eller ned) i stedet for et binomialfordelt antal, i hele blokken og i hver
  replikatgruppe; hver række har stadig præcis sin sandsynlighed for at blive valgt.

Alt afhænger kun af blokkens egen tilfældighedsstrøm, så en blok laves ens alene eller i
rækken af blokke.
"""

import numpy

# Ledige målgrupper (ca. 9 % af arbejdsstyrken) får 4 gange så mange rækker (ca. 36 %): de er
# dem, løntilskud, virksomhedspraktik og opkvalificering trækker deltagere fra.
LEDIGE_OVERREPRAESENTATION = 4.0
# Ordningens deltageres rækkevægt i forhold til en række i en jævn stikprøve (1 / oversampling).
# Valgt, så standardkørslen (100.000 rækker) har ca. 18.500 voksenlærlinge, 7.000 med løntilskud
# og 3.000 med opkvalificering (spredningen over trækninger under 2 % for voksenlærling og
# løntilskud, under 10 % for opkvalificering, docs/validering.md) og stadig ca. 2/3 af rækkerne
# uden for ordningerne. Flere rækker i ordningerne gør kørslen langsommere: formlerne og
# genberegningen af de antagne satsers høje ende arbejder mest på deltagerne.
RAEKKEVAEGT = {
    "voksenlaerling": 1 / 18,
    "loentilskud": 1 / 30,
    "virksomhedspraktik": 1.0,  # ingen udgift: rækker der bruges bedre på de andre ordninger
    "opkvalificering": 1 / 50,
}
MAKS_SANDSYNLIGHED = 0.9  # p' højst dette, så der er rækker tilbage til de næste ordninger


def designfaktor(b):
    """Rækkernes designfaktor (vægten i forhold til en jævn stikprøves række); None: ingen
    design (en befolkning, der ikke laves af den syntetiske generator)."""
    return b.vaegt


def systematisk(rng, sandsynligheder, orden=None):
    """Systematisk udvælgelse: række i vælges med præcis sandsynligheden p_i (≤ 1), og antallet
    af valgte er summen af p afrundet op eller ned, også i hvert udsnit af `orden` (rækkerne i
    den rækkefølge, skridtene tages i; standard: alle, som de står). En række uden for `orden`
    vælges ikke; at udelade rækker med p = 0 ændrer intet (de flytter ingen skridt)."""
    p = numpy.clip(numpy.asarray(sandsynligheder, dtype=numpy.float64), 0.0, 1.0)
    if orden is None:
        orden = numpy.arange(len(p))
    start = rng.random()
    kum = numpy.cumsum(p[orden]) + start
    foer = numpy.concatenate(([start], kum[:-1]))
    valgt = numpy.zeros(len(p), dtype=bool)
    valgt[orden] = numpy.floor(kum) > numpy.floor(foer)
    return valgt


def efter_gruppe(grupper):
    """Rækkefølgen, de systematiske skridt tages i: efter replikatgruppe (stabilt), så hver
    gruppe får sin andel af hvert lag, og hver gruppe er en lille kopi af designet."""
    if grupper is None:
        return None
    return numpy.argsort(grupper, kind="stable")


def _koder(navne, raekker):
    """Heltalskoder for `navne[raekker]` (uden pandas, som modellen ikke afhænger af): de navne,
    en stikprøve af alle rækkerne har, får 1, 2, ...; et navn uden for stikprøven 0."""
    kendte = numpy.unique(navne[:: max(1, len(navne) // 2000)])
    navne = navne[raekker]
    koder = numpy.zeros(len(navne), dtype=numpy.int64)
    for i, navn in enumerate(kendte, start=1):
        koder[navne == navn] = i
    return koder


def _lagorden(b, mulige):
    """Rækkefølgen for en ordnings udvælgelse blandt rækkerne `mulige`: efter replikatgruppe,
    sektor og målgruppe, så hvert lag (ordning × sektor × målgruppe) får sit forventede antal i
    hver gruppe (implicit lagdeling: de faste skridt går gennem lagene ét ad gangen). De andre
    rækker har sandsynligheden 0 og ændrer ikke de systematiske skridt, så de springes over."""
    raekker = numpy.flatnonzero(mulige)
    noegle = numpy.zeros(len(raekker), dtype=numpy.int64)
    if "foedselsdato" in b.personer:  # inden for laget efter alder (fx for unge til voksenlærling)
        noegle += (b.personer["foedselsdato"][raekker].astype("datetime64[D]").astype(numpy.int64) // 365) % 100
    if "maalgruppe" in b.personer:
        noegle += 100 * _koder(b.personer["maalgruppe"], raekker)
    if "sektor" in b.virksomheder:
        noegle += 10_000 * (b.virksomheder["sektor"] == "offentlig")[b.person_virksomhed[raekker]]
    if b.gruppe is not None:
        noegle += 100_000 * numpy.asarray(b.gruppe, dtype=numpy.int64)[raekker]
    return raekker[numpy.argsort(noegle, kind="stable")]


def udvaelg(rng, b, mulige, p, noegle):
    """Deltagerne i ordningen `noegle` blandt rækkerne `mulige`, når modellens sandsynlighed er
    `p` (tal eller pr. række). Rækkernes designfaktor (`b.vaegt`) ganges med p/p' for de valgte
    og (1 − p)/(1 − p') for de fravalgte, så forventningen er modellens."""
    n = b.antal_personer
    p = numpy.broadcast_to(numpy.asarray(p, dtype=numpy.float64), (n,))
    faktor = designfaktor(b)
    if faktor is None:
        return mulige & systematisk(rng, numpy.where(mulige, p, 0.0))
    maal = RAEKKEVAEGT.get(noegle, 1.0)
    p_ny = numpy.where(mulige, numpy.minimum(p * faktor / maal, MAKS_SANDSYNLIGHED), 0.0)
    valgt = mulige & systematisk(rng, p_ny, _lagorden(b, mulige))
    med = mulige & (p_ny > 0)
    b.vaegt = numpy.where(
        med, faktor * numpy.where(valgt, p / numpy.where(med, p_ny, 1.0), (1 - p) / numpy.where(med, 1 - p_ny, 1.0)), faktor
    )
    return valgt


def kategorier(rng, b, navne, andele, overrepraesentation):
    """Hver række får en kategori; kategori k får andelen `andele[k]` × `overrepraesentation[k]`
    (normeret) af rækkerne, i hele blokken og i hver replikatgruppe (latinsk hyperkube: én
    ligefordelt værdi pr. lige stort interval), og designfaktoren ganges med andel/rækkeandel."""
    andele = numpy.asarray(andele, dtype=numpy.float64)
    raekkeandele = andele * numpy.asarray(overrepraesentation, dtype=numpy.float64)
    raekkeandele /= raekkeandele.sum()
    n = b.antal_personer
    grupper = numpy.zeros(n, dtype=numpy.int64) if b.gruppe is None else numpy.asarray(b.gruppe, dtype=numpy.int64)
    # Rang i en tilfældig orden inden for gruppen; u = (rang + ligefordelt) / gruppens størrelse.
    rang = rang_i_gruppe(grupper, rng.random(n))
    stoerrelse = numpy.bincount(grupper, minlength=int(grupper.max()) + 1 if n else 1)
    u = (rang + rng.random(n)) / numpy.maximum(stoerrelse[grupper], 1)
    k = numpy.minimum(numpy.searchsorted(numpy.cumsum(raekkeandele), u, side="right"), len(andele) - 1)
    if b.vaegt is not None:
        b.vaegt = b.vaegt * (andele / raekkeandele)[k]
    return numpy.asarray(navne)[k]


def ligefordelt(rng, b, maske, lag=None):
    """Ligefordelte tal i [0, 1) pr. række; blandt rækkerne i `maske` stratificeret (latinsk
    hyperkube i hver replikatgruppe og hvert `lag`, fx startåret: én værdi i hvert af m lige
    store intervaller), så fx `ligefordelt(...) < 0,55` giver præcis 55 % af deltagerne i hvert
    lag (afrundet) i stedet for et binomialfordelt antal. Med `lag` (små heltal ≥ 0 pr. række)
    bliver også samspillet med en tidligere trukket egenskab fast. Hver række er stadig
    ligefordelt, så forventningen er modellens."""
    n = b.antal_personer
    u = rng.random(n)
    maske = numpy.asarray(maske, dtype=bool)
    if not maske.any():
        return u
    grupper = numpy.zeros(n, dtype=numpy.int64) if b.gruppe is None else numpy.asarray(b.gruppe, dtype=numpy.int64)
    if lag is not None:
        lag = numpy.asarray(lag, dtype=numpy.int64)
        grupper = grupper * (int(lag[maske].max()) + 1) + lag
    g = grupper[maske]
    rang = rang_i_gruppe(g, rng.random(len(g)))
    u[maske] = (rang + u[maske]) / numpy.bincount(g)[g]
    return u


def rang_i_gruppe(grupper, noegler, hvem=None):
    """Rangen 0, 1, ... inden for hver gruppe (heltal ≥ 0) efter `noegler` (lige nøgler i rækkernes
    orden), som `numpy.lexsort((noegler, grupper))` giver den. Med `hvem` (bool pr. række) kun
    blandt de rækker; de andre får -1 (fx kun personerne hos de arbejdsgivere, der er med: de
    andres rang bruges ikke, og sorteringen er det dyre).

    To stabile sorteringer i stedet for lexsort: nøglerne, så grupperne; grupperne er små heltal
    og sorteres som 16-bit heltal (numpy sorterer dem stabilt med radix-sortering). Samme rang
    som lexsort, ca. 25 % hurtigere (målt ved 50.000 rækker)."""
    grupper = numpy.asarray(grupper)
    noegler = numpy.asarray(noegler)
    if hvem is not None:
        ud = numpy.full(len(grupper), -1, dtype=numpy.int64)
        valgte = numpy.flatnonzero(hvem)
        ud[valgte] = rang_i_gruppe(grupper[valgte], noegler[valgte])
        return ud
    n = len(grupper)
    rang = numpy.empty(n, dtype=numpy.int64)
    if not n:
        return rang
    orden = numpy.argsort(noegler, kind="stable")
    g = grupper[orden]
    if g.min() >= 0 and g.max() < 2**16:
        g = g.astype(numpy.uint16)
    orden = orden[numpy.argsort(g, kind="stable")]
    g = grupper[orden]
    # Hver gruppes første plads i den sorterede orden; rangen er pladsen minus den.
    ny_gruppe = numpy.concatenate(([True], g[1:] != g[:-1]))
    foerste = numpy.flatnonzero(ny_gruppe)
    rang[orden] = numpy.arange(n) - numpy.repeat(foerste, numpy.diff(numpy.append(foerste, n)))
    return rang


def ordnet(rng, sandsynligheder):
    """Sekventiel Poisson-udvælgelse (Ohlsson 1998): de k rækker med mindst U/p, k = summen af p
    afrundet tilfældigt op eller ned. Hver række vælges med (næsten præcis) sin sandsynlighed, og
    antallet er fast; gange alle p med samme tal, bliver de valgte en udvidelse af de før valgte
    (kalibreringens faktor flytter tallene jævnt). Til få, store enheder (jobrotationens
    arbejdsgivere), hvor en systematisk udvælgelse ville skifte dem alle ud ved en lille ændring."""
    p = numpy.clip(numpy.asarray(sandsynligheder, dtype=numpy.float64), 0.0, 1.0)
    noegle = numpy.where(p > 0, rng.random(len(p)) / numpy.where(p > 0, p, 1.0), numpy.inf)
    k = int(numpy.floor(p.sum() + rng.random()))
    valgt = numpy.zeros(len(p), dtype=bool)
    valgt[numpy.argsort(noegle, kind="stable")[:k]] = True
    return valgt & (p > 0)
