"""Ordningerne ét sted: hver ordnings tilskud, berettigelse, afslagsgrund og befolkningsmodul.

`virksomhed_tilskud_i_alt`, den syntetiske befolkning (`befolkning.ordninger.ORDNINGSMODULER`),
sammenligningen af reformer, benchmarkene og dokumentationen læser denne liste, så en ny ordning
tilføjes her: en mappe i variables/, parameters/ og tests/, én linje her og ét befolkningsmodul.

Rækkefølgen er fast: den syntetiske befolkning trækker ordningernes deltagere i denne rækkefølge
(samme startværdi for tilfældighedsgeneratoren giver samme personer), og tabellerne viser ordningerne i den.
"""

import functools
import importlib
import inspect
import pkgutil
from dataclasses import dataclass

BEFOLKNING = "openfisca_dk_jobcenter.befolkning.ordninger"


@dataclass(frozen=True)
class Ordning:
    noegle: str
    navn: str
    tilskud: str  # kroner til arbejdsgiveren i måneden
    berettiget: str  # bool: alle betingelser er opfyldt
    afslagsgrund: str  # Enum: den første betingelse, der ikke er opfyldt (`ingen`, når alle er)
    befolkningsmodul: str  # modul med `tilfoej(rng, befolkning)`, der lægger deltagere i befolkningen
    # Valgfri bool-variabel på samme entitet, der tæller deltagerne; None: dem med tilskud > 0.
    # Til ordninger uden kroner (virksomhedspraktik giver hverken udgift eller tilskud).
    antal: str | None = None
    # Ordninger med flere parter (jobrotation: vikaren og medarbejderen i uddannelse) har en
    # afslagsgrund pr. part; `afslagsgrund` er hovedpartens, de øvrige står her.
    andre_afslagsgrunde: tuple[str, ...] = ()

    @property
    def entitet(self):
        """"person" eller "virksomhed": entiteten, tilskudsvariablen er defineret på."""
        return variabelens_entitet(self.tilskud)

    def variabler(self):
        """Navnene på ordningens registrerede variabler."""
        navne = (self.tilskud, self.berettiget, self.afslagsgrund, *self.andre_afslagsgrunde)
        return navne + ((self.antal,) if self.antal else ())


ORDNINGER = (
    Ordning(
        "voksenlaerling",
        "Voksenlærling",
        tilskud="voksenlaerling_tilskud",
        berettiget="voksenlaerling_berettiget",
        afslagsgrund="voksenlaerling_afslagsgrund",
        befolkningsmodul=f"{BEFOLKNING}.voksenlaerling",
    ),
    Ordning(
        "jobrotation",
        "Jobrotation",
        tilskud="jobrotationsydelse",
        berettiget="jobrotation_vikar_berettiget",
        afslagsgrund="jobrotation_vikar_afslagsgrund",
        befolkningsmodul=f"{BEFOLKNING}.jobrotation",
        andre_afslagsgrunde=("jobrotation_medarbejder_afslagsgrund",),
    ),
    Ordning(
        "loentilskud",
        "Løntilskud",
        tilskud="loentilskud",
        berettiget="loentilskud_berettiget",
        afslagsgrund="loentilskud_afslagsgrund",
        befolkningsmodul=f"{BEFOLKNING}.loentilskud",
    ),
    Ordning(
        "virksomhedspraktik",
        "Virksomhedspraktik",
        tilskud="virksomhedspraktik_tilskud",
        berettiget="virksomhedspraktik_tilladt",
        afslagsgrund="virksomhedspraktik_afslagsgrund",
        befolkningsmodul=f"{BEFOLKNING}.virksomhedspraktik",
        antal="virksomhedspraktik_praktikant",
    ),
    Ordning(
        "opkvalificering",
        "Opkvalificering ved ansættelse",
        tilskud="opkvalificering_tilskud",
        berettiget="opkvalificering_berettiget",
        afslagsgrund="opkvalificering_afslagsgrund",
        befolkningsmodul=f"{BEFOLKNING}.opkvalificering",
    ),
)


def ordning(noegle):
    """Ordningen med nøglen `noegle`."""
    for o in ORDNINGER:
        if o.noegle == noegle:
            return o
    raise KeyError(f"ukendt ordning '{noegle}'; kendte: {', '.join(o.noegle for o in ORDNINGER)}")


def variabelens_entitet(navn):
    """Entiteten ("person" eller "virksomhed"), variablen `navn` er defineret på."""
    try:
        return _variabelklasser()[navn].entity.key
    except KeyError:
        raise KeyError(f"variablen '{navn}' findes ikke i openfisca_dk_jobcenter.variables") from None


@functools.cache
def _variabelklasser():
    # Læst af variabelmodulerne selv (ikke af et skattesystem), så formler, der læser listen
    # (virksomhed_tilskud_i_alt), kan gøre det, mens skattesystemet bygges.
    from openfisca_core.variables import Variable

    from openfisca_dk_jobcenter import variables

    klasser = {}
    for modul in pkgutil.walk_packages(variables.__path__, f"{variables.__name__}."):
        for navn, klasse in inspect.getmembers(importlib.import_module(modul.name), inspect.isclass):
            if issubclass(klasse, Variable) and klasse is not Variable:
                klasser[navn] = klasse
    return klasser
