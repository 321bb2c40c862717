"""Simulér en befolkning og sammenlign grundlaget med en eller flere reformer: kroner,
modtagere, hvem vinder og taber — pr. ordning, sektor og målgruppe.

Eksempel (i en notebook)::

    from openfisca_dk_jobcenter.analyse import sammenlign, reform, syntetiske_blokke, grundlag

    g = grundlag()
    r = reform(g, "examples/reformer/hoejere_voksenlaerlingesatser.yaml")
    resultat = sammenlign({"Højere satser": r}, syntetiske_blokke(10_000), grundlag=g, aar=2026)
    resultat.pr_ordning          # én række pr. (reform, ordning) + "I alt"
    resultat.detaljer            # pr. (reform, ordning, sektor, målgruppe)
    resultat.virksomheder        # virksomheder, der vinder/taber, pr. (reform, sektor)

Befolkningen gives som en `Befolkning` (deles i bidder med hele virksomheder) eller som en
iterator af blokke (fx `syntetiske_blokke`); bidderne køres én ad gangen, så hukommelsen ikke
vokser med befolkningens størrelse, og totalerne er de samme som ved én samlet kørsel.
"""

from dataclasses import dataclass

import numpy
import pandas
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.analyse.kontrol import kontroller_maaneder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering, maaneder
from openfisca_dk_jobcenter.ordninger import ORDNINGER

OERE = 0.005  # forskelle under en halv øre er afrunding, ikke gevinst eller tab
BLOK_PERSONER = 50_000  # den syntetiske befolknings blokke (og kommandoens --blok)
# Personer pr. bid i simuler/sammenlign: OpenFiscas faste omkostning pr. variabel og måned fordeles
# på flere personer (50.000 → 200.000: ca. 15 % hurtigere), og cachen holder én måned ad gangen
# (ca. 1 KB pr. person i bidden).
BID_PERSONER = 200_000
ANTAL = ["modtagere_grundlag", "modtagere_reform", "vindere", "tabere"]
KOLONNER = ["grundlag_kr", "reform_kr", "forskel_kr", *ANTAL]


@dataclass
class Sammenligning:
    """Resultatet: `detaljer` pr. (reform, ordning, sektor, målgruppe), `virksomheder` pr.
    (reform, sektor); `pr_ordning` er detaljerne summeret pr. ordning med en "I alt"-række."""

    detaljer: pandas.DataFrame
    virksomheder: pandas.DataFrame

    @property
    def pr_ordning(self):
        tabel = self.detaljer.groupby(["reform", "ordning"], sort=False)[KOLONNER].sum().reset_index()
        i_alt = tabel.groupby("reform", sort=False)[KOLONNER].sum().reset_index()
        i_alt["ordning"] = "I alt"
        # Modtagere tælles pr. ordning; en person kan være med i flere, så de summeres ikke.
        i_alt[ANTAL] = numpy.nan
        samlet = pandas.concat([tabel, i_alt[tabel.columns]], ignore_index=True)
        orden = {navn: i for i, navn in enumerate(dict.fromkeys(tabel["reform"]))}
        return samlet.sort_values("reform", key=lambda s: s.map(orden), kind="stable").reset_index(drop=True)

    def pr(self, *noegler):
        """Detaljerne summeret pr. de givne kolonner, fx `pr("reform", "ordning", "sektor")`."""
        return self.detaljer.groupby(list(noegler), sort=False)[KOLONNER].sum().reset_index()


def grundlag():
    """Lovgivningen, som den er (uden reform)."""
    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    return CountryTaxBenefitSystem()


def bidder(befolkning, blok_personer=BID_PERSONER):
    """Befolkningen som en række bidder med hele virksomheder.

    En `Befolkning` deles i bidder på højst ca. `blok_personer` personer; blokke fra en iterator
    (fx `syntetiske_blokke`) lægges sammen, til en bid ville blive større end `blok_personer`
    (OpenFiscas faste omkostning pr. beregning fordeles på flere personer).
    """
    if isinstance(befolkning, Befolkning):
        yield from befolkning.opdel(blok_personer)
        return
    samlet, antal = [], 0
    for blok in befolkning:
        if samlet and (antal + blok.antal_personer > blok_personer or not _kan_samles(samlet[0], blok)):
            yield _saml(samlet)
            samlet, antal = [], 0
        samlet.append(blok)
        antal += blok.antal_personer
    if samlet:
        yield _saml(samlet)


def _kan_samles(a, b):
    return (
        a.aar == b.aar
        and a.personer.keys() == b.personer.keys()
        and a.personer_maaned.keys() == b.personer_maaned.keys()
        and a.virksomheder.keys() == b.virksomheder.keys()
    )


def _saml(blokke):
    return blokke[0] if len(blokke) == 1 else Befolkning.saml(blokke)


def aarstal_for_ordninger(simulation, aar, maaneds_numre=None):
    """Hver ordnings tilskud pr. entitet summeret over månederne (float64)."""
    perioder = [m for i, m in enumerate(maaneder(aar), start=1) if maaneds_numre is None or i in maaneds_numre]
    resultat = {}
    for o in ORDNINGER:
        total = numpy.zeros(simulation.populations[o.entitet].count, dtype=numpy.float64)
        for maaned in perioder:
            total += simulation.calculate(o.tilskud, maaned)
        resultat[o.noegle] = total
    return resultat


def deltagere_for_ordninger(simulation, aar, tilskud, maaneds_numre=None):
    """Hvem der er med i hver ordning: dem med tilskud > 0, eller for en ordning med en
    `antal`-variabel (virksomhedspraktik giver ingen kroner) dem, den er sand for i en måned."""
    perioder = [m for i, m in enumerate(maaneder(aar), start=1) if maaneds_numre is None or i in maaneds_numre]
    resultat = {}
    for o in ORDNINGER:
        if o.antal is None:
            resultat[o.noegle] = tilskud[o.noegle] > 0
        else:
            med = numpy.zeros(simulation.populations[o.entitet].count, dtype=bool)
            for maaned in perioder:
                med |= simulation.calculate(o.antal, maaned)
            resultat[o.noegle] = med
    return resultat


def _beregn(system, blok, maaneds_numre, deltagere=True, koder=()):
    """(tilskud, deltagere) for en bid, som `aarstal_for_ordninger` og `deltagere_for_ordninger`;
    med `koder` også {navn: enum-indekser} for de input-variabler, der er nævnt (None, når de
    ikke er sat).

    Regner måned for måned og glemmer hver måneds mellemresultater, når måneden er regnet (så
    OpenFiscas cache rummer én måned, ikke tolv); til sidst frigives alle simuleringens arrays med
    det samme i stedet for, når Pythons garbage collector finder simuleringens referencecykler.
    """
    simulation = byg_simulering(system, blok)
    input_navne = set(blok.personer) | set(blok.personer_maaned) | set(blok.virksomheder)
    perioder = [m for i, m in enumerate(maaneder(blok.aar), start=1) if maaneds_numre is None or i in maaneds_numre]
    tilskud = {o.noegle: numpy.zeros(simulation.populations[o.entitet].count) for o in ORDNINGER}
    med = {
        o.noegle: numpy.zeros(simulation.populations[o.entitet].count, dtype=bool) for o in ORDNINGER if o.antal
    }
    try:
        indekser = {}
        for navn in koder:
            array = simulation.get_array(navn, perioder[0]) if perioder else None
            indekser[navn] = None if array is None else numpy.array(array, dtype=numpy.int16)
        for maaned in perioder:
            for o in ORDNINGER:
                tilskud[o.noegle] += simulation.calculate(o.tilskud, maaned)
                if deltagere and o.antal:
                    med[o.noegle] |= simulation.calculate(o.antal, maaned)
            _glem(simulation, maaned, input_navne)
    finally:
        _glem(simulation)
    ud = (tilskud, {o.noegle: med[o.noegle] if o.antal else tilskud[o.noegle] > 0 for o in ORDNINGER} if deltagere else None)
    return (*ud, indekser) if koder else ud


def _glem(simulation, maaned=None, behold=()):
    """Slet månedsvariablers beregnede arrays for `maaned` (input i `behold` og variabler for andre
    perioder, fx ETERNITY, bliver), eller alle arrays, når `maaned` er None."""
    variabler = simulation.tax_benefit_system.variables
    for navn in simulation.get_memory_usage()["by_variable"]:
        if maaned is None:
            simulation.delete_arrays(navn)
        elif navn not in behold and variabler[navn].formulas and variabler[navn].definition_period == MONTH:
            simulation.delete_arrays(navn, maaned)


def simuler(system, befolkning, aar=None, maaneder=None, blok_personer=BID_PERSONER):
    """Hver persons og hver virksomheds tilskud pr. ordning i året (eller de givne måneder).

    Returnerer (personer, virksomheder) som DataFrames. Personernes ordninger står i kroner pr.
    person; virksomhedsordninger (fx jobrotation) og `i_alt` står pr. virksomhed.
    """
    maaneder = kontroller_maaneder(maaneder)  # [13] er en fejl, ikke nuller
    # Kolonnerne samles som numpy-arrays pr. bid, og hver DataFrame bygges én gang til sidst.
    # Sektor og målgruppe gemmes som OpenFiscas enum-indekser (simuleringen har allerede omsat
    # navnene) og bliver til tekst med ét opslag: at lave en tekstkolonne fra et numpy-array af
    # navne koster ca. 0,4 sekund pr. million rækker.
    p = {"virksomhed": [], "sektor": [], "maalgruppe": [], **{o.noegle: [] for o in ORDNINGER if o.entitet == "person"}}
    v = {"virksomhed": [], "sektor": [], "i_alt": [], **{o.noegle: [] for o in ORDNINGER if o.entitet != "person"}}
    forskydning = 0
    for blok in bidder(befolkning, blok_personer):
        if aar is not None:
            blok.aar = aar
        tal, _, koder = _beregn(system, blok, maaneder, deltagere=False, koder=("sektor", "maalgruppe"))
        pv = blok.person_virksomhed
        sektor = _kategori(system, "sektor", blok.virksomheder, blok.antal_virksomheder, koder)
        p["virksomhed"].append(pv + forskydning)
        p["sektor"].append(sektor[pv])
        p["maalgruppe"].append(_kategori(system, "maalgruppe", blok.personer, blok.antal_personer, koder))
        v["virksomhed"].append(numpy.arange(blok.antal_virksomheder) + forskydning)
        v["sektor"].append(sektor)
        i_alt = numpy.zeros(blok.antal_virksomheder)
        for o in ORDNINGER:
            if o.entitet == "person":
                p[o.noegle].append(tal[o.noegle])
                i_alt += numpy.bincount(pv, tal[o.noegle], blok.antal_virksomheder)
            else:
                v[o.noegle].append(tal[o.noegle])
                i_alt += tal[o.noegle]
        v["i_alt"].append(i_alt)
        forskydning += blok.antal_virksomheder
    if not p["virksomhed"]:
        raise ValueError("befolkningen er tom")
    return _ramme(system, p), _ramme(system, v)


def _kategori(system, navn, kolonner, antal, koder):
    """Kolonnen `navn` som (enum-indekser) eller, når input ikke var navne, som de rå værdier."""
    raa = kolonner.get(navn)
    variabel = system.variables[navn]
    if raa is None:
        return _Koder(numpy.full(antal, variabel.default_value.index, dtype=numpy.int16))
    if numpy.asarray(raa).dtype.kind == "U" and koder.get(navn) is not None:
        return _Koder(koder[navn])
    return numpy.asarray(raa)


class _Koder(numpy.ndarray):
    """Enum-indekser (int16), der skal vises som navne."""

    def __new__(cls, indekser):
        return numpy.asarray(indekser, dtype=numpy.int16).view(cls)


def _ramme(system, dele):
    kolonner = {}
    for navn, stykker in dele.items():
        if navn in ("sektor", "maalgruppe"):
            if all(isinstance(x, _Koder) for x in stykker):
                navne = pandas.Series(numpy.array([m.name for m in system.variables[navn].possible_values]))
                kolonner[navn] = navne.array.take(numpy.concatenate(stykker).view(numpy.ndarray))
                continue
            navne = numpy.array([m.name for m in system.variables[navn].possible_values])
            stykker = [navne[x.view(numpy.ndarray)] if isinstance(x, _Koder) else x for x in stykker]
        kolonner[navn] = numpy.concatenate(stykker)
    return pandas.DataFrame(kolonner)


def sammenlign(reformer, befolkning, grundlag=None, aar=None, maaneder=None, blok_personer=BID_PERSONER, fremdrift=None):
    """Sammenlign grundlaget med hver reform i `reformer` (navn → reformeret system).

    `befolkning`: en `Befolkning` eller en iterator af blokke. `aar`: simuleret år (standard:
    befolkningens). `maaneder`: månedsnumre (1-12) at tælle med (standard: hele året).
    `fremdrift`: kaldes med antal personer efter hver bid. Returnerer en `Sammenligning`.
    """
    maaneder = kontroller_maaneder(maaneder)
    if grundlag is None:
        grundlag = globals()["grundlag"]()
    detaljer, virksomheder = [], []
    for blok in bidder(befolkning, blok_personer):
        if aar is not None:
            blok.aar = aar
        d, v = _sammenlign_blok(grundlag, reformer, blok, maaneder)
        detaljer.append(d)
        virksomheder.append(v)
        if fremdrift:
            fremdrift(blok.antal_personer)
    if not detaljer:
        raise ValueError("befolkningen er tom")
    noegler = ["reform", "ordning", "sektor", "maalgruppe"]
    detaljer = pandas.concat(detaljer).groupby(noegler, sort=False).sum().reset_index()
    virksomheder = pandas.concat(virksomheder).groupby(["reform", "sektor"], sort=False).sum().reset_index()
    return Sammenligning(detaljer=detaljer, virksomheder=virksomheder)


def _sektor(blok):
    return numpy.asarray(blok.virksomheder.get("sektor", numpy.full(blok.antal_virksomheder, "privat")))


def _maalgruppe(blok):
    return numpy.asarray(blok.personer.get("maalgruppe", numpy.full(blok.antal_personer, "beskaeftiget")))


def _sammenlign_blok(grundlag, reformer, blok, maaneds_numre):
    # Grupperingen sker på sektorens og målgruppens enum-indekser (tal), og kun de få grupper får
    # navne bagefter; at lave tekstkolonner for hver person, ordning og reform kostede mere end
    # selve beregningen. Grupperne kommer i samme rækkefølge som før (første forekomst).
    basis, basis_med, koder = _beregn(grundlag, blok, maaneds_numre, koder=("sektor", "maalgruppe"))
    sektor_v = _kategori(grundlag, "sektor", blok.virksomheder, blok.antal_virksomheder, koder)
    maalgruppe_p = _kategori(grundlag, "maalgruppe", blok.personer, blok.antal_personer, koder)
    sektor_p = sektor_v[blok.person_virksomhed]
    virksomhed_maalgruppe = numpy.full(blok.antal_virksomheder, "(virksomhed)")
    if isinstance(maalgruppe_p, _Koder):
        virksomhed_maalgruppe = _Koder(numpy.full(blok.antal_virksomheder, _VIRKSOMHED))
    detaljer, virksomheder = [], []
    for navn, system in reformer.items():
        reform, reform_med = _beregn(system, blok, maaneds_numre)
        forskel_v = numpy.zeros(blok.antal_virksomheder)
        for o in ORDNINGER:
            b, r = basis[o.noegle], reform[o.noegle]
            if o.entitet == "person":
                sektor, maalgruppe = sektor_p, maalgruppe_p
                forskel_v += numpy.bincount(blok.person_virksomhed, r - b, blok.antal_virksomheder)
            else:
                sektor, maalgruppe = sektor_v, virksomhed_maalgruppe
                forskel_v += r - b
            vaerdier = {
                "grundlag_kr": b,
                "reform_kr": r,
                "forskel_kr": r - b,
                "modtagere_grundlag": basis_med[o.noegle],
                "modtagere_reform": reform_med[o.noegle],
                "vindere": r > b + OERE,
                "tabere": r < b - OERE,
            }
            detaljer.append(
                _grupper(grundlag, {"reform": navn, "ordning": o.navn}, {"sektor": sektor, "maalgruppe": maalgruppe}, vaerdier)
            )
        vaerdier = {
            "virksomheder": numpy.ones(blok.antal_virksomheder, dtype=numpy.int64),
            "virksomheder_der_vinder": forskel_v > OERE,
            "virksomheder_der_taber": forskel_v < -OERE,
            "forskel_kr": forskel_v,
        }
        virksomheder.append(_grupper(grundlag, {"reform": navn}, {"sektor": sektor_v}, vaerdier))
    return pandas.concat(detaljer).reset_index(), pandas.concat(virksomheder).reset_index()


_VIRKSOMHED = -1  # målgruppe-indeks for virksomhedsordninger ("(virksomhed)")


def _grupper(system, faste, noegler, vaerdier):
    """`vaerdier` summeret pr. kombination af `noegler` (i første forekomsts rækkefølge), med
    `faste` kolonner (reform, ordning) foran og indeks som `groupby(faste + noegler).sum()`."""
    ramme = pandas.DataFrame({**{k: numpy.asarray(v) for k, v in noegler.items()}, **vaerdier})
    summer = ramme.groupby(list(noegler), sort=False).sum().reset_index()
    for k, v in noegler.items():
        if isinstance(v, _Koder):
            navne = numpy.array([m.name for m in system.variables[k].possible_values] + ["(virksomhed)"])
            summer[k] = navne[summer[k].to_numpy()]  # -1 (_VIRKSOMHED) er det sidste navn
    for i, (k, v) in enumerate(faste.items()):
        summer.insert(i, k, v)
    return summer.set_index([*faste, *noegler])
