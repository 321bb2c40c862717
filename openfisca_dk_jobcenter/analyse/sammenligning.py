"""Sammenlign grundlaget med en eller flere reformer på en befolkning: kroner, modtagere, hvem
vinder og taber — pr. ordning, sektor og målgruppe, vægtet med befolkningens `vaegt`.

Eksempel (i en notebook)::

    from openfisca_dk_jobcenter.analyse import sammenlign, reform, syntetiske_blokke, grundlag

    g = grundlag()
    r = reform(g, "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml")
    resultat = sammenlign({"Højere satser": r}, syntetiske_blokke(10_000), grundlag=g, aar=2026)
    resultat.pr_ordning          # én række pr. (reform, ordning) + "I alt"
    resultat.detaljer            # pr. (reform, ordning, sektor, målgruppe)
    resultat.virksomheder        # virksomheder, der vinder/taber, pr. (reform, sektor)
    resultat.koersel             # år, befolkning, rækker og vægtede personer

Alle kroner og antal er vægtede: en række med `vaegt` 30 tæller som 30 personer. Kroner står i
øre (to decimaler), antal som hele tal. Hver total har sit 95 %-interval i kolonnerne
`<total>_95_nedre` og `<total>_95_oevre` (`analyse/usikkerhed.py`), regnet af summerne pr.
replikatgruppe, som hver bid giver (`replikater`); `raekker_grundlag`/`raekker_reform` er de
uvægtede rækker bag en ordnings total.
"""

import contextlib
import functools
from dataclasses import dataclass, field

import numpy
import pandas

from openfisca_dk_jobcenter.analyse import usikkerhed
from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.analyse.personresultater import simuler
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag
from openfisca_dk_jobcenter.analyse.tabel import FAA_RAEKKER  # noqa: F401 (færre rækker bag en total: sagt)
from openfisca_dk_jobcenter.befolkning.beregning import BidResultat, beregn_bid, enum_navne
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, Samler, bidder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.udfoersel import FaerdigBid, SyntetiskBefolkning, Udfoerer, bidbeskrivelser
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

__all__ = ["BID_PERSONER", "Sammenligning", "bidder", "grundlag", "sammenlign", "simuler"]

OERE = 0.005  # forskelle under en halv øre er afrunding, ikke gevinst eller tab
GRUNDLAG = "Grundlag"  # reformkolonnens navn, når kun grundlaget er simuleret
ANTAL = ["modtagere_grundlag", "modtagere_reform", "vindere", "tabere"]
KRONER = ["grundlag_kr", "reform_kr", "forskel_kr"]
RAEKKER = ["raekker_grundlag", "raekker_reform"]  # uvægtede rækker med ordningen (for få: usikkert)
KOLONNER = [*KRONER, *ANTAL]
MED_INTERVAL = [*KRONER, "modtagere_grundlag", "modtagere_reform"]
IKKE_NEGATIVE = {"grundlag_kr", "reform_kr", "modtagere_grundlag", "modtagere_reform"}
DETALJENOEGLER = ["reform", "ordning", "sektor", "maalgruppe"]
VIRKSOMHEDSANTAL = ["virksomheder", "virksomheder_der_vinder", "virksomheder_der_taber"]
UDEN_MAALGRUPPE = "(virksomhed)"  # målgruppe for en virksomhedsordnings rækker


def afrund(ramme, kroner=(), antal=()):
    """Kroner til øre, antal til hele tal (vægtede antal er summer af vægte); intervallernes
    grænser som deres total."""
    ramme = ramme.copy()
    for k in kroner:
        for kolonne in (k, f"{k}_95_nedre", f"{k}_95_oevre", f"{k}_antaget_lav", f"{k}_antaget_hoej"):
            if kolonne in ramme:
                ramme[kolonne] = ramme[kolonne].astype(numpy.float64).round(2)
    for k in [*antal, *RAEKKER]:
        for kolonne in (k, f"{k}_95_nedre", f"{k}_95_oevre"):
            if kolonne in ramme:
                ramme[kolonne] = ramme[kolonne].round(0).astype("Int64")
    return ramme


def med_intervaller(tabel, replikater, noegler, gruppevaegte, kolonner=MED_INTERVAL):
    """`tabel` (én række pr. kombination af `noegler`) med `<k>_95_nedre` og `<k>_95_oevre` for
    hver kolonne k i `kolonner`, fra summerne pr. replikatgruppe i `replikater` og gruppernes
    vægt (`usikkerhed.halv_bredde`)."""
    tabel = tabel.copy()
    noegler = list(noegler)
    kolonner = list(kolonner)
    antal_grupper = len(gruppevaegte)
    # Hver replikatrække hører til tabellens række med samme nøgler (-1: ingen); summerne pr.
    # (række, gruppe) findes med én bincount pr. kolonne.
    raekke = pandas.MultiIndex.from_frame(tabel[noegler]).get_indexer(pandas.MultiIndex.from_frame(replikater[noegler]))
    gruppe = replikater["gruppe"].to_numpy(dtype=numpy.int64)
    med = (raekke >= 0) & (gruppe >= 0) & (gruppe < antal_grupper)
    celle = raekke[med] * antal_grupper + gruppe[med]
    for k in kolonner:
        summer = numpy.bincount(celle, replikater[k].to_numpy(dtype=numpy.float64)[med], len(tabel) * antal_grupper)
        h = usikkerhed.halv_bredde(summer.reshape(len(tabel), antal_grupper), gruppevaegte) if antal_grupper else 0.0
        total = tabel[k].astype("Float64").to_numpy(dtype=numpy.float64, na_value=numpy.nan)
        nedre = total - h
        if k in IKKE_NEGATIVE:
            nedre = numpy.maximum(nedre, 0.0)
        tabel[f"{k}_95_nedre"], tabel[f"{k}_95_oevre"] = nedre, total + h
    return tabel


@dataclass
class Sammenligning:
    """Resultatet: `detaljer` pr. (reform, ordning, sektor, målgruppe), `virksomheder` pr.
    (reform, sektor); `pr_ordning` er detaljerne summeret pr. ordning med en "I alt"-række.
    `koersel`: år, befolkning, rækker og vægtede personer, som hvert output nævner."""

    detaljer: pandas.DataFrame
    virksomheder: pandas.DataFrame
    koersel: dict = field(default_factory=dict)
    replikater: pandas.DataFrame | None = None  # detaljerne pr. replikatgruppe (kolonnen `gruppe`)
    gruppevaegte: numpy.ndarray | None = None  # personernes vægt pr. replikatgruppe
    # Pr. (reform, ordning, sektor, målgruppe): kroner ved de antagne satsers lave ende (kørslens
    # egne tal) og høje ende (de berørte ordninger regnet igen på deres deltagere,
    # analyse/antagelser.py); forskellen lægges til totalen. None uden `Koersel.antagne_satser`.
    antaget_lav: pandas.DataFrame | None = None
    antaget_hoej: pandas.DataFrame | None = None

    @property
    def antal_grupper(self):
        return 0 if self.gruppevaegte is None else len(self.gruppevaegte)

    def _vaegte(self):
        return numpy.zeros(1) if self.gruppevaegte is None else self.gruppevaegte

    def _replikater(self):
        if self.replikater is not None:
            return self.replikater
        return self.detaljer.assign(gruppe=0)

    @property
    def pr_ordning(self):
        """Én række pr. (reform, ordning) og "I alt", med intervaller (regnet én gang; en ny
        tabel, når de antagne satsers ender er sat)."""
        noegle = (id(self.detaljer), id(self.antaget_lav), id(self.antaget_hoej))
        gemt = self.__dict__.get("_pr_ordning")
        if gemt is None or gemt[0] != noegle:
            gemt = (noegle, self._beregn_pr_ordning())
            self.__dict__["_pr_ordning"] = gemt
        return gemt[1].copy()

    def _beregn_pr_ordning(self):
        tabel = self.detaljer.groupby(["reform", "ordning"], sort=False)[[*KOLONNER, *RAEKKER]].sum().reset_index()
        tabel = med_intervaller(tabel, self._replikater(), ["reform", "ordning"], self._vaegte())
        # Modtagere tælles pr. ordning; en person kan være med i flere, så de summeres ikke.
        i_alt = tabel.groupby("reform", sort=False)[KRONER].sum().reset_index()
        i_alt = med_intervaller(i_alt, self._replikater(), ["reform"], self._vaegte(), KRONER)
        i_alt["ordning"] = "I alt"
        samlet = pandas.concat([tabel, i_alt], ignore_index=True)[tabel.columns]
        orden = {navn: i for i, navn in enumerate(dict.fromkeys(tabel["reform"]))}
        samlet = samlet.sort_values("reform", key=lambda s: s.map(orden), kind="stable").reset_index(drop=True)
        return afrund(self._med_antaget(samlet), KRONER, ANTAL)

    def _med_antaget(self, samlet):
        """Kolonnerne `<kroner>_antaget_lav`/`_hoej`: totalen ved de antagne satsers lave ende
        (modellens egne satser) og høje ende (`analyse/antagelser.py`); uden spænd den samme."""
        if self.antaget_hoej is None or self.antaget_lav is None:
            return samlet
        hoej = self.antaget_hoej.groupby(["reform", "ordning"], sort=False)[KRONER].sum()
        lav = self.antaget_lav.groupby(["reform", "ordning"], sort=False)[KRONER].sum().reindex(hoej.index).fillna(0.0)
        tillaeg = (hoej - lav).reset_index()  # kun de berørte ordninger ændrer sig
        i_alt = tillaeg.groupby("reform", sort=False)[KRONER].sum().reset_index().assign(ordning="I alt")
        tillaeg = pandas.concat([tillaeg, i_alt], ignore_index=True).set_index(["reform", "ordning"])
        noegle = pandas.MultiIndex.from_frame(samlet[["reform", "ordning"]])
        for k in KRONER:
            ekstra = tillaeg[k].reindex(noegle).fillna(0.0).to_numpy()
            samlet[f"{k}_antaget_lav"] = samlet[k].to_numpy(dtype=numpy.float64)
            samlet[f"{k}_antaget_hoej"] = samlet[k].to_numpy(dtype=numpy.float64) + ekstra
        return samlet

    def pr(self, *noegler):
        """Detaljerne summeret pr. de givne kolonner, fx `pr("reform", "ordning", "sektor")`, med
        95 %-intervaller."""
        tabel = self.detaljer.groupby(list(noegler), sort=False)[[*KOLONNER, *RAEKKER]].sum().reset_index()
        return afrund(med_intervaller(tabel, self._replikater(), noegler, self._vaegte()), KRONER, ANTAL)

    @property
    def virksomheder_afrundet(self):
        return afrund(self.virksomheder, ["forskel_kr"], VIRKSOMHEDSANTAL)


def sammenlign(reformer, befolkning, grundlag=None, aar=None, maaneder=None, bid_personer=BID_PERSONER, fremdrift=None,
               ordninger=ORDNINGER, arbejdere=None, klynge=None, udfoerer=None, genbrug="auto"):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret system).

    `reformer` må være tom: så simuleres kun grundlaget (reformkolonnen hedder "Grundlag", og
    reformens tal er grundlagets). `befolkning`: en `Befolkning`, en iterator af blokke eller en
    `SyntetiskBefolkning`. `aar`: simuleret år (standard: befolkningens). `maaneder`: månedsnumre
    (1-12) at tælle med (standard: hele året). `fremdrift`: kaldes med antal personer efter hver
    bid. `ordninger`: de ordninger, der regnes (standard alle; fx kun dem, en antaget sats
    berører). `arbejdere` (standard: én pr. kerne; 1: i denne proces) og `klynge` (en
    Dask-schedulers adresse) vælger, hvor bidderne regnes (`befolkning.udfoersel`); `udfoerer`
    genbruger en `Udfoerer`. Totalerne og deres 95 %-intervaller er de samme til øren, hvor
    bidderne end regnes. `genbrug`: en reform regner kun de ordninger, hvis formler læser en
    parameter, den ændrer, og genbruger grundlagets tal for resten (`genbrug.py`; False: alle
    ordninger regnes igen; "auto", standard: genbrug fra `GENBRUG_FRA_PERSONER` personer).
    """
    koersel = Koersel(reformer, befolkning, grundlag, aar, maaneder, bid_personer, genbrug=genbrug,
                      ordninger=None if ordninger is ORDNINGER else tuple(o.noegle for o in ordninger))
    with _udfoerer(udfoerer, arbejdere, klynge) as u:
        return sammenlign_flere([koersel], u, fremdrift)[0]


@dataclass
class Koersel:
    """Én sammenligning, som `sammenlign` tager den (flere år eller varianter: én pr. år)."""

    reformer: dict
    befolkning: object
    grundlag: object = None
    aar: int | None = None
    maaneder: list | None = None
    bid_personer: int = BID_PERSONER
    stikproeve: object = None  # til at finde de parametre, ordningerne læser (standard: befolkningens første blok)
    genbrug: bool | str = "auto"  # en reform regner kun de ordninger, den ændrer (genbrug.py)
    ordninger: tuple | None = None  # nøglerne på de ordninger, der regnes (None: alle)
    # De antagne satsers spænd (`antagelser.spaend`): de berørte ordninger regnes igen på deres
    # deltagere med spændenes høje ender (`Sammenligning.antaget_hoej`), som opgaver i samme kø som bidderne.
    antagne_satser: list | None = None


def sammenlign_flere(koersler, udfoerer, fremdrift=None):
    """Flere sammenligninger (fx årene i `--aar 2024-2027`) som én strøm af opgaver på samme
    udfører: hver opgave er én bid af ét års befolkning med grundlaget og alle årets reformer, så
    også en årsrække og en variantsweep fordeles på alle arbejdere. Resultaterne lægges sammen i
    opgavernes rækkefølge (samme totaler til øren, hvor og i hvilken orden bidderne end regnes)."""
    grundlag = next((k.grundlag for k in koersler if k.grundlag is not None), None)
    if grundlag is None:
        from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag

        grundlag = nyt_grundlag()
    forberedte, opgaver, beroerte = [], [], []
    for nr, k in enumerate(koersler):
        maaneder = kontroller_maaneder(k.maaneder)
        reformer = dict(k.reformer) or {GRUNDLAG: k.grundlag or grundlag}
        forberedte.append((reformer, maaneder))
        beroerte.append(_beroerte(k, grundlag, reformer, maaneder))
        opgaver += [(nr, bid) for bid in bidbeskrivelser(k.befolkning, k.bid_personer, k.aar)]
    lokal = functools.partial(_disse_systemer, grundlag, [r for r, _ in forberedte])
    beskrivelser = _beskrivelser(grundlag, [r for r, _ in forberedte])
    if beskrivelser is None:  # et system, der ikke kan bygges igen i en arbejder: her i processen
        forbered, udfoerer = lokal, Udfoerer(arbejdere=1)
    else:
        forbered = functools.partial(_byg_systemer, beskrivelser)
    opgaveliste = [(BID, nr, bid, forberedte[nr][1], beroerte[nr], koersler[nr].ordninger, koersler[nr].antagne_satser)
                   for nr, bid in opgaver]
    navne = {k: enum_navne(grundlag, k) for k in ("sektor", "maalgruppe")}
    samlet = [([], [], {"raekker": 0, "vaegtede_personer": 0.0, "virksomheder": 0, "befolkning": None, "aar": k.aar,
                         "replikatgrupper": 0}, [numpy.zeros(0)], [])
              for k in koersler]
    melding = (lambda opgave: fremdrift(opgave[2].personer) if opgave[0] == BID else None) if fremdrift else None
    # De antagne satsers høje ende: biddernes deltagere i de berørte ordninger lægges sammen, som
    # resultaterne kommer (i opgavernes rækkefølge, uafhængigt af arbejderne), til bidder på
    # `bid_personer`, og hver færdig bid sættes bag i køen som en opgave på samme udfører med de
    # samme systemer (hver arbejder bygger de høje ender én gang). Så regnes den høje ende, mens de
    # sidste bidder regnes, i stedet for bagefter. En opgave slippes, når dens resultat er lagt
    # sammen (en høj endes bid af deltagere holdes ikke til sidst).
    deltagere = [Samler(k.bid_personer) for k in koersler]
    mangler = len(opgaveliste)  # hovedopgaver, hvis resultat ikke er kommet endnu

    def hoeje_opgaver(nr, dele):
        k = koersler[nr]
        return [(HOEJ_ENDE, nr, FaerdigBid(del_), forberedte[nr][1], beroerte[nr], k.antagne_satser) for del_ in dele]

    resultater = udfoerer.udfoer(_opgave, forbered, opgaveliste, melding, lokal)
    for i, (opgave, resultat) in enumerate(zip(opgaveliste, resultater, strict=True)):
        opgaveliste[i] = None  # læst af udføreren og af løkken: bidden af deltagere kan slippes
        nr = opgave[1]
        if opgave[0] == HOEJ_ENDE:
            samlet[nr][4].append(resultat)
            continue
        d, v, om_bidden = resultat
        detaljer, virksomheder, koersel, gruppevaegte, _ = samlet[nr]
        detaljer.append(d)
        virksomheder.append(v)
        koersel["raekker"] += om_bidden["raekker"]
        koersel["virksomheder"] += om_bidden["virksomheder"]
        koersel["vaegtede_personer"] += om_bidden["vaegtede_personer"]
        koersel["befolkning"] = koersel["befolkning"] or om_bidden["befolkning"]
        koersel["aar"] = om_bidden["aar"]
        # Replikatgruppernes vægte rejser med bidden tilbage fra arbejderen og lægges sammen i
        # opgavernes rækkefølge, som detaljerne pr. gruppe: intervallerne er de samme til øren.
        koersel["replikatgrupper"] = max(koersel["replikatgrupper"], om_bidden["antal_grupper"])
        gruppevaegte[0] = _laeg_til(gruppevaegte[0], om_bidden["gruppevaegte"])
        if om_bidden["udsnit"] is not None:
            opgaveliste += hoeje_opgaver(nr, deltagere[nr].tilfoej(om_bidden["udsnit"]))
        mangler -= 1
        if not mangler:  # den sidste bid: resten af deltagerne i hver kørsel
            for koersel_nr in range(len(koersler)):
                opgaveliste += hoeje_opgaver(koersel_nr, deltagere[koersel_nr].rest())
    return [_saml(detaljer, virksomheder, koersel, navne, gruppevaegte[0], hoeje if k.antagne_satser else None)
            for (detaljer, virksomheder, koersel, gruppevaegte, hoeje), k in zip(samlet, koersler, strict=True)]


def _saml(detaljer, virksomheder, koersel, navne, gruppevaegte, hoeje=None):
    if not detaljer:
        raise ValueError("befolkningen er tom")
    # Biddernes summer lægges sammen i biddernes rækkefølge (samme resultat til øre, uanset hvor
    # bidderne er regnet); pr. replikatgruppe først, så intervallerne kan regnes bagefter.
    replikater = _med_navne(pandas.concat(detaljer).groupby([*DETALJENOEGLER, "gruppe"], sort=False).sum().reset_index(), navne)
    virksomheder = pandas.concat(virksomheder).groupby(["reform", "sektor"], sort=False).sum().reset_index()
    detaljer = replikater.drop(columns="gruppe").groupby(DETALJENOEGLER, sort=False).sum().reset_index()
    virksomheder["sektor"] = navne["sektor"][virksomheder["sektor"].to_numpy()]
    koersel["vaegtede_personer"] = round(koersel["vaegtede_personer"])
    koersel["interval"] = usikkerhed.beskrivelse(koersel["replikatgrupper"])
    resultat = Sammenligning(detaljer=detaljer, virksomheder=virksomheder, koersel=koersel, replikater=replikater,
                             gruppevaegte=gruppevaegte if koersel["replikatgrupper"] >= 2 else None)
    if hoeje:  # de antagne satsers ender: den lave er kørslens egne tal
        resultat.antaget_lav = detaljer
        resultat.antaget_hoej = _med_navne(pandas.concat(hoeje).drop(columns="gruppe").groupby(
            DETALJENOEGLER, sort=False).sum().reset_index(), navne)
    return resultat


def _med_navne(tabel, navne):
    """Grupperne er enum-indekser, til bidderne er lagt sammen; navnene slås op én gang."""
    tabel["sektor"] = navne["sektor"][tabel["sektor"].to_numpy()]
    maalgrupper = numpy.append(navne["maalgruppe"], UDEN_MAALGRUPPE)  # indeks -1: virksomhedsordning
    tabel["maalgruppe"] = maalgrupper[tabel["maalgruppe"].to_numpy()]
    return tabel


def _laeg_til(a, b):
    """Summen af to vektorer af gruppevægte (den korteste forlænget med nuller)."""
    ud = numpy.zeros(max(len(a), len(b)))
    ud[: len(a)] += a
    ud[: len(b)] += b
    return ud


# At finde, hvilke parametre hver ordning læser (genbrug.py), koster ca. 1 CPU-s uanset befolkningens
# størrelse; genbruget sparer en del af reformens regning i hver bid. Under så mange personer (én
# standardbid) betaler sporingen sig ikke, og alle ordninger regnes igen: samme tal (test_genbrug.py).
GENBRUG_FRA_PERSONER = 300_000


def _beroerte(koersel, grundlag, reformer, maaneder):
    """{reformnavn: ordningerne, reformen regner} (None: alle), se `genbrug.py`."""
    if not koersel.genbrug:
        return dict.fromkeys(reformer)
    personer = getattr(koersel.befolkning, "antal_personer", None)
    if koersel.genbrug == "auto" and personer is not None and personer < GENBRUG_FRA_PERSONER:
        return dict.fromkeys(reformer)
    from openfisca_dk_jobcenter.analyse.genbrug import ordninger_at_regne

    stikproeve = koersel.stikproeve if koersel.stikproeve is not None else koersel.befolkning
    if not isinstance(stikproeve, Befolkning | SyntetiskBefolkning):
        return dict.fromkeys(reformer)  # en iterator af blokke kan kun løbes igennem én gang
    return ordninger_at_regne(koersel.grundlag or grundlag, reformer, stikproeve, koersel.aar or stikproeve.aar, maaneder)


@contextlib.contextmanager
def _udfoerer(udfoerer, arbejdere, klynge):
    if udfoerer is not None:
        yield udfoerer
        return
    with Udfoerer(arbejdere, klynge) as u:
        yield u


def _beskrivelser(grundlag, reformer_pr_koersel):
    """[{navn: beskrivelse}] pr. kørsel, eller None, hvis et system ikke kan bygges igen andetsteds."""
    from openfisca_dk_jobcenter.analyse.reformvalg import beskrivelse

    if beskrivelse(grundlag) != (None, []):
        return None
    ud = []
    for reformer in reformer_pr_koersel:
        b = {navn: beskrivelse(system) for navn, system in reformer.items()}
        if any(v is None for v in b.values()):
            return None
        ud.append(b)
    return ud


@dataclass
class _Systemer:
    """En arbejders (eller denne proces') systemer for en række kørsler: grundlaget, hver kørsels
    reformer og — bygget første gang, en bid beder om dem — systemerne ved de antagne satsers høje
    ende pr. (kørsel, år)."""

    grundlag: object
    reformer_pr_koersel: list
    hoeje: dict = field(default_factory=dict)

    def ved_hoeje_ende(self, nr, aar, antagne_satser):
        """(grundlaget, {reformnavn: system}) med spændenes høje ender fra 1. januar `aar`."""
        from openfisca_dk_jobcenter.analyse.antagelser import hoejt_system

        if (nr, aar) not in self.hoeje:
            g = hoejt_system(self.grundlag, antagne_satser, aar)
            self.hoeje[nr, aar] = (g, {navn: g if system is self.grundlag else hoejt_system(system, antagne_satser, aar)
                                       for navn, system in self.reformer_pr_koersel[nr].items()})
        return self.hoeje[nr, aar]


def _byg_systemer(beskrivelser):
    """I arbejderen, én gang: grundlaget og hver kørsels reformer bygget efter beskrivelserne."""
    from openfisca_dk_jobcenter.analyse.reformvalg import byg
    from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag

    g = nyt_grundlag()
    return _Systemer(g, [{navn: byg(g, b) for navn, b in reformer.items()} for reformer in beskrivelser])


def _disse_systemer(grundlag, reformer_pr_koersel):
    return _Systemer(grundlag, reformer_pr_koersel)


BID, HOEJ_ENDE = "bid", "høje ende"


def _opgave(systemer, opgave):
    """En opgave på udføreren: en bid (`_sammenlign_opgave`) eller deltagerne ved de antagne
    satsers høje ende (`_hoeje_ende_opgave`); opgavens første led siger hvilken."""
    slags, *opgave = opgave
    return (_sammenlign_opgave if slags == BID else _hoeje_ende_opgave)(systemer, tuple(opgave))


def _sammenlign_opgave(systemer, opgave):
    """Én bid (i arbejderen): lav bidden ud fra beskrivelsen og sammenlign grundlaget med
    kørslens reformer; returnér de små, grupperede tabeller (pr. replikatgruppe), bidden
    størrelse og replikatgruppernes vægte, og — med antagne satser — bidden personer med de
    berørte ordningers input (til spændenes høje ende, `_hoeje_ende_opgave`)."""
    nr, beskrivelse, maaneder, beroerte, ordningsnoegler, antagne_satser = opgave
    bid = beskrivelse.lav()
    ordninger = _ordninger(ordningsnoegler)
    d, v = _sammenlign_bid(systemer.grundlag, systemer.reformer_pr_koersel[nr], bid, maaneder, ordninger, beroerte)
    om_bidden = {"raekker": bid.antal_personer, "virksomheder": bid.antal_virksomheder,
                 "vaegtede_personer": bid.vaegtede_personer, "befolkning": bid.kilde, "aar": bid.aar,
                 "antal_grupper": bid.antal_grupper,
                 "gruppevaegte": usikkerhed.gruppevaegte(bid.vaegte, bid.grupper, bid.antal_grupper),
                 "udsnit": None}
    if antagne_satser:
        from openfisca_dk_jobcenter.analyse.antagelser import aktivt_udsnit, beroerte_ordninger

        om_bidden["udsnit"] = aktivt_udsnit(bid, beroerte_ordninger(antagne_satser))
    return d, v, om_bidden


def _hoeje_ende_opgave(systemer, opgave):
    """De berørte ordningers detaljer (pr. replikatgruppe) ved de antagne satsers høje ende for en
    bid af deltagerne (`antagelser.aktivt_udsnit`: de andre får 0 kr. ved begge ender). Genbruget
    gælder også her (`beroerte`, genbrug.py): en ordning, hvis formler ikke læser en parameter,
    reformen ændrer, er den samme under reformen ved den høje ende som under grundlaget ved den
    høje ende, for begge har de samme antagne satser."""
    from openfisca_dk_jobcenter.analyse.antagelser import beroerte_ordninger

    nr, del_, maaneder, beroerte, antagne_satser = opgave
    bid = del_.lav()
    hoej_g, hoeje = systemer.ved_hoeje_ende(nr, bid.aar, antagne_satser)
    return _sammenlign_bid(hoej_g, hoeje, bid, maaneder, beroerte_ordninger(antagne_satser), beroerte)[0]


def _ordninger(noegler):
    """Ordningerne med nøglerne `noegler` i registrets rækkefølge (None: alle). Opgaverne bærer
    nøgler, ikke ordningerne selv, så de er små at sende."""
    return ORDNINGER if noegler is None else [o for o in ORDNINGER if o.noegle in noegler]


def _sammenlign_bid(grundlag, reformer, bid, maaneds_numre, ordninger=ORDNINGER, beroerte=None):
    """Vægtede summer pr. (reform, ordning, sektor, målgruppe) og pr. (reform, sektor) for én bid.

    Grupperingen sker på sektorens og målgruppens enum-indekser (tal), så ingen tekstkolonne
    laves pr. person; grupperne kommer i første forekomsts rækkefølge.
    """
    basis = beregn_bid(grundlag, bid, maaneds_numre, ordninger=ordninger)
    vp, vv = bid.vaegte, bid.virksomhedsvaegte
    sektor_v = basis.koder["sektor"]
    sektor_p, maalgruppe_p = sektor_v[bid.person_virksomhed], basis.koder["maalgruppe"]
    ingen_maalgruppe = numpy.full(bid.antal_virksomheder, -1, dtype=numpy.int16)
    # Grupperne findes én gang pr. bid (personer og virksomheder) og bruges for alle reformer.
    grupper_p = Gruppering({"sektor": sektor_p, "maalgruppe": maalgruppe_p, "gruppe": bid.grupper})
    grupper_v = Gruppering({"sektor": sektor_v, "maalgruppe": ingen_maalgruppe, "gruppe": bid.virksomhedsgrupper})
    grupper_sektor = Gruppering({"sektor": sektor_v})
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform = basis if system is grundlag else _reformens_bid(basis, system, bid, maaneds_numre,
                                                                 (beroerte or {}).get(navn), ordninger)
        # Pr. virksomhed: forskellen (vinder/taber) og dens vægtede bidrag til totalen.
        forskel_v, forskel_v_vaegtet = numpy.zeros(bid.antal_virksomheder), numpy.zeros(bid.antal_virksomheder)
        for o in ordninger:
            b, r = basis.kroner[o.noegle], reform.kroner[o.noegle]
            if o.entitet == "person":
                grupper, w = grupper_p, vp
                forskel_v += numpy.bincount(bid.person_virksomhed, r - b, bid.antal_virksomheder)
                forskel_v_vaegtet += numpy.bincount(bid.person_virksomhed, (r - b) * w, bid.antal_virksomheder)
            else:
                grupper, w = grupper_v, vv
                forskel_v += r - b
                forskel_v_vaegtet += (r - b) * w
            vaerdier = {
                "grundlag_kr": b * w,
                "reform_kr": r * w,
                "forskel_kr": (r - b) * w,
                "modtagere_grundlag": basis.deltagere[o.noegle] * w,
                "modtagere_reform": reform.deltagere[o.noegle] * w,
                "vindere": (r > b + OERE) * w,
                "tabere": (r < b - OERE) * w,
                "raekker_grundlag": basis.deltagere[o.noegle].astype(numpy.int64),
                "raekker_reform": reform.deltagere[o.noegle].astype(numpy.int64),
            }
            detaljer.append(_grupper({"reform": navn, "ordning": o.navn}, grupper, vaerdier))
        vaerdier = {
            "virksomheder": vv,
            "virksomheder_der_vinder": (forskel_v > OERE) * vv,
            "virksomheder_der_taber": (forskel_v < -OERE) * vv,
            "forskel_kr": forskel_v_vaegtet,
        }
        virksomheder.append(_grupper({"reform": navn}, grupper_sektor, vaerdier))
    return pandas.concat(detaljer), pandas.concat(virksomheder)


def _reformens_bid(basis, system, bid, maaneds_numre, ordninger_at_regne, ordninger=ORDNINGER):
    """Reformens tal for bidden af `ordninger`: kun dem i `ordninger_at_regne` regnes (None:
    alle), de andre er grundlagets (deres formler læser ingen parameter, reformen ændrer;
    genbrug.py)."""
    if ordninger_at_regne is None:
        return beregn_bid(system, bid, maaneds_numre, ordninger=ordninger)
    valgte = [o for o in ordninger if o.noegle in ordninger_at_regne]
    if not valgte:
        return basis
    regnet = beregn_bid(system, bid, maaneds_numre, ordninger=valgte)
    return BidResultat(kroner={**basis.kroner, **regnet.kroner}, deltagere={**basis.deltagere, **regnet.deltagere},
                       koder=basis.koder)


class Gruppering:
    """Grupperne for en kombination af nøglekolonner (små heltal, fx enum-indekser), fundet én gang
    pr. bid og brugt til alle reformer og ordninger: gruppe pr. række og gruppernes nøgler i første
    forekomsts rækkefølge (som pandas' `groupby(sort=False)`)."""

    def __init__(self, noegler):
        self.navne = list(noegler)
        kolonner = [numpy.asarray(v, dtype=numpy.int64) for v in noegler.values()]
        samlet = numpy.zeros(len(kolonner[0]), dtype=numpy.int64)
        for k in kolonner:  # nøglerne er små (>= -1): én kode pr. kombination
            samlet = samlet * (int(k.max(initial=0)) + 2) + (k + 1)
        _, foerste, gruppe = numpy.unique(samlet, return_index=True, return_inverse=True)
        orden = numpy.argsort(foerste, kind="stable")  # første forekomst først
        ny = numpy.empty_like(orden)
        ny[orden] = numpy.arange(len(orden))
        self.gruppe = ny[gruppe.reshape(-1)]
        self.antal = len(orden)
        raekker = foerste[orden]
        self.noegler = {navn: numpy.asarray(v)[raekker] for navn, v in noegler.items()}


def _grupper(faste, noegler, vaerdier):
    """`vaerdier` summeret pr. kombination af `noegler` (i første forekomsts rækkefølge), med
    `faste` kolonner (reform, ordning) foran. `noegler` er en `Gruppering` (genbrugt for alle
    reformer og ordninger i bidden) eller en dict af nøglekolonner."""
    g = noegler if isinstance(noegler, Gruppering) else Gruppering(noegler)
    summer = {k: numpy.bincount(g.gruppe, numpy.asarray(v, dtype=numpy.float64), g.antal) for k, v in vaerdier.items()}
    return pandas.DataFrame({**dict.fromkeys(faste), **g.noegler, **summer}).assign(**faste)
