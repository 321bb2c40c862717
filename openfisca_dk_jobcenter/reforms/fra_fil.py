"""Reformer uden Python: en YAML-fil med nye daterede parameterværdier bliver en OpenFisca-reform.

Format::

    navn: Højere voksenlærlingesatser
    beskrivelse: (valgfri) hvad og hvorfor
    parametre:
      voksenlaerling.timesats.fra_ledighed:
        2026-01-01: 60

Hver værdi gælder fra sin dato og frem (og erstatter senere værdier i grundlaget). Fejl — ukendt
parametersti, ugyldig dato, en værdi af forkert type eller uden for parameterens interval
(negativ, `.nan`, `.inf`, andet end true/false eller 1/0 til en sand/falsk-parameter, et navn, der
ikke er i kategorien; `domaener.kontroller_parametervaerdi`), og en ukendt sti nævner de gyldige
navne og den nærmeste sti,
en fil, der ikke er UTF-8 — giver `ReformFejl` med filen og stedet i filen.
"""

import datetime
import re
from pathlib import Path

import yaml
from openfisca_core.reforms import Reform

from openfisca_dk_jobcenter.model.domaener import kontroller_parametervaerdi, parametertype
from openfisca_dk_jobcenter.model.parametertrae import UkendtParameter, find_parameter, kopi_langs_stier
from openfisca_dk_jobcenter.model.yamlfil import MAX_BYTES, BegrensetLoader, laes_yaml

TILLADTE_NOEGLER = {"navn", "beskrivelse", "parametre"}


class ReformFejl(ValueError):
    """En reformfil, der ikke kan bruges; beskeden nævner filen og stedet."""


class _Loader(BegrensetLoader):
    """YAML uden automatisk datokonvertering: en umulig dato (2026-13-01) skal give vores egen
    fejl med parameterstien, ikke YAML-bibliotekets. Med grænserne mod YAML-bomber."""


_Loader.yaml_implicit_resolvers = {
    tegn: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for tegn, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def laes_reformfil(sti):
    """Læs og valider en reformfil; returnér (navn, {parametersti: [(dato, værdi), ...]})."""
    sti = Path(sti)
    if sti.exists() and not sti.is_file() and not sti.is_dir():
        # /dev/zero blev læst, til hukommelsen slap op; et FIFO ventede for evigt
        raise ReformFejl(f"{sti}: reformfilen er ikke en almindelig fil (en enhed, et FIFO eller en sokkel)")
    if sti.is_file() and sti.stat().st_size > MAX_BYTES:
        raise ReformFejl(f"{sti}: reformfilen er større end {MAX_BYTES} bytes")
    try:
        with open(sti, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # højst grænsen, også hvis filen vokser, mens den læses
        if len(data) > MAX_BYTES:
            raise ReformFejl(f"{sti}: reformfilen er større end {MAX_BYTES} bytes")
        indhold = laes_yaml(data.decode("utf-8"), loader=_Loader)
    except FileNotFoundError:
        raise ReformFejl(f"{sti}: reformfilen findes ikke") from None
    except UnicodeDecodeError as fejl:
        raise ReformFejl(f"{sti}: reformfilen er ikke UTF-8 (byte {fejl.start}); gem den som UTF-8") from None
    except (IsADirectoryError, PermissionError, OSError) as fejl:
        raise ReformFejl(f"{sti}: reformfilen kan ikke læses: {fejl.strerror}") from None
    except yaml.YAMLError as fejl:
        raise ReformFejl(f"{sti}: ikke gyldig YAML: {fejl}") from None
    return reform_fra_dict(indhold, kilde=str(sti))


def reform_fra_dict(indhold, kilde="<reform>"):
    """Validér en reform givet som dict (samme form som filen)."""
    if not isinstance(indhold, dict):
        raise ReformFejl(f"{kilde}: forventede en mapping med 'navn' og 'parametre'")
    ukendte = set(indhold) - TILLADTE_NOEGLER
    if ukendte:
        raise ReformFejl(f"{kilde}: ukendt nøgle {sorted(ukendte)}; tilladt: {sorted(TILLADTE_NOEGLER)}")
    navn = indhold.get("navn") or Path(kilde).stem
    if not isinstance(navn, str | int | float):
        raise ReformFejl(f"{kilde}: 'navn' skal være tekst")
    parametre = indhold.get("parametre")
    if not isinstance(parametre, dict) or not parametre:
        raise ReformFejl(f"{kilde}: 'parametre' skal være en mapping fra parametersti til {{dato: værdi}}")
    aendringer = {}
    for sti, vaerdier in parametre.items():
        if not isinstance(vaerdier, dict) or not vaerdier:
            raise ReformFejl(f"{kilde}: parametre.{sti}: forventede {{dato: værdi}}, fik {vaerdier!r}")
        aendringer[str(sti)] = [
            (_dato(d, f"{kilde}: parametre.{sti}"), _tal(v, f"{kilde}: parametre.{sti}.{d}"))
            for d, v in vaerdier.items()
        ]
    return str(navn), aendringer


def _dato(vaerdi, sted):
    if isinstance(vaerdi, datetime.datetime):
        vaerdi = vaerdi.date()
    if isinstance(vaerdi, datetime.date):
        return vaerdi
    try:
        return datetime.date.fromisoformat(str(vaerdi))
    except ValueError:
        raise ReformFejl(f"{sted}: '{vaerdi}' er ikke en gyldig dato (ÅÅÅÅ-MM-DD)") from None


def _tal(vaerdi, sted):
    """En værdi, der kan være en parameters (tal, sand/falsk, tekst); typen og intervallet for den
    enkelte parameter tjekkes, når parameteren er fundet (`kontroller_aendringer`)."""
    if isinstance(vaerdi, bool | str):
        return vaerdi
    if not isinstance(vaerdi, int | float):
        raise ReformFejl(f"{sted}: værdien {vaerdi!r} er ikke et tal")
    return float(vaerdi)


def kontroller_aendringer(parametre, aendringer, kilde):
    """Hver sti findes, og hver værdi passer til parameterens egen type og interval. Værdierne
    gemmes, som parameteren har dem (1 og 0 til en sand/falsk-parameter bliver true og false)."""
    for sti, vaerdier in aendringer.items():
        parameter = reformens_parameter(parametre, sti, kilde)
        for i, (dato, vaerdi) in enumerate(vaerdier):
            try:
                vaerdier[i] = (dato, kontroller_parametervaerdi(parameter, vaerdi))
            except ValueError as fejl:
                raise ReformFejl(f"{kilde}: parametre.{sti}.{dato.isoformat()}: {fejl}") from None


def variantvaerdier(spec, parameter=None):
    """[(tekst, værdi)] for `sti=v1,v2,...` (`--variant`); adskil med ',' eller ';'.

    Værdien har parameterens type: et tal, sand/falsk (true/false, 1/0, ja/nej) eller en kategoris
    navn (fx `jobrotation.medarbejder.hoejeste_uddannelse=erhvervsuddannelse,lang_videregaaende`).
    '203,17' kan være ét tal med decimalkomma eller to tal: den slags tvetydige lister afvises.
    """
    _, _, vaerdier = spec.partition("=")
    dele = [d.strip() for d in re.split(r"[;,]", vaerdier)]
    type_ = None if parameter is None else parametertype(parameter)
    if type_ in (bool, str):
        resultat = []
        for tekst in dele:
            try:
                resultat.append((tekst, kontroller_parametervaerdi(parameter, tekst)))
            except ValueError as fejl:
                raise ReformFejl(f"--variant '{spec}': {fejl}") from None
        return resultat
    if "," in vaerdier and ";" not in vaerdier and len(dele) == 2 and re.fullmatch(r"\d+,\d{1,3}", vaerdier.strip()):
        a, b = dele
        raise ReformFejl(
            f"--variant '{spec}': '{vaerdier.strip()}' kan være ét tal ({a}.{b}) eller to ({a} og {b}); "
            f"skriv {a}.{b} for ét tal (punktum som decimaltegn) eller '{a};{b}' for to"
        )
    resultat = []
    for tekst in dele:
        try:
            resultat.append((tekst, float(tekst)))
        except ValueError:
            raise ReformFejl(f"--variant '{spec}': '{tekst}' er ikke et tal (decimaltegn: punktum)") from None
    return resultat


def reformens_parameter(parametre, sti, sted="parametre"):
    """Parameteren med punktum-stien `sti`, eller `ReformFejl`, der nævner stedet og stien."""
    try:
        return find_parameter(parametre, sti)
    except UkendtParameter as fejl:
        raise ReformFejl(f"{sted}: {fejl}") from None


def lav_reform(navn, aendringer, kilde="<reform>"):
    """En `Reform`-klasse, der sætter de daterede værdier i `aendringer`."""

    class ReformFraFil(Reform):
        name = navn

        def apply(self):
            # Som core's `modify_parameters`, men kun stierne, reformen ændrer, kopieres
            # (`kopi_langs_stier`); grundlagets træ forbliver urørt.
            kontroller_aendringer(self.baseline.parameters, aendringer, kilde)
            parametre = kopi_langs_stier(self.baseline.parameters, aendringer)
            for sti, vaerdier in aendringer.items():
                parameter = find_parameter(parametre, sti)
                for dato, vaerdi in sorted(vaerdier):
                    parameter.update(start=dato.isoformat(), value=vaerdi)
            self.parameters = parametre
            self._parameters_at_instant_cache = {}

    ReformFraFil.__name__ = "ReformFraFil"
    ReformFraFil.__doc__ = f"Reform '{navn}' fra {kilde}"
    return ReformFraFil


def reform_fra_fil(sti):
    """En `Reform`-klasse fra en YAML-reformfil (se modulets dokumentation)."""
    navn, aendringer = laes_reformfil(sti)
    return lav_reform(navn, aendringer, kilde=str(sti))


def anvend_reformfil(tax_benefit_system, sti):
    """Anvend reformfilen på `tax_benefit_system` og tjek stierne med det samme."""
    navn, aendringer = laes_reformfil(sti)
    kontroller_aendringer(tax_benefit_system.parameters, aendringer, str(sti))
    return lav_reform(navn, aendringer, kilde=str(sti))(tax_benefit_system)
