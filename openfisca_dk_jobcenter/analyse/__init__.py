"""Analytikerens værktøjer: befolkninger, reformer, mikrosimulering og sammenligning.

Kræver tilvalget `[analyse]` (pandas, matplotlib, pyarrow): `pip install -e '.[analyse]'`.

    from openfisca_dk_jobcenter.analyse import Mikrosimulering
    from openfisca_dk_jobcenter.analyse import grundlag, reform, varianter, sammenlign, simuler
    from openfisca_dk_jobcenter.analyse import syntetiske_blokke, syntetisk_befolkning, laes_befolkning

Navnene importeres først, når de bruges, så `dk-jobcenter` kan sige, at tilvalget mangler, i
stedet for at fejle ved import.
"""

import importlib

_NAVNE = {
    "MikroSerie": "openfisca_dk_jobcenter.analyse.mikroserie",
    "Mikrosimulering": "openfisca_dk_jobcenter.analyse.mikrosimulering",
    "Sammenligning": "openfisca_dk_jobcenter.analyse.sammenligning",
    "forbehold_tabel": "openfisca_dk_jobcenter.analyse.forbehold",
    "grundlag": "openfisca_dk_jobcenter.analyse.reformvalg",
    "laes_befolkning": "openfisca_dk_jobcenter.befolkning.fil",
    "reform": "openfisca_dk_jobcenter.analyse.reformvalg",
    "sammenlign": "openfisca_dk_jobcenter.analyse.sammenligning",
    "simuler": "openfisca_dk_jobcenter.analyse.personresultater",
    "syntetisk_befolkning": "openfisca_dk_jobcenter.befolkning.syntetisk",
    "syntetiske_blokke": "openfisca_dk_jobcenter.befolkning.syntetisk",
    "varianter": "openfisca_dk_jobcenter.analyse.reformvalg",
}

__all__ = sorted(_NAVNE)


def __getattr__(navn):
    if navn in _NAVNE:
        return getattr(importlib.import_module(_NAVNE[navn]), navn)
    raise AttributeError(f"module {__name__!r} has no attribute {navn!r}")


def __dir__():
    return __all__
