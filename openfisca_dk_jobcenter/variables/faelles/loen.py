"""Løn (bruges i jobrotationens budget og løntilskuddet)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import KRONER, domaene
from openfisca_dk_jobcenter.model.kilder import lab, lab_kapitel
from openfisca_dk_jobcenter.model.variabel import Variable


@domaene(KRONER)
class timeloen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Timeløn i kr."
    documentation = "Hjemmel: LAB § 151, stk. 5 (overenskomstmæssig løn) og kap. 12."
    reference = ["https://www.retsinformation.dk/eli/lta/2019/548", lab(151), lab_kapitel(12)]
