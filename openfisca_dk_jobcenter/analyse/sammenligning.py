"""Sammenlign grundlaget med en eller flere reformer på en befolkning: kroner, modtagere, hvem
vinder og taber — pr. ordning, sektor og målgruppe, vægtet med befolkningens `vaegt`.

Eksempel (i en notebook)::

    from openfisca_dk_jobcenter.analyse import sammenlign, reform, syntetiske_blokke, grundlag

    g = grundlag()
    r = reform(g, "examples/reformer/hoejere_voksenlaerlingesatser.yaml")
    resultat = sammenlign({"Højere satser": r}, syntetiske_blokke(10_000), grundlag=g, aar=2026)
    resultat.pr_ordning          # én række pr. (reform, ordning) + "I alt"
    resultat.detaljer            # pr. (reform, ordning, sektor, målgruppe)
    resultat.virksomheder        # virksomheder, der vinder/taber, pr. (reform, sektor)
    resultat.koersel             # år, befolkning, rækker og vægtede personer

Alle kroner og antal er vægtede: en række med `vaegt` 30 tæller som 30 personer. Kroner står i
øre (to decimaler), antal som hele tal.
"""

import contextlib
import functools
from dataclasses import dataclass, field

import numpy
import pandas

from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.analyse.personresultater import simuler
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag
from openfisca_dk_jobcenter.befolkning.beregning import BidResultat, beregn_bid, enum_navne
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.udfoersel import SyntetiskBefolkning, Udfoerer, bidbeskrivelser
from openfisca_dk_jobcenter.ordninger import ORDNINGER

__all__ = ["BID_PERSONER", "Sammenligning", "bidder", "grundlag", "sammenlign", "simuler"]

OERE = 0.005  # forskelle under en halv øre er afrunding, ikke gevinst eller tab
GRUNDLAG = "Grundlag"  # reformkolonnens navn, når kun grundlaget er simuleret
ANTAL = ["modtagere_grundlag", "modtagere_reform", "vindere", "tabere"]
KRONER = ["grundlag_kr", "reform_kr", "forskel_kr"]
KOLONNER = [*KRONER, *ANTAL]
VIRKSOMHEDSANTAL = ["virksomheder", "virksomheder_der_vinder", "virksomheder_der_taber"]
UDEN_MAALGRUPPE = "(virksomhed)"  # målgruppe for en virksomhedsordnings rækker


def afrund(ramme, kroner=(), antal=()):
    """Kroner til øre, antal til hele tal (vægtede antal er summer af vægte)."""
    ramme = ramme.copy()
    for k in kroner:
        if k in ramme:
            ramme[k] = ramme[k].astype(numpy.float64).round(2)
    for k in antal:
        if k in ramme:
            ramme[k] = ramme[k].round(0).astype("Int64")
    return ramme


@dataclass
class Sammenligning:
    """Resultatet: `detaljer` pr. (reform, ordning, sektor, målgruppe), `virksomheder` pr.
    (reform, sektor); `pr_ordning` er detaljerne summeret pr. ordning med en "I alt"-række.
    `koersel`: år, befolkning, rækker og vægtede personer, som hvert output nævner."""

    detaljer: pandas.DataFrame
    virksomheder: pandas.DataFrame
    koersel: dict = field(default_factory=dict)

    @property
    def pr_ordning(self):
        tabel = self.detaljer.groupby(["reform", "ordning"], sort=False)[KOLONNER].sum().reset_index()
        # Modtagere tælles pr. ordning; en person kan være med i flere, så de summeres ikke.
        i_alt = tabel.groupby("reform", sort=False)[KRONER].sum().reset_index()
        i_alt["ordning"] = "I alt"
        samlet = pandas.concat([tabel, i_alt], ignore_index=True)[tabel.columns]
        orden = {navn: i for i, navn in enumerate(dict.fromkeys(tabel["reform"]))}
        samlet = samlet.sort_values("reform", key=lambda s: s.map(orden), kind="stable").reset_index(drop=True)
        return afrund(samlet, KRONER, ANTAL)

    def pr(self, *noegler):
        """Detaljerne summeret pr. de givne kolonner, fx `pr("reform", "ordning", "sektor")`."""
        return afrund(self.detaljer.groupby(list(noegler), sort=False)[KOLONNER].sum().reset_index(), KRONER, ANTAL)

    @property
    def virksomheder_afrundet(self):
        return afrund(self.virksomheder, ["forskel_kr"], VIRKSOMHEDSANTAL)


def sammenlign(reformer, befolkning, grundlag=None, aar=None, maaneder=None, bid_personer=BID_PERSONER, fremdrift=None,
               arbejdere=None, klynge=None, udfoerer=None, genbrug=True):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret system).

    `reformer` må være tom: så simuleres kun grundlaget (reformkolonnen hedder "Grundlag", og
    reformens tal er grundlagets). `befolkning`: en `Befolkning`, en iterator af blokke eller en
    `SyntetiskBefolkning`. `aar`: simuleret år (standard: befolkningens). `maaneder`: månedsnumre
    (1-12) at tælle med (standard: hele året). `fremdrift`: kaldes med antal personer efter hver
    bid. `arbejdere` (standard: én pr. kerne; 1: i denne proces) og `klynge` (en Dask-schedulers
    adresse) vælger, hvor bidderne regnes (`befolkning.udfoersel`); `udfoerer` genbruger en
    `Udfoerer`. Totalerne er de samme til øren, hvor bidderne end regnes. `genbrug`: en reform
    regner kun de ordninger, hvis formler læser en parameter, den ændrer, og genbruger grundlagets
    tal for resten (`genbrug.py`; False: alle ordninger regnes igen).
    """
    koersel = Koersel(reformer, befolkning, grundlag, aar, maaneder, bid_personer, genbrug=genbrug)
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
    genbrug: bool = True  # en reform regner kun de ordninger, den ændrer (genbrug.py)


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
    opgaver = [(nr, bid, forberedte[nr][1], beroerte[nr]) for nr, bid in opgaver]
    navne = {k: enum_navne(grundlag, k) for k in ("sektor", "maalgruppe")}
    samlet = [([], [], {"raekker": 0, "vaegtede_personer": 0.0, "virksomheder": 0, "befolkning": None, "aar": k.aar})
              for k in koersler]
    melding = (lambda opgave: fremdrift(opgave[1].personer)) if fremdrift else None
    for (nr, *_), (d, v, om_bidden) in zip(opgaver, udfoerer.udfoer(_sammenlign_opgave, forbered, opgaver, melding, lokal),
                                             strict=True):
        detaljer, virksomheder, koersel = samlet[nr]
        detaljer.append(d)
        virksomheder.append(v)
        koersel["raekker"] += om_bidden["raekker"]
        koersel["virksomheder"] += om_bidden["virksomheder"]
        koersel["vaegtede_personer"] += om_bidden["vaegtede_personer"]
        koersel["befolkning"] = koersel["befolkning"] or om_bidden["befolkning"]
        koersel["aar"] = om_bidden["aar"]
    return [_saml(detaljer, virksomheder, koersel, navne) for detaljer, virksomheder, koersel in samlet]


def _saml(detaljer, virksomheder, koersel, navne):
    if not detaljer:
        raise ValueError("befolkningen er tom")
    detaljer = pandas.concat(detaljer).groupby(["reform", "ordning", "sektor", "maalgruppe"], sort=False).sum().reset_index()
    virksomheder = pandas.concat(virksomheder).groupby(["reform", "sektor"], sort=False).sum().reset_index()
    # Grupperne er enum-indekser indtil nu; navnene slås op én gang.
    detaljer["sektor"] = navne["sektor"][detaljer["sektor"].to_numpy()]
    maalgrupper = numpy.append(navne["maalgruppe"], UDEN_MAALGRUPPE)  # indeks -1: virksomhedsordning
    detaljer["maalgruppe"] = maalgrupper[detaljer["maalgruppe"].to_numpy()]
    virksomheder["sektor"] = navne["sektor"][virksomheder["sektor"].to_numpy()]
    koersel["vaegtede_personer"] = round(koersel["vaegtede_personer"])
    return Sammenligning(detaljer=detaljer, virksomheder=virksomheder, koersel=koersel)


def _beroerte(koersel, grundlag, reformer, maaneder):
    """{reformnavn: ordningerne, reformen regner} (None: alle), se `genbrug.py`."""
    if not koersel.genbrug:
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


def _byg_systemer(beskrivelser):
    """I arbejderen, én gang: grundlaget og hver kørsels reformer bygget efter beskrivelserne."""
    from openfisca_dk_jobcenter.analyse.reformvalg import byg
    from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag

    g = nyt_grundlag()
    return g, [{navn: byg(g, b) for navn, b in reformer.items()} for reformer in beskrivelser]


def _disse_systemer(grundlag, reformer_pr_koersel):
    return grundlag, reformer_pr_koersel


def _sammenlign_opgave(systemer, opgave):
    """Én bid (i arbejderen): lav bidden ud fra beskrivelsen og sammenlign grundlaget med
    kørslens reformer; returnér de små, grupperede tabeller og bidden størrelse."""
    grundlag, reformer_pr_koersel = systemer
    nr, beskrivelse, maaneder, beroerte = opgave
    bid = beskrivelse.lav()
    d, v = _sammenlign_bid(grundlag, reformer_pr_koersel[nr], bid, maaneder, beroerte)
    om_bidden = {"raekker": bid.antal_personer, "virksomheder": bid.antal_virksomheder,
                 "vaegtede_personer": bid.vaegtede_personer, "befolkning": bid.kilde, "aar": bid.aar}
    return d, v, om_bidden


def _sammenlign_bid(grundlag, reformer, bid, maaneds_numre, beroerte=None):
    """Vægtede summer pr. (reform, ordning, sektor, målgruppe) og pr. (reform, sektor) for én bid.

    Grupperingen sker på sektorens og målgruppens enum-indekser (tal), så ingen tekstkolonne
    laves pr. person; grupperne kommer i første forekomsts rækkefølge.
    """
    basis = beregn_bid(grundlag, bid, maaneds_numre)
    vp, vv = bid.vaegte, bid.virksomhedsvaegte
    sektor_v = basis.koder["sektor"]
    sektor_p, maalgruppe_p = sektor_v[bid.person_virksomhed], basis.koder["maalgruppe"]
    ingen_maalgruppe = numpy.full(bid.antal_virksomheder, -1, dtype=numpy.int16)
    # Grupperne findes én gang pr. bid (personer og virksomheder) og bruges for alle reformer.
    grupper_p = Gruppering({"sektor": sektor_p, "maalgruppe": maalgruppe_p})
    grupper_v = Gruppering({"sektor": sektor_v, "maalgruppe": ingen_maalgruppe})
    grupper_sektor = Gruppering({"sektor": sektor_v})
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform = basis if system is grundlag else _reformens_bid(basis, system, bid, maaneds_numre, (beroerte or {}).get(navn))
        # Pr. virksomhed: forskellen (vinder/taber) og dens vægtede bidrag til totalen.
        forskel_v, forskel_v_vaegtet = numpy.zeros(bid.antal_virksomheder), numpy.zeros(bid.antal_virksomheder)
        for o in ORDNINGER:
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


def _reformens_bid(basis, system, bid, maaneds_numre, ordninger_at_regne):
    """Reformens tal for bidden: kun ordningerne i `ordninger_at_regne` regnes (None: alle), de
    andre er grundlagets (deres formler læser ingen parameter, reformen ændrer; genbrug.py)."""
    if ordninger_at_regne is None:
        return beregn_bid(system, bid, maaneds_numre)
    valgte = [o for o in ORDNINGER if o.noegle in ordninger_at_regne]
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
