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
    samlet, antal = [], 0
    for blok in befolkning:
        if samlet and (antal + blok.antal_personer > bid_personer or not _kan_samles(samlet[0], blok)):
            yield _saml(samlet).i_aaret(aar)
            samlet, antal = [], 0
        samlet.append(blok)
        antal += blok.antal_personer
    if samlet:
        yield _saml(samlet).i_aaret(aar)


def _kan_samles(a, b):
    return (
        a.aar == b.aar
        and a.personer.keys() == b.personer.keys()
        and a.personer_maaned.keys() == b.personer_maaned.keys()
        and a.virksomheder.keys() == b.virksomheder.keys()
    )


def _saml(blokke):
    return blokke[0] if len(blokke) == 1 else Befolkning.saml(blokke)
