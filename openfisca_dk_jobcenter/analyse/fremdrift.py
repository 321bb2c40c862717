"""En fremdriftslinje på stderr for kørsler, der tager mere end et par sekunder."""

import sys
import time

VENT_SEKUNDER = 2.0


class Fremdrift:
    def __init__(self, total, enhed="personer", stroem=None):
        self.total = max(int(total), 1)
        self.enhed = enhed
        self.stroem = stroem or sys.stderr
        self.start = time.monotonic()
        self.faerdig = 0
        self.sidst = 0.0
        self.sidste_tiendedel = -1
        self.vist = False

    def __call__(self, antal):
        self.faerdig += antal
        nu = time.monotonic()
        if nu - self.start < VENT_SEKUNDER:
            return
        andel = min(self.faerdig / self.total, 1.0)
        if self.stroem.isatty():
            if nu - self.sidst < 0.25 and andel < 1:
                return
            self.stroem.write("\r" + self._linje(andel, nu))
        else:
            tiendedel = int(andel * 10)
            if tiendedel == self.sidste_tiendedel:
                return
            self.sidste_tiendedel = tiendedel
            self.stroem.write(self._linje(andel, nu) + "\n")
        self.stroem.flush()
        self.sidst = nu
        self.vist = True

    def _linje(self, andel, nu):
        fyldt = int(andel * 30)
        brugt = nu - self.start
        rest = brugt / andel - brugt if andel > 0 else 0
        antal = f"{self.faerdig:,}/{self.total:,}".replace(",", ".")
        return f"[{'#' * fyldt}{'-' * (30 - fyldt)}] {andel:4.0%} {antal} {self.enhed}  {brugt:4.0f} s (ca. {rest:.0f} s tilbage)"

    def slut(self):
        if self.vist and self.stroem.isatty():
            self.stroem.write("\n")
            self.stroem.flush()
