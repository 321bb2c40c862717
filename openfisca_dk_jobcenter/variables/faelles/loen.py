"""Løn (bruges i jobrotationens budget og løntilskuddet)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import KRONER, domaene


@domaene(KRONER)
class timeloen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Timeløn i kr."
    reference = [
        "https://www.retsinformation.dk/eli/lta/2019/548",
        "LAB § 151, stk. 5 (overenskomstmæssig løn) og kap. 12",
    ]
