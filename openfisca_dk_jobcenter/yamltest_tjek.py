"""Juristernes fejl i en YAML-test som én dansk besked, før kernen regner (`dk-jobcenter-test`).

openfisca-core 46's testkører svarer på en tastefejl med sine egne indre dele: et ukendt
enum-navn i input gav 1.837 linjer kildekode, `period: 2026` for en månedsvariabel 962 linjer, et
forkert stavet variabelnavn "Simulation should be properly initialized" eller et link til et
repository, der ikke findes, og et forkert forventet enum-navn kun "['ingen'] differs from …".

`tjek_test` ser testen igennem, før kernen bygger simuleringen, og giver én besked, der nævner
filen, testen, variablen, de gyldige værdier og det nærmeste navn ("mente du …?"):
- et navn i `input` eller `output`, der hverken er en variabel, en entitet eller en rolle;
- en enum-værdi (i `input` eller `output`), der ikke er en af variablens;
- en `period`, variablen i `output` ikke kan beregnes for (et år for en månedsvariabel).
`DanskYamlItem` er kernens `YamlItem` med tjekket først og en kort besked (ingen traceback) for
enhver anden fejl, testen ikke selv er skyld i.
"""

import difflib

from openfisca_core import periods
from openfisca_core.indexed_enums import Enum

ENHED = {"month": ("én måned", "2026-02"), "year": ("ét år", "2026"), "day": ("én dag", "2026-02-01")}


class TestFejl(Exception):
    """En test, der ikke kan køres som skrevet; beskeden er til juristen."""


def naermeste(navn, muligheder):
    forslag = difflib.get_close_matches(str(navn), list(muligheder), n=1, cutoff=0.6)
    return f"; mente du '{forslag[0]}'?" if forslag else ""


def _vaerdier(vaerdi):
    """Enkeltværdierne i en inputværdi: tal, liste (flere personer) eller {periode: værdi}."""
    if isinstance(vaerdi, dict):
        for v in vaerdi.values():
            yield from _vaerdier(v)
    elif isinstance(vaerdi, list):
        for v in vaerdi:
            yield from _vaerdier(v)
    else:
        yield vaerdi


class Tjek:
    def __init__(self, tbs, fil, test):
        self.tbs = tbs
        self.fil = fil
        self.test = test
        self.variabler = tbs.variables
        self.entiteter = {e.plural: e for e in tbs.entities}
        self.entalsformer = {e.key for e in tbs.entities}
        self.roller = {r.plural or r.key for e in tbs.entities if not e.is_person for r in e.roles}

    def fejl(self, hvor, besked):
        return TestFejl(f"{self.fil}: testen '{self.test.name}': {hvor}: {besked}")

    def variabel(self, hvor, navn, kendt_ellers=()):
        variabel = self.variabler.get(navn)
        if variabel is None and navn not in kendt_ellers:
            alle = [*self.variabler, *kendt_ellers]
            raise self.fejl(hvor, f"'{navn}' er ikke en variabel i openfisca-dk-jobcenter{naermeste(navn, alle)} "
                                  "(alle navne: docs/ordforraad.md)")
        return variabel

    def enum_vaerdier(self, hvor, variabel, vaerdi):
        if variabel is None or variabel.value_type is not Enum:
            return
        mulige = [m.name for m in variabel.possible_values]
        for enkelt in _vaerdier(vaerdi):
            if enkelt is None or enkelt in mulige:
                continue
            raise self.fejl(
                hvor,
                f"'{enkelt}' er ikke en af værdierne for '{variabel.name}' ({', '.join(mulige)})"
                f"{naermeste(enkelt, mulige)}",
            )

    def periode(self, hvor, variabel, vaerdi):
        """En forventet værdi uden egne perioder beregnes for testens `period`."""
        if variabel is None or isinstance(vaerdi, dict) or self.test.period is None:
            return
        enhed = variabel.definition_period
        if enhed == periods.DateUnit.ETERNITY:
            return
        try:
            periode = periods.period(str(self.test.period))
        except (ValueError, TypeError, AttributeError, KeyError):
            raise self.fejl("period", f"'{self.test.period}' er ikke en periode; skriv fx 2026-02 eller 2026") from None
        if periode.unit != enhed or periode.size != 1:
            hvor_lang, eksempel = ENHED.get(str(enhed), (str(enhed), ""))
            raise self.fejl(
                hvor,
                f"'{variabel.name}' beregnes for {hvor_lang} ad gangen, men testens period er {self.test.period}; "
                f"skriv period: {eksempel}, eller giv den forventede værdi pr. periode, fx "
                f"{variabel.name}: {{{eksempel}: …}}",
            )

    def input(self):
        inp = self.test.input or {}
        if any(noegle in self.entiteter for noegle in inp):
            for flertal, instanser in inp.items():
                if flertal not in self.entiteter:
                    raise self.fejl(f"input: {flertal}", f"'{flertal}' er ikke en entitet ({', '.join(self.entiteter)})"
                                                         f"{naermeste(flertal, self.entiteter)}")
                for ident, variabler in (instanser or {}).items():
                    for navn, vaerdi in (variabler or {}).items():
                        hvor = f"input: {flertal}: {ident}: {navn}"
                        variabel = self.variabel(hvor, navn, self.roller)
                        self.enum_vaerdier(hvor, variabel, vaerdi)
            return
        for navn, vaerdi in inp.items():
            variabel = self.variabel(f"input: {navn}", navn)
            self.enum_vaerdier(f"input: {navn}", variabel, vaerdi)

    def output(self):
        for noegle, vaerdi in (self.test.output or {}).items():
            if noegle in self.entiteter and isinstance(vaerdi, dict):
                for ident, variabler in vaerdi.items():
                    for navn, v in (variabler or {}).items():
                        self.en_output(f"output: {noegle}: {ident}: {navn}", navn, v)
            elif noegle in self.entalsformer and isinstance(vaerdi, dict):
                for navn, v in vaerdi.items():
                    self.en_output(f"output: {noegle}: {navn}", navn, v)
            else:
                self.en_output(f"output: {noegle}", noegle, vaerdi)

    def en_output(self, hvor, navn, vaerdi):
        variabel = self.variabel(hvor, navn, [*self.entiteter, *self.entalsformer])
        self.enum_vaerdier(hvor, variabel, vaerdi)
        self.periode(hvor, variabel, vaerdi)


def tjek_test(tbs, fil, test):
    """Rejser TestFejl med én dansk besked, hvis testen (kernens `Test`) ikke kan køres som skrevet.
    Med `reforms` kan en reform tilføje variabler: kun kendte navne tjekkes da."""
    tjek = Tjek(tbs, fil, test)
    if test.reforms:
        tjek.variabel = lambda hvor, navn, kendt_ellers=(): tjek.variabler.get(navn)
    tjek.input()
    tjek.output()


def dansk_yaml_item(test_runner):
    """Kernens `YamlItem` med `tjek_test` først og en kort dansk besked uden traceback."""

    class DanskYamlItem(test_runner.YamlItem):
        def runtest(self):
            self.name = self.test.name
            tjek_test(self.baseline_tax_benefit_system, self.path, self.test)
            super().runtest()

        def repr_failure(self, excinfo):
            if isinstance(excinfo.value, TestFejl):
                return str(excinfo.value)
            if isinstance(excinfo.value, AssertionError | test_runner.VariableNotFound | test_runner.SituationParsingError):
                return super().repr_failure(excinfo)
            besked = str(excinfo.value).split("\n\nUnexpected error raised while parsing")[0].strip()
            return (f"{self.path}: testen '{self.name}': kunne ikke køres: {type(excinfo.value.__cause__ or excinfo.value).__name__}: "
                    f"{besked}")

    return DanskYamlItem
