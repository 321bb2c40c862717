"""Resultatmappen skrives som ét sæt: i en midlertidig mappe ved siden af `--ud`, som derefter
byttes ind i ét greb. En kørsel, der stoppes (SIGINT, SIGKILL, fuld disk), efterlader enten det
forrige sæt eller det nye — aldrig en blanding, aldrig en halv fil i `--ud`.

- Linux: mapperne byttes atomisk (`renameat2(RENAME_EXCHANGE)`); ellers to omdøbninger, hvor det
  forrige sæt ligger som `.<navn>.gammel-<pid>-…`, til det nye er på plads.
- Kun en mappe, dk-jobcenter selv har skrevet (mærket `MAERKE`), eller en tom mappe erstattes:
  `--ud .` sletter aldrig brugerens egne filer.
- Midlertidige mapper fra en kørsel, der blev dræbt, ryddes op ved næste kørsel (processen findes
  ikke længere) — kun mapper, programmet selv har lavet: navnet præcis `.<navn>.ny-<pid>-<8 tegn>`
  eller `.<navn>.gammel-<pid>-<8 tegn>` (tempfile's entydige endelse) og mærket `MIDLERTIDIG` eller
  `MAERKE` indeni (eller tom). En brugers `.ud.backup-2025-12` røres aldrig.
"""

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

MAERKE = ".dk-jobcenter-resultater"
MIDLERTIDIG = ".dk-jobcenter-midlertidig"  # i den midlertidige mappe, fra den laves, til den byttes ind
AT_FDCWD = -100
RENAME_EXCHANGE = 2


class UdFejl(OSError):
    """`--ud` kan ikke bruges; beskeden siger hvorfor."""


class SkriveFejl(BefolkningsFejl):
    """Resultaterne kunne ikke skrives (fx fuld disk); det forrige sæt i `--ud` er urørt."""


@contextlib.contextmanager
def _uden_afbrydelse():
    """Ctrl-C venter, til oprydningen er færdig (et andet Ctrl-C midt i den efterlod rod)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    gammel = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, gammel)


def _byt(a, b):
    """Byt mapperne a og b atomisk (Linux); False, hvis systemet ikke kan."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _lever(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _egen_midlertidig(sti, navn):
    """pid'en, hvis `sti` er en midlertidig mappe, dk-jobcenter selv har lavet til `--ud` `navn`."""
    fundet = re.fullmatch(rf"\.{re.escape(navn)}\.(?:ny|gammel)-(\d+)-[a-z0-9_]{{8}}", sti.name)
    if fundet is None or sti.is_symlink() or not sti.is_dir():
        return None
    return int(fundet[1])


def ryd_op(ud):
    """Fjern midlertidige mapper fra kørsler, hvis proces ikke længere findes.

    Kun mapper med præcis programmets navn og dets mærke indeni; en tom mappe med navnet (en
    kørsel dræbt, før mærket blev skrevet) fjernes med rmdir, der aldrig sletter indhold."""
    ud = Path(ud).resolve()  # som atomisk_mappe: `--ud .` har navnet på den mappe, den er
    if not ud.parent.is_dir():
        return
    for sti in ud.parent.iterdir():
        pid = _egen_midlertidig(sti, ud.name)
        if pid is None or pid == os.getpid() or _lever(pid):
            continue
        if (sti / MIDLERTIDIG).is_file() or (sti / MAERKE).is_file():
            shutil.rmtree(sti, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                sti.rmdir()  # kun, hvis den er tom


def kontroller_ud(ud):
    """Fejl før beregningen, hvis `--ud` ikke kan skrives eller ikke må erstattes."""
    ud = Path(ud)
    if ud.exists() and not ud.is_dir():
        raise UdFejl(f"--ud '{ud}' er en fil, ikke en mappe")
    if ud.is_dir() and any(ud.iterdir()) and not (ud / MAERKE).exists():
        raise UdFejl(
            f"--ud '{ud}' findes og har filer, som dk-jobcenter ikke har skrevet; vælg en ny eller tom mappe "
            "(hele mappen erstattes af resultaterne)"
        )
    foraelder = ud.resolve().parent
    try:
        foraelder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{ud.name}.proeve-{os.getpid()}-", dir=foraelder):
            pass
    except OSError as fejl:
        raise UdFejl(f"--ud '{ud}' kan ikke skrives: {fejl.strerror or fejl}") from None


@contextlib.contextmanager
def atomisk_mappe(ud):
    """Giv en midlertidig mappe at skrive hele sættet i; den bliver til `ud`, hvis alt gik godt."""
    ud = Path(ud)
    kontroller_ud(ud)
    ryd_op(ud)
    foraelder = ud.resolve().parent
    ny = Path(tempfile.mkdtemp(prefix=f".{ud.name}.ny-{os.getpid()}-", dir=foraelder))
    try:
        (ny / MIDLERTIDIG).write_text("Midlertidig mappe fra dk-jobcenter; slettes ved næste kørsel.\n", encoding="utf-8")
        yield ny
        (ny / MAERKE).write_text("Skrevet af dk-jobcenter; mappen erstattes ved næste kørsel.\n", encoding="utf-8")
        (ny / MIDLERTIDIG).unlink()  # MAERKE er der: en dræbt kørsel efterlader stadig en mærket mappe
        with _uden_afbrydelse():
            _saet_ind(ny, ud.resolve())
    except OSError as fejl:
        with _uden_afbrydelse():
            shutil.rmtree(ny, ignore_errors=True)
        raise SkriveFejl(
            f"resultaterne kunne ikke skrives i '{ud}': {fejl.strerror or fejl}; intet er ændret i '{ud}'"
        ) from fejl
    except BaseException:
        with _uden_afbrydelse():
            shutil.rmtree(ny, ignore_errors=True)
        raise


def _saet_ind(ny, ud):
    if ud.exists() and _byt(ny, ud):
        shutil.rmtree(ny, ignore_errors=True)  # ny er nu det gamle sæt
        return
    gammel = None
    if ud.exists():
        gammel = Path(tempfile.mkdtemp(prefix=f".{ud.name}.gammel-{os.getpid()}-", dir=ud.parent))
        gammel.rmdir()
        os.rename(ud, gammel)
    os.rename(ny, ud)
    if gammel is not None:
        shutil.rmtree(gammel, ignore_errors=True)
