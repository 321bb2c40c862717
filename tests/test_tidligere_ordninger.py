"""En person er i én ordning ad gangen i den syntetiske befolkning: hvert befolkningsmodul
udelukker deltagerne i ordningerne før sin egen i registret, efter deres første dag
(`befolkning/ordninger/tidligere_ordninger.py`)."""

import numpy

from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

IKKE_OPLYST = numpy.datetime64("1970-01-01")


def _befolkning(**startdatoer):
    b = Befolkning(aar=2026, person_virksomhed=numpy.zeros(3, dtype=numpy.int64), antal_virksomheder=1)
    for navn, datoer in startdatoer.items():
        b.personer[navn] = numpy.array(datoer, dtype="datetime64[D]")
    return b


def test_deltagerne_i_de_tidligere_ordninger_er_ikke_fri():
    # Person 0 er voksenlærling, person 1 har løntilskud, person 2 er ikke i en ordning.
    b = _befolkning(
        voksenlaerling_aftale_start=["2026-03-01", IKKE_OPLYST, IKKE_OPLYST],
        jobrotation_vikariat_start=[IKKE_OPLYST] * 3,
        loentilskud_start=[IKKE_OPLYST, "2026-02-01", IKKE_OPLYST],
    )
    assert fri_af_tidligere_ordninger(b, "voksenlaerling").tolist() == [True, True, True]  # den første
    assert fri_af_tidligere_ordninger(b, "loentilskud").tolist() == [False, True, True]
    assert fri_af_tidligere_ordninger(b, "opkvalificering").tolist() == [False, False, True]
    assert fri_af_tidligere_ordninger(b, "opkvalificering", undtagen=("loentilskud",)).tolist() == [False, True, True]


def test_en_ordning_uden_trukne_datoer_udelukker_ingen():
    """Er en tidligere ordnings modul ikke kørt (ingen datoer i befolkningen), er alle fri for den."""
    b = _befolkning(voksenlaerling_aftale_start=["2026-03-01", IKKE_OPLYST, IKKE_OPLYST])
    assert fri_af_tidligere_ordninger(b, "opkvalificering").tolist() == [False, True, True]


def test_ingen_har_to_foerste_dage_i_den_syntetiske_befolkning():
    b = syntetisk_befolkning(20_000, aar=2026)
    startet = [b.personer[o.startdato] != IKKE_OPLYST for o in ORDNINGER if o.startdato]
    assert len(startet) >= 4
    antal = numpy.sum(startet, axis=0)
    assert antal.max() == 1
    assert (antal == 1).sum() > 100  # befolkningen har deltagere nok til, at tjekket kan fejle
