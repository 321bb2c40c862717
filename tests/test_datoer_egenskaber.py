"""Egenskaber ved datoregningen (datoer.py) mod `dateutil.relativedelta` og Pythons `datetime`.

Eksempeltestene (test_datoer.py) rammer kun tabelopslagene for 1800-2199. Her prøver hypothesis
også datoer uden for tabellerne (heltalsregningen), månedsultimo, skuddage og blandinger, hvor én
dato uden for tabellen sender hele arrayet ad den anden vej.
"""

import datetime

import numpy
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openfisca_core.periods import period as periode

from openfisca_dk_jobcenter.model.datoer import (
    IKKE_OPLYST,
    UENDELIG,
    alder_paa_dato,
    andel_af_maaneden,
    foerste_dag_i_maaneden,
    i_maaneden,
    periodens_slut,
    plus_maaneder,
)

# Tabellerne dækker 1800-01-01 til 2199-12-31; datoerne her går et godt stykke til begge sider.
DATOER = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(3000, 12, 31))
I_TABELLEN = st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2199, 12, 31))
MAANEDSULTIMO = st.builds(
    lambda aar, maaned: (datetime.date(aar, maaned, 1) + relativedelta(months=1)) - datetime.timedelta(days=1),
    st.integers(1000, 2999),
    st.integers(1, 12),
)
SKUDDAGE = st.integers(250, 749).map(lambda n: datetime.date(4 * n, 2, 29) if (4 * n) % 100 or (4 * n) % 400 == 0 else datetime.date(4 * n, 2, 28))
ALLE_DATOER = st.one_of(DATOER, I_TABELLEN, MAANEDSULTIMO, SKUDDAGE)
MAANEDER = st.integers(-600, 600)


def som_array(datoer):
    return numpy.array(datoer, dtype="datetime64[D]")


def som_date(dato):
    return dato.astype(datetime.date)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALLE_DATOER, min_size=1, max_size=8), MAANEDER)
@example([datetime.date(2024, 1, 31), datetime.date(2023, 1, 31)], 1)  # 29. og 28. februar
@example([datetime.date(2199, 12, 31)], 1)  # ud af tabellen
@example([datetime.date(1799, 12, 31), datetime.date(2024, 3, 31)], -1)  # én uden for tabellen
def test_plus_maaneder_med_samme_antal_maaneder_er_relativedelta(datoer, maaneder):
    ud = plus_maaneder(som_array(datoer), maaneder)
    assert [som_date(d) for d in ud] == [d + relativedelta(months=maaneder) for d in datoer]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ALLE_DATOER, MAANEDER), min_size=1, max_size=8))
def test_plus_maaneder_pr_person_er_relativedelta(par):
    datoer = [d for d, _ in par]
    maaneder = numpy.array([m for _, m in par])
    ud = plus_maaneder(som_array(datoer), maaneder)
    assert [som_date(d) for d in ud] == [d + relativedelta(months=int(m)) for d, m in par]


@settings(max_examples=100, deadline=None)
@given(st.lists(ALLE_DATOER, min_size=1, max_size=6), MAANEDER)
def test_plus_maaneder_bevarer_en_manglende_dato(datoer, maaneder):
    ud = plus_maaneder(numpy.append(som_array(datoer), numpy.datetime64("NaT")), maaneder)
    assert numpy.isnat(ud[-1])
    assert [som_date(d) for d in ud[:-1]] == [d + relativedelta(months=maaneder) for d in datoer]


@settings(max_examples=300, deadline=None)
@given(st.lists(ALLE_DATOER, min_size=1, max_size=8))
def test_foerste_dag_i_maaneden(datoer):
    ud = foerste_dag_i_maaneden(som_array(datoer))
    assert [som_date(d) for d in ud] == [d.replace(day=1) for d in datoer]


def alder_efter_konventionen(foedt, dato):
    """Hele år fra `foedt` til `dato` (relativedelta), dog fylder en person født 29. februar år
    1. marts i år uden skuddag (relativedelta lader den fylde år 28. februar)."""
    alder = relativedelta(dato, foedt).years
    skudaar = dato.year % 4 == 0 and (dato.year % 100 != 0 or dato.year % 400 == 0)
    if (foedt.month, foedt.day) == (2, 29) and (dato.month, dato.day) == (2, 28) and not skudaar and dato >= foedt:
        alder -= 1
    return alder


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ALLE_DATOER, ALLE_DATOER), min_size=1, max_size=8))
@example([(datetime.date(2000, 2, 29), datetime.date(2025, 2, 28)), (datetime.date(2000, 2, 29), datetime.date(2025, 3, 1))])
@example([(datetime.date(1600, 2, 29), datetime.date(2301, 2, 28))])  # uden for tabellen
def test_alder_paa_dato_er_relativedelta(par):
    par = [(f, d) for f, d in par if f <= d] or [(datetime.date(2001, 3, 1), datetime.date(2026, 3, 1))]
    foedt = som_array([f for f, _ in par])
    dato = som_array([d for _, d in par])
    assert list(alder_paa_dato(foedt, dato)) == [alder_efter_konventionen(f, d) for f, d in par]


MAANED = st.tuples(st.integers(1801, 2198), st.integers(1, 12)).map(lambda am: periode(f"{am[0]}-{am[1]:02d}"))


@settings(max_examples=200, deadline=None)
@given(MAANED, st.lists(st.tuples(ALLE_DATOER, ALLE_DATOER), min_size=1, max_size=6))
def test_andel_af_maaneden_er_daekkede_dage_delt_med_maanedens_dage(maaned, par):
    foerste = maaned.start.date
    efter = maaned.start.offset(1, "month").date
    dage = (efter - foerste).days
    fra = som_array([f for f, _ in par])
    til = som_array([t for _, t in par])
    forventet = [max(0, (min(t, efter) - max(f, foerste)).days) / dage for f, t in par]
    numpy.testing.assert_allclose(andel_af_maaneden(maaned, fra=fra, til=til), forventet, rtol=1e-6)
    numpy.testing.assert_allclose(
        andel_af_maaneden(maaned, fra=fra), [(efter - max(f, foerste)).days / dage if f < efter else 0 for f, _ in par], rtol=1e-6
    )
    assert list(i_maaneden(fra, maaned)) == [foerste <= f < efter for f, _ in par]


@settings(max_examples=100, deadline=None)
@given(MAANED, st.lists(st.tuples(st.one_of(st.just(None), ALLE_DATOER), st.one_of(st.just(None), ALLE_DATOER)), min_size=1, max_size=6))
def test_en_manglende_dato_daekker_ingen_dage(maaned, par):
    """NaT i `fra` eller `til` (en dato, der mangler) giver andelen 0, uanset den anden grænse."""
    foerste = maaned.start.date
    efter = maaned.start.offset(1, "month").date
    dage = (efter - foerste).days
    fra = numpy.array([numpy.datetime64("NaT") if f is None else f for f, _ in par], dtype="datetime64[D]")
    til = numpy.array([numpy.datetime64("NaT") if t is None else t for _, t in par], dtype="datetime64[D]")
    forventet = [
        0 if f is None or t is None else max(0, (min(t, efter) - max(f, foerste)).days) / dage for f, t in par
    ]
    numpy.testing.assert_allclose(andel_af_maaneden(maaned, fra=fra, til=til), forventet, rtol=1e-6)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.just(None), I_TABELLEN, MAANEDSULTIMO, SKUDDAGE), min_size=1, max_size=200),
    st.one_of(st.integers(0, 48), st.lists(st.integers(0, 48), min_size=200, max_size=200)),
)
def test_periodens_slut_er_start_plus_maaneder_og_uendelig_uden_start(starter, maaneder):
    """En periode på N måneder fra S slutter S + N måneder (LAB § 68's og § 151's "i N måneder");
    uden oplyst start (None: OpenFiscas 1970-01-01) er der ingen kendt slutning."""
    start = som_array([IKKE_OPLYST if s is None else s for s in starter])
    antal = maaneder if isinstance(maaneder, int) else numpy.array(maaneder[: len(starter)])
    forventet = [
        UENDELIG if s is None else numpy.datetime64(s + relativedelta(months=antal if isinstance(antal, int) else int(antal[i])), "D")
        for i, s in enumerate(starter)
    ]
    assert list(periodens_slut(start, antal)) == forventet
