"""Jobrotation: vikaren — input, vikarperioden og om vikarens timer kan give jobrotationsydelse
(LAB § 151 og § 153; Jobcenter Høje-Taastrup, Jobrotation; Jobcenter Aalborg).

Vikarens krav (forudgående ledighed, længste vikariat) gælder på vikariatets første dag, ikke i den
måned, der beregnes: forsøget i 2021 (3 måneders ledighed, 9 måneders vikariat) omfattede forløb,
der blev påbegyndt i 2021, også når vikariatet fortsatte ind i 2022.
"""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.datoer import andel_af_maaneden, maanedens_dage, periodens_slut
from openfisca_dk_jobcenter.model.domaener import TIMER, domaene
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, forloebets_startmaaned, regeldato, skiftedatoer
from openfisca_dk_jobcenter.model.kategorier import foerste_grund
from openfisca_dk_jobcenter.model.kilder import (
    AALBORG,
    CABI_REFORM,
    HOEJE_TAASTRUP,
    LAB_KAP_22,
    LOV_1750,
    STAR_JOBROTATION,
    STAR_JOBROTATION_FORSOEG_2021,
    STAR_REFORM_WEBINAR,
)

OVERGANG = "jobrotation.afskaffelse.igangvaerende_forloeb_giver_ydelse"


def andel_af_maaneden_i_overgangen(population, parameters, period):
    """Den del af månedens dage, hvor igangværende forløb giver ydelse (skifter parameteren inde i
    måneden, tæller dagene før og efter skiftet hver for sig)."""
    first, after, n_days = maanedens_dage(period)
    trae = population.simulation.tax_benefit_system.parameters
    skift = [numpy.datetime64(d, "D") for d in skiftedatoer(trae, [OVERGANG])]
    graenser = [first] + [d for d in skift if first < d < after] + [after]
    dage_med_ydelse = 0
    for fra, til in zip(graenser[:-1], graenser[1:], strict=True):
        if parameters(str(fra)).jobrotation.afskaffelse.igangvaerende_forloeb_giver_ydelse:
            dage_med_ydelse += (til - fra) / numpy.timedelta64(1, "D")
    return dage_med_ydelse / int(n_days)


def _vikariatets_regler(person, period, parameters):
    """Jobrotationens regler på vikariatets første dag (uden oplyst start: den beregnede måneds)."""
    return foerste_dag(person, period, parameters, "jobrotation", regeldato="jobrotation_vikar_regeldato")


class JobrotationVikarAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    ikke_vikar = "Personen har ingen timer som jobrotationsvikar i måneden"
    utilstraekkelig_ledighed = "Vikaren har ikke haft den krævede forudgående ledighed (normalt 6 måneder)"
    ikke_godkendt = "Vikaren er ikke godkendt af jobcenteret før ansættelsen"
    i_loentilskud = "Vikaren er ansat med løntilskud (ingen anden offentlig støtte til timerne)"
    uden_for_vikarperioden = "Måneden ligger efter vikariatets længste varighed (normalt 6 måneder) eller før det"
    ordningen_afskaffet = (
        "Jobrotationsordningen er afskaffet (lov nr. 1750 af 29. december 2025): vikariatet begyndte, "
        "efter at nye forløb ikke længere kunne bevilges, eller overgangen for igangværende forløb er slut"
    )


@domaene(TIMER)
class jobrotation_vikartimer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Timer, personen arbejder som jobrotationsvikar i måneden"
    reference = ["LAB § 151", LAB_KAP_22, HOEJE_TAASTRUP]


class jobrotation_vikariat_start(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    label = "Vikariatets første dag"
    documentation = "Bruges også som jobrotationsforløbets start, når vikarens krav dateres (forsøget i 2021)."
    reference = ["LAB § 151, stk. 2", LAB_KAP_22, HOEJE_TAASTRUP]


class jobrotation_vikar_godkendt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    default_value = True
    label = "Vikaren er godkendt af jobcenteret før ansættelsen i vikariatet"
    documentation = (
        "Udeladt betyder godkendt, det normale tilfælde for en sag, der beregnes; sæt false for "
        "at se afslaget, når jobcenteret ikke har godkendt."
    )
    reference = [AALBORG, LAB_KAP_22]


class jobrotation_vikar_regeldato(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Datoen, hvis regler gælder for vikariatet: dets første dag (den beregnede måned, hvis den ikke er oplyst)"
    documentation = (
        "Vikarens krav (forudgående ledighed, længste vikariat) gælder på vikariatets første dag: "
        "forsøget i 2021 (3 måneders ledighed, 9 måneders vikariat) omfattede forløb, der blev "
        "påbegyndt i 2021, også når vikariatet fortsatte ind i 2022."
    )
    reference = ["LAB § 151", LAB_KAP_22, STAR_JOBROTATION_FORSOEG_2021]

    def formula(person, period):
        return regeldato(person("jobrotation_vikariat_start", period), period)


class jobrotation_vikar_ledighedskrav_maaneder(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Måneders forudgående ledighed, vikaren mindst skal have haft (efter reglerne på vikariatets første dag)"
    reference = ["LAB § 151, stk. 1", LAB_KAP_22, HOEJE_TAASTRUP, STAR_JOBROTATION_FORSOEG_2021]

    def formula(person, period, parameters):
        return _vikariatets_regler(person, period, parameters).vikar.ledighed_maaneder


class jobrotation_vikar_max_maaneder(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Vikariatets længste varighed med jobrotationsydelse i måneder (efter reglerne på vikariatets første dag)"
    reference = ["LAB § 151, stk. 2", LAB_KAP_22, HOEJE_TAASTRUP, STAR_JOBROTATION_FORSOEG_2021]

    def formula(person, period, parameters):
        return _vikariatets_regler(person, period, parameters).vikar.max_maaneder


class jobrotation_vikariat_kan_bevilges(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Vikariatet begyndte, mens nye jobrotationsforløb kunne bevilges (før ordningens afskaffelse)"
    documentation = (
        "Lov nr. 1750 af 29. december 2025 afskaffer jobrotation; et vikariat, der begynder på eller "
        "efter datoen i jobrotation.afskaffelse.nye_forloeb_kan_bevilges (1. februar 2026, antaget), "
        "giver ingen ydelse. Vurderes på vikariatets første dag (uden oplyst start: den beregnede måned)."
    )
    reference = [LOV_1750, STAR_REFORM_WEBINAR, CABI_REFORM]

    def formula(person, period, parameters):
        return _vikariatets_regler(person, period, parameters).afskaffelse.nye_forloeb_kan_bevilges


class jobrotation_overgang_andel_af_maaneden(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Den del af månedens kalenderdage, hvor igangværende jobrotationsforløb stadig giver ydelse"
    documentation = (
        "1 før overgangens slutning, 0 efter; i den måned, hvor overgangen efter lov nr. 1750 "
        "slutter (1. august 2026, antaget), andelen af dagene før slutningen (modellens konvention "
        "for en grænse inde i et forløb)."
    )
    reference = [LOV_1750, CABI_REFORM, "LAB § 151, stk. 2"]

    def formula(person, period, parameters):
        return person.filled_array(andel_af_maaneden_i_overgangen(person, parameters, period), dtype=numpy.float32)


class jobrotation_vikariat_slut(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Første dag efter vikariatets længste varighed (vikariatets start + 6 måneder, i 2021 9 måneder)"
    documentation = (
        "Et vikariat fra 16. januar på 6 måneder dækker 16. januar – 15. juli; 16. juli er første dag "
        "udenfor. 9999-12-31, når jobrotation_vikariat_start ikke er oplyst."
    )
    reference = ["LAB § 151, stk. 2", LAB_KAP_22, HOEJE_TAASTRUP]

    def formula(person, period):
        # Uden oplyst vikariatsstart kan den længste varighed ikke vurderes.
        return periodens_slut(person("jobrotation_vikariat_start", period), person("jobrotation_vikar_max_maaneder", period))


class jobrotation_vikar_andel_af_maaneden(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Den del af månedens vikartimer, der ligger inden for vikariatets længste varighed og ordningens overgang"
    documentation = (
        "1 i vikariatets første måned og i hele måneder derefter; i den måned, hvor den længste "
        "varighed udløber, andelen af månedens kalenderdage før udløbet (fx 15/31, når 6 måneder fra "
        "16. januar udløber 16. juli); 0 før vikariatets første måned og efter udløbet. Den første "
        "måned tæller helt, fordi vikartimer før vikariatets start ikke findes. Ganges med "
        "jobrotation_overgang_andel_af_maaneden, når overgangen efter lov nr. 1750 slutter i måneden."
    )
    reference = ["LAB § 151, stk. 2", LAB_KAP_22, HOEJE_TAASTRUP, LOV_1750]

    def formula(person, period):
        startmaaned = forloebets_startmaaned(person("jobrotation_vikariat_start", period))
        andel = andel_af_maaneden(period, fra=startmaaned, til=person("jobrotation_vikariat_slut", period))
        return andel * person("jobrotation_overgang_andel_af_maaneden", period)


class jobrotation_vikar_afslagsgrund(Variable):
    value_type = Enum
    possible_values = JobrotationVikarAfslagsgrund
    default_value = JobrotationVikarAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for, at vikarens timer giver jobrotationsydelse, der ikke er opfyldt"
    reference = [LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP, AALBORG]

    def formula(person, period):
        ledighed = person("forudgaaende_ledighed_maaneder", period)
        # Rækkefølge: timer som vikar (§ 149), ordningens afskaffelse (lov nr. 1750), forudgående
        # ledighed (§ 151, stk. 1), jobcenterets godkendelse før ansættelsen, ingen anden offentlig
        # støtte (§ 153) og til sidst tidsvinduet (§ 151, stk. 2), som i voksenlærlingens
        # tilskudsperiode.
        afskaffet = numpy.logical_not(person("jobrotation_vikariat_kan_bevilges", period)) + (
            person("jobrotation_overgang_andel_af_maaneden", period) <= 0
        )
        return foerste_grund(
            [
                (person("jobrotation_vikartimer", period) <= 0, JobrotationVikarAfslagsgrund.ikke_vikar),
                (afskaffet, JobrotationVikarAfslagsgrund.ordningen_afskaffet),
                (ledighed < person("jobrotation_vikar_ledighedskrav_maaneder", period), JobrotationVikarAfslagsgrund.utilstraekkelig_ledighed),
                (numpy.logical_not(person("jobrotation_vikar_godkendt", period)), JobrotationVikarAfslagsgrund.ikke_godkendt),
                (person("loentilskud_timer", period) > 0, JobrotationVikarAfslagsgrund.i_loentilskud),
                (person("jobrotation_vikar_andel_af_maaneden", period) <= 0, JobrotationVikarAfslagsgrund.uden_for_vikarperioden),
            ],
            ingen=JobrotationVikarAfslagsgrund.ingen,
        )


class jobrotation_vikar_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Vikarens timer kan give jobrotationsydelse i måneden"
    reference = [LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP]

    def formula(person, period):
        return person("jobrotation_vikar_afslagsgrund", period) == JobrotationVikarAfslagsgrund.ingen


class jobrotation_vikar_med_ydelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen er jobrotationsvikar i måneden med timer, der kan give jobrotationsydelse (tæller vikarerne)"
    documentation = (
        "Ordningens deltager er vikaren (LAB § 151), men jobrotationsydelsen går til arbejdsgiveren "
        "(jobrotationsydelse ligger på virksomheden). De publicerede tal (Danmarks Statistik: "
        "fuldtidspersoner i jobrotation) tæller personer; valideringen tæller derfor vikarerne med "
        "denne variabel (registrets `deltager`)."
    )
    reference = ["LAB § 151", LAB_KAP_22, STAR_JOBROTATION, HOEJE_TAASTRUP]

    def formula(person, period):
        # Timerne kræves for sig: jobrotation_vikar_berettiget kan gives som input (web-API'et), og
        # en person uden vikartimer i måneden er ikke vikar i den måned, hvad input så end siger.
        return person("jobrotation_vikar_berettiget", period) * (person("jobrotation_vikartimer", period) > 0)


class jobrotation_vikartimer_med_ydelse(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Vikarens timer i måneden, der kan give jobrotationsydelse (forholdsmæssigt i vikariatets sidste måned)"
    reference = ["LAB § 151", LAB_KAP_22, HOEJE_TAASTRUP]

    def formula(person, period):
        return (
            person("jobrotation_vikartimer", period)
            * person("jobrotation_vikar_andel_af_maaneden", period)
            * person("jobrotation_vikar_berettiget", period)
        )
