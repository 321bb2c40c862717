"""Versionen i setup.py har sin egen post i CHANGELOG.md.

openfisca-country-template's CI afviser en version uden changelog-post
(`.github/is-version-number-acceptable.sh`); her gør testsuiten det samme, så en version aldrig
udgives, uden at brugerne kan læse, hvad der er ændret.
"""

import ast
import re
from pathlib import Path

RODEN = Path(__file__).resolve().parents[1]

# "## 0.3.0" eller "## [0.3.0]", eventuelt fulgt af dato: semantic versioning, ingen præfiks.
OVERSKRIFT = re.compile(r"^## \[?(\d+\.\d+\.\d+)\]?(?:\s|$)", re.MULTILINE)


def version_i_setup(tekst):
    """Versionen fra `setup(version="…")`, læst uden at køre setup.py."""
    for knude in ast.walk(ast.parse(tekst)):
        if isinstance(knude, ast.Call) and getattr(knude.func, "id", None) == "setup":
            for argument in knude.keywords:
                if argument.arg == "version" and isinstance(argument.value, ast.Constant):
                    return argument.value.value
    raise AssertionError("setup.py har ingen setup(version='…') med en fast tekst")


def versioner_i_changelog(tekst):
    return OVERSKRIFT.findall(tekst)


def test_versionen_i_setup_har_sin_egen_post_i_changelog():
    version = version_i_setup((RODEN / "setup.py").read_text(encoding="utf-8"))
    poster = versioner_i_changelog((RODEN / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert version in poster, (
        f"setup.py siger version {version}, men CHANGELOG.md har ingen '## {version}'-post "
        f"(fundne: {', '.join(poster) or 'ingen'}). Skriv kort, hvad der er ændret for brugerne."
    )


def test_changelog_har_hver_version_kun_en_gang():
    poster = versioner_i_changelog((RODEN / "CHANGELOG.md").read_text(encoding="utf-8"))
    dubletter = sorted({v for v in poster if poster.count(v) > 1})
    assert not dubletter, f"CHANGELOG.md har flere poster for {', '.join(dubletter)}"


def test_den_nyeste_post_er_versionen_i_setup():
    """Den øverste post er den udgivne version: en ny version skrives øverst."""
    version = version_i_setup((RODEN / "setup.py").read_text(encoding="utf-8"))
    poster = versioner_i_changelog((RODEN / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert poster and poster[0] == version, f"øverste post er {poster[:1]}, setup.py siger {version}"


def test_kontrollen_fanger_en_version_uden_post():
    """Testen kan fejle: en version, der mangler, findes ikke; overskrifternes former genkendes."""
    changelog = "# Changelog\n\n## [0.3.0] — 2026-12-01\n- x\n\n## 0.2.0\n- y\n\n### 0.9.9 underafsnit\n"
    assert versioner_i_changelog(changelog) == ["0.3.0", "0.2.0"]
    assert "0.4.0" not in versioner_i_changelog(changelog)
    assert version_i_setup('from setuptools import setup\nsetup(name="x", version="0.4.0")\n') == "0.4.0"
