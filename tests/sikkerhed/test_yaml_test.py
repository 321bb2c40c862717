"""Fund 1: YAML-testfiler læses sikkert af de kommandoer, dokumentationen giver
(`dk-jobcenter-test`, `make test-yaml`): intet python-tag udføres, en YAML-bombe standses tidligt,
og en test kan kun bruge pakkens egne reformer."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

GOD = """- name: "Voksenlærling fra ledighed (LAB § 159, stk. 2): 45 kr. × 160 timer = 7.200 kr."
  period: 2026-02
  input:
    foedselsdato: 1990-01-01
    voksenlaerling_aftale_start: 2026-01-01
    voksenlaerling_kommer_fra_ledighed: true
    voksenlaerling_praktiktimer: 160
  output:
    voksenlaerling_tilskud: 7200
"""


def ond(maal):
    return GOD.replace("    voksenlaerling_praktiktimer: 160\n", f"    voksenlaerling_praktiktimer: 160\n    timeloen: !!python/object/apply:os.system [\"touch {maal}\"]\n")


# Ni niveauer af ni aliaser = 9^9 (387 mio.) strenge, når strukturen foldes ud.
BOMBE = (
    "- name: bombe\n  period: 2026-02\n  input:\n    a: &a [" + ",".join(["lol"] * 9) + "]\n"
    + "".join(f"    {chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
)


def koer(*argumenter, timeout=120):
    return subprocess.run([*argumenter], capture_output=True, text=True, timeout=timeout, cwd=REPO)


def skriv(tmp_path, tekst, navn="test.yaml"):
    sti = tmp_path / navn
    sti.write_text(tekst, encoding="utf-8")
    return sti


def test_en_god_testfil_koerer(tmp_path):
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, GOD)))
    assert svar.returncode == 0, svar.stdout + svar.stderr
    assert "1 passed" in svar.stdout


def test_python_tag_udfoeres_ikke(tmp_path):
    maal = tmp_path / "pwned"
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, ond(maal))))
    assert svar.returncode != 0
    assert not maal.exists()
    assert "python/object/apply" in svar.stdout + svar.stderr


def test_kernens_openfisca_test_udfoerer_python_tags(tmp_path):
    """Fundet, som det er i openfisca-core 46 (`openfisca test` med yaml.CLoader). Retter kernen
    det, fejler testen, og noten i docs/sikkerhed.md skal opdateres."""
    maal = tmp_path / "pwned"
    koer(str(BIN / "openfisca"), "test", "-c", "openfisca_dk_jobcenter", str(skriv(tmp_path, ond(maal))))
    assert maal.exists()


def test_yaml_bomben_standses_hurtigt(tmp_path):
    assert len(BOMBE.encode()) < 500
    start = time.monotonic()
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, BOMBE)), timeout=60)
    assert time.monotonic() - start < 30
    assert svar.returncode != 0
    assert "YAML-bombe" in svar.stdout + svar.stderr


@pytest.mark.parametrize(
    ("noegle", "ord"),
    [("  reforms: [os.path]\n", "reformen 'os.path' er ikke tilladt"), ("  extensions: [os]\n", "'extensions'")],
)
def test_kun_pakkens_egne_reformer(tmp_path, noegle, ord):
    tekst = GOD.replace("  period: 2026-02\n", "  period: 2026-02\n" + noegle)
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, tekst)))
    assert svar.returncode != 0
    assert ord in svar.stdout + svar.stderr


def test_pakkens_egen_reform_er_tilladt(tmp_path):
    tekst = GOD.replace("  period: 2026-02\n", "  period: 2026-02\n  reforms: [openfisca_dk_jobcenter.reforms.hoejere_voksenlaerlingesatser]\n").replace("7200", "9600")
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, tekst)))
    assert svar.returncode == 0, svar.stdout + svar.stderr


def test_make_test_yaml_bruger_den_sikre_kommando():
    if shutil.which("make") is None:
        pytest.skip("make findes ikke")
    kommando = subprocess.run(["make", "-n", "test-yaml"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "dk-jobcenter-test openfisca_dk_jobcenter/tests" in kommando
    assert "openfisca test" not in kommando


PERSONER = """- name: "Voksenlærling med personer og virksomhed"
  period: 2026-02
  input:
    personer:
      ana:
        foedselsdato: 1990-01-01
        voksenlaerling_aftale_start: 2026-01-01
        voksenlaerling_kommer_fra_ledighed: true
        voksenlaerling_praktiktimer: 160
    virksomheder:
      v:
        ansatte: [ana]
  output:
    voksenlaerling_tilskud: [7200]
"""

UMULIGE = [
    ("voksenlaerling_praktiktimer", "-160"),
    ("voksenlaerling_praktiktimer", "100000"),
    ("voksenlaerling_praktiktimer", '"2*80"'),
    ("voksenlaerling_kommer_fra_ledighed", "nej"),
    ("foedselsdato", "1850-01-01"),
]
UMULIGE_ID = ["negative-timer", "100000-timer", "2*80", "nej", "foedt-1850"]


def med_vaerdi(tekst, variabel, vaerdi):
    linjer = tekst.splitlines(keepends=True)
    for i, linje in enumerate(linjer):
        if linje.strip().startswith(f"{variabel}:"):
            linjer[i] = linje.split(":")[0] + f": {vaerdi}\n"
    return "".join(linjer)


def test_personformen_er_gyldig(tmp_path):
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, PERSONER)))
    assert svar.returncode == 0, svar.stdout


@pytest.mark.parametrize("kommando", ["dk-jobcenter-test", "openfisca test"])
@pytest.mark.parametrize(("variabel", "vaerdi"), UMULIGE, ids=UMULIGE_ID)
def test_umulige_vaerdier_i_en_yaml_test_er_en_klar_fejl(tmp_path, kommando, variabel, vaerdi):
    """Fund 2: med `personer:` går input gennem Variable.check_set_value, så både den sikre kommando
    og kernens `openfisca test` afviser værdien med variablens navn (før: "nej" var sand, "2*80" 160)."""
    argumenter = [str(BIN / "dk-jobcenter-test")] if kommando == "dk-jobcenter-test" else [
        str(BIN / "openfisca"), "test", "-c", "openfisca_dk_jobcenter"]
    svar = koer(*argumenter, str(skriv(tmp_path, med_vaerdi(PERSONER, variabel, vaerdi))))
    assert svar.returncode != 0
    assert variabel in svar.stdout + svar.stderr
    assert "Could not parse situation" in svar.stdout


@pytest.mark.parametrize(("variabel", "vaerdi"), UMULIGE, ids=UMULIGE_ID)
def test_umulige_vaerdier_i_flad_input(tmp_path, variabel, vaerdi):
    """Uden `personer:` går kernen uden om check_set_value; `dk-jobcenter-test` tjekker domænerne,
    når filen læses (kernens `openfisca test` kan ikke: docs/sikkerhed.md)."""
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, med_vaerdi(GOD, variabel, vaerdi))))
    assert svar.returncode != 0
    assert variabel in svar.stdout + svar.stderr


# En person uden virksomhed ved siden af en offentlig virksomhed: projektets regel giver hende en
# virksomhed for sig selv med standardsektoren privat. Løntilskud marts 2023 for 100 timer (LAB 2019
# kap. 12, §§ 68-69; satserne fra Helsingør Kommune 2023, parameters/loentilskud/*/timesats.yaml):
# bo (offentlig) 125,13 × 100 = 12.513 kr.; eva (privat, egen) 86,16 × 100 = 8.616 kr.
UDEN_VIRKSOMHED = """- name: "Eva uden virksomhed får sin egne, private (LAB §§ 68-69): 86,16 × 100 = 8.616 kr."
  period: 2023-03
  input:
    personer:
      bo: &person
        maalgruppe: dagpengemodtager
        forudgaaende_ledighed_maaneder: 7
        loentilskud_start: 2023-01-01
        loentilskud_timer: 100
      EVA: *person
    virksomheder:
      v:
        ansatte: [bo]
        sektor: offentlig
  output:
    loentilskud: [12513, 8616]
"""


@pytest.mark.parametrize("eva", ["eva", "v", "v__egen_virksomhed"], ids=["eva", "id-som-virksomhedens", "id-som-det-nye"])
def test_person_uden_virksomhed_faar_sin_egen_private(tmp_path, eva):
    """Også når evas id er virksomhedens ('v') eller det id, hendes egen virksomhed ellers ville få."""
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, UDEN_VIRKSOMHED.replace("EVA", eva))))
    assert svar.returncode == 0, svar.stdout + svar.stderr
    assert "1 passed" in svar.stdout


def test_det_forkerte_beloeb_fejler_testen(tmp_path):
    """Testen kan fejle: påstår den kernens forkerte beløb (offentlig sats til eva), fejler den."""
    forkert = UDEN_VIRKSOMHED.replace("EVA", "eva").replace("[12513, 8616]", "[12513, 12513]")
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, forkert)))
    assert svar.returncode != 0
    assert "8616" in svar.stdout


def test_kernens_openfisca_test_giver_det_forkerte_beloeb(tmp_path):
    """openfisca-core 46's egen `openfisca test` giver eva den offentlige virksomheds sats (12.513 kr.)
    — derfor skal jurister bruge `dk-jobcenter-test` (docs/jurister.md). Retter kernen det, fejler testen."""
    kernens = UDEN_VIRKSOMHED.replace("EVA", "eva").replace("[12513, 8616]", "[12513, 12513]")
    svar = koer(str(BIN / "openfisca"), "test", "-c", "openfisca_dk_jobcenter", str(skriv(tmp_path, kernens)))
    assert svar.returncode == 0, svar.stdout + svar.stderr


@pytest.mark.parametrize(
    ("ansatte", "ord"),
    [("[bo, ukendt]", "ukendt"), ("[bo, bo]", "bo")],
    ids=["ukendt-person", "person-to-gange"],
)
def test_misdannet_medlemskab_er_stadig_en_fejl(tmp_path, ansatte, ord):
    tekst = UDEN_VIRKSOMHED.replace("EVA", "eva").replace("ansatte: [bo]", f"ansatte: {ansatte}")
    svar = koer(str(BIN / "dk-jobcenter-test"), str(skriv(tmp_path, tekst)))
    assert svar.returncode != 0
    assert ord in svar.stdout + svar.stderr
