"""`forloeb._husket` (formelhjælpernes hukommelse): et svar pr. array huskes, så længe arrayet lever, og aldrig for et andet array."""

import gc

import numpy

from openfisca_dk_jobcenter.model.forloeb import _HUSKET
from openfisca_dk_jobcenter.model.forloeb import _husket as husket


def test_svaret_regnes_en_gang_pr_array_og_funktion():
    kald = []

    def taeller(a):
        kald.append(1)
        return int(a.sum())

    a = numpy.arange(10)
    assert husket(a, taeller) == 45
    assert husket(a, taeller) == 45
    assert len(kald) == 1
    # Et andet array med de samme tal er et andet array: regnes for sig.
    assert husket(numpy.arange(10), taeller) == 45
    assert len(kald) == 2


def test_svaret_glemmes_med_arrayet_og_gaelder_aldrig_et_nyt_array_med_samme_id():
    def summen(a):
        return int(a.sum())

    a = numpy.arange(10)
    noegle = id(a)
    assert husket(a, summen) == 45
    del a
    gc.collect()
    assert noegle not in _HUSKET
    # Selv hvis Python giver et nyt array samme id, regnes svaret for det nye array.
    for _ in range(100):
        b = numpy.arange(5)
        assert husket(b, summen) == 10
        del b


def test_en_skalar_kan_ikke_huskes_men_faar_sit_svar():
    assert husket(3, lambda x: x + 1) == 4
