"""En personfils særlige kolonner, der ikke er variabler: `vaegt` (hvor mange virkelige personer
rækken står for, standard 1) og `person_id` (rækkens id i resultaterne, standard rækkenummeret)."""

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning import celler
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

VAEGT = "vaegt"
PERSON_ID = "person_id"
# En række kan stå for højst så mange personer (Danmark har ca. 6 mio. indbyggere): 1e20 gav en
# TypeError, da de vægtede antal skulle være hele tal.
MAX_VAEGT = 10_000_000


def udtag_saerlige_kolonner(tabel, fil):
    """(tabel uden de særlige kolonner, vægte eller None, person-id'er) fra en personfil."""
    vaegt = None
    if VAEGT in tabel.columns:
        tekst = tabel[VAEGT].astype(str).str.strip().to_numpy()
        tal = celler.tal(tekst)  # decimalkomma som i resten af filen
        with numpy.errstate(invalid="ignore"):
            ugyldig = ~numpy.isfinite(tal) | (tal <= 0) | (tal > MAX_VAEGT)
        if ugyldig.any():
            r = int(numpy.flatnonzero(ugyldig)[0])
            raise BefolkningsFejl(
                f"{fil}: række {celler.raekke(tabel, r)}, kolonne '{VAEGT}': en vægt skal være et positivt tal "
                f"højst {MAX_VAEGT:_} ('{tekst[r]}')".replace("_", ".")
            )
        vaegt = tal
    if PERSON_ID in tabel.columns:
        ids = tabel[PERSON_ID].astype(str).str.strip().to_numpy()
        dubletter = pandas.Series(ids).duplicated().to_numpy()
        if dubletter.any():
            r = int(numpy.flatnonzero(dubletter)[0])
            raise BefolkningsFejl(f"{fil}: række {celler.raekke(tabel, r)}, kolonne '{PERSON_ID}': '{ids[r]}' står to gange")
    else:
        ids = numpy.arange(1, len(tabel) + 1)  # rækkenummeret i filen (1 = første datarække)
    return tabel.drop(columns=[k for k in (VAEGT, PERSON_ID) if k in tabel.columns]), vaegt, ids
