"""Hver dateret værdi af hver parameter har sin egen kildegrad (CONTRACT.md, "Certainty of a
parameter value"): `verificeret` (lovtekst eller officiel side), `sekundaer` (kommune, a-kasse,
fagforbund) eller `antaget` (ikke fundet; værdiens egen reference siger, hvad den bygger på).
Graden står på værdien selv, så en ny værdi uden grad ikke arver en andens. (description, reference
og unit på parameteren tjekker test_metadata.py.)"""

from openfisca_core.parameters import ParameterNode

from openfisca_dk_jobcenter.model.kildegrad import KILDEGRADER
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre


def egen_reference(parameter, vaerdi):
    """Værdiens egen reference, eller None, når den blot arver parameterens (openfisca-core kopierer
    parameterens metadata ind i hver værdi)."""
    ref = vaerdi.metadata.get("reference")
    return None if ref == parameter.metadata.get("reference") else ref


def mangler_ved_kildegrad(parametre):
    mangler = []
    for p in alle_parametre(parametre):
        if "kildegrad" in p.metadata:
            mangler.append(f"{p.name}: kildegrad står på parameteren, ikke på hver værdi")
        for v in p.values_list:
            grad = v.metadata.get("kildegrad")
            if grad not in KILDEGRADER:
                mangler.append(f"{p.name} {v.instant_str}: kildegrad {grad!r} (skal være én af {KILDEGRADER})")
            elif grad == "antaget" and not egen_reference(p, v):
                mangler.append(f"{p.name} {v.instant_str}: antaget uden egen reference, der siger hvad den bygger på")
    return mangler


def test_hver_vaerdi_har_en_gyldig_kildegrad(tbs):
    mangler = mangler_ved_kildegrad(tbs.parameters)
    assert mangler == [], "værdier uden gyldig kildegrad:\n" + "\n".join(mangler)


def _node(vaerdier):
    return ParameterNode("test", data={"sats": {
        "description": "Test", "reference": "Test", "unit": "currency-DKK", "values": vaerdier}})


def test_en_vaerdi_uden_grad_bliver_fundet():
    """Tjekket kan fejle: en tal-værdi uden metadata og en ugyldig grad bliver fundet."""
    node = _node({"2024-01-01": 45, "2025-01-01": {"value": 46, "metadata": {"kildegrad": "gaet"}}})
    assert mangler_ved_kildegrad(node) == [
        "test.sats 2025-01-01: kildegrad 'gaet' (skal være én af ('verificeret', 'sekundaer', 'antaget'))",
        "test.sats 2024-01-01: kildegrad None (skal være én af ('verificeret', 'sekundaer', 'antaget'))",
    ]


def test_antaget_uden_egen_reference_bliver_fundet():
    node = _node({
        "2024-01-01": {"value": 45, "metadata": {"kildegrad": "antaget"}},
        "2025-01-01": {"value": 45, "reference": "2024-værdien videreført", "metadata": {"kildegrad": "antaget"}},
    })
    assert mangler_ved_kildegrad(node) == [
        "test.sats 2024-01-01: antaget uden egen reference, der siger hvad den bygger på",
    ]


def test_core_giver_vaerdiens_grad_videre(tbs):
    """openfisca-core 46 læser `metadata` på en dateret værdi og viser den i values_list."""
    vaerdier = tbs.parameters.jobrotation.ydelse_per_time.values_list
    grader = {v.instant_str: v.metadata["kildegrad"] for v in vaerdier}
    assert grader["2024-01-01"] == "verificeret"  # STAR, Jobrotationsordningen 2024
    assert grader["2022-01-01"] == "sekundaer"  # FOA Nordjylland
