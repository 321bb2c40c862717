"""`dk-jobcenter parametre [SOEG] [--aar AAR]`: find parameterstien til en reformfil eller en
`--variant`.

Hver parameter med værdien i kraft 1. januar i året, enheden og værdiens kildegrad; med `SOEG`
kun de parametre, hvor ordet står i stien, beskrivelsen eller kilden (uden forskel på store og
små bogstaver, og 'lærling' finder også 'laerling').
"""

import datetime

from openfisca_dk_jobcenter.model import kildegrad
from openfisca_dk_jobcenter.model.domaener import parameterkategori
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre

ENHEDER = {"currency-DKK": "kr.", "month": "måneder", "week": "uger", "year": "år", "hour": "timer"}
KOLONNER = ["sti", "vaerdi", "enhed", "kildegrad", "beskrivelse"]


def _ascii(tekst):
    return tekst.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def _kildetekst(reference):
    dele = reference if isinstance(reference, list) else [reference]
    return " ".join(f"{d.get('title', '')} {d.get('href', '')}" if isinstance(d, dict) else str(d) for d in dele if d)


def _vis(vaerdi):
    if vaerdi is None:
        return "–"
    if isinstance(vaerdi, bool):
        return "ja" if vaerdi else "nej"
    if isinstance(vaerdi, int | float):
        tekst = f"{vaerdi:,.2f}" if vaerdi != int(vaerdi) else f"{int(vaerdi):,}"
        return tekst.replace(",", "X").replace(".", ",").replace("X", ".")
    return str(vaerdi)


def _enhed(parameter, vaerdi):
    if isinstance(vaerdi, bool):
        return "ja/nej"
    if isinstance(vaerdi, str):
        return "kategori" if parameterkategori(parameter) else "tekst"
    return ENHEDER.get((parameter.metadata or {}).get("unit"), "")


def find_parametre(parametre, soeg=None, aar=2026):
    """[{sti, vaerdi, enhed, kildegrad, beskrivelse}] for hver parameter (med `soeg` i stien,
    beskrivelsen eller kilden), med værdien i kraft 1. januar `aar`."""
    dato = datetime.date(int(aar), 1, 1).isoformat()
    ord_ = [] if not soeg else list(dict.fromkeys([soeg.lower(), _ascii(soeg)]))
    raekker = []
    for p in alle_parametre(parametre):
        tekst = " ".join([p.name, p.description or "", _kildetekst((p.metadata or {}).get("reference"))]).lower()
        if ord_ and not any(o in tekst or o in _ascii(tekst) for o in ord_):
            continue
        vaerdi = kildegrad.vaerdi_i_kraft(p, dato)
        v = None if vaerdi is None else vaerdi.value
        raekker.append({"sti": p.name, "vaerdi": v, "enhed": _enhed(p, v), "beskrivelse": p.description or "",
                        "kildegrad": "–" if vaerdi is None else (kildegrad.kildegrad(vaerdi) or "–")})
    return raekker


def formater(raekker, soeg, aar, i_alt):
    """Tabellen til terminalen: sti, værdi, enhed og kildegrad; beskrivelsen på linjen under."""
    om = f" med '{soeg}'" if soeg else ""
    if not raekker:
        return f"Ingen parametre{om} (af {i_alt}). Søg på et ord i stien, beskrivelsen eller kilden, fx 'timesats'.\n"
    bredde = max(len(r["sti"]) for r in raekker)
    vb = max([len("værdi")] + [len(_vis(r["vaerdi"])) for r in raekker])
    eb = max([len("enhed")] + [len(r["enhed"]) for r in raekker])
    linjer = [f"Parametre{om}: {len(raekker)} af {i_alt} · værdien 1. januar {aar}", ""]
    linjer.append(f"{'sti':<{bredde}}  {'værdi':>{vb}}  {'enhed':<{eb}}  kildegrad")
    linjer.append(f"{'-' * bredde}  {'-' * vb}  {'-' * eb}  -----------")
    for r in raekker:
        linjer.append(f"{r['sti']:<{bredde}}  {_vis(r['vaerdi']):>{vb}}  {r['enhed']:<{eb}}  {r['kildegrad']}".rstrip())
        if r["beskrivelse"]:
            linjer.append(f"    {r['beskrivelse']}")
    linjer += ["", "Brug stien i en reformfil (parametre: {sti: {ÅÅÅÅ-MM-DD: værdi}}) eller med --variant STI=V1,V2."]
    return "\n".join(linjer) + "\n"


def koer(args, tax_benefit_system):
    """Skriv tabellen; exit 0 med fund, 1 uden (som grep)."""
    try:
        aar = int(args.aar)
    except ValueError:
        aar = None
    if aar is None or not 1900 <= aar <= 2200:
        raise ValueError(f"--aar '{args.aar}': skriv et år, fx 2026")
    raekker = find_parametre(tax_benefit_system.parameters, args.soeg, aar)
    print(formater(raekker, args.soeg, aar, sum(1 for _ in alle_parametre(tax_benefit_system.parameters))), end="")
    return 0 if raekker else 1
