"""Pakkens værn om openfisca-core's web-API (`openfisca_web_api.app.create_app`).

`haerd(app)` ændrer ikke kernens svar på gyldige spørgsmål; den
- kontrollerer /calculate og /trace før kernen (`validering.py`) og svarer 4xx med en besked, der
  nævner stedet i situationen og hvad der er galt, hvor kernen ellers svarer 500 eller regner
  videre med en forkert værdi;
- afviser en krop over `MAX_KROP` med 413 (Flask's MAX_CONTENT_LENGTH) uden at læse den ind i
  hukommelsen, og læser højst `DRAEN_MAX` af den væk, så klienten får svaret og ikke et RST;
- svarer JSON ({"error": ...}) i stedet for HTML på 404, 405, 413 og 415;
- svarer 400 (ikke 500) på en beregning for en periode, før reglerne begynder (en parameter uden
  værdi på datoen), med reglens første dato, og på input for et år, der ikke er summen af input
  for alle dets måneder;
- skriver datoer som '2026-02-01' (kernen via Flask: 'Sun, 01 Feb 2026 00:00:00 GMT') og
  æøå som tegn (kernens JSON_AS_ASCII virker ikke med Flask 3);
- lader /spec sige, hvad API'et gør: 413 og 415 (kernen nævner 200, 400 og 404), `null` som
  værdi (beregn), datoformatet og de gyldige id'er for /variable/{id} og /parameter/{id}.

- CORS kun for de oprindelser, konfigurationen nævner (ingen som standard), og /spec's `servers`
  fra konfigurationen (den offentlige adresse), aldrig fra Host-hovedet.

Ét sted bygger app'en: `byg_app` (kernens offentlige API: `build_tax_benefit_system` og
`create_app`, derefter `haerd`). `openfisca serve` lader ikke en landepakke ændre app'en; gunicorn-
krogen i `gunicorn.conf.py` lader serveren bruge `byg_app` (`openfisca serve -f …/gunicorn.conf.py`,
som `make serve` gør). Konfigurationen læses af `Konfiguration.fra_miljoe()` (docs/webapi.md).
"""

import datetime
import difflib
import io
import json
import logging
import os
import re
import time
import urllib.parse
from dataclasses import dataclass

from flask import Request, current_app, jsonify, request
from flask.json.provider import DefaultJSONProvider
from openfisca_core.errors import ParameterNotFoundError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from openfisca_dk_jobcenter.model import kildegrad
from openfisca_dk_jobcenter.model.parametertrae import UkendtParameter, find_parameter
from openfisca_dk_jobcenter.model.situation import med_egne_virksomheder
from openfisca_dk_jobcenter.webapi.validering import MAX_CELLER, MAX_CELLER_TRACE, Fejl, kontroller

MAX_KROP = 1024 * 1024  # 1 MiB: rigeligt til 2.000 personer med nogle input hver
DRAEN_MAX = 128 * 1024 * 1024  # så meget af en for stor krop læses væk før 413-svaret …
DRAEN_SEKUNDER = 5  # … og højst så længe; en større krop får forbindelsen lukket
UDVIDELSE = "openfisca_dk_jobcenter"
FOR_STOR = "openfisca_dk_jobcenter.for_stor"

log = logging.getLogger("gunicorn.error")


def unikke_noegler(par):
    """object_pairs_hook: samme nøgle to gange i ét objekt er en fejl (json tager ellers den sidste)."""
    objekt = {}
    for noegle, vaerdi in par:
        if noegle in objekt:
            raise ValueError(f"nøglen '{noegle}' står to gange i samme objekt")
        objekt[noegle] = vaerdi
    return objekt


def afvis_konstant(navn):
    raise ValueError(f"{navn} er ikke et tal i JSON")


class JSONUdbyder(DefaultJSONProvider):
    """Flask's JSON med datoer som ISO 8601, æøå som tegn og streng indlæsning."""

    ensure_ascii = False

    @staticmethod
    def default(o):
        if isinstance(o, datetime.date):
            return o.isoformat()
        return DefaultJSONProvider.default(o)

    def loads(self, s, **kwargs):
        try:
            return json.loads(s, object_pairs_hook=unikke_noegler, parse_constant=afvis_konstant, **kwargs)
        except RecursionError:
            raise ValueError("JSON'en er indlejret for dybt") from None
        except UnicodeDecodeError:
            raise ValueError("kroppen er ikke gyldig UTF-8") from None


class Forespoergsel(Request):
    """Flask's forespørgsel; kernens /calculate og /trace læser situationen med `get_json()`, og
    her får de værnets kontrollerede og omskrevne situation (`situation`), når den er sat."""

    situation = None

    def get_json(self, *args, **kwargs):
        if self.situation is not None:
            return self.situation
        return super().get_json(*args, **kwargs)


def fejlsvar(status, besked):
    svar = jsonify(besked if isinstance(besked, dict) else {"error": besked})
    svar.status_code = status
    return svar


def draen(environ):
    """Læs en for stor krop væk (højst DRAEN_MAX bytes og DRAEN_SEKUNDER), så 413 når klienten."""
    stroem = environ.get("wsgi.input")
    if stroem is None:
        return
    frist = time.monotonic() + DRAEN_SEKUNDER
    laest = 0
    try:
        while laest < DRAEN_MAX and time.monotonic() < frist:
            bid = stroem.read(64 * 1024)
            if not bid:
                break
            laest += len(bid)
    except (OSError, ValueError):
        pass


@dataclass(frozen=True)
class Konfiguration:
    """Det, der afhænger af, hvor API'et kører. Standard: ingen CORS, /spec's `servers` relativ."""

    cors_oprindelser: tuple = ()
    offentlig_url: str | None = None
    max_celler: int = MAX_CELLER
    max_celler_trace: int = MAX_CELLER_TRACE

    @classmethod
    def fra_miljoe(cls, miljoe=None):
        """Fra miljøvariablerne DK_JOBCENTER_CORS_OPRINDELSER (kommasepareret),
        DK_JOBCENTER_OFFENTLIG_URL, DK_JOBCENTER_MAX_CELLER og DK_JOBCENTER_MAX_CELLER_TRACE."""
        miljoe = os.environ if miljoe is None else miljoe
        oprindelser = tuple(o.strip().rstrip("/") for o in miljoe.get("DK_JOBCENTER_CORS_OPRINDELSER", "").split(",") if o.strip())
        for oprindelse in oprindelser:
            dele = urllib.parse.urlsplit(oprindelse)
            if oprindelse == "*" or dele.scheme not in ("http", "https") or not dele.netloc or dele.path:
                raise ValueError(f"DK_JOBCENTER_CORS_OPRINDELSER: '{oprindelse}' er ikke en oprindelse som https://eksempel.dk")
        url = miljoe.get("DK_JOBCENTER_OFFENTLIG_URL", "").strip().rstrip("/") or None
        if url is not None:
            dele = urllib.parse.urlsplit(url)
            if dele.scheme not in ("http", "https") or not dele.netloc:
                raise ValueError(f"DK_JOBCENTER_OFFENTLIG_URL: '{url}' er ikke en adresse som https://api.eksempel.dk")
        return cls(
            cors_oprindelser=oprindelser,
            offentlig_url=url,
            max_celler=int(miljoe.get("DK_JOBCENTER_MAX_CELLER", MAX_CELLER)),
            max_celler_trace=int(miljoe.get("DK_JOBCENTER_MAX_CELLER_TRACE", MAX_CELLER_TRACE)),
        )


CORS_HOVEDER = ("access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods",
                "access-control-allow-headers", "access-control-expose-headers", "access-control-max-age")


class CorsFraKonfiguration:
    """WSGI: CORS-hoveder kun for de konfigurerede oprindelser.

    Kernens `create_app` kalder `CORS(app, origins="*")` (enhver oprindelse, alle metoder); dens
    hoveder fjernes her, og kun en oprindelse fra konfigurationen får sine egne.
    """

    def __init__(self, wsgi_app, oprindelser):
        self.wsgi_app = wsgi_app
        self.oprindelser = set(oprindelser)

    def __call__(self, environ, start_response):
        oprindelse = environ.get("HTTP_ORIGIN", "").rstrip("/")
        tilladt = oprindelse in self.oprindelser

        def start(status, hoveder, exc_info=None):
            hoveder = [(n, v) for n, v in hoveder if n.lower() not in CORS_HOVEDER]
            if tilladt:
                hoveder.append(("Access-Control-Allow-Origin", oprindelse))
                if environ.get("REQUEST_METHOD") == "OPTIONS":
                    hoveder += [("Access-Control-Allow-Methods", "GET, POST"),
                                ("Access-Control-Allow-Headers", "Content-Type"), ("Access-Control-Max-Age", "600")]
            if self.oprindelser:
                hoveder = [(n, v) for n, v in hoveder if n.lower() != "vary"] + [("Vary", "Origin")]
            return start_response(status, hoveder, exc_info)

        return self.wsgi_app(environ, start)


class OffentligAdresse:
    """WSGI: adressen i svarene (href'er i /variables, /parameters, velkomsten) er den konfigurerede
    offentlige, ikke klientens Host- eller X-Forwarded-Host-hoved (kernen stoler på begge)."""

    def __init__(self, wsgi_app, url):
        self.wsgi_app = wsgi_app
        self.url = urllib.parse.urlsplit(url) if url else None

    def __call__(self, environ, start_response):
        for hoved in ("HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_PREFIX", "HTTP_X_FORWARDED_PORT"):
            environ.pop(hoved, None)
        if self.url is not None:
            environ["HTTP_HOST"] = self.url.netloc
            environ["wsgi.url_scheme"] = self.url.scheme
        return self.wsgi_app(environ, start_response)


TRANSFER_ENCODING = re.compile(r"\s*chunked\s*", re.IGNORECASE)


class KropGraense:
    """WSGI: en krop uden Content-Length (chunked) læses her, højst `maks` + 1 bytes.

    Werkzeug afkorter ellers en chunked krop ved MAX_CONTENT_LENGTH uden at sige til (kernen
    svarer så 'Invalid JSON'). Er kroppen for stor, markeres forespørgslen, og app'en svarer 413.
    """

    def __init__(self, wsgi_app, maks):
        self.wsgi_app = wsgi_app
        self.maks = maks

    def __call__(self, environ, start_response):
        kodning = environ.get("HTTP_TRANSFER_ENCODING")
        if kodning is not None and not TRANSFER_ENCODING.fullmatch(kodning):
            # fx "chunked, identity": werkzeug læser så kroppen forkert (500 i kernen)
            krop = json.dumps({"error": f"Transfer-Encoding '{kodning}' understøttes ikke; brug 'chunked' eller Content-Length"}, ensure_ascii=False).encode()
            start_response("400 BAD REQUEST", [("Content-Type", "application/json"), ("Content-Length", str(len(krop))), ("Connection", "close")])
            return [krop]
        if environ.get("CONTENT_LENGTH", "") == "" and kodning is not None:
            krop = environ["wsgi.input"].read(self.maks + 1)
            if len(krop) > self.maks:
                environ[FOR_STOR] = True  # resten læses væk af 413-svaret (draen)
                environ["CONTENT_LENGTH"] = "0"
            else:
                environ["wsgi.input"] = io.BytesIO(krop)
                environ["CONTENT_LENGTH"] = str(len(krop))
        return self.wsgi_app(environ, start_response)


def ikke_fundet(tbs):
    """404-beskeden, med et forslag, når en variabel eller parameter er stavet forkert."""
    if request.endpoint == "get_variable":
        navn = request.view_args.get("id", "")
        forslag = difflib.get_close_matches(navn, list(tbs.variables), n=1)
        hint = f"; mente du '{forslag[0]}'?" if forslag else "; se /variables"
        return f"variablen '{navn}' findes ikke{hint}"
    if request.endpoint == "get_parameter":
        return f"parameteren '{request.view_args.get('parameter_id', '')}' findes ikke; se /parameters"
    return f"{request.path} findes ikke i dette web-API; se /spec"


HTTP_BESKEDER = {
    405: "metoden {metode} kan ikke bruges på {sti}",
    413: "kroppen er for stor: højst {max_krop} bytes pr. forespørgsel",
    415: "Content-Type skal være application/json",
}


def http_fejl(fejl):
    """HTTP-fejl som JSON. Kernens egne 400/404-svar (abort med et færdigt svar) går uændret igennem."""
    if fejl.response is not None:
        return fejl.response
    if fejl.code == 413:
        draen(request.environ)
    skabelon = HTTP_BESKEDER.get(fejl.code)
    if fejl.code == 404:
        besked = ikke_fundet(current_app.extensions[UDVIDELSE]["tax_benefit_system"])
    elif skabelon:
        besked = skabelon.format(sti=request.path, metode=request.method, max_krop=MAX_KROP)
    else:
        besked = f"{fejl.name}: {fejl.description}"
    svar = fejlsvar(fejl.code, besked)
    if fejl.code == 405 and fejl.valid_methods:
        svar.headers["Allow"] = ", ".join(fejl.valid_methods)
    if fejl.code == 413:
        svar.headers["Connection"] = "close"
    return svar


def foerste_dato(tbs, navn):
    """Den første dato, parameteren `navn` ('a.b.c') har en værdi, eller None."""
    node = tbs.parameters
    for led in navn.split("."):
        node = getattr(node, "children", {}).get(led)
        if node is None:
            return None
    datoer = [v.instant_str for v in getattr(node, "values_list", []) if v.value is not None]
    return min(datoer) if datoer else None


def uden_regel(fejl):
    """En beregning for en periode, før pakkens regler begynder: 400 med reglens første dato.

    Kernen svarer 500 (ParameterNotFoundError fanges ikke i /calculate og /trace). Findes
    parameteren slet ikke, eller har den en værdi før datoen, er det en fejl i pakken: 500.
    """
    # fejl.name overskrives af Python (AttributeError.name = det sidste led); det fulde navn står i beskeden.
    fundet = re.search(r"parameter '([^']+)'", str(fejl))
    navn = (fundet.group(1) if fundet else str(fejl.name)).replace("[", ".").replace("]", "")
    foerste = foerste_dato(current_app.extensions[UDVIDELSE]["tax_benefit_system"], navn)
    if foerste is None or foerste <= fejl.instant_str:
        raise fejl
    brugt_af = f" (brugt af '{fejl.variable_name}')" if fejl.variable_name else ""
    return fejlsvar(
        400,
        f"openfisca-dk-jobcenter har ingen regel for {fejl.instant_str}: parameteren '{navn}'{brugt_af} "
        f"har først en værdi fra {foerste}",
    )


def uoverensstemmende_input(fejl):
    """Input for et år (eller flere måneder), der ikke stemmer med input for alle dets måneder: 400.

    Kernen rejser en ValueError, mens den lægger input ind i simuleringen, og svarer 500. Andre
    ValueErrors er fejl i pakken og forbliver 500.
    """
    if not str(fejl).startswith("Inconsistent input"):
        raise fejl
    return fejlsvar(
        400, f"input, der ikke stemmer overens: værdien for en periode er ikke summen af dens måneder ({fejl})"
    )


FEJLSVAR_I_SPEC = {
    "400": "Situationen er ugyldig: forkert JSON, en værdi af forkert type, en periode, variablen ikke "
    "kan beregnes for, eller over grænserne pr. forespørgsel. Beskeden står ved stedet i situationen.",
    "413": "Kroppen er større end grænsen pr. forespørgsel.",
    "415": "Content-Type er ikke application/json.",
}


def parameter_id(node):
    for barn in node.children.values():
        yield barn.name
        if hasattr(barn, "children"):
            yield from parameter_id(barn)


def med_kildegrad_paa_parameter(data, parametre):
    """Læg `kildegrad` {start: grad} og `vaerdikilder` {start: værdiens kilde} ved siden af en
    parameters `values` (der ikke ændres: klienter bruger dens form)."""
    try:
        parameter = find_parameter(parametre, str(data.get("id", "")).replace("/", "."))
    except UkendtParameter:
        return data
    if "values" not in data:
        return data
    data["kildegrad"] = kildegrad.kildegrader(parameter)
    data["vaerdikilder"] = kildegrad.vaerdikilder(parameter)
    return data


TRACE_PARAMETER = re.compile(r"^(.+)<(\d{4}-\d{2}-\d{2})>$")


def kildegrader_i_sporet(spor, parametre):
    """{"a.b.c<ÅÅÅÅ-MM-DD>": kildegraden af værdien i kraft på datoen} for hver parameter i sporet."""
    ud = {}
    for knude in spor.values():
        for noegle in (knude or {}).get("parameters") or {}:
            fundet = TRACE_PARAMETER.match(noegle)
            if fundet and noegle not in ud:
                ud[noegle] = kildegrad.kildegrad_i_kraft(parametre, fundet[1], fundet[2])
    return ud


def udbyg_spec(spec, tbs):
    """/spec, som kernen bygger, plus det API'et faktisk gør.

    - 413 og 415 for /calculate og /trace (400 og 404 står der i forvejen);
    - `null` som værdi (= beregn den) og `format: date` for datoer i situationens skema;
    - de gyldige id'er i /variable/{variableID} og /parameter/{parameterID} (enum).
    """
    stier = spec.get("paths", {})
    for sti in ("/calculate", "/trace"):
        svar = stier.get(sti, {}).get("post", {}).get("responses")
        for kode, beskrivelse in FEJLSVAR_I_SPEC.items():
            if svar is not None:
                svar.setdefault(
                    kode, {"description": beskrivelse, "content": {"application/json": {"schema": {"type": "object"}}}}
                )
    skemaer = spec.get("components", {}).get("schemas", {})
    for entitet in tbs.entities:
        for navn, skema in skemaer.get(entitet.key.title(), {}).get("properties", {}).items():
            vaerdi = skema.get("additionalProperties") if isinstance(skema, dict) else None
            if isinstance(vaerdi, dict) and navn in tbs.variables:
                vaerdi["nullable"] = True
                if tbs.variables[navn].value_type is datetime.date:
                    vaerdi["format"] = "date"
    for sti, navne in (
        ("/variable/{variableID}", sorted(tbs.variables)),
        ("/parameter/{parameterID}", sorted(parameter_id(tbs.parameters))),
    ):
        for parameter in stier.get(sti, {}).get("get", {}).get("parameters", []):
            if parameter.get("in") == "path":
                parameter.setdefault("schema", {})["enum"] = navne
    return spec


def haerd(app, tax_benefit_system, konfiguration=None):
    """Sæt pakkens værn på app'en fra kernens `create_app(tax_benefit_system)` (én gang)."""
    if UDVIDELSE in app.extensions:
        return app
    tbs = tax_benefit_system
    konfiguration = konfiguration or Konfiguration.fra_miljoe()
    app.extensions[UDVIDELSE] = {"tax_benefit_system": tbs, "konfiguration": konfiguration}
    app.config["MAX_CONTENT_LENGTH"] = MAX_KROP
    app.json = JSONUdbyder(app)
    app.request_class = Forespoergsel
    app.wsgi_app = OffentligAdresse(
        CorsFraKonfiguration(KropGraense(app.wsgi_app, MAX_KROP), konfiguration.cors_oprindelser),
        konfiguration.offentlig_url,
    )

    @app.before_request
    def kontroller_situation():
        if request.environ.get(FOR_STOR):
            raise RequestEntityTooLarge()
        if request.method != "POST" or request.endpoint not in ("calculate", "trace"):
            return None
        if not request.is_json:
            return fejlsvar(415, f"Content-Type skal være application/json, ikke '{request.mimetype or 'ingen'}'")
        try:
            data = app.json.loads(request.get_data(cache=True))
        except ValueError as fejl:
            return fejlsvar(400, f"ugyldig JSON: {fejl}")
        try:
            kontroller(tbs, data, request.endpoint, max_celler=(
                konfiguration.max_celler_trace if request.endpoint == "trace" else konfiguration.max_celler))
        except Fejl as fejl:
            return fejlsvar(fejl.status, fejl.som_json())
        # Projektets regel, som kernen anvender forkert: en person uden virksomhed får sin egen.
        med_egne_virksomheder(data)
        request.situation = data
        return None

    app.register_error_handler(HTTPException, http_fejl)
    app.register_error_handler(ParameterNotFoundError, uden_regel)
    app.register_error_handler(ValueError, uoverensstemmende_input)

    @app.after_request
    def spec_som_api_et_er(svar):
        if request.endpoint == "get_spec" and svar.status_code == 200 and svar.is_json:
            spec = udbyg_spec(svar.get_json(), tbs)
            # Kernen skriver klientens Host-hoved her; adressen kommer fra konfigurationen ("/" = her).
            spec["servers"] = [{"url": konfiguration.offentlig_url or "/"}]
            svar.set_data(app.json.dumps(spec))
        return svar

    @app.after_request
    def kildegrad_med_vaerdierne(svar):
        """Kildegraden med hver værdi (issue 12): /parameter/<id> får `kildegrad` (og `vaerdikilder`)
        ved siden af `values`, /trace får `kildegrader` for hver parameter i sporet."""
        if svar.status_code != 200 or not svar.is_json or request.endpoint not in ("get_parameter", "trace"):
            return svar
        data = svar.get_json()
        if request.endpoint == "get_parameter":
            med_kildegrad_paa_parameter(data, tbs.parameters)
        else:
            data["kildegrader"] = kildegrader_i_sporet(data.get("trace") or {}, tbs.parameters)
        svar.set_data(app.json.dumps(data))
        return svar

    from openfisca_dk_jobcenter import webside  # websiden (/beregner, /budget, /regler) på samme app

    webside.registrer(app, tbs)
    log.info("openfisca-dk-jobcenter: web-API'ets værn er sat på (grænse %d bytes pr. forespørgsel)", MAX_KROP)
    return app


def byg_app(country_package="openfisca_dk_jobcenter", extensions=None, reforms=None, konfiguration=None, **kwargs):
    """Den hærdede app — det ene sted, den bygges (gunicorn-krogen, testene, `tools/`).

    Som kernens `openfisca serve` (`build_tax_benefit_system` + `create_app`), derefter værnet.
    Websiden (Flask-blueprint, `openfisca_dk_jobcenter/webside/`) registreres i `haerd`, som
    bygger alt det, pakken lægger oven på kernens app.
    """
    from openfisca_core.scripts import build_tax_benefit_system
    from openfisca_web_api.app import create_app

    tbs = build_tax_benefit_system(country_package, extensions, reforms)
    app = haerd(create_app(tbs, **kwargs), tbs, konfiguration)
    return app


def byg_app_til_serve(options):
    """`byg_app` med `openfisca serve`'s tilvalg (`OpenFiscaWebAPIApplication.options`)."""
    return byg_app(
        options.get("country_package") or "openfisca_dk_jobcenter",
        options.get("extensions"),
        options.get("reforms"),
        tracker_url=options.get("tracker_url"),
        tracker_idsite=options.get("tracker_idsite"),
        tracker_token=options.get("tracker_token"),
        welcome_message=options.get("welcome_message"),
    )
