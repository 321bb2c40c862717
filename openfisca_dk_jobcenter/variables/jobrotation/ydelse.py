"""Jobrotation: projektet og jobrotationsydelsen til arbejdsgiveren (LAB §§ 149-152).

Ydelsen gives pr. time, hvor en beskæftiget er i efteruddannelse og der samtidig er ansat en vikar
("time-til-time"): satsen × det mindste af arbejdsgiverens berettigede uddannelsestimer og
berettigede vikartimer i måneden. Der gives ikke ydelse ud over uddannelsestimerne, og ikke for
vikartimer ud over dem.
"""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Virksomhed
from openfisca_dk_jobcenter.model.kilder import AALBORG, HOEJE_TAASTRUP, LAB_KAP_22, STAR_JOBROTATION


class jobrotation_projekt_godkendt(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    default_value = True
    label = "Jobrotationsprojektet er godkendt af jobcenteret før de ansattes første uddannelsesdag"
    documentation = (
        "Udeladt betyder godkendt, det normale tilfælde for en sag, der beregnes; sæt false for "
        "at se afslaget, når jobcenteret ikke har godkendt."
    )
    reference = [AALBORG, LAB_KAP_22]


class jobrotation_uddannelsestimer_berettigede(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Arbejdsgiverens uddannelsestimer i måneden, der kan give jobrotationsydelse (alle ansatte)"
    reference = ["LAB § 149 og § 150", LAB_KAP_22, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed.sum(virksomhed.members("jobrotation_uddannelsestimer_med_ydelse", period))


class jobrotation_vikartimer_berettigede(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Arbejdsgiverens vikartimer i måneden, der kan give jobrotationsydelse (alle vikarer)"
    reference = ["LAB § 151", LAB_KAP_22, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed.sum(virksomhed.members("jobrotation_vikartimer_med_ydelse", period))


class jobrotation_timer_med_ydelse(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Timer med jobrotationsydelse: det mindste af de berettigede uddannelsestimer og vikartimer"
    documentation = (
        "Vikardækningen skal svare til de timer, de ansatte er i uddannelse; der gives ikke ydelse "
        "for vikartimer ud over uddannelsestimerne (Jobcenter Høje-Taastrup; parameteren "
        "jobrotation.vikartimer_hoejst_uddannelsestimer). Sammenfaldet mellem uddannelse og "
        "vikariat opgøres pr. måned, ikke pr. dag."
    )
    reference = ["LAB § 149", LAB_KAP_22, HOEJE_TAASTRUP, STAR_JOBROTATION]

    def formula(virksomhed, period, parameters):
        uddannelsestimer = virksomhed("jobrotation_uddannelsestimer_berettigede", period)
        vikartimer = virksomhed("jobrotation_vikartimer_berettigede", period)
        hoejst_uddannelsestimerne = parameters(period.start).jobrotation.vikartimer_hoejst_uddannelsestimer
        return numpy.where(hoejst_uddannelsestimerne, numpy.minimum(uddannelsestimer, vikartimer), vikartimer)


class jobrotation_timesats(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsydelse i kr. pr. time, der er i kraft i måneden"
    reference = ["LAB § 152 og § 189, stk. 1, nr. 4", LAB_KAP_22, STAR_JOBROTATION]

    def formula(virksomhed, period, parameters):
        # Satsen, der er i kraft i måneden (ikke satsen ved projektets start).
        return virksomhed.filled_array(parameters(period.start).jobrotation.ydelse_per_time)


class jobrotationsydelse(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsydelse til arbejdsgiveren i måneden (kr.)"
    reference = ["LAB §§ 149-152", LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed("jobrotation_timesats", period) * virksomhed("jobrotation_timer_med_ydelse", period)
