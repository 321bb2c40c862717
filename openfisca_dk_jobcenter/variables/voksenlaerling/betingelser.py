"""Voksenlærling: hvem er berettiget, og hvorfor ikke (LAB kap. 23; Jobcenter Aalborg)."""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.forloeb import alder_paa, foerste_dag, regeldato
from openfisca_dk_jobcenter.model.kategorier import foerste_grund
from openfisca_dk_jobcenter.model.kilder import (
    AALBORG,
    LAB_KAP_23,
    STAR_JOBNET_VOKSENLAERLING,
    STAR_VOKSENLAERLING,
    STAR_VOKSENLAERLING_2015,
    STAR_VOKSENLAERLING_2018,
    STAR_VOKSENLAERLING_FORSOEG_EVALUERING,
)


class VoksenlaerlingAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    under_minimumsalder = "Lærlingen var ikke fyldt 25 år på uddannelsesaftalens første dag"
    faglaert_uden_tilstraekkelig_ledighed = (
        "Ledig faglært uden den krævede forudgående ledighed: uden forældet uddannelse mere end 6 "
        "måneder (2015: 12; forsøg august 2020 – 2022: 3); med forældet uddannelse 2015-2019 mere end 2 måneder"
    )
    faglaert_fra_beskaeftigelse = (
        "Faglært, der kommer fra beskæftigelse (i forsøget 1. august 2020 – 31. december 2021 "
        "dog ikke med forældet uddannelse)"
    )
    ikke_paa_voksenlaerlingelisten = (
        "Uddannelsen står ikke på voksenlærlingelisten (kræves fra beskæftigelse, undtagen i forsøget "
        "1. august 2020 – 31. december 2021, og 2015 – marts 2018 for ledige ufaglærte uden mere end "
        "2 måneders ledighed)"
    )
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
        "tilskud, bliver ved med det (fx forsøget august 2020 – 2022 med 3 måneders ledighed). Timesatsen er "
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
        regler = foerste_dag(person, period, parameters, "voksenlaerling")
        return person("voksenlaerling_alder_ved_aftalens_start", period) >= regler.minimumsalder


class voksenlaerling_faglaert_med_tilstraekkelig_ledighed(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Faglært med mere end 6 måneders ledighed før aftalen (efter reglerne på aftalens første dag)"
    documentation = (
        "Mere end 12 måneder (2015), mere end 6 med listekrav (1. marts 2017), mindst 6 (forsøget "
        "1. april 2018), mere end 6 (2020, Jobcenter Aalborg), mere end 3 (forsøget 1. august 2020 – 2022), mere end 6 "
        "(2023); se parametrene faglaert_ledighed_maaneder og faglaert_ledighed_mindst."
    )
    reference = [LAB_KAP_23, AALBORG, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "voksenlaerling")
        ledighed = person("forudgaaende_ledighed_maaneder", period)
        krav = regler.faglaert_ledighed_maaneder
        nok = numpy.where(regler.faglaert_ledighed_mindst, ledighed >= krav, ledighed > krav)
        # 1. marts 2017 – 31. marts 2018: kun når uddannelsen står på voksenlærlingelisten.
        paa_listen = person("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", period)
        return nok * (paa_listen + numpy.logical_not(regler.faglaert_kraever_voksenlaerlingeliste))


class voksenlaerling_under_ledighedskrav_for_fuld_sats(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ledigheden før aftalen er ikke mere end 2 måneder, mens kravet gælder (2015-2019, efter reglerne på aftalens første dag)"
    documentation = (
        "1. januar 2015 – 31. december 2019 fik ufaglærte og ledige med forældet uddannelse den "
        "fulde sats fra ledighed (40 kr.) med mere end 2 måneders ledighed (STAR 2015 og 2018). "
        "Fra 2020 er der intet ledighedskrav (LAB § 155, stk. 1)."
    )
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018]

    def formula(person, period, parameters):
        krav = foerste_dag(person, period, parameters, "voksenlaerling").ufaglaert_ledighed
        return krav.kraeves * (person("forudgaaende_ledighed_maaneder", period) <= krav.maaneder)


class voksenlaerling_kort_ledighed(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ledig ufaglært uden mere end 2 måneders ledighed (30 kr.-gruppen 2015-2019)"
    documentation = (
        "STAR 2015: 30 kr., kun når uddannelsen står på positivlisten; forsøget fra 1. april 2018: "
        "30 kr. i hele uddannelsesperioden uanset uddannelse. Fra 1. januar 2020 45 kr. (LAB § 209, "
        "stk. 9). Gruppen findes ikke for aftaler fra 2020."
    )
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018, "LAB § 209, stk. 9"]

    def formula(person, period):
        return (
            person("voksenlaerling_kommer_fra_ledighed", period)
            * numpy.logical_not(person("er_faglaert", period))
            * person("voksenlaerling_under_ledighedskrav_for_fuld_sats", period)
        )


class voksenlaerling_kort_ledighed_kraever_liste(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "30 kr.-gruppen, og uddannelsen skal stå på voksenlærlingelisten (aftaler 1. januar 2015 – 31. marts 2018)"
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "voksenlaerling")
        return person("voksenlaerling_kort_ledighed", period) * regler.kort_ledighed_kraever_voksenlaerlingeliste


class voksenlaerling_ledig_i_persongruppe(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "En lærling fra ledighed hører til en gruppe, der giver tilskud (før et eventuelt listekrav)"
    documentation = (
        "Ufaglært (2015-2019 med højst 2 måneders ledighed i 30 kr.-gruppen), faglært med forældet "
        "uddannelse (2015-2019 med mere end 2 måneders ledighed), eller faglært med tilstrækkelig "
        "ledighed (voksenlaerling_faglaert_med_tilstraekkelig_ledighed)."
    )
    reference = [LAB_KAP_23, AALBORG, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018]

    def formula(person, period):
        foraeldet_ok = person("har_foraeldet_uddannelse", period) * numpy.logical_not(
            person("voksenlaerling_under_ledighedskrav_for_fuld_sats", period)
        )
        return (
            numpy.logical_not(person("er_faglaert", period))
            + foraeldet_ok
            + person("voksenlaerling_faglaert_med_tilstraekkelig_ledighed", period)
        )


class voksenlaerling_faglaert_foraeldet_fra_beskaeftigelse_omfattet(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Faglært med forældet uddannelse fra beskæftigelse, som forsøget 1. august 2020 – 31. december 2021 omfatter"
    documentation = (
        "Fra beskæftigelse giver normalt kun ufaglærte tilskud (LAB § 159, stk. 3). I forsøget "
        "1. august 2020 – 31. december 2021 også faglærte med forældet uddannelse (info.jobnet.dk; "
        "STAR: ikke forlænget). Efter reglerne på aftalens første dag."
    )
    reference = [LAB_KAP_23, STAR_JOBNET_VOKSENLAERLING, STAR_VOKSENLAERLING_FORSOEG_EVALUERING]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "voksenlaerling")
        return person("har_foraeldet_uddannelse", period) * regler.foraeldet_fra_beskaeftigelse_omfattet


class voksenlaerling_fra_beskaeftigelse_kraever_liste(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "En lærling fra beskæftigelse giver kun tilskud med uddannelsen på voksenlærlingelisten (efter reglerne på aftalens første dag)"
    documentation = (
        "LAB § 159, stk. 3: uddannelsen skal være inden for et område med behov for arbejdskraft. "
        "Listen var suspenderet i forsøget 1. august 2020 – 31. december 2021 (STAR)."
    )
    reference = [LAB_KAP_23, STAR_JOBNET_VOKSENLAERLING, STAR_VOKSENLAERLING_FORSOEG_EVALUERING]

    def formula(person, period, parameters):
        return foerste_dag(person, period, parameters, "voksenlaerling").fra_beskaeftigelse_kraever_voksenlaerlingeliste


class voksenlaerling_opfylder_personkrav(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Lærlingen hører til en af de grupper, der giver tilskud (fra ledighed eller fra beskæftigelse)"
    documentation = (
        "Fra ledighed: ufaglært, faglært med forældet uddannelse, eller faglært med mere end "
        "6 måneders ledighed (2015-2019 se voksenlaerling_ledig_i_persongruppe; 30 kr.-gruppen "
        "2015 – marts 2018 kun med uddannelsen på voksenlærlingelisten). Fra beskæftigelse: "
        "ufaglært (i forsøget 1. august 2020 – 31. december 2021 også faglært med forældet "
        "uddannelse), og uddannelsen står på voksenlærlingelisten (ikke krævet i samme forsøg)."
    )
    reference = [LAB_KAP_23, AALBORG, STAR_VOKSENLAERLING_2015, STAR_VOKSENLAERLING_2018]

    def formula(person, period):
        fra_ledighed = person("voksenlaerling_kommer_fra_ledighed", period)
        paa_listen = person("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", period)
        ledig_ok = person("voksenlaerling_ledig_i_persongruppe", period) * numpy.logical_not(
            person("voksenlaerling_kort_ledighed_kraever_liste", period) * numpy.logical_not(paa_listen)
        )
        beskaeftiget_gruppe = numpy.logical_not(person("er_faglaert", period)) + person(
            "voksenlaerling_faglaert_foraeldet_fra_beskaeftigelse_omfattet", period
        )
        liste_ok = paa_listen + numpy.logical_not(person("voksenlaerling_fra_beskaeftigelse_kraever_liste", period))
        beskaeftiget_ok = beskaeftiget_gruppe * liste_ok
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
        ledig_gruppe = person("voksenlaerling_ledig_i_persongruppe", period)
        # Betingelserne i lovens rækkefølge: alder, persongruppe (de resterende afslag i gruppen er
        # listekravet), tilskudsperiode.
        return foerste_grund(
            [
                (numpy.logical_not(person("voksenlaerling_opfylder_alderskrav", period)), VoksenlaerlingAfslagsgrund.under_minimumsalder),
                (fra_ledighed * numpy.logical_not(ledig_gruppe), VoksenlaerlingAfslagsgrund.faglaert_uden_tilstraekkelig_ledighed),
                (
                    numpy.logical_not(fra_ledighed)
                    * faglaert
                    * numpy.logical_not(person("voksenlaerling_faglaert_foraeldet_fra_beskaeftigelse_omfattet", period)),
                    VoksenlaerlingAfslagsgrund.faglaert_fra_beskaeftigelse,
                ),
                (numpy.logical_not(personkrav), VoksenlaerlingAfslagsgrund.ikke_paa_voksenlaerlingelisten),
                (person("voksenlaerling_andel_af_maaneden", period) <= 0, VoksenlaerlingAfslagsgrund.uden_for_tilskudsperioden),
            ],
            ingen=VoksenlaerlingAfslagsgrund.ingen,
        )
