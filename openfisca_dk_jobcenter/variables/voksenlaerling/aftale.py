"""Voksenlærling: uddannelsesaftalen og ansøgningen (input)."""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import TIMER, domaene
from openfisca_dk_jobcenter.model.kilder import AALBORG, LAB_KAP_23, STAR_VOKSENLAERLING


class voksenlaerling_aftale_start(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Uddannelsesaftalens første dag"
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING]


class voksenlaerling_ansoegningsdato(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Dato for indsendelse af ansøgningen om voksenlærlingetilskud"
    documentation = "Udeladt (1970-01-01) betyder, at ansøgningen er indsendt rettidigt."
    reference = [STAR_VOKSENLAERLING, AALBORG]


class voksenlaerling_kommer_fra_ledighed(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Lærlingen var ledig lige før uddannelsesaftalen (ellers i beskæftigelse)"
    reference = [LAB_KAP_23, AALBORG]


class voksenlaerling_uddannelse_paa_voksenlaerlingelisten(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Uddannelsen står på voksenlærlingelisten (positivlisten)"
    documentation = (
        "Listen over uddannelser med gode jobmuligheder. Regionale lister (RAR) indtil "
        "1. april 2018, derefter en national liste."
    )
    reference = [LAB_KAP_23, AALBORG]


@domaene(TIMER)
class voksenlaerling_praktiktimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Timer i uddannelsesaftalens praktikperioder i måneden"
    documentation = "Skoleperioder giver ikke voksenlærlingetilskud (dér gives AUB-lønrefusion)."
    reference = [LAB_KAP_23, AALBORG]
