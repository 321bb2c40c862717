"""Id'er, der er tal ("100000000"), når aldrig openfisca-core: kernen bygger en fejl som en liste.

openfisca-core 46's `SituationParsingError` lægger beskeden ind med `dpath.new` på stien
`personer/<id>/<variabel>/<periode>`, og dpath gør et led, der er et tal (`str.isdecimal()`), til
et listeindeks: id'et 100000000 giver en liste med 100.000.001 null — et svar på 500 MB og en
arbejder på 2,5 GB for en forespørgsel på 121 bytes. Værnet fanger de fejl, det kender, før
kernen (validering.py); for alle andre får kernen id'et skrevet om (`id_100000000`, gjort
entydigt), og svaret skrives tilbage, før klienten ser det. Klienten ser kun sine egne id'er.

Perioder er også tal ("2026"), men år ligger i 1800-2200 (validering.py): højst 2.201 led, og
`kompakt_fejl` gør sådan en liste til et objekt {"2026": besked} igen.
"""

PRAEFIKS = "id_"


def uden_tal_id(situation, entiteter):
    """Omskriv id'er, der er tal, i `situation` (på stedet); {nyt id: klientens id}, tom hvis ingen.

    `entiteter`: {flertal: roller (nøglerne med medlemmer)} for situationens entiteter."""
    alle = {id_ for flertal in entiteter for id_ in (situation.get(flertal) or {})}
    tal = sorted(id_ for id_ in alle if id_.isdecimal())
    if not tal:
        return {}
    nye = {}
    for id_ in tal:
        kandidat = PRAEFIKS + id_
        while kandidat in alle:
            kandidat = "_" + kandidat
        alle.add(kandidat)
        nye[id_] = kandidat
    for flertal, roller in entiteter.items():
        instanser = situation.get(flertal)
        if not instanser:
            continue
        situation[flertal] = {nye.get(id_, id_): instans for id_, instans in instanser.items()}
        for instans in situation[flertal].values():
            for rolle in roller:
                medlemmer = instans.get(rolle)
                if isinstance(medlemmer, str):
                    instans[rolle] = nye.get(medlemmer, medlemmer)
                elif isinstance(medlemmer, list):
                    instans[rolle] = [nye.get(m, m) for m in medlemmer]
    return {ny: gammel for gammel, ny in nye.items()}


def tilbage(data, tilbage_til):
    """Svaret med klientens id'er igen: nøgler og tekster i lister, der er omskrevne id'er."""
    if isinstance(data, dict):
        return {tilbage_til.get(n, n): tilbage(v, tilbage_til) for n, v in data.items()}
    if isinstance(data, list):
        return [tilbage_til.get(v, v) if isinstance(v, str) else tilbage(v, tilbage_til) for v in data]
    return data


def kompakt_fejl(data):
    """Kernens fejlsvar med lister af null (et periodeled som indeks) som objekter {indeks: værdi}."""
    if isinstance(data, dict):
        return {n: kompakt_fejl(v) for n, v in data.items()}
    if isinstance(data, list) and None in data:
        return {str(i): kompakt_fejl(v) for i, v in enumerate(data) if v is not None}
    return data
