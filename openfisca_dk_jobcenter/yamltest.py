"""YAML-test uden at køre fremmed kode: `dk-jobcenter-test` (og `make test-yaml`).

    dk-jobcenter-test openfisca_dk_jobcenter/tests
    dk-jobcenter-test min_test.yaml --name_filter voksenlærling

tager de samme argumenter som `openfisca test` (landepakken er openfisca_dk_jobcenter, hvis
`--country-package` ikke er givet). Forskellen: openfisca-core 46's testkører læser YAML med
`yaml.CLoader`, der udfører tags som `!!python/object/apply:os.system` (en testfil kan køre
kommandoer), og en YAML-bombe på 417 bytes (aliaser af aliaser) koster GB hukommelse. Her læses
filerne med pakkens sikre YAML-læser (`model/yamlfil.py`: kun YAML's egne typer, grænser for
størrelse, værdier og aliaser), og desuden:
- `reforms:` i en test kun pakkens egne reformer (`openfisca_dk_jobcenter.reforms.…`), og ingen
  `extensions:` (begge importerer Python-moduler ved navn).

Kernens testkører bruges ellers uændret (`openfisca_core.tools.test_runner`); dens modulvariabel
`Loader` er det eneste, der udskiftes. Se docs/sikkerhed.md for forslaget til openfisca-core.
"""

import sys

from openfisca_dk_jobcenter.model.situation import med_egne_virksomheder
from openfisca_dk_jobcenter.model.yamlfil import BegrensetLoader, YamlFejl

TILLADTE_REFORMER = "openfisca_dk_jobcenter.reforms."
PAKKE = "openfisca_dk_jobcenter"
# Fejlen fra en testfil, der ikke kan læses (samme klasse som den sikre YAML-læsers).
YamlTestFejl = YamlFejl


class SikkerLoader(BegrensetLoader):
    """`BegrensetLoader` plus reglerne for en YAML-test (reformer, extensions, egne virksomheder, domæner)."""

    def get_single_data(self):
        data = super().get_single_data()
        for test in data if isinstance(data, list) else [data]:
            kontroller_test(test, self._navn)
        return data


def kontroller_test(test, navn):
    """Ingen `extensions`, `reforms` kun pakkens egne (begge importerer Python ved navn), og en
    person, der ikke er ansat hos nogen af testens virksomheder, får sin egen.

    openfisca-core 46 giver en sådan person en af sine egne, men med en anden virksomheds input
    (docs/sikkerhed.md): testen ville påstå et forkert tal. Derfor skrives `input` om her
    (`situation.med_egne_virksomheder`), før kernen ser det.
    """
    if not isinstance(test, dict):
        return
    inp = test.get("input")
    if isinstance(inp, dict) and "personer" not in inp:
        kontroller_flade_input(inp, navn, test.get("name", ""))
    if isinstance(inp, dict):
        med_egne_virksomheder(inp)
    if test.get("extensions"):
        raise YamlTestFejl(f"{navn}: 'extensions' i en test er ikke tilladt (den importerer Python-kode)")
    reformer = test.get("reforms") or []
    for reform in [reformer] if isinstance(reformer, str) else reformer:
        if not isinstance(reform, str) or not reform.startswith(TILLADTE_REFORMER):
            raise YamlTestFejl(
                f"{navn}: reformen {reform!r} er ikke tilladt; kun pakkens egne ({TILLADTE_REFORMER}…)"
            )


_SYSTEM = []


def _variabler():
    if not _SYSTEM:
        from openfisca_dk_jobcenter import CountryTaxBenefitSystem

        _SYSTEM.append(CountryTaxBenefitSystem())
    return _SYSTEM[0].variables


def kontroller_flade_input(inp, navn, testnavn):
    """Input uden `personer:` går i kernen uden om `Variable.check_set_value` (og tekst til et tal
    regnes ud, før pakken ser den): domænerne tjekkes her i stedet, værdi for værdi."""
    from openfisca_dk_jobcenter.model.domaener import kontroller_vaerdi

    variabler = _variabler()
    for variabelnavn, vaerdier in inp.items():
        variabel = variabler.get(variabelnavn)
        if variabel is None:
            continue  # kernen siger selv, at variablen ikke findes
        perioder = vaerdier if isinstance(vaerdier, dict) else {"": vaerdier}
        for periode, vaerdi in perioder.items():
            for enkelt in vaerdi if isinstance(vaerdi, list) else [vaerdi]:
                if enkelt is None:
                    continue
                try:
                    kontroller_vaerdi(variabel, enkelt)
                except ValueError as fejl:
                    sted = f"{variabelnavn}{f' ({periode})' if periode else ''}"
                    raise YamlTestFejl(f"{navn}: testen '{testnavn}': input {sted}: {fejl}") from None


def brug_sikker_loader():
    """Udskift openfisca-core's test-loader (modulvariablen `Loader`) med `SikkerLoader`."""
    from openfisca_core.tools import test_runner

    if not hasattr(test_runner, "Loader") or not hasattr(test_runner, "yaml"):
        raise RuntimeError("openfisca_core.tools.test_runner har ikke længere en modulvariabel 'Loader'")
    test_runner.Loader = SikkerLoader
    return test_runner


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--in-parallel" in argv or "-p" in argv:
        # Kernen starter nye Python-processer med sin egen loader: ikke sikkert.
        print("dk-jobcenter-test: --in-parallel understøttes ikke (arbejderne ville læse usikkert)", file=sys.stderr)
        return 2
    if not any(a in ("-c", "--country-package") or a.startswith("--country-package=") for a in argv):
        argv = ["--country-package", PAKKE, *argv]
    brug_sikker_loader()
    from openfisca_core.scripts import openfisca_command

    sys.argv = ["openfisca", "test", *argv]
    try:
        return openfisca_command.main()
    except SystemExit as slut:
        return slut.code


if __name__ == "__main__":
    sys.exit(main())
