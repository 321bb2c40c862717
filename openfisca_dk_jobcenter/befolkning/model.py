"""En befolkning: personer knyttet til virksomheder, som arrays klar til OpenFisca.

Personerne står sorteret efter virksomhed, så en befolkning kan deles i bidder med hele
virksomheder (til kørsel bid for bid) og sættes sammen igen.
"""

from dataclasses import dataclass, field

import numpy


@dataclass
class Befolkning:
    """Input til en simulering af ét år.

    - `personer`: variabelnavn → array med én værdi pr. person; for en MONTH-variabel gælder
      værdien alle årets måneder, for en ETERNITY-variabel (datoer) altid.
    - `personer_maaned`: variabelnavn → array (12, antal personer), én række pr. måned.
    - `virksomheder`: variabelnavn → array med én værdi pr. virksomhed (alle måneder).
    - `person_virksomhed`: for hver person indekset (0..) på dens virksomhed.
    - `vaegt`: hvor mange virkelige personer hver række står for (None: 1 for alle).
    - `person_id`, `virksomhed_id`: id'er til resultaterne (None: rækkenumre fra 0).
    - `kilde`: hvor befolkningen kommer fra (vises i hvert resultat).
    - `gruppe`: for hver person dens replikatgruppe (0..`antal_grupper`-1), den enhed, hvis
      udeladelse giver totalernes stikprøveusikkerhed (`analyse/usikkerhed.py`); None og
      `antal_grupper` 0: befolkningen er hele populationen (ingen stikprøveusikkerhed).
    - `virksomhedsvaegt`: hvor mange virkelige arbejdsgivere hver virksomhed står for (None:
      gennemsnittet af dens personers vægte). Den syntetiske befolkning sætter den, fordi dens
      personer har designvægte, mens virksomhederne alle er med (`befolkning/design.py`).
    Enum-værdier gives som navne (str-arrays), datoer som `datetime64[D]`.
    """

    aar: int
    person_virksomhed: numpy.ndarray
    antal_virksomheder: int
    personer: dict = field(default_factory=dict)
    personer_maaned: dict = field(default_factory=dict)
    virksomheder: dict = field(default_factory=dict)
    vaegt: numpy.ndarray | None = None
    person_id: numpy.ndarray | None = None
    virksomhed_id: numpy.ndarray | None = None
    kilde: str = "befolkning"
    gruppe: numpy.ndarray | None = None
    antal_grupper: int = 0
    virksomhedsvaegt: numpy.ndarray | None = None

    @property
    def antal_personer(self):
        return len(self.person_virksomhed)

    @property
    def vaegte(self):
        """Personernes vægte (float64); 1 for alle, når befolkningen ikke har en `vaegt`."""
        if self.vaegt is None:
            return numpy.ones(self.antal_personer)
        return numpy.asarray(self.vaegt, dtype=numpy.float64)

    @property
    def virksomhedsvaegte(self):
        """En virksomheds vægt er `virksomhedsvaegt`, ellers gennemsnittet af dens personers
        vægte: en stikprøve, der tager hver w'te person, tager også (i gennemsnit) hver w'te
        arbejdsgiver."""
        if self.virksomhedsvaegt is not None:
            return numpy.asarray(self.virksomhedsvaegt, dtype=numpy.float64)
        summer = numpy.bincount(self.person_virksomhed, self.vaegte, self.antal_virksomheder)
        antal = numpy.bincount(self.person_virksomhed, minlength=self.antal_virksomheder)
        return summer / numpy.maximum(antal, 1)

    @property
    def grupper(self):
        """Personernes replikatgrupper (int64); 0 for alle uden grupper."""
        if self.gruppe is None:
            return numpy.zeros(self.antal_personer, dtype=numpy.int64)
        return numpy.asarray(self.gruppe, dtype=numpy.int64)

    @property
    def virksomhedsgrupper(self):
        """En virksomheds replikatgruppe er dens første persons (en syntetisk virksomhed ligger
        helt i én gruppe: virksomheden er stikprøvens klynge)."""
        if not self.antal_personer:
            return numpy.zeros(self.antal_virksomheder, dtype=numpy.int64)
        return self.grupper[numpy.searchsorted(self.person_virksomhed, numpy.arange(self.antal_virksomheder))]

    @property
    def vaegtede_personer(self):
        return float(self.vaegte.sum())

    def opdel(self, bid_personer):
        """Del befolkningen i bidder med hele virksomheder og højst ca. `bid_personer` personer
        (en virksomhed, der alene er større, bliver én bid)."""
        if self.antal_personer <= bid_personer:
            yield self
            return
        # Første person i hver virksomhed; personerne står sorteret efter virksomhed.
        starter = numpy.searchsorted(self.person_virksomhed, numpy.arange(self.antal_virksomheder + 1))
        v_fra = 0
        while v_fra < self.antal_virksomheder:
            graense = starter[v_fra] + bid_personer
            v_til = max(int(numpy.searchsorted(starter, graense, side="right")) - 1, v_fra + 1)
            yield self.udsnit(v_fra, min(v_til, self.antal_virksomheder), starter)
            v_fra = v_til

    def udsnit(self, v_fra, v_til, starter=None):
        """Virksomhederne v_fra..v_til-1 med deres personer (id'erne følger med)."""
        if starter is None:
            starter = numpy.searchsorted(self.person_virksomhed, numpy.arange(self.antal_virksomheder + 1))
        personer = slice(int(starter[v_fra]), int(starter[v_til]))
        return self._del(personer, slice(v_fra, v_til), self.person_virksomhed[personer] - v_fra)

    def vaelg(self, virksomheder):
        """Befolkningen af virksomhederne med indekserne `virksomheder` (sorteret, unikke) og deres
        personer; id'erne følger med."""
        virksomheder = numpy.unique(numpy.asarray(virksomheder, dtype=numpy.int64))
        ny_indeks = self._nye_indekser(virksomheder)
        personer = ny_indeks[self.person_virksomhed] >= 0
        return self._del(personer, virksomheder, ny_indeks[self.person_virksomhed[personer]])

    def vaelg_personer(self, maske):
        """Befolkningen af personerne, hvor `maske` er sand, med deres virksomheder (en virksomhed
        uden valgte personer falder bort); id'erne følger med. Til en stikprøve af en virksomhed,
        der alene er større end stikprøven."""
        maske = numpy.asarray(maske, dtype=bool)
        virksomheder = numpy.unique(self.person_virksomhed[maske])
        return self._del(maske, virksomheder, self._nye_indekser(virksomheder)[self.person_virksomhed[maske]])

    def _nye_indekser(self, virksomheder):
        """Hver virksomheds nye indeks blandt `virksomheder` (sorteret), -1 for de andre."""
        ny_indeks = numpy.full(self.antal_virksomheder, -1, dtype=numpy.int64)
        ny_indeks[virksomheder] = numpy.arange(len(virksomheder))
        return ny_indeks

    def _del(self, personer, virksomheder, person_virksomhed):
        """Befolkningen af personerne og virksomhederne, som indekserne (slice, maske eller
        indeksarray) vælger; `person_virksomhed` er de valgte personers nye virksomhedsindeks.
        Hver kolonne, vægt, gruppe og id følger med."""
        virksomhed_id = self.virksomhed_ids()[virksomheder]
        return Befolkning(
            aar=self.aar,
            person_virksomhed=person_virksomhed,
            antal_virksomheder=len(virksomhed_id),
            personer={k: v[personer] for k, v in self.personer.items()},
            personer_maaned={k: v[:, personer] for k, v in self.personer_maaned.items()},
            virksomheder={k: v[virksomheder] for k, v in self.virksomheder.items()},
            vaegt=None if self.vaegt is None else self.vaegt[personer],
            person_id=self.person_ids()[personer],
            virksomhed_id=virksomhed_id,
            kilde=self.kilde,
            gruppe=None if self.gruppe is None else self.gruppe[personer],
            antal_grupper=self.antal_grupper,
            virksomhedsvaegt=None if self.virksomhedsvaegt is None else self.virksomhedsvaegt[virksomheder],
        )

    def person_ids(self):
        return numpy.arange(self.antal_personer) if self.person_id is None else self.person_id

    def virksomhed_ids(self):
        return numpy.arange(self.antal_virksomheder) if self.virksomhed_id is None else self.virksomhed_id

    @staticmethod
    def saml(dele):
        """Sæt dele sammen til én befolkning (virksomhedsindeks forskydes; uden egne id'er
        nummereres personer og virksomheder fortløbende)."""
        dele = list(dele)
        if not dele:
            raise ValueError("ingen dele at samle")
        forskydninger = numpy.cumsum([0] + [d.antal_virksomheder for d in dele[:-1]])
        med_vaegt = any(d.vaegt is not None for d in dele)
        med_id = all(d.person_id is not None for d in dele)
        return Befolkning(
            aar=dele[0].aar,
            person_virksomhed=numpy.concatenate(
                [d.person_virksomhed + f for d, f in zip(dele, forskydninger, strict=True)]
            ),
            antal_virksomheder=int(sum(d.antal_virksomheder for d in dele)),
            personer={k: numpy.concatenate([d.personer[k] for d in dele]) for k in dele[0].personer},
            personer_maaned={
                k: numpy.concatenate([d.personer_maaned[k] for d in dele], axis=1) for k in dele[0].personer_maaned
            },
            virksomheder={k: numpy.concatenate([d.virksomheder[k] for d in dele]) for k in dele[0].virksomheder},
            vaegt=numpy.concatenate([d.vaegte for d in dele]) if med_vaegt else None,
            person_id=numpy.concatenate([d.person_id for d in dele]) if med_id else None,
            virksomhed_id=(
                numpy.concatenate([d.virksomhed_id for d in dele])
                if all(d.virksomhed_id is not None for d in dele)
                else None
            ),
            kilde=dele[0].kilde,
            gruppe=numpy.concatenate([d.grupper for d in dele]) if any(d.gruppe is not None for d in dele) else None,
            antal_grupper=max(d.antal_grupper for d in dele),
            virksomhedsvaegt=(
                numpy.concatenate([d.virksomhedsvaegte for d in dele])
                if any(d.virksomhedsvaegt is not None for d in dele)
                else None
            ),
        )

    def i_aaret(self, aar):
        """Samme befolkning simuleret i året `aar` (en kopi; kalderens befolkning ændres ikke)."""
        if aar is None or aar == self.aar:
            return self
        from dataclasses import replace

        return replace(self, aar=aar)
