"""Befolkningens Enum-navne omsat til OpenFiscas indeks (`befolkning.simulering`): samme svar som én
lighedstest pr. kendt navn, og et ukendt navn afvises, også når det ligner et kendt."""

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl, _koder_for_navne, _som_openfisca

TBS = CountryTaxBenefitSystem()
MAALGRUPPER = tuple(m.name for m in TBS.variables["maalgruppe"].possible_values)


def en_test_pr_navn(navne, kendte):
    kode = numpy.full(navne.shape, -1, dtype=numpy.int16)
    for i, navn in enumerate(kendte):
        kode[navne == navn] = i
    return kode


# Kendte navne, navne der kun afviger sent i teksten eller er forkortet, tegn uden for latin
# (fra 1024 og op deler de plads i tabellen) og den tomme tekst.
LIGNER = [*MAALGRUPPER, "dagpengemodtagerX", "dagpenge", "kontanthjaelpsmodtageR", "sygedagpengemodtager ",
          "dægpengemodtager", "dagpengemodtager\u4e00", "\u4e00", "", "beskaeftiget\u0400"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LIGNER), min_size=1, max_size=60), st.booleans())
def test_samme_indeks_som_en_lighedstest_pr_navn(navne, to_dimensioner):
    navne = numpy.array(navne)
    if to_dimensioner and navne.size % 2 == 0:
        navne = navne.reshape(2, -1)  # (måneder, personer) som personer_maaned
    assert _koder_for_navne(navne, MAALGRUPPER).tolist() == en_test_pr_navn(navne, MAALGRUPPER).tolist()


def test_kolonnen_er_smallere_end_de_kendte_navne():
    """En kolonne, hvis længste tekst er kortere end et kendt navn (fx 'dag'), kan ikke genkendes
    på tegnene; så sammenlignes navn for navn, og 'dag' er ikke 'dagpengemodtager'."""
    navne = numpy.array(["dag", "revalidend"[:3]])
    assert _koder_for_navne(navne, MAALGRUPPER).tolist() == [-1, -1]


def test_tekst_i_den_anden_byteorden():
    """En kolonne med tekst i big-endian (fx læst fra en fil fra en anden maskine) giver de samme
    indeks som i maskinens egen byteorden."""
    navne = numpy.array(["revalidend", "beskaeftiget", "dagpengemodtagerX", "dagpengemodtager"])
    anden = navne.astype(navne.dtype.newbyteorder(">" if navne.dtype.byteorder in "=<" else "<"))
    assert _koder_for_navne(anden, MAALGRUPPER).tolist() == _koder_for_navne(navne, MAALGRUPPER).tolist()
    assert _koder_for_navne(navne, MAALGRUPPER).tolist() == en_test_pr_navn(navne, MAALGRUPPER).tolist()


def test_et_ukendt_navn_naevner_raekken_og_de_tilladte():
    variabel = TBS.variables["maalgruppe"]
    navne = numpy.array(["beskaeftiget", "dagpengemodtager", "dagpengemodtagerX"])
    with pytest.raises(BefolkningsFejl, match=r"maalgruppe: ukendt værdi 'dagpengemodtagerX' i række 2; tilladt: .*dagpengemodtager"):
        _som_openfisca(variabel, navne)
    koder = _som_openfisca(variabel, navne[:2])
    assert koder.decode_to_str().tolist() == ["beskaeftiget", "dagpengemodtager"]
