"""Arbejdsgiveren: sektor og alle tilskud i alt."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Virksomhed
from openfisca_dk_jobcenter.model.kategorier import Sektor
from openfisca_dk_jobcenter.model.kilder import LAB
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER


class sektor(Variable):
    value_type = Enum
    possible_values = Sektor
    default_value = Sektor.privat
    entity = Virksomhed
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Arbejdsgiverens sektor (privat eller offentlig)"
    reference = [LAB, "LAB § 68 og § 70 ff. (forskellige regler for private og offentlige arbejdsgivere)"]


class virksomhed_tilskud_i_alt(Variable):
    value_type = float
    entity = Virksomhed
    definition_period = MONTH
    label = "Alle tilskud, arbejdsgiveren modtager i måneden, alle ordninger"
    reference = [LAB, "LAB kap. 12 (løntilskud), kap. 22 (jobrotation), kap. 23 (voksenlærlinge)"]

    def formula(virksomhed, period):
        # Listen over ordninger står i ordninger.py, så en ny ordning tælles med ét sted.
        total = numpy.zeros(virksomhed.count, dtype=numpy.float64)
        for o in ORDNINGER:
            if o.entitet == "person":
                total += virksomhed.sum(virksomhed.members(o.tilskud, period))
            else:
                total += virksomhed(o.tilskud, period)
        return total
