"""Projektets filer skal give mening i en klon for sig selv: pakken, docs/ og README citerer de
offentlige sider og paragraffer, ikke "seed 000", en kontrakt eller en fil uden for repositoriet.
("seed" for tilfældighedsgeneratoren, fx `--seed`, er et andet ord og er tilladt.)"""

import pathlib
import re

ROD = pathlib.Path(__file__).resolve().parent.parent
FORBUDT = re.compile(r"seed 0\d\d|seedets|contract\.md|kontrakt", re.IGNORECASE)


def _filer():
    yield ROD / "README.md"
    yield from sorted((ROD / "docs").glob("*.md"))
    for endelse in ("py", "yaml", "md"):
        yield from sorted((ROD / "openfisca_dk_jobcenter").rglob(f"*.{endelse}"))


def _vis(sti):
    return sti.relative_to(ROD).as_posix() if sti.is_relative_to(ROD) else sti.name


def fund(filer):
    return [
        f"{_vis(sti)}:{nr}: {linje.strip()[:100]}"
        for sti in filer if sti.exists()
        for nr, linje in enumerate(sti.read_text(encoding="utf-8").splitlines(), start=1)
        if FORBUDT.search(linje)
    ]


def test_ingen_henvisning_til_seeds_eller_kontrakten():
    hits = fund(_filer())
    assert hits == [], "henvis til de offentlige sider i stedet:\n" + "\n".join(hits)


def test_tjekket_finder_en_henvisning(tmp_path):
    fil = tmp_path / "side.md"
    fil.write_text("Jobcenter Aalborg (seed 000)\n--seed 2026\nse CONTRACT.md\n", encoding="utf-8")
    assert fund([fil]) == ["side.md:1: Jobcenter Aalborg (seed 000)", "side.md:3: se CONTRACT.md"]
