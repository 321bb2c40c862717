"""Tilskud til opkvalificering ved ansættelse: betingelserne i Jobcenter Aalborgs rækkefølge og tilskuddet.

Jobcenter Aalborg: ansøgning, mens den kommende medarbejder er ledig; ikke allerede
ansatte, sygedagpengemodtagere eller personer i jobafklaringsforløb; mindst 6 måneders ledighed;
arbejdsgivererklæring om ordinær ansættelse i mindst 3 måneder uden andet tilskud; begrundede og
dokumenterede udgifter, ikke allerede afholdte; kurset efter ansættelsen og senest 3 måneder
efter ansættelsens start. Der er ikke fundet et loft i kroner, så tilskuddet er den dokumenterede
udgift (parameteren opkvalificering.andel_af_kursusudgiften); målgrupperne står i
opkvalificering.maalgruppe_omfattet.

Jobcenter Aalborgs betingelser svarer til en regional uddannelsespulje (Rødovre Kommune); STAR's ordning
(ca. 2020) har andre ledighedskrav. Se parameteren opkvalificering.ledighed_maaneder.
"""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.datoer import i_maaneden, oplyst, plus_maaneder, som_dato
from openfisca_dk_jobcenter.model.forloeb import maanedens_regler
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe, foerste_grund
from openfisca_dk_jobcenter.model.kilder import AALBORG, ROEDOVRE_OPKVALIFICERING, STAR_OPKVALIFICERING


class OpkvalificeringAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    allerede_ansat = "Personen er allerede i beskæftigelse (ikke ledig)"
    sygedagpenge_eller_jobafklaring = "Personen modtager sygedagpenge eller er i jobafklaringsforløb"
    ansoegt_for_sent = "Ansøgningen er indgivet på eller efter ansættelsens første dag (ikke mens personen var ledig)"
    for_kort_ledighed = "Personen har ikke mindst 6 måneders ledighed"
    ansaettelse_for_kort = "Arbejdsgivererklæringen lyder på en ansættelse på under 3 måneder"
    ansaettelse_med_andet_tilskud = "Ansættelsen giver et andet tilskud (ikke en ordinær ansættelse uden tilskud)"
    udgift_ikke_dokumenteret = "Der er ikke dokumenteret en udgift til kurset"
    udgift_allerede_afholdt = "Udgiften var allerede afholdt, da der blev søgt"
    kursus_foer_ansaettelsen = "Kurset begynder før ansættelsens første dag"
    kursus_for_sent = "Kurset begynder mere end 3 måneder efter ansættelsens første dag"
    ikke_i_maalgruppen = "Personens målgruppe er ikke omfattet af ordningen"


class opkvalificering_kursus_rettidigt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kurset begynder tidligst på ansættelsens første dag og senest 3 måneder efter"
    documentation = (
        "Fristen på 3 måneder fra ansættelsens første dag S udløber på dagen S + 3 måneder: et kursus, "
        "der begynder den dag, er med; dagen efter er for sent (datoer.py). Er kursets eller "
        "ansættelsens første dag ikke oplyst, kan betingelsen ikke vurderes og regnes for opfyldt."
    )
    reference = [AALBORG, ROEDOVRE_OPKVALIFICERING]

    def formula(person, period, parameters):
        frist = parameters(period.start).opkvalificering.kursus_senest_maaneder_efter_ansaettelse
        start = som_dato(person("opkvalificering_ansaettelse_start", period))
        kursus = som_dato(person("opkvalificering_kursus_start", period))
        vurderes = oplyst(start) * oplyst(kursus)
        return numpy.logical_not(vurderes) + (kursus >= start) * (kursus <= plus_maaneder(start, frist))


class opkvalificering_afslagsgrund(Variable):
    value_type = Enum
    possible_values = OpkvalificeringAfslagsgrund
    default_value = OpkvalificeringAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for tilskud til opkvalificering ved ansættelse, der ikke er opfyldt"
    reference = [AALBORG, STAR_OPKVALIFICERING, ROEDOVRE_OPKVALIFICERING]

    def formula(person, period, parameters):
        p = maanedens_regler(parameters, period, "opkvalificering")
        maalgruppe = person("maalgruppe", period)
        uden_for = numpy.logical_not(p.maalgruppe_omfattet[maalgruppe])
        ansaettelse_start = som_dato(person("opkvalificering_ansaettelse_start", period))
        kursus = som_dato(person("opkvalificering_kursus_start", period))
        ansoegt = som_dato(person("opkvalificering_ansoegningsdato", period))
        # En dato, der ikke er oplyst, kan ikke give afslag (som voksenlærlingens ansøgningsdato): en
        # sag, der kun beskriver personen og arbejdsgivererklæringen, vurderes på dem.
        ansoegt_for_sent = oplyst(ansoegt) * oplyst(ansaettelse_start) * (ansoegt >= ansaettelse_start)
        kursus_foer = oplyst(kursus) * oplyst(ansaettelse_start) * (kursus < ansaettelse_start)
        # Jobcenter Aalborgs rækkefølge: hvem (ledig, ikke syg/jobafklaring), ansøgning mens ledig, ledighed,
        # arbejdsgivererklæringen, udgiften og til sidst kursets placering i tid.
        return foerste_grund(
            [
                (uden_for * (maalgruppe == Maalgruppe.beskaeftiget), OpkvalificeringAfslagsgrund.allerede_ansat),
                (uden_for * ((maalgruppe == Maalgruppe.sygedagpengemodtager) + (maalgruppe == Maalgruppe.jobafklaringsforloeb)), OpkvalificeringAfslagsgrund.sygedagpenge_eller_jobafklaring),
                (uden_for, OpkvalificeringAfslagsgrund.ikke_i_maalgruppen),
                (ansoegt_for_sent, OpkvalificeringAfslagsgrund.ansoegt_for_sent),
                (person("forudgaaende_ledighed_maaneder", period) < p.ledighed_maaneder, OpkvalificeringAfslagsgrund.for_kort_ledighed),
                (person("opkvalificering_ansaettelse_varighed_maaneder", period) < p.ansaettelse_min_maaneder, OpkvalificeringAfslagsgrund.ansaettelse_for_kort),
                (person("samspil_ansaettelse_med_andet_tilskud", period), OpkvalificeringAfslagsgrund.ansaettelse_med_andet_tilskud),
                (person("opkvalificering_kursusudgift", period) <= 0, OpkvalificeringAfslagsgrund.udgift_ikke_dokumenteret),
                (person("opkvalificering_udgift_allerede_afholdt", period), OpkvalificeringAfslagsgrund.udgift_allerede_afholdt),
                (kursus_foer, OpkvalificeringAfslagsgrund.kursus_foer_ansaettelsen),
                (numpy.logical_not(person("opkvalificering_kursus_rettidigt", period)), OpkvalificeringAfslagsgrund.kursus_for_sent),
            ],
            ingen=OpkvalificeringAfslagsgrund.ingen,
        )


class opkvalificering_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Alle betingelser for tilskud til opkvalificering ved ansættelse er opfyldt"
    reference = [AALBORG, STAR_OPKVALIFICERING]

    def formula(person, period):
        return person("opkvalificering_afslagsgrund", period) == OpkvalificeringAfslagsgrund.ingen


class opkvalificering_kursus_begynder_i_maaneden(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Opkvalificeringskurset begynder i måneden"
    reference = [AALBORG]

    def formula(person, period):
        return i_maaneden(person("opkvalificering_kursus_start", period), period)


class opkvalificering_tilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Tilskud til opkvalificering ved ansættelse til arbejdsgiveren (kr.), i den måned kurset begynder"
    documentation = (
        "Den dokumenterede kursusudgift gange parameteren opkvalificering.andel_af_kursusudgiften "
        "(1: hele udgiften). Der er ikke fundet et loft i kroner (kilderne beskriver beløbet som "
        "en konkret vurdering), så der er intet loft."
    )
    reference = [AALBORG, STAR_OPKVALIFICERING]

    def formula_2015_01_01(person, period, parameters):
        andel = parameters(period.start).opkvalificering.andel_af_kursusudgiften
        return (
            person("opkvalificering_berettiget", period)
            * person("opkvalificering_kursus_begynder_i_maaneden", period)
            * person("opkvalificering_kursusudgift", period)
            * andel
        )
