"""Ordningsregistret som JSON til siden: hvilke variabler siden skal spørge om, og hvilke felter
en ansættelse under ordningen har.

Alt pr. ordning står i registret (`ordninger.py`): beløbet, hvem der er berettiget, hvorfor ikke,
kollegaens afslagsgrund og formularens felter (hvilke input en ansættelse under ordningen har, hvor
de hører til, en kort hjælpetekst og en eksempelværdi). Her står kun det, der gælder for alle
ordninger (personens og arbejdsgiverens felter), kombinationen uddannelse med løntilskud og
jobrotationsbudgettet. Etiketter, typer, perioder og mulige værdier læses fra skattesystemet, dvs.
fra de samme variabler som /variable/<id>. En variabel, der ikke findes i modellen (fx fjernet af
en reform), springes over, så et omdøbt input ikke vælter siden.
"""

import datetime

from openfisca_core.indexed_enums import Enum

from openfisca_dk_jobcenter.model.ordninger import ORDNINGER, Felt

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

# Ordningernes egne felter står i deres post i registret (`Ordning.felter`), så en ny ordning kun
# skrives ét sted. Uddannelse med løntilskud er ikke en ordning i registret, men en kombination,
# hvis beløb tælles som løntilskud (det ville tælle dobbelt i `virksomhed_tilskud_i_alt` og
# sammenligningen, hvis den fik sin egen post); kun websiden regner på den for sig, så dens post
# og felter står her hos websiden. Registrets egen post vinder, hvis nøglen kommer dertil.
SUPPLERENDE = {
    "uddannelse_med_loentilskud": {
        "navn": "Uddannelse med løntilskud",
        "tilskud": "uddannelse_med_loentilskud_loentilskud",
        "berettiget": "uddannelse_med_loentilskud",
        "afslagsgrund": "loentilskud_afslagsgrund",
        "felter": (
            Felt("loentilskud_start", "person", "Første dag med løntilskud for den ledige.", "2026-03-01"),
            Felt("loentilskud_timer", "person", "Timer ansat med løntilskud pr. måned.", "148"),
            Felt("jobrotation_uddannelsestimer", "kollega", "Timer, den ansatte er i voksen- eller efteruddannelse pr. måned.", "74"),
            Felt("modtager_godtgoerelse", "kollega", "Får den ansatte VEU- eller SVU-godtgørelse?", True),
        ),
    },
}


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


def _hvis_findes(tbs, navn):
    """Navnet, hvis modellen har variablen (en omdøbt variabel vælter ikke siden), ellers None."""
    return navn if navn and navn in tbs.variables else None


def _entitet(tbs, navn):
    return tbs.variables[navn].entity.key if navn in tbs.variables else None


def _post(tbs, noegle, navn, tilskud, berettiget, afslagsgrund, kollega_afslagsgrund, felter):
    return {
        "noegle": noegle,
        "navn": navn,
        "tilskud": tilskud,
        "tilskud_entitet": _entitet(tbs, tilskud),
        "berettiget": berettiget,
        "berettiget_entitet": _entitet(tbs, berettiget) if berettiget else None,
        "afslagsgrund": afslagsgrund,
        "afslagsgrund_entitet": _entitet(tbs, afslagsgrund) if afslagsgrund else None,
        "kollega_afslagsgrund": _hvis_findes(tbs, kollega_afslagsgrund),
        "felter": [f for f in (felt(tbs, f.variabel, f.hvor, f.hjaelp, f.eksempel) for f in felter) if f],
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
                o.kollega_afslagsgrund,
                o.felter,
            )
        )
    kendte = {p["noegle"] for p in poster}
    for noegle, s in SUPPLERENDE.items():
        if noegle not in kendte and s["tilskud"] in tbs.variables:
            poster.append(
                _post(
                    tbs,
                    noegle,
                    s["navn"],
                    s["tilskud"],
                    _hvis_findes(tbs, s["berettiget"]),
                    _hvis_findes(tbs, s["afslagsgrund"]),
                    None,
                    s["felter"],
                )
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
