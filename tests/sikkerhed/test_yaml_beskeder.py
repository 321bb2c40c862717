"""Issue 22: juristens fejl i en YAML-test som én dansk besked fra `dk-jobcenter-test`: filen,
testen, variablen, de gyldige værdier og det nærmeste navn — ingen traceback, ingen kildekode."""

import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent

TEST = """- name: "{navn}"
  period: {periode}
  input:
    {input}
    voksenlaerling_praktiktimer: 160
  output:
    {output}
"""

TILFAELDE = {
    # (periode, input-linje, output-linje, ord i beskeden)
    "enum-tastefejl-i-input": ("2026-02", "maalgruppe: dagpenge", "voksenlaerling_tilskud: 0",
                               ["input: maalgruppe", "'dagpenge' er ikke en af værdierne for 'maalgruppe'",
                                "dagpengemodtager, kontanthjaelpsmodtager", "mente du 'dagpengemodtager'?"]),
    "aar-for-en-maanedsvariabel": ("2026", "alder: 30", "voksenlaerling_tilskud: 0",
                                   ["output: voksenlaerling_tilskud", "beregnes for én måned ad gangen",
                                    "period er 2026", "period: 2026-02"]),
    "stavefejl-i-variabel": ("2026-02", "voksenlaerling_praktiktimr: 160", "voksenlaerling_tilskud: 0",
                             ["input: voksenlaerling_praktiktimr", "ikke en variabel",
                              "mente du 'voksenlaerling_praktiktimer'?"]),
    "stavefejl-i-output": ("2026-02", "alder: 30", "voksenlaerling_tilskudd: 0",
                           ["output: voksenlaerling_tilskudd", "mente du 'voksenlaerling_tilskud'?"]),
    "tastefejl-i-forventet-enum": ("2026-02", "alder: 30", "voksenlaerling_afslagsgrund: ikke_paa_voksenlaerlinglisten",
                                   ["output: voksenlaerling_afslagsgrund", "ingen, under_minimumsalder",
                                    "mente du 'ikke_paa_voksenlaerlingelisten'?"]),
}


@pytest.mark.parametrize("hvilket", list(TILFAELDE))
def test_en_dansk_besked_uden_traceback(tmp_path, hvilket):
    periode, inp, out, ord_ = TILFAELDE[hvilket]
    fil = tmp_path / f"{hvilket}.yaml"
    fil.write_text(TEST.format(navn=hvilket, periode=periode, input=inp, output=out), encoding="utf-8")
    svar = subprocess.run([str(BIN / "dk-jobcenter-test"), str(fil)], capture_output=True, text=True, timeout=300)
    ud = svar.stdout + svar.stderr
    assert svar.returncode == 1, ud
    assert f"{fil}: testen '{hvilket}': " in ud
    for o in ord_:
        assert o in ud, (o, ud)
    for kerne in ("Traceback", "openfisca_core/", "Simulation should be properly initialized", "differs from",
                  "github.com", "Unexpected error"):
        assert kerne not in ud, (kerne, ud)
    assert len(ud.splitlines()) < 20


def test_de_andre_tests_i_filen_koerer_stadig(tmp_path):
    """En fejl i én test standser ikke filen: de andre køres og består."""
    god = TEST.format(navn="god", periode="2026-02", input="alder: 30", output="alder: 30")
    daarlig = TEST.format(navn="daarlig", periode="2026-02", input="maalgruppe: dagpenge", output="alder: 30")
    fil = tmp_path / "blandet.yaml"
    fil.write_text(god + daarlig, encoding="utf-8")
    svar = subprocess.run([str(BIN / "dk-jobcenter-test"), str(fil)], capture_output=True, text=True, timeout=300)
    assert "1 failed, 1 passed" in svar.stdout, svar.stdout
