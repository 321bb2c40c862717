"""Issue 22: YAML-grænserne gælder det, en bombe har (aliaser foldet ud, dybde), ikke bytes: en
ægte testfil på 2 MiB med ca. 37.000 tests læses; bomben og 50.000 '[' standses med en besked."""

import time

import pytest
import yaml

from openfisca_dk_jobcenter.model.yamlfil import MAX_UDFOLDET
from openfisca_dk_jobcenter.yamltest import SikkerLoader, YamlTestFejl
from tests.sikkerhed.test_yaml_test import BOMBE

EN_TEST = "- {{name: t{i}, period: 2026-02, input: {{alder: 30}}, output: {{alder: 30}}}}\n"


def test_en_aegte_fil_paa_2_mib_laeses():
    tekst = "".join(EN_TEST.format(i=i) for i in range(37_000))
    assert len(tekst.encode()) > 2 * 1024 * 1024
    tests = yaml.load(tekst, Loader=SikkerLoader)  # noqa: S506 (SafeLoader-underklasse)
    assert len(tests) == 37_000
    assert tests[-1] == {"name": "t36999", "period": "2026-02", "input": {"alder": 30}, "output": {"alder": 30}}


def test_mange_aliaser_til_et_lille_anker_er_tilladt():
    """En fil, der genbruger et input med et anker, er ikke en bombe."""
    tekst = "- &t {name: a, period: 2026-02, input: {alder: 30}, output: {alder: 30}}\n" + "- *t\n" * 20_000
    assert len(yaml.load(tekst, Loader=SikkerLoader)) == 20_001  # noqa: S506


def test_bomben_standses_stadig_hurtigt():
    start = time.monotonic()
    with pytest.raises(YamlTestFejl, match="YAML-bombe"):
        yaml.load(BOMBE, Loader=SikkerLoader)  # noqa: S506
    assert time.monotonic() - start < 5
    assert MAX_UDFOLDET < 9**9


@pytest.mark.parametrize("tekst", ["[" * 50_000, "a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 400))])
def test_dyb_indlejring_giver_en_besked_ikke_recursionerror(tekst):
    with pytest.raises(yaml.YAMLError, match="indlejret mere end|maximum nesting depth"):  # libyaml: 1.000 lag
        yaml.load(tekst, Loader=SikkerLoader)  # noqa: S506
