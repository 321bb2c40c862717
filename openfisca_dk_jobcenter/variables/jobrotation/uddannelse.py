"""Jobrotation: den ansatte, der er i uddannelse, og uddannelsens udgifter (input).

`modtager_godtgoerelse` bruges også af ordningen 'uddannelse af ansat kombineret med ansættelse af
ledig i løntilskud'.
"""

from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import KRONER, TIMER, domaene
from openfisca_dk_jobcenter.model.kilder import AALBORG, HOEJE_TAASTRUP, LAB_KAP_22, STAR_JOBROTATION


@domaene(TIMER)
class jobrotation_uddannelsestimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Timer, den ansatte deltager i uddannelse med løn i måneden"
    reference = ["LAB § 150", LAB_KAP_22, HOEJE_TAASTRUP]


class modtager_godtgoerelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Modtager VEU-godtgørelse, SVU eller anden godtgørelse for uddannelsen"
    reference = [LAB_KAP_22, HOEJE_TAASTRUP]


class jobrotation_deltager_i_erhvervsuddannelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Uddannelsen er en erhvervsuddannelse (eller maritim eller AUB-sidestillet uddannelse)"
    documentation = (
        "LAB § 150, stk. 1, nr. 2: der gives ikke jobrotationsydelse, når den beskæftigede deltager "
        "i en erhvervsuddannelse. Udeladt (falsk) betyder, at kravet er opfyldt. Forsøget 2021-2022 "
        "med euv1 i jobrotation er ikke modelleret."
    )
    reference = ["LAB § 150, stk. 1, nr. 2", LAB_KAP_22, STAR_JOBROTATION]


class jobrotation_forudgaaende_ordinaer_ansaettelse(Variable):
    value_type = bool
    default_value = True
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ordinært ansat hos arbejdsgiveren i mindst 3 måneder lige før uddannelsens begyndelse"
    documentation = (
        "LAB § 150, stk. 1, nr. 3. Ikke nævnt hos Jobcenter Høje-Taastrup; standardværdien (sand) opfylder kravet, så "
        "en sag skrevet uden denne oplysning beholder sin betydning."
    )
    reference = ["LAB § 150, stk. 1, nr. 3", LAB_KAP_22, "http://www.faxekommune.dk/jobrotation-1"]


@domaene(KRONER)
class jobrotation_kursusudgift(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Kursusudgifter og deltagerbetaling for den ansattes uddannelse, som arbejdsgiveren betaler i måneden (kr.)"
    reference = ["LAB § 150, stk. 2", LAB_KAP_22, AALBORG]
