"""Flask-blueprintet: siderne og ordningsregistret som JSON."""

import functools
import re
from importlib import metadata
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, render_template

from openfisca_dk_jobcenter.webside.registerdata import budget_som_json, ordninger_som_json

webside = Blueprint(
    "webside",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/webside/static",
)

SIDER = {
    "beregner": "Tilskudsberegner",
    "budget": "Jobrotationsbudget",
    "regler": "Regler",
}


MAANEDER = "januar februar marts april maj juni juli august september oktober november december".split()


@functools.cache
def reglernes_udgave():
    """Modellens udgave og dens dato ("0.5.0 af 3. december 2026"), som en udskrift nævner: de regler,
    beløbene er regnet efter. Datoen står ved versionen i CHANGELOG.md (findes den ikke ved pakken,
    nævnes kun versionen)."""
    try:
        version = metadata.version("openfisca-dk-jobcenter")
    except metadata.PackageNotFoundError:
        version = None
    changelog = Path(__file__).resolve().parents[2] / "CHANGELOG.md"
    dato = None
    if version and changelog.is_file():
        m = re.search(rf"^## \[{re.escape(version)}\] — (\d{{4}})-(\d{{2}})-(\d{{2}})", changelog.read_text(encoding="utf-8"), re.M)
        if m:
            dato = f"{int(m[3])}. {MAANEDER[int(m[2]) - 1]} {m[1]}"
    if not version:
        return "modellens aktuelle udgave"
    return f"modellens udgave {version}" + (f" af {dato}" if dato else "")


def _side(navn):
    return render_template(f"webside/{navn}.html", side=navn, sider=SIDER, titel=SIDER[navn], regler=reglernes_udgave())


@webside.get("/beregner")
def beregner():
    return _side("beregner")


@webside.get("/budget")
def budget():
    return _side("budget")


@webside.get("/regler")
def regler():
    return _side("regler")


def _tbs():
    tbs = current_app.extensions.get("openfisca_dk_jobcenter.webside", {}).get("tax_benefit_system")
    if tbs is None:
        abort(503)
    return tbs


@webside.get("/webside/ordninger.json")
def ordninger():
    return jsonify(ordninger_som_json(_tbs()))


@webside.get("/webside/budget.json")
def budgetfelter():
    return jsonify(budget_som_json(_tbs()))


def registrer(app, tax_benefit_system=None):
    """Sæt websiden på web-API'ets app (én gang). Skattesystemet bruges kun til at tjekke registret."""
    if "webside" in app.blueprints:
        return app
    if tax_benefit_system is None:
        tax_benefit_system = app.extensions.get("openfisca_dk_jobcenter", {}).get("tax_benefit_system")
    if tax_benefit_system is None:
        from openfisca_dk_jobcenter import CountryTaxBenefitSystem

        tax_benefit_system = CountryTaxBenefitSystem()
    app.extensions["openfisca_dk_jobcenter.webside"] = {"tax_benefit_system": tax_benefit_system}
    app.register_blueprint(webside)
    return app
