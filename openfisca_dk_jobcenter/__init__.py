"""openfisca-dk-jobcenter: jobcentrenes virksomhedsordninger som regler-som-kode."""

from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_dk_jobcenter import entities
from openfisca_dk_jobcenter.model.domaener import haandhaev

PAKKE = Path(__file__).parent


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Lovgivningen: entiteter, parametre og variabler for alle ordninger."""

    def __init__(self):
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(PAKKE / "variables"))
        self.load_parameters(str(PAKKE / "parameters"))
        # Inputs domæner (domaener.py) i check_set_value: web-API, YAML-test og Python-API.
        haandhaev(self)
