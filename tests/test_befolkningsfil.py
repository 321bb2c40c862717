"""Forkert input i analytikerens filer stopper med en besked, der nævner fil, række og kolonne,
exit-kode ≠ 0 og ingen resultatfiler."""

import pytest

from openfisca_dk_jobcenter.analyse.atomisk import MAERKE
from openfisca_dk_jobcenter.analyse.cli import main
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

GOD = """virksomhed_id,foedselsdato,voksenlaerling_aftale_start,voksenlaerling_praktiktimer,maalgruppe
v1,1990-05-01,2025-01-01,100,dagpengemodtager
v1,1985-02-01,2025-07-01,80,beskaeftiget
"""


def skriv(tmp_path, tekst, navn="personer.csv"):
    sti = tmp_path / navn
    sti.write_text(tekst, encoding="utf-8")
    return sti


def test_god_fil_indlaeses(tbs, tmp_path):
    b = laes_befolkning(tbs, skriv(tmp_path, GOD))
    assert b.antal_personer == 2 and b.antal_virksomheder == 1
    assert list(b.personer["voksenlaerling_praktiktimer"]) == [100, 80]


def test_parquet(tbs, tmp_path):
    import pandas

    pandas.read_csv(skriv(tmp_path, GOD), dtype=str).to_parquet(tmp_path / "personer.parquet")
    b = laes_befolkning(tbs, tmp_path / "personer.parquet")
    assert b.antal_personer == 2


def test_maanedskolonne(tbs, tmp_path):
    tekst = GOD.replace("maalgruppe\n", "maalgruppe,voksenlaerling_praktiktimer@2026-03\n").replace(
        "dagpengemodtager\n", "dagpengemodtager,7\n").replace("beskaeftiget\n", "beskaeftiget,8\n")
    b = laes_befolkning(tbs, skriv(tmp_path, tekst))
    assert list(b.personer_maaned["voksenlaerling_praktiktimer"][2]) == [7, 8]
    assert list(b.personer_maaned["voksenlaerling_praktiktimer"][3]) == [100, 80]


@pytest.mark.parametrize(
    "erstat, med, forventet",
    [
        ("maalgruppe\n", "maalgrupe\n", "kolonne 'maalgrupe': ukendt variabel 'maalgrupe'"),
        ("beskaeftiget", "pensionist", "række 3, kolonne 'maalgruppe': ukendt værdi"),
        (",80,", ",-80,", "række 3, kolonne 'voksenlaerling_praktiktimer'"),
        ("2025-07-01", "2025-02-30", "række 3, kolonne 'voksenlaerling_aftale_start': umulig dato"),
        (",100,", ",hundrede,", "række 2, kolonne 'voksenlaerling_praktiktimer': ikke et tal"),
        ("maalgruppe\n", "maalgruppe,voksenlaerling_tilskud\n", "kan ikke gives som input"),
        ("virksomhed_id,", "firma,", "kolonnen 'virksomhed_id' mangler"),
    ],
)
def test_forkert_personfil(tbs, tmp_path, erstat, med, forventet):
    tekst = GOD.replace(erstat, med, 1)
    if "voksenlaerling_tilskud" in med:
        tekst = tekst.replace("dagpengemodtager\n", "dagpengemodtager,1\n").replace("beskaeftiget\n", "beskaeftiget,1\n")
    sti = skriv(tmp_path, tekst)
    with pytest.raises(BefolkningsFejl) as fejl:
        laes_befolkning(tbs, sti)
    assert forventet in str(fejl.value)
    assert str(sti) in str(fejl.value)


def test_person_peger_paa_manglende_virksomhed(tbs, tmp_path):
    personer = skriv(tmp_path, GOD.replace("v1,1985", "v2,1985"))
    virksomheder = skriv(tmp_path, "virksomhed_id,sektor\nv1,privat\n", "virksomheder.csv")
    with pytest.raises(BefolkningsFejl, match=r"række 3, kolonne virksomhed_id: virksomheden 'v2' findes ikke"):
        laes_befolkning(tbs, personer, virksomheder)


def test_ukendt_sektor(tbs, tmp_path):
    virksomheder = skriv(tmp_path, "virksomhed_id,sektor\nv1,kommunal\n", "virksomheder.csv")
    with pytest.raises(BefolkningsFejl, match=r"virksomheder.csv: række 2, kolonne 'sektor': ukendt værdi"):
        laes_befolkning(tbs, skriv(tmp_path, GOD), virksomheder)


def test_kommandoen_stopper_uden_at_skrive(tmp_path, capsys):
    personer = skriv(tmp_path, GOD.replace(",80,", ",-80,"))
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--reform", "hoejere_voksenlaerlingesatser", "--personer-fil", str(personer), "--ud", str(ud)])
    assert kode == 2
    fejl = capsys.readouterr().err
    assert "række 3" in fejl and "voksenlaerling_praktiktimer" in fejl and str(personer) in fejl
    assert not ud.exists()


def test_kommandoen_med_egen_fil(tmp_path, capsys):
    personer = skriv(tmp_path, GOD)
    ud = tmp_path / "ud"
    kode = main(["sammenlign", "--reform", "hoejere_voksenlaerlingesatser", "--personer-fil", str(personer), "--ud", str(ud)])
    assert kode == 0
    assert {p.name for p in ud.iterdir()} >= {"sammenligning.csv", "sammenligning.json", "udgift_pr_ordning.png"}
    assert not [p for p in ud.iterdir() if p.name.startswith(".") and p.name != MAERKE]  # ingen midlertidige filer
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
