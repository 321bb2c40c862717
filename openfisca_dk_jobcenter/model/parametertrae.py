"""Gang i parametertræet: det ene sted, formlernes regler, reformfilerne, web-API'et, kildegraderne
og de genererede sider finder en parameter ved sin sti eller parametrene under en knude."""

import copy
import difflib

from openfisca_core.parameters import Parameter


class UkendtParameter(LookupError):
    """En parametersti, der ikke findes i træet (eller er en gruppe, hvor der skal være én parameter).

    Hjælpen ("mente du …?") skrives først, når beskeden vises: mange kald (kildegrader, forbehold)
    spørger efter en sti, der måske ikke findes, og vil kun have svaret nej."""

    def __init__(self, besked, hjaelp=None):
        super().__init__(besked)
        self._hjaelp = hjaelp

    def __str__(self):
        besked = super().__str__()
        return f"{besked}; {self._hjaelp()}" if self._hjaelp else besked


def find_parameter(trae, sti, gruppe=False):
    """Parameteren med stien 'a.b.c' i `trae` — eller med `gruppe=True` også en gruppe af parametre.

    `UkendtParameter` nævner stien og leddet, hvor den stopper, eller at stien er en gruppe, de
    gyldige navne der, og den nærmeste gyldige sti ("mente du …?").
    """
    node = trae
    gaaet = []
    for led in str(sti).split("."):
        barn = node.children.get(led) if hasattr(node, "children") else None
        if barn is None:
            raise UkendtParameter(
                f"ukendt parametersti '{sti}' (stopper ved '{led}')",
                lambda node=node, gaaet=list(gaaet): _hjaelp(trae, sti, node, gaaet),
            )
        gaaet.append(led)
        node = barn
    if not gruppe and not isinstance(node, Parameter):
        raise UkendtParameter(
            f"'{sti}' er en gruppe af parametre, ikke én parameter", lambda: _hjaelp(trae, sti, node, gaaet)
        )
    return node


def kopi_langs_stier(trae, stier):
    """`trae` med en ny knude for hvert led af hver sti i `stier` og en ny parameter for enden;
    resten deles med `trae`. En reform, der ændrer få parametre, skal så ikke kopiere hele træet
    (core's `Reform.modify_parameters` kopierer det dybt: ca. 0,1 s pr. reform, og en kørsel med
    varianter og de antagne satsers høje ende laver mange). Det er sikkert, fordi
    `Parameter.update` lægger en ny `values_list` i parameteren i stedet for at ændre den gamle, og
    en parameters værdier (`ParameterAtInstant`) ændres aldrig, efter træet er læst."""
    rod = _flad_kopi(trae)
    kopierede = {id(rod)}
    for sti in stier:
        find_parameter(trae, sti)  # en ukendt sti eller en gruppe: `UkendtParameter`, som ved opslag
        node = rod
        for led in str(sti).split("."):
            barn = node.children[led]
            if id(barn) not in kopierede:
                barn = _flad_kopi(barn)
                kopierede.add(id(barn))
                node.children[led] = barn
                setattr(node, led, barn)  # core når børnene både som `children[navn]` og `.navn`
            node = barn
    return rod


def _flad_kopi(node):
    ny = copy.copy(node)
    if hasattr(node, "children"):
        ny.children = dict(node.children)
    if isinstance(node, Parameter):
        ny.values_list = list(node.values_list)
    return ny


def _hjaelp(trae, sti, node, gaaet):
    """'gyldige under 'a.b': x, y; mente du 'a.b.x'?' — til en sti, der ikke er én parameter."""
    sted = ".".join(gaaet) or "parameters"
    boern = sorted(node.children) if hasattr(node, "children") else []
    hjaelp = f"gyldige under '{sted}': {', '.join(boern)}" if boern else f"'{sted}' er én parameter"
    stier = [p.name for p in alle_parametre(trae)]
    naermeste = difflib.get_close_matches(str(sti), stier, n=1, cutoff=0.5)
    if not naermeste:
        naermeste = [p for p in stier if p.startswith(sted + ".")][:1]
    return hjaelp + (f"; mente du '{naermeste[0]}'?" if naermeste else "")


def alle_parametre(node):
    """Hver parameter med daterede værdier under `node` (eller `node` selv), i navneorden: core
    læser mapperne i filsystemets orden, der skifter fra maskine til maskine."""
    if isinstance(node, Parameter):
        yield node
        return
    for _, barn in sorted(node.children.items()):
        yield from alle_parametre(barn)
