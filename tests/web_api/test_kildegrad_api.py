"""Issue 12: web-API'et viser kildegraden med hver værdi (`GET /parameter/<id>`), og /trace's
parametre kan slås op til den (`kildegrader`). Forventningerne læses direkte af parametrenes
YAML-filer (ikke gennem modellen), så testen fanger et forkert opslag."""

import copy
from pathlib import Path

import pytest

from openfisca_dk_jobcenter.model.yamlfil import laes_yaml
from openfisca_dk_jobcenter.situation_examples import situation

PARAMETRE = Path(__file__).resolve().parents[2] / "openfisca_dk_jobcenter" / "parameters"


def fil_grader(parameter_id):
    """{start: kildegrad} fra parameterens YAML (en fil pr. parameter, eller en knude i en fil)."""
    led = parameter_id.split(".")
    for i in range(len(led), 0, -1):
        fil = PARAMETRE.joinpath(*led[:i]).with_suffix(".yaml")
        if fil.exists():
            node = laes_yaml(fil.read_text(encoding="utf-8"))
            for navn in led[i:]:
                node = node[navn]
            return {str(d): v["metadata"]["kildegrad"] for d, v in node["values"].items()}
    raise AssertionError(f"ingen fil til {parameter_id}")


def i_kraft(grader, dato):
    """Graden af den seneste værdi, hvis start er ≤ datoen."""
    return grader[max(d for d in grader if d <= dato)]


def test_parameter_viser_kildegraden_pr_dato(server):
    """Løntilskud, privat sats: 2015 bm.dk (verificeret), 2017 Albertslund (sekundær), 2020 ikke
    fundet og videreført (antaget); `values` er uændret {dato: tal}."""
    status, _, svar = server.kald("GET", "/parameter/loentilskud.privat.timesats")
    assert status == 200, svar
    assert svar["kildegrad"] == fil_grader("loentilskud.privat.timesats")
    assert svar["kildegrad"]["2015-01-01"] == "verificeret"
    assert svar["kildegrad"]["2017-01-01"] == "sekundaer"
    assert svar["kildegrad"]["2020-01-01"] == "antaget"
    assert svar["values"]["2020-01-01"] == pytest.approx(79.68)
    assert all(isinstance(v, (int, float)) for v in svar["values"].values())
    assert set(svar["kildegrad"]) == set(svar["values"])
    assert "bm.dk" in svar["vaerdikilder"]["2015-01-01"]


def test_gammel_sti_og_gruppe(server):
    """Kernens ældre sti med '/' får også graderne; en gruppe (subparams) får ingen."""
    _, _, svar = server.kald("GET", "/parameter/loentilskud/privat/timesats")
    assert svar["kildegrad"]["2020-01-01"] == "antaget"
    status, _, gruppe = server.kald("GET", "/parameter/loentilskud")
    assert status == 200 and "subparams" in gruppe and "kildegrad" not in gruppe


@pytest.mark.parametrize(("maaned", "grad"), [("2023-03", "sekundaer"), ("2026-03", "antaget")])
def test_trace_kildegrad_er_filens_i_kraft(server, maaned, grad):
    """Privat sats: 2023 fra Helsingør Kommune (sekundær); 2026 ikke fundet, 2023-satsen
    videreført (antaget). Hver nøgle i `kildegrader` er filens grad for værdien i kraft."""
    s = copy.deepcopy(situation("loentilskud"))
    eva = s["personer"]["eva"]
    for navn, vaerdier in list(eva.items()):
        if "2023-03" in vaerdier:
            eva[navn] = {maaned: vaerdier["2023-03"]}
    eva["loentilskud_start"] = {"ETERNITY": f"{maaned[:4]}-01-01"}
    s["virksomheder"]["v"]["sektor"] = {maaned: "privat"}
    status, _, svar = server.kald("POST", "/trace", s)
    assert status == 200, svar
    noegle = f"loentilskud.privat.timesats<{maaned}-01>"
    sporede = {p for knude in svar["trace"].values() for p in knude.get("parameters") or {}}
    assert noegle in sporede
    assert svar["kildegrader"][noegle] == grad
    assert set(svar["kildegrader"]) == sporede
    for noegle, fundet in svar["kildegrader"].items():
        parameter_id, dato = noegle[:-1].split("<")
        assert fundet == i_kraft(fil_grader(parameter_id), dato), noegle
