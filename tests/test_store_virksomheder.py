"""Egne data med store arbejdsgivere: forbeholdenes stikprøve må ikke blive tom, når en enkelt
virksomhed alene har flere personer end stikprøven (3.001 i én virksomhed, 5.000 over to)."""

import json

import numpy

from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.analyse.forbehold import STIKPROEVE_PERSONER, _stikproeve
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.model.datoer import IKKE_OPLYST

OVERSKRIFT = "virksomhed_id,foedselsdato,maalgruppe,voksenlaerling_aftale_start,voksenlaerling_ansoegningsdato,voksenlaerling_kommer_fra_ledighed,voksenlaerling_praktiktimer\n"


def personfil(sti, virksomheder):
    """`virksomheder`: antal personer pr. virksomhed; hver tiende er voksenlærling fra ledighed
    (ufaglært, 30 år, 150 praktiktimer om måneden: 45 kr./t efter LAB § 98 b)."""
    linjer = [OVERSKRIFT]
    for v, antal in enumerate(virksomheder):
        for i in range(antal):
            if i % 10 == 0:
                linjer.append(f"v{v},1996-01-01,dagpengemodtager,2026-01-01,2026-01-01,ja,150\n")
            else:
                linjer.append(f"v{v},1980-01-01,beskaeftiget,,,,0\n")
    sti.write_text("".join(linjer), encoding="utf-8")
    return sti


def koer(tmp_path, virksomheder):
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--personer-fil", str(personfil(tmp_path / "p.csv", virksomheder)), "--ud", str(ud)])
    assert kode == 0
    return json.loads((ud / "sammenligning.json").read_text(encoding="utf-8")), ud


def test_3001_personer_i_een_virksomhed(tmp_path):
    data, ud = koer(tmp_path, [3_001])
    vl = next(r for r in data["aar"][0]["pr_ordning"] if r["ordning"] == "Voksenlærling")
    # 301 lærlinge × 150 t × 12 måneder × 45 kr./t
    assert round(vl["grundlag_kr"]) == 301 * 150 * 12 * 45
    assert (ud / "forbehold.csv").exists()


def test_5000_personer_i_to_virksomheder(tmp_path):
    data, _ = koer(tmp_path, [2_500, 2_500])
    vl = next(r for r in data["aar"][0]["pr_ordning"] if r["ordning"] == "Voksenlærling")
    assert round(vl["grundlag_kr"]) == 500 * 150 * 12 * 45


def test_stikproeven_af_een_stor_virksomhed_er_ikke_tom():
    n = 10_000
    b = Befolkning(aar=2026, person_virksomhed=numpy.zeros(n, dtype=numpy.int64), antal_virksomheder=1)
    dato = numpy.full(n, IKKE_OPLYST, dtype="datetime64[D]")
    dato[::7] = numpy.datetime64("2026-01-01")
    b.personer["voksenlaerling_aftale_start"] = dato
    s = _stikproeve(b, STIKPROEVE_PERSONER)
    assert 0 < s.antal_personer <= STIKPROEVE_PERSONER
    # lærlingene er med, så deres regler spores
    assert (s.personer["voksenlaerling_aftale_start"] == numpy.datetime64("2026-01-01")).sum() > 0
