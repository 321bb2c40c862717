"""Gang i parametertræet: det ene sted, datoreglerne, kildegradstestene og de genererede sider
finder parametrene under en knude."""

from openfisca_core.parameters import Parameter


def alle_parametre(node):
    """Hver parameter med daterede værdier under `node` (eller `node` selv), i navneorden: core
    læser mapperne i filsystemets orden, der skifter fra maskine til maskine."""
    if isinstance(node, Parameter):
        yield node
        return
    for _, barn in sorted(node.children.items()):
        yield from alle_parametre(barn)


def knude(trae, sti):
    """Knuden med stien 'a.b.c' i `trae`."""
    for navn in sti.split("."):
        trae = trae.children[navn]
    return trae
