"""Reformer: en reformfil (YAML med nye daterede parameterværdier) bliver en OpenFisca-reform
(`fra_fil.py`), og pakkens navngivne reformer er selv reformfiler i denne mappe (`<navn>.yaml`).

Hvor OpenFisca vil have en Python-klasse — `openfisca serve --reforms`, `make serve REFORM=…`,
`dk-jobcenter-test -r`, en YAML-tests `reforms:` — er `openfisca_dk_jobcenter.reforms.<navn>`
reformen fra filen `<navn>.yaml`. Stien fra før version 0.5.0,
`openfisca_dk_jobcenter.reforms.<navn>.<navn>`, virker også. En ny navngiven reform er derfor
blot en reformfil her; ingen Python.
"""

import functools
import sys
import types
from pathlib import Path

MAPPE = Path(__file__).parent


def navngivne():
    """Navnene på pakkens navngivne reformer (filerne `<navn>.yaml` i denne mappe), sorteret."""
    return tuple(sorted(sti.stem for sti in MAPPE.glob("*.yaml")))


@functools.cache
def navngiven(navn):
    """Reform-klassen fra den navngivne reformfil `<navn>.yaml`; LookupError for et ukendt navn."""
    if navn not in navngivne():
        raise LookupError(f"ukendt navngiven reform '{navn}'; kendte: {', '.join(navngivne())}")
    from openfisca_dk_jobcenter.reforms.fra_fil import reform_fra_fil

    klasse = reform_fra_fil(MAPPE / f"{navn}.yaml")
    klasse.__name__ = klasse.__qualname__ = navn
    klasse.__module__ = __name__
    return klasse


def __getattr__(navn):
    # `openfisca_dk_jobcenter.reforms.<navn>`: OpenFiscas reformsti er modul.attribut.
    if navn in navngivne():
        return navngiven(navn)
    raise AttributeError(f"module {__name__!r} has no attribute {navn!r}")


def _gammel_sti(navn):
    """Modulet `openfisca_dk_jobcenter.reforms.<navn>` med reformen som attributten `<navn>`."""
    modul = types.ModuleType(f"{__name__}.{navn}", f"Den navngivne reform {navn} (reformfilen {navn}.yaml).")

    def attribut(egenskab):
        if egenskab == navn:
            return navngiven(navn)
        raise AttributeError(f"module {modul.__name__!r} has no attribute {egenskab!r}")

    modul.__getattr__ = attribut
    return modul


for _navn in navngivne():
    sys.modules.setdefault(f"{__name__}.{_navn}", _gammel_sti(_navn))
