"""Løntilskud: hvem kan ansættes med løntilskud, og hvorfor ikke (LAB §§ 66 og 69; før 2020 § 51).

Målgruppen og ledighedskravet vurderes efter reglerne på løntilskuddets første dag (se
forloeb.foerste_dag); alderen ("over 50 år") måles også på den dag.
"""

from datetime import date

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.forloeb import alder_paa, foerste_dag, regeldato
from openfisca_dk_jobcenter.model.kategorier import foerste_grund
from openfisca_dk_jobcenter.model.kilder import (
    AALBORG,
    ELOV_GL_KAP_12,
    HOEJE_TAASTRUP,
    LAB_KAP_12,
    STAR_OVERGANG_2015,
    lab,
    lab_2016,
)
from openfisca_dk_jobcenter.model.variabel import Variable


class LoentilskudAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    ikke_i_maalgruppen = (
        "Personen er ikke i løntilskuddets målgrupper (i beskæftigelse uden målgruppe efter LAB § 6, "
        "eller visiteret til fleksjob på ledighedsydelse)"
    )
    ledighedskrav_ikke_opfyldt = (
        "Personen har ikke 6 måneders forudgående ledighed og er ikke undtaget (uden ungdomsuddannelse, "
        "over 50 år eller enlig forsørger)"
    )
    uden_for_tilskudsperioden = (
        "Måneden ligger før løntilskuddets første måned eller efter den længste periode hos arbejdsgiveren"
    )
    timerne_giver_andet_tilskud = (
        "Personens timer giver voksenlærlingetilskud i måneden; de samme timer kan ikke også give løntilskud"
    )
    # Seniorordningen (LAB § 80 a, 2021-2022): kun for et løntilskud givet efter § 80 a.
    seniorordning_uden_for_perioden = (
        "Løntilskud efter seniorordningen (LAB § 80 a) skal være påbegyndt fra 1. september 2021 til og "
        "med 31. december 2022"
    )
    seniorordning_ikke_i_maalgruppen = (
        "Løntilskud efter seniorordningen (LAB § 80 a) gives kun til dagpenge- og kontanthjælpsmodtagere "
        "(§ 6, nr. 1-3)"
    )
    seniorordning_under_50_aar = (
        "Løntilskud efter seniorordningen (LAB § 80 a) kræver, at personen er fyldt 50 år på løntilskuddets "
        "første dag"
    )
    seniorordning_ledighedskrav_ikke_opfyldt = (
        "Løntilskud efter seniorordningen (LAB § 80 a, stk. 2) kræver mindst 12 måneders forudgående ledighed"
    )


class loentilskud_regeldato(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Datoen, hvis regler gælder for løntilskuddet: dets første dag (den beregnede måned, hvis den ikke er oplyst)"
    documentation = (
        "Et tilbud følger reglerne, da det blev givet (STAR's overgangsregler 2015). Er "
        "loentilskud_start ikke oplyst, gælder reglerne i den beregnede måned, og alderen er "
        "alderen i måneden."
        "\n\nHjemmel: LAB §§ 66-69."
    )
    reference = [lab(66), lab(67), lab(68), lab(69), LAB_KAP_12, STAR_OVERGANG_2015]

    def formula(person, period):
        return regeldato(person("loentilskud_start", period), period)


class loentilskud_i_maalgruppen(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personens målgruppe kan ansættes med løntilskud (reglerne på løntilskuddets første dag)"
    documentation = (
        "Alle målgrupper i LAB § 6 undtagen ledighedsydelsesmodtagere (LAB § 66). En person i "
        "beskæftigelse (standardværdien beskaeftiget) er ikke i § 6's målgrupper og kan ikke ansættes "
        "med løntilskud (§ 66, stk. 1)."
        "\n\nHjemmel: LAB § 66, stk. 1; før 2020: § 51, stk. 1."
    )
    reference = [lab(66), lab_2016(51), LAB_KAP_12, ELOV_GL_KAP_12]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "loentilskud")
        return regler.maalgruppe_omfattet[person("maalgruppe", period)]


class loentilskud_alder_ved_start(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Alder i hele år på løntilskuddets første dag (i måneden, hvis den ikke er oplyst)"
    documentation = "Hjemmel: LAB § 69, stk. 3, nr. 2."
    reference = [lab(69), LAB_KAP_12]

    def formula(person, period):
        return alder_paa(person, period, person("loentilskud_regeldato", period))


class loentilskud_undtaget_ledighedskrav(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Undtaget fra kravet om 6 måneders ledighed: ingen ungdomsuddannelse, over 50 år eller enlig forsørger"
    documentation = (
        "LAB § 69, stk. 3: kravet gælder ikke personer, der 1) ikke har en kompetencegivende "
        "ungdomsuddannelse eller uddannelse på højere niveau (højeste uddannelse er grundskole; en "
        "gymnasial uddannelse tæller som uddannelse), 2) er over 50 år (50 år er ikke nok; alderen "
        "måles på løntilskuddets første dag), 3) er enlige forsørgere."
        "\n\nHjemmel: LAB § 69, stk. 3."
    )
    reference = [lab(69), LAB_KAP_12, HOEJE_TAASTRUP]

    def formula(person, period, parameters):
        krav = foerste_dag(person, period, parameters, "loentilskud").ledighedskrav
        uden_uddannelse = krav.undtaget_uddannelse[person("hoejeste_uddannelse", period)]
        over_50 = person("loentilskud_alder_ved_start", period) > krav.undtaget_over_alder
        enlig_forsoerger = person("er_enlig_forsoerger", period) * krav.undtaget_enlig_forsoerger
        return uden_uddannelse + over_50 + enlig_forsoerger


class loentilskud_ledighedskrav_gaelder(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kravet om 6 måneders forudgående ledighed gælder personens målgruppe hos denne arbejdsgiver"
    documentation = (
        "Hos private og offentlige arbejdsgivere for dagpenge-, kontanthjælps- og "
        "uddannelseshjælpsmodtagere; kun hos private for sygedagpengemodtagere og personer i "
        "jobafklarings- og ressourceforløb (LAB § 69, stk. 1 og 2; før 2020 § 51, stk. 2 og 3)."
        "\n\nHjemmel: LAB § 69, stk. 1 og 2; før 2020: § 51, stk. 2 og 3."
    )
    reference = [lab(69), lab_2016(51), LAB_KAP_12, ELOV_GL_KAP_12]

    def formula(person, period, parameters):
        gaelder = foerste_dag(person, period, parameters, "loentilskud").ledighedskrav.gaelder
        maalgruppe = person("maalgruppe", period)
        return numpy.where(person("ansat_hos_offentlig_arbejdsgiver", period), gaelder.offentlig[maalgruppe], gaelder.privat[maalgruppe])


class loentilskud_ledighedskrav_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kravet om forudgående ledighed er opfyldt eller gælder ikke"
    documentation = (
        "Opfyldt, når kravet ikke gælder personens målgruppe hos arbejdsgiveren, når personen er "
        "undtaget (§ 69, stk. 3), eller når den forudgående ledighed er mindst 6 måneder (fra 2020) "
        "henholdsvis mere end 6 måneder (2015-2019) efter reglerne på løntilskuddets første dag."
        "\n\nHjemmel: LAB § 69; før 2020: § 51, stk. 2-4."
    )
    reference = [lab(69), lab_2016(51), LAB_KAP_12, ELOV_GL_KAP_12, HOEJE_TAASTRUP]

    def formula(person, period, parameters):
        krav = foerste_dag(person, period, parameters, "loentilskud").ledighedskrav
        ledighed = person("forudgaaende_ledighed_maaneder", period)
        nok = numpy.where(krav.skal_overstiges, ledighed > krav.maaneder, ledighed >= krav.maaneder)
        return (
            numpy.logical_not(person("loentilskud_ledighedskrav_gaelder", period))
            + person("loentilskud_undtaget_ledighedskrav", period)
            + nok
        )


class loentilskud_afslagsgrund(Variable):
    value_type = Enum
    possible_values = LoentilskudAfslagsgrund
    default_value = LoentilskudAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for løntilskud, der ikke er opfyldt"
    reference = [LAB_KAP_12, HOEJE_TAASTRUP, AALBORG]

    def formula(person, period):
        # Lovens rækkefølge: målgruppe (§ 66), for et løntilskud efter seniorordningen dens egne
        # betingelser (§ 80 a, stk. 1 og 2), forudgående ledighed (§ 69), varighed (§ 68); til
        # sidst samspillet med andre ordninger (samme timer giver kun ét tilskud, faelles/samspil.py).
        betingelser = [
            (numpy.logical_not(person("loentilskud_i_maalgruppen", period)), LoentilskudAfslagsgrund.ikke_i_maalgruppen),
        ]
        senior = person("loentilskud_efter_seniorordningen", period)
        if senior.any():  # seniorordningens betingelser gælder kun et løntilskud efter den (sjældent)
            betingelser += [
                (senior & numpy.logical_not(person(betingelse, period)), grund)
                for betingelse, grund in (
                    ("loentilskud_seniorordning_kan_paabegyndes", LoentilskudAfslagsgrund.seniorordning_uden_for_perioden),
                    ("loentilskud_seniorordning_i_maalgruppen", LoentilskudAfslagsgrund.seniorordning_ikke_i_maalgruppen),
                    ("loentilskud_seniorordning_alder_opfyldt", LoentilskudAfslagsgrund.seniorordning_under_50_aar),
                    ("loentilskud_seniorordning_ledighed_opfyldt", LoentilskudAfslagsgrund.seniorordning_ledighedskrav_ikke_opfyldt),
                )
            ]
        betingelser += [
            (numpy.logical_not(person("loentilskud_ledighedskrav_opfyldt", period)), LoentilskudAfslagsgrund.ledighedskrav_ikke_opfyldt),
            (person("loentilskud_andel_af_maaneden", period) <= 0, LoentilskudAfslagsgrund.uden_for_tilskudsperioden),
            (person("samspil_timerne_giver_voksenlaerlingetilskud", period), LoentilskudAfslagsgrund.timerne_giver_andet_tilskud),
        ]
        return foerste_grund(
            betingelser,
            ingen=LoentilskudAfslagsgrund.ingen,
        )


class loentilskud_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Berettiget til løntilskud i måneden"
    reference = [LAB_KAP_12, HOEJE_TAASTRUP, AALBORG]

    def formula(person, period):
        return person("loentilskud_afslagsgrund", period) == LoentilskudAfslagsgrund.ingen
