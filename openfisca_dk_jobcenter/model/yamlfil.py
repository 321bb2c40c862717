"""Pakkens ene sikre YAML-læser: YAML-testene (`yamltest.py`), reformfilerne (`reforms/fra_fil.py`)
og testene læser YAML gennem den.

- kun YAML's egne typer (SafeLoader): et python-tag (`!!python/object/apply:os.system`) er en fejl;
- højst `MAX_BYTES` pr. fil, `MAX_KNUDER` værdier med aliaserne foldet ud og `MAX_ALIASER`
  aliaser: en YAML-bombe (aliaser af aliaser, 417 bytes, der folder ud til GB) standses, mens den
  læses, før nogen folder den ud.
"""

import yaml

MAX_BYTES = 2 * 1024 * 1024
MAX_KNUDER = 200_000
MAX_ALIASER = 1_000


class YamlFejl(yaml.YAMLError):
    """En YAML-fil, der ikke læses: beskeden siger hvorfor."""


_Basis = yaml.SafeLoader  # ren Python: knuder og aliaser kan tælles, før de vokser


class BegrensetLoader(_Basis):
    """SafeLoader med grænser for størrelse, knuder og aliaser (mod YAML-bomber)."""

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
        self._aliaser = 0

    def compose_node(self, parent, index):
        """Tæl værdierne, som strukturen fylder foldet ud (et alias tæller hele sin knude med)."""
        alias = self.check_event(yaml.AliasEvent)
        if alias:
            self._aliaser += 1
            if self._aliaser > MAX_ALIASER:
                raise YamlFejl(f"{self._navn}: mere end {MAX_ALIASER} aliaser (*navn)")
        node = super().compose_node(parent, index)
        if alias:
            return node
        if isinstance(node, yaml.SequenceNode):
            boern = node.value
        elif isinstance(node, yaml.MappingNode):
            boern = [led for par in node.value for led in par]
        else:
            boern = ()
        vaegt = 1 + sum(self._vaegt.get(id(barn), 1) for barn in boern)
        self._vaegt[id(node)] = vaegt
        if vaegt > MAX_KNUDER:
            raise YamlFejl(
                f"{self._navn}: over {MAX_KNUDER} værdier, når aliaserne (*navn) foldes ud; en YAML-bombe?"
            )
        return node


def laes_yaml(tekst_eller_fil, loader=BegrensetLoader):
    """Indholdet af en YAML-tekst eller en åben fil, læst med `loader` (en `BegrensetLoader`)."""
    return yaml.load(tekst_eller_fil, Loader=loader)  # noqa: S506 (SafeLoader-underklasse med grænser)
