"""Ledighed før indsatsen (bruges af voksenlærling, jobrotation, løntilskud, opkvalificering)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import LEDIGHEDSMAANEDER, domaene


@domaene(LEDIGHEDSMAANEDER)
class forudgaaende_ledighed_maaneder(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Måneders ledighed lige før indsatsen starter (vikariat, løntilskud, ansættelse)"
    reference = [
        "https://www.retsinformation.dk/eli/lta/2019/548",
        "LAB § 69 (6 måneders forudgående ledighed) og § 151 (vikarer)",
    ]
