"""curl-kald og serverens svar for hvert eksempel i `openfisca_dk_jobcenter/situation_examples/`
(til docs/webapi.md):

    .venv/bin/python -m tools.eksempler [--url http://127.0.0.1:5000]

skriver curl-kaldet og serverens svar for hver ordning (uden --url startes en server).
"""

import argparse
import json

from openfisca_dk_jobcenter.situation_examples import eksempler, rigtigt

EKSEMPLER = eksempler()


def main(argv=None):
    from tools.server import koerende_server

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
        from tools.server import Server

        skriv(Server(args.url, None, None), args.url)
    else:
        with koerende_server() as server:
            skriv(server, "http://127.0.0.1:5000")


if __name__ == "__main__":
    main()
