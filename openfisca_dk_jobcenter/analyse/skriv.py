"""Skriv resultatfilerne. Hele sættet skrives i en midlertidig mappe, der byttes ind i ét greb
(`atomisk.atomisk_mappe`), så en fejl undervejs aldrig efterlader en halvt skrevet fil i `--ud`:
filerne her skrives derfor direkte i den mappe, de får.
"""


def skriv_csv(ramme, sti):
    ramme.to_csv(sti, index=False, encoding="utf-8")


def skriv_tekst(tekst, sti):
    sti.write_text(tekst, encoding="utf-8")
