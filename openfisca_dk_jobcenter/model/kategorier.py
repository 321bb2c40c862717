"""Fælles kategorier (enums), som flere ordninger bruger.

De ligger uden for `variables/`, så alle variabelfiler importerer den samme klasse.
"""

import numpy
from openfisca_core.indexed_enums import Enum, EnumArray


class Maalgruppe(Enum):
    """Personens målgruppe efter LAB § 6, da indsatsen bevilges (før ansættelsen)."""

    beskaeftiget = "I beskæftigelse (ikke ledig)"
    dagpengemodtager = "Dagpengemodtager (forsikret ledig)"
    kontanthjaelpsmodtager = "Kontanthjælpsmodtager"
    uddannelseshjaelpsmodtager = "Uddannelseshjælpsmodtager"
    sygedagpengemodtager = "Sygedagpengemodtager"
    jobafklaringsforloeb = "I jobafklaringsforløb"
    ressourceforloeb = "I ressourceforløb"
    ledighedsydelsesmodtager = "Ledighedsydelsesmodtager"
    revalidend = "Revalidend"
    selvforsoergende_ledig = "Selvforsørgende ledig"


class Uddannelsesniveau(Enum):
    """Højeste fuldførte uddannelse, fra lavest til højest (rækkefølgen bruges i reglerne)."""

    grundskole = "Grundskole (ingen kompetencegivende uddannelse)"
    gymnasial = "Gymnasial uddannelse"
    erhvervsuddannelse = "Erhvervsuddannelse"
    kort_videregaaende = "Kort videregående uddannelse"
    mellemlang_videregaaende = "Mellemlang videregående uddannelse"
    lang_videregaaende = "Lang videregående uddannelse"


class Sektor(Enum):
    """Arbejdsgiverens sektor; løntilskud og visse varigheder afhænger af den."""

    privat = "Privat arbejdsgiver"
    offentlig = "Offentlig arbejdsgiver"


def foerste_grund(betingelser, ingen):
    """Den første grund, hvis betingelse er sand — fx den første betingelse for en ordning, der
    ikke er opfyldt — og `ingen`, når ingen er sand.

    `betingelser` er [(betingelse, grund), ...] i lovens rækkefølge. Resultatet er OpenFiscas
    Enum-array (int16-indekser): OpenFisca skal hverken omkode et objekt-array person for person
    eller kontrollere og kopiere indekserne, som den gør med et tal-array.
    """
    if not betingelser:
        raise ValueError("foerste_grund: ingen betingelser")
    # Bagfra, så en tidligere grund skriver oven i en senere (som numpy.select, uden dens kopier).
    form = numpy.broadcast_shapes(*(numpy.shape(betingelse) for betingelse, _ in betingelser))
    grunde = numpy.full(form, ingen.index, dtype=numpy.int16)
    forskel = numpy.empty(form, dtype=numpy.int16)
    for betingelse, grund in reversed(betingelser):
        betingelse = numpy.asarray(betingelse)
        if betingelse.dtype != bool:
            # Som numpy.select: et tal (fx 0,5) er ikke en betingelse, og en fejl her er en fejl i formlen.
            raise TypeError(f"foerste_grund: betingelsen for '{grund.name}' er {betingelse.dtype}, ikke sand/falsk")
        # grunde = grund, hvor betingelsen er sand: grunde -= (grunde - grund) × betingelse (0/1).
        # Regnestykket er ca. 10 gange hurtigere end numpy.copyto(..., where=betingelse), der
        # kopierer element for element efter masken (målt: 0,1 mod 1 ms pr. betingelse pr. 200.000).
        numpy.subtract(grunde, numpy.int16(grund.index), out=forskel)
        numpy.multiply(forskel, betingelse.view(numpy.int8), out=forskel)
        grunde -= forskel
    return EnumArray(grunde, type(ingen))
