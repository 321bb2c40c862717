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
øre (to decimaler), antal som hele tal.
"""

from dataclasses import dataclass, field

import numpy
import pandas

from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.analyse.personresultater import simuler
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag
from openfisca_dk_jobcenter.befolkning.beregning import beregn_bid, enum_navne
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

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


def sammenlign(reformer, befolkning, grundlag=None, aar=None, maaneder=None, bid_personer=BID_PERSONER, fremdrift=None):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret system).

    `reformer` må være tom: så simuleres kun grundlaget (reformkolonnen hedder "Grundlag", og
    reformens tal er grundlagets). `befolkning`: en `Befolkning` eller en iterator af blokke.
    `aar`: simuleret år (standard: befolkningens). `maaneder`: månedsnumre (1-12) at tælle med
    (standard: hele året). `fremdrift`: kaldes med antal personer efter hver bid.
    """
    maaneder = kontroller_maaneder(maaneder)
    if grundlag is None:
        from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag

        grundlag = nyt_grundlag()
    reformer = dict(reformer) or {GRUNDLAG: grundlag}
    navne = {k: enum_navne(grundlag, k) for k in ("sektor", "maalgruppe")}
    detaljer, virksomheder = [], []
    koersel = {"raekker": 0, "vaegtede_personer": 0.0, "virksomheder": 0, "befolkning": None, "aar": aar}
    for bid in bidder(befolkning, bid_personer, aar):
        d, v = _sammenlign_bid(grundlag, reformer, bid, maaneder)
        detaljer.append(d)
        virksomheder.append(v)
        koersel["raekker"] += bid.antal_personer
        koersel["virksomheder"] += bid.antal_virksomheder
        koersel["vaegtede_personer"] += bid.vaegtede_personer
        koersel["befolkning"] = koersel["befolkning"] or bid.kilde
        koersel["aar"] = bid.aar
        if fremdrift:
            fremdrift(bid.antal_personer)
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


def _sammenlign_bid(grundlag, reformer, bid, maaneds_numre):
    """Vægtede summer pr. (reform, ordning, sektor, målgruppe) og pr. (reform, sektor) for én bid.

    Grupperingen sker på sektorens og målgruppens enum-indekser (tal), så ingen tekstkolonne
    laves pr. person; grupperne kommer i første forekomsts rækkefølge.
    """
    basis = beregn_bid(grundlag, bid, maaneds_numre)
    vp, vv = bid.vaegte, bid.virksomhedsvaegte
    sektor_v = basis.koder["sektor"]
    sektor_p, maalgruppe_p = sektor_v[bid.person_virksomhed], basis.koder["maalgruppe"]
    ingen_maalgruppe = numpy.full(bid.antal_virksomheder, -1, dtype=numpy.int16)
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform = basis if system is grundlag else beregn_bid(system, bid, maaneds_numre)
        # Pr. virksomhed: forskellen (vinder/taber) og dens vægtede bidrag til totalen.
        forskel_v, forskel_v_vaegtet = numpy.zeros(bid.antal_virksomheder), numpy.zeros(bid.antal_virksomheder)
        for o in ORDNINGER:
            b, r = basis.kroner[o.noegle], reform.kroner[o.noegle]
            if o.entitet == "person":
                sektor, maalgruppe, w = sektor_p, maalgruppe_p, vp
                forskel_v += numpy.bincount(bid.person_virksomhed, r - b, bid.antal_virksomheder)
                forskel_v_vaegtet += numpy.bincount(bid.person_virksomhed, (r - b) * w, bid.antal_virksomheder)
            else:
                sektor, maalgruppe, w = sektor_v, ingen_maalgruppe, vv
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
            detaljer.append(_grupper({"reform": navn, "ordning": o.navn}, {"sektor": sektor, "maalgruppe": maalgruppe}, vaerdier))
        vaerdier = {
            "virksomheder": vv,
            "virksomheder_der_vinder": (forskel_v > OERE) * vv,
            "virksomheder_der_taber": (forskel_v < -OERE) * vv,
            "forskel_kr": forskel_v_vaegtet,
        }
        virksomheder.append(_grupper({"reform": navn}, {"sektor": sektor_v}, vaerdier))
    return pandas.concat(detaljer), pandas.concat(virksomheder)


def _grupper(faste, noegler, vaerdier):
    """`vaerdier` summeret pr. kombination af `noegler` (i første forekomsts rækkefølge), med
    `faste` kolonner (reform, ordning) foran."""
    ramme = pandas.DataFrame({**noegler, **vaerdier})
    summer = ramme.groupby(list(noegler), sort=False).sum().reset_index()
    for i, (k, v) in enumerate(faste.items()):
        summer.insert(i, k, v)
    return summer
