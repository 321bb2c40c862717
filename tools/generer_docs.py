"""Genererer docs/genereret/kilder.md og docs/genereret/ordforraad.md fra skattesystemet selv, så lovfakta og navne kun
står ét sted (parametrenes YAML og variablerne), og dokumentationen ikke kan løbe fra modellen.

    python tools/generer_docs.py          # skriver begge sider (eller: make docs)
    python tools/generer_docs.py --tjek   # exit 1, hvis de indlagte sider er forældede

tests/test_generede_docs.py fejler, når de indlagte sider afviger fra det, generatoren laver.
"""

import argparse
import inspect
import pathlib
import sys

from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import Parameter

from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.model import kategorier
from openfisca_dk_jobcenter.model.parametertrae import alle_parametre

ROD = pathlib.Path(__file__).resolve().parent.parent
PAKKE = ROD / "openfisca_dk_jobcenter"
KILDER = ROD / "docs" / "genereret" / "kilder.md"
ORDFORRAAD = ROD / "docs" / "genereret" / "ordforraad.md"
KOMMANDO = "`make docs` (eller `.venv/bin/python tools/generer_docs.py`)"

KILDEGRADER = {
    "verificeret": "lovens tekst eller en officiel side (retsinformation/elov, ft.dk, star.dk, bm.dk, "
                   "info.jobnet.dk, rar-bm.dk)",
    "sekundaer": "en sekundær side (en kommune, en a-kasse, en fagforening)",
    "antaget": "ikke fundet: værdien er videreført eller antaget, og værdiens reference siger, hvad den "
               "bygger på",
}


def _celle(tekst):
    """Tekst, der kan stå i en markdown-tabelcelle."""
    return " ".join(str(tekst).split()).replace("|", "\\|")


def _referencer(reference):
    """En parameters reference (liste af {title, href}, tekst eller liste af tekst) som markdown."""
    if reference is None:
        return []
    if not isinstance(reference, list):
        reference = [reference]
    ud = []
    for r in reference:
        if isinstance(r, dict):
            titel = _celle(r.get("title") or r.get("href"))
            ud.append(f"[{titel}]({r['href']})" if r.get("href") else titel)
        else:
            ud.append(_celle(r))
    return ud


def _vaerdi(vaerdi, enhed):
    if isinstance(vaerdi, bool):
        return "ja" if vaerdi else "nej"
    if isinstance(vaerdi, float) and enhed == "currency-DKK":
        return f"{vaerdi:.2f}".replace(".", ",")
    if isinstance(vaerdi, str):
        return f"`{vaerdi}`"
    return str(vaerdi)


def _egen_reference(parameter, vaerdi):
    """openfisca-core kopierer parameterens metadata ind i hver værdi: kun en anden reference er
    værdiens egen."""
    ref = vaerdi.metadata.get("reference")
    return None if ref == parameter.metadata.get("reference") else ref


def _kilder_for_parameter(p, optalt):
    enhed = p.metadata.get("unit")
    linjer = [f"### `{p.name}`", "", f"{_celle(p.description)} (enhed: `{enhed}`)", ""]
    if p.documentation:
        linjer += [p.documentation.rstrip(), ""]
    linjer += ["Kilder: " + "; ".join(_referencer(p.metadata.get("reference"))), ""]
    linjer += ["| fra | værdi | kildegrad | værdiens kilde |", "|---|---|---|---|"]
    for v in sorted(p.values_list, key=lambda v: v.instant_str):
        grad = v.metadata.get("kildegrad", "")
        optalt[grad] = optalt.get(grad, 0) + 1
        egen = "; ".join(_referencer(_egen_reference(p, v)))
        linjer.append(f"| {v.instant_str} | {_vaerdi(v.value, enhed)} | {grad} | {egen} |")
    return linjer + [""]


def _kilder_for_knude(node, optalt):
    """En mappe eller en fil med flere parametre (fx én pr. målgruppe): filens beskrivelse og
    dokumentation står én gang, før dens parametre."""
    if isinstance(node, Parameter):
        return _kilder_for_parameter(node, optalt)
    linjer = []
    if node.description or node.documentation:
        linjer += [f"### `{node.name}`", ""]
        if node.description:
            linjer += [_celle(node.description), ""]
        if node.documentation:
            linjer += [node.documentation.rstrip(), ""]
    for _, barn in sorted(node.children.items()):
        linjer += _kilder_for_knude(barn, optalt)
    return linjer


def kilder_md(tbs):
    linjer = [
        "# Kilder: hver parameter, hver dateret værdi og dens kildegrad",
        "",
        f"Genereret af `tools/generer_docs.py` fra parametrenes egne metadata; ret i YAML-filerne under "
        f"`openfisca_dk_jobcenter/parameters/` og kør {KOMMANDO}.",
        "",
        "Hver dateret værdi har sin kildegrad (`metadata: {kildegrad: ...}`):",
        "",
    ]
    linjer += [f"- **{grad}**: {forklaring}." for grad, forklaring in KILDEGRADER.items()]
    linjer += [
        "",
        "Graden gælder værdiens kilde. Er en kildes værdi dateret tidligere, end kilden selv dækker "
        "(fx modellens første år for en udateret side), siger værdiens reference eller parameterens "
        "dokumentation det.",
        "",
    ]
    optalt = {grad: 0 for grad in KILDEGRADER}
    for top, node in sorted(tbs.parameters.children.items()):
        linjer += [f"## {top}", ""]
        linjer += _kilder_for_knude(node, optalt)
    linjer += ["## Optælling", "", "| kildegrad | værdier |", "|---|---|"]
    linjer += [f"| {grad} | {antal} |" for grad, antal in optalt.items()]
    return "\n".join(linjer) + "\n"


def _kildefil(variabel):
    sti = pathlib.Path(inspect.getsourcefile(type(variabel))).resolve()
    return sti.relative_to(PAKKE).as_posix() if sti.is_relative_to(PAKKE) else sti.name


def _enums(tbs):
    """Alle Enums: dem variablerne bruger (afslagsgrundene med) og dem i kategorier.py."""
    fundne = {v.possible_values for v in tbs.variables.values() if v.value_type is Enum}
    fundne |= {k for k in vars(kategorier).values()
               if inspect.isclass(k) and issubclass(k, Enum) and k is not Enum}
    return sorted(fundne, key=lambda k: k.__name__)


def ordforraad_md(tbs):
    linjer = [
        "# Ordforråd: variabler, kategorier og parametre",
        "",
        f"Genereret af `tools/generer_docs.py` fra skattesystemet; kør {KOMMANDO} efter en ændring. "
        "Navnene er de offentlige navne i web-API'et, YAML-testene og Python-API'et.",
        "",
        "## Variabler",
        "",
    ]
    efter_mappe = {}
    for _navn, v in sorted(tbs.variables.items()):
        efter_mappe.setdefault(pathlib.PurePosixPath(_kildefil(v)).parent.name or "(andet)", []).append(v)
    for mappe, variabler in sorted(efter_mappe.items()):
        linjer += [f"### {mappe}", "", "| navn | entitet | type | periode | label | reference |",
                   "|---|---|---|---|---|---|"]
        for v in variabler:
            type_ = v.possible_values.__name__ if v.value_type is Enum else v.value_type.__name__
            ref = "; ".join(_referencer(v.reference))
            linjer.append(f"| `{v.name}` | {v.entity.key} | {type_} | {v.definition_period} | "
                          f"{_celle(v.label)} | {ref} |")
        linjer.append("")
    linjer += ["## Kategorier (Enum)", ""]
    for enum in _enums(tbs):
        brugt = sorted(n for n, v in tbs.variables.items() if v.value_type is Enum and v.possible_values is enum)
        linjer += [f"### `{enum.__name__}`", ""]
        if brugt:
            linjer += ["Bruges af " + ", ".join(f"`{n}`" for n in brugt) + ".", ""]
        linjer += ["| værdi | betydning |", "|---|---|"]
        linjer += [f"| `{m.name}` | {_celle(m.value)} |" for m in enum]
        linjer.append("")
    linjer += ["## Parametre", "", "| sti | beskrivelse | enhed |", "|---|---|---|"]
    linjer += [f"| `{p.name}` | {_celle(p.description)} | `{p.metadata.get('unit')}` |"
               for p in alle_parametre(tbs.parameters)]
    return "\n".join(linjer) + "\n"


def sider(tbs=None):
    tbs = tbs or CountryTaxBenefitSystem()
    return {KILDER: kilder_md(tbs), ORDFORRAAD: ordforraad_md(tbs)}


def _vis(sti):
    return sti.relative_to(ROD).as_posix() if sti.is_relative_to(ROD) else str(sti)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tjek", action="store_true", help="skriv intet; exit 1, hvis siderne er forældede")
    args = parser.parse_args(argv)
    foraeldede = []
    for sti, tekst in sider().items():
        if args.tjek:
            if not sti.exists() or sti.read_text(encoding="utf-8") != tekst:
                foraeldede.append(_vis(sti))
        else:
            sti.write_text(tekst, encoding="utf-8")
            print(f"skrev {_vis(sti)}")
    if foraeldede:
        print(f"forældede: {', '.join(foraeldede)}; kør {KOMMANDO}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
