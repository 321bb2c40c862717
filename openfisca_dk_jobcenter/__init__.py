"""openfisca-dk-jobcenter: jobcentrenes virksomhedsordninger som regler-som-kode."""

import difflib
from pathlib import Path

from openfisca_core.errors import VariableNotFoundError
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_dk_jobcenter import entities, situation_examples

PAKKE = Path(__file__).parent
_PAKKENS_METADATA = {}  # {systemets klasse: pakkens metadata}, se get_package_metadata


class VariabelFindesIkke(VariableNotFoundError):
    """En variabel, der ikke findes, med dansk besked og det nærmeste navn.

    Kernens besked henviser til https://github.com/openfisca/<pakkens navn>, et repository, der
    ikke findes for denne pakke; denne nævner ingen adresse.
    """

    def __init__(self, variable_name, tax_benefit_system):
        forslag = difflib.get_close_matches(variable_name, list(tax_benefit_system.variables), n=1)
        hint = f"; mente du '{forslag[0]}'?" if forslag else "; alle navne står i docs/ordforraad.md"
        self.message = f"variablen '{variable_name}' findes ikke i openfisca-dk-jobcenter{hint}"
        self.variable_name = variable_name
        Exception.__init__(self, self.message)


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Lovgivningen: entiteter, parametre og variabler for alle ordninger."""

    def __init__(self):
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(PAKKE / "variables"))
        self.load_parameters(str(PAKKE / "parameters"))
        # Inputs domæner håndhæver variablerne selv (model/variabel.py), ikke systemet.
        # /spec's eksempler (som openfisca-country-template): voksenlærlingens situation fra
        # situation_examples/, svaret og sporet regnet af kernen, og en variabel og en parameter.
        self.open_api_config = {
            "variable_example": "voksenlaerling_tilskud",
            "parameter_example": "voksenlaerling.timesats.fra_ledighed",
            "simulation_example": situation_examples.situation("voksenlaerling"),
        }

    def get_package_metadata(self):
        # Kernen slår pakkens metadata op (importlib.metadata) for hver variabelfil, den læser, ca.
        # 45 ms pr. system; de ændres ikke, mens processen kører, så de slås op én gang pr. klasse
        # (kernen finder pakken ud fra klassens modul).
        if type(self) not in _PAKKENS_METADATA:
            _PAKKENS_METADATA[type(self)] = super().get_package_metadata()
        return dict(_PAKKENS_METADATA[type(self)])

    def get_variable(self, variable_name, check_existence=False):
        # Som kernens (opslaget i `variables`), men med den danske besked; kaldt for hver
        # beregnet variabel, så opslaget sker én gang.
        variabel = self.variables.get(variable_name)
        if variabel is None and check_existence:
            raise VariabelFindesIkke(variable_name, self)
        return variabel
