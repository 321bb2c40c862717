"""Datoregningen, som alle ordninger bruger (konventionerne står i datoer.py)."""

import numpy
from openfisca_core.periods import period

from openfisca_dk_jobcenter.datoer import alder_paa_dato, andel_af_maaneden, plus_maaneder


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
