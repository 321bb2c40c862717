"""Jobrotation: den ansatte, der er i uddannelse (input). `modtager_godtgoerelse` bruges også af
ordningen 'uddannelse af ansat kombineret med ansættelse af ledig i løntilskud'."""

from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person

KAP_22 = "LAB (lov nr. 548 af 7. maj 2019) kap. 22, §§ 149-153"
HOEJE_TAASTRUP = "https://www.htk.dk/erhverv/jobcenter-for-erhverv/jobrotation"


class jobrotation_uddannelsestimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Timer, den ansatte deltager i uddannelse med løn i måneden"
    reference = ["LAB § 150", KAP_22, HOEJE_TAASTRUP]


class modtager_godtgoerelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Modtager VEU-godtgørelse, SVU eller anden godtgørelse for uddannelsen"
    reference = [KAP_22, HOEJE_TAASTRUP]
