"""Jobrotation: arbejdsgiverens budget for projektet (jobcentrenes beregningsmodel).

Jobcenter Høje-Taastrup (Jobrotation, 2017) henviser til Beskæftigelsesregion Hovedstaden og Sjællands beregningsmodel, hvor
arbejdsgiveren opstiller sit jobrotationsbudget. Selve regnearket er ikke fundet; budgettet her
følger de poster, Jobcenter Aalborg og Jobcenter Høje-Taastrup nævner: sædvanlig løn til de ansatte i uddannelse, kursusudgifter
og deltagerbetaling, overenskomstmæssig løn til vikarerne og jobrotationsydelsen. Ugetal er
månedens tal fordelt på månedens uger (kalenderdage / 7).
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Virksomhed
from openfisca_dk_jobcenter.model.datoer import maanedens_dage
from openfisca_dk_jobcenter.model.kilder import AALBORG, HOEJE_TAASTRUP, LAB_KAP_22


def uger_i_maaneden(period):
    """Antal uger i måneden: kalenderdage / 7 (februar i et ikke-skudår er præcis 4 uger)."""
    return maanedens_dage(period)[2] / 7


class jobrotation_loenudgift_medarbejdere(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Sædvanlig løn til de ansatte i uddannelsestimerne (timeløn × uddannelsestimer, alle ansatte)"
    reference = ["LAB § 150, stk. 1, nr. 4", AALBORG, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        loen = virksomhed.members("timeloen", period) * virksomhed.members("jobrotation_uddannelsestimer", period)
        return virksomhed.sum(loen)


class jobrotation_kursusudgifter(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Kursusudgifter og deltagerbetaling for alle ansatte i uddannelse i måneden (kr.)"
    reference = ["LAB § 150, stk. 2", AALBORG]

    def formula(virksomhed, period):
        return virksomhed.sum(virksomhed.members("jobrotation_kursusudgift", period))


class jobrotation_loenudgift_vikarer(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Overenskomstmæssig løn til vikarerne (timeløn × vikartimer, alle vikarer)"
    reference = ["LAB § 151, stk. 5", AALBORG, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        loen = virksomhed.members("timeloen", period) * virksomhed.members("jobrotation_vikartimer", period)
        return virksomhed.sum(loen)


class jobrotation_bruttoudgift(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsprojektets udgifter før ydelsen: løn til ansatte i uddannelse + kursusudgifter + vikarløn"
    reference = [LAB_KAP_22, AALBORG, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return (
            virksomhed("jobrotation_loenudgift_medarbejdere", period)
            + virksomhed("jobrotation_kursusudgifter", period)
            + virksomhed("jobrotation_loenudgift_vikarer", period)
        )


class jobrotation_nettoudgift(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsbudget: løn til ansatte i uddannelse + kursusudgifter + vikarløn − jobrotationsydelse"
    reference = [LAB_KAP_22, AALBORG, HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed("jobrotation_bruttoudgift", period) - virksomhed("jobrotationsydelse", period)


class jobrotation_bruttoudgift_per_uge(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsprojektets udgifter før ydelsen pr. uge i måneden"
    reference = [HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed("jobrotation_bruttoudgift", period) / uger_i_maaneden(period)


class jobrotationsydelse_per_uge(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsydelse pr. uge i måneden"
    reference = [HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed("jobrotationsydelse", period) / uger_i_maaneden(period)


class jobrotation_nettoudgift_per_uge(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobrotationsbudget (nettoudgift) pr. uge i måneden"
    reference = [HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        return virksomhed("jobrotation_nettoudgift", period) / uger_i_maaneden(period)


class jobrotation_nettoudgift_per_uddannelsestime(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Nettoudgift pr. uddannelsestime (0, når ingen ansatte er i uddannelse)"
    reference = [HOEJE_TAASTRUP]

    def formula(virksomhed, period):
        timer = virksomhed.sum(virksomhed.members("jobrotation_uddannelsestimer", period))
        netto = virksomhed("jobrotation_nettoudgift", period)
        return numpy.divide(netto, timer, out=numpy.zeros_like(netto, dtype=numpy.float64), where=timer > 0)
