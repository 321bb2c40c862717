"""Gunicorns sync-arbejder, der først regner, når hele forespørgslen er kommet (mod slowloris).

En sync-arbejder (kernens `openfisca serve`) læser hovederne blokerende: en klient, der sender
dem en byte ad gangen, holder arbejderen, og tre af dem standser serveren. gthread (2 × 8 tråde,
før issue 22) holdt en tråd pr. langsom klient: 16 standsede den. gevent venter billigt, men en
arbejder tager forbindelser, mens den regner, så andre arbejdere står stille, mens dens kø venter
(p95 over kernens ved 32 samtidige).

`Arbejder` er sync-arbejderen med én forskel: forbindelser læses uden at blokere (epoll), indtil
hovederne og kroppen er der, og først da regnes forespørgslen — som i sync, én ad gangen, og en
arbejder tager kun en ny forbindelse, når den ikke regner (derfor samme p95 som kernens).
- en forespørgsel skal være kommet inden for `FRIST` sekunder, ellers lukkes forbindelsen;
- højst `MAX_VENTENDE` halve forespørgsler pr. arbejder; flere lukkes straks;
- en krop over `MAX_KROP_VENT` gives videre, når så meget er kommet, så app'en svarer 413 (og
  læser højst 5 s af resten væk, `app.draen`).
TLS (ssl) hører til proxyen foran; med `certfile` bruges sync-arbejderens egen løkke.
"""

import errno
import os
import re
import selectors
import socket
import time
from dataclasses import dataclass, field

from gunicorn import util
from gunicorn.workers.sync import SyncWorker

FRIST = 30  # sekunder til hele forespørgslen (hoveder og krop)
MAX_VENTENDE = 250  # halve forespørgsler pr. arbejder
MAX_HOVEDER = 512 * 1024  # over gunicorns egne grænser (limit_request_*): parseren svarer 400
MAX_KROP_VENT = 1024 * 1024 + 1  # app'ens MAX_KROP + 1: en større krop får 413 uden at blive læst
SOKKEL_TIMEOUT = 5  # efter overdragelsen: app'ens draen af en for stor krop kan ikke hænge
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)
CHUNKED = re.compile(rb"\r\ntransfer-encoding:[^\r]*chunked", re.IGNORECASE)
EXPECT = re.compile(rb"\r\nexpect:[ \t]*100-continue[ \t]*(?=\r\n)", re.IGNORECASE)


@dataclass
class Ventende:
    lytter: socket.socket
    adresse: object
    frist: float
    data: bytearray = field(default_factory=bytearray)
    fortsaet_sendt: bool = False


def komplet(data):
    """Sandt, når `data` er en hel forespørgsel (eller så stor, at app'en/parseren afviser den)."""
    slut = data.find(b"\r\n\r\n")
    if slut < 0:
        return len(data) > MAX_HOVEDER
    hoveder = b"\r\n" + bytes(data[:slut])
    krop = len(data) - slut - 4
    laengde = CONTENT_LENGTH.search(hoveder)
    if laengde:
        return krop >= min(int(laengde[1]), MAX_KROP_VENT)
    if CHUNKED.search(hoveder):
        return data.endswith(b"\r\n0\r\n\r\n") or krop > MAX_KROP_VENT
    return True


class MedForspring:
    """Soklen, hvor det allerede læste kommer først (gunicorns parser kalder `recv`)."""

    def __init__(self, sokkel, data):
        self._sokkel = sokkel
        self._data = bytes(data)

    def recv(self, antal, *args):
        if self._data:
            bid, self._data = self._data[:antal], self._data[antal:]
            return bid
        return self._sokkel.recv(antal, *args)

    def __getattr__(self, navn):
        return getattr(self._sokkel, navn)


class Arbejder(SyncWorker):
    """Sync-arbejder, der venter på hele forespørgslen uden at blokere (se modulet)."""

    def run(self):
        if self.cfg.is_ssl:
            return super().run()
        self.ventende = {}
        self.vaelger = selectors.DefaultSelector()
        for lytter in self.sockets:
            lytter.setblocking(False)
            self.vaelger.register(lytter, selectors.EVENT_READ, "lytter")
        self.vaelger.register(self.PIPE[0], selectors.EVENT_READ, "pipe")
        try:
            while self.alive and self.is_parent_alive():
                self.notify()
                self.en_runde(min(self.timeout or 0.5, 1.0))
        finally:
            for sokkel in list(self.ventende):
                self.luk(sokkel)
            self.vaelger.close()
        return None

    def en_runde(self, ventetid):
        try:
            klar = self.vaelger.select(ventetid)
        except InterruptedError:
            return
        for noegle, _ in klar:
            if noegle.data == "pipe":
                os.read(self.PIPE[0], 1)
            elif noegle.data == "lytter":
                self.modtag(noegle.fileobj)
            else:
                self.laes(noegle.fileobj)
            if not self.alive:
                return
        nu = time.monotonic()
        for sokkel, ventende in list(self.ventende.items()):
            if nu > ventende.frist:
                self.log.debug("Forespørgslen kom ikke inden for %d s: %s", FRIST, ventende.adresse)
                self.luk(sokkel)

    def modtag(self, lytter):
        """Én ny forbindelse (som sync: kun når arbejderen ikke regner)."""
        try:
            sokkel, adresse = lytter.accept()
        except OSError as fejl:
            if fejl.errno in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                return
            raise
        util.close_on_exec(sokkel)
        if len(self.ventende) >= MAX_VENTENDE:
            sokkel.close()
            return
        sokkel.setblocking(False)
        self.ventende[sokkel] = Ventende(lytter, adresse, time.monotonic() + FRIST)
        self.vaelger.register(sokkel, selectors.EVENT_READ, "klient")
        self.laes(sokkel)  # en normal klient har allerede sendt det hele

    def laes(self, sokkel):
        ventende = self.ventende[sokkel]
        try:
            bid = sokkel.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self.luk(sokkel)
            return
        if not bid:
            self.luk(sokkel)
            return
        ventende.data += bid
        if komplet(ventende.data):
            self.vaelger.unregister(sokkel)
            del self.ventende[sokkel]
            sokkel.settimeout(SOKKEL_TIMEOUT)
            data = bytes(ventende.data)
            if ventende.fortsaet_sendt:  # gunicorn skal ikke sende "100 Continue" igen
                slut = data.find(b"\r\n\r\n")
                data = EXPECT.sub(b"", data[:slut]) + data[slut:]
            self.handle(ventende.lytter, MedForspring(sokkel, data), ventende.adresse)
        elif not ventende.fortsaet_sendt and self.vil_fortsaette(ventende.data):
            # Klienten (fx curl med en stor krop) venter på "100 Continue", før den sender kroppen.
            ventende.fortsaet_sendt = True
            try:
                sokkel.send(b"HTTP/1.1 100 Continue\r\n\r\n")
            except OSError:
                self.luk(sokkel)

    @staticmethod
    def vil_fortsaette(data):
        slut = data.find(b"\r\n\r\n")
        return slut >= 0 and EXPECT.search(b"\r\n" + bytes(data[: slut + 2])) is not None

    def luk(self, sokkel):
        self.ventende.pop(sokkel, None)
        try:
            self.vaelger.unregister(sokkel)
        except (KeyError, ValueError):
            pass
        sokkel.close()
