"""Pakkens `Variable`: kernens `Variable`, der selv håndhæver inputs domæne (domaener.py).

Hver variabel i pakken arver herfra (`from openfisca_dk_jobcenter.model.variabel import Variable`),
så kontrollen hører til variablen fra den bygges, på kernens egne to veje ind:

- `check_set_value` (kernens `SimulationBuilder.add_variable_value`: web-API'ets /calculate og
  /trace, YAML-test med `personer:`): den rå værdi kontrolleres, før kernen omsætter den, så tekst
  aldrig regnes ud og aldrig bliver sand; en ValueError bliver kernens `SituationParsingError`
  (400 med stien);
- `set_input` (kernens `Holder.set_input`: `Simulation.set_input`, befolkningsfilerne,
  simuleringsbyggeren): sat af kernens egen opsætter `set_set_input`, når variablen bygges, som
  kontrollen lagt om variablens periodefordeling (`set_input = set_input_divide_by_period` i
  klassen), så timer måles mod periodens timer.

Variablens domæne erklæres ved klassen med `@domaene(TIMER)`; uden erklæring gælder typens eget
domæne (sand/falsk kun som sand/falsk, tal kun som endelige tal, datoer år 1900-2100).
"""

from openfisca_core import variables

from openfisca_dk_jobcenter.model import domaener


class Variable(variables.Variable):
    """En variabel, hvis input kontrolleres mod dens domæne på hver vej ind."""

    def check_set_value(self, value):
        return super().check_set_value(domaener.kontroller_vaerdi(self, value))

    def set_set_input(self, set_input):
        """Kernens opsætter for `set_input` (kaldt af `Variable.__init__`).

        `periodefordeling` er variablens egen regel for et input over flere perioder (kernens
        `set_input_dispatch_by_period`, `set_input_divide_by_period` eller None), arvet fra
        grundvariablen i en reform som i kernen; `set_input` er den med domænekontrollen om.
        """
        if not set_input and self.baseline_variable is not None:
            set_input = getattr(self.baseline_variable, "periodefordeling", self.baseline_variable.set_input)
        self.periodefordeling = set_input
        return domaener.kontrolleret_set_input(self, set_input)
