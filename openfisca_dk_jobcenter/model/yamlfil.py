"""Pakkens ene sikre YAML-læser: YAML-testene (`yamltest.py`), reformfilerne (`reforms/fra_fil.py`)
og testene læser YAML gennem den.

- kun YAML's egne typer (SafeLoader): et python-tag (`!!python/object/apply:os.system`) er en fejl;
- grænserne gælder det, en bombe har, og en ægte fil ikke har: højst `MAX_UDFOLDET` værdier lagt
  til af aliaser (`*navn`; en bombe af aliaser af aliaser, 417 bytes, der folder ud til GB,
  standses, mens den læses, før nogen folder den ud), højst `MAX_KNUDER` værdier i filen og
  `MAX_BYTES` bytes (en ægte testfil på 2 MiB med 37.000 tests har ca. 400.000 værdier og læses),
  højst `MAX_DYBDE` lag.
"""

import yaml

MAX_BYTES = 8 * 1024 * 1024  # en ægte testfil på 2 MiB (37.000 tests) skal kunne læses
MAX_KNUDER = 1_000_000  # værdier, som de står i filen (PyYAML bruger ca. 0,5 KB pr. knude, mens den læser)
MAX_UDFOLDET = 1_000_000  # værdier, aliaserne lægger til, når de foldes ud (en bombe: milliarder)
MAX_DYBDE = 200  # lag af lister og objekter (50.000 '[' gav RecursionError)


class YamlFejl(yaml.YAMLError):
    """En YAML-fil, der ikke læses: beskeden siger hvorfor."""


try:
    from yaml._yaml import CParser

    class _Basis(yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """SafeLoader med libyaml's parser (4× hurtigere på en stor fil) og Pythons composer, så
        knuder og aliaser stadig tælles her, før de vokser (CSafeLoader komponerer i C)."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

except ImportError:  # PyYAML uden libyaml
    _Basis = yaml.SafeLoader


class BegrensetLoader(_Basis):
    """SafeLoader med grænser for størrelse, knuder og aliaser (mod YAML-bomber); også til reformfiler."""

    def __init__(self, stream):
        if hasattr(stream, "read"):
            tekst = stream.read(MAX_BYTES + 1)
            navn = getattr(stream, "name", "<yaml>")
        else:
            tekst, navn = stream, "<yaml>"
        if len(tekst) > MAX_BYTES:
            raise YamlFejl(f"{navn}: filen er større end {MAX_BYTES} bytes")
        super().__init__(tekst)
        self._navn = navn
        self._vaegt = {}
        self._knuder = 0
        self._udfoldet = 0
        self._dybde = 0

    def compose_node(self, parent, index):
        """Tæl værdierne i filen og dem, aliaserne lægger til (et alias tæller hele sin knude med)."""
        if self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self._udfoldet += self._vaegt.get(id(node), 1)
            if self._udfoldet > MAX_UDFOLDET:
                raise YamlFejl(
                    f"{self._navn}: aliaserne (*navn) lægger over {MAX_UDFOLDET} værdier til, når de foldes ud; "
                    "en YAML-bombe?"
                )
            return node
        self._knuder += 1
        if self._knuder > MAX_KNUDER:
            raise YamlFejl(f"{self._navn}: over {MAX_KNUDER} værdier i én fil; del den op")
        self._dybde += 1
        if self._dybde > MAX_DYBDE:
            raise YamlFejl(f"{self._navn}: lister og objekter er indlejret mere end {MAX_DYBDE} lag")
        try:
            node = super().compose_node(parent, index)
        finally:
            self._dybde -= 1
        if isinstance(node, yaml.SequenceNode):
            boern = node.value
        elif isinstance(node, yaml.MappingNode):
            boern = [led for par in node.value for led in par]
        else:
            return node
        # vægten (værdier med aliaserne foldet ud) huskes kun for samlinger: et alias til en skalar er 1
        self._vaegt[id(node)] = 1 + sum(self._vaegt.get(id(barn), 1) for barn in boern)
        return node


def laes_yaml(tekst_eller_fil, loader=BegrensetLoader):
    """Indholdet af en YAML-tekst eller en åben fil, læst med `loader` (en `BegrensetLoader`)."""
    return yaml.load(tekst_eller_fil, Loader=loader)  # noqa: S506 (SafeLoader-underklasse med grænser)
