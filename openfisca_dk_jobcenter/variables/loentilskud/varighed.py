"""Løntilskud: den længste periode hos arbejdsgiveren og den del af måneden, der ligger i den
(LAB § 68; før 2020 Jobcenter Høje-Taastrup og beskæftigelsesreformen 2015).

Varigheden følger reglerne på løntilskuddets første dag (se forloeb.foerste_dag). Perioden på N
måneder fra første dag S dækker [S, S + N måneder) (datoer.py).
"""

from datetime import date

import numpy
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.datoer import andel_af_maaneden, periodens_slut
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, forloebets_startmaaned
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe
from openfisca_dk_jobcenter.model.kilder import HOEJE_TAASTRUP, L238_SENIOR, LAB_KAP_12, STAR_OVERGANG_2015, lab
from openfisca_dk_jobcenter.model.variabel import Variable


class loentilskud_max_maaneder(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Længste periode med løntilskud hos denne arbejdsgiver, i måneder (reglerne på løntilskuddets første dag)"
    documentation = (
        "Privat arbejdsgiver 6 måneder, offentlig 4 måneder for dagpengemodtagere (fra 2015) og fra "
        "2020 også for jobparate kontanthjælps- og uddannelsesparate uddannelseshjælpsmodtagere "
        "(§ 68, nr. 1). Aktivitetsparate 6 måneder hos begge (§ 68, nr. 2). Sygedagpengemodtagere, "
        "personer i jobafklarings- og ressourceforløb og revalidender 12 måneder fra 2020 (se "
        "parameteren loentilskud.saerlig_varighed_maaneder). Jobcenter Høje-Taastrup (2017): 6 måneder pr. "
        "arbejdsgiver, 4 måneder for a-dagpengemodtagere hos offentlige arbejdsgivere. Et løntilskud "
        "efter seniorordningen (LAB § 80 a, 2021-2022) kan vare op til 6 måneder hos alle arbejdsgivere."
        "\n\nHjemmel: LAB § 68 og § 80 a, stk. 1."
    )
    reference = [lab(68), lab("80a"), LAB_KAP_12, HOEJE_TAASTRUP, STAR_OVERGANG_2015, L238_SENIOR]

    def formula(person, period, parameters):
        maalgruppe = person("maalgruppe", period)
        offentlig = person("ansat_hos_offentlig_arbejdsgiver", period)
        parathedsvurderet = (maalgruppe == Maalgruppe.kontanthjaelpsmodtager) + (
            maalgruppe == Maalgruppe.uddannelseshjaelpsmodtager
        )
        aktivitetsparat = parathedsvurderet * person("er_aktivitetsparat", period)

        regler = foerste_dag(person, period, parameters, "loentilskud")
        sektor = numpy.where(offentlig, regler.offentlig.max_maaneder, regler.privat.max_maaneder)
        saerlig = regler.saerlig_varighed_maaneder[maalgruppe]
        efter_maalgruppe = numpy.where(saerlig > 0, saerlig, sektor)
        almindelig = numpy.where(aktivitetsparat, regler.aktivitetsparat_max_maaneder, efter_maalgruppe)
        # Seniorordningen (LAB § 80 a, stk. 1): op til 6 sammenhængende måneder hos alle arbejdsgivere.
        senior = person("loentilskud_efter_seniorordningen", period)
        if not senior.any():
            return almindelig
        return numpy.where(senior, regler.seniorordning.max_maaneder, almindelig)


class loentilskud_slut(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Første dag efter den længste periode med løntilskud hos arbejdsgiveren"
    documentation = (
        "Løntilskud fra 16. januar i 6 måneder dækker 16. januar – 15. juli; 16. juli er første dag "
        "udenfor. 9999-12-31, når loentilskud_start ikke er oplyst (perioden kan ikke vurderes)."
        "\n\nHjemmel: LAB § 68."
    )
    reference = [lab(68), LAB_KAP_12]

    def formula(person, period):
        return periodens_slut(person("loentilskud_start", period), person("loentilskud_max_maaneder", period))


class loentilskud_andel_af_maaneden(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Den del af månedens løntilskudstimer, der ligger inden for den længste periode"
    documentation = (
        "1 i løntilskuddets første måned og i hele måneder derefter; i den måned, hvor den længste "
        "periode udløber, andelen af månedens kalenderdage før udløbet (fx 15/31, når 6 måneder fra "
        "16. januar udløber 16. juli); 0 før den første måned og efter udløbet. Den første måned "
        "tæller helt, fordi loentilskud_timer kun er timer med løntilskud, som først findes fra "
        "løntilskuddets første dag; ansættelsen kan derimod fortsætte uden tilskud efter perioden."
        "\n\nHjemmel: LAB § 68."
    )
    reference = [lab(68), LAB_KAP_12, HOEJE_TAASTRUP]

    def formula(person, period):
        startmaaned = forloebets_startmaaned(person("loentilskud_start", period))
        return andel_af_maaneden(period, fra=startmaaned, til=person("loentilskud_slut", period))
