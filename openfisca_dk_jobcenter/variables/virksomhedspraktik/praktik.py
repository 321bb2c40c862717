"""Virksomhedspraktik: den planlagte praktik (input). LAB kap. 11; Jobcenter Aalborg."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import TIMER_PR_UGE, UGER, domaene
from openfisca_dk_jobcenter.model.kilder import AALBORG, ELOV_61, KOEBENHAVN_PRAKTIK, LAB_KAP_11


@domaene(UGER)
class virksomhedspraktik_uger(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Virksomhedspraktikkens planlagte varighed i uger"
    documentation = "Den samlede planlagte varighed (ikke ugerne i måneden); 0 betyder ingen praktik."
    reference = ["LAB § 61", LAB_KAP_11, ELOV_61, AALBORG]


@domaene(TIMER_PR_UGE)
class virksomhedspraktik_timer_per_uge(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Planlagte timer om ugen i virksomhedspraktikken"
    reference = [LAB_KAP_11, AALBORG, KOEBENHAVN_PRAKTIK]


class virksomhedspraktik_uden_erhvervserfaring(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Uden relevant erhvervserfaring (giver længere virksomhedspraktik i nogle målgrupper)"
    documentation = (
        "Jobparate kontant- og uddannelseshjælpsmodtagere uden erhvervserfaring eller med langvarig "
        "ledighed (op til 13 uger); dagpengemodtagere på dimittendvilkår med en videregående "
        "uddannelse uden job i faget efter uddannelsen (op til 8 uger, forsøg fra 12. maj 2021). "
        "Standard: har erhvervserfaring (de almindelige varigheder gælder)."
    )
    reference = [
        KOEBENHAVN_PRAKTIK,
        "https://star.dk/om-styrelsen/nyt/nyheder/2021/05/dimittender-faar-mulighed-for-laengere-virksomhedspraktik/",
    ]
