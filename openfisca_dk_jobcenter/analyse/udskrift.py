"""Skriv en kørsels resultater: tekst, CSV, JSON, forbehold og diagrammer, år for år.

Hver tabel bærer år, befolkning, rækker og vægtede personer (kolonner i CSV, `koersel` i JSON,
overskrift i teksten og diagrammernes titler). Kroner står i øre, antal som hele tal.
"""

import json

import pandas

from openfisca_dk_jobcenter.analyse import diagrammer
from openfisca_dk_jobcenter.analyse.atomisk import atomisk_mappe
from openfisca_dk_jobcenter.analyse.forbehold import KOLONNER as FORBEHOLD_KOLONNER
from openfisca_dk_jobcenter.analyse.sammenligning import RAEKKER
from openfisca_dk_jobcenter.analyse.skriv import skriv_csv, skriv_tekst
from openfisca_dk_jobcenter.analyse.tabel import (
    FAA_RAEKKER,
    antal,
    formater,
    formater_aarsserie,
    formater_forbehold,
    formater_varianter,
    overskrift,
    raekker_bag,
)
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

METADATA = ["aar", "befolkning", "raekker", "vaegtede_personer"]  # CSV-kolonner foran hver tabel


def uden_kroner():
    """Ordninger, der tælles i deltagere, ikke kroner (fx virksomhedspraktik)."""
    return {o.navn for o in ORDNINGER if o.antal}


def virksomhedsordninger():
    return [o.navn for o in ORDNINGER if o.entitet != "person"]


def _med_metadata(tabel, koersel):
    tabel = tabel.copy()
    for i, k in enumerate(METADATA):
        tabel.insert(i, k, koersel[k])
    return tabel


def _json(ramme):
    return json.loads(ramme.to_json(orient="records", force_ascii=False))


def _json_med_intervaller(ramme):
    """Rækkerne med hver totals interval som `<total>_95: [nedre, oevre]` (i stedet for CSV'ens
    to kolonner) og `faa_raekker` (sand, når totalen hviler på under `FAA_RAEKKER` rækker)."""
    raekker = []
    for r in _json(ramme):
        ny = {}
        for k, v in r.items():
            if k.endswith("_95_nedre"):
                ny[k.removesuffix("_nedre")] = [v, r[k.replace("_nedre", "_oevre")]]
            elif k.endswith("_antaget_lav"):
                ny[k.removesuffix("_lav")] = [v, r[k.replace("_lav", "_hoej")]]
            elif not k.endswith(("_95_oevre", "_antaget_hoej")):
                ny[k] = v
        if r.get("ordning") != "I alt":
            n = max((r.get(k) or 0) for k in RAEKKER)
            ny["faa_raekker"] = n < FAA_RAEKKER
        raekker.append(ny)
    return raekker


def advarsler(pr_ordning):
    """'Få rækker'-advarslerne for kørslens ordninger (én pr. ordning, med antallet)."""
    tekster = {}
    for _, r in pr_ordning[pr_ordning["ordning"] != "I alt"].iterrows():
        n = raekker_bag(r)
        if n is not None and n < FAA_RAEKKER:
            tekster[r["ordning"]] = (
                f"{r['ordning']}: totalen hviler på {antal(n)} {'række' if n == 1 else 'rækker'} (under {FAA_RAEKKER}); "
                "tallet er usikkert"
            )
    return list(tekster.values())


def skriv_alt(ud, resultater, system, maaneds_numre, maaneder_tekst, sekunder):
    """Alt beregnes og formateres, før den første fil skrives."""
    tekster, tabeller, forbehold, json_aar = [], {}, [], []
    for r in resultater:
        k = {**r.resultat.koersel, "maaneder": maaneds_numre}
        variantnavne = {n for _, vaerdier in r.varianter for n in vaerdier}
        pr_ordning = r.resultat.pr_ordning
        tekst = f"{overskrift(k)} · måneder {maaneder_tekst}\n\n"
        tekst += formater(pr_ordning[~pr_ordning["reform"].isin(variantnavne)], sorted(uden_kroner()), virksomhedsordninger(),
                          k.get("interval", ""), k.get("antagne_satser", ()))
        for sti, vaerdier in r.varianter:
            tekst += "\n" + formater_varianter(pr_ordning, sti, vaerdier, _beskrivelse(system, sti))
        tekst += "\n" + formater_forbehold(r.forbehold)
        tekster.append(tekst)
        for navn, ramme in (
            ("sammenligning", pr_ordning),
            ("detaljer", r.resultat.pr("reform", "ordning", "sektor", "maalgruppe")),
            ("pr_sektor", r.resultat.pr("reform", "ordning", "sektor")),
            ("pr_maalgruppe", r.resultat.pr("reform", "ordning", "maalgruppe")),
            ("virksomheder", r.resultat.virksomheder_afrundet),
        ):
            tabeller.setdefault(navn, []).append(_med_metadata(ramme, k))
        forbehold.append(r.forbehold)
        json_aar.append({"koersel": k, "pr_ordning": _json_med_intervaller(pr_ordning),
                         "advarsler": advarsler(pr_ordning),
                         "virksomheder": _json(r.resultat.virksomheder_afrundet), "forbehold": _json(r.forbehold)})
    samlet = {navn: pandas.concat(dele, ignore_index=True) for navn, dele in tabeller.items()}
    forbehold_tabel = pandas.concat(forbehold, ignore_index=True) if forbehold else pandas.DataFrame(columns=FORBEHOLD_KOLONNER)
    serie = samlet["sammenligning"]
    flere_aar = len(resultater) > 1
    tekst = "\n".join(tekster)
    if flere_aar:
        tekst += "\n" + formater_aarsserie(serie[~serie["reform"].isin(_alle_variantnavne(resultater))])
    tekst += f"\n({sekunder:.1f} s)\n"
    print(tekst)

    # Hele sættet i en midlertidig mappe, der byttes ind til sidst (analyse/atomisk.py).
    with atomisk_mappe(ud) as midlertidig:
        filer = _skriv_saet(midlertidig, tekst, samlet, forbehold_tabel, serie, flere_aar, json_aar, sekunder, resultater, system)
    print(f"Skrevet i {ud}/: {', '.join(filer)}")


def _skriv_saet(ud, tekst, samlet, forbehold_tabel, serie, flere_aar, json_aar, sekunder, resultater, system):
    """Skriv sættet af filer i mappen `ud`; returnér filnavnene."""
    filer = []
    skriv_tekst(tekst, ud / "sammenligning.txt")
    filer.append("sammenligning.txt")
    for navn, ramme in samlet.items():
        skriv_csv(ramme, ud / f"{navn}.csv")
        filer.append(f"{navn}.csv")
    skriv_csv(forbehold_tabel, ud / "forbehold.csv")
    filer.append("forbehold.csv")
    if flere_aar:
        kolonner = ["aar", "reform", "ordning", "grundlag_kr", "reform_kr", "forskel_kr", "modtagere_grundlag", "modtagere_reform"]
        kolonner += [f"{k}_95_{side}" for k in kolonner[3:] for side in ("nedre", "oevre")] + ["raekker_grundlag", "raekker_reform"]
        skriv_csv(serie[kolonner], ud / "aarsserie.csv")
        filer.append("aarsserie.csv")
    skriv_tekst(json.dumps({"aar": json_aar, "sekunder": round(sekunder, 1)}, ensure_ascii=False, indent=2), ud / "sammenligning.json")
    filer.append("sammenligning.json")
    return filer + _diagrammer(ud, resultater, system)


def _alle_variantnavne(resultater):
    return {n for r in resultater for _, vaerdier in r.varianter for n in vaerdier}


def _beskrivelse(system, sti):
    from openfisca_dk_jobcenter.analyse.forbehold import _find

    parameter = _find(system.parameters, sti)
    return parameter.description if parameter is not None and parameter.description else ""


def _diagrammer(ud, resultater, system):
    filer = []
    flere_aar = len(resultater) > 1
    for r in resultater:
        endelse = f"_{r.aar}" if flere_aar else ""
        tabel = r.resultat.pr_ordning
        variantnavne = {n for _, vaerdier in r.varianter for n in vaerdier}
        kun_reformer = tabel[~tabel["reform"].isin(variantnavne)]
        navn = f"udgift_pr_ordning{endelse}.png"
        diagrammer.udgift_pr_ordning(kun_reformer if len(kun_reformer) else tabel, ud / navn, r.resultat.koersel, uden_kroner())
        filer.append(navn)
        for i, (sti, vaerdier) in enumerate(r.varianter):
            navn = ("variantkurve" if len(r.varianter) == 1 else f"variantkurve_{i + 1}") + f"{endelse}.png"
            diagrammer.variantkurve(tabel, vaerdier, sti, ud / navn, r.resultat.koersel, system)
            filer.append(navn)
    if flere_aar:
        alle = pandas.concat([r.resultat.pr_ordning.assign(aar=r.aar) for r in resultater], ignore_index=True)
        serie = alle[~alle["reform"].isin(_alle_variantnavne(resultater))]
        if serie.empty:  # kun --variant: kurven viser grundlaget alene (varianterne har deres egne kurver)
            serie = alle[alle["reform"] == alle["reform"].iloc[0]].assign(reform="Grundlag", reform_kr=alle["grundlag_kr"])
        diagrammer.aarsserie(serie, ud / "aarsserie.png", resultater[0].resultat.koersel)
        filer.append("aarsserie.png")
    return filer
