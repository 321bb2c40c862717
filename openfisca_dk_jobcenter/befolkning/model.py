"""En befolkning: personer knyttet til virksomheder, som arrays klar til OpenFisca.

Personerne står sorteret efter virksomhed, så en befolkning kan deles i dele med hele
virksomheder (til kørsel i bidder) og sættes sammen igen.
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
    Enum-værdier gives som navne (str-arrays), datoer som `datetime64[D]`.
    """

    aar: int
    person_virksomhed: numpy.ndarray
    antal_virksomheder: int
    personer: dict = field(default_factory=dict)
    personer_maaned: dict = field(default_factory=dict)
    virksomheder: dict = field(default_factory=dict)

    @property
    def antal_personer(self):
        return len(self.person_virksomhed)

    def opdel(self, blok_personer):
        """Del befolkningen i dele med hele virksomheder og højst ca. `blok_personer` personer
        (en virksomhed, der alene er større, bliver én del)."""
        if self.antal_personer <= blok_personer:
            yield self
            return
        # Første person i hver virksomhed; personerne står sorteret efter virksomhed.
        starter = numpy.searchsorted(self.person_virksomhed, numpy.arange(self.antal_virksomheder + 1))
        v_fra = 0
        while v_fra < self.antal_virksomheder:
            graense = starter[v_fra] + blok_personer
            v_til = max(int(numpy.searchsorted(starter, graense, side="right")) - 1, v_fra + 1)
            yield self.udsnit(v_fra, min(v_til, self.antal_virksomheder), starter)
            v_fra = v_til

    def udsnit(self, v_fra, v_til, starter=None):
        """Virksomhederne v_fra..v_til-1 med deres personer."""
        if starter is None:
            starter = numpy.searchsorted(self.person_virksomhed, numpy.arange(self.antal_virksomheder + 1))
        p_fra, p_til = int(starter[v_fra]), int(starter[v_til])
        return Befolkning(
            aar=self.aar,
            person_virksomhed=self.person_virksomhed[p_fra:p_til] - v_fra,
            antal_virksomheder=v_til - v_fra,
            personer={k: v[p_fra:p_til] for k, v in self.personer.items()},
            personer_maaned={k: v[:, p_fra:p_til] for k, v in self.personer_maaned.items()},
            virksomheder={k: v[v_fra:v_til] for k, v in self.virksomheder.items()},
        )

    @staticmethod
    def saml(dele):
        """Sæt dele sammen til én befolkning (virksomhedsindeks forskydes)."""
        dele = list(dele)
        if not dele:
            raise ValueError("ingen dele at samle")
        forskydninger = numpy.cumsum([0] + [d.antal_virksomheder for d in dele[:-1]])
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
        )
