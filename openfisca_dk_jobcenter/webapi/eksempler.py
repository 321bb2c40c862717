"""Ét spørgsmål pr. ordning til /calculate, med svaret regnet i hånden.

Bruges af belastningstesten (`make load`) og til README'ens curl-eksempler:

    .venv/bin/python -m openfisca_dk_jobcenter.webapi.eksempler [--url http://127.0.0.1:5000]

skriver curl-kaldet og serverens svar for hver ordning (uden --url startes en server).
"""

import argparse
import json

EKSEMPLER = {
    "voksenlaerling": {
        "beskrivelse": "Ufaglært ledig voksenlærling, 160 praktiktimer i februar 2026: 45 × 160 = 7.200 kr.",
        "situation": {
            "personer": {
                "ana": {
                    "foedselsdato": {"ETERNITY": "1990-01-01"},
                    "voksenlaerling_aftale_start": {"ETERNITY": "2026-01-01"},
                    "voksenlaerling_kommer_fra_ledighed": {"2026-02": True},
                    "voksenlaerling_praktiktimer": {"2026-02": 160},
                    "voksenlaerling_tilskud": {"2026-02": None},
                    "voksenlaerling_afslagsgrund": {"2026-02": None},
                }
            },
            "virksomheder": {"v": {"ansatte": ["ana"]}},
        },
        "svar": ("personer", "ana", "voksenlaerling_tilskud", "2026-02", 7200.0),
    },
    "jobrotation": {
        "beskrivelse": (
            "Marts 2024, 203,17 kr./t: ansat 100 uddannelsestimer à 250 kr. + 5.000 kr. kursus, vikar 120 "
            "timer à 180 kr.; ydelse 203,17 × min(100, 120) = 20.317 kr.; budget 51.600 − 20.317 = 31.283 kr."
        ),
        "situation": {
            "personer": {
                "medarbejder": {
                    "timeloen": {"2024-03": 250},
                    "jobrotation_uddannelsestimer": {"2024-03": 100},
                    "jobrotation_kursusudgift": {"2024-03": 5000},
                },
                "vikar": {
                    "timeloen": {"2024-03": 180},
                    "maalgruppe": {"2024-03": "dagpengemodtager"},
                    "forudgaaende_ledighed_maaneder": {"2024-03": 7},
                    "jobrotation_vikariat_start": {"ETERNITY": "2024-02-01"},
                    "jobrotation_vikar_godkendt": {"2024-03": True},
                    "jobrotation_vikartimer": {"2024-03": 120},
                },
            },
            "virksomheder": {
                "v": {
                    "ansatte": ["medarbejder", "vikar"],
                    "jobrotation_projekt_godkendt": {"2024-03": True},
                    "jobrotationsydelse": {"2024-03": None},
                    "jobrotation_nettoudgift": {"2024-03": None},
                }
            },
        },
        "svar": ("virksomheder", "v", "jobrotationsydelse", "2024-03", 20317.0),
    },
    "loentilskud": {
        "beskrivelse": "Privat arbejdsgiver, marts 2023, 120 timer à 86,16 kr.: 10.339,20 kr.",
        "situation": {
            "personer": {
                "eva": {
                    "maalgruppe": {"2023-03": "dagpengemodtager"},
                    "forudgaaende_ledighed_maaneder": {"2023-03": 7},
                    "loentilskud_start": {"ETERNITY": "2023-01-01"},
                    "loentilskud_timer": {"2023-03": 120},
                    "loentilskud": {"2023-03": None},
                    "loentilskud_afslagsgrund": {"2023-03": None},
                }
            },
            "virksomheder": {"v": {"ansatte": ["eva"], "sektor": {"2023-03": "privat"}}},
        },
        "svar": ("personer", "eva", "loentilskud", "2023-03", 10339.2),
    },
    "virksomhedspraktik": {
        "beskrivelse": "Dagpengemodtager, 4 uger à 37 timer: tilladt (højst 4 uger, højst 37 timer om ugen).",
        "situation": {
            "personer": {
                "fie": {
                    "maalgruppe": {"2026-03": "dagpengemodtager"},
                    "virksomhedspraktik_uger": {"2026-03": 4},
                    "virksomhedspraktik_timer_per_uge": {"2026-03": 37},
                    "virksomhedspraktik_max_uger": {"2026-03": None},
                    "virksomhedspraktik_tilladt": {"2026-03": None},
                }
            }
        },
        "svar": ("personer", "fie", "virksomhedspraktik_tilladt", "2026-03", True),
    },
    "opkvalificering": {
        "beskrivelse": (
            "Ansøgt 10. januar 2026 som ledig (7 måneder), ansat 1. februar i 6 måneder, kursus 2. marts "
            "til 15.000 kr.: 15.000 kr. i marts."
        ),
        "situation": {
            "personer": {
                "gro": {
                    "maalgruppe": {"2026-03": "dagpengemodtager"},
                    "forudgaaende_ledighed_maaneder": {"2026-03": 7},
                    "opkvalificering_ansoegningsdato": {"ETERNITY": "2026-01-10"},
                    "opkvalificering_ansaettelse_start": {"ETERNITY": "2026-02-01"},
                    "opkvalificering_kursus_start": {"ETERNITY": "2026-03-02"},
                    "opkvalificering_ansaettelse_varighed_maaneder": {"2026-03": 6},
                    "opkvalificering_kursusudgift": {"2026-03": 15000},
                    "opkvalificering_tilskud": {"2026-03": None},
                }
            }
        },
        "svar": ("personer", "gro", "opkvalificering_tilskud", "2026-03", 15000.0),
    },
}


def svarets_vaerdi(eksempel, svar):
    plural, id_, navn, periode, _ = eksempel["svar"]
    return svar[plural][id_][navn][periode]


def rigtigt(eksempel, svar):
    """Svaret har den værdi, der er regnet i hånden (1 øres margin for kroner i float32)."""
    forventet = eksempel["svar"][-1]
    faktisk = svarets_vaerdi(eksempel, svar)
    if isinstance(forventet, bool):
        return faktisk is forventet
    return abs(faktisk - forventet) <= 0.01


def main(argv=None):
    from openfisca_dk_jobcenter.webapi.server import koerende_server

    parser = argparse.ArgumentParser(description="curl-kald og svar pr. ordning til README'en")
    parser.add_argument("--url", help="en kørende server; ellers startes en på en ledig port")
    args = parser.parse_args(argv)

    def skriv(server, url):
        for navn, eksempel in EKSEMPLER.items():
            status, _, svar = server.kald("POST", "/calculate", eksempel["situation"])
            print(f"### {navn}: {eksempel['beskrivelse']}\n")
            krop = json.dumps(eksempel["situation"], ensure_ascii=False)
            print(f"curl -s {url}/calculate -H 'Content-Type: application/json' -d '{krop}'\n")
            print(f"# {status}, {'rigtigt' if status == 200 and rigtigt(eksempel, svar) else 'FORKERT'}")
            print(json.dumps(svar, ensure_ascii=False) + "\n")

    if args.url:
        from openfisca_dk_jobcenter.webapi.server import Server

        skriv(Server(args.url, None, None), args.url)
    else:
        with koerende_server() as server:
            skriv(server, "http://127.0.0.1:5000")


if __name__ == "__main__":
    main()
