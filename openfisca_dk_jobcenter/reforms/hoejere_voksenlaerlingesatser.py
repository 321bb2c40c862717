"""Navngiven reform: højere voksenlærlingesatser fra 2026 (60 kr. fra ledighed, 40 kr. fra
beskæftigelse).

Samme ændring som `examples/reformer/hoejere_voksenlaerlingesatser.yaml`, skrevet i Python, så
den kan bruges med `dk-jobcenter-test --reforms
openfisca_dk_jobcenter.reforms.hoejere_voksenlaerlingesatser.hoejere_voksenlaerlingesatser`.
"""

from openfisca_core.reforms import Reform

FRA = "2026-01-01"
FRA_LEDIGHED = 60.0
FRA_BESKAEFTIGELSE = 40.0


def _hoejere_satser(parametre):
    satser = parametre.voksenlaerling.timesats
    satser.fra_ledighed.update(start=FRA, value=FRA_LEDIGHED)
    satser.fra_beskaeftigelse.update(start=FRA, value=FRA_BESKAEFTIGELSE)
    return parametre


class hoejere_voksenlaerlingesatser(Reform):  # noqa: N801 (OpenFisca-konvention: reformnavn som klasse)
    name = "Højere voksenlærlingesatser (60 kr. fra ledighed, 40 kr. fra beskæftigelse) fra 2026"

    def apply(self):
        self.modify_parameters(modifier_function=_hoejere_satser)
