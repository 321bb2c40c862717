"""Regn kun det, reformen ændrer: en ordning, hvis formler ikke læser nogen af de parametre, en
reform ændrer, giver de samme kroner og deltagere under reformen som i grundlaget, så reformens
simulering genbruger grundlagets tal for den og regner kun de berørte ordninger.

Hvilke parametre en ordning læser, findes med OpenFiscas tracer på en stikprøve (som forbeholdene,
`forbehold.brugte_parametre`): hver parameter, ordningens beløbs- og deltagervariabler og alt, de
afhænger af, slår op — regnet fra bunden for hver ordning, så også de parametre tæller, som en
anden ordnings variabler hviler på (løntilskud læser, om timerne giver voksenlærlingetilskud).
Forsigtigt, hvor det kan være i tvivl:
- en reform med en Python-reform (der kan ændre formler, ikke kun parametre): alle ordninger regnes;
- en ændret parameter uden for en ordnings egen mappe (fx `faelles.*`): alle ordninger regnes;
- en ændret parameter i en ordnings mappe: den ordning regnes altid, og hver ordning, der ifølge
  traceren læser den.
`tests/test_genbrug.py` viser på kontrolbefolkningen (benchmarks/kontrolbefolkning.py) og en
syntetisk stikprøve, at tallene er de samme som ved fuld genberegning, for en reform af hver
eneste parameter.
"""

from openfisca_dk_jobcenter.analyse.forbehold import _parametre, _stikproeve
from openfisca_dk_jobcenter.analyse.reformvalg import aendrede_parametre, beskrivelse
from openfisca_dk_jobcenter.befolkning.beregning import glem_beregnede, valgte_maaneder
from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

STIKPROEVE_PERSONER = 1_000


def ordninger_at_regne(grundlag, reformer, stikproeve, aar, maaneds_numre=None):
    """{reformnavn: frozenset af ordningsnøgler, reformen skal regne} (None: alle); grundlaget
    selv regner ingen (dets tal er grundlagets)."""
    noegler = {o.noegle for o in ORDNINGER}
    laest = None
    ud = {}
    for navn, system in reformer.items():
        if system is grundlag:
            ud[navn] = frozenset()
            continue
        stier = aendrede_parametre(beskrivelse(system))
        if stier is None or any(sti.split(".")[0] not in noegler for sti in stier):
            ud[navn] = None
            continue
        if laest is None:
            laest = laeste_parametre(grundlag, stikproeve, aar, maaneds_numre)
        ud[navn] = frozenset(
            noegle for noegle in noegler
            if any(sti.split(".")[0] == noegle or _laeser(laest.get(noegle, ()), sti) for sti in stier)
        )
    return ud


def laeste_parametre(system, befolkning, aar, maaneds_numre=None, stikproeve=STIKPROEVE_PERSONER):
    """{ordningsnøgle: {parametersti}}: de parametre, ordningens beløbs- og deltagervariabler læser
    på en stikprøve af `befolkning`, hver ordning regnet fra bunden med OpenFiscas tracer."""
    simulation = byg_simulering(system, _stikproeve(befolkning, stikproeve).i_aaret(aar))
    laest = {}
    for o in ORDNINGER:
        glem_beregnede(simulation)  # ellers kom en anden ordnings variabler fra cachen, usporet
        laest[o.noegle] = set()
        for maaned in valgte_maaneder(aar, maaneds_numre):
            for navn in filter(None, (o.tilskud, o.antal)):
                # En ny tracer pr. beregning: kernens tracer tæller forespørgsler over alle sine
                # træer ved hver beregning, så én tracer for det hele ville koste sekunder.
                simulation.trace = True
                simulation.calculate(navn, maaned)
                laest[o.noegle] |= {p.name for tre in simulation.tracer.trees for p in _parametre(tre)}
    simulation.trace = False
    return laest


def _laeser(laeste_stier, sti):
    """Læser ordningen parameteren `sti` (eller en gruppe, den ligger i, fx et opslag pr. målgruppe)?"""
    return any(laest == sti or sti.startswith(laest + ".") or laest.startswith(sti + ".") for laest in laeste_stier)
