"""Én bid gennem ét system: hver ordnings kroner og deltagere pr. entitet i de valgte måneder,
plus sektor og målgruppe som OpenFiscas enum-indekser.

Befolkningens enum-navne omsættes til indekser én gang (når input sættes i simuleringen);
grupperingen sker på indekserne, og kun gruppernes navne slås op til sidst (`enum_navne`).
"""

import contextlib
import gc
from dataclasses import dataclass

import numpy
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering, maaneder
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

KATEGORIER = {"sektor": "virksomhed", "maalgruppe": "person"}


@dataclass
class BidResultat:
    """Kroner (float64) og deltagere (bool) pr. ordning, hver med ordningens entitet som længde;
    `koder`: {kategori: enum-indekser} for sektor (pr. virksomhed) og målgruppe (pr. person)."""

    kroner: dict
    deltagere: dict
    koder: dict


def valgte_maaneder(aar, maaneds_numre=None):
    return [m for i, m in enumerate(maaneder(aar), start=1) if maaneds_numre is None or i in maaneds_numre]


def beregn_bid(system, bid, maaneds_numre=None, deltagere=True, ordninger=ORDNINGER):
    """Ordningernes kroner og deltagere i bidden under `system`.

    En ordning med en `antal`-variabel (virksomhedspraktik giver ingen kroner) tæller dem, den er
    sand for i en af månederne; de andre tæller dem med kroner > 0. Regner måned for måned og
    glemmer hver måneds mellemresultater, når måneden er regnet (så OpenFiscas cache rummer én
    måned, ikke tolv); til sidst frigives simuleringens arrays med det samme i stedet for, når
    Pythons garbage collector finder simuleringens referencecykler. Med `deltagere=False`
    springes `antal`-variablerne over (kun kroner). `ordninger` vælger ordningerne (standard: hele
    registret; benchmarken regner kun numpy-referencens).
    """
    with uden_cyklusopsamler():
        return _beregn_bid(system, bid, maaneds_numre, deltagere, ordninger)


@contextlib.contextmanager
def uden_cyklusopsamler():
    """Pythons cyklusopsamler holder pause under en bid. Simuleringens arrays frigives eksplicit
    (`_mellemresultater`, `_glem_alt`), så der er intet for den at finde; men hver
    fuld opsamling gennemgår alle skattesystemets objekter (parametertræet, variablerne) og kostede
    ca. 10 % af en bids CPU-tid, og hvornår den kom, gjorde målingerne ustabile."""
    slaaet_til = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if slaaet_til:
            gc.enable()


def _beregn_bid(system, bid, maaneds_numre, deltagere, ordninger):
    simulation = byg_simulering(system, bid)
    input_navne = set(bid.personer) | set(bid.personer_maaned) | set(bid.virksomheder)
    perioder = valgte_maaneder(bid.aar, maaneds_numre)
    antal = {o.noegle: simulation.populations[o.entitet].count for o in ordninger}
    kroner = {o.noegle: numpy.zeros(antal[o.noegle]) for o in ordninger}
    med = {o.noegle: numpy.zeros(antal[o.noegle], dtype=bool) for o in ordninger if o.antal}
    try:
        mellemresultater = _mellemresultater(simulation, input_navne)
        foerste = perioder[0] if perioder else maaneder(bid.aar)[0]
        koder = {navn: numpy.asarray(simulation.calculate(navn, foerste)).view(numpy.ndarray).astype(numpy.int16)
                 for navn in KATEGORIER}
        for maaned in perioder:
            for o in ordninger:
                kroner[o.noegle] += simulation.calculate(o.tilskud, maaned)
                if deltagere and o.antal:
                    med[o.noegle] |= simulation.calculate(o.antal, maaned)
            for holder in mellemresultater:
                holder.delete_arrays()
    finally:
        _glem_alt(simulation)
    med = {o.noegle: med[o.noegle] if o.antal else kroner[o.noegle] > 0 for o in ordninger} if deltagere else {}
    return BidResultat(kroner=kroner, deltagere=med, koder=koder)


def enum_navne(system, navn):
    """Navnene på variablen `navn`'s enum-værdier, i indeksorden."""
    return numpy.array([m.name for m in system.variables[navn].possible_values])


def _mellemresultater(simulation, input_navne):
    """Holderne for månedsvariabler med formler (input i `input_navne` og variabler for andre
    perioder, fx ETERNITY, bliver), hvis arrays slettes efter hver måned: cachen rummer så højst
    én måned. Fundet én gang pr. bid (kernens `get_memory_usage` pr. måned kostede ca. 5 % af en
    lille bid), og hele variablen slettes på én gang (kernens sletning af én periode sammenligner
    perioderne én for én)."""
    return [simulation.get_holder(navn) for navn, variabel in simulation.tax_benefit_system.variables.items()
            if navn not in input_navne and variabel.formulas and variabel.definition_period == MONTH]


def glem_beregnede(simulation):
    """Slet alle beregnede arrays (input bliver): næste beregning regner alt fra bunden."""
    variabler = simulation.tax_benefit_system.variables
    for navn in simulation.get_memory_usage()["by_variable"]:
        if variabler[navn].formulas:
            simulation.delete_arrays(navn)


def _glem_alt(simulation):
    for navn in simulation.get_memory_usage()["by_variable"]:
        simulation.delete_arrays(navn)
