"""Skriv resultatfiler, så en fejl undervejs aldrig efterlader en halvt skrevet fil."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


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


def skriv_csv(ramme, sti):
    with atomisk_fil(sti) as f:
        ramme.to_csv(f, index=False)
