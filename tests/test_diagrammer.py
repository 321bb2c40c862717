"""Diagrammerne til et ministerielt notat: dansk talformat, aksen fra 0, fejlstreger, kildelinje
og en note ved en ordning, reformen afskaffer, eller som hviler på for få rækker."""

import pandas
from matplotlib import pyplot

from openfisca_dk_jobcenter.analyse import diagrammer

KOERSEL = {"aar": 2026, "befolkning": "syntetisk (seed 7)", "raekker": 100_000, "vaegtede_personer": 3_034_000,
           "replikatgrupper": 30}


def tabel():
    raekker = []
    for reform, jobrotation in (("Grundlag", 10.3e6), ("Afskaffet", 0.0)):
        for ordning, kr, raekker_ in (("Voksenlærling", 833e6, 570), ("Jobrotation", 10.3e6, 12)):
            r_kr = jobrotation if ordning == "Jobrotation" else kr
            raekker.append({"reform": reform, "ordning": ordning, "grundlag_kr": kr, "reform_kr": r_kr, "forskel_kr": r_kr - kr,
                            "grundlag_kr_95_nedre": kr * 0.9, "grundlag_kr_95_oevre": kr * 1.1,
                            "reform_kr_95_nedre": r_kr * 0.9, "reform_kr_95_oevre": r_kr * 1.1,
                            "modtagere_grundlag": 1, "modtagere_reform": 1, "raekker_grundlag": raekker_,
                            "raekker_reform": raekker_ if r_kr else 0})
    return pandas.DataFrame(raekker)


def test_dansk_talformat():
    assert diagrammer.dansk(1234567.8, 1) == "1.234.567,8" and diagrammer.dansk(959.14, 1) == "959,1"


def test_kildelinje_uden_seed():
    linje = diagrammer.kildelinje(KOERSEL)
    assert "openfisca-dk-jobcenter" in linje and "regler i kraft i 2026" in linje and "100.000 rækker" in linje
    assert "seed" not in linje and "trækning 7" in linje and "seed" not in diagrammer.undertitel(KOERSEL)


def test_afskaffet_ordning_og_faa_raekker_noteres(tmp_path, monkeypatch):
    tekster = []
    original = pyplot.Axes.text

    def husk(self, x, y, s, *a, **k):
        tekster.append(s)
        return original(self, x, y, s, *a, **k)

    monkeypatch.setattr(pyplot.Axes, "text", husk)
    sti = tmp_path / "udgift.png"
    diagrammer.udgift_pr_ordning(tabel(), sti, KOERSEL)
    assert sti.read_bytes()[:4] == b"\x89PNG"
    noter = "\n".join(tekster)
    assert "afskaffet i reformen" in noter and "få rækker (12)" in noter and "833,0" in noter


def test_diagrammet_er_det_samme_med_brugerens_autolayout(tmp_path):
    # Diagrammet lægges ud én gang (tight_layout med plads til kildelinjen) og tegnes én gang; en
    # bruger med `figure.autolayout` eller `constrained_layout` i sin matplotlibrc får samme billede
    # (før: en ny layoutmotor ved gemningen, der fjernede pladsen til kildelinjen).
    import warnings

    import matplotlib

    diagrammer.udgift_pr_ordning(tabel(), tmp_path / "standard.png", KOERSEL)
    for indstilling in ("figure.autolayout", "figure.constrained_layout.use"):
        with matplotlib.rc_context({indstilling: True}), warnings.catch_warnings():
            warnings.simplefilter("error")  # heller ingen advarsel om et skiftet layout
            diagrammer.udgift_pr_ordning(tabel(), tmp_path / "bruger.png", KOERSEL)
        assert (tmp_path / "bruger.png").read_bytes() == (tmp_path / "standard.png").read_bytes(), indstilling
