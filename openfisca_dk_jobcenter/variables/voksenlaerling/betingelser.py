"""Voksenlærling: hvem er berettiget, og hvorfor ikke (LAB kap. 23; Jobcenter Aalborg)."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.datoer import alder_paa, regeldato, regler_paa_dato
from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.kategorier import foerste_grund
from openfisca_dk_jobcenter.kilder import AALBORG, LAB_KAP_23, STAR_VOKSENLAERLING


class VoksenlaerlingAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    under_minimumsalder = "Lærlingen var ikke fyldt 25 år på uddannelsesaftalens første dag"
    faglaert_uden_tilstraekkelig_ledighed = (
        "Ledig faglært uden forældet uddannelse og uden mere end 6 måneders ledighed"
    )
    faglaert_fra_beskaeftigelse = "Faglært, der kommer fra beskæftigelse"
    ikke_paa_voksenlaerlingelisten = "Fra beskæftigelse, men uddannelsen står ikke på voksenlærlingelisten"
    uden_for_tilskudsperioden = (
        "Måneden ligger uden for tilskudsperioden (før aftalen, før en for sen ansøgning "
        "eller efter de første 24 måneder for lærlinge fra beskæftigelse)"
    )


class voksenlaerling_regeldato(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Datoen, hvis regler gælder for aftalen: uddannelsesaftalens første dag (den beregnede måned, hvis den ikke er oplyst)"
    documentation = (
        "Hvem aftalen giver tilskud for (alder, faglærtes ledighed, listekrav, ansøgningsfrist, "
        "tilskudsperiode) afgøres efter reglerne på aftalens første dag, så en aftale, der gav "
        "tilskud, bliver ved med det (fx forsøget 2021-2022 med 3 måneders ledighed). Timesatsen er "
        "den, der er i kraft i måneden (LAB § 209, stk. 9)."
    )
    reference = [LAB_KAP_23, "LAB § 209, stk. 9", STAR_VOKSENLAERLING]

    def formula(person, period):
        return regeldato(person("voksenlaerling_aftale_start", period), period)


class voksenlaerling_alder_ved_aftalens_start(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Lærlingens alder i hele år på uddannelsesaftalens første dag"
    reference = ["LAB § 155", STAR_VOKSENLAERLING]

    def formula(person, period):
        return alder_paa(person, period, person("voksenlaerling_regeldato", period))


class voksenlaerling_opfylder_alderskrav(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Fyldt 25 år senest på uddannelsesaftalens første dag"
    reference = ["LAB § 155", STAR_VOKSENLAERLING]

    def formula(person, period, parameters):
        minimum = regler_paa_dato(
            person, parameters, person("voksenlaerling_regeldato", period), lambda p: p.voksenlaerling.minimumsalder
        )
        return person("voksenlaerling_alder_ved_aftalens_start", period) >= minimum


class voksenlaerling_faglaert_med_tilstraekkelig_ledighed(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Faglært med mere end 6 måneders ledighed før aftalen (efter reglerne på aftalens første dag)"
    reference = [LAB_KAP_23, AALBORG]

    def formula(person, period, parameters):
        ledighed = person("forudgaaende_ledighed_maaneder", period)
        paa_listen = person("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", period)

        def opfyldt(p):
            # 1. marts 2017 – 31. marts 2018: kun når uddannelsen står på voksenlærlingelisten.
            p = p.voksenlaerling
            return (ledighed > p.faglaert_ledighed_maaneder) * (
                paa_listen + numpy.logical_not(p.faglaert_kraever_voksenlaerlingeliste)
            )

        return regler_paa_dato(person, parameters, person("voksenlaerling_regeldato", period), opfyldt)


class voksenlaerling_opfylder_personkrav(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Lærlingen hører til en af de grupper, der giver tilskud (fra ledighed eller fra beskæftigelse)"
    documentation = (
        "Fra ledighed: ufaglært, faglært med forældet uddannelse, eller faglært med mere end "
        "6 måneders ledighed. Fra beskæftigelse: ufaglært, og uddannelsen står på "
        "voksenlærlingelisten."
    )
    reference = [LAB_KAP_23, AALBORG]

    def formula(person, period):
        fra_ledighed = person("voksenlaerling_kommer_fra_ledighed", period)
        faglaert = person("er_faglaert", period)
        ledig_ok = (
            numpy.logical_not(faglaert)
            + person("har_foraeldet_uddannelse", period)
            + person("voksenlaerling_faglaert_med_tilstraekkelig_ledighed", period)
        )
        beskaeftiget_ok = numpy.logical_not(faglaert) * person(
            "voksenlaerling_uddannelse_paa_voksenlaerlingelisten", period
        )
        return numpy.where(fra_ledighed, ledig_ok, beskaeftiget_ok)


class voksenlaerling_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Berettiget til voksenlærlingetilskud i måneden"
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING, AALBORG]

    def formula(person, period):
        return person("voksenlaerling_afslagsgrund", period) == VoksenlaerlingAfslagsgrund.ingen


class voksenlaerling_afslagsgrund(Variable):
    value_type = Enum
    possible_values = VoksenlaerlingAfslagsgrund
    default_value = VoksenlaerlingAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for voksenlærlingetilskud, der ikke er opfyldt"
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING, AALBORG]

    def formula(person, period):
        fra_ledighed = person("voksenlaerling_kommer_fra_ledighed", period)
        faglaert = person("er_faglaert", period)
        personkrav = person("voksenlaerling_opfylder_personkrav", period)
        # Betingelserne i lovens rækkefølge: alder, persongruppe, tilskudsperiode.
        return foerste_grund(
            [
                (numpy.logical_not(person("voksenlaerling_opfylder_alderskrav", period)), VoksenlaerlingAfslagsgrund.under_minimumsalder),
                (fra_ledighed * numpy.logical_not(personkrav), VoksenlaerlingAfslagsgrund.faglaert_uden_tilstraekkelig_ledighed),
                (numpy.logical_not(fra_ledighed) * faglaert, VoksenlaerlingAfslagsgrund.faglaert_fra_beskaeftigelse),
                (numpy.logical_not(fra_ledighed) * numpy.logical_not(personkrav), VoksenlaerlingAfslagsgrund.ikke_paa_voksenlaerlingelisten),
                (person("voksenlaerling_andel_af_maaneden", period) <= 0, VoksenlaerlingAfslagsgrund.uden_for_tilskudsperioden),
            ],
            ingen=VoksenlaerlingAfslagsgrund.ingen,
        )
