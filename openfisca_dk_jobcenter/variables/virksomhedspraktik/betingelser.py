"""Virksomhedspraktik: længste varighed efter målgruppe, højst 37 timer om ugen, og hvorfor en
plan ikke er tilladt (LAB § 61; Jobcenter Aalborg).

Praktikanten beholder sin ydelse fra jobcenteret, og praktikken er omkostningsfri for
arbejdsgiveren: ordningen giver hverken udgift eller tilskud (virksomhedspraktik_tilskud er 0).
"""

import numpy
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.forloeb import maanedens_regler
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe, foerste_grund
from openfisca_dk_jobcenter.model.kilder import (
    AALBORG,
    ELOV_61,
    FREDERIKSBERG_PRAKTIK,
    KOEBENHAVN_PRAKTIK,
    LAB_KAP_11,
    STAR_PRAKTIK_SPOERGSMAAL,
)


class VirksomhedspraktikAfslagsgrund(Enum):
    ingen = "Ingen: planen er inden for grænserne"
    ikke_i_maalgruppen = "Personen er ikke i lovens målgrupper (i beskæftigelse); virksomhedspraktik er et tilbud til ledige m.fl. (LAB § 6)"
    for_mange_uger = "Den planlagte varighed er længere end den længste for personens målgruppe"
    for_mange_timer_per_uge = "Flere timer om ugen end tilladt (37)"


class virksomhedspraktik_max_uger(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Længste varighed af virksomhedspraktik i uger for personens målgruppe"
    documentation = (
        "4 uger for dagpengemodtagere, jobparate kontanthjælps- og uddannelsesparate "
        "uddannelseshjælpsmodtagere og selvforsørgende ledige; 13 uger for aktivitetsparate, "
        "sygedagpengemodtagere og personer i jobafklaring, ressourceforløb, revalidering eller på "
        "ledighedsydelse. Uden erhvervserfaring: 13 uger for jobparate kontant- og "
        "uddannelseshjælpsmodtagere, 8 uger for dimittender på dagpenge (forsøg fra 2021). Over 50 "
        "år med mere end 12 måneders ledighed: 8 uger (fra 2020). En person i beskæftigelse "
        "(standardværdien beskaeftiget) er ikke i målgrupperne; virksomhedspraktik_afslagsgrund er "
        "da ikke_i_maalgruppen. Forlængelse efter en konkret vurdering "
        "(§ 61, stk. 2) er ikke modelleret."
    )
    reference = ["LAB § 61", ELOV_61, STAR_PRAKTIK_SPOERGSMAAL, FREDERIKSBERG_PRAKTIK, KOEBENHAVN_PRAKTIK, AALBORG]

    def formula(person, period, parameters):
        p = maanedens_regler(parameters, period, "virksomhedspraktik")
        maalgruppe = person("maalgruppe", period)
        grund = p.max_uger[maalgruppe]
        parathedsvurderet = (maalgruppe == Maalgruppe.kontanthjaelpsmodtager) + (
            maalgruppe == Maalgruppe.uddannelseshjaelpsmodtager
        )
        aktivitetsparat = parathedsvurderet * person("er_aktivitetsparat", period)
        uden_erfaring = person("virksomhedspraktik_uden_erhvervserfaring", period)
        senior = (person("alder", period) > p.senior.over_alder) * (
            person("forudgaaende_ledighed_maaneder", period) > p.senior.ledighed_maaneder
        )
        uger = numpy.where(aktivitetsparat, numpy.maximum(grund, p.max_uger_aktivitetsparat), grund)
        uger = numpy.where(uden_erfaring, numpy.maximum(uger, p.max_uger_uden_erhvervserfaring[maalgruppe]), uger)
        return numpy.where(senior, numpy.maximum(uger, p.senior.max_uger), uger)


class virksomhedspraktik_afslagsgrund(Variable):
    value_type = Enum
    possible_values = VirksomhedspraktikAfslagsgrund
    default_value = VirksomhedspraktikAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse eller grænse for virksomhedspraktik, som ikke er opfyldt (målgruppe, varighed, timer)"
    reference = ["LAB § 6 og § 61", ELOV_61, STAR_PRAKTIK_SPOERGSMAAL, AALBORG, KOEBENHAVN_PRAKTIK]

    def formula(person, period, parameters):
        p = maanedens_regler(parameters, period, "virksomhedspraktik")
        omfattet = p.maalgruppe_omfattet[person("maalgruppe", period)]
        # Rækkefølge: målgruppen (LAB § 6), varigheden (§ 61), timerne om ugen.
        return foerste_grund(
            [
                (numpy.logical_not(omfattet), VirksomhedspraktikAfslagsgrund.ikke_i_maalgruppen),
                (person("virksomhedspraktik_uger", period) > person("virksomhedspraktik_max_uger", period), VirksomhedspraktikAfslagsgrund.for_mange_uger),
                (person("virksomhedspraktik_timer_per_uge", period) > p.max_timer_per_uge, VirksomhedspraktikAfslagsgrund.for_mange_timer_per_uge),
            ],
            ingen=VirksomhedspraktikAfslagsgrund.ingen,
        )


class virksomhedspraktik_tilladt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen er i en af lovens målgrupper, og den planlagte virksomhedspraktik er inden for grænserne (varighed og timer om ugen)"
    reference = ["LAB § 61", ELOV_61, AALBORG]

    def formula(person, period):
        return person("virksomhedspraktik_afslagsgrund", period) == VirksomhedspraktikAfslagsgrund.ingen


class virksomhedspraktik_praktikant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personen er i en tilladt virksomhedspraktik i måneden (tæller deltagerne)"
    reference = [LAB_KAP_11, AALBORG]

    def formula(person, period):
        return (
            person("virksomhedspraktik_tilladt", period)
            * (person("virksomhedspraktik_uger", period) > 0)
            * (person("virksomhedspraktik_timer_per_uge", period) > 0)
        )


class virksomhedspraktik_tilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Tilskud til arbejdsgiveren for virksomhedspraktik (altid 0 kr.: ordningen giver hverken udgift eller tilskud)"
    documentation = (
        "Praktikanten modtager sin ydelse fra jobcenteret, og praktikken er omkostningsfri for "
        "virksomheden. Variablen findes, så virksomhedspraktik står som en række i "
        "sammenligningen af ordningerne."
    )
    reference = [AALBORG, LAB_KAP_11]

    def formula(person, period):
        return numpy.zeros(person.count, dtype=numpy.float32)
