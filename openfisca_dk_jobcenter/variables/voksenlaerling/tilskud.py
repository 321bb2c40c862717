"""Voksenlærling: tilskudsperioden, timesatsen og tilskuddet til arbejdsgiveren."""

from datetime import date

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.datoer import UENDELIG, andel_af_maaneden, periodens_slut, plus_maaneder
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, forloebets_startmaaned
from openfisca_dk_jobcenter.model.kilder import AALBORG, LAB_KAP_23, STAR_VOKSENLAERLING


class voksenlaerling_ansoegt_rettidigt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Ansøgningen er indsendt senest 1 måned fra uddannelsesaftalens første dag"
    reference = [STAR_VOKSENLAERLING, AALBORG]

    def formula(person, period, parameters):
        frist_maaneder = foerste_dag(person, period, parameters, "voksenlaerling").ansoegningsfrist_maaneder
        start = person("voksenlaerling_aftale_start", period)
        return person("voksenlaerling_ansoegningsdato", period) <= plus_maaneder(start, frist_maaneder)


class voksenlaerling_tilskud_fra(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Første dag, hvis praktiktimer giver voksenlærlingetilskud (første dag i aftalens første måned, eller ansøgningsdatoen ved for sen ansøgning)"
    documentation = (
        "Modellens konvention for forholdsmæssig fordeling: en grænse inde i aftalen — en for sen "
        "ansøgning — gør, at kun månedens praktiktimer fra ansøgningsdatoen tæller, forholdsmæssigt "
        "efter kalenderdage. Aftalens egen første dag skærer ikke igen: "
        "voksenlaerling_praktiktimer er allerede kun aftalens timer, så aftalens første måned tæller helt "
        "(aftale fra 16. marts med 80 praktiktimer i marts: 80 × 45 = 3.600 kr.; ansøgt for sent "
        "16. marts: 80 × 45 × 16/31 = 1.858,06 kr.)."
    )
    reference = [STAR_VOKSENLAERLING, AALBORG]

    def formula(person, period):
        start = person("voksenlaerling_aftale_start", period)
        ansoegt = person("voksenlaerling_ansoegningsdato", period)
        startmaaned = forloebets_startmaaned(start)
        return numpy.where(person("voksenlaerling_ansoegt_rettidigt", period), startmaaned, numpy.maximum(start, ansoegt))


class voksenlaerling_tilskud_til(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Første dag uden voksenlærlingetilskud (efter de første 24 måneder for lærlinge fra beskæftigelse)"
    documentation = "9999-12-31, når tilskuddet gives i hele uddannelsesaftalen."
    reference = [LAB_KAP_23, AALBORG]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "voksenlaerling")
        start = person("voksenlaerling_aftale_start", period)
        # 30 kr.-gruppen (ledige ufaglærte uden mere end 2 måneders ledighed) fik før forsøget
        # 1. april 2018 tilskud som fra beskæftigelse, dvs. i de første 24 måneder.
        kort_begraenset = person("voksenlaerling_kort_ledighed", period) * numpy.logical_not(
            regler.kort_ledighed_tilskud_hele_aftalen
        )
        hele = (
            person("voksenlaerling_kommer_fra_ledighed", period)
            * regler.tilskud_hele_aftalen_fra_ledighed
            * numpy.logical_not(kort_begraenset)
        )
        return numpy.where(hele, UENDELIG, periodens_slut(start, regler.tilskudsperiode_fra_beskaeftigelse_maaneder))


class voksenlaerling_andel_af_maaneden(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Den del af månedens praktiktimer, der ligger i tilskudsperioden (efter kalenderdage)"
    documentation = (
        "Begynder eller slutter tilskudsperioden inde i aftalen (en for sen ansøgning, de 24 "
        "måneder), tæller månedens praktiktimer forholdsmæssigt efter kalenderdage (fx 16/31 ved "
        "ansøgning den 16. i en måned med 31 dage), efter modellens konvention. Aftalens første måned "
        "tæller helt: praktiktimerne er allerede kun aftalens timer."
    )
    reference = [LAB_KAP_23, AALBORG]

    def formula(person, period):
        return andel_af_maaneden(
            period,
            fra=person("voksenlaerling_tilskud_fra", period),
            til=person("voksenlaerling_tilskud_til", period),
        )


class voksenlaerling_timesats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Voksenlærlingetilskud i kr. pr. praktiktime (0, når lærlingen ikke er berettiget)"
    reference = [LAB_KAP_23, AALBORG]

    def formula(person, period, parameters):
        # Satsen, der er i kraft i måneden, gælder (ikke satsen ved aftalens start; LAB § 209, stk. 9).
        satser = parameters(period.start).voksenlaerling.timesats
        fra_ledighed = numpy.where(
            person("voksenlaerling_kort_ledighed", period), satser.ufaglaert_kort_ledighed, satser.fra_ledighed
        )
        sats = numpy.where(person("voksenlaerling_kommer_fra_ledighed", period), fra_ledighed, satser.fra_beskaeftigelse)
        return person("voksenlaerling_berettiget", period) * sats


class voksenlaerling_tilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Voksenlærlingetilskud til arbejdsgiveren i måneden (kr.)"
    reference = [LAB_KAP_23, STAR_VOKSENLAERLING, AALBORG]

    def formula(person, period):
        return (
            person("voksenlaerling_timesats", period)
            * person("voksenlaerling_praktiktimer", period)
            * person("voksenlaerling_andel_af_maaneden", period)
        )
