"""Sammenlign grundlaget med en eller flere reformer på en befolkning: kroner, modtagere, hvem
vinder og taber — pr. ordning, sektor og målgruppe.

Eksempel::

    from openfisca_dk_jobcenter import CountryTaxBenefitSystem
    from openfisca_dk_jobcenter.reforms.fra_fil import reform_fra_fil
    from openfisca_dk_jobcenter.befolkning.syntetisk import syntetiske_blokke
    from openfisca_dk_jobcenter.analyse.sammenligning import sammenlign

    grundlag = CountryTaxBenefitSystem()
    reform = reform_fra_fil("examples/reformer/hoejere_voksenlaerlingesatser.yaml")(grundlag)
    tabel = sammenlign({"Højere satser": reform}, syntetiske_blokke(10_000), grundlag=grundlag)
    print(tabel.pr_ordning)

Befolkningen gives som en `Befolkning` eller som blokke (en iterator af `Befolkning`), der
køres én ad gangen, så hukommelsen ikke vokser med befolkningens størrelse.
"""

from dataclasses import dataclass

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering, maaneder
from openfisca_dk_jobcenter.ordninger import ORDNINGER

GRUNDLAG = "grundlag"
OERE = 0.005  # forskelle under en halv øre er afrunding, ikke gevinst eller tab


@dataclass
class Sammenligning:
    """Resultatet: `detaljer` pr. (reform, ordning, sektor, målgruppe); `pr_ordning` summeret."""

    detaljer: pandas.DataFrame
    virksomheder: pandas.DataFrame

    @property
    def pr_ordning(self):
        kolonner = ["grundlag_kr", "reform_kr", "forskel_kr", "modtagere_grundlag", "modtagere_reform", "vindere", "tabere"]
        tabel = self.detaljer.groupby(["reform", "ordning"], sort=False)[kolonner].sum().reset_index()
        i_alt = tabel.groupby("reform", sort=False)[kolonner].sum().reset_index()
        i_alt["ordning"] = "I alt"
        i_alt[["modtagere_grundlag", "modtagere_reform", "vindere", "tabere"]] = numpy.nan  # tælles pr. ordning
        return pandas.concat([tabel, i_alt[tabel.columns]], ignore_index=True)


def aarstal_for_ordninger(simulation, aar):
    """Hver ordnings tilskud i året pr. entitet (float64, summeret over 12 måneder)."""
    resultat = {}
    for o in ORDNINGER:
        total = None
        for maaned in maaneder(aar):
            vaerdi = simulation.calculate(o.tilskud, maaned).astype(numpy.float64)
            total = vaerdi if total is None else total + vaerdi
        resultat[o.noegle] = total
    return resultat


def sammenlign(reformer, befolkning, grundlag=None, aar=None):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret TaxBenefitSystem).

    `befolkning` er en `Befolkning` eller en iterator af blokke; `aar` (standard: befolkningens
    år) er det simulerede år. Returnerer en `Sammenligning`.
    """
    if grundlag is None:
        from openfisca_dk_jobcenter import CountryTaxBenefitSystem

        grundlag = CountryTaxBenefitSystem()
    blokke = [befolkning] if isinstance(befolkning, Befolkning) else befolkning
    detaljer, virksomheder = [], []
    for blok in blokke:
        if aar is not None:
            blok.aar = aar
        d, v = _sammenlign_blok(grundlag, reformer, blok)
        detaljer.append(d)
        virksomheder.append(v)
    noegler = ["reform", "ordning", "sektor", "maalgruppe"]
    detaljer = pandas.concat(detaljer).groupby(noegler, sort=False).sum().reset_index()
    virksomheder = pandas.concat(virksomheder).groupby(["reform", "sektor"], sort=False).sum().reset_index()
    return Sammenligning(detaljer=detaljer, virksomheder=virksomheder)


def _sammenlign_blok(grundlag, reformer, blok):
    basis = aarstal_for_ordninger(byg_simulering(grundlag, blok), blok.aar)
    sektor_v = numpy.asarray(blok.virksomheder.get("sektor", numpy.full(blok.antal_virksomheder, "privat")))
    sektor_p = sektor_v[blok.person_virksomhed]
    maalgruppe_p = numpy.asarray(blok.personer.get("maalgruppe", numpy.full(blok.antal_personer, "beskaeftiget")))
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform = aarstal_for_ordninger(byg_simulering(system, blok), blok.aar)
        pr_virksomhed_basis = numpy.zeros(blok.antal_virksomheder)
        pr_virksomhed_reform = numpy.zeros(blok.antal_virksomheder)
        for o in ORDNINGER:
            b, r = basis[o.noegle], reform[o.noegle]
            if o.entitet == "person":
                sektor, maalgruppe = sektor_p, maalgruppe_p
                pr_virksomhed_basis += numpy.bincount(blok.person_virksomhed, b, blok.antal_virksomheder)
                pr_virksomhed_reform += numpy.bincount(blok.person_virksomhed, r, blok.antal_virksomheder)
            else:
                sektor, maalgruppe = sektor_v, numpy.full(len(b), "(virksomhed)")
                pr_virksomhed_basis += b
                pr_virksomhed_reform += r
            ramme = pandas.DataFrame(
                {
                    "reform": navn,
                    "ordning": o.navn,
                    "sektor": sektor,
                    "maalgruppe": maalgruppe,
                    "grundlag_kr": b,
                    "reform_kr": r,
                    "forskel_kr": r - b,
                    "modtagere_grundlag": b > 0,
                    "modtagere_reform": r > 0,
                    "vindere": r > b + OERE,
                    "tabere": r < b - OERE,
                }
            )
            detaljer.append(ramme.groupby(["reform", "ordning", "sektor", "maalgruppe"], sort=False).sum())
        forskel = pr_virksomhed_reform - pr_virksomhed_basis
        virksomheder.append(
            pandas.DataFrame(
                {
                    "reform": navn,
                    "sektor": sektor_v,
                    "virksomheder": 1,
                    "virksomheder_der_vinder": forskel > OERE,
                    "virksomheder_der_taber": forskel < -OERE,
                    "forskel_kr": forskel,
                }
            )
            .groupby(["reform", "sektor"], sort=False)
            .sum()
        )
    return pandas.concat(detaljer).reset_index(), pandas.concat(virksomheder).reset_index()
