"""Det, andre systemer læser af web-API'et ud over svarene: /spec på dansk og ingen falske links.

- /spec's tekster (titel, beskrivelse, tags, hvert endpoints `summary` og svarenes `description`)
  er kernens engelske fra `openfisca_web_api/openAPI.yml`; her bliver de danske, og kernens
  kontaktadresse og vilkår (OpenFisca's egne, ikke dette API's) fjernes.
- `source` ("rediger"-linket i /variable, /parameter og /spec's eksempler) bygger kernen af
  pakkens repository-adresse + version + filsti. Projektet har ingen offentlig adresse (setup.py
  nævner ingen), så kernens link ville pege på "None/blob/…": det fjernes i stedet.

Eksemplet i /spec (`SituationInput`, `SituationOutput`, `Trace`) kommer fra skattesystemets
`open_api_config` (`CountryTaxBenefitSystem`), som i openfisca-country-template.
"""

INFO = {
    "title": "openfisca-dk-jobcenter: web-API",
    "description": (
        "Jobcentrenes ordninger for virksomheder (voksenlærling, jobrotation, løntilskud, "
        "virksomhedspraktik, opkvalificering ved ansættelse) som regler-som-kode på OpenFisca. "
        "Send en situation med personer og virksomheder til /calculate; værdier, der skal "
        "beregnes, sendes som null. /trace viser, hvilke regler og parametre svaret bygger på. "
        "Navnene er lovens ord i ASCII (æ→ae, ø→oe, å→aa)."
    ),
}

TAGS = {
    "Parameters": "En parameter er en sats eller grænse i lovgivningen med daterede værdier og kilde.",
    "Variables": "En variabel er et input eller en regel for en person eller en virksomhed pr. måned.",
    "Entities": "Entiteterne: personer og virksomheder (rollen ansatte).",
    "Calculations": "Beregninger: /calculate og /trace.",
    "Documentation": "Denne beskrivelse af API'et.",
}

# sti -> metode -> (summary, requestBody-beskrivelse eller None, {kode: beskrivelse})
ENDPOINTS = {
    "/calculate": ("post", "Beregn en situation", (
        "Situationen: personer og virksomheder med input pr. periode ('2026-02', 'ETERNITY' for "
        "datoer). En variabel, der skal beregnes, står med værdien null."), {
        "200": "Situationen med de beregnede værdier sat ind.",
        "404": "En variabel eller rolle i situationen findes ikke; beskeden foreslår det nærmeste navn.",
        "400": "Situationen er ugyldig; beskeden står ved stedet i situationen.",
    }),
    "/trace": ("post", "Beregn en situation og vis hvert trin (afhængigheder og parametre)", (
        "Situationen som til /calculate."), {
        "200": "Hver beregnet variabel med værdi, afhængigheder og de parametre, den slog op, og "
               "kildegraden af hver parameterværdi (kildegrader).",
        "404": "En variabel eller rolle i situationen findes ikke; beskeden foreslår det nærmeste navn.",
        "400": "Situationen er ugyldig; beskeden står ved stedet i situationen.",
    }),
    "/parameters": ("get", "Alle parametre", None, {"200": "Parametrene med beskrivelse og adresse."}),
    "/parameter/{parameterID}": ("get", "Én parameter: daterede værdier, kilde og kildegrad", None, {
        "200": "Parameteren med beskrivelse, daterede værdier, kilde og kildegrad pr. dato.",
        "404": "Parameteren findes ikke; se /parameters.",
    }),
    "/variables": ("get", "Alle variabler", None, {"200": "Variablerne med dansk beskrivelse og adresse."}),
    "/variable/{variableID}": ("get", "Én variabel: beskrivelse, lovhenvisning og formel", None, {
        "200": "Variablen med dansk beskrivelse, henvisninger (adresser), formler og standardværdi.",
        "404": "Variablen findes ikke; beskeden foreslår det nærmeste navn.",
    }),
    "/entities": ("get", "Entiteterne (personer og virksomheder)", None, {"200": "Entiteterne og deres roller."}),
    "/spec": ("get", "Denne beskrivelse af API'et (OpenAPI 3)", None, {"200": "Beskrivelsen af API'et."}),
}

STI_PARAMETRE = {
    "parameterID": "Parameterens id, fx voksenlaerling.timesats.fra_ledighed (se /parameters).",
    "variableID": "Variablens navn, fx voksenlaerling_tilskud (se /variables).",
}


def paa_dansk(spec):
    """/spec's tekster på dansk; kernens kontakt og vilkår (OpenFisca's) fjernes."""
    info = spec.setdefault("info", {})
    info.update(INFO)
    info.pop("contact", None)
    info.pop("termsOfService", None)
    for tag in spec.get("tags", []):
        if tag.get("name") in TAGS:
            tag["description"] = TAGS[tag["name"]]
            tag.pop("externalDocs", None)
    for sti, (metode, summary, krop, svar) in ENDPOINTS.items():
        operation = spec.get("paths", {}).get(sti, {}).get(metode)
        if operation is None:
            continue
        operation["summary"] = summary
        if krop and "requestBody" in operation:
            operation["requestBody"]["description"] = krop
        for kode, beskrivelse in svar.items():
            if kode in operation.get("responses", {}):
                operation["responses"][kode]["description"] = beskrivelse
        for parameter in operation.get("parameters", []):
            if parameter.get("name") in STI_PARAMETRE:
                parameter["description"] = STI_PARAMETRE[parameter["name"]]
    for navn in ("Parameter", "Variable"):
        uden_kildelinks(spec.get("components", {}).get("schemas", {}).get(navn, {}).get("example"))
    return spec


def uden_kildelinks(data):
    """Fjern `source` (kernens "rediger"-link af en repository-adresse, projektet ikke har) fra en
    variabel eller parameter og dens formler. Ændrer `data` og returnerer den."""
    if not isinstance(data, dict):
        return data
    data.pop("source", None)
    for formel in (data.get("formulas") or {}).values():
        if isinstance(formel, dict):
            formel.pop("source", None)
    return data
