"""Ordningerne ét sted: alt, hvad resten af pakken skal vide om hver ordning.

En post (`Ordning`) navngiver ordningens tilskud, berettigelse og afslagsgrund(e), dens
befolkningsmodul, deltageren på personen (`deltager`, når tilskuddet går til virksomheden),
deltagerens første dag (`startdato`) og websidens formularfelter (`felter`).
`virksomhed_tilskud_i_alt`, den syntetiske befolkning (`befolkning.ordninger.ORDNINGSMODULER`),
sammenligningen af reformer, valideringen, benchmarkene, websiden og dokumentationen læser denne
liste og har ingen tabel pr. ordning selv (`tests/test_ordningstabeller.py` fejler, hvis et modul
får en). En ny ordning tilføjes derfor her: en mappe i variables/, parameters/ og tests/, én post
her og ét befolkningsmodul, `befolkning/ordninger/<noegle>.py` (docs/udviklere.md, *Sådan
tilføjes en ordning*). Variablerne `<noegle>_tilskud`, `<noegle>_berettiget` og
`<noegle>_afslagsgrund` og befolkningsmodulet følger af nøglen; kun afvigende navne skrives i posten.

Registret er modellens lag: det importerer intet fra websiden eller analysen, som læser det
(`tests/test_lag.py`). Derfor står websidens felter her som rene data (`Felt`); etiketter, typer
og mulige værdier læser siden selv fra variablerne.

Rækkefølgen er fast: den syntetiske befolkning trækker ordningernes deltagere i denne rækkefølge
(samme startværdi for tilfældighedsgeneratoren giver samme personer), og tabellerne og websiden
viser ordningerne i den. Et befolkningsmodul udelukker deltagerne i ordningerne før sin egen
efter deres `startdato` (`ordninger_foer`); en ny ordning sættes derfor sidst, så de
eksisterende ordningers deltagere bliver de samme.
"""

import functools
import importlib
import inspect
import pkgutil
from dataclasses import dataclass

BEFOLKNING = "openfisca_dk_jobcenter.befolkning.ordninger"


# Hvor et felt hører til i en ansættelse på websiden: hos den ansatte under ordningen, hos en
# kollega i uddannelse, som ordningen kræver ved siden af (jobrotation), eller hos arbejdsgiveren.
HVOR = ("person", "kollega", "virksomhed")


@dataclass(frozen=True)
class Felt:
    """Et input, websidens formular spørger om for en ansættelse under ordningen.

    Kun det, variablen ikke selv ved, står her: hvor feltet hører til, en kort hjælpetekst og en
    eksempelværdi (som siden viser den: tekst, eller bool for et afkrydsningsfelt). Etiket, type,
    periode og mulige værdier læses fra variablen, så de ikke kan komme ud af trit med modellen.
    """

    variabel: str
    hvor: str  # et af HVOR
    hjaelp: str
    eksempel: str | bool

    def __post_init__(self):
        if self.hvor not in HVOR:
            raise ValueError(f"feltet '{self.variabel}': hvor='{self.hvor}' skal være et af {', '.join(HVOR)}")


@dataclass(frozen=True)
class Ordning:
    noegle: str
    navn: str
    # Variablerne og befolkningsmodulet følger af nøglen, når de er udeladt (`__post_init__`):
    tilskud: str | None = None  # kroner i måneden; standard `<noegle>_tilskud`
    berettiget: str | None = None  # bool: alle betingelser er opfyldt; standard `<noegle>_berettiget`
    # Enum: den første betingelse, der ikke er opfyldt (`ingen`, når alle er); standard `<noegle>_afslagsgrund`
    afslagsgrund: str | None = None
    # modul med `tilfoej(rng, befolkning)`, der lægger deltagere i befolkningen; standard
    # `befolkning/ordninger/<noegle>.py`
    befolkningsmodul: str | None = None
    # Valgfri bool-variabel på tilskuddets entitet, der tæller deltagerne i rapporterne
    # (`dk-jobcenter sammenlign`; for jobrotation er de arbejdsgivere); None: dem med tilskud > 0.
    # Til ordninger uden kroner (virksomhedspraktik giver hverken udgift eller tilskud).
    antal: str | None = None
    # Valgfri bool-MONTH-variabel på personen, der siger, at personen deltager i ordningen i
    # måneden. None: `antal`, ellers tilskud > 0 (på en personordning er begge på personen). Skal
    # angives, når tilskuddet går til virksomheden (jobrotation: vikaren med ydelse): de
    # publicerede tal, valideringen sammenligner med, tæller personer, ikke arbejdsgivere.
    deltager: str | None = None
    # Ordninger, der kræver en ansat i uddannelse ved siden af deltageren (jobrotation: den ansatte,
    # vikaren afløser), har en afslagsgrund for kollegaen; `afslagsgrund` er deltagerens. Websiden
    # spørger om kollegaens input (felter med hvor="kollega") og viser kollegaens afslag for sig.
    kollega_afslagsgrund: str | None = None
    # ETERNITY-datovariabel med deltagerens første dag i ordningen (på deltagerens entitet, som
    # `berettiget`); valideringen tæller tilgangen i et år med den. None: ordningen har ingen
    # første dag i modellen (virksomhedspraktik regnes i uger).
    startdato: str | None = None
    # Websidens formularfelter for ordningens egne input, i den rækkefølge siden viser dem.
    felter: tuple[Felt, ...] = ()

    def __post_init__(self):
        afledte = {
            "tilskud": f"{self.noegle}_tilskud",
            "berettiget": f"{self.noegle}_berettiget",
            "afslagsgrund": f"{self.noegle}_afslagsgrund",
            "befolkningsmodul": f"{BEFOLKNING}.{self.noegle}",
        }
        for felt, standard in afledte.items():
            if getattr(self, felt) is None:
                object.__setattr__(self, felt, standard)

    @property
    def entitet(self):
        """"person" eller "virksomhed": entiteten, tilskudsvariablen er defineret på."""
        return variabelens_entitet(self.tilskud)

    @property
    def andre_afslagsgrunde(self):
        """Afslagsgrundene for ordningens andre parter end deltageren (i dag kun kollegaen)."""
        return (self.kollega_afslagsgrund,) if self.kollega_afslagsgrund else ()

    def variabler(self):
        """Navnene på ordningens registrerede variabler (uden websidens felter)."""
        navne = (self.tilskud, self.berettiget, self.afslagsgrund, *self.andre_afslagsgrunde)
        return navne + tuple(n for n in (self.antal, self.deltager, self.startdato) if n)

    @property
    def deltagervariabel(self):
        """Bool-variablen på personen, der siger, om personen deltager i måneden (`deltager`, på en
        personordning ellers `antal`); None: personerne med tilskud > 0."""
        if self.deltager:
            return self.deltager
        if self.entitet != "person":
            raise ValueError(
                f"ordningen '{self.noegle}': tilskuddet går til {self.entitet}; angiv deltager= "
                "(en bool-variabel på personen), så deltagerne kan tælles som personer"
            )
        return self.antal


ORDNINGER = (
    Ordning(
        "voksenlaerling",
        "Voksenlærling",
        startdato="voksenlaerling_aftale_start",
        felter=(
            Felt("voksenlaerling_aftale_start", "person", "Første dag i uddannelsesaftalen.", "2026-03-01"),
            Felt("voksenlaerling_ansoegningsdato", "person", "Dagen, ansøgningen om tilskud blev sendt. Tom: rettidigt.", ""),
            Felt("voksenlaerling_kommer_fra_ledighed", "person", "Var lærlingen ledig lige før aftalen?", True),
            Felt("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", "person", "Står uddannelsen på voksenlærlingelisten?", False),
            Felt("voksenlaerling_praktiktimer", "person", "Timer i praktik (ikke skole) pr. måned.", "160"),
        ),
    ),
    Ordning(
        "jobrotation",
        "Jobrotation",
        tilskud="jobrotationsydelse",
        berettiget="jobrotation_vikar_berettiget",
        afslagsgrund="jobrotation_vikar_afslagsgrund",
        kollega_afslagsgrund="jobrotation_medarbejder_afslagsgrund",
        deltager="jobrotation_vikar_med_ydelse",
        startdato="jobrotation_vikariat_start",
        felter=(
            Felt("jobrotation_vikariat_start", "person", "Vikariatets første dag.", "2026-03-01"),
            Felt("jobrotation_vikar_godkendt", "person", "Har jobcenteret godkendt vikaren før ansættelsen?", True),
            Felt("jobrotation_vikartimer", "person", "Timer, vikaren arbejder pr. måned.", "148"),
            Felt("jobrotation_uddannelsestimer", "kollega", "Timer, den ansatte, som vikaren afløser, er i uddannelse pr. måned.", "148"),
            Felt("hoejeste_uddannelse", "kollega", "Den ansattes højeste uddannelse.", "erhvervsuddannelse"),
            Felt("modtager_godtgoerelse", "kollega", "Får den ansatte VEU- eller SVU-godtgørelse for uddannelsen?", False),
            Felt("jobrotation_projekt_godkendt", "virksomhed", "Er projektet godkendt før den første uddannelsesdag?", True),
        ),
    ),
    Ordning(
        "loentilskud",
        "Løntilskud",
        tilskud="loentilskud",
        startdato="loentilskud_start",
        felter=(
            Felt("loentilskud_start", "person", "Første dag med løntilskud hos denne arbejdsgiver.", "2026-03-01"),
            Felt("loentilskud_timer", "person", "Timer ansat med løntilskud pr. måned.", "148"),
        ),
    ),
    Ordning(
        "virksomhedspraktik",
        "Virksomhedspraktik",
        berettiget="virksomhedspraktik_tilladt",
        antal="virksomhedspraktik_praktikant",
        felter=(
            Felt("virksomhedspraktik_uger", "person", "Praktikkens planlagte længde i uger.", "4"),
            Felt("virksomhedspraktik_timer_per_uge", "person", "Planlagte timer om ugen.", "30"),
            Felt("virksomhedspraktik_uden_erhvervserfaring", "person", "Har personen ingen relevant erhvervserfaring?", False),
        ),
    ),
    Ordning(
        "opkvalificering",
        "Opkvalificering ved ansættelse",
        startdato="opkvalificering_ansaettelse_start",
        felter=(
            Felt("opkvalificering_ansoegningsdato", "person", "Dagen, der blev søgt hos jobcenteret (før ansættelsen).", "2026-02-15"),
            Felt("opkvalificering_ansaettelse_start", "person", "Første dag i den ordinære ansættelse.", "2026-03-01"),
            Felt("opkvalificering_kursus_start", "person", "Kursets første dag.", "2026-04-01"),
            Felt("opkvalificering_ansaettelse_varighed_maaneder", "person", "Ansættelsens længde i måneder efter erklæringen.", "12"),
            Felt("opkvalificering_ansaettelse_med_andet_tilskud", "person", "Giver ansættelsen et andet tilskud?", False),
            Felt("opkvalificering_kursusudgift", "person", "Dokumenteret udgift til kurset i kr.", "20000"),
            Felt("opkvalificering_udgift_allerede_afholdt", "person", "Var udgiften betalt, da der blev søgt?", False),
        ),
    ),
)


def ordning(noegle):
    """Ordningen med nøglen `noegle`."""
    for o in ORDNINGER:
        if o.noegle == noegle:
            return o
    raise KeyError(f"ukendt ordning '{noegle}'; kendte: {', '.join(o.noegle for o in ORDNINGER)}")


def ordninger_foer(noegle):
    """Posterne før ordningen `noegle` i registret: dem, den syntetiske befolkning har trukket
    deltagere til, når den trækker `noegle`'s (rækkefølgen er fast, se øverst)."""
    return ORDNINGER[: ORDNINGER.index(ordning(noegle))]


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
