"""Analytikerens værktøjer: befolkninger, reformer, simulering og sammenligning.

    from openfisca_dk_jobcenter.analyse import grundlag, reform, varianter, sammenlign, simuler
    from openfisca_dk_jobcenter.analyse import syntetiske_blokke, syntetisk_befolkning, laes_befolkning
"""

from openfisca_dk_jobcenter.analyse.reformvalg import reform, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import Sammenligning, grundlag, sammenlign, simuler
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning, syntetiske_blokke

__all__ = [
    "Sammenligning",
    "grundlag",
    "laes_befolkning",
    "reform",
    "sammenlign",
    "simuler",
    "syntetisk_befolkning",
    "syntetiske_blokke",
    "varianter",
]
