"""Ét spørgsmål pr. ordning til web-API'et, som JSON-filer (openfisca-country-template's
`situation_examples/`): `voksenlaerling.json` osv. kan sendes som de er,

    curl -s http://127.0.0.1:5000/calculate -H 'Content-Type: application/json' \
        -d @openfisca_dk_jobcenter/situation_examples/voksenlaerling.json

Testene, belastningstesten (`make load`) og docs/webapi.md bruger de samme filer. Svaret, regnet
i hånden, står her ved siden af (stedet i svaret og værdien).
"""

import json
from pathlib import Path

MAPPE = Path(__file__).parent

# navn: (regnestykket, (entitet, id, variabel, periode, værdien regnet i hånden))
SVAR = {
    "voksenlaerling": (
        "Ufaglært ledig voksenlærling, 160 praktiktimer i februar 2026: 45 × 160 = 7.200 kr.",
        ("personer", "ana", "voksenlaerling_tilskud", "2026-02", 7200.0),
    ),
    "jobrotation": (
        "Marts 2024, 203,17 kr./t: ansat 100 uddannelsestimer à 250 kr. + 5.000 kr. kursus, vikar 120 "
        "timer à 180 kr.; ydelse 203,17 × min(100, 120) = 20.317 kr.; budget 51.600 − 20.317 = 31.283 kr.",
        ("virksomheder", "v", "jobrotationsydelse", "2024-03", 20317.0),
    ),
    "loentilskud": (
        "Privat arbejdsgiver, marts 2023, 120 timer à 86,16 kr.: 10.339,20 kr.",
        ("personer", "eva", "loentilskud", "2023-03", 10339.2),
    ),
    "virksomhedspraktik": (
        "Dagpengemodtager, 4 uger à 37 timer: tilladt (højst 4 uger, højst 37 timer om ugen).",
        ("personer", "fie", "virksomhedspraktik_tilladt", "2026-03", True),
    ),
    "opkvalificering": (
        "Ansøgt 10. januar 2026 som ledig (7 måneder), ansat 1. februar i 6 måneder, kursus 2. marts "
        "til 15.000 kr.: 15.000 kr. i marts.",
        ("personer", "gro", "opkvalificering_tilskud", "2026-03", 15000.0),
    ),
}


def situation(navn):
    """Situationen `navn` (fx 'voksenlaerling') som dict, læst fra `<navn>.json`."""
    return json.loads((MAPPE / f"{navn}.json").read_text(encoding="utf-8"))


def eksempler():
    """{navn: {"beskrivelse", "situation", "svar"}} for hver JSON-fil i mappen."""
    return {
        sti.stem: {"beskrivelse": SVAR[sti.stem][0], "situation": situation(sti.stem), "svar": SVAR[sti.stem][1]}
        for sti in sorted(MAPPE.glob("*.json"))
    }


def svarets_vaerdi(eksempel, svar):
    plural, id_, navn, periode, _ = eksempel["svar"]
    return svar[plural][id_][navn][periode]


def rigtigt(eksempel, svar):
    """Svaret har den værdi, der er regnet i hånden (1 øres margin for kroner i float32)."""
    forventet = eksempel["svar"][-1]
    faktisk = svarets_vaerdi(eksempel, svar)
    if isinstance(forventet, bool):
        return faktisk is forventet
    return abs(faktisk - forventet) <= 0.01
