"""Fund 6 (kommandolinjen) og fund 2 for reformfiler og --variant: klare fejl før beregningen, og
resultatmappen skrives som ét sæt."""

import os
import subprocess
import sys

import pytest

from openfisca_dk_jobcenter.analyse import cli, diagrammer
from openfisca_dk_jobcenter.analyse.atomisk import MAERKE
from openfisca_dk_jobcenter.analyse.kontrol import ArgumentFejl
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl, anvend_reformfil

REFORM = "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml"


def koer(*argumenter, ud):
    return cli.main(["sammenlign", *argumenter, "--personer", "300", "--ud", str(ud)])


# --- argumenterne -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argumenter", "ord"),
    [
        (["--reform", REFORM, "--aar", "0"], "--aar"),
        (["--reform", REFORM, "--seed", "-1"], "--seed"),
        (["--reform", "this.x"], "ukendt reform"),
        (["--variant", "jobrotation.ydelse_per_time=203,17"], "ét tal (203.17) eller to"),
        (["--variant", "voksenlaerling.timesats.fra_ledighed=inf"], "endeligt"),
        (["--variant", "voksenlaerling.timesats.fra_ledighed=-5"], "negativ"),
    ],
    ids=["aar-0", "seed-minus-1", "reform-this.x", "variant-203,17", "variant-inf", "variant-negativ"],
)
def test_klar_fejl_og_ingen_filer(tmp_path, capsys, argumenter, ord):
    ud = tmp_path / "ud"
    assert koer(*argumenter, ud=ud) == 2
    ude = capsys.readouterr()
    assert ord in ude.err
    assert "Traceback" not in ude.err
    assert "Zen of Python" not in ude.out  # `import this` blev ikke kørt
    assert not ud.exists()


def test_variant_med_semikolon_er_to_vaerdier(tmp_path):
    assert koer("--variant", "voksenlaerling.timesats.fra_ledighed=45;60", ud=tmp_path / "ud") == 0


def test_ud_der_ikke_kan_skrives_opdages_foer_beregningen(tmp_path, capsys, monkeypatch):
    (tmp_path / "fil").write_text("x")
    import importlib

    beregnet = []
    for navn in ("openfisca_dk_jobcenter.analyse.cli", "openfisca_dk_jobcenter.analyse.koersel"):
        try:
            modul = importlib.import_module(navn)
        except ImportError:
            continue
        if hasattr(modul, "sammenlign"):
            monkeypatch.setattr(modul, "sammenlign", lambda *a, **k: beregnet.append(1))
    assert koer("--reform", REFORM, ud=tmp_path / "fil" / "ud") == 2
    assert "kan ikke skrives" in capsys.readouterr().err
    assert not beregnet


def test_ud_med_brugerens_egne_filer_erstattes_ikke(tmp_path, capsys):
    ud = tmp_path / "mine"
    ud.mkdir()
    (ud / "vigtig.txt").write_text("min fil")
    assert koer("--reform", REFORM, ud=ud) == 2
    assert "ikke har skrevet" in capsys.readouterr().err
    assert (ud / "vigtig.txt").read_text() == "min fil"


def test_saettet_er_atomisk(tmp_path, monkeypatch):
    """Første kørsel skriver sættet; en anden, der stoppes midt i skrivningen (Ctrl-C), efterlader
    det forrige sæt urørt og ingen midlertidige mapper."""
    ud = tmp_path / "ud"
    assert koer("--reform", REFORM, ud=ud) == 0
    foer = {p.name: p.read_bytes() for p in ud.iterdir()}
    assert MAERKE in foer and "sammenligning.csv" in foer

    def afbryd(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(diagrammer, "udgift_pr_ordning", afbryd)
    # Ctrl-C giver exit-kode 130 og en besked, ingen traceback (tests/test_udfoersel.py).
    assert koer("--reform", REFORM, "--seed", "7", ud=ud) == 130
    assert {p.name: p.read_bytes() for p in ud.iterdir()} == foer
    assert [p.name for p in tmp_path.iterdir()] == ["ud"]


def test_fuld_disk_giver_en_klar_fejl_og_det_forrige_saet(tmp_path, monkeypatch, capsys):
    import errno

    ud = tmp_path / "ud"
    assert koer("--reform", REFORM, ud=ud) == 0
    foer = {p.name: p.read_bytes() for p in ud.iterdir()}

    def fuld(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(diagrammer, "udgift_pr_ordning", fuld)
    assert koer("--reform", REFORM, "--seed", "7", ud=ud) == 2
    fejl = capsys.readouterr().err
    assert "No space left on device" in fejl and "intet er ændret" in fejl and "Traceback" not in fejl
    assert {p.name: p.read_bytes() for p in ud.iterdir()} == foer
    assert [p.name for p in tmp_path.iterdir()] == ["ud"]


def test_draebt_koersel_efterlader_det_forrige_saet(tmp_path):
    """SIGKILL midt i en kørsel: `--ud` er det forrige sæt; næste kørsel rydder den døde kørsels
    midlertidige mappe op."""
    ud = tmp_path / "ud"
    assert koer("--reform", REFORM, ud=ud) == 0
    foer = sorted(p.name for p in ud.iterdir())
    proces = subprocess.Popen(
        [sys.executable, "-m", "openfisca_dk_jobcenter.analyse.cli", "sammenlign", "--reform", REFORM,
         "--personer", "200000", "--ud", str(ud)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        proces.wait(timeout=6)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait()
    (tmp_path / f".ud.ny-{proces.pid}-abc").mkdir()  # som en dræbt kørsel efterlader den
    assert sorted(p.name for p in ud.iterdir()) == foer
    assert koer("--reform", REFORM, ud=ud) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["ud"]


def _koersel(ud, seed):
    return subprocess.Popen(
        [sys.executable, "-m", "openfisca_dk_jobcenter.analyse.cli", "sammenlign", "--reform", REFORM,
         "--personer", "3000", "--seed", str(seed), "--ud", str(ud)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _csv(ud):
    return {p.name: p.read_bytes() for p in ud.iterdir() if p.suffix == ".csv"}


def test_draebt_paa_forskellige_tidspunkter_aldrig_en_blanding(tmp_path):
    """Fundet: 6 af 12 dræbte kørsler efterlod nye filer blandet med gamle. Nu er `--ud` efter
    hvert SIGKILL enten hele det gamle sæt eller hele det nye (CSV-filerne sammenlignet byte for
    byte med en fuld kørsel af hvert)."""
    import time

    ny_ud = tmp_path / "ny"
    assert _koersel(ny_ud, 2).wait(timeout=120) == 0
    nyt = _csv(ny_ud)
    ud = tmp_path / "ud"
    start = time.monotonic()
    assert _koersel(ud, 1).wait(timeout=120) == 0
    varighed = time.monotonic() - start
    gammelt = _csv(ud)
    assert nyt and nyt != gammelt
    for andel in (0.5, 0.8, 0.9, 0.95, 1.0, 1.05):
        proces = _koersel(ud, 2)
        time.sleep(varighed * andel)
        proces.kill()
        proces.wait()
        assert _csv(ud) in (gammelt, nyt)
        if _csv(ud) == nyt:
            break


def test_simuler_med_maaned_13(tbs):
    from openfisca_dk_jobcenter.analyse import simuler
    from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning

    with pytest.raises(ArgumentFejl, match=r"maaneder=\[13\]"):
        simuler(tbs, syntetisk_befolkning(10), aar=2026, maaneder=[13])


# --- reformfiler: hver parameters egen type og interval -----------------------------------------

GYLDIG = "navn: x\nparametre:\n  voksenlaerling.timesats.fra_ledighed:\n    2026-01-01: 60\n"


@pytest.mark.parametrize(
    ("tekst", "ord"),
    [
        (GYLDIG.replace(": 60", ": -5"), "negativ"),
        (GYLDIG.replace(": 60", ": .nan"), "endeligt"),
        (GYLDIG.replace(": 60", ": .inf"), "endeligt"),
        (GYLDIG.replace(": 60", ": true"), "er et tal"),
        (GYLDIG.replace("voksenlaerling.timesats.fra_ledighed", "loentilskud.ledighedskrav.skal_overstiges").replace(": 60", ": 3"), "true eller false"),
        (GYLDIG.replace("voksenlaerling.timesats.fra_ledighed", "loentilskud.privat.max_maaneder").replace(": 60", ": 100000"), "over"),
    ],
    ids=["negativ", "nan", "inf", "sand-for-tal", "tal-for-sand-falsk", "100000-maaneder"],
)
def test_reformfil_afviser_umulige_vaerdier(tbs, tmp_path, tekst, ord):
    sti = tmp_path / "r.yaml"
    sti.write_text(tekst, encoding="utf-8")
    with pytest.raises(ReformFejl) as fejl:
        anvend_reformfil(tbs, sti)
    assert ord in str(fejl.value) and str(sti) in str(fejl.value)


def test_reformfil_der_ikke_er_utf8(tbs, tmp_path, capsys):
    sti = tmp_path / "r.yaml"
    sti.write_bytes("navn: Højere\nparametre:\n  voksenlaerling.timesats.fra_ledighed:\n    2026-01-01: 60\n".encode("cp1252"))
    with pytest.raises(ReformFejl, match="ikke UTF-8"):
        anvend_reformfil(tbs, sti)
    assert koer("--reform", str(sti), ud=tmp_path / "ud") == 2
    assert "ikke UTF-8" in capsys.readouterr().err


def test_sand_falsk_parameter_tager_sand_falsk(tbs, tmp_path):
    sti = tmp_path / "r.yaml"
    sti.write_text(GYLDIG.replace("voksenlaerling.timesats.fra_ledighed", "loentilskud.ledighedskrav.skal_overstiges").replace(": 60", ": true"), encoding="utf-8")
    system = anvend_reformfil(tbs, sti)
    assert system.parameters("2026-01-01").loentilskud.ledighedskrav.skal_overstiges is True or \
        system.parameters("2026-01-01").loentilskud.ledighedskrav.skal_overstiges == 1
    assert os.path.exists(sti)


def test_yaml_bombe_i_en_reformfil(tbs, tmp_path):
    lag = "a: &a [" + ",".join(["lol"] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    )
    sti = tmp_path / "r.yaml"
    sti.write_text(lag + "navn: *i\n" + GYLDIG.split("\n", 1)[1], encoding="utf-8")
    with pytest.raises(ReformFejl, match="YAML-bombe"):
        anvend_reformfil(tbs, sti)
