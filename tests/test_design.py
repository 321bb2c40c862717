"""Den syntetiske befolknings lagdelte design (befolkning/design.py): faste antal pr. lag, vægte,
der summer til arbejdsstyrken, samme forventning som en jævn stikprøve, og en blok, der laves ens
alene og i rækken af blokke."""

import numpy
import pytest

from openfisca_dk_jobcenter.analyse import grundlag, sammenlign
from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import arbejdsstyrke
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.ordninger import jobrotation
from openfisca_dk_jobcenter.befolkning.syntetisk import lav_blok, syntetisk_befolkning, syntetiske_blokke
from openfisca_dk_jobcenter.model.datoer import oplyst

STARTDATOER = {
    "voksenlaerling": "voksenlaerling_aftale_start",
    "loentilskud": "loentilskud_start",
    "opkvalificering": "opkvalificering_ansaettelse_start",
}


def _deltagere(b, noegle):
    return oplyst(b.personer[STARTDATOER[noegle]])


def test_systematisk_udvaelgelse_giver_fast_antal_ogsaa_pr_gruppe():
    rng = numpy.random.default_rng(1)
    p = rng.uniform(0, 0.3, size=3_000)
    grupper = rng.integers(0, 30, size=3_000)
    orden = design.efter_gruppe(grupper)
    for start in range(20):
        valgt = design.systematisk(numpy.random.default_rng(start), p, orden)
        assert numpy.floor(p.sum()) <= valgt.sum() <= numpy.ceil(p.sum())
        forventet = numpy.bincount(grupper, p, 30)
        assert numpy.all(numpy.abs(numpy.bincount(grupper, valgt, 30) - forventet) < 2)


def test_systematisk_udvaelgelse_vaelger_hver_raekke_med_sin_sandsynlighed():
    p = numpy.array([0.05, 0.5, 0.95, 0.3, 0.2])
    valgt = numpy.mean([design.systematisk(numpy.random.default_rng(s), p) for s in range(4_000)], axis=0)
    numpy.testing.assert_allclose(valgt, p, atol=0.03)


def test_rang_i_gruppe_er_lexsorts_rang_ogsaa_for_et_udsnit():
    # Rangen inden for hver gruppe (virksomhed, replikatgruppe) efter en nøgle med lige værdier og
    # uendelig (ikke med): den samme som numpy.lexsort giver; med `hvem` kun blandt dem, -1 ellers.
    rng = numpy.random.default_rng(3)
    for grupper in (numpy.sort(rng.integers(0, 400, 5_000)), rng.integers(0, 30, 5_000), rng.integers(0, 70_000, 5_000)):
        noegler = numpy.where(rng.random(5_000) < 0.3, numpy.inf, rng.integers(0, 50, 5_000).astype(float))
        orden = numpy.lexsort((noegler, grupper))
        forventet = numpy.empty(5_000, dtype=numpy.int64)
        foerste = {}
        for plads, raekke in enumerate(orden):
            foerste.setdefault(grupper[raekke], plads)
            forventet[raekke] = plads - foerste[grupper[raekke]]
        assert numpy.array_equal(design.rang_i_gruppe(grupper, noegler), forventet)
        hvem = numpy.isin(grupper, numpy.unique(grupper)[::3])  # hele grupper, som hos en arbejdsgiver
        assert numpy.array_equal(design.rang_i_gruppe(grupper, noegler, hvem), numpy.where(hvem, forventet, -1))
    assert design.rang_i_gruppe(numpy.zeros(0, dtype=int), numpy.zeros(0)).size == 0


def test_systematisk_udvaelgelse_uden_raekkerne_med_sandsynlighed_0_vaelger_de_samme():
    # Udvælgelsen blandt de mulige rækker (design._lagorden) springer rækker med p = 0 over: de
    # flytter ingen skridt, så de samme rækker vælges som med alle rækker i samme orden.
    rng = numpy.random.default_rng(4)
    p = numpy.where(rng.random(4_000) < 0.5, 0.0, rng.uniform(0, 0.4, 4_000))
    orden = rng.permutation(4_000)
    mulige = orden[p[orden] > 0]
    for start in range(10):
        assert numpy.array_equal(design.systematisk(numpy.random.default_rng(start), p, orden),
                                 design.systematisk(numpy.random.default_rng(start), p, mulige))


def test_vaegtene_summer_til_arbejdsstyrken_og_er_mindst_hvor_ordningerne_er():
    b = syntetisk_befolkning(20_000, seed=4, aar=2026)
    assert b.vaegtede_personer == pytest.approx(arbejdsstyrke(2026).vaerdi)
    jaevn = arbejdsstyrke(2026).vaerdi / 20_000
    # Ordningernes deltagere står for færre personer pr. række end i en jævn stikprøve, de
    # beskæftigede uden ordning for flere.
    for noegle in STARTDATOER:
        assert numpy.median(b.vaegte[_deltagere(b, noegle)]) < jaevn / 10, noegle
    uden = b.personer["maalgruppe"] == "beskaeftiget"
    for noegle in STARTDATOER:
        uden &= ~_deltagere(b, noegle)
    assert numpy.median(b.vaegte[uden]) > jaevn
    # Virksomhederne er alle med: deres vægt er den jævne stikprøves (jobrotationens januarstart
    # undtaget), og de summer til antallet af virksomheder gange den.
    assert numpy.median(b.virksomhedsvaegte) == pytest.approx(jaevn)


def test_lagenes_antal_og_vaegtede_antal_svinger_ikke_med_traekningen():
    raekker, personer = {k: [] for k in STARTDATOER}, {k: [] for k in STARTDATOER}
    jaevn = arbejdsstyrke(2026).vaerdi / 20_000
    for seed in (1, 2, 3, 4):
        b = syntetisk_befolkning(20_000, seed=seed, aar=2026)
        for k in STARTDATOER:
            # Lagets rækker; løntilskud i kombinationen med jobrotation (én ansættelse pr.
            # arbejdsgiver, med arbejdsgiverens vægt) er en hændelse hos arbejdsgiveren, ikke laget.
            lag = _deltagere(b, k) & (b.vaegte < jaevn / 2)
            raekker[k].append(int(lag.sum()))
            personer[k].append(float(b.vaegte[lag].sum()))
    for k in STARTDATOER:
        # Et binomialfordelt antal ville svinge med ca. 1/√antal (voksenlærlinge ca. 7 %
        # mellem mindste og største ved 20.000 rækker i en jævn stikprøve); her er det fast.
        assert (max(personer[k]) - min(personer[k])) / numpy.mean(personer[k]) < 0.01, (k, personer[k])
        assert (max(raekker[k]) - min(raekker[k])) / numpy.mean(raekker[k]) < 0.01, (k, raekker[k])


def _jaevn_stikproeve(monkeypatch):
    """Designet slået fra: alle lag med en jævn stikprøves rækkevægt (faktor 1 for alle)."""
    monkeypatch.setattr(design, "LEDIGE_OVERREPRAESENTATION", 1.0)
    monkeypatch.setattr(design, "RAEKKEVAEGT", {})
    monkeypatch.setattr(jobrotation, "JANUAR_I_DESIGN", 1 / 12)


def _vaegtede_totaler(seeds, antal):
    """Vægtede antal og input-totaler, ordningernes kroner bygger på, middel over `seeds`."""
    ud = []
    for seed in seeds:
        b = syntetisk_befolkning(antal, seed=seed, aar=2026)
        w = b.vaegte
        ud.append({
            **{f"{k} personer": w[_deltagere(b, k)].sum() for k in STARTDATOER},
            "ledige": w[b.personer["maalgruppe"] != "beskaeftiget"].sum(),
            "praktiktimer": w @ b.personer_maaned["voksenlaerling_praktiktimer"].sum(axis=0),
            "loentilskudstimer": w @ b.personer_maaned["loentilskud_timer"].sum(axis=0),
            "kursusudgift": w @ b.personer["opkvalificering_kursusudgift"],
            "virksomheder": b.virksomhedsvaegte.sum(),
        })
    return {k: numpy.mean([u[k] for u in ud]) for k in ud[0]}


def test_forventningen_er_den_jaevne_stikproeves(monkeypatch):
    """Designet flytter rækker, ikke forventninger: de vægtede totaler er (inden for den jævne
    stikprøves egen tilfældighed, middel af 8 trækninger à 40.000 rækker) de samme."""
    lagdelt = _vaegtede_totaler(range(1, 4), 40_000)
    _jaevn_stikproeve(monkeypatch)
    jaevn = _vaegtede_totaler(range(1, 9), 40_000)
    # Tolerancen er ca. 3 standardfejl for den jævne stikprøves middel (opkvalificering har ca.
    # 35 deltagere pr. trækning).
    tolerance = {"voksenlaerling personer": 0.04, "loentilskud personer": 0.06, "opkvalificering personer": 0.12,
                 "ledige": 0.01, "praktiktimer": 0.04, "loentilskudstimer": 0.07, "kursusudgift": 0.15,
                 "virksomheder": 0.05}
    for k, tol in tolerance.items():
        assert lagdelt[k] == pytest.approx(jaevn[k], rel=tol), k


def test_en_blok_laves_ens_alene_og_i_raekken_af_blokke():
    antal = 9_000
    blokke = list(syntetiske_blokke(antal, seed=6, blok_personer=4_000))
    alene = lav_blok(1_000, 6, 2, 2026)  # den sidste blok (8.000-8.999), lavet uden de andre
    numpy.testing.assert_allclose(blokke[2].vaegt, alene.vaegt * arbejdsstyrke(2026).vaerdi / antal, rtol=1e-12)
    assert numpy.array_equal(blokke[2].gruppe, alene.gruppe)
    assert numpy.array_equal(blokke[2].personer["maalgruppe"], alene.personer["maalgruppe"])
    samlet = Befolkning.saml(blokke)
    assert samlet.vaegtede_personer == pytest.approx(arbejdsstyrke(2026).vaerdi)


def test_jobrotationens_overgang_2026_er_aldrig_0():
    """Ordningen er afskaffet for nye vikariater fra 1. februar 2026 (lov nr. 1750 af 29.
    december 2025): kun projekter, der starter i januar, giver udgift i 2026. Designet trækker
    halvdelen af projekterne som januarprojekter (med tilsvarende mindre vægt), og antallet af
    projekter er fast, så standardkørslen (100.000 rækker) altid har januarprojekter."""
    g = grundlag()
    for seed in (1, 2, 3):
        jr = sammenlign({}, syntetiske_blokke(100_000, seed=seed), grundlag=g, aar=2026).pr_ordning.set_index("ordning")
        assert jr.loc["Jobrotation", "grundlag_kr"] > 0, seed
