"""`Mikrosimulering`: en befolkning under ét system (grundlaget eller en reform), og enhver
variabel som en vægtet serie pr. person eller virksomhed — som PolicyEngines Microsimulation.

    from openfisca_dk_jobcenter.analyse import Mikrosimulering

    grundlag = Mikrosimulering(aar=2026)                      # syntetisk befolkning, vægtet
    reform = Mikrosimulering(reform="openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml")
    tilskud = reform.beregn("voksenlaerling_tilskud", 2026)   # kr. pr. person i året
    tilskud.sum(), (tilskud > 0).sum()                        # landstal: kroner, modtagere
    reform.afslag("voksenlaerling", 2026)                     # hvor mange får afslag, og hvorfor

Simuleringen bygges én gang pr. bid og holdes i hukommelsen, så flere `beregn` er billige; til
millioner af personer bruges `sammenlign` (bid for bid), ikke denne klasse. Har befolkningen flere
bidder, regnes `beregn` i arbejdsprocesser (`arbejdere`, standard én pr. kerne) eller på en
Dask-klynge (`klynge`), én opgave pr. bid, og intet holdes i hukommelsen mellem kaldene.
"""

import functools
from pathlib import Path

import numpy
import pandas
from openfisca_core.periods import ETERNITY, MONTH, period
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_dk_jobcenter.analyse.mikroserie import MikroSerie
from openfisca_dk_jobcenter.analyse.reformvalg import beskrivelse, byg
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag as nyt_grundlag
from openfisca_dk_jobcenter.analyse.reformvalg import reform as lav_reformsystem
from openfisca_dk_jobcenter.befolkning.bidder import BID_PERSONER, bidder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering, maaneder
from openfisca_dk_jobcenter.befolkning.udfoersel import FaerdigBid, Udfoerer
from openfisca_dk_jobcenter.model.datoer import IKKE_OPLYST
from openfisca_dk_jobcenter.model.ordninger import ordning

STANDARD_PERSONER = 100_000


class Mikrosimulering:
    """En befolkning simuleret under `reform` (None: grundlaget) i året `aar`.

    `reform`: en reformfils sti, en dict i reformfilens form, en OpenFisca `Reform`-klasse eller
    et færdigt system. `befolkning`: en personfils sti (CSV eller Parquet), en `Befolkning` (eller
    dens blokke, fx `syntetiske_blokke(...)`), eller
    None: den indbyggede syntetiske befolkning af året (`personer` rækker, `seed`), vægtet til
    arbejdsstyrken.
    """

    def __init__(self, reform=None, befolkning=None, aar=2026, personer=STANDARD_PERSONER, seed=2026,
                 virksomheder_fil=None, bid_personer=BID_PERSONER, arbejdere=None, klynge=None):
        self.aar = int(aar)
        self.grundlag = nyt_grundlag()
        if reform is None:
            self.system = self.grundlag
        elif isinstance(reform, TaxBenefitSystem):
            self.system = reform
        else:
            self.system = lav_reformsystem(self.grundlag, reform)
        self.befolkning = _befolkning(self.grundlag, befolkning, self.aar, personer, seed, virksomheder_fil)
        self.bid_personer = bid_personer
        self._bidder = None
        self._udfoerer = Udfoerer(arbejdere, klynge)  # startes først, når der er mere end én bid

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.luk()
        return False

    def luk(self):
        """Stop arbejdsprocesserne (eller forbindelsen til klyngen), hvis de er startet."""
        self._udfoerer.luk()

    def _bidliste(self):
        return list(bidder(self.befolkning, self.bid_personer))

    def _bidderne(self):
        """Bidderne, som `beregn` regner dem (de allerede simulerede, hvis der er nogen)."""
        return self._bidliste() if self._bidder is None else [bid for bid, _ in self._bidder]

    def _i_arbejdere(self, bidliste):
        """Flere bidder og et system, en arbejder kan bygge igen: så regnes hver bid i en arbejder."""
        return not self._udfoerer.i_denne_proces(len(bidliste)) and beskrivelse(self.system) is not None

    @property
    def koersel(self):
        """År, befolkning, rækker og vægtede personer (som i `dk-jobcenter sammenlign`)."""
        b = self.befolkning
        return {"aar": self.aar, "befolkning": b.kilde, "raekker": b.antal_personer,
                "vaegtede_personer": round(b.vaegtede_personer), "system": getattr(self.system, "name", None) or "Grundlag"}

    def _simuleringer(self):
        if self._bidder is None:
            self._bidder = [(bid, byg_simulering(self.system, bid)) for bid in bidder(self.befolkning, self.bid_personer)]
        return self._bidder

    def beregn(self, variabel, periode=None):
        """`variabel` i `periode` (standard: året) som en vægtet serie indekseret med person- eller
        virksomheds-id. Et år for en månedsvariabel: tal summeres over årets måneder, en
        sandhedsværdi er sand, hvis den er sand i en af månederne, og en kategori (enum) er den
        første måneds værdi, der ikke er standardværdien (fx den første afslagsgrund)."""
        definition = self.system.variables.get(variabel)
        if definition is None:
            raise KeyError(f"ukendt variabel '{variabel}'")
        periode = period(str(self.aar if periode is None else periode))
        personer = definition.entity.is_person
        dele, ids, vaegte, grupper = [], [], [], []
        bidliste = self._bidderne()
        if self._i_arbejdere(bidliste):
            forbered = functools.partial(_byg_system, beskrivelse(self.system))
            opgaver = [(FaerdigBid(bid), variabel, str(periode)) for bid in bidliste]
            dele = list(self._udfoerer.udfoer(_beregn_opgave, forbered, opgaver))
            par = [(bid, None) for bid in bidliste]
        else:
            par = self._simuleringer()
            dele = [_beregn(simulation, definition, periode) for _, simulation in par]
        for bid, _ in par:
            ids.append(bid.person_ids() if personer else bid.virksomhed_ids())
            vaegte.append(bid.vaegte if personer else bid.virksomhedsvaegte)
            grupper.append(bid.grupper if personer else bid.virksomhedsgrupper)
        vaerdier = numpy.concatenate(dele)
        indeks = pandas.Index(numpy.concatenate(ids), name="person_id" if personer else "virksomhed_id")
        return MikroSerie(vaerdier, index=indeks, name=variabel, vaegte=numpy.concatenate(vaegte),
                          grupper=numpy.concatenate(grupper), antal_grupper=self.befolkning.antal_grupper,
                          opslag=lambda navn: self._noegle(navn, personer, periode))

    def _noegle(self, navn, personer, periode):
        """En grupperingsnøgle pr. række: variablen `navn` (en virksomhedsvariabel som sektor
        følger personen til dens virksomhed) i periodens første måned."""
        definition = self.system.variables.get(navn)
        if definition is None:
            raise KeyError(f"ukendt variabel '{navn}'")
        maaned = periode.first_month if definition.definition_period == MONTH else periode
        vaerdier = self.beregn(navn, maaned).to_numpy()
        if definition.entity.is_person == personer:
            return vaerdier
        if personer:  # virksomhedsvariabel pr. person
            forskydning, dele = 0, []
            for bid in self._bidderne():  # i samme rækkefølge som beregn's bidder
                dele.append(vaerdier[forskydning + bid.person_virksomhed])
                forskydning += bid.antal_virksomheder
            return numpy.concatenate(dele)
        raise ValueError(f"'{navn}' er en personvariabel og kan ikke gruppere virksomheder")

    def fordeling(self, variabel, efter, periode=None):
        """`variabel` summeret vægtet pr. værdi af `efter` (fx "maalgruppe", "sektor" eller en
        kolonne i egne data), med 95 %-interval og rækker pr. gruppe."""
        return self.beregn(variabel, periode).groupby(efter).sum_95()

    def interval(self, variabel, periode=None):
        """(total, [nedre, øvre]) for `variabel`'s vægtede sum i perioden; hvad intervallet dækker,
        står i `interval_tekst`."""
        s = self.beregn(variabel, periode)
        return s.sum(), s.sum_95()

    @property
    def interval_tekst(self):
        from openfisca_dk_jobcenter.analyse.usikkerhed import beskrivelse

        return beskrivelse(self.befolkning.antal_grupper)

    def forbehold(self, aktive_ordninger=None):
        """Forbeholdstabellen for årets simulering (som `forbehold.csv` fra `dk-jobcenter
        sammenlign`): brugte parameterværdier, der er `sekundaer` eller `antaget`. Uden
        `aktive_ordninger` tages ordningerne med kroner ≠ 0 eller deltagere i denne simulering."""
        from openfisca_dk_jobcenter.analyse.forbehold import forbehold
        from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

        if aktive_ordninger is None:
            aktive_ordninger = {
                o.noegle for o in ORDNINGER
                if (self.beregn(o.antal, self.aar) if o.antal else self.beregn(o.tilskud, self.aar)).uvaegtet.abs().sum() > 0
            }
        return forbehold(self.system, self.befolkning, self.aar, aktive_ordninger)

    def afslag(self, noegle, periode=None, afslagsvariabel=None):
        """Hvor mange af ordningens ansøgere der får afslag, og hvorfor (vægtet), i `periode`.

        Ansøgere er personer med ordningens egne aktivitetsinput sat (timer, uger, kroner ≠ 0
        eller en oplyst dato i input, der begynder med ordningens nøgle, og som afslagsgrunden
        eller beløbet læser ifølge OpenFiscas tracer, fx `voksenlaerling_praktiktimer`).
        En ansøger, der er berettiget i en af månederne, tæller som `ingen` (bevilget); ellers
        tæller den første måneds afslagsgrund.
        """
        o = ordning(noegle)
        navn = afslagsvariabel or getattr(o, "afslagsgrund", None) or f"{noegle}_afslagsgrund"
        definition = self.system.variables.get(navn)
        if definition is None:
            raise KeyError(f"ordningen '{noegle}' har ingen afslagsvariabel '{navn}'; angiv afslagsvariabel=")
        periode = period(str(self.aar if periode is None else periode))
        ansoeger = self._ansoegere(noegle, definition.entity.key, periode, navn)
        grund = self.beregn(navn, periode) if periode.unit == MONTH else self._foerste_afslag(noegle, navn, definition, periode)
        grund = grund[ansoeger.to_numpy()]
        tabel = pandas.DataFrame({
            "afslagsgrund": grund.value_counts().index,
            "personer": grund.value_counts().round(0).astype("int64").to_numpy(),
        })
        raekker = grund.uvaegtet.value_counts()
        tabel["raekker"] = tabel["afslagsgrund"].map(raekker).astype("int64")
        tabel["andel"] = (tabel["personer"] / max(tabel["personer"].sum(), 1)).round(4)
        return tabel

    def _foerste_afslag(self, noegle, navn, definition, periode):
        """Pr. person: `ingen`, hvis der er en måned uden afslag, blandt månederne hvor personen
        er ansøger; ellers den første måneds afslagsgrund."""
        ingen = definition.default_value.name
        maaned_grunde = [self.beregn(navn, m) for m in periode.get_subperiods(MONTH)]
        aktiv = [self._ansoegere(noegle, definition.entity.key, m, navn).to_numpy() for m in periode.get_subperiods(MONTH)]
        resultat = numpy.full(len(maaned_grunde[0]), None, dtype=object)
        bevilget = numpy.zeros(len(resultat), dtype=bool)
        for g, a in zip(maaned_grunde, aktiv, strict=True):
            g = g.to_numpy()
            bevilget |= a & (g == ingen)
            ny = a & (resultat == None) & (g != ingen)  # noqa: E711 (elementvis sammenligning)
            resultat[ny] = g[ny]
        resultat[bevilget | (resultat == None)] = ingen  # noqa: E711
        return MikroSerie(resultat, index=maaned_grunde[0].index, name=navn, vaegte=maaned_grunde[0]._w())

    def _ansoegere(self, noegle, entitet, periode, afslagsvariabel=None):
        """Personer (eller virksomheder) med et af ordningens egne aktivitetsinput sat i perioden:
        timer, uger eller kroner ≠ 0 eller en oplyst dato, blandt de input (navne, der begynder
        med ordningens nøgle), som afslagsvariablen læser ifølge OpenFiscas tracer."""
        input_navne = self._aktivitetsinput(noegle, entitet, afslagsvariabel)
        aktiv = None
        for n in input_navne:
            definition = self.system.variables[n]
            s = self.beregn(n, periode if definition.definition_period != ETERNITY else "eternity")
            vaerdier = s.to_numpy()
            if definition.value_type.__name__ == "date":
                saat = (vaerdier != numpy.datetime64(IKKE_OPLYST)) & (vaerdier != numpy.datetime64(definition.default_value))
            else:
                saat = vaerdier != 0
            aktiv = saat if aktiv is None else aktiv | saat
        if aktiv is None:
            raise KeyError(f"ordningen '{noegle}' har ingen aktivitetsinput på entiteten {entitet}")
        return pandas.Series(aktiv, index=s.index)

    def _aktivitetsinput(self, noegle, entitet, afslagsvariabel):
        kandidater = {
            n for n, v in self.system.variables.items()
            if n.startswith(f"{noegle}_") and not v.formulas and v.entity.key == entitet
            and v.value_type.__name__ in ("float", "int", "date")
        }
        if afslagsvariabel is None:
            return sorted(kandidater)
        bid = self._bidliste()[0]
        sporet = byg_simulering(self.system, next(bid.opdel(500)))
        sporet.trace = True
        sporet.calculate(afslagsvariabel, maaneder(self.aar)[0])
        laest = {node.name for node in sporet.tracer.browse_trace()}
        # Beløbsvariablen læser timerne (afslagsgrunden alene gør ofte ikke).
        o = ordning(noegle)
        sporet.calculate(o.tilskud, maaneder(self.aar)[0])
        laest |= {node.name for node in sporet.tracer.browse_trace()}
        valgt = sorted(kandidater & laest)
        return valgt or sorted(kandidater)


def _byg_system(beskrivelse_):
    """I arbejderen, én gang: systemet efter beskrivelsen (grundlaget eller en reform)."""
    return byg(nyt_grundlag(), beskrivelse_)


def _beregn_opgave(system, opgave):
    """Én bid (i arbejderen): variablen i perioden for bidden's personer eller virksomheder."""
    bid, variabel, periode = opgave
    simulation = byg_simulering(system, bid.lav())
    return _beregn(simulation, system.variables[variabel], period(periode))


def _befolkning(tbs, befolkning, aar, personer, seed, virksomheder_fil):
    if befolkning is None:
        from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning

        return syntetisk_befolkning(personer, seed=seed, aar=aar)
    if isinstance(befolkning, Befolkning):
        return befolkning.i_aaret(aar)
    if isinstance(befolkning, (str, Path)):
        from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning

        return laes_befolkning(tbs, befolkning, virksomheder_fil, aar=aar)
    if hasattr(befolkning, "__iter__"):  # blokke, fx fra syntetiske_blokke
        return Befolkning.saml(befolkning).i_aaret(aar)
    raise TypeError(f"befolkning: forventede en sti, en Befolkning eller None, fik {type(befolkning).__name__}")


def _beregn(simulation, definition, periode):
    """Én bids værdier af variablen i perioden (se `Mikrosimulering.beregn`)."""
    navn = definition.name
    if definition.definition_period == ETERNITY:
        return _som_numpy(definition, simulation.calculate(navn, period(ETERNITY)))
    if definition.definition_period == MONTH and periode.unit != MONTH:
        maaneder_ = periode.get_subperiods(MONTH)
        type_ = definition.value_type.__name__
        if type_ in ("float", "int"):
            total = numpy.zeros(simulation.populations[definition.entity.key].count)
            for m in maaneder_:
                total += simulation.calculate(navn, m)
            return total
        if type_ == "bool":
            return numpy.logical_or.reduce([simulation.calculate(navn, m) for m in maaneder_])
        if type_ == "Enum":
            standard = definition.default_value.index
            vaerdier = [numpy.asarray(simulation.calculate(navn, m)) for m in maaneder_]
            valgt = vaerdier[-1].copy() * 0 + standard
            for v in reversed(vaerdier):
                valgt = numpy.where(v != standard, v, valgt)
            return _som_numpy(definition, definition.possible_values.encode(valgt.astype(numpy.int16)))
        return _som_numpy(definition, simulation.calculate(navn, maaneder_[0]))
    return _som_numpy(definition, simulation.calculate(navn, periode))


def _som_numpy(definition, vaerdier):
    if definition.value_type.__name__ == "Enum":
        return numpy.asarray(vaerdier.decode_to_str())
    return numpy.asarray(vaerdier)


__all__ = ["MikroSerie", "Mikrosimulering", "maaneder"]
