"""Hver persons og hver virksomheds tilskud pr. ordning i året, med id og vægt."""

import numpy
import pandas

from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.befolkning.beregning import beregn_bid, enum_navne
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER


def simuler(system, befolkning, aar=None, maaneder=None, bid_personer=BID_PERSONER):
    """Hver persons og hver virksomheds tilskud pr. ordning i året (eller de givne måneder).

    Returnerer (personer, virksomheder) som DataFrames med kolonnerne `id`, `vaegt`, `virksomhed`
    (virksomhedens id), `sektor`, `maalgruppe` (personer) og én kolonne pr. ordning i kroner.
    Personernes ordninger står pr. person; virksomhedsordninger (fx jobrotation) og `i_alt` pr.
    virksomhed. Beløbene er uvægtede (én række); gang med `vaegt` for landstal.
    """
    maaneder = kontroller_maaneder(maaneder)  # [13] er en fejl, ikke nuller
    # Kolonnerne samles som numpy-arrays pr. bid, og hver DataFrame bygges én gang til sidst;
    # sektor og målgruppe holdes som enum-indekser og får navne med ét opslag til sidst.
    p = {"id": [], "vaegt": [], "virksomhed": [], "sektor": [], "maalgruppe": [],
         **{o.noegle: [] for o in ORDNINGER if o.entitet == "person"}}
    v = {"id": [], "vaegt": [], "sektor": [], "i_alt": [], **{o.noegle: [] for o in ORDNINGER if o.entitet != "person"}}
    navne = None
    for bid in bidder(befolkning, bid_personer, aar):
        navne = navne or {k: enum_navne(system, k) for k in ("sektor", "maalgruppe")}
        tal = beregn_bid(system, bid, maaneder, deltagere=False)
        pv = bid.person_virksomhed
        sektor = tal.koder["sektor"]
        virksomhed_id = bid.virksomhed_ids()
        p["id"].append(bid.person_ids())
        p["vaegt"].append(bid.vaegte)
        p["virksomhed"].append(virksomhed_id[pv])
        p["sektor"].append(sektor[pv])
        p["maalgruppe"].append(tal.koder["maalgruppe"])
        v["id"].append(virksomhed_id)
        v["vaegt"].append(bid.virksomhedsvaegte)
        v["sektor"].append(sektor)
        i_alt = numpy.zeros(bid.antal_virksomheder)
        for o in ORDNINGER:
            if o.entitet == "person":
                p[o.noegle].append(tal.kroner[o.noegle])
                i_alt += numpy.bincount(pv, tal.kroner[o.noegle], bid.antal_virksomheder)
            else:
                v[o.noegle].append(tal.kroner[o.noegle])
                i_alt += tal.kroner[o.noegle]
        v["i_alt"].append(i_alt)
    if navne is None:
        raise ValueError("befolkningen er tom")
    return _ramme(p, navne), _ramme(v, navne)


def _ramme(dele, navne):
    kolonner = {}
    for navn, stykker in dele.items():
        samlet = numpy.concatenate(stykker)
        if navn in navne:
            # Fra et array af indekser til en tekstkolonne med ét opslag (en tekstkolonne fra et
            # numpy-array af navne koster ca. 0,4 sekund pr. million rækker).
            samlet = pandas.Series(navne[navn]).array.take(samlet)
        kolonner[navn] = samlet
    return pandas.DataFrame(kolonner)
