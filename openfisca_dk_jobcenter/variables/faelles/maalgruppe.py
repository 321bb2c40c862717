"""Målgruppe (LAB § 6), aktivitetsparathed og forsørgelsessituation.

Kontant- og uddannelseshjælpsmodtagere vurderes job- eller uddannelsesparate eller
aktivitetsparate (LAB § 6, nr. 2-5); det ændrer løntilskuddets varighed (§ 68) og
virksomhedspraktikkens (§ 61). Standardværdien er ikke aktivitetsparat, så et tilfælde, der ikke
oplyser parathed, beholder sin betydning.
"""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.kategorier import Maalgruppe
from openfisca_dk_jobcenter.model.kilder import LAB


class maalgruppe(Variable):
    value_type = Enum
    possible_values = Maalgruppe
    default_value = Maalgruppe.beskaeftiget
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Målgruppe efter LAB § 6, da indsatsen bevilges (før ansættelsen)"
    reference = [LAB, "LAB § 6"]


class er_enlig_forsoerger(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Enlig forsørger"
    reference = [LAB, "LAB § 69, stk. 3, nr. 3"]


class er_aktivitetsparat(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Aktivitetsparat kontant- eller uddannelseshjælpsmodtager (ikke job- eller uddannelsesparat)"
    documentation = "Har kun betydning for kontanthjælps- og uddannelseshjælpsmodtagere."
    reference = [LAB, "LAB § 6, nr. 3 og 5; § 61 (virksomhedspraktik) og § 68 (løntilskud)"]
