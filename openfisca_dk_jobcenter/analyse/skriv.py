"""Skriv resultatfilerne. Hele sættet skrives i en midlertidig mappe, der byttes ind i ét greb
(`atomisk.atomisk_mappe`), så en fejl undervejs aldrig efterlader en halvt skrevet fil i `--ud`:
filerne her skrives derfor direkte i den mappe, de får. En CSV-celle skrives, så et regneark ikke
kan tage den for en formel.
"""

from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype

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
    uden_formler(ramme).to_csv(sti, index=False, encoding="utf-8")


def skriv_tekst(tekst, sti):
    sti.write_text(tekst, encoding="utf-8")
