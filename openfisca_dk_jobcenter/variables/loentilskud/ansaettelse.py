"""Løntilskud: ansættelsen med løntilskud (input). Også brugt af jobrotation: en vikar i
løntilskud giver ikke jobrotationsydelse."""

from datetime import date

from openfisca_core.holders import set_input_divide_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import TIMER, domaene
from openfisca_dk_jobcenter.model.kilder import LAB, LAB_KAP_12


@domaene(TIMER)
class loentilskud_timer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Timer ansat med løntilskud i måneden"
    reference = [LAB_KAP_12, LAB]


class loentilskud_start(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Første dag med løntilskud hos denne arbejdsgiver"
    reference = ["LAB § 68", LAB]
