"""Celler fra analytikerens filer, som danske kontorer skriver dem: tal med decimalkomma og
rækkenumre i regnearkets linjenumre. Bruges af `fil.py` og af de særlige kolonner (`vaegt.py`)."""

import re

import numpy
import pandas

DECIMALKOMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+")
FOERSTE_RAEKKE = "foerste_raekke"  # regnearkets linje for tabellens første række (tabel.attrs)


def raekke(tabel, r):
    """Regnearkets linjenummer for tabellens række r (0-baseret): overskriften er linje 1 i en CSV."""
    return int(r) + tabel.attrs.get(FOERSTE_RAEKKE, 1)


def tal(tekst):
    """Tekstceller som float64 (NaN, hvor det ikke er et tal); "160,5" og "1.234,5" er decimalkomma."""
    tekst = numpy.asarray(tekst, dtype=str)
    komma = numpy.array([bool(DECIMALKOMMA.fullmatch(t)) for t in tekst], dtype=bool) if tekst.size else numpy.zeros(0, bool)
    if komma.any():
        tekst = tekst.astype(object)
        tekst[komma] = [t.replace(".", "").replace(",", ".") for t in tekst[komma]]
    return pandas.to_numeric(pandas.Series(tekst), errors="coerce").to_numpy(dtype=numpy.float64)
