"""Skriv resultatfiler, så en fejl undervejs aldrig efterlader en halvt skrevet fil, og CSV, som et
regneark ikke kan tage for en formel."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype


@contextmanager
def atomisk_fil(sti, mode="w"):
    """Åbn en midlertidig fil ved siden af `sti`; den erstatter `sti` kun, hvis alt gik godt."""
    sti = Path(sti)
    sti.parent.mkdir(parents=True, exist_ok=True)
    fd, midlertidig = tempfile.mkstemp(prefix=f".{sti.name}.", dir=sti.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "") as f:
            yield f
        os.replace(midlertidig, sti)
    except BaseException:
        os.unlink(midlertidig)
        raise


# OWASP "CSV Injection": en celle, der begynder med et af disse tegn, læser Excel og LibreOffice
# som en formel (=HYPERLINK(...) sender data ud). Reformens `navn` og befolkningsfilens navn kommer
# fra brugeren og står i hver række.
FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")


def som_tekst_i_regneark(vaerdi):
    """En tekst, der begynder med et formeltegn, får en apostrof foran (regnearket viser teksten)."""
    if isinstance(vaerdi, str) and vaerdi.startswith(FORMELTEGN):
        return "'" + vaerdi
    return vaerdi


def uden_formler(ramme):
    """Rammen med tekstceller og kolonnenavne som tekst i et regneark; tal røres ikke."""
    tekst = [k for k in ramme.columns if not (is_numeric_dtype(ramme[k]) or is_datetime64_any_dtype(ramme[k]))]
    if not tekst and not any(isinstance(k, str) and k.startswith(FORMELTEGN) for k in ramme.columns):
        return ramme
    ramme = ramme.copy()
    for k in tekst:
        ramme[k] = ramme[k].astype(object).map(som_tekst_i_regneark)
    return ramme.rename(columns=som_tekst_i_regneark)


def skriv_csv(ramme, sti):
    with atomisk_fil(sti) as f:
        uden_formler(ramme).to_csv(f, index=False)
