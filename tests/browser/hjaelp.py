"""Hjælp til browsertestene: vent på svaret, læs formularen, byg den samme situation i Python.

Situationen bygges her uafhængigt af sidens JavaScript ud fra felternes værdier, som brugeren ser
dem, så testen viser, at siden viser det, /calculate svarer for den samme sag.
"""

import re


def vent(side):
    # En vælger, ikke wait_for_function: den evaluerer en tekst (eval), som sidernes CSP forbyder.
    side.wait_for_selector('body[data-travl="0"]', state="attached", timeout=60000)


def kr_tekst(beloeb):
    """Som sidens kr(): dansk tusindtalsskille og to decimaler, '7.200,00 kr.'."""
    tekst = f"{float(beloeb):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{tekst} kr."


def felter(side):
    return side.eval_on_selector_all(
        "form [data-variabel]",
        # Et dato- eller månedsfelt viser dansk tekst (17-05-1984); værdien til API'et står i data-iso.
        "els => els.map(e => ({sti: e.dataset.sti, variabel: e.dataset.variabel,"
        " vaerdi: e.type === 'checkbox' ? e.checked : e.dataset.tid ? (e.dataset.iso || e.value) : e.value}))",
    )


def specs(register):
    alle = {}
    for gruppe in ("personfelter", "arbejdsgiverfelter", "medarbejder", "vikar", "projekt"):
        for f in register.get(gruppe, []):
            alle[f["navn"]] = f
    for o in register.get("ordninger", []):
        for f in o["felter"]:
            alle[f["navn"]] = f
    return alle


def api_vaerdi(spec, vaerdi):
    if spec["type"] == "bool":
        return bool(vaerdi)
    tekst = str(vaerdi).strip()
    if tekst == "":
        return None
    if spec["type"] in ("tal", "heltal") and re.fullmatch(r"-?\d+([.,]\d+)?", tekst):
        return float(tekst.replace(",", "."))
    return tekst


def maaneder(fra, antal):
    aar, md = map(int, fra.split("-"))
    ud = []
    for _ in range(antal):
        ud.append(f"{aar}-{md:02d}")
        md += 1
        if md > 12:
            aar, md = aar + 1, 1
    return ud


def situation(inputs, alle_specs, perioder):
    personer, virksomhed = {}, {"ansatte": []}
    for i in inputs:
        entitet, ident, navn = i["sti"].split("/")
        spec = alle_specs[navn]
        if entitet == "personer":
            if ident not in personer:
                personer[ident] = {}
                virksomhed["ansatte"].append(ident)
            maal = personer[ident]
        else:
            maal = virksomhed
        vaerdi = api_vaerdi(spec, i["vaerdi"])
        if vaerdi is None:
            continue
        maal[navn] = {"ETERNITY": vaerdi} if spec["periode"] == "eternity" else {m: vaerdi for m in perioder}
    return {"personer": personer, "virksomheder": {"v": virksomhed}}


def spoerg(situation_, entitet, ident, navn, perioder):
    maal = situation_["virksomheder"]["v"] if entitet == "virksomhed" else situation_["personer"][ident]
    maal[navn] = {m: None for m in perioder}


def svar(resultat, entitet, ident, navn):
    return resultat["virksomheder"]["v"][navn] if entitet == "virksomhed" else resultat["personer"][ident][navn]
