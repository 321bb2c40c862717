"""Uddannelse af en ansat kombineret med ansættelse af en ledig med løntilskud (Jobcenter Høje-Taastrup, Jobrotation).

Jobcenter Høje-Taastrup beskriver to former for jobrotation. Den anden: arbejdsgiveren sender en
ansat på voksen- og efteruddannelse og ansætter samtidig en ledig med løntilskud. Arbejdsgiveren
får løntilskud for den ledige efter LAB (de almindelige løntilskudsregler, `loentilskud`), og den
ansatte (eller arbejdsgiveren, når der udbetales løn under uddannelsen) kan få VEU- eller
SVU-godtgørelse. Der gives ikke jobrotationsydelse for den ansatte (jobrotationens betingelse:
ingen godtgørelse), og en vikar med løntilskud giver ikke jobrotationsydelse.

Løntilskuddet tælles kun én gang i virksomhed_tilskud_i_alt (som løntilskud); kombinationen er
ikke en særskilt ordning i ordninger.py. Godtgørelsens beløb er ikke modelleret.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person, Virksomhed
from openfisca_dk_jobcenter.model.kilder import HOEJE_TAASTRUP, LAB_153, LAB_KAP_12


class uddannelse_med_loentilskud_medarbejder(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ansat i voksen- eller efteruddannelse med VEU- eller SVU-godtgørelse i måneden"
    reference = [HOEJE_TAASTRUP, LAB_153]

    def formula(person, period):
        return (person("jobrotation_uddannelsestimer", period) > 0) * person("modtager_godtgoerelse", period)


class uddannelse_med_loentilskud_ledige(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Antal personer, arbejdsgiveren får løntilskud for i måneden"
    reference = [HOEJE_TAASTRUP, LAB_KAP_12]

    def formula(virksomhed, period):
        return virksomhed.sum(virksomhed.members("loentilskud", period) > 0)


class uddannelse_med_loentilskud(Variable):
    value_type = bool
    entity = Virksomhed
    definition_period = MONTH
    label = "Arbejdsgiveren kombinerer uddannelse af en ansat (med godtgørelse) med en ledig ansat med løntilskud"
    reference = [HOEJE_TAASTRUP, LAB_KAP_12, LAB_153]

    def formula(virksomhed, period):
        uddannelse = virksomhed.any(virksomhed.members("uddannelse_med_loentilskud_medarbejder", period))
        return uddannelse * (virksomhed("uddannelse_med_loentilskud_ledige", period) > 0)


class uddannelse_med_loentilskud_godtgoerelse_tilladt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Den ansattes VEU- eller SVU-godtgørelse er forenelig med ordningen (og giver ingen jobrotationsydelse)"
    documentation = (
        "Sand for en ansat i uddannelse med godtgørelse hos en arbejdsgiver, der samtidig har en ledig "
        "ansat med løntilskud. Den ansattes uddannelsestimer giver ikke jobrotationsydelse "
        "(jobrotation_medarbejder_afslagsgrund er modtager_godtgoerelse)."
    )
    reference = [HOEJE_TAASTRUP, LAB_153]

    def formula(person, period):
        return person("uddannelse_med_loentilskud_medarbejder", period) * person.virksomhed(
            "uddannelse_med_loentilskud", period
        )


class uddannelse_med_loentilskud_loentilskud(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Løntilskud i måneden, som arbejdsgiveren får i kombinationen med uddannelse af en ansat (kr.; også talt som løntilskud)"
    reference = [HOEJE_TAASTRUP, LAB_KAP_12]

    def formula(virksomhed, period):
        loentilskud = virksomhed.sum(virksomhed.members("loentilskud", period))
        return loentilskud * virksomhed("uddannelse_med_loentilskud", period)
