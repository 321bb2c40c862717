"""Fra analytikerens ord til reformerede systemer: reformfiler, reformer som dict, stablede
reformer, navngivne reformer, `Reform`-klasser og parametervarianter.

- `sti/til/reform.yaml` (str eller `Path`) — en reformfil (se `reforms/fra_fil.py`).
- `{"navn": ..., "parametre": {...}}` — en reform som dict, i reformfilens form.
- en `Reform`-klasse (OpenFisca) — anvendes på grundlaget.
- `a.yaml+b.yaml` — stablede reformer: b anvendes oven på a (samme for navngivne reformer).
- `hoejere_voksenlaerlingesatser` — en navngiven reform: reformfilen
  `openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml`.
- varianter: `voksenlaerling.timesats.fra_ledighed=40,45,60` giver én reform pr. værdi, med
  værdien fra 1. januar i det simulerede år.
"""

from pathlib import Path

from openfisca_core.reforms import Reform

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


def reform(grundlag, spec):
    """Et reformeret system fra `spec`: en reformfils sti (str eller `Path`), en dict i
    reformfilens form, en `Reform`-klasse, et navn på en reform i `openfisca_dk_jobcenter/reforms/`,
    eller flere filer/navne stablet med '+'."""
    if isinstance(spec, dict):
        navn, aendringer = reform_fra_dict(spec, kilde="reform (dict)")
        kontroller_aendringer(grundlag.parameters, aendringer, "reform (dict)")  # stier, typer og grænser
        system = lav_reform(navn, aendringer, kilde="reform (dict)")(grundlag)
        system.name = navn
        return system
    if isinstance(spec, type) and issubclass(spec, Reform):
        system = spec(grundlag)
        system.name = getattr(spec, "name", None) or spec.__name__
        return system
    if isinstance(spec, Path):
        spec = str(spec)
    if not isinstance(spec, str):
        raise ReformFejl(f"reform: forventede en sti, en dict eller en Reform-klasse, fik {type(spec).__name__}")
    system = grundlag
    navne = []
    for del_ in (d.strip() for d in spec.split("+")):
        if not del_:
            raise ReformFejl(f"'{spec}': tom reform mellem '+'")
        if del_.endswith((".yaml", ".yml")):
            system = anvend_reformfil(system, del_)
        else:
            system = _navngiven(del_)(system)
        navne.append(system.name if hasattr(system, "name") and system.name else del_)
    system.name = " + ".join(navne)
    return system


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
    reformens_parameter(grundlag.parameters, sti, f"--variant '{spec}'")
    resultat = []
    for tekst, vaerdi in variantvaerdier(spec):
        navn = f"{sti}={tekst}"
        aendringer = {sti: [(_aarets_start(aar), vaerdi)]}
        kontroller_aendringer(grundlag.parameters, aendringer, f"--variant '{spec}'")
        klasse = lav_reform(navn, aendringer, kilde=f"--variant {spec}")
        resultat.append((navn, klasse(grundlag), vaerdi))
    return resultat


def _aarets_start(aar):
    import datetime

    return datetime.date(aar, 1, 1)
