"""En reform regner kun de ordninger, hvis formler læser en parameter, den ændrer, og genbruger
grundlagets tal for resten (analyse/genbrug.py). Beviset: for en reform af HVER parameter i
modellen giver genbruget præcis de samme tabeller som en fuld genberegning — på
kontrolbefolkningen (benchmarks/kontrolbefolkning.py: grænsetilfælde i voksenlærling og
løntilskud) og på en syntetisk stikprøve med deltagere i alle ordninger (en anden end den,
traceren så)."""

import pytest
from openfisca_core.parameters import Parameter
from openfisca_core.reforms import Reform

from benchmarks.kontrolbefolkning import kontrolbefolkning
from openfisca_dk_jobcenter.analyse import grundlag, reform, sammenlign
from openfisca_dk_jobcenter.analyse.forbehold import _stikproeve
from openfisca_dk_jobcenter.analyse.genbrug import ordninger_at_regne
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning
from openfisca_dk_jobcenter.model.domaener import kontroller_parametervaerdi
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

AAR = 2026
FRA = "2000-01-01"  # ændringen gælder også regler læst på et forløbs første dag før året
# To måneder (før og efter 1. juli, hvor jobrotationens regler skifter i 2026), så testen holder
# sig under et halvt minut; genbruget finder de læste parametre for de samme måneder.
MAANEDER = [1, 7]


def _ny_vaerdi(parameter):
    """En anden gyldig værdi end den i kraft i året (sand/falsk vendes, tal ændres), eller None."""
    gammel = parameter(f"{AAR}-01-01")
    if isinstance(gammel, bool):
        return not gammel
    if isinstance(gammel, int | float):
        for ny in (gammel * 1.5 + 1, gammel * 0.5):
            try:
                kontroller_parametervaerdi(parameter, ny)
            except ValueError:
                continue
            return float(ny)
    return None


@pytest.fixture(scope="module")
def alle_parametre():
    g = grundlag()
    reformer, uden = {}, []
    for p in g.parameters.get_descendants():
        if not isinstance(p, Parameter):
            continue
        ny = _ny_vaerdi(p)
        if ny is None:
            uden.append(p.name)
            continue
        reformer[p.name] = reform(g, {"navn": p.name, "parametre": {p.name: {FRA: ny}}})
    return g, reformer, uden


@pytest.fixture(scope="module")
def befolkninger():
    return {
        "kontrol": kontrolbefolkning(1_000, seed=3, aar=AAR),
        # En anden stikprøve end sammenligningens egen (seed 2026): traceren har ikke set den.
        "syntetisk": _stikproeve(syntetisk_befolkning(20_000, seed=99, aar=AAR), 1_500),
    }


def test_hver_parameter_har_en_reform(alle_parametre):
    g, reformer, uden = alle_parametre
    assert len(reformer) >= 100, uden
    assert len(uden) <= 5, uden  # kun tekstværdier (fx en uddannelse som grænse)


@pytest.mark.parametrize("navn", ["kontrol", "syntetisk"])
def test_genbrug_giver_de_samme_tal_som_fuld_genberegning(alle_parametre, befolkninger, navn):
    g, reformer, _ = alle_parametre
    befolkning = befolkninger[navn]
    genbrugt = sammenlign(reformer, befolkning, grundlag=g, aar=AAR, maaneder=MAANEDER, arbejdere=1, genbrug=True)
    fuld = sammenlign(reformer, befolkning, grundlag=g, aar=AAR, maaneder=MAANEDER, arbejdere=1, genbrug=False)
    assert genbrugt.detaljer.equals(fuld.detaljer)
    assert genbrugt.virksomheder.equals(fuld.virksomheder)
    # Testen kan fejle: mange af reformerne ændrer tallene for mindst én ordning.
    tabel = fuld.pr_ordning
    tabel = tabel[tabel["ordning"] != "I alt"]
    aendret = tabel.loc[(tabel["forskel_kr"] != 0) | (tabel["vindere"] > 0) | (tabel["tabere"] > 0)
                        | (tabel["modtagere_reform"] != tabel["modtagere_grundlag"]), "reform"].nunique()
    assert aendret >= 25, aendret


def test_genbruget_springer_ordninger_over(alle_parametre):
    """En ændring i en ordnings egen mappe regner den ordning (og de ordninger, der læser
    parameteren: løntilskud læser, om timerne giver voksenlærlingetilskud), ikke alle; en fælles
    parameter eller en Python-reform regner alle."""
    g, reformer, _ = alle_parametre
    stikproeve = syntetisk_befolkning(20_000, aar=AAR)
    valgt = ordninger_at_regne(g, reformer, stikproeve, AAR)
    assert valgt["voksenlaerling.timesats.fra_ledighed"] >= {"voksenlaerling", "loentilskud"}
    assert not valgt["voksenlaerling.timesats.fra_ledighed"] & {"jobrotation", "virksomhedspraktik"}
    assert valgt["loentilskud.privat.timesats"] == {"loentilskud"}
    assert valgt["faelles.foraeldet_uddannelse_aar"] is None
    delvise = [n for n, v in valgt.items() if v is not None and len(v) < len(ORDNINGER)]
    assert len(delvise) >= 80, len(delvise)
    # En Python-reform kan ændre formler, ikke kun parametre: alle ordninger regnes.
    python_reform = reform(g, _PythonReform)
    assert ordninger_at_regne(g, {"r": python_reform}, stikproeve, AAR) == {"r": None}
    # En navngiven reform er en reformfil (openfisca_dk_jobcenter/reforms/<navn>.yaml): kun de
    # ordninger, der læser dens parametre (voksenlærlingens satser), regnes.
    navngiven = ordninger_at_regne(g, {"r": reform(g, "hoejere_voksenlaerlingesatser")}, stikproeve, AAR)["r"]
    assert "voksenlaerling" in navngiven and not navngiven & {"jobrotation", "virksomhedspraktik"}


class _PythonReform(Reform):
    def apply(self):
        pass
