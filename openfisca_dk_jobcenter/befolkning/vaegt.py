"""En personfils særlige kolonner, der ikke er variabler: `vaegt` (hvor mange virkelige personer
rækken står for, standard 1), `person_id` (rækkens id i resultaterne, standard rækkenummeret) og
`replikatgruppe` (stikprøvens replikatgruppe, fx den tilfældige gruppe eller primære
udvælgelsesenhed i et registerudtræk, der er en stikprøve; uden den er filen hele populationen)."""

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning import celler
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

VAEGT = "vaegt"
PERSON_ID = "person_id"
# En række kan stå for højst så mange personer (Danmark har ca. 6 mio. indbyggere): 1e20 gav en
# TypeError, da de vægtede antal skulle være hele tal.
MAX_VAEGT = 10_000_000
REPLIKATGRUPPE = "replikatgruppe"


def udtag_replikatgrupper(tabel, fil):
    """(tabel uden kolonnen, grupper 0..G-1 eller None, G) fra personfilens `replikatgruppe`;
    grupperne må have vilkårlige navne, men der skal være mindst to, og ingen må være tom."""
    if REPLIKATGRUPPE not in tabel.columns:
        return tabel, None, 0
    tekst = tabel[REPLIKATGRUPPE].astype(str).str.strip().to_numpy()
    tom = (tekst == "") | (tekst == "nan") | (tekst == "<NA>")
    if tom.any():
        r = int(numpy.flatnonzero(tom)[0])
        raise BefolkningsFejl(f"{fil}: række {celler.raekke(tabel, r)}, kolonne '{REPLIKATGRUPPE}': tom replikatgruppe")
    koder, navne = pandas.factorize(tekst, sort=True)
    if len(navne) < 2:
        raise BefolkningsFejl(f"{fil}: kolonne '{REPLIKATGRUPPE}': der skal være mindst to replikatgrupper, fandt {len(navne)}")
    return tabel.drop(columns=[REPLIKATGRUPPE]), koder.astype(numpy.int64), len(navne)


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
