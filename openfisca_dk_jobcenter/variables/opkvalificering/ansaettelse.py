"""Tilskud til opkvalificering ved ansættelse: ansøgningen, ansættelsen og kurset (input).

Jobcenter Aalborg: tilskud til korte, opkvalificerende kurser, når en virksomhed
ansætter en ledig i et ordinært job, ud over den opkvalificering, arbejdsgiveren normalt giver.
"""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import KRONER, MAANEDER, domaene
from openfisca_dk_jobcenter.model.kilder import AALBORG, STAR_OPKVALIFICERING


class opkvalificering_ansoegningsdato(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Dato for ansøgningen om tilskud til opkvalificering ved ansættelse (til jobcenteret)"
    documentation = "Ansøgningen skal indgives, mens den kommende medarbejder stadig er ledig: før ansættelsens første dag."
    reference = [AALBORG, STAR_OPKVALIFICERING]


class opkvalificering_ansaettelse_start(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Den ordinære ansættelses første dag"
    reference = [AALBORG, STAR_OPKVALIFICERING]


class opkvalificering_kursus_start(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Opkvalificeringskursets første dag"
    reference = [AALBORG]


@domaene(MAANEDER)
class opkvalificering_ansaettelse_varighed_maaneder(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ansættelsens varighed i måneder efter arbejdsgivererklæringen"
    reference = [AALBORG]


class opkvalificering_ansaettelse_med_andet_tilskud(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ansættelsen giver arbejdsgiveren et andet tilskud (efter arbejdsgivererklæringen)"
    reference = [AALBORG]


@domaene(KRONER)
class opkvalificering_kursusudgift(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dokumenteret udgift til kurset i kr. (ansøgningens samlede beløb)"
    documentation = (
        "Det beløb, arbejdsgiveren har begrundet og dokumenteret i ansøgningen; 0 betyder, at "
        "udgiften ikke er dokumenteret. Tilskuddet udbetales i den måned, kurset begynder."
    )
    reference = [AALBORG]


class opkvalificering_udgift_allerede_afholdt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Udgiften var allerede afholdt, da der blev søgt"
    reference = [AALBORG]
