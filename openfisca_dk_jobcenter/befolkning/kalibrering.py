"""Hvad den syntetiske befolkning står for: Danmarks arbejdsstyrke i året (vægten) og hver
ordnings deltagelse, kalibreret til publicerede tal (datafilen `deltagelse.json`).

- `arbejdsstyrke(aar)`: antal personer, befolkningen vægtes op til, med kilde og kildegrad.
- `deltagelsesfaktor(noegle, aar)`: hvor meget en ordnings deltagelsesandel (modulets `ANDEL…`)
  ganges med i året, så modellens grundlag rammer det publicerede tal. Faktorerne skrives af
  `python -m openfisca_dk_jobcenter.analyse.deltagelsesfaktorer` ud fra `PUBLICEREDE` (se
  `docs/validering.md`); et år uden publiceret tal får faktoren fra nærmeste kalibrerede år
  (interpoleret mellem to), og det står i valideringstabellen.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# {ordning: {år: faktor}}, skrevet af analyse/deltagelsesfaktorer.py; ret ikke i hånden.
FAKTORFIL = Path(__file__).with_name("deltagelse.json")
AKU_2019 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=30383"
AKU_2021 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=36310"
AKU_2023 = "https://www.dst.dk/da/Statistik/nyheder-analyser-publ/nyt/NytHtml?cid=46149"


@dataclass(frozen=True)
class Kildetal:
    vaerdi: float
    kilde: str
    kildegrad: str  # verificeret | sekundaer | antaget (som parametrenes kildegrad)
    note: str = ""


# Arbejdsstyrken (15-64 år, beskæftigede + ledige, AKU-årstal) i personer. 2020-2021 og 2023 er
# afledt af DST's egne tal (befolkning − uden for arbejdsstyrken; beskæftigede + ledige);
# 2024-2025 er fuldtidsledige ÷ ledighedsprocent (DST's arbejdsstyrke til ledighedsprocenten, en
# lidt anden afgrænsning, og procenten er afrundet: ± ca. 2 %).
ARBEJDSSTYRKE = {
    2015: Kildetal(2_805_000, AKU_2019, "verificeret", "AKU 2019-udgivelsen, tabel: i arbejdsstyrken 2015"),
    2016: Kildetal(2_843_000, AKU_2019, "verificeret", "AKU 2019-udgivelsen"),
    2017: Kildetal(2_871_000, AKU_2019, "verificeret", "AKU 2019-udgivelsen"),
    2018: Kildetal(2_892_000, AKU_2019, "verificeret", "AKU 2019-udgivelsen"),
    2019: Kildetal(2_931_000, AKU_2019, "verificeret", "«i 2019 udgjorde 2.931.000 personer»"),
    2020: Kildetal(2_923_000, AKU_2021, "verificeret", "afledt: 3.701.000 15-64-årige − 778.000 uden for arbejdsstyrken"),
    2021: Kildetal(2_950_000, AKU_2021, "verificeret", "afledt: 3.705.000 − 755.000"),
    2022: Kildetal(2_982_000, AKU_2023, "antaget", "midt mellem 2021 og 2023 (intet årstal fundet)"),
    2023: Kildetal(3_014_000, AKU_2023, "verificeret", "afledt: 2.878.000 beskæftigede + 136.000 ledige, 1. kvt. 2023"),
    2024: Kildetal(
        3_048_000,
        "https://marketconnect.dk/uaendret-ledigheden-i-danmark-laa-helt-stille-i-december-maaned-men-der-er-malurt-i-baegeret/",
        "sekundaer",
        "afledt: 88.400 fuldtidsledige ÷ 2,9 % (december 2024)",
    ),
    2025: Kildetal(
        3_034_000,
        "https://rss.dst.dk/da/search?q=information&r=6&ui=dstdk",
        "sekundaer",
        "afledt: 88.000 fuldtidsledige ÷ 2,9 % (DST's NYT «Ledigheden steg med 200 i august» 2025, læst i DST's søgeside)",
    ),
}


def arbejdsstyrke(aar):
    """Arbejdsstyrken i `aar` som `Kildetal`; et år uden tal får nærmeste års tal som `antaget`."""
    if aar in ARBEJDSSTYRKE:
        return ARBEJDSSTYRKE[aar]
    naermeste = min(ARBEJDSSTYRKE, key=lambda a: (abs(a - aar), -a))
    tal = ARBEJDSSTYRKE[naermeste]
    return Kildetal(tal.vaerdi, tal.kilde, "antaget", f"intet tal for {aar}: {naermeste}-tallet videreført")


@cache
def _faktorer():
    data = json.loads(FAKTORFIL.read_text(encoding="utf-8"))
    return {noegle: {int(aar): float(f) for aar, f in aar_faktor.items()} for noegle, aar_faktor in data.items()}


def deltagelsesfaktor(noegle, aar):
    """Faktoren på ordningens deltagelsesandel i `aar` (1, når ordningen ikke er kalibreret)."""
    faktorer = _faktorer().get(noegle)
    if not faktorer:
        return 1.0
    if aar in faktorer:
        return faktorer[aar]
    aarene = sorted(faktorer)
    if aar <= aarene[0]:
        return faktorer[aarene[0]]
    if aar >= aarene[-1]:
        return faktorer[aarene[-1]]
    foer = max(a for a in aarene if a < aar)
    efter = min(a for a in aarene if a > aar)
    t = (aar - foer) / (efter - foer)
    return faktorer[foer] + t * (faktorer[efter] - faktorer[foer])


def glem_faktorer():
    """Læs `deltagelse.json` igen (efter en ny kalibrering)."""
    _faktorer.cache_clear()
