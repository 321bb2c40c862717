"""Ingen tabel pr. ordning uden for registret (issue 11): en ny ordning skrives i variables/,
parameters/ og tests/, i sin post i `ordninger.py` og i sit befolkningsmodul, og ingen andre
steder. En tabel, der nævner ordningerne ved deres nøgle, skal ellers have en linje for den nye
ordning, og den glemmes (sådan var websidens felter og valideringens startdatoer, før de kom i
registret).

Tjekket læser Python-koden (ast) i pakken, tools/ og benchmarks/ og finder det, der kun giver
mening som en tabel eller en særregel pr. ordning: en dict med en registernøgle som nøgle
(`{"jobrotation": ...}`, `dict(jobrotation=...)`), en tuple/liste/mængde af lutter
registernøgler (`("jobrotation",)`) og en sammenligning med en registernøgle
(`o.noegle == "jobrotation"`). Et kald med nøglen som argument (`Publiceret("loentilskud", ...)`,
`deltagelsesfaktor("loentilskud", aar)`) og en tuple af variabelnavne er ikke en tabel. Websidens
JavaScript læser registret som JSON (`/webside/ordninger.json`) og tjekkes ikke her.
"""

import ast
from pathlib import Path

from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

ROD = Path(__file__).resolve().parents[1]
MAPPER = ("openfisca_dk_jobcenter", "tools", "benchmarks")
NOEGLER = frozenset(o.noegle for o in ORDNINGER)

# Tabeller pr. ordning, der står uden for registret med vilje: (fil, navnet på tabellen eller
# funktionen) → hvorfor. En ny ordning behøver ingen linje i dem.
KENDTE = {
    ("openfisca_dk_jobcenter/situation_examples/__init__.py", "SVAR"): (
        "web-API'ets eksempler er navngivet efter deres JSON-fil, og svaret er regnet i hånden; et "
        "eksempel for en ny ordning er valgfrit"
    ),
    ("openfisca_dk_jobcenter/webside/registerdata.py", "REGNESTYKKER"): (
        "websidens forklaring af et beløb (sats × timer), som kun siden bruger; en ordning uden en "
        "post vises med sit beløb uden regnestykke"
    ),
    ("benchmarks/reference.py", "ORDNINGER"): "numpy-referencen er med vilje et udsnit af to ordninger",
    ("benchmarks/kontrolbefolkning.py", "INPUT_PR_ORDNING"): "kontrolbefolkningen har input til referencens to ordninger",
    ("openfisca_dk_jobcenter/befolkning/design.py", "RAEKKEVAEGT"): (
        "stikprøvedesignets rækkevægte er valgt efter ordningernes udgift og spredning; en ordning "
        "uden en post trækkes som en jævn stikprøve, så en ny ordning virker uden den"
    ),
}


def _tilladt(sti):
    """Stederne, hvor en ordning hører hjemme (dens egne mapper, registret, dens befolkningsmodul)."""
    dele = sti.parts
    if dele[0] != "openfisca_dk_jobcenter":
        return False
    return (
        dele[1] in ("variables", "parameters", "tests")
        or sti.as_posix() == "openfisca_dk_jobcenter/model/ordninger.py"
        or (dele[1:3] == ("befolkning", "ordninger") and sti.stem in NOEGLER)
    )


def _noegle(knude, noegler):
    return isinstance(knude, ast.Constant) and isinstance(knude.value, str) and knude.value in noegler


def _er_tabel(knude, noegler):
    if isinstance(knude, ast.Dict):
        return any(_noegle(k, noegler) for k in knude.keys if k is not None)
    if isinstance(knude, ast.Call) and isinstance(knude.func, ast.Name) and knude.func.id == "dict":
        return any(k.arg in noegler for k in knude.keywords)
    if isinstance(knude, ast.Tuple | ast.List | ast.Set):
        return bool(knude.elts) and all(_noegle(e, noegler) for e in knude.elts)
    if isinstance(knude, ast.Compare):
        return any(_noegle(k, noegler) for k in (knude.left, *knude.comparators))
    return False


def _navn(saetning):
    """Navnet på en sætning i modulet: funktionen, klassen eller det, der tildeles."""
    if isinstance(saetning, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return saetning.name
    if isinstance(saetning, ast.Assign):
        return ",".join(ast.unparse(m) for m in saetning.targets)
    if isinstance(saetning, ast.AnnAssign | ast.AugAssign):
        return ast.unparse(saetning.target)
    return f"linje {saetning.lineno}"


def tabeller(rod=ROD, mapper=MAPPER, noegler=NOEGLER):
    """{(fil, navn)} for hver tabel eller særregel pr. ordning uden for de tilladte steder."""
    fundet = set()
    for mappe in mapper:
        for fil in sorted((rod / mappe).rglob("*.py")):
            sti = fil.relative_to(rod)
            if _tilladt(sti):
                continue
            for saetning in ast.parse(fil.read_text(encoding="utf-8")).body:
                if any(_er_tabel(k, noegler) for k in ast.walk(saetning)):
                    fundet.add((sti.as_posix(), _navn(saetning)))
    return fundet


def test_ingen_ny_tabel_pr_ordning_uden_for_registret():
    nye = tabeller() - set(KENDTE)
    assert not nye, (
        "en tabel pr. ordning uden for registret; læg det i ordningens post i ordninger.py "
        f"(eller forklar i KENDTE, hvorfor en ny ordning ikke skal stå i den): {sorted(nye)}"
    )


def test_de_kendte_undtagelser_findes_endnu():
    """Er en undtagelse fjernet eller flyttet til registret, skal den også ud af KENDTE."""
    assert set(KENDTE) <= tabeller(), sorted(set(KENDTE) - tabeller())


def test_tjekket_finder_tabeller_og_ikke_kald_eller_variabelnavne(tmp_path):
    pakke = tmp_path / "openfisca_dk_jobcenter"
    (pakke / "webside").mkdir(parents=True)
    (pakke / "webside" / "felter.py").write_text(
        'FELTER = {"voksenlaerling": ("voksenlaerling_aftale_start",)}\n'
        'KOLLEGA = ("jobrotation",)\n'
        "ENTITET = dict(loentilskud='person')\n"
        "def kollega(o):\n    return o.noegle == 'jobrotation'\n",
        encoding="utf-8",
    )
    (pakke / "analyse").mkdir()
    (pakke / "analyse" / "tal.py").write_text(
        'RAEKKER = (Publiceret("loentilskud", 2021, 2_567),)\n'
        'VARIABLER = ("voksenlaerling_tilskud", "loentilskud")\n'
        'faktor = deltagelsesfaktor("jobrotation", 2026)\n',
        encoding="utf-8",
    )
    (pakke / "befolkning" / "ordninger").mkdir(parents=True)
    (pakke / "befolkning" / "ordninger" / "jobrotation.py").write_text('EGEN = {"jobrotation": 1}\n', encoding="utf-8")
    (pakke / "befolkning" / "ordninger" / "__init__.py").write_text('ANDEL = {"jobrotation": 1}\n', encoding="utf-8")
    (pakke / "variables").mkdir()
    (pakke / "variables" / "samspil.py").write_text('X = {"loentilskud": 1}\n', encoding="utf-8")
    assert tabeller(tmp_path, ("openfisca_dk_jobcenter",)) == {
        ("openfisca_dk_jobcenter/webside/felter.py", "FELTER"),
        ("openfisca_dk_jobcenter/webside/felter.py", "KOLLEGA"),
        ("openfisca_dk_jobcenter/webside/felter.py", "ENTITET"),
        ("openfisca_dk_jobcenter/webside/felter.py", "kollega"),
        ("openfisca_dk_jobcenter/befolkning/ordninger/__init__.py", "ANDEL"),
    }
