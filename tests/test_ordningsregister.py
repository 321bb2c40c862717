"""Ordningsregistret (ordninger.py): hver post peger på variabler og et befolkningsmodul, der findes,
og websidens felter, deltagerens første dag og deltageren er af den rette slags på den rette entitet."""

import dataclasses
import datetime
import importlib

import pytest
from openfisca_core.indexed_enums import Enum

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.befolkning.ordninger import ORDNINGSMODULER
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER, Felt, ordning, ordninger_foer
from openfisca_dk_jobcenter.webside.registerdata import SUPPLERENDE

TBS = CountryTaxBenefitSystem()


@pytest.mark.parametrize("o", ORDNINGER, ids=lambda o: o.noegle)
def test_registrets_variabler_findes_med_rette_type(o):
    v = TBS.variables
    assert set(o.variabler()) <= set(v), set(o.variabler()) - set(v)
    assert v[o.tilskud].value_type is float
    assert v[o.berettiget].value_type is bool
    for navn in (o.afslagsgrund, *o.andre_afslagsgrunde):  # også kollegaens
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


# Hvor et felt hører til → entiteten, variablen skal være defineret på: kollegaen i uddannelse er
# en person ligesom den ansatte under ordningen; arbejdsgiveren er virksomheden.
ENTITET_FOR_HVOR = {"person": "person", "kollega": "person", "virksomhed": "virksomhed"}

FELTER = [(o.noegle, f) for o in ORDNINGER for f in o.felter] + [
    (noegle, f) for noegle, s in SUPPLERENDE.items() for f in s["felter"]
]


@pytest.mark.parametrize(("noegle", "f"), FELTER, ids=lambda x: x if isinstance(x, str) else x.variabel)
def test_websidens_felter_er_input_paa_den_rette_entitet(noegle, f):
    assert f.variabel in TBS.variables, (noegle, f.variabel)
    v = TBS.variables[f.variabel]
    assert not v.formulas, f"{noegle}: '{f.variabel}' er beregnet, ikke et input, siden kan spørge om"
    assert v.entity.key == ENTITET_FOR_HVOR[f.hvor], (noegle, f.variabel, f.hvor, v.entity.key)
    assert f.hjaelp.strip(), (noegle, f.variabel)


@pytest.mark.parametrize(("noegle", "f"), FELTER, ids=lambda x: x if isinstance(x, str) else x.variabel)
def test_eksempelvaerdien_passer_til_variablens_type(noegle, f):
    """Siden udfylder felterne med eksemplet; et eksempel af forkert type giver et 400-svar."""
    v = TBS.variables[f.variabel]
    if v.value_type is bool:
        assert isinstance(f.eksempel, bool), (noegle, f.variabel, f.eksempel)
        return
    assert isinstance(f.eksempel, str), (noegle, f.variabel, f.eksempel)
    if v.value_type is Enum:
        assert f.eksempel in v.possible_values.__members__, (noegle, f.variabel, f.eksempel)
    elif v.value_type is datetime.date:
        assert f.eksempel == "" or datetime.date.fromisoformat(f.eksempel), (noegle, f.variabel)
    else:
        float(f.eksempel)


def test_felterne_pr_ordning_er_forskellige():
    for o in ORDNINGER:
        noegler = [(f.variabel, f.hvor) for f in o.felter]
        assert len(noegler) == len(set(noegler)), o.noegle


def test_et_felt_med_ukendt_hvor_afvises():
    with pytest.raises(ValueError, match="feltet 'x': hvor='kollegaen' skal være et af person, kollega, virksomhed"):
        Felt("x", "kollegaen", "hjælp", "1")


@pytest.mark.parametrize("o", [o for o in ORDNINGER if o.startdato], ids=lambda o: o.noegle)
def test_startdatoen_er_en_dato_paa_deltagerens_entitet(o):
    """Deltageren er den, `berettiget` gælder (jobrotation: vikaren, en person, selv om ydelsen går
    til virksomheden); valideringen tæller tilgangen efter personens første dag."""
    v = TBS.variables[o.startdato]
    assert v.value_type is datetime.date
    assert str(v.definition_period) == "eternity"
    assert v.entity.key == TBS.variables[o.berettiget].entity.key


@pytest.mark.parametrize("o", [o for o in ORDNINGER if o.kollega_afslagsgrund], ids=lambda o: o.noegle)
def test_en_kollega_med_afslagsgrund_har_felter_og_er_en_person(o):
    """Kollegaens afslag regnes på de input, siden spørger kollegaen om."""
    assert any(f.hvor == "kollega" for f in o.felter), o.noegle
    assert TBS.variables[o.kollega_afslagsgrund].entity.key == "person"


@pytest.mark.parametrize("o", ORDNINGER, ids=lambda o: o.noegle)
def test_deltageren_er_en_maanedlig_bool_paa_personen(o):
    """Valideringen tæller personer i ordningen måned for måned (de publicerede tal tæller personer),
    også når tilskuddet går til virksomheden; en virksomhedsordning skal derfor have `deltager`."""
    navn = o.deltagervariabel
    if navn is None:
        assert o.entitet == "person", o.noegle
        return
    v = TBS.variables[navn]
    assert v.value_type is bool, (o.noegle, navn)
    assert v.entity.key == "person", (o.noegle, navn)
    assert str(v.definition_period) == "month", (o.noegle, navn)


def test_deltageren_er_vikaren_i_jobrotation_og_antal_ellers():
    assert ordning("jobrotation").deltagervariabel == "jobrotation_vikar_med_ydelse"
    assert ordning("virksomhedspraktik").deltagervariabel == "virksomhedspraktik_praktikant"
    assert ordning("loentilskud").deltagervariabel is None  # løntilskud > 0 på personen


def test_en_virksomhedsordning_uden_deltager_afvises():
    uden = dataclasses.replace(ordning("jobrotation"), deltager=None)
    with pytest.raises(ValueError, match="ordningen 'jobrotation': tilskuddet går til virksomhed; angiv deltager="):
        _ = uden.deltagervariabel


def test_ordningerne_foer_er_registrets_orden():
    """Den syntetiske befolkning trækker i registrets rækkefølge; et modul udelukker deltagerne i
    ordningerne før sin egen (befolkning/ordninger/tidligere_ordninger.py)."""
    noegler = [o.noegle for o in ORDNINGER]
    for i, noegle in enumerate(noegler):
        assert [o.noegle for o in ordninger_foer(noegle)] == noegler[:i]
    with pytest.raises(KeyError, match="ukendt ordning 'findes_ikke'"):
        ordninger_foer("findes_ikke")
