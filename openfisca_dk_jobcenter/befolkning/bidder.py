"""En befolkning kørt bid for bid: hele virksomheder pr. bid, så hukommelsen følger bidden og
ikke befolkningen, og totalerne er de samme som ved én samlet kørsel.

Bidstørrelsen hedder ét sted `bid_personer` (kommandoens `--bid`, standard `BID_PERSONER`).
"""

from openfisca_dk_jobcenter.befolkning.model import Befolkning

# OpenFiscas faste omkostning pr. variabel og måned fordeles på flere personer (50.000 → 200.000:
# ca. 15 % hurtigere), og cachen holder én måned ad gangen (ca. 1 KB pr. person i bidden).
BID_PERSONER = 200_000


def bidder(befolkning, bid_personer=BID_PERSONER, aar=None):
    """Befolkningen som bidder med hele virksomheder, simuleret i `aar` (standard: befolkningens).

    En `Befolkning` deles i bidder på højst ca. `bid_personer` personer; blokke fra en iterator
    (fx `syntetiske_blokke`) lægges sammen, til en bid ville blive større end `bid_personer`.
    Kalderens befolkning ændres ikke.
    """
    if isinstance(befolkning, Befolkning):
        for bid in befolkning.opdel(bid_personer):
            yield bid.i_aaret(aar)
        return
    samler = Samler(bid_personer)
    for blok in befolkning:
        for bid in samler.tilfoej(blok):
            yield bid.i_aaret(aar)
    for bid in samler.rest():
        yield bid.i_aaret(aar)


class Samler:
    """Blokke lagt sammen i den rækkefølge, de kommer, til bidder på højst ca. `bid_personer`:
    en bid er færdig, når den næste blok ville gøre den større (eller ikke kan lægges til, fx et
    andet år). `tilfoej` giver de bidder, blokken gjorde færdige, og `rest` den sidste; en blok,
    der er lagt i en bid, holdes ikke længere."""

    def __init__(self, bid_personer):
        self.bid_personer = bid_personer
        self._samlet, self._antal = [], 0

    def tilfoej(self, blok):
        faerdige = []
        if self._samlet and (self._antal + blok.antal_personer > self.bid_personer or not _kan_samles(self._samlet[0], blok)):
            faerdige = self.rest()
        self._samlet.append(blok)
        self._antal += blok.antal_personer
        return faerdige

    def rest(self):
        faerdige = [_saml(self._samlet)] if self._samlet else []
        self._samlet, self._antal = [], 0
        return faerdige


def _kan_samles(a, b):
    return (
        a.aar == b.aar
        and a.personer.keys() == b.personer.keys()
        and a.personer_maaned.keys() == b.personer_maaned.keys()
        and a.virksomheder.keys() == b.virksomheder.keys()
    )


def _saml(blokke):
    return blokke[0] if len(blokke) == 1 else Befolkning.saml(blokke)
