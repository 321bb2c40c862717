"""Bidderne regnet i arbejdsprocesser (befolkning/udfoersel.py): samme totaler til øren som i
denne proces, fejl fra en arbejder kommer frem med deres besked, og Ctrl-C stopper alle arbejdere
uden traceback og uden at røre de forrige resultater."""

import functools
import operator
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import psutil
import pytest

from openfisca_dk_jobcenter.analyse import Mikrosimulering, grundlag, reform, sammenlign, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import Koersel, sammenlign_flere
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke
from openfisca_dk_jobcenter.befolkning.udfoersel import (
    SyntetiskBefolkning,
    Udfoerer,
    UdfoerselsFejl,
    antal_arbejdere,
    kerner,
)

ROD = Path(__file__).resolve().parents[1]
REFORMFIL = ROD / "openfisca_dk_jobcenter" / "reforms" / "hoejere_voksenlaerlingesatser.yaml"
# Fire bidder à 3.000 personer: nok til, at to arbejdere deler dem.
BEFOLKNING = SyntetiskBefolkning(12_000, seed=7, aar=2026, blok_personer=3_000)


@pytest.fixture(scope="module")
def to_arbejdere():
    with Udfoerer(arbejdere=2) as u:
        yield u


@pytest.fixture(scope="module")
def systemer():
    g = grundlag()
    reformer = {"fil": reform(g, str(REFORMFIL))}
    reformer.update({navn: system for navn, system, _ in varianter(g, "voksenlaerling.timesats.fra_ledighed=35,50,70", 2026)})
    return g, reformer


def test_to_arbejdere_giver_samme_tal_som_en_til_oeren(systemer, to_arbejdere):
    g, reformer = systemer
    en = sammenlign(reformer, BEFOLKNING, grundlag=g, bid_personer=3_000, arbejdere=1)
    to = sammenlign(reformer, BEFOLKNING, grundlag=g, bid_personer=3_000, udfoerer=to_arbejdere)
    assert to.pr_ordning.equals(en.pr_ordning)
    assert to.detaljer.equals(en.detaljer)
    assert to.virksomheder.equals(en.virksomheder)
    assert to.koersel == en.koersel
    # Reformen gør noget (voksenlærlingesatserne stiger), så ligheden er ikke 0 = 0.
    voksen = en.pr_ordning.query("reform == 'fil' and ordning == 'Voksenlærling'").iloc[0]
    assert voksen["forskel_kr"] > 0
    # 95 %-intervallerne: regnet af summerne pr. replikatgruppe, som hver arbejder sender tilbage
    # med sin bid — de samme til øren med én og to arbejdere, og med en bredde (ikke 0 = 0).
    intervaller = [k for k in en.pr_ordning.columns if k.endswith(("_95_nedre", "_95_oevre"))]
    assert {"grundlag_kr_95_nedre", "reform_kr_95_oevre", "forskel_kr_95_nedre", "forskel_kr_95_oevre",
            "modtagere_grundlag_95_nedre"} <= set(intervaller)
    assert to.pr_ordning[intervaller].equals(en.pr_ordning[intervaller])
    assert to.pr("reform", "ordning", "sektor").equals(en.pr("reform", "ordning", "sektor"))
    assert to.replikater.equals(en.replikater)
    numpy.testing.assert_array_equal(to.gruppevaegte, en.gruppevaegte)
    assert en.koersel["replikatgrupper"] == 30
    assert voksen["forskel_kr_95_nedre"] < voksen["forskel_kr"] < voksen["forskel_kr_95_oevre"]


def test_en_arbejders_bid_har_de_samme_virksomheder_og_replikatgrupper_som_blokkene():
    """En arbejder laver bid nr. 3 uden de tre før den: virksomhederne nummereres alligevel
    fortløbende over hele befolkningen, og rækkerne, designvægtene og replikatgrupperne (sat i
    blokken selv, befolkning/design.py) er de samme som når alle blokke laves i rækkefølge i én
    proces."""
    blokke = list(syntetiske_blokke(12_000, seed=7, blok_personer=3_000))
    for nr, bid in enumerate(BEFOLKNING.bidder(3_000)):
        lavet = bid.lav()
        numpy.testing.assert_array_equal(lavet.virksomhed_id, blokke[nr].virksomhed_id)
        numpy.testing.assert_array_equal(lavet.gruppe, blokke[nr].gruppe)
        numpy.testing.assert_array_equal(lavet.vaegt, blokke[nr].vaegt)
        numpy.testing.assert_array_equal(lavet.virksomhedsvaegte, blokke[nr].virksomhedsvaegte)
        assert lavet.antal_grupper == blokke[nr].antal_grupper == 30
    assert blokke[3].virksomhed_id[0] == sum(b.antal_virksomheder for b in blokke[:3]) > 0
    # En virksomhed (med alle sine personer) ligger i én replikatgruppe, og alle 30 grupper er brugt.
    v = blokke[3]
    assert numpy.all(v.gruppe == v.virksomhedsgrupper[v.person_virksomhed])
    assert set(numpy.unique(v.gruppe)) == set(range(30))


def test_cli_med_en_og_to_arbejdere_giver_samme_intervaller_og_antagne_ender(tmp_path):
    """Hele kommandoen: sammenligning.csv med totaler, 95 %-intervaller og totalerne ved de antagne
    satsers ender (deltagerne sendes tilbage fra arbejderne) er den samme med én og to arbejdere."""
    import json

    from openfisca_dk_jobcenter.analyse.cli import main

    args = ["sammenlign", "--reform", str(REFORMFIL), "--personer", "12000", "--bid", "3000"]
    assert main([*args, "--arbejdere", "1", "--ud", str(tmp_path / "en")]) == 0
    assert main([*args, "--arbejdere", "2", "--ud", str(tmp_path / "to")]) == 0
    for fil in ("sammenligning.csv", "detaljer.csv"):
        assert (tmp_path / "en" / fil).read_text() == (tmp_path / "to" / fil).read_text()
    kolonner = (tmp_path / "to" / "sammenligning.csv").read_text().splitlines()[0].split(",")
    assert "forskel_kr_95_nedre" in kolonner and "grundlag_kr_antaget_hoej" in kolonner
    en = json.loads((tmp_path / "en" / "sammenligning.json").read_text())
    to = json.loads((tmp_path / "to" / "sammenligning.json").read_text())
    assert en["aar"] == to["aar"]


def test_den_syntetiske_beskrivelse_giver_de_samme_personer_som_blokkene(systemer):
    """Arbejderen laver selv sin bid ud fra (størrelse, seed, år, bloknumre): samme tal som når
    blokkene laves her og sendes."""
    g, reformer = systemer
    beskrevet = sammenlign(reformer, BEFOLKNING, grundlag=g, bid_personer=3_000, arbejdere=1)
    blokke = sammenlign(reformer, syntetiske_blokke(12_000, seed=7, blok_personer=3_000), grundlag=g,
                        bid_personer=3_000, arbejdere=1)
    assert beskrevet.pr_ordning.equals(blokke.pr_ordning)


def test_aar_og_varianter_er_opgaver_paa_samme_udfoerer(to_arbejdere):
    g = grundlag()
    koersler = []
    for aar in (2025, 2026):
        vs = {navn: s for navn, s, _ in varianter(g, "voksenlaerling.timesats.fra_ledighed=35,50,70", aar)}
        koersler.append(Koersel(vs, SyntetiskBefolkning(6_000, seed=3, aar=aar, blok_personer=3_000), g, aar, None, 3_000))
    hver_for_sig = [sammenlign(k.reformer, k.befolkning, grundlag=g, aar=k.aar, bid_personer=3_000, arbejdere=1)
                    for k in koersler]
    samlet = sammenlign_flere(koersler, to_arbejdere)
    for a, b in zip(hver_for_sig, samlet, strict=True):
        assert b.pr_ordning.equals(a.pr_ordning)
    assert [s.koersel["aar"] for s in samlet] == [2025, 2026]


def test_mikrosimulering_med_arbejdere_giver_samme_serie():
    kwargs = {"reform": str(REFORMFIL), "personer": 9_000, "seed": 5, "bid_personer": 3_000}
    en = Mikrosimulering(**kwargs, arbejdere=1)
    with Mikrosimulering(**kwargs, arbejdere=2) as to:
        for variabel, periode in [("voksenlaerling_tilskud", 2026), ("jobrotationsydelse", "2026-03"),
                                  ("voksenlaerling_afslagsgrund", "2026-02")]:
            a, b = en.beregn(variabel, periode), to.beregn(variabel, periode)
            assert a.index.equals(b.index)
            numpy.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
        assert to.beregn("voksenlaerling_tilskud", 2026).sum() > 0


def test_en_fejl_i_en_arbejder_kommer_frem_med_sin_besked(systemer, to_arbejdere):
    """En person, der peger på en virksomhed, der ikke findes, i den anden bid: fejlen rejses i
    arbejderen og kommer frem som den samme BefolkningsFejl med række og virksomhed."""
    g, reformer = systemer
    gode = next(iter(syntetiske_blokke(2_000, seed=1)))
    daarlig = Befolkning(aar=2026, person_virksomhed=numpy.array([0, 5]), antal_virksomheder=1,
                         personer={k: v[:2] for k, v in gode.personer.items()},
                         personer_maaned={k: v[:, :2] for k, v in gode.personer_maaned.items()},
                         virksomheder={k: v[:1] for k, v in gode.virksomheder.items()})
    with pytest.raises(BefolkningsFejl, match="række 1 peger på virksomhed 5"):
        sammenlign(reformer, iter([gode, daarlig]), grundlag=g, bid_personer=1_000, udfoerer=to_arbejdere)


@pytest.mark.parametrize("arbejdere", [1, 2])
def test_opgaver_lagt_bag_i_koeen_undervejs_regnes_i_raekkefoelge(arbejdere, to_arbejdere):
    """Kalderen lægger opgaver bag i listen, mens resultaterne kommer (som de antagne satsers høje
    ende, når en bid af deltagere er samlet): de regnes også, og resultaterne kommer i listens
    rækkefølge, i denne proces som med arbejdere."""
    udfoerer = to_arbejdere if arbejdere == 2 else Udfoerer(arbejdere=1)
    opgaver = [1, 2, 3]
    resultater = []
    for resultat in udfoerer.udfoer(operator.mul, functools.partial(int, "10"), opgaver):
        resultater.append(resultat)
        if resultat < 100:
            opgaver.append(resultat)  # 10 → 100, 20 → 200, 30 → 300
    assert resultater == [10, 20, 30, 100, 200, 300]


def test_antal_arbejdere():
    assert antal_arbejdere(None) == kerner() >= 1
    assert antal_arbejdere(3) == 3
    for daarlig in (0, -2, 1.5, True, "2"):
        with pytest.raises(UdfoerselsFejl, match="--arbejdere"):
            antal_arbejdere(daarlig)


def test_cli_afviser_nul_arbejdere(tmp_path, capsys):
    from openfisca_dk_jobcenter.analyse.cli import main

    assert main(["sammenlign", "--personer", "100", "--arbejdere", "0", "--ud", str(tmp_path / "ud")]) == 2
    assert "--arbejdere" in capsys.readouterr().err
    assert not (tmp_path / "ud").exists()


def test_ctrl_c_stopper_alle_arbejdere_uden_traceback_og_roerer_ikke_de_forrige_resultater(tmp_path):
    ud = tmp_path / "ud"
    ud.mkdir()
    (ud / ".dk-jobcenter-resultater").write_text("", encoding="utf-8")
    (ud / "sammenligning.csv").write_text("forrige kørsel\n", encoding="utf-8")
    kommando = [str(Path(sys.executable).with_name("dk-jobcenter")), "sammenlign", "--personer", "600000",
                "--bid", "50000", "--arbejdere", "2", "--ud", str(ud)]
    proces = subprocess.Popen(kommando, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        # Vent, til begge arbejdere regner (forkserver + to arbejdere + ressourcesporeren).
        frist = time.monotonic() + 120
        boern = []
        while time.monotonic() < frist and proces.poll() is None:
            boern = psutil.Process(proces.pid).children(recursive=True)
            if len(boern) >= 4:
                break
            time.sleep(0.2)
        assert len(boern) >= 4, f"arbejderne startede ikke: {boern}"
        time.sleep(1.5)
        assert proces.poll() is None, "kørslen blev færdig, før den kunne afbrydes"
        os.kill(proces.pid, signal.SIGINT)
        _, err = proces.communicate(timeout=60)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.communicate()
    assert proces.returncode == 130
    assert "Traceback" not in err and "afbrudt" in err, err
    frist = time.monotonic() + 10
    while time.monotonic() < frist and any(_lever(b) for b in boern):
        time.sleep(0.2)
    assert not [b.pid for b in boern if _lever(b)], "arbejdere lever efter afbrydelsen"
    assert (ud / "sammenligning.csv").read_text(encoding="utf-8") == "forrige kørsel\n"
    assert sorted(p.name for p in ud.iterdir()) == [".dk-jobcenter-resultater", "sammenligning.csv"]


def _lever(proces):
    try:
        return proces.is_running() and proces.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_sweep_over_aar_med_kun_varianter_giver_samme_filer_med_en_og_to_arbejdere(tmp_path):
    """`--variant` × `--aar` som opgaver på arbejderne: samme CSV som i processen, og en årsrække
    med kun varianter får sin årskurve (grundlaget) i stedet for at fejle."""
    from openfisca_dk_jobcenter.analyse.cli import main

    args = ["sammenlign", "--variant", "voksenlaerling.timesats.fra_ledighed=35;70", "--aar", "2025-2026",
            "--personer", "6000", "--bid", "3000"]
    assert main([*args, "--arbejdere", "1", "--ud", str(tmp_path / "en")]) == 0
    assert main([*args, "--arbejdere", "2", "--ud", str(tmp_path / "to")]) == 0
    for fil in ("sammenligning.csv", "detaljer.csv", "aarsserie.csv"):
        assert (tmp_path / "en" / fil).read_text() == (tmp_path / "to" / fil).read_text()
    assert (tmp_path / "to" / "aarsserie.png").stat().st_size > 0
