"""Den syntetiske befolkning er reproducerbar, og kørsel i blokke giver de samme tal som samlet."""

import numpy

from openfisca_dk_jobcenter.analyse.sammenligning import sammenlign
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning, syntetiske_blokke
from openfisca_dk_jobcenter.reforms.fra_fil import anvend_reformfil


def test_samme_seed_giver_samme_befolkning():
    a = syntetisk_befolkning(3000, seed=7)
    b = syntetisk_befolkning(3000, seed=7)
    for navn in a.personer:
        assert numpy.array_equal(a.personer[navn], b.personer[navn]), navn
    assert numpy.array_equal(a.person_virksomhed, b.person_virksomhed)


def test_alle_virksomheder_har_personer_og_personer_er_sorteret():
    b = syntetisk_befolkning(5000, seed=3)
    assert b.antal_personer == 5000
    assert numpy.all(numpy.diff(b.person_virksomhed) >= 0)
    assert len(numpy.unique(b.person_virksomhed)) == b.antal_virksomheder


def test_blokvis_og_samlet_giver_samme_totaler(tbs):
    reform = anvend_reformfil(tbs, "openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml")
    blokvis = sammenlign({"r": reform}, syntetiske_blokke(12_000, seed=5, blok_personer=4_000), grundlag=tbs)
    samlet_befolkning = syntetisk_befolkning(12_000, seed=5)
    # Samme personer kræver samme blokinddeling; standardblokken er større end 12.000.
    samlet = sammenlign({"r": reform}, syntetisk_befolkning(12_000, seed=5), grundlag=tbs)
    assert samlet_befolkning.antal_personer == 12_000
    fra_blokke = sammenlign(
        {"r": reform},
        [__import__("openfisca_dk_jobcenter.befolkning.model", fromlist=["Befolkning"]).Befolkning.saml(
            syntetiske_blokke(12_000, seed=5, blok_personer=4_000)
        )],
        grundlag=tbs,
    )
    a = blokvis.pr_ordning.set_index("ordning")
    b = fra_blokke.pr_ordning.set_index("ordning")
    numpy.testing.assert_allclose(a["grundlag_kr"], b["grundlag_kr"], rtol=1e-12)
    numpy.testing.assert_allclose(a["reform_kr"], b["reform_kr"], rtol=1e-12)
    assert list(a["modtagere_grundlag"].fillna(-1)) == list(b["modtagere_grundlag"].fillna(-1))
    assert samlet.pr_ordning["grundlag_kr"].sum() > 0
