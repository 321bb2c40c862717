"""Analytikerens værktøjer: befolkninger, reformer, mikrosimulering og sammenligning.

Kræver tilvalget `[analyse]` (pandas, matplotlib, pyarrow): `pip install -e '.[analyse]'`.

    from openfisca_dk_jobcenter.analyse import Mikrosimulering
    from openfisca_dk_jobcenter.analyse import grundlag, reform, varianter, sammenlign, simuler
    from openfisca_dk_jobcenter.analyse import syntetiske_blokke, syntetisk_befolkning, laes_befolkning
"""

from openfisca_dk_jobcenter.analyse.forbehold import forbehold
from openfisca_dk_jobcenter.analyse.mikrosimulering import MikroSerie, Mikrosimulering
from openfisca_dk_jobcenter.analyse.personresultater import simuler
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag, reform, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import Sammenligning, sammenlign
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning, syntetiske_blokke

__all__ = [
    "MikroSerie",
    "Mikrosimulering",
    "Sammenligning",
    "forbehold",
    "grundlag",
    "laes_befolkning",
    "reform",
    "sammenlign",
    "simuler",
    "syntetisk_befolkning",
    "syntetiske_blokke",
    "varianter",
]
