"""docs/validering.md er sand: tabellen regnes igen fra modellen og sammenlignes med filen, og
hver afvigelse over 15 % har sin forklaring."""

import re

from openfisca_dk_jobcenter.analyse import deltagelsesfaktorer as kalibrer
from openfisca_dk_jobcenter.analyse import publicerede_tal as validering


def test_valideringstabellen_i_docs_er_modellens():
    beregnet = validering.dokument(validering.tabel())
    assert beregnet == kalibrer.tabel_i_doc(), (
        "docs/validering.md er ikke modellens tal; kør python -m openfisca_dk_jobcenter.analyse.deltagelsesfaktorer --kun-doc "
        "(eller uden --kun-doc for at kalibrere igen) og forklar nye afvigelser over 15 %"
    )


def test_hver_afvigelse_over_15_procent_er_forklaret():
    tekst = kalibrer.DOC.read_text(encoding="utf-8")
    forklaringer = tekst.split("## Forklaring af afvigelser over 15 %", 1)[1]
    forklaret = set(re.findall(r"\*\*([^*]+?) (\d{4})\*\*", forklaringer))
    raekker = [r for r in _raekker() if len(r) == 10]
    over = set()
    for r in raekker:
        afvigelse = r[6].strip()
        if afvigelse != "—" and abs(float(afvigelse.replace("%", "").replace(",", ".").replace("+", ""))) > 15:
            over.add((r[0].strip(), r[1].strip()))
    assert over, "tabellen bør have mindst én publiceret sammenligning"
    assert over <= forklaret, f"uforklarede afvigelser over 15 %: {sorted(over - forklaret)}"


def _raekker():
    """Valideringstabellens rækker (den første tabel i blokken)."""
    linjer = kalibrer.tabel_i_doc().split("\n\n", 1)[0].splitlines()[2:]
    return [[felt.strip() for felt in linje.split("|")[1:-1]] for linje in linjer]


def _procent(tekst):
    return float(tekst.replace("%", "").replace(",", ".").replace("+", ""))


def test_kalibrerede_tal_rammes_inden_for_10_procent():
    """Kalibreringen virker: hvert tal, befolkningen er kalibreret til, rammes (tabellen er
    modellens, jf. den første test)."""
    kalibreret = [r for r in _raekker() if r[7] == "ja"]
    assert len(kalibreret) == sum(p.kalibrer for p in validering.PUBLICEREDE)
    for r in kalibreret:
        assert abs(_procent(r[6])) < 10, r


def test_publicerede_tal_har_kilde_og_kildegrad():
    for p in validering.PUBLICEREDE:
        assert p.kilde.startswith("https://"), p
        assert p.kildegrad in ("verificeret", "sekundaer", "antaget"), p
        assert p.aar in validering.AAR and p.vaerdi > 0, p
