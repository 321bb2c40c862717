"""Én ordning ad gangen pr. person i den syntetiske befolkning: en person, der er trukket til en
ordning, trækkes ikke også til en senere.

Ordningerne trækkes i registrets rækkefølge (`ordninger.ORDNINGER`), så et befolkningsmodul ser
deltagerne i ordningerne før sin egen på deres første dag (`Ordning.startdato`). Læst af registret,
ikke skrevet pr. modul, så en ny ordning udelukkes af sig selv i de ordninger, der trækkes efter
den. En ordning uden første dag (virksomhedspraktik regnes i uger) udelukker et modul selv efter
ordningens input.
"""

import numpy

from openfisca_dk_jobcenter.model.datoer import oplyst
from openfisca_dk_jobcenter.model.ordninger import ordninger_foer


def fri_af_tidligere_ordninger(b, noegle, undtagen=()):
    """Pr. person: True, når personen ikke har en første dag i en af ordningerne trukket før
    `noegle` (ordningerne med nøglerne i `undtagen` ses der bort fra)."""
    fri = numpy.ones(b.antal_personer, dtype=bool)
    for o in ordninger_foer(noegle):
        if not o.startdato or o.noegle in undtagen:
            continue
        # Mangler datoen, er ordningens modul ikke kørt på denne befolkning (fx i en test).
        start = b.personer.get(o.startdato)
        if start is not None:
            fri &= ~oplyst(start)
    return fri
