"""Lagene afhænger kun nedad (docs/udviklere.md): modellen importerer intet fra simuleringsmotoren
(`befolkning/`), analysen (`analyse/`) eller web-API'et og websiden (`webapi/`, `webside/`);
motoren intet fra analysen eller web-API'et; web-API'et og websiden (ét lag) intet fra motoren
eller analysen. Så kan modellen bruges (og testes) alene, og web-API'et trækker ikke pandas med.
"""

import ast
from pathlib import Path

PAKKE = Path(__file__).resolve().parents[1] / "openfisca_dk_jobcenter"
NAVN = "openfisca_dk_jobcenter"

# Lag → de lag over modellen, det må importere fra. Web-API'et og websiden er ét lag: serveren
# sætter websiden på web-API'ets app (webapi/app.py), og siden kalder API'ets endepunkter.
MAA_IMPORTERE = {
    "model": set(),
    "befolkning": set(),
    "analyse": {"befolkning"},
    "webapi": {"webside"},
    "webside": {"webapi"},
}


def lag(modul):
    """Laget for et modulnavn i pakken, fx `openfisca_dk_jobcenter.analyse.cli` → "analyse"."""
    dele = modul.split(".")
    return dele[1] if len(dele) > 1 and dele[1] in MAA_IMPORTERE and dele[1] != "model" else "model"


def importerede_moduler(sti):
    """Pakkens moduler, som filen importerer (også inde i funktioner)."""
    ud = set()
    for knude in ast.walk(ast.parse(sti.read_text(encoding="utf-8"))):
        if isinstance(knude, ast.Import):
            ud |= {a.name for a in knude.names if a.name.split(".")[0] == NAVN}
        elif isinstance(knude, ast.ImportFrom) and knude.level == 0 and (knude.module or "").split(".")[0] == NAVN:
            ud.add(knude.module)
            ud |= {f"{knude.module}.{a.name}" for a in knude.names}
    return ud


def brud(pakke=PAKKE):
    fejl = []
    for sti in sorted(pakke.rglob("*.py")):
        modul = ".".join((NAVN, *sti.relative_to(pakke).with_suffix("").parts))
        fra = lag(modul)
        for importeret in importerede_moduler(sti):
            til = lag(importeret)
            if til != "model" and til != fra and til not in MAA_IMPORTERE[fra]:
                fejl.append(f"{sti.relative_to(pakke.parent)} ({fra}) importerer {importeret} ({til})")
    return sorted(set(fejl))


def test_lagene_afhaenger_kun_nedad():
    assert brud() == [], "import mod lagenes retning:\n" + "\n".join(brud())


def test_tjekket_finder_en_import_opad(tmp_path):
    pakke = tmp_path / NAVN
    (pakke / "variables").mkdir(parents=True)
    (pakke / "variables" / "x.py").write_text(
        "def f():\n    from openfisca_dk_jobcenter.analyse import sammenligning\n", encoding="utf-8"
    )
    (pakke / "befolkning").mkdir()
    (pakke / "befolkning" / "y.py").write_text("import openfisca_dk_jobcenter.webapi.app\n", encoding="utf-8")
    (pakke / "analyse").mkdir()
    (pakke / "analyse" / "z.py").write_text("from openfisca_dk_jobcenter.befolkning import model\n", encoding="utf-8")
    fundet = brud(pakke)
    filer = {linje.split(" (")[0] for linje in fundet}
    assert filer == {f"{NAVN}/variables/x.py", f"{NAVN}/befolkning/y.py"}, fundet
    assert f"{NAVN}/befolkning/y.py (befolkning) importerer {NAVN}.webapi.app (webapi)" in fundet
