"""`openfisca serve` starter med pakken (setup.py's metadata) og svarer på /spec."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def ledig_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    openfisca = shutil.which("openfisca", path=str(Path(sys.executable).parent)) or "openfisca"
    port = ledig_port()
    proc = subprocess.Popen(
        [openfisca, "serve", "--country-package", "openfisca_dk_jobcenter", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/spec", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode()) from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_spec_svarer(server):
    with urllib.request.urlopen(server + "/spec") as svar:
        spec = json.load(svar)
    assert svar.status == 200
    assert spec["info"]["title"]
    assert "/calculate" in spec["paths"]


def test_calculate_voksenlaerling(server):
    """LAB § 159, stk. 2: ufaglært ledig lærling, 160 praktiktimer i februar 2026: 45 × 160 = 7.200 kr."""
    situation = {
        "personer": {
            "ana": {
                "foedselsdato": {"ETERNITY": "1990-01-01"},
                "voksenlaerling_aftale_start": {"ETERNITY": "2026-01-01"},
                "voksenlaerling_kommer_fra_ledighed": {"2026-02": True},
                "voksenlaerling_praktiktimer": {"2026-02": 160},
                "voksenlaerling_tilskud": {"2026-02": None},
            }
        },
        "virksomheder": {"v": {"ansatte": ["ana"], "virksomhed_tilskud_i_alt": {"2026-02": None}}},
    }
    req = urllib.request.Request(
        server + "/calculate", data=json.dumps(situation).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req) as svar:
        resultat = json.load(svar)
    assert resultat["personer"]["ana"]["voksenlaerling_tilskud"]["2026-02"] == pytest.approx(7200)
    assert resultat["virksomheder"]["v"]["virksomhed_tilskud_i_alt"]["2026-02"] == pytest.approx(7200)
