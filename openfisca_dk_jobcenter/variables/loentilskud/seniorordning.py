"""Løntilskud: den midlertidige løntilskudsordning for langtidsledige seniorer (LAB § 80 a,
indsat ved L 238, 2020-21; tilbud påbegyndt 1. september 2021 – 31. december 2022).

Dagpenge- og kontanthjælpsmodtagere (§ 6, nr. 1-3), der er fyldt 50 år og har mindst 12 måneders
forudgående ledighed på løntilskuddets første dag, kan ansættes med løntilskud i op til 6
sammenhængende måneder hos en privat eller offentlig arbejdsgiver, med 20 kr. ekstra i timen.

Ordningen gælder kun et løntilskud, der er givet efter § 80 a (`loentilskud_efter_seniorordningen`,
standard nej): et almindeligt løntilskud til en 50-årig langtidsledig i perioden er stadig et
almindeligt løntilskud. Alle betingelser læses på løntilskuddets første dag.
"""

import numpy
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.forloeb import foerste_dag
from openfisca_dk_jobcenter.model.kilder import BM_AFTALE_LANGTIDSLEDIGE_2021, L238_SENIOR


class loentilskud_efter_seniorordningen(Variable):
    value_type = bool
    entity = Person
    definition_period = ETERNITY
    default_value = False
    label = "Løntilskuddet er givet efter seniorordningen for langtidsledige over 50 år (LAB § 80 a)"
    documentation = (
        "Sæt sand, når arbejdsgiveren og personen har aftalt løntilskud efter den midlertidige "
        "ordning i LAB § 80 a (20 kr. ekstra i timen, op til 6 måneder). Udeladt betyder et "
        "almindeligt løntilskud efter §§ 66-69."
    )
    reference = ["LAB § 80 a", L238_SENIOR]


def _seniorordningen(person, period, parameters):
    """Seniorordningens regler på løntilskuddets første dag."""
    return foerste_dag(person, period, parameters, "loentilskud").seniorordning


class loentilskud_seniorordning_kan_paabegyndes(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Løntilskuddets første dag ligger i seniorordningens periode (1. september 2021 – 31. december 2022)"
    reference = ["LAB § 80 a, stk. 1", L238_SENIOR]

    def formula(person, period, parameters):
        return _seniorordningen(person, period, parameters).kan_paabegyndes


class loentilskud_seniorordning_i_maalgruppen(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personens målgruppe er omfattet af seniorordningen (LAB § 6, nr. 1-3: dagpenge og kontanthjælp)"
    reference = ["LAB § 80 a, stk. 1", L238_SENIOR]

    def formula(person, period, parameters):
        return _seniorordningen(person, period, parameters).maalgruppe_omfattet[person("maalgruppe", period)]


class loentilskud_seniorordning_alder_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen er fyldt 50 år på løntilskuddets første dag (seniorordningen)"
    reference = ["LAB § 80 a, stk. 1, 2. pkt.", L238_SENIOR]

    def formula(person, period, parameters):
        return person("loentilskud_alder_ved_start", period) >= _seniorordningen(person, period, parameters).min_alder


class loentilskud_seniorordning_ledighed_opfyldt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen har mindst 12 måneders forudgående ledighed på løntilskuddets første dag (seniorordningen)"
    reference = ["LAB § 80 a, stk. 2", L238_SENIOR]

    def formula(person, period, parameters):
        ledighed = person("forudgaaende_ledighed_maaneder", period)
        return ledighed >= _seniorordningen(person, period, parameters).ledighed_maaneder


class loentilskud_seniortillaeg_per_time(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Tillæg i kr. pr. time til løntilskuddet efter seniorordningen (0 for et almindeligt løntilskud)"
    documentation = (
        "20 kr. ekstra i timen til private og offentlige arbejdsgivere for et løntilskud efter "
        "LAB § 80 a; beløbet på løntilskuddets første dag gælder hele forløbet (også i 2023). "
        "Tillægget lægges til loentilskud_timesats, som er 0, når løntilskuddet er afslået."
    )
    reference = ["LAB § 80 a", L238_SENIOR, BM_AFTALE_LANGTIDSLEDIGE_2021]

    def formula_2021_09_01(person, period, parameters):
        senior = person("loentilskud_efter_seniorordningen", period)
        if not senior.any():
            # Et almindeligt løntilskud (næsten alle): intet tillæg, og reglen behøver ikke læses.
            return numpy.zeros(person.count, dtype=numpy.float32)
        return senior * _seniorordningen(person, period, parameters).tillaeg_per_time
