"""Fra en `Befolkning` til en OpenFisca-simulering med personer knyttet til virksomheder."""

import functools
import itertools

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import EnumArray
from openfisca_core.periods import ETERNITY, MONTH, period
from openfisca_core.simulations import SimulationBuilder

from openfisca_dk_jobcenter.befolkning.model import Befolkning


class BefolkningsFejl(ValueError):
    """Input, som modellen ikke kan bruge; beskeden nævner variablen og rækken."""


def maaneder(aar):
    return [period(f"{aar}-{m:02d}") for m in range(1, 13)]


def byg_simulering(tax_benefit_system, b: Befolkning):
    """En simulering af årets 12 måneder med befolkningens input sat én gang."""
    simulation = _tom_simulering(tax_benefit_system, b)
    maaned_liste = maaneder(b.aar)
    for navn, vaerdier in b.personer.items():
        _saet_konstant(simulation, navn, vaerdier, b.aar, maaned_liste)
    for navn, vaerdier in b.virksomheder.items():
        _saet_konstant(simulation, navn, vaerdier, b.aar, maaned_liste)
    for navn, vaerdier in b.personer_maaned.items():
        variabel = _variabel(tax_benefit_system, navn)
        if variabel.value_type.__name__ != "Enum":
            vaerdier = _som_openfisca(variabel, vaerdier)  # hele (12, n)-arrayet på én gang
        for i, maaned in enumerate(maaned_liste):
            simulation.set_input(navn, maaned, _som_openfisca(variabel, vaerdier[i]))
    return simulation


def _tom_simulering(tax_benefit_system, b):
    """Simuleringen med befolkningens personer og virksomheder, endnu uden input.

    Virksomhederne har indeks 0.. og hver mindst én person, og alle har rollen 'ansat' (entitetens
    første rolle, kernens standard). Så er befolkningens `person_virksomhed` allerede kernens
    `members_entity_id`; `SimulationBuilder.join_with_persons` ville finde det samme med en
    sortering og en rolle-liste pr. person.
    """
    person_virksomhed = numpy.asarray(b.person_virksomhed, dtype=numpy.int64)
    if b.antal_personer and (person_virksomhed.min() < 0 or person_virksomhed.max() >= b.antal_virksomheder):
        raekke = int(numpy.flatnonzero((person_virksomhed < 0) | (person_virksomhed >= b.antal_virksomheder))[0])
        raise BefolkningsFejl(
            f"person_virksomhed: række {raekke} peger på virksomhed {person_virksomhed[raekke]}, "
            f"men der er {b.antal_virksomheder} virksomheder (0-{b.antal_virksomheder - 1})"
        )
    uden_personer = numpy.flatnonzero(numpy.bincount(person_virksomhed, minlength=b.antal_virksomheder) == 0)
    if uden_personer.size:
        raise BefolkningsFejl(f"virksomhed {int(uden_personer[0])} har ingen personer")
    sb = SimulationBuilder()
    sb.create_entities(tax_benefit_system)
    personer, virksomheder = sb.populations["person"], sb.populations["virksomhed"]
    personer.ids, personer.count = numpy.arange(b.antal_personer), b.antal_personer
    virksomheder.ids, virksomheder.count = numpy.arange(b.antal_virksomheder), b.antal_virksomheder
    virksomheder.members_entity_id = person_virksomhed
    return sb.build(tax_benefit_system)


def _variabel(tax_benefit_system, navn):
    variabel = tax_benefit_system.variables.get(navn)
    if variabel is None:
        raise BefolkningsFejl(f"ukendt variabel '{navn}'")
    return variabel


def _saet_konstant(simulation, navn, vaerdier, aar, maaned_liste):
    """Et input, der gælder hele året: omsat én gang, og det samme array bruges i alle måneder."""
    variabel = _variabel(simulation.tax_benefit_system, navn)
    vaerdier = _som_openfisca(variabel, vaerdier)
    if variabel.definition_period == ETERNITY:
        simulation.set_input(navn, period(ETERNITY), vaerdier)
    elif variabel.definition_period == MONTH:
        if variabel.periodefordeling is set_input_dispatch_by_period:
            # Ét kald for året: OpenFisca lægger det samme array i hver måned.
            simulation.set_input(navn, period(str(aar)), vaerdier)
        else:
            for maaned in maaned_liste:
                simulation.set_input(navn, maaned, vaerdier)
    else:
        raise BefolkningsFejl(f"{navn}: periode {variabel.definition_period} understøttes ikke som input")


def _som_openfisca(variabel, vaerdier):
    """Enum-navne bliver til OpenFiscas indeks; alt andet får variablens dtype."""
    if variabel.value_type.__name__ == "Enum":
        mulige = variabel.possible_values
        navne = numpy.asarray(vaerdier)
        if navne.dtype.kind in "iu":
            return mulige.encode(navne)
        kendte = numpy.array([m.name for m in mulige])
        if navne.dtype.kind == "U":
            kode = _koder_for_navne(navne, tuple(kendte.tolist()))
            if (kode < 0).any():
                raekke = int(numpy.flatnonzero(kode.reshape(-1) < 0)[0])
                raise BefolkningsFejl(
                    f"{variabel.name}: ukendt værdi '{navne.reshape(-1)[raekke]}' i række {raekke}; "
                    f"tilladt: {', '.join(kendte)}"
                )
            # Hver kode er kontrolleret ovenfor; `encode` ville kopiere arrayet to gange igen.
            return EnumArray(kode, mulige)
        indeks = numpy.searchsorted(numpy.sort(kendte), navne)
        orden = numpy.argsort(kendte)
        indeks = numpy.clip(indeks, 0, len(kendte) - 1)
        gyldig = numpy.sort(kendte)[indeks] == navne
        if not gyldig.all():
            raekke = int(numpy.flatnonzero(~gyldig)[0])
            raise BefolkningsFejl(
                f"{variabel.name}: ukendt værdi '{navne[raekke]}' i række {raekke}; "
                f"tilladt: {', '.join(kendte)}"
            )
        return mulige.encode(orden[indeks].astype(numpy.int16))
    return numpy.asarray(vaerdier, dtype=variabel.dtype)


def _koder_for_navne(navne, kendte):
    """Indekset i `kendte` for hvert navn i str-arrayet `navne` (int16, samme form), -1 for et
    ukendt navn.

    En befolkning har få navne (10 målgrupper) og mange rækker. Navnene skelnes på tegnene på
    højst to pladser (fx første og tredje), så hver række får sit kandidatindeks med ét opslag i
    en tabel over de to tegn. Bagefter sammenlignes hver række tegn for tegn med kandidatens navn
    (som heltal, ikke som tekst), så alt andet afvises, også et ukendt navn med de samme to tegn.
    Det er det samme svar som en lighedstest pr. kendt navn, til ca. en tredjedel af prisen (200.000
    målgrupper: ca. 6,5 mod 19 ms).
    """
    flade = navne.reshape(-1)
    bredde = flade.dtype.itemsize // 4  # tegn pr. række
    opslag = _tegnpar_opslag(kendte) if flade.dtype.isnative and max(map(len, kendte), default=bredde + 1) <= bredde else None
    if opslag is None:  # et kendt navn er bredere end kolonnen, eller tegnene ligger i en anden byteorden
        kode = numpy.full(flade.shape, -1, dtype=numpy.int16)
        for i, navn in enumerate(kendte):
            kode[flade == navn] = i
        return kode.reshape(navne.shape)
    a, b, tabel = opslag
    raekker = numpy.ascontiguousarray(flade).view(numpy.uint32).reshape(-1, bredde)  # ét tegn pr. kolonne
    kode = tabel[(numpy.minimum(raekker[:, a], _TEGNKODER - 1) << _TEGN_BITS) | numpy.minimum(raekker[:, b], _TEGNKODER - 1)]
    # Et ukendt tegnpar (-1) peger på det sidste navn, som rækken så ikke er: også den afvises her.
    ulige = _som_tegn(kendte, bredde).take(kode, axis=0) != raekker
    if ulige.any():
        kode[ulige.any(axis=1)] = -1
    return kode.reshape(navne.shape)


_TEGN_BITS = 10
_TEGNKODER = 1 << _TEGN_BITS  # tegn fra 1024 og op (uden for latin) deler plads; sammenligningen skiller dem


@functools.lru_cache(maxsize=32)
def _tegnpar_opslag(kendte):
    """(plads a, plads b, tabel fra tegnparret til indekset i `kendte`), når to pladser i navnene
    skelner dem alle; ellers None. Én tabel (2 MiB) pr. sæt navne."""
    laengst = max(map(len, kendte), default=0)
    tegn = numpy.minimum(_som_tegn(kendte, laengst), _TEGNKODER - 1).astype(numpy.int64)
    for a, b in itertools.combinations_with_replacement(range(laengst), 2):
        noegler = (tegn[:, a] << _TEGN_BITS) | tegn[:, b]
        if len(set(noegler.tolist())) == len(kendte):
            tabel = numpy.full(_TEGNKODER * _TEGNKODER, -1, dtype=numpy.int16)
            tabel[noegler] = numpy.arange(len(kendte), dtype=numpy.int16)
            tabel.flags.writeable = False
            return a, b, tabel
    return None


@functools.lru_cache(maxsize=64)
def _som_tegn(kendte, bredde):
    """Navnene som heltal, ét navn pr. række og ét tegn pr. kolonne (`bredde` kolonner, udfyldt
    med 0 som numpys tekst)."""
    tegn = numpy.array(kendte, dtype=f"=U{max(bredde, 1)}").view(numpy.uint32).reshape(len(kendte), max(bredde, 1))
    tegn.flags.writeable = False
    return tegn
