"""Kalibrér den syntetiske befolknings deltagelse til de publicerede tal, og skriv
valideringstabellen i docs/validering.md.

    python -m openfisca_dk_jobcenter.analyse.deltagelsesfaktorer            # kalibrér og skriv begge
    python -m openfisca_dk_jobcenter.analyse.deltagelsesfaktorer --kun-doc  # kun tabellen

(Befolkningen læser faktorerne med `befolkning/kalibrering.py`; her skrives de.)

For hvert år med et publiceret tal, der er markeret `kalibrer`, ganges ordningens
deltagelsesfaktor med publiceret ÷ model, fem gange (deltagelsen er næsten proportional med
faktoren; fem runder fanger samspillet mellem ordningerne, der deler de samme ledige).
Faktorerne skrives i datafilen `befolkning/deltagelse.json`; år uden tal får nærmeste kalibrerede års
faktor (`kalibrering.deltagelsesfaktor`).
"""

import argparse
import json
import re
from pathlib import Path

from openfisca_dk_jobcenter.analyse import publicerede_tal as validering
from openfisca_dk_jobcenter.befolkning import kalibrering

RUNDER = 5
DOC = Path(__file__).resolve().parents[2] / "docs" / "validering.md"
START, SLUT = "<!-- valideringstabel: start (genereres af analyse/deltagelsesfaktorer.py) -->", "<!-- valideringstabel: slut -->"


def kalibrer(personer=validering.PERSONER, seed=validering.SEED):
    maal = [p for p in validering.PUBLICEREDE if p.kalibrer]
    faktorer = {p.ordning: {} for p in maal}
    for p in maal:
        faktorer[p.ordning][p.aar] = 1.0
    bedst = {}  # (ordning, år) → (afvigelse, faktor): den bedste faktor, der er prøvet
    for aar in sorted({p.aar for p in maal}):
        for _ in range(RUNDER):
            _gem(faktorer)
            model = validering.maal_aar(aar, personer, seed)
            for p in (p for p in maal if p.aar == aar):
                m = model[(p.ordning, p.maal)]
                if m > 0:
                    f = faktorer[p.ordning][aar]
                    afvigelse = abs(m / p.vaerdi - 1)
                    if afvigelse < bedst.get((p.ordning, aar), (float("inf"), f))[0]:
                        bedst[(p.ordning, aar)] = (afvigelse, f)
                    faktorer[p.ordning][aar] = round(f * p.vaerdi / m, 4)
        # Få, store enheder (jobrotationens arbejdsgivere) giver trin i modellens tal, så
        # opdateringen kan svinge om målet: den bedste faktor, der er prøvet, beholdes.
        for (ordning, a), (_, f) in bedst.items():
            if a == aar:
                faktorer[ordning][aar] = f
    _gem(faktorer)
    return faktorer


def _gem(faktorer):
    data = {noegle: {str(a): f for a, f in sorted(aar.items())} for noegle, aar in faktorer.items()}
    kalibrering.FAKTORFIL.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    kalibrering.glem_faktorer()


def skriv_doc(sti=DOC):
    tekst = sti.read_text(encoding="utf-8")
    ny = START + "\n" + validering.dokument(validering.tabel()) + "\n" + SLUT
    tekst = re.sub(re.escape(START) + ".*?" + re.escape(SLUT), lambda _: ny, tekst, flags=re.S)
    sti.write_text(tekst, encoding="utf-8")


def tabel_i_doc(sti=DOC):
    """Markdown-tabellen, som den står i docs/validering.md."""
    tekst = sti.read_text(encoding="utf-8")
    return tekst.split(START, 1)[1].split(SLUT, 1)[0].strip()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kun-doc", action="store_true", help="skriv kun tabellen (kalibrér ikke)")
    args = parser.parse_args(argv)
    if not args.kun_doc:
        print(kalibrer())
    skriv_doc()


if __name__ == "__main__":
    main()
