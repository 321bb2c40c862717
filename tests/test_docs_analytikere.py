"""Python-eksemplerne i docs/analytikere.md virker, som de står: hver ```python-blok køres i
rækkefølge i samme navnerum fra projektets rod."""

import os
import re
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
DOC = ROD / "docs" / "analytikere.md"


def blokke():
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_der_er_eksempler_paa_mikrosimulering():
    tekst = "".join(blokke())
    assert "Mikrosimulering(" in tekst and ".beregn(" in tekst and ".afslag(" in tekst and ".forbehold()" in tekst


def test_eksemplerne_koerer(monkeypatch):
    monkeypatch.chdir(ROD)
    navnerum = {}
    for i, kode in enumerate(blokke(), start=1):
        try:
            exec(compile(kode, f"{DOC.name}, blok {i}", "exec"), navnerum)  # noqa: S102 (projektets egen dokumentation)
        except Exception as fejl:
            raise AssertionError(f"docs/analytikere.md, python-blok {i} fejler: {fejl!r}\n{kode}") from fejl
    assert os.getcwd() == str(ROD)
