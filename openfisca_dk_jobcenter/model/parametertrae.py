"""Gang i parametertræet: det ene sted, formlernes regler, reformfilerne, web-API'et, kildegraderne
og de genererede sider finder en parameter ved sin sti eller parametrene under en knude."""

from openfisca_core.parameters import Parameter


class UkendtParameter(LookupError):
    """En parametersti, der ikke findes i træet (eller er en gruppe, hvor der skal være én parameter)."""


def find_parameter(trae, sti, gruppe=False):
    """Parameteren med stien 'a.b.c' i `trae` — eller med `gruppe=True` også en gruppe af parametre.

    `UkendtParameter` nævner stien og leddet, hvor den stopper, eller at stien er en gruppe.
    """
    node = trae
    for led in str(sti).split("."):
        barn = node.children.get(led) if hasattr(node, "children") else None
        if barn is None:
            raise UkendtParameter(f"ukendt parametersti '{sti}' (stopper ved '{led}')")
        node = barn
    if not gruppe and not isinstance(node, Parameter):
        raise UkendtParameter(f"'{sti}' er en gruppe af parametre, ikke én parameter")
    return node


def alle_parametre(node):
    """Hver parameter med daterede værdier under `node` (eller `node` selv), i navneorden: core
    læser mapperne i filsystemets orden, der skifter fra maskine til maskine."""
    if isinstance(node, Parameter):
        yield node
        return
    for _, barn in sorted(node.children.items()):
        yield from alle_parametre(barn)
