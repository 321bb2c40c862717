"""Ordningsregistret (ordninger.py): hver post peger på variabler og et befolkningsmodul, der findes."""

import importlib

import pytest
from openfisca_core.indexed_enums import Enum

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.befolkning.ordninger import ORDNINGSMODULER
from openfisca_dk_jobcenter.ordninger import ORDNINGER, ordning

TBS = CountryTaxBenefitSystem()


@pytest.mark.parametrize("o", ORDNINGER, ids=lambda o: o.noegle)
def test_registrets_variabler_findes_med_rette_type(o):
    v = TBS.variables
    assert set(o.variabler()) <= set(v), set(o.variabler()) - set(v)
    assert v[o.tilskud].value_type is float
    assert v[o.berettiget].value_type is bool
    for navn in (o.afslagsgrund, *o.andre_afslagsgrunde):
        assert v[navn].value_type is Enum
        assert "ingen" in v[navn].possible_values.__members__
        assert v[navn].entity.key == v[o.berettiget].entity.key
    if o.antal:
        assert v[o.antal].value_type is bool
        assert v[o.antal].entity.key == o.entitet


@pytest.mark.parametrize("o", ORDNINGER, ids=lambda o: o.noegle)
def test_entiteten_laeses_af_tilskudsvariablen(o):
    assert o.entitet == TBS.variables[o.tilskud].entity.key


def test_befolkningsmodulerne_er_registrets_i_registrets_orden():
    assert [m.__name__ for m in ORDNINGSMODULER] == [o.befolkningsmodul for o in ORDNINGER]
    assert all(callable(importlib.import_module(o.befolkningsmodul).tilfoej) for o in ORDNINGER)


def test_ordning_slaar_op_og_afviser_ukendte():
    assert ordning("jobrotation").entitet == "virksomhed"
    with pytest.raises(KeyError, match="ukendt ordning 'findes_ikke'"):
        ordning("findes_ikke")
