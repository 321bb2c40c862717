"""Løntilskud: timesatsen efter arbejdsgiverens sektor og tilskuddet pr. måned.

Tilskuddet er satsen i måneden × timerne med løntilskud, forholdsmæssigt efter kalenderdage i
den måned, hvor den længste periode udløber. Modellen begynder 1. januar 2015
(beskæftigelsesreformen); før giver variablerne 0.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.kategorier import Sektor
from openfisca_dk_jobcenter.model.kilder import AALBORG, BM_SATSER_2018, ELOV_KAP_12, LAB_KAP_12


class loentilskud_timesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud i kr. pr. time efter arbejdsgiverens sektor (0, når personen ikke er berettiget)"
    documentation = "Satsen, der er i kraft i måneden (den reguleres hvert år 1. januar)."
    reference = [LAB_KAP_12, ELOV_KAP_12, BM_SATSER_2018, AALBORG]

    def formula_2015_01_01(person, period, parameters):
        satser = parameters(period.start).loentilskud
        offentlig = person.virksomhed("sektor", period) == Sektor.offentlig
        sats = numpy.where(offentlig, satser.offentlig.timesats, satser.privat.timesats)
        return person("loentilskud_berettiget", period) * sats


class loentilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud til arbejdsgiveren i måneden (kr.)"
    reference = [LAB_KAP_12, ELOV_KAP_12, BM_SATSER_2018, AALBORG]

    def formula_2015_01_01(person, period):
        return (
            person("loentilskud_timesats", period)
            * person("loentilskud_timer", period)
            * person("loentilskud_andel_af_maaneden", period)
        )
