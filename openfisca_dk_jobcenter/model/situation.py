"""Situationer (web-API'ets JSON, YAML-testenes `input`): en person uden virksomhed får sin egen.

Projektets regel (docs/jurister.md): en person, der ikke er nævnt under `ansatte` hos nogen
virksomhed, er i en virksomhed for sig selv — med virksomhedens standardværdier (fx `sektor`
privat). openfisca-core 46 anvender reglen forkert, når situationen også nævner virksomheder: dens
input-arrays er da lavet til de navngivne virksomheder, så personen får en andens input (offentlig
sats i stedet for privat), og et person-id, der er en virksomheds id, giver hende den virksomhed.
`med_egne_virksomheder` skriver derfor situationen om, før kernen ser den: hver person uden
virksomhed får en ny virksomhed med et frisk id, der ikke er nogen persons eller virksomheds.

Bruges af web-API'ets værn (`webapi/app.py`) og den sikre YAML-testkører (`yamltest.py`).
Misdannede medlemskaber (ukendt person, person to steder, roller, der ikke er lister) ændres
ikke her; dem afviser kontrollerne.
"""

PERSONER = "personer"
VIRKSOMHEDER = "virksomheder"
ANSATTE = "ansatte"
ENDELSE = "__egen_virksomhed"


def _medlemmer(virksomhed):
    """Person-id'erne under `ansatte` (en enkelt tekst tæller som en liste med ét id)."""
    if not isinstance(virksomhed, dict):
        return []
    medlemmer = virksomhed.get(ANSATTE, [])
    if isinstance(medlemmer, str):
        return [medlemmer]
    return [m for m in medlemmer if isinstance(m, str)] if isinstance(medlemmer, list) else []


def frit_id(oensket, optagne):
    """`oensket`, eller `oensket_2`, `oensket_3` …: det første, der ikke er i `optagne`."""
    kandidat, nummer = oensket, 1
    while kandidat in optagne:
        nummer += 1
        kandidat = f"{oensket}_{nummer}"
    return kandidat


def uden_virksomhed(situation):
    """Id'erne på de personer, der ikke er nævnt hos nogen virksomhed (tom, når situationen
    ingen virksomheder har: så giver kernen selv hver person sin egen, korrekt)."""
    personer, virksomheder = situation.get(PERSONER), situation.get(VIRKSOMHEDER)
    if not isinstance(personer, dict) or not isinstance(virksomheder, dict) or not virksomheder:
        return []
    ansatte = {m for v in virksomheder.values() for m in _medlemmer(v)}
    return [p for p in personer if p not in ansatte]


def med_egne_virksomheder(situation):
    """Situationen med en ny virksomhed (`<person>__egen_virksomhed`, gjort entydig) for hver
    person uden virksomhed. Ændrer `situation` på stedet og returnerer de nye virksomheders id'er."""
    uden = uden_virksomhed(situation)
    if not uden:
        return []
    virksomheder = situation[VIRKSOMHEDER]
    optagne = set(situation[PERSONER]) | set(virksomheder)
    nye = []
    for person in uden:
        id_ = frit_id(f"{person}{ENDELSE}", optagne)
        optagne.add(id_)
        virksomheder[id_] = {ANSATTE: [person]}
        nye.append(id_)
    return nye
