"""Hver variabels og hver parameters `reference` er en http(s)-adresse (issue 23).

Web-API'ets klienter, også OpenFisca's legislation explorer, viser en reference som et link; en
tekst som "LAB kap. 23, §§ 154-160" bliver et link, der ikke fører nogen steder. Paragraffens ord
(stk., nr., "før 2020") står i variablens `documentation` under "Hjemmel", som i
openfisca-country-template.
"""

import re

import pytest

from openfisca_dk_jobcenter.model import kilder
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre

URL = re.compile(r"https?://[^\s]+")


def som_liste(reference):
    return list(reference) if isinstance(reference, list | tuple) else [reference]


def ikke_url(reference):
    """De dele af en reference (tekst eller {title, href}), der ikke er en adresse."""
    ud = []
    for r in som_liste(reference):
        href = r.get("href") if isinstance(r, dict) else r
        if not (isinstance(href, str) and URL.fullmatch(href)):
            ud.append(r)
    return ud


def test_hver_variabels_reference_er_en_url(tbs):
    forkerte = {navn: ikke_url(v.reference) for navn, v in tbs.variables.items() if ikke_url(v.reference)}
    assert forkerte == {}


def test_hver_parameters_reference_er_en_url(tbs):
    forkerte = {}
    for node in list(alle_parametre(tbs.parameters)) + _grupper(tbs.parameters):
        reference = node.metadata.get("reference")
        if reference is not None and ikke_url(reference):
            forkerte[node.name] = ikke_url(reference)
    assert forkerte == {}


def _grupper(node):
    ud = []
    for barn in getattr(node, "children", {}).values():
        if hasattr(barn, "children"):
            ud.append(barn)
            ud += _grupper(barn)
    return ud


@pytest.mark.parametrize("reference", ["LAB § 155", ["https://star.dk/", "LAB kap. 23, §§ 154-160"],
                                       [{"title": "LAB § 159", "href": "§ 159"}], "star.dk/side"])
def test_tjekket_finder_en_tekst(reference):
    assert ikke_url(reference)


def test_en_paragraf_er_elov_dks_side_for_den():
    assert kilder.lab(155) == "https://www.elov.dk/lov-om-en-aktiv-beskaeftigelsesindsats/paragraf/155/"
    assert kilder.lab_kapitel(23) == "https://www.elov.dk/lov-om-en-aktiv-beskaeftigelsesindsats/kapitel/23/"
    assert kilder.lab_2016(51) == "https://www.elov.dk/beskaeftigelsesindsatsloven/paragraf/51/"


def test_paragraffens_ord_staar_i_dokumentationen(tbs):
    """Stk. og nr. kan ikke stå i adressen; de står i dokumentationen (LAB § 151, stk. 2: vikariatets
    længste varighed; § 150, stk. 1, nr. 1: den ansattes uddannelse)."""
    v = tbs.variables["jobrotation_vikar_max_maaneder"]
    assert kilder.lab(151) in v.reference
    assert "Hjemmel: LAB § 151, stk. 2." in v.documentation
    assert "§ 150, stk. 1, nr. 1" in tbs.variables["har_foraeldet_uddannelse"].documentation


def test_voksenlaerlingens_betingelser_naevner_paragraffen(tbs):
    """LAB § 155 (personen), § 158 (ansøgning senest 1 måned efter), § 159 (satserne)."""
    assert kilder.lab(155) in tbs.variables["voksenlaerling_opfylder_alderskrav"].reference
    assert kilder.lab(158) in tbs.variables["voksenlaerling_ansoegt_rettidigt"].reference
    assert kilder.lab(159) in tbs.variables["voksenlaerling_timesats"].reference


def test_en_parameterkilde_der_naevner_en_paragraf_linker_til_paragraffen(tbs):
    """En kilde med titlen "LAB … § 69, stk. 3, nr. 2" linker til § 69's side, ikke til kapitlet."""
    forkerte = []
    for p in alle_parametre(tbs.parameters):
        for r in som_liste(p.metadata.get("reference") or []):
            if not isinstance(r, dict) or "§§" in r.get("title", "") or "kap." in r.get("title", ""):
                continue
            numre = set(re.findall(r"§ (\d+)", r.get("title", "")))
            if len(numre) == 1 and "elov.dk" in r.get("href", "") and "/kapitel/" in r["href"]:
                forkerte.append((p.name, r["title"], r["href"]))
    assert forkerte == []
    (kilde,) = [r for r in tbs.parameters.loentilskud.ledighedskrav.undtaget_over_alder.metadata["reference"]
                if "§ 69" in r["title"]]
    assert kilde["href"] == kilder.lab(69)
