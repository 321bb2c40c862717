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

from dataclasses import dataclass, field

import numpy
import pandas

from openfisca_dk_jobcenter.analyse import usikkerhed
from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.analyse.personresultater import simuler
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag
from openfisca_dk_jobcenter.analyse.tabel import FAA_RAEKKER  # noqa: F401 (færre rækker bag en total: sagt)
from openfisca_dk_jobcenter.befolkning.beregning import beregn_bid, enum_navne
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
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
    grupper = range(len(gruppevaegte))
    pr_gruppe = replikater.groupby([*noegler, "gruppe"], sort=False)[list(kolonner)].sum().unstack("gruppe", fill_value=0.0)
    halve = pandas.DataFrame(
        {k: usikkerhed.halv_bredde(pr_gruppe[k].reindex(columns=grupper, fill_value=0.0).to_numpy(), gruppevaegte)
         for k in kolonner},
        index=pr_gruppe.index,
    )
    halve = tabel[noegler].merge(halve.reset_index(), on=noegler, how="left")
    for k in kolonner:
        h = halve[k].fillna(0.0).to_numpy()
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
    # Pr. (reform, ordning, sektor, målgruppe) på de berørte virksomheder: kroner ved de antagne
    # satsers lave og høje ende (analyse/antagelser.py); forskellen lægges til totalen.
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
               ordninger=ORDNINGER):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret system).

    `reformer` må være tom: så simuleres kun grundlaget (reformkolonnen hedder "Grundlag", og
    reformens tal er grundlagets). `befolkning`: en `Befolkning` eller en iterator af blokke.
    `aar`: simuleret år (standard: befolkningens). `maaneder`: månedsnumre (1-12) at tælle med
    (standard: hele året). `fremdrift`: kaldes med antal personer efter hver bid. `ordninger`:
    de ordninger, der regnes (standard alle; fx kun dem, en antaget sats berører).
    """
    maaneder = kontroller_maaneder(maaneder)
    if grundlag is None:
        from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag

        grundlag = nyt_grundlag()
    reformer = dict(reformer) or {GRUNDLAG: grundlag}
    navne = {k: enum_navne(grundlag, k) for k in ("sektor", "maalgruppe")}
    detaljer, virksomheder = [], []
    koersel = {"raekker": 0, "vaegtede_personer": 0.0, "virksomheder": 0, "befolkning": None, "aar": aar,
               "replikatgrupper": 0}
    gruppevaegte = numpy.zeros(0)
    for bid in bidder(befolkning, bid_personer, aar):
        d, v = _sammenlign_bid(grundlag, reformer, bid, maaneder, ordninger)
        detaljer.append(d)
        virksomheder.append(v)
        koersel["raekker"] += bid.antal_personer
        koersel["virksomheder"] += bid.antal_virksomheder
        koersel["vaegtede_personer"] += bid.vaegtede_personer
        koersel["befolkning"] = koersel["befolkning"] or bid.kilde
        koersel["aar"] = bid.aar
        koersel["replikatgrupper"] = max(koersel["replikatgrupper"], bid.antal_grupper)
        gruppevaegte = _laeg_til(gruppevaegte, usikkerhed.gruppevaegte(bid.vaegte, bid.grupper, bid.antal_grupper))
        if fremdrift:
            fremdrift(bid.antal_personer)
    if not detaljer:
        raise ValueError("befolkningen er tom")
    # Biddernes summer lægges sammen i biddernes rækkefølge (samme resultat til øre, uanset hvor
    # bidderne er regnet); pr. replikatgruppe først, så intervallerne kan regnes bagefter.
    replikater = pandas.concat(detaljer).groupby([*DETALJENOEGLER, "gruppe"], sort=False).sum().reset_index()
    virksomheder = pandas.concat(virksomheder).groupby(["reform", "sektor"], sort=False).sum().reset_index()
    # Grupperne er enum-indekser indtil nu; navnene slås op én gang.
    replikater["sektor"] = navne["sektor"][replikater["sektor"].to_numpy()]
    maalgrupper = numpy.append(navne["maalgruppe"], UDEN_MAALGRUPPE)  # indeks -1: virksomhedsordning
    replikater["maalgruppe"] = maalgrupper[replikater["maalgruppe"].to_numpy()]
    detaljer = replikater.drop(columns="gruppe").groupby(DETALJENOEGLER, sort=False).sum().reset_index()
    virksomheder["sektor"] = navne["sektor"][virksomheder["sektor"].to_numpy()]
    koersel["vaegtede_personer"] = round(koersel["vaegtede_personer"])
    koersel["interval"] = usikkerhed.beskrivelse(koersel["replikatgrupper"])
    return Sammenligning(detaljer=detaljer, virksomheder=virksomheder, koersel=koersel, replikater=replikater,
                         gruppevaegte=gruppevaegte if koersel["replikatgrupper"] >= 2 else None)


def _laeg_til(a, b):
    """Summen af to vektorer af gruppevægte (den korteste forlænget med nuller)."""
    ud = numpy.zeros(max(len(a), len(b)))
    ud[: len(a)] += a
    ud[: len(b)] += b
    return ud


def _sammenlign_bid(grundlag, reformer, bid, maaneds_numre, ordninger=ORDNINGER):
    """Vægtede summer pr. (reform, ordning, sektor, målgruppe) og pr. (reform, sektor) for én bid.

    Grupperingen sker på sektorens og målgruppens enum-indekser (tal), så ingen tekstkolonne
    laves pr. person; grupperne kommer i første forekomsts rækkefølge.
    """
    basis = beregn_bid(grundlag, bid, maaneds_numre, ordninger=ordninger)
    vp, vv = bid.vaegte, bid.virksomhedsvaegte
    gruppe_p, gruppe_v = bid.grupper, bid.virksomhedsgrupper
    sektor_v = basis.koder["sektor"]
    sektor_p, maalgruppe_p = sektor_v[bid.person_virksomhed], basis.koder["maalgruppe"]
    ingen_maalgruppe = numpy.full(bid.antal_virksomheder, -1, dtype=numpy.int16)
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform = basis if system is grundlag else beregn_bid(system, bid, maaneds_numre, ordninger=ordninger)
        # Pr. virksomhed: forskellen (vinder/taber) og dens vægtede bidrag til totalen.
        forskel_v, forskel_v_vaegtet = numpy.zeros(bid.antal_virksomheder), numpy.zeros(bid.antal_virksomheder)
        for o in ordninger:
            b, r = basis.kroner[o.noegle], reform.kroner[o.noegle]
            if o.entitet == "person":
                sektor, maalgruppe, w, gruppe = sektor_p, maalgruppe_p, vp, gruppe_p
                forskel_v += numpy.bincount(bid.person_virksomhed, r - b, bid.antal_virksomheder)
                forskel_v_vaegtet += numpy.bincount(bid.person_virksomhed, (r - b) * w, bid.antal_virksomheder)
            else:
                sektor, maalgruppe, w, gruppe = sektor_v, ingen_maalgruppe, vv, gruppe_v
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
            noegler = {"sektor": sektor, "maalgruppe": maalgruppe, "gruppe": gruppe}
            detaljer.append(_grupper({"reform": navn, "ordning": o.navn}, noegler, vaerdier))
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
