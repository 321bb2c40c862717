"""Samspil mellem ordningerne: de samme timer giver kun ét tilskud.

Hvilken ordning der bærer en persons timer, når flere kunne:
- Voksenlærling før løntilskud. En voksenlærling er ansat på en uddannelsesaftale; løntilskud
  er et tilbud om ansættelse med løntilskud (LAB kap. 12). Timer i en uddannelsesaftale, der
  giver voksenlærlingetilskud (LAB kap. 23), giver derfor ikke også løntilskud. Der er ikke fundet
  en bestemmelse, der siger det med rene ord; reglen er modellens læsning af de to kapitler [U].
- Løntilskud før jobrotation. Jobrotationsydelse gives ikke, når der ydes løntilskud til de samme
  timer (Jobcenter Høje-Taastrup: "Der ydes ikke løntilskud, VEU-godtgørelse eller anden godtgørelse"); en vikar
  ansat med løntilskud giver arbejdsgiveren løntilskud, ikke jobrotationsydelse (reglen står i
  jobrotationens vikarbetingelser). Det er Jobcenter Høje-Taastrups anden form for jobrotation: uddannelse af en ansat med VEU-
  eller SVU-godtgørelse kombineret med ansættelse af en ledig med løntilskud.
- Tilskud til opkvalificering ved ansættelse kræver en ordinær ansættelse uden andet tilskud
  (Jobcenter Aalborg), så den falder bort, når ansættelsen giver løntilskud, voksenlærlingetilskud eller
  jobrotationsydelse.
"""

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.kategorier import foerste_grund
from openfisca_dk_jobcenter.model.kilder import AALBORG, HOEJE_TAASTRUP, LAB


class TilskudTilTimerne(Enum):
    ingen = "Ingen ordning giver tilskud til personens timer i måneden"
    voksenlaerling = "Voksenlærlingetilskud (uddannelsesaftalen går forud for løntilskud)"
    loentilskud = "Løntilskud (går forud for jobrotationsydelse)"
    jobrotation = "Jobrotationsydelse for personens timer som vikar"


class samspil_timerne_giver_voksenlaerlingetilskud(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personens timer giver voksenlærlingetilskud i måneden (så de ikke også kan give løntilskud)"
    reference = [LAB, "LAB kap. 12 (løntilskud) og kap. 23 (voksenlærlinge)"]

    def formula(person, period):
        return person("voksenlaerling_tilskud", period) > 0


class tilskud_til_timerne(Variable):
    value_type = Enum
    possible_values = TilskudTilTimerne
    default_value = TilskudTilTimerne.ingen
    entity = Person
    definition_period = MONTH
    label = "Den ordning, der giver tilskud til personens timer i måneden, når flere kunne"
    documentation = (
        "Voksenlærlingetilskud går forud for løntilskud, og løntilskud går forud for "
        "jobrotationsydelse for en vikar. Den tabende ordning giver 0 kr. for personens timer "
        "(løntilskuddets afslagsgrund timerne_giver_andet_tilskud; jobrotationens vikar i_loentilskud)."
    )
    reference = [LAB, "LAB kap. 12, 22 og 23", HOEJE_TAASTRUP]

    def formula(person, period):
        return foerste_grund(
            [
                (person("voksenlaerling_tilskud", period) > 0, TilskudTilTimerne.voksenlaerling),
                (person("loentilskud", period) > 0, TilskudTilTimerne.loentilskud),
                (person("jobrotation_vikartimer_med_ydelse", period) > 0, TilskudTilTimerne.jobrotation),
            ],
            ingen=TilskudTilTimerne.ingen,
        )


class samspil_ansaettelse_med_andet_tilskud(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ansættelsen giver et andet tilskud (erklæret, eller løntilskud, voksenlærlingetilskud eller jobrotationsydelse i modellen)"
    documentation = (
        "Tilskud til opkvalificering ved ansættelse kræver en ordinær ansættelse uden andet "
        "tilskud. Ud over arbejdsgiverens erklæring (opkvalificering_ansaettelse_med_andet_tilskud) "
        "tæller timer med løntilskud, voksenlærlingetilskud og vikartimer med jobrotationsydelse i "
        "måneden."
    )
    reference = [AALBORG, "Jobcenter Aalborg, opkvalificering ved ansættelse (\"ordinær ansættelse ... uden anden tilskud\")"]

    def formula(person, period):
        return (
            person("opkvalificering_ansaettelse_med_andet_tilskud", period)
            + (person("loentilskud_timer", period) > 0)
            + (person("voksenlaerling_tilskud", period) > 0)
            + (person("jobrotation_vikartimer_med_ydelse", period) > 0)
        )
