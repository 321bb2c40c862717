"""Alder: fødselsdato og alder i hele år (bruges bl.a. i LAB § 69, stk. 3 og § 155)."""

from datetime import date

from openfisca_core.periods import ETERNITY, MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.domaener import ALDER, domaene
from openfisca_dk_jobcenter.model.forloeb import alder_paa_dagen
from openfisca_dk_jobcenter.model.kilder import LAB, lab
from openfisca_dk_jobcenter.model.variabel import Variable


class foedselsdato(Variable):
    value_type = date
    default_value = date(1990, 1, 1)
    entity = Person
    definition_period = ETERNITY
    label = "Fødselsdato"
    documentation = (
        "Udeladt: 1. januar 1990 — en voksen, der er fyldt 25 fra 2015 og under 50 frem til 2040, "
        "så ingen aldersregel (25 år for voksenlærlinge, over 50 år for løntilskud og "
        "virksomhedspraktik) slår til af sig selv."
    )
    reference = LAB


@domaene(ALDER)
class alder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Alder i hele år på månedens første dag"
    documentation = "Hjemmel: LAB § 69, stk. 3, nr. 2 (over 50 år) og § 155 (fyldt 25 år)."
    reference = [LAB, lab(69), lab(155)]

    def formula(person, period):
        # Fødselsdagen tæller: den, der fylder år den 1., har den nye alder hele måneden.
        return alder_paa_dagen(person("foedselsdato", period), period.start.date)
