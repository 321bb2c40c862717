"""Fund 7 (og fund 2 for filer): data, som danske kontorer har dem. Det utvetydige læses
(semikolon, cp1252, decimalkomma, tom celle = ikke oplyst); ellers en besked med filen, kolonnen
og rækken i brugerens egne linjenumre (overskriften er linje 1)."""

import numpy
import pandas
import pytest

from openfisca_dk_jobcenter.befolkning import fil
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl

OVERSKRIFT = "virksomhed_id;foedselsdato;voksenlaerling_aftale_start;voksenlaerling_praktiktimer;maalgruppe"
DANSK = OVERSKRIFT + "\r\nv1;1990-05-01;2025-01-01;160,5;dagpengemodtager\r\nv1;1985-02-01;;80;beskaeftiget\r\n"


def skriv(tmp_path, tekst, navn="personer.csv", kodning="utf-8"):
    sti = tmp_path / navn
    sti.write_bytes(tekst.encode(kodning) if isinstance(tekst, str) else tekst)
    return sti


def fejl(tbs, sti):
    with pytest.raises(BefolkningsFejl) as f:
        laes_befolkning(tbs, sti)
    return str(f.value)


def test_semikolon_cp1252_decimalkomma_og_tom_celle(tbs, tmp_path):
    tekst = DANSK + "v2;1970-01-01;2026-01-01;1.234,5;beskaeftiget\r\n"
    b = laes_befolkning(tbs, skriv(tmp_path, tekst, kodning="cp1252"))
    timer = b.personer["voksenlaerling_praktiktimer"]
    assert sorted(timer.tolist()) == [80, 160.5, 1234.5]
    # Tom dato = ikke oplyst: variablens standardværdi, som et udeladt input i API'et.
    standard = numpy.datetime64(tbs.variables["voksenlaerling_aftale_start"].default_value, "D")
    assert standard in b.personer["voksenlaerling_aftale_start"]


def test_cp1252_med_aeoeaa_i_en_vaerdi_giver_en_klar_besked(tbs, tmp_path):
    sti = skriv(tmp_path, DANSK.replace("dagpengemodtager", "dagpengemodtagér"), kodning="cp1252")
    assert "række 2, kolonne 'maalgruppe': ukendt værdi" in fejl(tbs, sti)
    assert "dagpengemodtagér" in fejl(tbs, sti)


def test_parquet_med_manglende_dato(tbs, tmp_path):
    ramme = pandas.DataFrame(
        {"virksomhed_id": ["v1", "v1"], "voksenlaerling_aftale_start": pandas.to_datetime(["2025-01-01", None]),
         "voksenlaerling_praktiktimer": [160.0, None]}
    )
    ramme.to_parquet(tmp_path / "p.parquet")
    b = laes_befolkning(tbs, tmp_path / "p.parquet")
    assert b.antal_personer == 2
    assert b.personer["voksenlaerling_praktiktimer"].tolist() == [160, 0]


@pytest.mark.parametrize(
    ("aendring", "forventet"),
    [
        (lambda t: t.replace("\r\nv1;1985", "\r\n;1985"), "række 3, kolonne virksomhed_id: tom"),
        (lambda t: t.replace(";maalgruppe", ";voksenlaerling_praktiktimer"), "kolonnen 'voksenlaerling_praktiktimer' står to gange"),
        (lambda t: t.replace(";80;", ";hundrede;"), "række 3, kolonne 'voksenlaerling_praktiktimer': ikke et tal"),
        (lambda t: t.replace(";80;", ";-80;"), "række 3, kolonne 'voksenlaerling_praktiktimer'"),
        (lambda t: t.replace(";80;", ";inf;"), "række 3, kolonne 'voksenlaerling_praktiktimer'"),
        (lambda t: t.replace(";80;", ";1e300;"), "række 3, kolonne 'voksenlaerling_praktiktimer'"),
        (lambda t: t.replace(";80;", ";100000;"), "række 3, kolonne 'voksenlaerling_praktiktimer'"),
        (lambda t: t.replace("1990-05-01", "1850-05-01"), "række 2, kolonne 'foedselsdato'"),
    ],
    ids=["tomt-id", "dobbelt-kolonne", "ikke-et-tal", "negativ", "inf", "1e300", "100000-timer", "foedt-1850"],
)
def test_fejl_naevner_regnearkets_linje(tbs, tmp_path, aendring, forventet):
    sti = skriv(tmp_path, aendring(DANSK))
    besked = fejl(tbs, sti)
    assert forventet in besked
    assert str(sti) in besked


def test_nul_fil_afvises_straks(tbs, tmp_path):
    sti = tmp_path / "nul.csv"
    with open(sti, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # 200 MiB NUL-bytes (sparse: koster ingen disk)
    assert "NUL-bytes" in fejl(tbs, sti)


def test_for_stor_fil_afvises_foer_den_laeses(tbs, tmp_path, monkeypatch):
    monkeypatch.setattr(fil, "MAX_CSV_BYTES", 100)
    assert "højst" in fejl(tbs, skriv(tmp_path, DANSK))


def test_parquet_der_ikke_er_parquet(tbs, tmp_path):
    assert "ikke en Parquet-fil" in fejl(tbs, skriv(tmp_path, DANSK, navn="p.parquet"))


def test_vaegt_med_decimalkomma_og_regnearkets_linje(tbs, tmp_path):
    tekst = "virksomhed_id;vaegt;voksenlaerling_praktiktimer\nv1;1,5;10\nv1;0;3\n"
    assert "række 3, kolonne 'vaegt'" in fejl(tbs, skriv(tmp_path, tekst))
    b = laes_befolkning(tbs, skriv(tmp_path, tekst.replace(";0;", ";2,25;")))
    assert sorted(b.vaegt.tolist()) == [1.5, 2.25]
