"""Issue 13 over rigtig HTTP: den hærdede server (`server`, som `make serve`) og kernens egen
`openfisca serve -c openfisca_dk_jobcenter` (`kerne`).

- fund 2: umulige værdier afvises med 400 og variablens navn på begge servere (domænerne står ved
  variablerne og håndhæves i Variable.check_set_value);
- fund 3: medlemskab: en person uden virksomhed får sin egen (hærdet), kernens forkerte beløb vist
  (kerne); ukendt person, person to steder og misdannede roller giver 4xx, der nævner stedet;
- fund 4: prisgrænse (413), langsomme klienter, `Transfer-Encoding: chunked, identity`;
- fund 5: CORS kun for konfigurerede oprindelser; /spec's servers ikke fra Host-hovedet.
"""

import copy
import json
import os
import signal
import socket
import time

import pytest

from openfisca_dk_jobcenter.situation_examples import situation
from openfisca_dk_jobcenter.webapi.validering import MAX_CELLER_TRACE
from tools.server import koerende_server

GOD = situation("voksenlaerling")


def ana(**variabler):
    s = copy.deepcopy(GOD)
    s["personer"]["ana"].update(variabler)
    return s


def loentilskud(timer, **ekstra):
    s = copy.deepcopy(situation("loentilskud"))
    s["personer"]["eva"]["loentilskud_timer"] = {"2023-03": timer}
    s["personer"]["eva"].update(ekstra)
    return s


# --- fund 2: umulige værdier, på begge servere ------------------------------------------------

UMULIGE = [
    ("negative-praktiktimer", ana(voksenlaerling_praktiktimer={"2026-02": -160}), "voksenlaerling_praktiktimer", "2026-02"),
    ("100000-timer-i-en-maaned", ana(voksenlaerling_praktiktimer={"2026-02": 100000}), "voksenlaerling_praktiktimer", "2026-02"),
    ("700-timer-i-februar", ana(voksenlaerling_praktiktimer={"2026-02": 700}), "voksenlaerling_praktiktimer", "2026-02"),
    ("negative-loentilskudstimer", loentilskud(-100), "loentilskud_timer", "2023-03"),
    ("alder-131", ana(alder={"2026-02": 131}), "alder", "2026-02"),
    ("ledighed-2000-maaneder", ana(forudgaaende_ledighed_maaneder={"2026-02": 2000}), "forudgaaende_ledighed_maaneder", "2026-02"),
    ("foedt-1850", ana(foedselsdato={"ETERNITY": "1850-01-01"}), "foedselsdato", "ETERNITY"),
    ("nej-er-ikke-sand", ana(voksenlaerling_kommer_fra_ledighed={"2026-02": "nej"}), "voksenlaerling_kommer_fra_ledighed", "2026-02"),
    ("2*80-regnes-ikke-ud", ana(voksenlaerling_praktiktimer={"2026-02": "2*80"}), "voksenlaerling_praktiktimer", "2026-02"),
]


@pytest.mark.parametrize("hvilken", ["server", "kerne"])
@pytest.mark.parametrize(("situationen", "variabel", "periode"), [u[1:] for u in UMULIGE], ids=[u[0] for u in UMULIGE])
def test_umulige_vaerdier_afvises_paa_begge_servere(request, hvilken, situationen, variabel, periode):
    status, _, svar = request.getfixturevalue(hvilken).kald("POST", "/calculate", situationen)
    assert status == 400, svar
    tekst = json.dumps(svar, ensure_ascii=False)
    assert variabel in tekst


def test_timer_i_en_hel_maaned_er_gyldige(server, kerne):
    """31 døgn × 24 timer i januar er den største mulige værdi: ikke en fejl."""
    s = ana(voksenlaerling_praktiktimer={"2026-01": 744}, voksenlaerling_tilskud={"2026-01": None})
    for hvilken in (server, kerne):
        status, _, svar = hvilken.kald("POST", "/calculate", s)
        assert status == 200, svar


# --- fund 3: medlemskab -------------------------------------------------------------------------


def _uden_arbejdsgiver():
    s = loentilskud(100, loentilskud={"2023-03": None})
    s["personer"]["bo"] = copy.deepcopy(s["personer"]["eva"])
    s["virksomheder"] = {"v": {"ansatte": ["bo"], "sektor": {"2023-03": "offentlig"}}}
    return s


PRIVAT_100_TIMER = 8616.0  # 2023: privat sats 86,16 kr./time (LAB 2019 kap. 12, §§ 68-69; Helsingør 2023) × 100 timer
OFFENTLIG_100_TIMER = 12513.0  # 2023: offentlig sats 125,13 kr./time × 100 timer (den forkerte for eva)


def _beloeb(svar, person):
    return svar["personer"][person]["loentilskud"]["2023-03"]


def test_person_uden_arbejdsgiver_faar_sin_egen_private(server):
    """Projektets regel (docs/jurister.md): eva, der ikke er ansat hos nogen, er i en virksomhed for sig
    selv med standardsektoren privat: 86,16 × 100 = 8.616 kr., ikke den offentlige 12.513 kr."""
    status, _, svar = server.kald("POST", "/calculate", _uden_arbejdsgiver())
    assert status == 200, svar
    assert _beloeb(svar, "eva") == pytest.approx(PRIVAT_100_TIMER, abs=0.01)
    # bo beholder sin (offentlige) virksomheds input.
    assert _beloeb(svar, "bo") == pytest.approx(OFFENTLIG_100_TIMER, abs=0.01)
    assert svar["virksomheder"]["eva__egen_virksomhed"]["ansatte"] == ["eva"]


def test_person_med_en_virksomheds_id_kommer_ikke_i_den(server):
    """Eva hedder 'v' som bo's offentlige virksomhed: hun får stadig sin egne, private (8.616 kr.)."""
    s = _uden_arbejdsgiver()
    s["personer"]["v"] = s["personer"].pop("eva")
    status, _, svar = server.kald("POST", "/calculate", s)
    assert status == 200, svar
    assert svar["personer"]["v"]["loentilskud"]["2023-03"] == pytest.approx(PRIVAT_100_TIMER, abs=0.01)
    assert _beloeb(svar, "bo") == pytest.approx(OFFENTLIG_100_TIMER, abs=0.01)
    assert svar["virksomheder"]["v__egen_virksomhed"]["ansatte"] == ["v"]


def test_egne_virksomheder_faar_et_frit_id(server):
    """Findes `eva__egen_virksomhed` i forvejen (her som en tom, offentlig virksomhed), får eva en
    anden og regnes stadig privat; en virksomhed uden ansatte giver ikke 500 (som i kernen)."""
    s = _uden_arbejdsgiver()
    s["virksomheder"]["eva__egen_virksomhed"] = {"ansatte": [], "sektor": {"2023-03": "offentlig"}}
    status, _, svar = server.kald("POST", "/calculate", s)
    assert status == 200, svar
    assert _beloeb(svar, "eva") == pytest.approx(PRIVAT_100_TIMER, abs=0.01)
    assert svar["virksomheder"]["eva__egen_virksomhed_2"]["ansatte"] == ["eva"]


def test_trace_giver_ogsaa_personen_sin_egen(server):
    status, _, svar = server.kald("POST", "/trace", _uden_arbejdsgiver())
    assert status == 200, svar
    assert svar["trace"]["loentilskud<2023-03>"]["value"] == pytest.approx([PRIVAT_100_TIMER, OFFENTLIG_100_TIMER], abs=0.01)  # eva, bo


def test_kernen_giver_personen_uden_arbejdsgiver_en_andens_input(kerne):
    """openfisca-core 46 (docs/sikkerhed.md): eva får den offentlige virksomheds sektor og 12.513 kr.
    i stedet for privat sats 86,16 × 100 = 8.616 kr. Retter kernen det, fejler testen."""
    status, _, svar = kerne.kald("POST", "/calculate", _uden_arbejdsgiver())
    assert status == 200
    assert svar["personer"]["eva"]["loentilskud"]["2023-03"] == pytest.approx(OFFENTLIG_100_TIMER, abs=1)


@pytest.mark.parametrize(
    ("aendring", "sti"),
    [
        (lambda s: s["virksomheder"]["v"].update(ansatte=["bo", "ukendt"]), "virksomheder"),
        (lambda s: s["virksomheder"].update(w={"ansatte": ["bo"]}), "virksomheder"),
        (lambda s: s["virksomheder"]["v"].update(ansatte={"a": 1}), "virksomheder"),
        (lambda s: s["virksomheder"]["v"].update(ansatte=json.loads("[" * 500 + '"bo"' + "]" * 500)), "virksomheder"),
    ],
    ids=["ukendt-person", "person-to-steder", "rolle-ikke-en-liste", "rolle-500-lag-dyb"],
)
def test_medlemskab_giver_4xx_der_naevner_stedet(server, aendring, sti):
    s = _uden_arbejdsgiver()
    aendring(s)
    status, _, svar = server.kald("POST", "/calculate", s)
    assert 400 <= status < 500, svar
    assert sti in svar


# --- fund 4: ressourcer -------------------------------------------------------------------------


def test_prisgraensen_for_trace(server):
    """Fundets 65 KB-forespørgsel: 2.000 personer, og én af dem spørger om 8 variabler i 240 måneder
    (kernen regner alle personer for hver periode: 3,84 mio. celler, 310 MB svar, 1,7 GB i arbejderen).
    Nu 413 med det samme."""
    navne = ["voksenlaerling_tilskud", "voksenlaerling_berettiget", "voksenlaerling_timesats", "voksenlaerling_afslagsgrund",
             "loentilskud", "loentilskud_berettiget", "alder", "er_faglaert"]
    maaneder = [f"{2007 + i // 12}-{i % 12 + 1:02d}" for i in range(240)]
    s = {"personer": {f"p{i}": {} for i in range(2000)}}
    s["personer"]["p0"] = {n: {m: None for m in maaneder} for n in navne}
    assert len(json.dumps(s)) < 70_000
    start = time.monotonic()
    for sti in ("/trace", "/calculate"):
        status, _, svar = server.kald("POST", sti, s)
        assert status == 413, svar
        assert "3840000 celler" in svar["error"]
    assert time.monotonic() - start < 10
    assert f"højst {MAX_CELLER_TRACE}" in svar["error"] or "højst" in svar["error"]


def test_vaernet_afviser_anden_transfer_encoding_selv():
    from openfisca_dk_jobcenter.webapi.app import byg_app

    klient = byg_app().test_client()
    svar = klient.post("/calculate", data=json.dumps(GOD), content_type="application/json",
                       headers={"Transfer-Encoding": "chunked, identity"})
    assert svar.status_code == 400
    assert "Transfer-Encoding" in svar.get_json()["error"]


def test_prisgraensen_for_akser(server):
    akse = {"count": 100, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100, "period": "2026-02"}
    s = ana(**{n: {"2026-02": None} for n in ["voksenlaerling_berettiget", "voksenlaerling_timesats", "alder"]})
    s["personer"].update({f"p{i}": {} for i in range(20)})
    s["virksomheder"]["v"]["ansatte"] = list(s["personer"])
    status, _, svar = server.kald("POST", "/trace", {**s, "axes": [[akse]]})
    assert status in (400, 413), svar


def _raa_forespoergsel(url, data, timeout=10):
    vaert, port = url.removeprefix("http://").split(":")
    with socket.create_connection((vaert, int(port)), timeout=timeout) as s:
        s.sendall(data)
        svar = b""
        while True:
            try:
                bid = s.recv(65536)
            except TimeoutError:
                break
            if not bid:
                break
            svar += bid
    return svar


@pytest.mark.parametrize("hvilken", ["server", "kerne"])
def test_chunked_identity_giver_ikke_500(request, hvilken):
    """gunicorn ≥ 23 afviser selv hovedet med 400 (22 gav 500 gennem werkzeug); værnet afviser
    også alt andet end 'chunked' (KropGraense), hvis en anden server sender det videre."""
    server = request.getfixturevalue(hvilken)
    krop = json.dumps(GOD).encode()
    data = (
        b"POST /calculate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked, identity\r\nConnection: close\r\n\r\n"
        + f"{len(krop):x}\r\n".encode() + krop + b"\r\n0\r\n\r\n"
    )
    svar = _raa_forespoergsel(server.url, data)
    status = int(svar.split(b" ", 2)[1])
    assert 400 <= status < 500, svar[:300]


def test_langsomme_klienter_standser_ikke_en_normal_forespoergsel(server):
    """Fire forbindelser, der sender halve hoveder og venter; en normal forespørgsel svares straks."""
    vaert, port = server.url.removeprefix("http://").split(":")
    langsomme = []
    try:
        for _ in range(4):
            s = socket.create_connection((vaert, int(port)), timeout=30)
            s.sendall(b"POST /calculate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n")
            langsomme.append(s)
        time.sleep(0.5)
        start = time.monotonic()
        for _ in range(4):
            status, _, svar = server.kald("POST", "/calculate", GOD, timeout=20)
            assert status == 200, svar
        assert time.monotonic() - start < 5
    finally:
        for s in langsomme:
            s.close()


def test_en_draebt_arbejder_erstattes(server):
    """En arbejder, der dræbes, erstattes af gunicorn; serveren svarer bagefter."""
    foer = server.arbejdere()
    os.kill(foer[0], signal.SIGKILL)
    for _ in range(100):
        if len(server.arbejdere()) == len(foer) and server.arbejdere() != foer:
            break
        time.sleep(0.1)
    status, _, _ = server.kald("POST", "/calculate", GOD)
    assert status == 200
    assert len(server.arbejdere()) == len(foer)


# --- fund 5: CORS og /spec ----------------------------------------------------------------------


def test_ingen_cors_som_standard(server):
    status, hoveder, _ = server.kald("GET", "/spec", headers={"Origin": "https://ond.example"})
    assert status == 200
    assert hoveder.get("Access-Control-Allow-Origin") is None


def test_kernens_cors_tillader_enhver_oprindelse(kerne):
    """openfisca-core 46's create_app: CORS(app, origins="*"). Retter kernen det, fejler testen."""
    _, hoveder, _ = kerne.kald("GET", "/spec", headers={"Origin": "https://ond.example"})
    assert hoveder.get("Access-Control-Allow-Origin") in ("*", "https://ond.example")


def test_spec_servers_er_ikke_host_hovedet(server):
    _, _, spec = server.kald("GET", "/spec", headers={"Host": "ond.example", "X-Forwarded-Host": "ond2.example"})
    assert "ond" not in json.dumps(spec["servers"])
    _, _, variabler = server.kald("GET", "/variables", headers={"X-Forwarded-Host": "ond2.example"})
    assert "ond2" not in variabler["alder"]["href"]


@pytest.fixture(scope="module")
def konfigureret():
    miljoe = {
        "DK_JOBCENTER_CORS_OPRINDELSER": "https://jobcenter.example",
        "DK_JOBCENTER_OFFENTLIG_URL": "https://api.jobcenter.example",
    }
    with koerende_server(workers=1, miljoe=miljoe) as koerende:
        yield koerende


def test_konfigureret_cors_og_offentlig_url(konfigureret):
    _, hoveder, spec = konfigureret.kald("GET", "/spec", headers={"Origin": "https://jobcenter.example", "Host": "ond.example"})
    assert hoveder["Access-Control-Allow-Origin"] == "https://jobcenter.example"
    assert spec["servers"] == [{"url": "https://api.jobcenter.example"}]
    _, hoveder, _ = konfigureret.kald("GET", "/spec", headers={"Origin": "https://ond.example"})
    assert hoveder.get("Access-Control-Allow-Origin") is None
    _, _, variabler = konfigureret.kald("GET", "/variables", headers={"Host": "ond.example"})
    assert variabler["alder"]["href"] == "https://api.jobcenter.example/variable/alder"
