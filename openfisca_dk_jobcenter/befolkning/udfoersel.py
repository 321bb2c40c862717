"""Hvordan bidderne køres: i denne proces, i arbejdsprocesser på maskinen (én pr. kerne) eller på en
Dask-klynge — gennem samme kode, for både en `ProcessPoolExecutor` og en Dask-klient
(`Client.get_executor()`) har `concurrent.futures`' grænseflade.

En opgave er en lille beskrivelse (fx `SyntetiskBid`: befolkningens størrelse, seed, år og
bloknumre, så arbejderen selv laver sin bid), og hver arbejder bygger skattesystemerne én gang ud
fra en beskrivelse (`forbered`, fx reformernes ændringer), ikke et pickled system. Resultaterne
kommer i opgavernes rækkefølge, uanset hvilken arbejder der blev færdig først: totalerne er de
samme til øren, hvor mange arbejdere der end er.

Hukommelsen pr. arbejder følger bidden: en arbejder har én bid ad gangen (og dens simulering), og
højst `2 × arbejdere` resultater venter på at blive lagt sammen.
"""

import concurrent.futures
import concurrent.futures.process
import contextlib
import hashlib
import multiprocessing
import os
import pickle
import signal
import threading
from collections import OrderedDict
from dataclasses import dataclass

from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.syntetisk import BLOK_PERSONER, antal_blokke, syntetisk_blok

MANGLER_DASK = (
    "--klynge kræver tilvalget [klynge] (Dask distributed): pip install 'openfisca-dk-jobcenter[klynge]'"
)
ARBEJDER_DOED = (
    "en arbejdsproces stoppede uventet (for lidt hukommelse? mindre --bid hjælper). Fra et Python-script: "
    "læg kørslen under `if __name__ == \"__main__\":` (arbejderne importerer scriptet), eller brug arbejdere=1"
)
KLYNGE_TIMEOUT_SEKUNDER = 30
# Moduler, som forkserveren importerer én gang; hver arbejder forkes med dem allerede importeret.
FORINDLAES = ["numpy", "pandas", "openfisca_core.simulations", "openfisca_dk_jobcenter", "openfisca_dk_jobcenter.befolkning.beregning",
              "openfisca_dk_jobcenter.analyse.sammenligning"]


class UdfoerselsFejl(ValueError):
    """Et valg af arbejdere eller klynge, der ikke kan bruges; beskeden nævner valget."""


def kerner():
    """Kernerne, denne proces må bruge (cgroup-/taskset-grænser tæller med)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # ikke Linux
        return os.cpu_count() or 1


def antal_arbejdere(arbejdere=None):
    """None: én pr. kerne; ellers et helt tal ≥ 1."""
    if arbejdere is None:
        return kerner()
    if isinstance(arbejdere, bool) or not isinstance(arbejdere, int) or arbejdere < 1:
        raise UdfoerselsFejl(f"--arbejdere: skal være et helt tal på mindst 1, fik {arbejdere!r}")
    return arbejdere


# --- opgaverne: beskrivelser af bidder ------------------------------------------------------------


@dataclass(frozen=True)
class SyntetiskBid:
    """Blokkene `blok_fra`..`blok_til`-1 af den syntetiske befolkning på `antal_personer` (seed,
    år), simuleret i `aar`: arbejderen laver selv bidden, så kun disse tal sendes."""

    antal_personer: int
    seed: int
    befolkningsaar: int
    blok_fra: int
    blok_til: int
    aar: int
    blok_personer: int = BLOK_PERSONER

    @property
    def personer(self):
        return min(self.blok_til * self.blok_personer, self.antal_personer) - self.blok_fra * self.blok_personer

    def lav(self):
        blokke = [syntetisk_blok(self.antal_personer, self.seed, self.befolkningsaar, nr, self.blok_personer)
                  for nr in range(self.blok_fra, self.blok_til)]
        return (blokke[0] if len(blokke) == 1 else Befolkning.saml(blokke)).i_aaret(self.aar)


@dataclass(frozen=True)
class FaerdigBid:
    """En bid af en befolkning, der allerede er i hukommelsen (egne data): den sendes, som den er."""

    bid: Befolkning

    @property
    def personer(self):
        return self.bid.antal_personer

    def lav(self):
        return self.bid


@dataclass(frozen=True)
class SyntetiskBefolkning:
    """Den indbyggede syntetiske befolkning som beskrivelse (størrelse, seed, år): gennemløbet
    giver blokkene som `syntetiske_blokke`, og `bidder` beskriver bidderne uden at lave dem."""

    antal_personer: int
    seed: int = 2026
    aar: int = 2026
    blok_personer: int = BLOK_PERSONER

    def __iter__(self):
        from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke

        return syntetiske_blokke(self.antal_personer, self.seed, self.aar, self.blok_personer)

    def bidder(self, bid_personer=BID_PERSONER, aar=None):
        # Som `bidder.bidder`: blokke lægges sammen, til en bid ville blive større end bid_personer.
        pr_bid = max(1, bid_personer // self.blok_personer)
        n = antal_blokke(self.antal_personer, self.blok_personer)
        return [SyntetiskBid(self.antal_personer, self.seed, self.aar, fra, min(fra + pr_bid, n),
                             self.aar if aar is None else aar, self.blok_personer)
                for fra in range(0, n, pr_bid)]


def bidbeskrivelser(befolkning, bid_personer=BID_PERSONER, aar=None):
    """Befolkningens bidder som opgaver: beskrivelser for den syntetiske befolkning, ellers bidderne."""
    if isinstance(befolkning, SyntetiskBefolkning):
        return befolkning.bidder(bid_personer, aar)
    return [FaerdigBid(bid) for bid in bidder(befolkning, bid_personer, aar)]


# --- i arbejderen: systemerne bygges én gang ------------------------------------------------------

_KONTEKSTER = OrderedDict()  # nøgle → det, `forbered` byggede (i hver arbejder og i denne proces)
_KONTEKST_LAAS = threading.Lock()  # en Dask-arbejder kan køre flere tråde
MAKS_KONTEKSTER = 4  # en Dask-arbejder, der tjener flere kørsler, husker de seneste


def noegle(forbered):
    return hashlib.sha256(pickle.dumps(forbered)).hexdigest()


def kontekst(noegle_, forbered):
    """`forbered()` én gang pr. proces og nøgle (fx skattesystemerne ud fra reformernes beskrivelse)."""
    with _KONTEKST_LAAS:
        if noegle_ not in _KONTEKSTER:
            _KONTEKSTER[noegle_] = forbered()
            while len(_KONTEKSTER) > MAKS_KONTEKSTER:
                _KONTEKSTER.popitem(last=False)
        _KONTEKSTER.move_to_end(noegle_)
        return _KONTEKSTER[noegle_]


def _koer_opgave(noegle_, forbered, funktion, opgave):
    return funktion(kontekst(noegle_, forbered), opgave)


def _intet():
    return None


def _arbejder_start():
    # Ctrl-C i terminalen rammer hele procesgruppen: arbejderne ignorerer det, og hovedprocessen
    # stopper dem (ingen traceback fra hver arbejder).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --- udføreren ------------------------------------------------------------------------------------


class Udfoerer:
    """Kører opgaver i denne proces (`arbejdere=1`), i en pulje af arbejdsprocesser eller på en
    Dask-klynge (`klynge="tcp://host:8786"`). Brug den som context manager; puljen startes først,
    når der er mere end én opgave, og stoppes (også ved Ctrl-C) når blokken forlades."""

    def __init__(self, arbejdere=None, klynge=None):
        self.klynge = klynge
        self.arbejdere = antal_arbejdere(arbejdere) if not klynge else None
        self._executor = None
        self._klient = None

    def __enter__(self):
        return self

    def __exit__(self, typ, fejl, tb):
        self.luk(afbrudt=typ is not None)
        return False

    def _start(self):
        if self._executor is not None:
            return self._executor
        if self.klynge:
            self._executor = self._dask()
        else:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(FORINDLAES)
            self._executor = concurrent.futures.ProcessPoolExecutor(
                self.arbejdere, mp_context=ctx, initializer=_arbejder_start
            )
        return self._executor

    def _dask(self):
        try:
            from distributed import Client
        except ImportError:
            raise UdfoerselsFejl(MANGLER_DASK) from None
        try:
            self._klient = Client(self.klynge, timeout=KLYNGE_TIMEOUT_SEKUNDER, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as fejl:
            raise UdfoerselsFejl(f"--klynge {self.klynge}: kan ikke forbinde til Dask-scheduleren ({fejl})") from None
        self.arbejdere = max(1, sum(self._klient.nthreads().values()))
        return self._klient.get_executor(pure=False)

    def forvarm(self, antal_opgaver):
        """Start arbejderne nu (uden at vente), hvis der bliver mere end én opgave: de importerer
        pakken, mens hovedprocessen forbereder kørslen (reformer, sporing af parametre)."""
        if self.klynge or self.i_denne_proces(antal_opgaver):
            return
        executor = self._start()
        with _uden_ctrl_c():
            for _ in range(self.arbejdere):
                executor.submit(_intet)

    def i_denne_proces(self, antal_opgaver):
        return not self.klynge and self._executor is None and (self.arbejdere == 1 or antal_opgaver <= 1)

    def udfoer(self, funktion, forbered, opgaver, fremdrift=None, lokal=None):
        """`funktion(kontekst, opgave)` for hver opgave, i opgavernes rækkefølge, hvor `kontekst`
        er `forbered()` bygget én gang pr. arbejder. `funktion` og `forbered` skal kunne pickles
        (funktioner på modulniveau, `functools.partial`). I denne proces bruges `lokal()` (fx de
        systemer, kalderen allerede har), hvis den er givet, ellers `forbered()`.
        `fremdrift(opgave)` kaldes, når en opgave er færdig (i den rækkefølge, de bliver færdige).
        Er `opgaver` en liste, må kalderen lægge flere opgaver bag i den, mens resultaterne kommer
        (fx en opgave, der bygger på de første resultater): de regnes også, i listens rækkefølge,
        og om de regnes her i processen, afgøres af opgaverne ved starten."""
        opgaver = opgaver if isinstance(opgaver, list) else list(opgaver)
        if self.i_denne_proces(len(opgaver)):
            kontekst_ = (lokal or forbered)() if opgaver else None
            for opgave in opgaver:
                resultat = funktion(kontekst_, opgave)
                if fremdrift:
                    fremdrift(opgave)
                yield resultat
            return
        n = noegle(forbered)
        executor = self._start()
        vindue = 2 * self.arbejdere  # højst så mange resultater i luften: hukommelsen følger bidden
        koe = []  # (opgave, future) i opgavernes rækkefølge
        naeste = 0
        meldt = set()
        try:
            while naeste < len(opgaver) or koe:
                while naeste < len(opgaver) and len(koe) < vindue:
                    with _uden_ctrl_c():  # en arbejder startes helt (og kendes af puljen), før Ctrl-C virker
                        koe.append((opgaver[naeste], executor.submit(_koer_opgave, n, forbered, funktion, opgaver[naeste])))
                    naeste += 1
                concurrent.futures.wait([f for _, f in koe if not f.done()] or [koe[0][1]],
                                        return_when=concurrent.futures.FIRST_COMPLETED)
                for opgave, f in koe:
                    if f.done() and id(f) not in meldt:
                        meldt.add(id(f))
                        if fremdrift and not f.cancelled() and f.exception() is None:
                            fremdrift(opgave)
                while koe and koe[0][1].done():
                    _, f = koe.pop(0)
                    meldt.discard(id(f))
                    try:
                        resultat = f.result()
                    except concurrent.futures.process.BrokenProcessPool:
                        raise UdfoerselsFejl(ARBEJDER_DOED) from None
                    yield resultat
        except Exception:
            # En opgave fejlede: de ventende opgaver annulleres (ved Ctrl-C stopper `luk` arbejderne
            # i stedet; at annullere først ville få puljens egen tråd til at fejle).
            for _, f in koe:
                f.cancel()
            raise

    def luk(self, afbrudt=False):
        executor, self._executor = self._executor, None
        if executor is not None:
            if isinstance(executor, concurrent.futures.ProcessPoolExecutor):
                if afbrudt:
                    _stop_arbejderne(executor)
                # Også efter et afbrud ventes der på puljens egen tråd (arbejderne er stoppet, så det
                # går hurtigt): uden det fejler Pythons oprydning ved exit med en traceback.
                executor.shutdown(wait=True, cancel_futures=True)
            else:  # Dask: klyngens opgaver annulleres, når klienten lukkes
                executor.shutdown(wait=not afbrudt)
        if self._klient is not None:
            with contextlib.suppress(Exception):
                self._klient.close(timeout=5)
            self._klient = None

    def peak_rss_mib(self):
        """Hver lokal arbejders højeste RSS (VmHWM) i MiB (til benchmarken)."""
        processer = getattr(self._executor, "_processes", None) or {}
        ud = []
        for pid in list(processer):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii") as f:
                for linje in f:
                    if linje.startswith("VmHWM:"):
                        ud.append(int(linje.split()[1]) / 1024)
        return ud


@contextlib.contextmanager
def _uden_ctrl_c():
    """Udskyd Ctrl-C, mens blokken kører: et signal noteres og rejses som KeyboardInterrupt bagefter.
    (Et blokeret signal ville stadig blive modtaget af en af numpys tråde.) Kun i hovedtråden."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    modtaget = []
    foer = signal.signal(signal.SIGINT, lambda *_: modtaget.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, foer)
    if modtaget:
        raise KeyboardInterrupt


def _stop_arbejderne(executor):
    """Stop arbejderne med det samme (ved Ctrl-C): `shutdown` venter ellers på de opgaver, der er
    i gang. Puljens processer er ikke en offentlig attribut før Python 3.14 (`terminate_workers`)."""
    stop = getattr(executor, "terminate_workers", None)
    if stop is not None:
        stop()
        return
    processer = list((getattr(executor, "_processes", None) or {}).values())
    for p in processer:
        with contextlib.suppress(Exception):
            p.terminate()
    for p in processer:
        with contextlib.suppress(Exception):
            p.join(timeout=5)
    # En arbejder, der blev stoppet midt i at sende sit resultat, efterlader en halv besked i
    # resultatrøret, og puljens tråd venter så for evigt på resten (shutdown hang ved Ctrl-C, ca. 1
    # gang i 5). Lukkes hovedprocessens skrive-ende, er alle skrive-ender lukket: tråden får EOF,
    # ser puljen som brudt og slutter.
    with contextlib.suppress(Exception):
        executor._result_queue._writer.close()
