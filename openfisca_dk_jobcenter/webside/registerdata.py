"""Ordningsregistret som JSON til siden: hvilke variabler siden skal spørge om, og hvilke felter
en ansættelse under ordningen har.

Registret (`ordninger.py`) siger, hvilken variabel der er ordningens beløb, hvem der er berettiget,
og hvorfor ikke. Her står kun formularen: hvilke input en ansættelse under ordningen har, hvor
(personen selv, en kollega i uddannelse, arbejdsgiveren) og en kort hjælpetekst. Etiketter, typer,
perioder og mulige værdier læses fra skattesystemet, dvs. fra de samme variabler som /variable/<id>.
En variabel, der ikke findes i modellen, springes over, så et omdøbt input ikke vælter siden.
"""

import datetime

from openfisca_core.indexed_enums import Enum

from openfisca_dk_jobcenter.ordninger import ORDNINGER

# Felter, der gælder for den ansatte under alle ordninger (person), og for arbejdsgiveren.
PERSONFELTER = (
    ("foedselsdato", "Bruges til alderskrav (fx fyldt 25 år for voksenlærlinge).", "1990-01-01"),
    ("maalgruppe", "Personens målgruppe efter LAB § 6, før ansættelsen.", "dagpengemodtager"),
    ("er_aktivitetsparat", "Kun for kontant- og uddannelseshjælpsmodtagere.", False),
    ("forudgaaende_ledighed_maaneder", "Antal måneder, personen var ledig lige før ansættelsen.", "7"),
    ("hoejeste_uddannelse", "Den højeste uddannelse, personen har fuldført.", "grundskole"),
    ("aar_siden_uddannelse_anvendt", "År siden personen sidst arbejdede med sin uddannelse (0, hvis aldrig uddannet).", "0"),
    ("er_enlig_forsoerger", "Enlige forsørgere er undtaget fra nogle ledighedskrav.", False),
)
ARBEJDSGIVERFELTER = (("sektor", "Privat eller offentlig arbejdsgiver: løntilskud har forskellige regler.", "privat"),)

# Ordningens egne felter: (variabel, hvor, hjælpetekst, eksempelværdi). "hvor" er "person" (den
# ansatte), "kollega" (en ansat i uddannelse, som ordningen kræver) eller "virksomhed".
ORDNINGSFELTER = {
    "voksenlaerling": (
        ("voksenlaerling_aftale_start", "person", "Første dag i uddannelsesaftalen.", "2026-03-01"),
        ("voksenlaerling_ansoegningsdato", "person", "Dagen, ansøgningen om tilskud blev sendt. Tom: rettidigt.", ""),
        ("voksenlaerling_kommer_fra_ledighed", "person", "Var lærlingen ledig lige før aftalen?", True),
        ("voksenlaerling_uddannelse_paa_voksenlaerlingelisten", "person", "Står uddannelsen på voksenlærlingelisten?", False),
        ("voksenlaerling_praktiktimer", "person", "Timer i praktik (ikke skole) pr. måned.", "160"),
    ),
    "loentilskud": (
        ("loentilskud_start", "person", "Første dag med løntilskud hos denne arbejdsgiver.", "2026-03-01"),
        ("loentilskud_timer", "person", "Timer ansat med løntilskud pr. måned.", "148"),
    ),
    "jobrotation": (
        ("jobrotation_vikariat_start", "person", "Vikariatets første dag.", "2026-03-01"),
        ("jobrotation_vikar_godkendt", "person", "Har jobcenteret godkendt vikaren før ansættelsen?", True),
        ("jobrotation_vikartimer", "person", "Timer, vikaren arbejder pr. måned.", "148"),
        ("jobrotation_uddannelsestimer", "kollega", "Timer, den ansatte, som vikaren afløser, er i uddannelse pr. måned.", "148"),
        ("hoejeste_uddannelse", "kollega", "Den ansattes højeste uddannelse.", "erhvervsuddannelse"),
        ("modtager_godtgoerelse", "kollega", "Får den ansatte VEU- eller SVU-godtgørelse for uddannelsen?", False),
        ("jobrotation_projekt_godkendt", "virksomhed", "Er projektet godkendt før den første uddannelsesdag?", True),
    ),
    "virksomhedspraktik": (
        ("virksomhedspraktik_uger", "person", "Praktikkens planlagte længde i uger.", "4"),
        ("virksomhedspraktik_timer_per_uge", "person", "Planlagte timer om ugen.", "30"),
        ("virksomhedspraktik_uden_erhvervserfaring", "person", "Har personen ingen relevant erhvervserfaring?", False),
    ),
    "opkvalificering": (
        ("opkvalificering_ansoegningsdato", "person", "Dagen, der blev søgt hos jobcenteret (før ansættelsen).", "2026-02-15"),
        ("opkvalificering_ansaettelse_start", "person", "Første dag i den ordinære ansættelse.", "2026-03-01"),
        ("opkvalificering_kursus_start", "person", "Kursets første dag.", "2026-04-01"),
        ("opkvalificering_ansaettelse_varighed_maaneder", "person", "Ansættelsens længde i måneder efter erklæringen.", "12"),
        ("opkvalificering_ansaettelse_med_andet_tilskud", "person", "Giver ansættelsen et andet tilskud?", False),
        ("opkvalificering_kursusudgift", "person", "Dokumenteret udgift til kurset i kr.", "20000"),
        ("opkvalificering_udgift_allerede_afholdt", "person", "Var udgiften betalt, da der blev søgt?", False),
    ),
    "uddannelse_med_loentilskud": (
        ("loentilskud_start", "person", "Første dag med løntilskud for den ledige.", "2026-03-01"),
        ("loentilskud_timer", "person", "Timer ansat med løntilskud pr. måned.", "148"),
        ("jobrotation_uddannelsestimer", "kollega", "Timer, den ansatte er i voksen- eller efteruddannelse pr. måned.", "74"),
        ("modtager_godtgoerelse", "kollega", "Får den ansatte VEU- eller SVU-godtgørelse?", True),
    ),
}

# Ordninger, siden kan regne på, men som (endnu) ikke står i registret. Registrets egen post vinder.
# Kombinationen er ikke en særskilt ordning i registret: dens beløb tælles som løntilskud.
SUPPLERENDE = {
    "uddannelse_med_loentilskud": {
        "navn": "Uddannelse med løntilskud",
        "tilskud": "uddannelse_med_loentilskud_loentilskud",
        "berettiget": "uddannelse_med_loentilskud",
        "afslagsgrund": "loentilskud_afslagsgrund",
    },
}
# Ordninger med en kollega i uddannelse: kollegaens afslagsgrund (registrets andre_afslagsgrunde).
KOLLEGA = ("jobrotation",)


def _type(variabel):
    if variabel.value_type is Enum or getattr(variabel, "possible_values", None) is not None:
        return "enum"
    if variabel.value_type is datetime.date:
        return "dato"
    if variabel.value_type is bool:
        return "bool"
    if variabel.value_type is int:
        return "heltal"
    return "tal"


def felt(tbs, navn, hvor, hjaelp, eksempel):
    variabel = tbs.variables.get(navn)
    if variabel is None:
        return None
    beskrivelse = {
        "navn": navn,
        "hvor": hvor,
        "etiket": variabel.label,
        "hjaelp": hjaelp,
        "type": _type(variabel),
        "periode": str(variabel.definition_period).lower(),
        "eksempel": eksempel,
    }
    if beskrivelse["type"] == "enum":
        beskrivelse["vaerdier"] = [{"noegle": m.name, "etiket": m.value} for m in variabel.possible_values]
    return beskrivelse


def _hvis_findes(tbs, *navne):
    for navn in navne:
        if navn and navn in tbs.variables:
            return navn
    return None


def _entitet(tbs, navn):
    return tbs.variables[navn].entity.key if navn in tbs.variables else None


def _post(tbs, noegle, navn, tilskud, berettiget, afslagsgrund, andre_afslagsgrunde=()):
    return {
        "noegle": noegle,
        "navn": navn,
        "tilskud": tilskud,
        "tilskud_entitet": _entitet(tbs, tilskud),
        "berettiget": berettiget,
        "berettiget_entitet": _entitet(tbs, berettiget) if berettiget else None,
        "afslagsgrund": afslagsgrund,
        "afslagsgrund_entitet": _entitet(tbs, afslagsgrund) if afslagsgrund else None,
        "kollega_afslagsgrund": _hvis_findes(tbs, *andre_afslagsgrunde) if noegle in KOLLEGA else None,
        "felter": [f for f in (felt(tbs, *spec) for spec in ORDNINGSFELTER.get(noegle, ())) if f],
    }


def ordninger_som_json(tbs):
    poster = []
    for o in ORDNINGER:
        if o.tilskud not in tbs.variables:
            continue
        poster.append(
            _post(
                tbs,
                o.noegle,
                o.navn,
                o.tilskud,
                _hvis_findes(tbs, o.berettiget),
                _hvis_findes(tbs, o.afslagsgrund),
                o.andre_afslagsgrunde,
            )
        )
    kendte = {p["noegle"] for p in poster}
    for noegle, s in SUPPLERENDE.items():
        if noegle not in kendte and s["tilskud"] in tbs.variables:
            poster.append(
                _post(tbs, noegle, s["navn"], s["tilskud"], _hvis_findes(tbs, s["berettiget"]), _hvis_findes(tbs, s["afslagsgrund"]))
            )
    return {
        "ordninger": poster,
        "personfelter": [f for f in (felt(tbs, n, "person", h, e) for n, h, e in PERSONFELTER) if f],
        "arbejdsgiverfelter": [f for f in (felt(tbs, n, "virksomhed", h, e) for n, h, e in ARBEJDSGIVERFELTER) if f],
        "i_alt": _hvis_findes(tbs, "virksomhed_tilskud_i_alt"),
    }


# Jobrotationsbudgettet: rækkerne (ansatte i uddannelse, vikarer), projektet og kolonnerne.
BUDGET_MEDARBEJDER = (
    ("timeloen", "Den sædvanlige timeløn under uddannelsen, i kr.", "250"),
    ("jobrotation_uddannelsestimer", "Timer i uddannelse med løn pr. måned.", "74"),
    ("jobrotation_kursusudgift", "Kursusudgifter og deltagerbetaling pr. måned, i kr.", "3000"),
    ("hoejeste_uddannelse", "Den ansattes højeste uddannelse.", "erhvervsuddannelse"),
    ("modtager_godtgoerelse", "Får den ansatte VEU- eller SVU-godtgørelse for uddannelsen?", False),
)
BUDGET_VIKAR = (
    ("timeloen", "Vikarens overenskomstmæssige timeløn, i kr.", "180"),
    ("jobrotation_vikartimer", "Timer som vikar pr. måned.", "148"),
    ("jobrotation_vikariat_start", "Vikariatets første dag.", "2026-01-01"),
    ("maalgruppe", "Vikarens målgruppe før ansættelsen.", "dagpengemodtager"),
    ("forudgaaende_ledighed_maaneder", "Måneder, vikaren var ledig lige før vikariatet.", "7"),
    ("jobrotation_vikar_godkendt", "Har jobcenteret godkendt vikaren før ansættelsen?", True),
)
# Beløb og timer pr. måned, som kun gælder i rækkens egne måneder (0 uden for dem).
BUDGET_PERIODERET = ("jobrotation_uddannelsestimer", "jobrotation_kursusudgift", "jobrotation_vikartimer")
BUDGET_PROJEKT = (("jobrotation_projekt_godkendt", "Er projektet godkendt før den første uddannelsesdag?", True),)
BUDGET_KOLONNER = (
    ("jobrotation_loenudgift_medarbejdere", "Løn til ansatte i uddannelse"),
    ("jobrotation_kursusudgifter", "Kursusudgifter"),
    ("jobrotation_loenudgift_vikarer", "Løn til vikarer"),
    ("jobrotation_bruttoudgift", "Udgifter i alt"),
    ("jobrotationsydelse", "Jobrotationsydelse"),
    ("jobrotation_nettoudgift", "Nettoudgift"),
)


def budget_som_json(tbs):
    def felter(specs, hvor):
        return [f for f in (felt(tbs, n, hvor, h, e) for n, h, e in specs) if f]

    return {
        "medarbejder": felter(BUDGET_MEDARBEJDER, "person"),
        "vikar": felter(BUDGET_VIKAR, "person"),
        "projekt": felter(BUDGET_PROJEKT, "virksomhed"),
        "kolonner": [{"navn": n, "overskrift": o} for n, o in BUDGET_KOLONNER if n in tbs.variables],
        "medarbejder_afslagsgrund": _hvis_findes(tbs, "jobrotation_medarbejder_afslagsgrund"),
        "vikar_afslagsgrund": _hvis_findes(tbs, "jobrotation_vikar_afslagsgrund"),
        "ydelse": _hvis_findes(tbs, "jobrotationsydelse"),
        "perioderet": [n for n in BUDGET_PERIODERET if n in tbs.variables],
    }
