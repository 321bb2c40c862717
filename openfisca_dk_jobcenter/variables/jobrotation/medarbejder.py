"""Jobrotation: den beskæftigede i efteruddannelse — kan timerne give jobrotationsydelse, og hvorfor ikke
(LAB § 150 og § 153; Jobcenter Høje-Taastrup, Jobrotation)."""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.kategorier import Uddannelsesniveau, foerste_grund
from openfisca_dk_jobcenter.model.kilder import AALBORG, HOEJE_TAASTRUP, LAB_KAP_22, STAR_JOBROTATION


class JobrotationMedarbejderAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    ingen_uddannelsestimer = "Den ansatte har ingen uddannelsestimer i måneden"
    uddannelse_over_graensen = (
        "Den ansatte har en højere uddannelse end ordningen tillader, og uddannelsen er ikke forældet"
    )
    deltager_i_erhvervsuddannelse = "Uddannelsen er en erhvervsuddannelse (LAB § 150, stk. 1, nr. 2)"
    ikke_ansat_3_maaneder_forud = (
        "Den ansatte har ikke været ordinært ansat hos arbejdsgiveren i 3 måneder før uddannelsen"
    )
    modtager_godtgoerelse = "Den ansatte eller arbejdsgiveren modtager VEU-godtgørelse, SVU eller anden godtgørelse"
    projekt_ikke_godkendt = "Jobrotationsprojektet er ikke godkendt af jobcenteret før første uddannelsesdag"
    ordningen_afskaffet = (
        "Jobrotationsordningen er afskaffet (lov nr. 1750 af 29. december 2025), og overgangen for "
        "igangværende forløb er slut i hele måneden"
    )


class jobrotation_medarbejder_uddannelseskrav_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Den ansattes uddannelse er ikke højere, end jobrotation tillader (eller den er forældet)"
    documentation = (
        "Til og med 2021 højst en erhvervsuddannelse (STAR 2018; Jobcenter Høje-Taastrup); fra 2022 (antaget) ikke "
        "en uddannelse på eller over kandidatniveau (LAB § 150, stk. 1, nr. 1), dvs. op til mellemlang "
        "videregående; i begge tilfælde er en højere uddannelse, der ikke er anvendt i 5 år, med. "
        "Grænsen er parameteren jobrotation.medarbejder.hoejeste_uddannelse."
    )
    reference = ["LAB § 150, stk. 1, nr. 1", LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP]

    def formula(person, period, parameters):
        graense = parameters(period.start).jobrotation.medarbejder.hoejeste_uddannelse
        graense_indeks = Uddannelsesniveau[graense].index
        niveau = numpy.asarray(person("hoejeste_uddannelse", period))
        return (niveau <= graense_indeks) + person("har_foraeldet_uddannelse", period)


class jobrotation_medarbejder_afslagsgrund(Variable):
    value_type = Enum
    possible_values = JobrotationMedarbejderAfslagsgrund
    default_value = JobrotationMedarbejderAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for, at den ansattes uddannelsestimer giver jobrotationsydelse, der ikke er opfyldt"
    reference = [LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP, AALBORG]

    def formula(person, period):
        projekt_godkendt = person.virksomhed("jobrotation_projekt_godkendt", period)
        # Betingelserne i lovens rækkefølge: timer i uddannelse (§ 149), ordningens afskaffelse (lov
        # nr. 1750; forløb påbegyndt før afskaffelsen vurderes på vikaren), § 150, stk. 1, nr. 1-3,
        # ingen godtgørelse (§ 153); til sidst arbejdsgiverens godkendte projekt (jobcenteret).
        afskaffet = person("jobrotation_overgang_andel_af_maaneden", period) <= 0
        return foerste_grund(
            [
                (person("jobrotation_uddannelsestimer", period) <= 0, JobrotationMedarbejderAfslagsgrund.ingen_uddannelsestimer),
                (afskaffet, JobrotationMedarbejderAfslagsgrund.ordningen_afskaffet),
                (numpy.logical_not(person("jobrotation_medarbejder_uddannelseskrav_opfyldt", period)), JobrotationMedarbejderAfslagsgrund.uddannelse_over_graensen),
                (person("jobrotation_deltager_i_erhvervsuddannelse", period), JobrotationMedarbejderAfslagsgrund.deltager_i_erhvervsuddannelse),
                (numpy.logical_not(person("jobrotation_forudgaaende_ordinaer_ansaettelse", period)), JobrotationMedarbejderAfslagsgrund.ikke_ansat_3_maaneder_forud),
                (person("modtager_godtgoerelse", period), JobrotationMedarbejderAfslagsgrund.modtager_godtgoerelse),
                (numpy.logical_not(projekt_godkendt), JobrotationMedarbejderAfslagsgrund.projekt_ikke_godkendt),
            ],
            ingen=JobrotationMedarbejderAfslagsgrund.ingen,
        )


class jobrotation_medarbejder_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Den ansattes uddannelsestimer kan give jobrotationsydelse i måneden"
    reference = [LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP]

    def formula(person, period):
        return person("jobrotation_medarbejder_afslagsgrund", period) == JobrotationMedarbejderAfslagsgrund.ingen


class jobrotation_uddannelsestimer_med_ydelse(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Den ansattes uddannelsestimer i måneden, der kan give jobrotationsydelse"
    reference = ["LAB § 149 og § 150", LAB_KAP_22, HOEJE_TAASTRUP]

    def formula(person, period):
        return person("jobrotation_uddannelsestimer", period) * person("jobrotation_medarbejder_berettiget", period)
