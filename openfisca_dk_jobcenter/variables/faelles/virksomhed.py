"""Arbejdsgiveren: sektor og alle tilskud i alt."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person, Virksomhed
from openfisca_dk_jobcenter.model.kategorier import Sektor
from openfisca_dk_jobcenter.model.kilder import LAB, lab, lab_kapitel
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER
from openfisca_dk_jobcenter.model.variabel import Variable


class sektor(Variable):
    value_type = Enum
    possible_values = Sektor
    default_value = Sektor.privat
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Arbejdsgiverens sektor (privat eller offentlig)"
    documentation = "Hjemmel: LAB § 68 og § 70 ff. (forskellige regler for private og offentlige arbejdsgivere)."
    reference = [LAB, lab(68), lab(70)]


class ansat_hos_offentlig_arbejdsgiver(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Personens arbejdsgiver er offentlig (arbejdsgiverens sektor)"
    documentation = (
        "Sand, når arbejdsgiverens sektor er offentlig. Løntilskuddets sats, varighed, ledighedskrav og "
        "støtteloft afhænger af, om arbejdsgiveren er privat eller offentlig; reglerne læser sektoren "
        "herfra, én gang pr. måned."
        "\n\nHjemmel: LAB § 68 og § 70 ff."
    )
    reference = [LAB, lab(68), lab(70)]

    def formula(person, period):
        return person.virksomhed("sektor", period) == Sektor.offentlig


class virksomhed_tilskud_i_alt(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Alle tilskud, arbejdsgiveren modtager i måneden, alle ordninger"
    documentation = "Hjemmel: LAB kap. 12 (løntilskud), kap. 22 (jobrotation), kap. 23 (voksenlærlinge)."
    reference = [LAB, lab_kapitel(12), lab_kapitel(22), lab_kapitel(23)]

    def formula(virksomhed, period):
        # Listen over ordninger står i ordninger.py, så en ny ordning tælles med ét sted.
        total = numpy.zeros(virksomhed.count, dtype=numpy.float64)
        for o in ORDNINGER:
            if o.entitet == "person":
                total += virksomhed.sum(virksomhed.members(o.tilskud, period))
            else:
                total += virksomhed(o.tilskud, period)
        return total
