"""Kommandolinjens og Python-API'ets argumenter, tjekket før noget beregnes: en klar fejl i stedet
for en traceback efter en hel kørsel."""

from openfisca_dk_jobcenter.analyse.atomisk import UdFejl, kontroller_ud
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

MIN_AAR, MAX_AAR = 1900, 2100


class ArgumentFejl(BefolkningsFejl):
    """Et argument, der ikke kan bruges; beskeden nævner argumentet."""


def kontroller_aar(aar, navn="--aar"):
    if isinstance(aar, bool) or not isinstance(aar, int) or not MIN_AAR <= aar <= MAX_AAR:
        raise ArgumentFejl(f"{navn} {aar!r}: året skal ligge i {MIN_AAR}-{MAX_AAR} (modellen dækker 2015 og frem)")
    return aar


def kontroller_maaneder(maaneder, navn="maaneder"):
    """Månedsnumre 1-12 (eller None: hele året); [13] er ikke en måned."""
    if maaneder is None:
        return None
    numre = list(maaneder)
    if not numre or any(isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12 for m in numre):
        raise ArgumentFejl(f"{navn}={numre!r}: månederne skal være hele tal fra 1 til 12")
    return numre


def kontroller_argumenter(args):
    """`dk-jobcenter sammenlign`'s argumenter: år, seed og `--ud`, før beregningen."""
    if isinstance(args.aar, int):
        kontroller_aar(args.aar)
    else:  # "2026" eller "2024-2027"
        dele = str(args.aar).split("-")
        if not all(d.strip().isdigit() for d in dele) or len(dele) > 2:
            raise ArgumentFejl(f"--aar '{args.aar}': skriv fx 2026 eller 2024-2027")
        for del_ in dele:
            kontroller_aar(int(del_))
    if getattr(args, "seed", 0) < 0:
        raise ArgumentFejl(f"--seed {args.seed}: skal være 0 eller større")
    try:
        kontroller_ud(args.ud)
    except UdFejl as fejl:
        raise ArgumentFejl(str(fejl)) from None
