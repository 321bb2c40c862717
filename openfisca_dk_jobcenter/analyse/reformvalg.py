"""Fra analytikerens ord til reformerede systemer: reformfiler, reformer som dict, stablede
reformer, navngivne reformer, `Reform`-klasser og parametervarianter.

- `sti/til/reform.yaml` (str eller `Path`) — en reformfil (se `reforms/fra_fil.py`).
- `{"navn": ..., "parametre": {...}}` — en reform som dict, i reformfilens form.
- en `Reform`-klasse (OpenFisca) — anvendes på grundlaget.
- `a.yaml+b.yaml` — stablede reformer: b anvendes oven på a (samme for navngivne reformer), og en
  liste `[a, b]` af alt ovenstående; sætter begge samme parameter, advares der (`StabelAdvarsel`).
- `hoejere_voksenlaerlingesatser` — en navngiven reform: reformfilen
  `openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml`;
  `pakke.modul.Klasse` — en reform fra et andet modul.
- varianter: `voksenlaerling.timesats.fra_ledighed=40,45,60` giver én reform pr. værdi, med
  værdien fra 1. januar i det simulerede år; også for en sand/falsk-parameter (`=true,false`) og
  en kategori (`jobrotation.medarbejder.hoejeste_uddannelse=erhvervsuddannelse,lang_videregaaende`).
"""

import warnings
from pathlib import Path

from openfisca_core.reforms import Reform

from openfisca_dk_jobcenter.model.parametertrae import alle_parametre
from openfisca_dk_jobcenter.reforms import navngiven, navngivne
from openfisca_dk_jobcenter.reforms.fra_fil import (
    ReformFejl,
    anvend_reformfil,
    kontroller_aendringer,
    lav_reform,
    reform_fra_dict,
    reformens_parameter,
    variantvaerdier,
)


def grundlag():
    """Lovgivningen, som den er (uden reform)."""
    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    return CountryTaxBenefitSystem()


class StabelAdvarsel(UserWarning):
    """To stablede reformer sætter samme parameter: svaret afhænger af rækkefølgen."""


def reform(grundlag, spec):
    """Et reformeret system fra `spec`: en reformfils sti (str eller `Path`), en dict i
    reformfilens form, en `Reform`-klasse, et navn på en reform i `openfisca_dk_jobcenter/reforms/`,
    flere filer/navne stablet med '+', eller en liste af alt dette (stablet i listens rækkefølge,
    som '+').

    Sætter to af de stablede reformer samme parameter, gælder den sidstes værdier fra deres datoer
    (den første gælder kun før dem): `StabelAdvarsel` siger hvilken parameter og hvilken reform,
    der vinder."""
    dele = _dele(spec)
    if not dele:
        raise ReformFejl("reform: en tom liste af reformer")
    system, navne, saetter = grundlag, [], {}
    for del_ in dele:
        foer = _parametervaerdier(system)
        system = _en_reform(system, del_)
        navn = getattr(system, "name", None) or str(del_)
        efter = _parametervaerdier(system)
        for sti in sorted(efter):
            nye = sorted(set(efter[sti]) - set(foer.get(sti, ())))
            if not nye:
                continue
            if sti in saetter:
                datoer = ", ".join(sorted({d for d, _ in nye}))
                warnings.warn(
                    f"'{saetter[sti]}' og '{navn}' sætter begge {sti}; '{navn}' vinder, fordi den står sidst "
                    f"i stakken: dens værdier gælder fra {datoer} (byt rækkefølgen for det modsatte)",
                    StabelAdvarsel, stacklevel=2)
            saetter[sti] = navn
        navne.append(navn)
    if len(dele) > 1:
        system.name = " + ".join(navne)
    return system


def _dele(spec):
    """De enkelte reformer i `spec`: en liste (eller tuple) og 'a.yaml+b.yaml' stables."""
    if isinstance(spec, list | tuple):
        return [d for element in spec for d in _dele(element)]
    if isinstance(spec, Path):
        spec = str(spec)
    if isinstance(spec, str):
        dele = [d.strip() for d in spec.split("+")]
        if any(not d for d in dele):
            raise ReformFejl(f"'{spec}': tom reform mellem '+'")
        return dele
    return [spec]


def _en_reform(system, spec):
    if isinstance(spec, dict):
        navn, aendringer = reform_fra_dict(spec, kilde="reform (dict)")
        kontroller_aendringer(system.parameters, aendringer, "reform (dict)")  # stier, typer og grænser
        ny = lav_reform(navn, aendringer, kilde="reform (dict)")(system)
        ny.name = navn
        return ny
    if isinstance(spec, type) and issubclass(spec, Reform):
        ny = spec(system)
        ny.name = getattr(spec, "name", None) or spec.__name__
        return ny
    if not isinstance(spec, str):
        raise ReformFejl(f"reform: forventede en sti, en dict eller en Reform-klasse, fik {type(spec).__name__}")
    if spec.endswith((".yaml", ".yml")):
        return anvend_reformfil(system, spec)
    return _navngiven(spec)(system)


def _parametervaerdier(system):
    """{sti: ((start, værdi), ...)} for hver parameter i systemet."""
    return {p.name: tuple((v.instant_str, repr(v.value)) for v in p.values_list) for p in alle_parametre(system.parameters)}


REFORMPAKKE = "openfisca_dk_jobcenter.reforms"


def _navngiven(navn):
    # Kun pakkens egne navngivne reformer (reformfilerne i openfisca_dk_jobcenter/reforms/): intet
    # modul importeres ved et navn, brugeren har skrevet. "x", "openfisca_dk_jobcenter.reforms.x"
    # og stien fra før 0.5.0, "openfisca_dk_jobcenter.reforms.x.x", er samme reform.
    kort = navn.removeprefix(REFORMPAKKE + ".")
    foran, _, sidste = kort.rpartition(".")
    if foran not in ("", sidste):
        sidste = kort
    try:
        return navngiven(sidste)
    except LookupError:
        raise ReformFejl(
            f"ukendt reform '{navn}': hverken en .yaml-fil eller en navngiven reform "
            f"({', '.join(navngivne())}) i openfisca_dk_jobcenter/reforms/"
        ) from None


def varianter(grundlag, spec, aar):
    """[(navn, system, værdi)] for `sti=v1,v2,...`, hver værdi gældende fra 1. januar `aar`."""
    sti, lig, vaerdier = spec.partition("=")
    if not lig or not vaerdier.strip():
        raise ReformFejl(f"--variant '{spec}': skriv parametersti=værdi1,værdi2,...")
    sti = sti.strip()
    parameter = reformens_parameter(grundlag.parameters, sti, f"--variant '{spec}'")
    resultat = []
    for tekst, vaerdi in variantvaerdier(spec, parameter):
        navn = f"{sti}={tekst}"
        aendringer = {sti: [(_aarets_start(aar), vaerdi)]}
        kontroller_aendringer(grundlag.parameters, aendringer, f"--variant '{spec}'")
        klasse = lav_reform(navn, aendringer, kilde=f"--variant {spec}")
        resultat.append((navn, klasse(grundlag), vaerdi))
    return resultat


def _aarets_start(aar):
    import datetime

    return datetime.date(aar, 1, 1)
