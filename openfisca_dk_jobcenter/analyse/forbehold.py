"""Forbehold: de parameterværdier, en beregning hviler på, som ikke er verificeret.

For det simulerede år: hver parameterværdi i kraft, som en ordning med et beløb (eller, for en
ordning uden kroner, med deltagere) brugte, og hvis `kildegrad` er `sekundaer` eller `antaget`,
med ordningen, værdien, datoen den gælder fra og kilden.

Hvilke parametre en ordning brugte, findes ved at køre ordningens beløbsvariabel med OpenFiscas
tracer på en lille stikprøve af befolkningen (virksomheder med ordningernes deltagere først):
traceren noterer hver parameter, formlerne læser, og på hvilken dato — også en regel, der læses
på forløbets første dag. Ingen håndskrevet liste.
"""

import numpy
import pandas

from openfisca_dk_jobcenter.befolkning.beregning import valgte_maaneder
from openfisca_dk_jobcenter.befolkning.model import Befolkning
from openfisca_dk_jobcenter.befolkning.simulering import byg_simulering
from openfisca_dk_jobcenter.model import kildegrad
from openfisca_dk_jobcenter.model.datoer import IKKE_OPLYST
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER
from openfisca_dk_jobcenter.model.parametertrae import UkendtParameter, find_parameter

USIKRE = ("sekundaer", "antaget")
KOLONNER = ["aar", "ordning", "parameter", "beskrivelse", "vaerdi", "enhed", "gaelder_fra", "kildegrad", "kilde"]
STIKPROEVE_PERSONER = 3_000


def brugte_parametre(system, befolkning, aar, maaneds_numre=None, stikproeve=STIKPROEVE_PERSONER):
    """{ordningsnøgle: {(parametersti, dato)}} for ordningernes beløbsvariabler (og
    `antal`-variabler), kørt med tracer på en stikprøve af `befolkning`."""
    udsnit = _stikproeve(befolkning, stikproeve)
    udsnit = udsnit.i_aaret(aar)
    simulation = byg_simulering(system, udsnit)
    simulation.trace = True
    brugt = {}
    for o in ORDNINGER:
        foer = len(simulation.tracer.trees)
        for maaned in valgte_maaneder(aar, maaneds_numre):
            simulation.calculate(o.tilskud, maaned)
            if o.antal:
                simulation.calculate(o.antal, maaned)
        brugt[o.noegle] = {(p.name, str(p.period)) for tre in simulation.tracer.trees[foer:] for p in _parametre(tre)}
    return brugt


def _parametre(node):
    yield from node.parameters
    for barn in node.children:
        yield from _parametre(barn)


def _stikproeve(befolkning, antal):
    """Hele virksomheder med hver ordnings deltagere (personer med timer, uger eller kroner i et
    af ordningens månedsinput eller en oplyst dato i et af dens datoinput, og virksomheder med et
    sandt virksomhedsinput, fx et godkendt projekt; input genkendes på ordningens nøgle), de
    mindste først, op til ca. `antal` personer i alt, plus de første virksomheder: så også en
    sjælden ordnings regler spores. En iterator af blokke giver sin første blok.

    En virksomhed, der alene er større end sin andel af stikprøven (egne data: 3.000 ansatte hos
    én arbejdsgiver), bidrager med sine første deltagere (og første personer) i stedet for at
    falde ud: stikprøven er aldrig tom, og dens størrelse følger `antal`, ikke virksomhederne."""
    if not isinstance(befolkning, Befolkning):
        befolkning = next(iter(befolkning))
    if befolkning.antal_personer <= antal:
        return befolkning
    stoerrelse = numpy.bincount(befolkning.person_virksomhed, minlength=befolkning.antal_virksomheder)
    pr_ordning = max(antal // (len(ORDNINGER) + 1), 1)
    valgt_v = numpy.zeros(befolkning.antal_virksomheder, dtype=bool)
    valgt_p = numpy.zeros(befolkning.antal_personer, dtype=bool)
    foerste = numpy.flatnonzero(numpy.cumsum(stoerrelse) <= pr_ordning)
    if foerste.size:
        valgt_v[foerste] = True
    else:
        valgt_p[:pr_ordning] = True  # personerne står sorteret efter virksomhed
    for o in ORDNINGER:
        aktiv_p, aktiv_v = aktivitet(befolkning, o.noegle)
        kandidater = numpy.flatnonzero(aktiv_v)
        kandidater = kandidater[numpy.argsort(stoerrelse[kandidater], kind="stable")]
        hele = kandidater[numpy.cumsum(stoerrelse[kandidater]) <= pr_ordning]
        if hele.size:
            valgt_v[hele] = True
        elif kandidater.size:
            # Den mindste aktive virksomhed er for stor: dens første deltagere, ellers dens
            # første personer (en virksomhedsordning som jobrotation kan være aktiv uden dem).
            i_den = befolkning.person_virksomhed == kandidater[0]
            maal = i_den & aktiv_p if (i_den & aktiv_p).any() else i_den
            valgt_p[numpy.flatnonzero(maal)[:pr_ordning]] = True
    valgt_p |= valgt_v[befolkning.person_virksomhed]
    return befolkning.vaelg_personer(valgt_p)


def sidste_dag(aar, maaneds_numre=None):
    """Den sidste dag (ÅÅÅÅ-MM-DD) i kørslens sidste valgte måned."""
    return str(valgte_maaneder(aar, maaneds_numre)[-1].stop)


def aktivitet(befolkning, noegle):
    """(personer, virksomheder) med ordningen `noegle`'s egne input sat: timer, uger eller kroner
    ≠ 0 i et månedsinput eller en oplyst dato i et datoinput (input genkendes på ordningens
    nøgle), og virksomheder med et sandt virksomhedsinput (fx et godkendt projekt) eller en
    aktiv person. Uden sådanne input giver ordningen hverken kroner eller deltagere."""
    aktiv_p = numpy.zeros(befolkning.antal_personer, dtype=bool)
    for navn, v in befolkning.personer_maaned.items():
        if navn.startswith(f"{noegle}_") and v.dtype.kind in "fiu":
            aktiv_p |= (v != 0).any(axis=0)
    for navn, v in befolkning.personer.items():
        if navn.startswith(f"{noegle}_") and v.dtype.kind == "M":
            aktiv_p |= v != numpy.datetime64(IKKE_OPLYST)
        elif navn.startswith(f"{noegle}_") and v.dtype.kind in "fiu":
            aktiv_p |= v != 0
    aktiv_v = numpy.zeros(befolkning.antal_virksomheder, dtype=bool)
    aktiv_v[befolkning.person_virksomhed[aktiv_p]] = True
    for navn, v in befolkning.virksomheder.items():
        if navn.startswith(f"{noegle}_") and v.dtype.kind == "b":
            aktiv_v |= v
    return aktiv_p, aktiv_v


def vaerdi_i_kraft(parameter, dato):
    """(værdi, gælder fra, metadata, kilde) for værdien i kraft på `dato` (ÅÅÅÅ-MM-DD)."""
    v = kildegrad.vaerdi_i_kraft(parameter, dato)
    if v is None or v.value is None:
        return None
    # Værdiens egen `reference` (OpenFisca lægger den i værdiens metadata), ellers parameterens.
    kilde = v.metadata.get("reference") or parameter.metadata.get("reference") or ""
    return v.value, v.instant_str, v.metadata, _kilde_tekst(kilde)


def _kilde_tekst(kilde):
    if isinstance(kilde, dict):
        kilde = list(kilde.values())
    if isinstance(kilde, (list, tuple)):
        return " ; ".join(str(k.get("href", k) if isinstance(k, dict) else k) for k in kilde)
    return str(kilde)


def forbehold(system, befolkning, aar, aktive_ordninger=None, maaneds_numre=None, stikproeve=STIKPROEVE_PERSONER):
    """Forbeholdstabellen (DataFrame med `KOLONNER`) for `aar`.

    `aktive_ordninger`: nøglerne på ordninger med et beløb ≠ 0 (eller deltagere) i kørslen;
    None: alle. En værdi uden `kildegrad` (fx en reforms egen værdi) er analytikerens antagelse
    og står ikke her.
    """
    brugt = brugte_parametre(system, befolkning, aar, maaneds_numre, stikproeve)
    sidste = sidste_dag(aar, maaneds_numre)
    navne = {o.noegle: o.navn for o in ORDNINGER}
    raekker = []
    for noegle, par in brugt.items():
        if aktive_ordninger is not None and noegle not in aktive_ordninger:
            continue
        for sti, dato in sorted(par):
            if dato > sidste:
                # En formel kan regne en senere regelversion med (fx 1. januar 2027), men ingen
                # person i kørslen får den: et forløb, der begynder efter kørslens sidste dag,
                # er ikke i kørslen. Kun værdier i kraft på en dato, kørslen læser, er forbehold.
                continue
            parameter = _find(system.parameters, sti)
            if parameter is None:
                continue
            i_kraft = vaerdi_i_kraft(parameter, dato)
            if i_kraft is None:
                continue
            vaerdi, fra, metadata, kilde = i_kraft
            grad = (metadata or {}).get("kildegrad")
            if grad not in USIKRE:
                continue
            raekker.append({
                "aar": aar, "ordning": navne[noegle], "parameter": sti,
                "beskrivelse": parameter.description or "", "vaerdi": vaerdi,
                "enhed": parameter.metadata.get("unit", ""), "gaelder_fra": fra,
                "kildegrad": grad, "kilde": kilde,
            })
    tabel = pandas.DataFrame(raekker, columns=KOLONNER)
    return tabel.drop_duplicates(subset=["ordning", "parameter", "gaelder_fra"]).reset_index(drop=True)


forbehold_tabel = forbehold  # navnet i `openfisca_dk_jobcenter.analyse` (modulet hedder forbehold)


def _find(parametre, sti):
    try:
        return find_parameter(parametre, sti)
    except UkendtParameter:
        return None


def aktive(pr_ordning):
    """Nøglerne på ordninger med kroner ≠ 0 eller deltagere i grundlaget eller en reform."""
    navn_til_noegle = {o.navn: o.noegle for o in ORDNINGER}
    tabel = pr_ordning[pr_ordning["ordning"].isin(navn_til_noegle)]
    aktiv = (
        (tabel["grundlag_kr"].abs() > 0) | (tabel["reform_kr"].abs() > 0)
        | (tabel["modtagere_grundlag"].fillna(0) > 0) | (tabel["modtagere_reform"].fillna(0) > 0)
    )
    return {navn_til_noegle[n] for n in tabel.loc[aktiv.to_numpy(), "ordning"]}


__all__ = ["aktive", "brugte_parametre", "forbehold", "forbehold_tabel"]
