"""Uddannelse: højeste uddannelse, faglært og forældet uddannelse (delt af alle ordninger)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import AAR, domaene
from openfisca_dk_jobcenter.model.forloeb import maanedens_regler
from openfisca_dk_jobcenter.model.kategorier import Uddannelsesniveau
from openfisca_dk_jobcenter.model.kilder import AALBORG, LAB


class hoejeste_uddannelse(Variable):
    value_type = Enum
    possible_values = Uddannelsesniveau
    default_value = Uddannelsesniveau.grundskole
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Højeste fuldførte uddannelse"
    reference = [LAB, "LAB § 69, stk. 3, nr. 1; § 150, stk. 1, nr. 1; kap. 23"]


@domaene(AAR)
class aar_siden_uddannelse_anvendt(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "År siden personen sidst arbejdede med sin højeste uddannelse"
    reference = AALBORG


class er_faglaert(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Faglært: uddannelse på niveau med en erhvervsuddannelse eller derover"
    documentation = (
        "Man er faglært, når uddannelsen i niveau og varighed kan sidestilles med eller overstiger "
        "en erhvervsuddannelse, fx en videregående uddannelse. En gymnasial uddannelse alene gør "
        "ikke en person faglært."
    )
    reference = AALBORG

    def formula(person, period, parameters):
        return maanedens_regler(parameters, period, "faelles").faglaert[person("hoejeste_uddannelse", period)]


class har_foraeldet_uddannelse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Faglært med forældet uddannelse (ikke anvendt i 5 år eller mere)"
    reference = [AALBORG, "LAB § 150, stk. 1, nr. 1"]

    def formula(person, period, parameters):
        aar = parameters(period.start).faelles.foraeldet_uddannelse_aar
        return person("er_faglaert", period) * (person("aar_siden_uddannelse_anvendt", period) >= aar)
