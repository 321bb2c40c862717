"""Løntilskud: timesatsen efter arbejdsgiverens sektor og tilskuddet pr. måned.

Tilskuddet er satsen i måneden × timerne med løntilskud, forholdsmæssigt efter kalenderdage i
den måned, hvor den længste periode udløber, hos en privat arbejdsgiver højst bruttostøtte-
intensiteten af lønomkostningerne over det første år (stoetteloft.py). Modellen begynder 1. januar 2015
(beskæftigelsesreformen); før giver variablerne 0.
"""

import numpy
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.kilder import AALBORG, BEK_86, BM_SATSER_2018, LAB_KAP_12
from openfisca_dk_jobcenter.model.variabel import Variable


class loentilskud_timesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud i kr. pr. time efter arbejdsgiverens sektor (0, når personen ikke er berettiget)"
    documentation = "Satsen, der er i kraft i måneden (den reguleres hvert år 1. januar)."
    reference = [LAB_KAP_12, BM_SATSER_2018, AALBORG]

    def formula_2015_01_01(person, period, parameters):
        satser = parameters(period.start).loentilskud
        offentlig = person("ansat_hos_offentlig_arbejdsgiver", period)
        sats = numpy.where(offentlig, satser.offentlig.timesats, satser.privat.timesats)
        # Seniorordningen (LAB § 80 a): tillægget pr. time (0 for et almindeligt løntilskud).
        sats = sats + person("loentilskud_seniortillaeg_per_time", period)
        return person("loentilskud_berettiget", period) * sats


def _satsen_gange_timerne(person, period):
    return (
        person("loentilskud_timesats", period)
        * person("loentilskud_timer", period)
        * person("loentilskud_andel_af_maaneden", period)
    )


class loentilskud_foer_stoetteloft(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud i måneden før støtteloftet: satsen × timerne med løntilskud (kr.)"
    reference = [LAB_KAP_12, BM_SATSER_2018, AALBORG]

    def formula_2015_01_01(person, period):
        return _satsen_gange_timerne(person, period)


class loentilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud til arbejdsgiveren i måneden (kr.)"
    documentation = (
        "Satsen × timerne med løntilskud, hos en privat arbejdsgiver nedsat, så løntilskuddet i det "
        "første år ikke overstiger bruttostøtteintensiteten (50 pct. af de samlede lønomkostninger "
        "for de fleste målgrupper; se loentilskud_stoetteloft_faktor). Uden oplyste lønomkostninger "
        "(loentilskud_loenomkostning) nedsættes intet."
    )
    reference = [LAB_KAP_12, BM_SATSER_2018, AALBORG, BEK_86]

    def formula_2015_01_01(person, period):
        # Uden oplyste lønomkostninger (fx den syntetiske befolkning) nedsætter loftet intet
        # (stoetteloft.loenomkostninger_oplyst): satsen × timerne, uden at regne loftet.
        if not person.simulation.get_holder("loentilskud_loenomkostning").get_known_periods():
            return _satsen_gange_timerne(person, period)
        return person("loentilskud_foer_stoetteloft", period) * person("loentilskud_stoetteloft_faktor", period)
