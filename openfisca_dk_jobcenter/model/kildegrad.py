"""Kildegraden (`verificeret`, `sekundaer`, `antaget`) for parametrenes daterede værdier.

Hver dateret værdi har `metadata: {kildegrad: …}` i parameterens YAML (docs/genereret/kilder.md); openfisca-
core lægger den i værdiens `metadata`. Her er det ene sted, den slås op: web-API'ets
`/parameter/<id>` og `/trace` (`webapi/app.py`), websiden og analysens forbeholdstabel bruger
disse funktioner. Modellaget: intet her importerer analyse, webapi eller webside.
"""

from openfisca_dk_jobcenter.model.parametertrae import UkendtParameter, find_parameter

KILDEGRADER = ("verificeret", "sekundaer", "antaget")


def vaerdi_i_kraft(parameter, dato):
    """Værdien (kernens `ParameterAtInstant`) i kraft på `dato` (ÅÅÅÅ-MM-DD): den seneste, hvis
    start er ≤ datoen; None før den første."""
    for vaerdi in parameter.values_list:  # nyeste først
        if vaerdi.instant_str <= dato:
            return vaerdi
    return None


def kildegrad(vaerdi):
    """Kildegraden af én dateret værdi (None, hvis den ingen har, fx en reforms egen værdi)."""
    return (getattr(vaerdi, "metadata", None) or {}).get("kildegrad")


def kildegrader(parameter):
    """{start: kildegrad} for hver dateret værdi, ældste først."""
    return {v.instant_str: kildegrad(v) for v in reversed(parameter.values_list)}


def vaerdikilder(parameter):
    """{start: værdiens egen `reference`} for de værdier, der har en, ældste først."""
    return {
        v.instant_str: _som_json(v.metadata["reference"])
        for v in reversed(parameter.values_list)
        if (getattr(v, "metadata", None) or {}).get("reference")
    }


def kildegrad_i_kraft(parametre, parameter_id, dato):
    """Kildegraden af værdien af `parameter_id` i kraft på `dato`, eller None."""
    try:
        parameter = find_parameter(parametre, parameter_id)
    except UkendtParameter:
        return None
    vaerdi = vaerdi_i_kraft(parameter, dato)
    return None if vaerdi is None else kildegrad(vaerdi)


def _som_json(reference):
    if isinstance(reference, list):
        return [_som_json(r) for r in reference]
    if isinstance(reference, dict):
        return {"title": reference.get("title"), "href": reference.get("href")}
    return reference
