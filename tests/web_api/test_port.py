"""`make serve` med en optaget port stopper med det samme og siger, hvordan en anden vælges
(issue 23: før prøvede gunicorn fem gange og fejlede uden at nævne PORT=)."""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tools import port_ledig

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def optaget_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


def test_make_serve_paa_en_optaget_port_fejler_hurtigt_og_naevner_port(optaget_port):
    if shutil.which("make") is None:
        pytest.fail("make findes ikke")
    start = time.monotonic()
    # -o: installationen regnes for ajour (en ændret setup.py skal ikke give en pip-installation her)
    proces = subprocess.Popen(["make", "-o", ".venv/.installeret", "serve", f"PORT={optaget_port}"], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        ud, fejl = proces.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGTERM)  # en server, der alligevel startede
        proces.communicate()
        pytest.fail("make serve startede på en optaget port")
    assert proces.returncode != 0
    assert time.monotonic() - start < 10
    assert f"port {optaget_port} på 127.0.0.1 er optaget" in fejl
    assert f"make serve PORT={optaget_port + 1}" in fejl
    assert "openfisca serve" not in ud  # gunicorn blev aldrig startet


def test_porttjekket_koerer_foer_serveren():
    if shutil.which("make") is None:
        pytest.fail("make findes ikke")
    kommando = subprocess.run(["make", "-n", "serve", "PORT=5001"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout
    assert kommando.index("tools.port_ledig 5001") < kommando.index("openfisca serve")


def test_en_ledig_port_er_ok_og_en_optaget_ikke(optaget_port):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        ledig = s.getsockname()[1]
    assert port_ledig.fejl(ledig) is None
    assert "PORT=" in port_ledig.fejl(optaget_port)
    assert port_ledig.main([str(optaget_port)]) == 1


@pytest.mark.parametrize("port", ["abc", "0", "70000", ""])
def test_et_portnummer_der_ikke_er_et_nummer(port):
    assert "PORT=" in port_ledig.fejl(port)
