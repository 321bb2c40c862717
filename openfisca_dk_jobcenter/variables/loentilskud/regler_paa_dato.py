"""Løntilskud: reglerne på løntilskuddets første dag (hjælpefunktion, ingen variabler).

Et tilbud om løntilskud følger reglerne, der gjaldt, da det blev givet: fra 1. januar 2015 kunne
offentligt løntilskud til dagpengemodtagere vare 4 måneder, men tilbud bevilget før fortsatte
efter de hidtidige regler (STAR, beskæftigelsesreformens overgangsregler). Modellen bruger
løntilskuddets første dag som tidspunktet for tilbuddet.

En enkelt parameter læses med `datoer.parameter_paa_dato`; `regler_paa_dato` er til regler, der
kombinerer flere parametre eller slår op efter målgruppe.
"""

import numpy
from openfisca_core.parameters import Parameter

from openfisca_dk_jobcenter.datoer import som_dato


def _parametre(node):
    if isinstance(node, Parameter):
        yield node
        return
    for barn in node.children.values():
        yield from _parametre(barn)


def regler_paa_dato(parametre, noder, datoer, beregn):
    """`beregn(parametre_paa_tidspunktet)` med de regler, der gjaldt på hver persons egen dato.

    `parametre` er parametertræet (`tax_benefit_system.parameters`, så en reform slår igennem),
    `noder` de dele af træet, som `beregn` læser (deres ændringsdatoer er de eneste tidspunkter,
    der skal beregnes). Der løkkes over lovændringerne, ikke over personer. Datoer før den første
    værdi får de første regler.
    """
    skift = sorted({v.instant_str for node in noder for p in _parametre(node) for v in p.values_list})
    datoer = som_dato(datoer)
    resultat = numpy.asarray(beregn(parametre(skift[0])))
    for tidspunkt in skift[1:]:
        gaelder = datoer >= numpy.datetime64(tidspunkt, "D")
        if gaelder.any():
            resultat = numpy.where(gaelder, beregn(parametre(tidspunkt)), resultat)
    return resultat
