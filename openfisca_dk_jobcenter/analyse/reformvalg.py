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

Hvert system herfra husker, hvordan det blev lavet (`beskrivelse`: parameterændringerne og
Python-reformernes importnavn, i rækkefølge), så en arbejdsproces eller en Dask-arbejder kan bygge
præcis det samme system selv (`byg`) i stedet for at få et pickled system.
"""

import importlib
from pathlib import Path

from openfisca_core.reforms import Reform

from openfisca_dk_jobcenter.reforms import MAPPE, navngiven, navngivne
from openfisca_dk_jobcenter.reforms.fra_fil import (
    ReformFejl,
    kontroller_aendringer,
    laes_reformfil,
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
    foer = beskrivelse(grundlag)
    if isinstance(spec, dict):
        navn, aendringer = reform_fra_dict(spec, kilde="reform (dict)")
        kontroller_aendringer(grundlag.parameters, aendringer, "reform (dict)")  # stier, typer og grænser
        system = lav_reform(navn, aendringer, kilde="reform (dict)")(grundlag)
        system.name = navn
        return _husk(system, foer, [("aendringer", navn, "reform (dict)", aendringer)], navn)
    if isinstance(spec, type) and issubclass(spec, Reform):
        system = spec(grundlag)
        system.name = getattr(spec, "name", None) or spec.__name__
        return _husk(system, foer, [_klasseled(spec)], system.name)
    if isinstance(spec, Path):
        spec = str(spec)
    if not isinstance(spec, str):
        raise ReformFejl(f"reform: forventede en sti, en dict eller en Reform-klasse, fik {type(spec).__name__}")
    system = grundlag
    navne, led = [], []
    for del_ in (d.strip() for d in spec.split("+")):
        if not del_:
            raise ReformFejl(f"'{spec}': tom reform mellem '+'")
        if del_.endswith((".yaml", ".yml")):
            navn, aendringer = laes_reformfil(del_)
            kontroller_aendringer(system.parameters, aendringer, del_)
            system = lav_reform(navn, aendringer, kilde=del_)(system)
            led.append(("aendringer", navn, del_, aendringer))
        else:
            # En navngiven reform er reformfilen <navn>.yaml: beskrevet som dens ændringer, så en
            # arbejder kan bygge den, og genbrug.py ser, hvilke parametre den ændrer.
            fil = MAPPE / f"{_navngiven(del_).__name__}.yaml"
            navn, aendringer = laes_reformfil(fil)
            kontroller_aendringer(system.parameters, aendringer, str(fil))
            system = lav_reform(navn, aendringer, kilde=str(fil))(system)
            led.append(("aendringer", navn, str(fil), aendringer))
        navne.append(system.name if hasattr(system, "name") and system.name else del_)
    system.name = " + ".join(navne)
    return _husk(system, foer, led, system.name)


def beskrivelse(system):
    """Hvordan `system` blev lavet: (navn, [led ...]) — grundlaget er ([]) — eller None, hvis det
    ikke kan bygges igen andetsteds (fx en reform defineret i en notebook)."""
    from openfisca_dk_jobcenter import CountryTaxBenefitSystem

    if type(system) is CountryTaxBenefitSystem:
        return (None, [])
    return getattr(system, "dk_beskrivelse", None)


def _husk(system, foer, led, navn):
    system.dk_beskrivelse = None if foer is None or None in led else (navn, [*foer[1], *led])
    return system


def _klasseled(klasse):
    """En Python-reform ved sit importnavn; None, hvis en anden proces ikke kan importere den."""
    try:
        fundet = importlib.import_module(klasse.__module__)
        for del_ in klasse.__qualname__.split("."):
            fundet = getattr(fundet, del_)
    except (ImportError, AttributeError):
        return None
    if fundet is not klasse or klasse.__module__ == "__main__":
        return None
    return ("klasse", klasse.__module__, klasse.__qualname__)


def byg(grundlag, beskrivelse_):
    """Systemet efter `beskrivelse_` (fra `beskrivelse`) oven på `grundlag`; grundlaget selv for []."""
    navn, led = beskrivelse_
    system = grundlag
    for art, *resten in led:
        if art == "aendringer":
            led_navn, kilde, aendringer = resten
            system = lav_reform(led_navn, aendringer, kilde=kilde)(system)
        else:
            modul, klassenavn = resten
            klasse = importlib.import_module(modul)
            for del_ in klassenavn.split("."):
                klasse = getattr(klasse, del_)
            system = klasse(system)
    if led:
        system.name = navn
        system.dk_beskrivelse = beskrivelse_
    return system


def aendrede_parametre(beskrivelse_):
    """Parameterstierne, systemet ændrer, eller None, hvis det også har en Python-reform (som kan
    ændre formler, ikke kun parametre)."""
    if beskrivelse_ is None:
        return None
    stier = set()
    for art, *resten in beskrivelse_[1]:
        if art != "aendringer":
            return None
        stier |= set(resten[2])
    return stier


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
        led = [("aendringer", navn, f"--variant {spec}", aendringer)]
        resultat.append((navn, _husk(klasse(grundlag), beskrivelse(grundlag), led, navn), vaerdi))
    return resultat


def _aarets_start(aar):
    import datetime

    return datetime.date(aar, 1, 1)
