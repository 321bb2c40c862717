"""Dårligt input får et 4xx-svar med en besked, der nævner, hvad der er galt — aldrig 500, og
serveren bliver ved at køre med de samme arbejdere.

Svarene har kernens form: stien i situationen som indlejrede objekter med beskeden yderst, eller
{"error": ...}, når fejlen gælder hele forespørgslen.
"""

import copy
import http.client
import json

import pytest

from openfisca_dk_jobcenter.webapi.app import MAX_KROP
from openfisca_dk_jobcenter.webapi.validering import MAX_INSTANSER, MAX_PERIODER

GOD = {
    "personer": {
        "ana": {
            "foedselsdato": {"ETERNITY": "1990-01-01"},
            "voksenlaerling_aftale_start": {"ETERNITY": "2026-01-01"},
            "voksenlaerling_kommer_fra_ledighed": {"2026-02": True},
            "voksenlaerling_praktiktimer": {"2026-02": 160},
            "voksenlaerling_tilskud": {"2026-02": None},
        }
    },
    "virksomheder": {"v": {"ansatte": ["ana"]}},
}


def med(aendring):
    """En kopi af den gode situation med én ændring."""
    situation = copy.deepcopy(GOD)
    aendring(situation)
    return json.dumps(situation)


def ana(**variabler):
    return med(lambda s: s["personer"]["ana"].update(variabler))


def besked(svar):
    """Al tekst i fejlsvaret (beskeden står yderst i stien)."""
    return json.dumps(svar, ensure_ascii=False)


# (navn, krop, status, ord, beskeden skal nævne)
TILFAELDE = [
    ("forkert-json", '{"personer": {"ana": ', 400, ["ugyldig JSON"]),
    ("tom-krop", "", 400, ["ugyldig JSON"]),
    ("liste-i-stedet-for-objekt", "[1, 2]", 400, ["JSON-objekt", "en liste"]),
    ("null-i-stedet-for-objekt", "null", 400, ["JSON-objekt", "null"]),
    ("tekst-i-stedet-for-objekt", '"hej"', 400, ["JSON-objekt", "tekst"]),
    ("tal-i-stedet-for-objekt", "3", 400, ["JSON-objekt", "et tal"]),
    ("tomt-objekt", "{}", 400, ["mindst én person"]),
    ("ingen-personer", '{"virksomheder": {"v": {}}}', 400, ["mindst én person"]),
    (
        "ukendt-variabel",
        ana(voksenlaerling_tilskuddet={"2026-02": None}),
        404,
        ["voksenlaerling_tilskuddet", "mente du 'voksenlaerling_tilskud'"],
    ),
    ("ukendt-enum-vaerdi", ana(maalgruppe={"2026-02": "ledig"}), 400, ["maalgruppe", "'ledig'", "'dagpengemodtager'"]),
    ("enum-som-tal", ana(maalgruppe={"2026-02": 3}), 400, ["maalgruppe", "et tal"]),
    (
        "tekst-for-tal",
        ana(voksenlaerling_praktiktimer={"2026-02": "mange"}),
        400,
        ["voksenlaerling_praktiktimer", "forventer et tal", "'mange'"],
    ),
    ("regnestykke-for-tal", ana(voksenlaerling_praktiktimer={"2026-02": "1/0"}), 400, ["forventer et tal", "'1/0'"]),
    ("tal-som-tekst", ana(voksenlaerling_praktiktimer={"2026-02": "160"}), 400, ["forventer et tal", "'160'"]),
    ("tuborg-i-tekst-for-tal", ana(alder={"2026-02": "{"}), 400, ["alder", "forventer et tal", "'{'"]),
    ("liste-for-tal", ana(voksenlaerling_praktiktimer={"2026-02": [160]}), 400, ["forventer et tal", "en liste"]),
    ("sand-for-tal", ana(voksenlaerling_praktiktimer={"2026-02": True}), 400, ["forventer et tal"]),
    (
        "uendeligt-tal",
        ana(voksenlaerling_praktiktimer={"2026-02": 1e300}).replace("1e+300", "1e400"),
        400,
        ["voksenlaerling_praktiktimer", "inf"],
    ),
    ("NaN", ana(voksenlaerling_praktiktimer={"2026-02": 0}).replace('"2026-02": 0', '"2026-02": NaN'), 400, ["NaN"]),
    (
        "heltal-med-400-cifre",
        ana(voksenlaerling_praktiktimer={"2026-02": 10**400}),
        400,
        ["voksenlaerling_praktiktimer", "uden for det tilladte interval"],
    ),
    ("kaempe-tal", ana(voksenlaerling_praktiktimer={"2026-02": 10**30}), 400, ["uden for det tilladte interval"]),
    (
        "tekst-for-sand-falsk",
        ana(voksenlaerling_kommer_fra_ledighed={"2026-02": "ja"}),
        400,
        ["voksenlaerling_kommer_fra_ledighed", "true eller false", "'ja'"],
    ),
    ("tal-for-sand-falsk", ana(voksenlaerling_kommer_fra_ledighed={"2026-02": 0}), 400, ["true eller false"]),
    ("kommatal-for-heltal", ana(alder={"2026-02": 30.5}), 400, ["alder", "helt tal"]),
    (
        "dato-der-ikke-findes",
        ana(foedselsdato={"ETERNITY": "1990-02-30"}),
        400,
        ["foedselsdato", "'1990-02-30'", "findes"],
    ),
    ("dato-som-tekst", ana(foedselsdato={"ETERNITY": "hej"}), 400, ["foedselsdato", "ÅÅÅÅ-MM-DD"]),
    ("dato-som-tal", ana(foedselsdato={"ETERNITY": 19900101}), 400, ["foedselsdato", "ÅÅÅÅ-MM-DD", "et tal"]),
    ("dato-som-liste", ana(foedselsdato={"ETERNITY": ["1990-01-01"]}), 400, ["foedselsdato", "en liste"]),
    ("dato-aar-1700", ana(foedselsdato={"ETERNITY": "1700-01-01"}), 400, ["foedselsdato", "1900-2100"]),
    (
        "periode-maaned-13",
        ana(voksenlaerling_praktiktimer={"2026-13": 160}),
        400,
        ["voksenlaerling_praktiktimer", "'2026-13'", "periode"],
    ),
    ("periode-tekst", ana(voksenlaerling_praktiktimer={"hej": 160}), 400, ["'hej'", "periode"]),
    ("periode-aar-9999", ana(voksenlaerling_tilskud={"9999-12": None}), 400, ["'9999-12'", "1800-2200"]),
    (
        "beregn-maanedsvariabel-for-et-aar",
        ana(voksenlaerling_tilskud={"2026": None}),
        400,
        ["voksenlaerling_tilskud", "én måned", "'2026'"],
    ),
    (
        "beregn-maanedsvariabel-for-en-dag",
        ana(voksenlaerling_tilskud={"2026-02-01": None}),
        400,
        ["én måned", "'2026-02-01'"],
    ),
    ("beregn-maanedsvariabel-for-3-maaneder", ana(voksenlaerling_tilskud={"month:2026-02:3": None}), 400, ["én måned"]),
    (
        "beregn-maanedsvariabel-for-evigt",
        ana(voksenlaerling_tilskud={"ETERNITY": None}),
        400,
        ["én måned", "'ETERNITY'"],
    ),
    (
        "periode-foer-reglerne",
        ana(voksenlaerling_tilskud={"2010-01": None}),
        400,
        ["ingen regel for 2010-01-01", "parameteren '", "har først en værdi fra"],
    ),
    (
        "evig-formel-for-ETERNITY",
        ana(voksenlaerling_alder_ved_aftalens_start={"ETERNITY": None}),
        400,
        ["voksenlaerling_alder_ved_aftalens_start", "'ETERNITY'", "'2026-02'"],
    ),
    (
        "input-for-en-dag",
        ana(voksenlaerling_praktiktimer={"2026-02-01": 160}),
        400,
        ["voksenlaerling_praktiktimer", "gælder pr. måned", "'2026-02-01'"],
    ),
    (
        "input-for-en-uge",
        ana(voksenlaerling_praktiktimer={"week:2026-W06": 160}),
        400,
        ["gælder pr. måned", "'2026-W06'"],
    ),
    ("periode-af-laengde-0", ana(voksenlaerling_praktiktimer={"month:2026-01:0": 100}), 400, ["længden 0"]),
    ("periode-af-laengde-minus-1", ana(voksenlaerling_praktiktimer={"year:2026:-1": 100}), 400, ["længden -1"]),
    (
        "aar-der-ikke-er-summen-af-maanederne",
        ana(voksenlaerling_praktiktimer={**{f"2026-{m:02d}": 100 for m in range(1, 13)}, "2026": 1000}),
        400,
        ["ikke stemmer overens", "voksenlaerling_praktiktimer"],
    ),
    ("vaerdi-uden-periode", ana(voksenlaerling_praktiktimer=160), 400, ["voksenlaerling_praktiktimer", "pr. periode"]),
    ("ukendt-entitet", med(lambda s: s.update(husstande={"h": {}})), 400, ["husstande", "personer, virksomheder"]),
    ("ukendt-rolle", med(lambda s: s["virksomheder"]["v"].update(chefer=["ana"])), 404, ["chefer", "ansatte"]),
    (
        "person-hos-to-arbejdsgivere",
        med(lambda s: s["virksomheder"].update(w={"ansatte": ["ana"]})),
        400,
        ["ana", "ét sted"],
    ),
    ("ukendt-person-i-rolle", med(lambda s: s["virksomheder"]["v"].update(ansatte=["bob"])), 400, ["bob", "personer"]),
    (
        "personvariabel-paa-virksomhed",
        med(lambda s: s["virksomheder"]["v"].update(foedselsdato={"ETERNITY": "1990-01-01"})),
        400,
        ["foedselsdato", "for personer, ikke for virksomheder"],
    ),
    ("person-er-ikke-et-objekt", med(lambda s: s["personer"].update(ana=3)), 400, ["ana", "objekt"]),
    ("id-med-skraastreg", med(lambda s: s["personer"].update({"a/b": {}})), 400, ["a/b", "'/'"]),
    ("tomt-id", med(lambda s: s["personer"].update({"": {}})), 400, ["id'et ''"]),
    ("samme-noegle-to-gange", '{"personer": {"ana": {}, "ana": {}}}', 400, ["'ana'", "to gange"]),
    ("dybt-indlejret", "[" * 100_000 + "]" * 100_000, 400, ["for dybt"]),
    (
        "for-mange-personer",
        json.dumps({"personer": {f"p{i}": {} for i in range(MAX_INSTANSER + 1)}}),
        400,
        [f"højst {MAX_INSTANSER}"],
    ),
    (
        "for-mange-perioder",
        ana(voksenlaerling_praktiktimer={f"{1900 + i // 12}-{i % 12 + 1:02d}": 1 for i in range(MAX_PERIODER + 1)}),
        400,
        [f"højst {MAX_PERIODER}"],
    ),
]


@pytest.fixture(scope="module")
def arbejdere_foer(server):
    return server.arbejdere()


@pytest.mark.parametrize("sti", ["/calculate", "/trace"])
@pytest.mark.parametrize(("krop", "status", "ord"), [t[1:] for t in TILFAELDE], ids=[t[0] for t in TILFAELDE])
def test_daarligt_input_giver_4xx_med_besked(server, arbejdere_foer, sti, krop, status, ord):
    faktisk, hoveder, svar = server.kald("POST", sti, krop)
    assert faktisk == status, svar
    assert hoveder["Content-Type"].startswith("application/json")
    tekst = besked(svar)
    for o in ord:
        assert o in tekst, f"{o!r} mangler i {tekst[:500]}"


def test_den_gode_situation_er_god(server):
    """Kontrol af kontrollen: uden ændringen er situationen gyldig (7.200 kr.)."""
    status, _, svar = server.kald("POST", "/calculate", GOD)
    assert status == 200
    assert svar["personer"]["ana"]["voksenlaerling_tilskud"]["2026-02"] == pytest.approx(7200)


@pytest.mark.parametrize(
    ("akse", "ord"),
    [
        ({"count": 10**9, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100, "period": "2026-02"}, "punkter"),
        ({"count": 3, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100}, "period"),
        (
            {"count": 3, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100, "period": "2026-02", "index": 5},
            "index",
        ),
        ({"count": 3, "name": "findes_ikke", "min": 0, "max": 100, "period": "2026-02"}, "talvariabel"),
        ("x", "objekt"),
    ],
    ids=["en-milliard-punkter", "uden-periode", "index-uden-for", "ukendt-variabel", "ikke-et-objekt"],
)
def test_daarlige_akser_i_trace(server, akse, ord):
    status, _, svar = server.kald("POST", "/trace", {**GOD, "axes": [[akse]]})
    assert status == 400
    assert ord in besked(svar)


def test_akser_i_calculate_giver_400(server):
    """openfisca-core kan ikke sætte svaret på /calculate sammen med akser (500 i kernen)."""
    akse = {"count": 3, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100, "period": "2026-02"}
    status, _, svar = server.kald("POST", "/calculate", {**GOD, "axes": [[akse]]})
    assert status == 400
    assert "/trace" in svar["axes"]


def test_gyldige_akser_i_trace(server):
    akse = {"count": 3, "name": "voksenlaerling_praktiktimer", "min": 0, "max": 100, "period": "2026-02"}
    status, _, svar = server.kald("POST", "/trace", {**GOD, "axes": [[akse]]})
    assert status == 200
    assert svar["trace"]["voksenlaerling_tilskud<2026-02>"]["value"] == pytest.approx([0, 2250, 4500])


@pytest.mark.parametrize(
    ("headers", "krop"),
    [({"Content-Type": "text/plain"}, json.dumps(GOD)), ({"Content-Type": "application/x-www-form-urlencoded"}, "a=1")],
    ids=["text-plain", "formular"],
)
def test_forkert_content_type_giver_415(server, headers, krop):
    status, _, svar = server.kald("POST", "/calculate", krop, headers=headers)
    assert status == 415
    assert "application/json" in svar["error"]


def test_uden_content_type_giver_415(server):
    forbindelse = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=30)
    forbindelse.putrequest("POST", "/calculate", skip_accept_encoding=True)
    krop = json.dumps(GOD).encode()
    forbindelse.putheader("Content-Length", str(len(krop)))
    forbindelse.endheaders(krop)
    svar = forbindelse.getresponse()
    assert svar.status == 415
    assert "application/json" in json.loads(svar.read())["error"]


def test_ugyldig_utf8_giver_400(server):
    status, _, svar = server.kald("POST", "/calculate", b'{"personer": {"\xff": {}}}')
    assert status == 400
    assert "UTF-8" in svar["error"]


def send_stor_krop(server, stoerrelse, chunked):
    """POST en krop på `stoerrelse` bytes; (status, svar) eller (None, undtagelsen)."""
    forbindelse = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=60)
    blok = b" " * 65536
    try:
        if chunked:
            blokke = (blok for _ in range(-(-stoerrelse // len(blok))))
            forbindelse.request(
                "POST", "/calculate", body=blokke, headers={"Content-Type": "application/json"}, encode_chunked=True
            )
        else:
            forbindelse.putrequest("POST", "/calculate")
            forbindelse.putheader("Content-Type", "application/json")
            forbindelse.putheader("Content-Length", str(stoerrelse))
            forbindelse.endheaders()
            for start in range(0, stoerrelse, len(blok)):
                forbindelse.send(blok[: stoerrelse - start])
        svar = forbindelse.getresponse()
        return svar.status, json.loads(svar.read())
    except OSError as fejl:
        return None, fejl
    finally:
        forbindelse.close()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize(
    "stoerrelse", [MAX_KROP + 1, 5 * 1024 * 1024, 64 * 1024 * 1024], ids=["1MiB+1", "5MiB", "64MiB"]
)
def test_for_stor_krop_giver_413(server, stoerrelse, chunked):
    status, svar = send_stor_krop(server, stoerrelse, chunked)
    assert status == 413, svar
    assert str(MAX_KROP) in svar["error"]


def test_krop_paa_graensen_bliver_laest(server):
    """Præcis MAX_KROP bytes er tilladt: kroppen læses og afvises som JSON (mellemrum), ikke 413."""
    status, svar = send_stor_krop(server, MAX_KROP, chunked=False)
    assert status == 400
    assert "ugyldig JSON" in svar["error"]


def test_http_fejl_er_json(server):
    status, hoveder, svar = server.kald("GET", "/calculate")
    assert status == 405
    assert "GET" in svar["error"]
    assert "POST" in hoveder["Allow"]
    status, _, svar = server.kald("GET", "/variable/voksenlaerling_tilskuddet")
    assert status == 404
    assert "mente du 'voksenlaerling_tilskud'" in svar["error"]
    status, _, svar = server.kald("GET", "/parameter/voksenlaerling.findes_ikke")
    assert status == 404
    assert "voksenlaerling.findes_ikke" in svar["error"]
    status, _, svar = server.kald("GET", "/findes-ikke")
    assert status == 404
    assert "/findes-ikke" in svar["error"]


def test_serveren_lever_med_samme_arbejdere(server, arbejdere_foer):
    """Efter alt det dårlige input: samme arbejdere (ingen døde), ingen undtagelse i loggen."""
    status, _, _ = server.kald("GET", "/spec")
    assert status == 200
    assert server.arbejdere() == arbejdere_foer
    log = server.log()
    for tegn in ("Traceback", "Exception on", "WORKER TIMEOUT"):
        assert tegn not in log, log[-3000:]
