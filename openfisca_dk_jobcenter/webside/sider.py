"""Flask-blueprintet: siderne og ordningsregistret som JSON."""

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


def _side(navn):
    return render_template(f"webside/{navn}.html", side=navn, sider=SIDER, titel=SIDER[navn])


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
