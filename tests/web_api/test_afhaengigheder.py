"""Fund 5: web-API'et kører på de rettede versioner af gunicorn og flask-cors, ikke dem,
openfisca-core's `web-api`-ekstra låser (gunicorn<23: CVE-2024-6827; Flask-Cors<4: CVE-2024-1681,
-6839, -6844, -6866). Resten af tests/web_api/ kører mod rigtige servere med disse versioner."""

import json
import re
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def version(pakke):
    return tuple(int(d) for d in re.findall(r"\d+", metadata.version(pakke))[:3])


def test_installerede_versioner_er_rettede():
    assert version("gunicorn") >= (23, 0, 0)
    assert version("flask-cors") >= (6, 0, 0)
    assert version("werkzeug") >= (3, 0, 6)


def test_setup_py_afhaenger_af_kernen_uden_web_api_ekstraet():
    setup = (REPO / "setup.py").read_text(encoding="utf-8")
    assert "openfisca-core[web-api]" not in setup
    assert '"gunicorn>=23' in setup and '"flask-cors>=6' in setup


def test_kernens_ekstra_laaser_de_saarbare_versioner():
    """Retter openfisca-core sit ekstra, fejler testen; så kan pakken bruge ekstraet igen."""
    krav = metadata.requires("openfisca-core") or []
    web = [k for k in krav if 'extra == "web-api"' in k]
    assert any(k.lower().startswith("gunicorn") and "<23" in k for k in web), web
    assert any(k.lower().startswith("flask-cors") and "<4" in k for k in web), web


def test_kernens_web_api_svarer_paa_de_rettede_versioner(server, kerne):
    for hvilken in (server, kerne):
        status, _, svar = hvilken.kald("POST", "/calculate", json.loads(
            (REPO / "openfisca_dk_jobcenter/situation_examples/voksenlaerling.json").read_text(encoding="utf-8")))
        assert status == 200
        assert svar["personer"]["ana"]["voksenlaerling_tilskud"]["2026-02"] == pytest.approx(7200)
    assert "gunicorn 2" in server.log() or "Starting gunicorn" in server.log()
