"""Kontrol af en situation, før openfisca-core's /calculate og /trace får den.

openfisca-core 46 tjekker meget selv (ukendt entitet, ukendt enum-navn, ugyldig dato-tekst, en
person i to virksomheder …) og svarer 400/404. Her fanges det, kernen ikke fanger, og som ellers
giver 500, et forkert svar eller en server, der går i stå:

- en værdi af forkert JSON-type: en liste, hvor der skal stå et tal (500 i kernen), tekst som
  "ja" eller "false" til en sand/falsk-variabel (kernen gør den til sand), et tal til en
  dato eller en enum, tekst til et tal (kernen regner teksten ud som et numexpr-udtryk:
  "2*80" bliver 160, "1/0" giver 500);
- tal, der ikke er endelige eller er urimeligt store (NaN, Infinity, 1e400);
- en beregning for en periode, variablen ikke er defineret for ("2026" for en månedsvariabel:
  500 i kernen), og en formel for en ETERNITY-variabel for perioden 'ETERNITY' (500 i kernen);
- perioder og datoer uden for år 1800-2200 (år 10000 giver 500 i kernen);
- input for en dag eller en uge til en månedsvariabel (kernen bruger dagens værdi som månedens
  og glemmer ugens uden at sige til);
- tomme id'er og id'er med "/" (dpath-stier i kernen: 500);
- `axes` i /calculate (kernen kan ikke sætte svaret sammen: 500) og for store `axes` i /trace;
- for mange personer, virksomheder, perioder eller beregninger i én forespørgsel (kernens
  opbygning af simuleringen vokser med kvadratet på antallet af personer).

Den første fejl stoppes der ved, som i kernen. `Fejl.som_json()` har samme form som kernens
fejlsvar: stien i situationen som indlejrede objekter med beskeden yderst.
"""

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field

from openfisca_core import periods
from openfisca_core.indexed_enums import Enum

from openfisca_dk_jobcenter.model import domaener

# Grænser for én forespørgsel. En arbejdsgivers eller sagsbehandlers system spørger om én sag ad
# gangen; hele befolkninger simuleres med Python-API'et (openfisca_dk_jobcenter.befolkning).
MAX_INSTANSER = 2_000  # personer (og virksomheder) i én situation
MAX_PERIODER = 240  # forskellige perioder i én situation (20 år i måneder)
MAX_BEREGNINGER = 2_000  # efterspurgte værdier (null) i én situation
MAX_AKSE_PUNKTER = 100  # punkter langs alle akser i /trace tilsammen
# Prisen på en forespørgsel: instanser (personer og virksomheder, gange aksernes punkter) ×
# perioder med efterspurgte værdier × efterspurgte variabler. /trace svarer med hver mellemregning
# for hver instans og periode (20-40 variabler pr. efterspurgt), så dens grænse er lavere.
# 2.000 personer × 8 variabler × 240 måneder (3,8 mio. celler) gav 310 MB svar og en arbejder på 1,7 GB.
MAX_CELLER = 100_000
MAX_CELLER_TRACE = 10_000
MAX_ROLLE_DYBDE = 1  # en rolle er en liste af person-id'er (eller ét id)
MAX_TAL = 1e12  # største tal (i absolut værdi) for beløb og timer
MIN_AAR, MAX_AAR = 1800, 2200  # datoer og perioder
MAX_ID_LAENGDE = 200

INT32 = 2**31 - 1
DATO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Fejl(Exception):
    """En fejl i situationen: `sti` er stien i JSON-objektet, `besked` hvad der er galt."""

    sti: list = field(default_factory=list)
    besked: str = ""
    status: int = 400

    def __str__(self):
        return f"{'/'.join(map(str, self.sti))}: {self.besked}" if self.sti else self.besked

    def som_json(self):
        if not self.sti:
            return {"error": self.besked}
        svar = self.besked
        for led in reversed(self.sti):
            svar = {str(led): svar}
        return svar


def json_navn(vaerdi):
    """JSON-typens navn på dansk, til fejlbeskeder."""
    if vaerdi is None:
        return "null"
    if isinstance(vaerdi, bool):
        return "sand/falsk (true/false)"
    if isinstance(vaerdi, int | float):
        return "et tal"
    if isinstance(vaerdi, str):
        return "tekst"
    if isinstance(vaerdi, list):
        return "en liste"
    if isinstance(vaerdi, dict):
        return "et objekt"
    return type(vaerdi).__name__


def vis(vaerdi, laengde=60):
    tekst = repr(vaerdi)
    return tekst if len(tekst) <= laengde else tekst[: laengde - 1] + "…"


def kontroller_periode(sti, tekst):
    """Perioden `tekst` (nøglen i {periode: værdi}) eller en Fejl."""
    try:
        periode = periods.period(tekst)
    except (ValueError, TypeError, AttributeError, KeyError):
        raise Fejl(
            sti,
            f"'{tekst}' er ikke en gyldig periode; skriv fx '2026-02' (måned), '2026' (år) eller 'ETERNITY'",
        ) from None
    if periode.unit == periods.DateUnit.ETERNITY:
        return periode
    if periode.size < 1:
        raise Fejl(sti, f"perioden '{tekst}' har længden {periode.size}; den skal være mindst 1")
    try:
        foerste, sidste = periode.start.year, periode.stop.year
    except (ValueError, OverflowError):
        foerste = sidste = None
    if foerste is None or not (MIN_AAR <= foerste and sidste <= MAX_AAR):
        raise Fejl(sti, f"perioden '{tekst}' ligger uden for år {MIN_AAR}-{MAX_AAR}")
    return periode


ENHEDER = {"month": ("én måned", "'2026-02'"), "year": ("ét år", "'2026'"), "day": ("én dag", "'2026-02-01'")}


def kontroller_beregningsperiode(sti, variabel, periode):
    """En værdi kan kun beregnes for en hel periode af variablens egen længde."""
    enhed = variabel.definition_period
    if enhed == periods.DateUnit.ETERNITY:
        if variabel.formulas and periode.unit == periods.DateUnit.ETERNITY:
            # openfisca-core 46 slår formlen op på periodens første dag, og 'ETERNITY' har ingen (500).
            raise Fejl(
                sti,
                f"openfisca-core kan ikke beregne formlen for '{variabel.name}' for 'ETERNITY'; spørg for en "
                "måned, fx '2026-02' (værdien er den samme for alle perioder)",
            )
        return
    if periode.unit != enhed or periode.size != 1:
        hvor_lang, eksempel = ENHEDER.get(str(enhed), (str(enhed), ""))
        raise Fejl(
            sti,
            f"'{variabel.name}' beregnes for {hvor_lang} ad gangen (fx {eksempel}), ikke for '{periode}'",
        )


INPUTPERIODER = {
    "month": (
        "måned",
        ("month", "year"),
        "en måned ('2026-02'), flere måneder ('month:2026-01:3') eller et år ('2026')",
    ),
    "year": ("år", ("year",), "et år ('2026')"),
}


def kontroller_inputperiode(sti, variabel, periode):
    """En månedsvariabel tager input for måneder og år, en årsvariabel for år.

    Kernen tager også input for en dag eller en uge til en månedsvariabel og bruger dagens værdi
    som månedens eller glemmer ugens uden at sige til.
    """
    regel = INPUTPERIODER.get(str(variabel.definition_period))
    if regel and str(periode.unit) not in regel[1]:
        enhed, _, eksempler = regel
        raise Fejl(sti, f"'{variabel.name}' gælder pr. {enhed}: giv værdien for {eksempler}, ikke '{periode}'")


def kontroller_vaerdi(sti, variabel, vaerdi):
    """En inputværdi af den rigtige JSON-type for variablens værditype, eller en Fejl."""
    navn = variabel.name
    type_ = variabel.value_type

    def forkert(hvad):
        return f"'{navn}' forventer {hvad}, men fik {json_navn(vaerdi)} {vis(vaerdi)}"

    if type_ is bool:
        if not isinstance(vaerdi, bool):
            raise Fejl(sti, forkert("true eller false"))
    elif type_ in (int, float):
        if isinstance(vaerdi, bool) or not isinstance(vaerdi, int | float):
            raise Fejl(sti, forkert("et tal"))
        if abs(vaerdi) > MAX_TAL or not math.isfinite(vaerdi):  # abs først: math.isfinite(10**400) rejser
            raise Fejl(sti, f"'{navn}': {vis(vaerdi)} er uden for det tilladte interval ±{MAX_TAL:g}")
        if type_ is int and (vaerdi != int(vaerdi) or abs(vaerdi) > INT32):
            raise Fejl(sti, forkert("et helt tal"))
        try:
            domaener.kontroller_vaerdi(variabel, vaerdi)  # variablens domæne (domaener.py)
        except ValueError as fejl:
            raise Fejl(sti, str(fejl)) from None
    elif type_ is Enum:
        mulige = [v.name for v in variabel.possible_values]
        if not isinstance(vaerdi, str) or vaerdi not in mulige:
            hvad = "en af " + ", ".join(f"'{m}'" for m in mulige)
            raise Fejl(sti, forkert(hvad))
    elif type_ is datetime.date:
        if not isinstance(vaerdi, str) or not DATO.fullmatch(vaerdi):
            raise Fejl(sti, forkert("en dato som tekst 'ÅÅÅÅ-MM-DD'"))
        try:
            dato = datetime.date.fromisoformat(vaerdi)
        except ValueError:
            raise Fejl(sti, f"'{navn}': '{vaerdi}' er ikke en dato, der findes") from None
        if not domaener.MIN_DATO <= dato <= domaener.MAX_DATO:
            raise Fejl(
                sti, f"'{navn}': datoen '{vaerdi}' ligger uden for år {domaener.MIN_DATO.year}-{domaener.MAX_DATO.year}"
            )
    elif type_ is str:
        if not isinstance(vaerdi, str):
            raise Fejl(sti, forkert("tekst"))


def ukendt_variabel(sti, navn, kendte, roller=()):
    forslag = difflib.get_close_matches(navn, list(kendte) + list(roller), n=1)
    hint = f"; mente du '{forslag[0]}'?" if forslag else ""
    hvad = "hverken en rolle (" + ", ".join(roller) + ") eller en variabel" if roller else "ikke en variabel"
    return Fejl(sti, f"'{navn}' er {hvad} i openfisca-dk-jobcenter{hint}", status=404)


class Situation:
    """Kontrollen af én situation for ét skattesystem; `kontroller` rejser den første Fejl."""

    def __init__(self, tax_benefit_system):
        self.tbs = tax_benefit_system
        self.entiteter = {e.plural: e for e in tax_benefit_system.entities}
        self.variabler = tax_benefit_system.variables
        self.perioder = set()
        self.beregninger = 0
        self.efterspurgte_perioder = set()
        self.efterspurgte_variabler = set()

    def kontroller(self, data, endpoint, max_celler=None):
        if not isinstance(data, dict):
            raise Fejl([], f"situationen skal være et JSON-objekt {{...}}, men er {json_navn(data)}")
        for noegle in data:
            if noegle != "axes" and noegle not in self.entiteter:
                kendte = ", ".join([*self.entiteter, "axes"])
                raise Fejl([noegle], f"'{noegle}' er ikke en entitet; kendte nøgler: {kendte}")
        personer = self.tbs.person_entity.plural
        if not data.get(personer):
            raise Fejl([personer], "situationen skal have mindst én person under 'personer'")
        for plural, entitet in self.entiteter.items():
            if plural in data:
                self.kontroller_entitet(entitet, data[plural])
        if len(self.perioder) > MAX_PERIODER:
            raise Fejl([], f"situationen nævner {len(self.perioder)} perioder; højst {MAX_PERIODER} pr. forespørgsel")
        self.kontroller_medlemskab(data)
        punkter = self.kontroller_akser(data["axes"], endpoint, data) if "axes" in data else 1
        if max_celler is not None:
            self.kontroller_pris(data, punkter, max_celler, endpoint)

    def kontroller_pris(self, data, punkter, max_celler, endpoint):
        instanser = sum(len(data.get(plural) or {}) for plural in self.entiteter) * punkter
        perioder = max(1, len(self.efterspurgte_perioder))
        variabler = max(1, len(self.efterspurgte_variabler))
        celler = instanser * perioder * variabler
        if celler > max_celler:
            raise Fejl(
                [],
                f"forespørgslen er for stor: {instanser} instanser (personer og virksomheder"
                f"{f', gange {punkter} aksepunkter' if punkter > 1 else ''}) × {perioder} perioder × {variabler} "
                f"efterspurgte variabler = {celler} celler; højst {max_celler} pr. forespørgsel til /{endpoint}. "
                "Del spørgsmålet op, eller simulér hele befolkninger med Python-API'et",
                status=413,
            )

    def kontroller_medlemskab(self, data):
        """Roller er lister af kendte personer, og en person står højst ét sted.

        En person uden virksomhed er tilladt: hun får sin egen (`situation.med_egne_virksomheder`,
        som værnet kalder efter kontrollen, før kernen ser situationen).
        """
        personer = data.get(self.tbs.person_entity.plural) or {}
        for plural, entitet in self.entiteter.items():
            if entitet.is_person or plural not in data:
                continue
            ansat = {}
            for id_, instans in data[plural].items():
                for rolle in entitet.roles:
                    noegle = rolle.plural or rolle.key
                    if noegle not in instans:
                        continue
                    medlemmer = instans[noegle]
                    sti = [plural, id_, noegle]
                    if isinstance(medlemmer, str):
                        medlemmer = [medlemmer]
                    if not isinstance(medlemmer, list) or not all(isinstance(m, str) for m in medlemmer):
                        raise Fejl(sti, f"'{noegle}' skal være en liste af person-id'er, fx [\"ana\", \"bo\"]")
                    for person in medlemmer:
                        if person not in personer:
                            raise Fejl(sti, f"personen '{person}' findes ikke under '{self.tbs.person_entity.plural}'")
                        if person in ansat:
                            raise Fejl(
                                sti,
                                f"personen '{person}' står allerede hos {entitet.key} '{ansat[person]}'; "
                                "en person kan kun høre til ét sted",
                            )
                        ansat[person] = id_

    def kontroller_entitet(self, entitet, instanser):
        plural = entitet.plural
        if not isinstance(instanser, dict):
            raise Fejl([plural], f"'{plural}' skal være et objekt {{id: {{...}}}}, men er {json_navn(instanser)}")
        if len(instanser) > MAX_INSTANSER:
            raise Fejl([plural], f"{len(instanser)} {plural}; højst {MAX_INSTANSER} pr. forespørgsel")
        roller = [] if entitet.is_person else [r.plural or r.key for r in entitet.roles]
        for id_, instans in instanser.items():
            if not id_ or "/" in id_ or len(id_) > MAX_ID_LAENGDE:
                raise Fejl(
                    [plural, id_],
                    f"id'et {id_!r} kan ikke bruges: det skal være 1-{MAX_ID_LAENGDE} tegn uden '/'",
                )
            if not isinstance(instans, dict):
                raise Fejl([plural, id_], f"'{id_}' skal være et objekt {{variabel: {{periode: værdi}}}}")
            for navn, vaerdier in instans.items():
                if navn in roller:
                    continue  # medlemmerne kontrollerer kernen selv (ukendt person, person to steder)
                self.kontroller_variabel(entitet, [plural, id_, navn], navn, vaerdier, roller)

    def kontroller_variabel(self, entitet, sti, navn, vaerdier, roller):
        variabel = self.variabler.get(navn)
        if variabel is None:
            raise ukendt_variabel(sti, navn, self.variabler, roller)
        if variabel.entity.key != entitet.key:
            raise Fejl(sti, f"'{navn}' er en variabel for {variabel.entity.plural}, ikke for {entitet.plural}")
        if not isinstance(vaerdier, dict):
            raise Fejl(
                sti,
                f"'{navn}' skal have værdier pr. periode, fx {{\"2026-02\": ...}} "
                f'eller {{"ETERNITY": ...}}, men fik {json_navn(vaerdier)}',
            )
        for tekst, vaerdi in vaerdier.items():
            periode = kontroller_periode([*sti, tekst], tekst)
            self.perioder.add(str(periode))
            if vaerdi is None:
                kontroller_beregningsperiode([*sti, tekst], variabel, periode)
                self.efterspurgte_perioder.add(str(periode))
                self.efterspurgte_variabler.add(navn)
                self.beregninger += 1
                if self.beregninger > MAX_BEREGNINGER:
                    raise Fejl([], f"mere end {MAX_BEREGNINGER} efterspurgte værdier (null) i én forespørgsel")
            else:
                kontroller_inputperiode([*sti, tekst], variabel, periode)
                kontroller_vaerdi([*sti, tekst], variabel, vaerdi)

    def kontroller_akser(self, akser, endpoint, data):
        if endpoint != "trace":
            raise Fejl(
                ["axes"],
                "'axes' kan ikke bruges med /calculate i openfisca-core 46 (kernen kan ikke sætte svaret "
                "sammen); brug /trace, eller send én situation pr. værdi",
            )
        if not isinstance(akser, list) or not akser or not all(isinstance(a, list) and a for a in akser):
            raise Fejl(["axes"], "'axes' skal være en liste af ikke-tomme lister af akser")
        punkter = 1
        for i, parallelle in enumerate(akser):
            for j, akse in enumerate(parallelle):
                sti = ["axes", i, j]
                if not isinstance(akse, dict):
                    raise Fejl(sti, "en akse skal være et objekt {name, count, min, max, period}")
                ukendte = set(akse) - {"name", "count", "min", "max", "period", "index"}
                if ukendte:
                    raise Fejl(sti, f"ukendte nøgler i aksen: {', '.join(sorted(ukendte))}")
                variabel = self.variabler.get(akse.get("name"))
                if variabel is None or variabel.value_type not in (int, float):
                    raise Fejl([*sti, "name"], f"{vis(akse.get('name'))} er ikke en talvariabel")
                antal = akse.get("count")
                if isinstance(antal, bool) or not isinstance(antal, int) or antal < 1:
                    raise Fejl([*sti, "count"], "'count' skal være et helt tal ≥ 1")
                for kant in ("min", "max"):
                    kontroller_vaerdi([*sti, kant], variabel, akse.get(kant))
                if not isinstance(akse.get("period"), str):
                    raise Fejl([*sti, "period"], "'period' skal angives som tekst, fx '2026-02'")
                periode = kontroller_periode([*sti, "period"], akse["period"])
                kontroller_beregningsperiode([*sti, "period"], variabel, periode)
                instanser = len(data.get(variabel.entity.plural) or {})
                indeks = akse.get("index", 0)
                if isinstance(indeks, bool) or not isinstance(indeks, int) or not 0 <= indeks < instanser:
                    raise Fejl(
                        [*sti, "index"],
                        f"'index' skal være et helt tal fra 0 til {instanser - 1} (antal {variabel.entity.plural} - 1)",
                    )
                if j == 0:
                    punkter *= antal
                elif antal != parallelle[0].get("count"):
                    raise Fejl([*sti, "count"], "parallelle akser skal have samme 'count'")
                personer = punkter * len(data[self.tbs.person_entity.plural])
                if punkter > MAX_AKSE_PUNKTER or personer > MAX_INSTANSER:
                    raise Fejl(
                        ["axes"],
                        f"akserne giver {punkter} punkter og {personer} personer; højst {MAX_AKSE_PUNKTER} "
                        f"punkter og {MAX_INSTANSER} personer pr. forespørgsel",
                    )
        return punkter


def kontroller(tax_benefit_system, data, endpoint="calculate", max_celler=None):
    """Kontrollér situationen `data` til `endpoint` ("calculate" eller "trace"); rejser Fejl.

    `max_celler`: grænsen for forespørgslens pris (None: standarden for endpointet)."""
    if max_celler is None:
        max_celler = MAX_CELLER_TRACE if endpoint == "trace" else MAX_CELLER
    Situation(tax_benefit_system).kontroller(data, endpoint, max_celler)
