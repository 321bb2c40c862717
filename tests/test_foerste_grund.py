"""`kategorier.foerste_grund`: den første betingelse i lovens rækkefølge, der er sand, giver grunden."""

import numpy
import pytest

from openfisca_dk_jobcenter.model.kategorier import foerste_grund
from openfisca_dk_jobcenter.variables.voksenlaerling.betingelser import VoksenlaerlingAfslagsgrund as Grund


def test_den_foerste_sande_betingelse_vinder_og_ingen_naar_ingen_er_sand():
    # LAB § 155: alderen prøves før persongruppen; en person med begge mangler får alderen som grund.
    for_ung = numpy.array([True, False, False, True])
    uden_ledighed = numpy.array([True, True, False, False])
    grunde = foerste_grund(
        [(for_ung, Grund.under_minimumsalder), (uden_ledighed, Grund.faglaert_uden_tilstraekkelig_ledighed)],
        ingen=Grund.ingen,
    )
    assert grunde.dtype == numpy.int16
    assert [list(Grund)[i] for i in grunde] == [
        Grund.under_minimumsalder,
        Grund.faglaert_uden_tilstraekkelig_ledighed,
        Grund.ingen,
        Grund.under_minimumsalder,
    ]


def test_en_betingelse_skal_vaere_sand_eller_falsk():
    with pytest.raises(TypeError, match="under_minimumsalder"):
        foerste_grund([(numpy.array([0.5, 0.0]), Grund.under_minimumsalder)], ingen=Grund.ingen)
