"""Datoregningen, som alle ordninger bruger (konventionerne står i datoer.py)."""

import numpy
from openfisca_core.periods import period

from openfisca_dk_jobcenter.model import datoer
from openfisca_dk_jobcenter.model.datoer import (
    UENDELIG,
    alder_paa_dato,
    andel_af_maaneden,
    foerste_dag_i_maaneden,
    periodens_slut,
    plus_maaneder,
)
from openfisca_dk_jobcenter.model.forloeb import regeldato


def d(*datoer):
    return numpy.array(datoer, dtype="datetime64[D]")


def test_plus_maaneder_klipper_til_maanedens_sidste_dag():
    assert list(plus_maaneder(d("2024-01-31", "2023-01-31", "2024-03-15"), 1)) == list(
        d("2024-02-29", "2023-02-28", "2024-04-15")
    )


def test_plus_maaneder_24():
    assert plus_maaneder(d("2024-03-16"), 24)[0] == numpy.datetime64("2026-03-16")


def test_alder_fødselsdag_tæller():
    alder = alder_paa_dato(d("2001-03-01", "2001-03-02", "2000-02-29", "2000-02-29"), d("2026-03-01", "2026-03-01", "2025-02-28", "2025-03-01"))
    assert list(alder) == [25, 24, 24, 25]


def test_andel_af_maaneden_fra_den_16():
    andel = andel_af_maaneden(period("2026-01"), fra=d("2026-01-16", "2025-01-01", "2026-02-01"))
    numpy.testing.assert_allclose(andel, [16 / 31, 1, 0], rtol=1e-6)


def test_andel_af_maaneden_til_og_fra():
    andel = andel_af_maaneden(period("2026-02"), fra=d("2026-02-10"), til=d("2026-02-20"))
    numpy.testing.assert_allclose(andel, [10 / 28], rtol=1e-6)


# --- former og genbrug (datoer.py er vektoriseret, men tager også én dato og flere dimensioner) ---


def test_regeldato_og_periodens_slut_for_en_dato_og_et_2d_array():
    marts = period("2026-03")
    assert regeldato(numpy.datetime64("2026-03-10"), marts) == numpy.datetime64("2026-03-10")
    assert regeldato("1970-01-01", marts) == numpy.datetime64("2026-03-01")
    starter = numpy.array([["1970-01-01", "2025-05-05"], ["2025-01-31", "1970-01-01"]], dtype="datetime64[D]")
    assert regeldato(starter, marts).tolist() == numpy.array(
        [["2026-03-01", "2025-05-05"], ["2025-01-31", "2026-03-01"]], dtype="datetime64[D]"
    ).tolist()
    # LAB § 68: 6 måneder fra 31. januar slutter 31. juli; uden start ingen kendt slutning.
    assert periodens_slut(starter, 6).tolist() == numpy.array(
        [[UENDELIG, "2025-11-05"], ["2025-07-31", UENDELIG]], dtype="datetime64[D]"
    ).tolist()
    assert periodens_slut(starter, numpy.array([[1, 2], [1, 2]])).tolist() == numpy.array(
        [[UENDELIG, "2025-07-05"], ["2025-02-28", UENDELIG]], dtype="datetime64[D]"
    ).tolist()


def test_de_almindelige_datofunktioner_husker_intet_om_et_array():
    """Et array, der ændres mellem to kald, giver det nye svar (kun formlernes hjælpere husker)."""
    a = numpy.array(["2026-03-17", "1970-01-01"], dtype="datetime64[D]")
    foerste_dag_i_maaneden(a), periodens_slut(a, 6)
    a[:] = numpy.array(["2025-07-09", "2026-01-10"], dtype="datetime64[D]")
    assert foerste_dag_i_maaneden(a).tolist() == numpy.array(["2025-07-01", "2026-01-01"], dtype="datetime64[D]").tolist()
    assert periodens_slut(a, 6).tolist() == numpy.array(["2026-01-09", "2026-07-10"], dtype="datetime64[D]").tolist()
    f = numpy.array(["2000-06-01"], dtype="datetime64[D]")
    assert alder_paa_dato(f, numpy.datetime64("2026-03-01"))[0] == 25
    f[0] = numpy.datetime64("1960-06-01")
    assert alder_paa_dato(f, numpy.datetime64("2026-03-01"))[0] == 65
    assert foerste_dag_i_maaneden(numpy.datetime64("2026-03-17")) == numpy.datetime64("2026-03-01")


def test_en_lille_forespoergsel_bygger_ingen_maanedstabel():
    """Ét antal måneder for alle slås op i en tabel over 146.000 dage, men kun for en befolkning:
    en forespørgsel med én person og et frit valgt antal måneder regnes dato for dato."""
    foer = set(datoer._T._plus)
    ud = plus_maaneder(numpy.array(["2026-01-31"], dtype="datetime64[D]"), numpy.array([987_654]))
    assert set(datoer._T._plus) == foer
    assert ud[0] == numpy.datetime64("84330-07-31")
