"""Det, stikprøveintervallet ikke dækker, i kroner: de `antaget`-værdier, der har et plausibelt
spænd i deres metadata (`plausibelt_interval: [lav, høj]`), og totalerne ved spændets ender.

En sats, som LAB § 189 regulerer hvert år, og som vi fører videre, fordi årets sats ikke er fundet,
har spændet fra uændret (den videreførte sats) til den højeste årlige regulering, satsen har haft
mellem to kildebelagte år, for hvert år den er ført videre. Den lave ende er derfor modellens egen
sats; den høje ende regnes ved at køre de berørte ordninger igen med alle spændenes høje ender
(`hoejt_system`) — kun på personerne med de berørte ordningers input (`aktivt_udsnit`): de
andre får 0 kr. ved begge ender, så forskellen mellem enderne er den samme. Deltagerne samles fra
bidderne og regnes som opgaver på arbejderne (`sammenligning._hoeje_ende_opgave`).
"""

import datetime

import numpy

from openfisca_dk_jobcenter.analyse.forbehold import aktivitet
from openfisca_dk_jobcenter.model import kildegrad
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre, find_parameter
from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform

NOEGLE = "plausibelt_interval"


def spaend(system, aar):
    """[{sti, vaerdi, lav, hoej, gaelder_fra}] for værdierne i kraft 1. januar `aar`, der er
    `antaget` og har et plausibelt spænd."""
    ud = []
    for parameter in alle_parametre(system.parameters):  # i navneorden, ens på alle maskiner
        sti = parameter.name
        v = kildegrad.vaerdi_i_kraft(parameter, f"{aar}-01-01")
        meta = getattr(v, "metadata", None) or {}
        if v is None or meta.get("kildegrad") != "antaget" or NOEGLE not in meta:
            continue
        lav, hoej = (float(x) for x in meta[NOEGLE])
        ud.append({"parameter": sti, "vaerdi": v.value, "lav": lav, "hoej": hoej, "gaelder_fra": v.instant_str})
    return ud


def beroerte_ordninger(spaend_):
    """Ordningerne, hvis parametre (stiens første led er ordningens nøgle) har et spænd; en
    fælles parameter berører dem alle."""
    noegler = {s["parameter"].split(".")[0] for s in spaend_}
    valgt = [o for o in ORDNINGER if o.noegle in noegler]
    return ORDNINGER if noegler - {o.noegle for o in ORDNINGER} else valgt


def aktivt_udsnit(befolkning, ordninger):
    """Personerne med input til en af `ordninger` (med deres virksomheder), eller None. De andre
    personer giver 0 kr. i ordningerne ved begge ender; at tage hele virksomheder ville tage de
    store arbejdsgiveres tusinder af ansatte med for én deltagers skyld."""
    aktiv = numpy.zeros(befolkning.antal_personer, dtype=bool)
    for o in ordninger:
        aktiv |= aktivitet(befolkning, o.noegle)[0]
    return befolkning.vaelg_personer(aktiv) if aktiv.any() else None


def hoejt_system(system, spaend_, aar):
    """`system` med hvert spænds høje ende fra 1. januar `aar` — undtagen en parameter, systemet
    selv har ændret (en reforms egen sats er analytikerens, ikke en antagelse)."""
    dato = f"{aar}-01-01"
    aendringer = {
        s["parameter"]: [(datetime.date(aar, 1, 1), s["hoej"])] for s in spaend_
        if kildegrad.vaerdi_i_kraft(find_parameter(system.parameters, s["parameter"]), dato).value == s["vaerdi"]
    }
    if not aendringer:
        return system
    ny = lav_reform("antagne satser ved spændets høje ende", aendringer, kilde="plausibelt_interval")(system)
    ny.name = getattr(system, "name", None)
    return ny
