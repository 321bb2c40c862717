"""`dk-jobcenter sammenlign`'s kørsel: år for år, grundlaget og reformerne på befolkningen, og
årets forbehold. Skrivningen af filerne står i `udskrift.py`."""

import time
from dataclasses import dataclass

import pandas

from openfisca_dk_jobcenter.analyse import antagelser, udskrift
from openfisca_dk_jobcenter.analyse.forbehold import aktive, forbehold
from openfisca_dk_jobcenter.analyse.fremdrift import Fremdrift
from openfisca_dk_jobcenter.analyse.kontrol import kontroller_argumenter
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag, reform, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import sammenlign
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning, syntetiske_blokke
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl

Fejl = (ReformFejl, BefolkningsFejl)
FOERSTE_AAR, SIDSTE_AAR = 2015, 2035


@dataclass
class Aarsresultat:
    aar: int
    resultat: object  # Sammenligning
    forbehold: pandas.DataFrame
    varianter: list  # [(parametersti, {reformnavn: værdi})]


def aarene(tekst):
    """2026 → [2026]; 2024-2027 → [2024, 2025, 2026, 2027]."""
    try:
        if "-" in tekst:
            fra, til = (int(x) for x in tekst.split("-"))
        else:
            fra = til = int(tekst)
    except ValueError:
        raise BefolkningsFejl(f"--aar '{tekst}': skriv fx 2026 eller 2024-2027") from None
    if fra > til or til - fra > 20:
        raise BefolkningsFejl(f"--aar '{tekst}': første år skal ligge før sidste (højst 20 år)")
    return list(range(fra, til + 1))


def maaneder(tekst):
    try:
        if "-" in tekst:
            fra, til = (int(x) for x in tekst.split("-"))
            numre = list(range(fra, til + 1))
        else:
            numre = [int(x) for x in tekst.split(",")]
    except ValueError:
        raise BefolkningsFejl(f"--maaneder '{tekst}': skriv fx 1-12 eller 1,2,3") from None
    if not numre or any(not 1 <= m <= 12 for m in numre):
        raise BefolkningsFejl(f"--maaneder '{tekst}': månederne skal ligge i 1-12")
    return numre


def koer(args, start):
    if args.personer < 1 or args.bid < 1:
        raise BefolkningsFejl("--personer og --bid skal være mindst 1")
    kontroller_argumenter(args)  # år, seed og --ud før beregningen
    if args.virksomheder_fil and not args.personer_fil:
        raise BefolkningsFejl("--virksomheder-fil kræver --personer-fil")
    aar_liste = aarene(str(args.aar))
    maaneds_numre = maaneder(args.maaneder)
    g = grundlag()
    navngivne = {}
    for spec in args.reform:
        system = reform(g, spec)
        navngivne[system.name] = system
    resultater = []
    for aar in aar_liste:
        reformer, varianter_ = dict(navngivne), []
        for spec in args.variant:
            vs = varianter(g, spec, aar)
            varianter_.append((spec.partition("=")[0].strip(), {navn: v for navn, _, v in vs}))
            reformer.update({navn: system for navn, system, _ in vs})
        if args.personer_fil:
            befolkning = laes_befolkning(g, args.personer_fil, args.virksomheder_fil, aar=aar)
            stikproeve = befolkning
        else:
            befolkning = syntetiske_blokke(args.personer, seed=args.seed, aar=aar)
            stikproeve = syntetisk_befolkning(min(args.personer, 20_000), seed=args.seed, aar=aar)
        spaend = antagelser.spaend(g, aar)
        udsnit = []  # personerne med de ordninger, en antaget sats berører (se antagelser.py)
        if spaend:
            befolkning = _med_udsnit(befolkning, antagelser.beroerte_ordninger(spaend), udsnit)
        fremdrift = Fremdrift(args.personer if not args.personer_fil else befolkning.antal_personer)
        resultat = sammenlign(reformer, befolkning, grundlag=g, aar=aar, maaneder=maaneds_numre,
                              bid_personer=args.bid, fremdrift=fremdrift)
        fremdrift.slut()
        if spaend:
            _antagne_satsers_hoeje_ende(args, g, reformer, resultat, udsnit, spaend, aar, maaneds_numre)
        tabel = forbehold(g, stikproeve, aar, aktive(resultat.pr_ordning), maaneds_numre)
        resultater.append(Aarsresultat(aar, resultat, tabel, varianter_))
    sekunder = time.monotonic() - start
    udskrift.skriv_alt(args.ud, resultater, g, maaneds_numre, args.maaneder, sekunder)
    return 0


def _med_udsnit(befolkning, ordninger, udsnit):
    """Befolkningen, som den er, mens personerne med input til `ordninger` i hver blok lægges i
    `udsnit` (så blokkene ikke laves to gange)."""
    from openfisca_dk_jobcenter.befolkning.model import Befolkning

    if isinstance(befolkning, Befolkning):
        del_ = antagelser.aktivt_udsnit(befolkning, ordninger)
        if del_ is not None:
            udsnit.append(del_)
        return befolkning

    def blokke():
        for blok in befolkning:
            del_ = antagelser.aktivt_udsnit(blok, ordninger)
            if del_ is not None:
                udsnit.append(del_)
            yield blok

    return blokke()


def _antagne_satsers_hoeje_ende(args, g, reformer, resultat, udsnit, spaend, aar, maaneds_numre):
    """Kør de ordninger, som en antaget sats med et plausibelt spænd berører, igen på deres
    deltagere med spændenes lave og høje ender (`analyse/antagelser.py`); resultatet får
    totalerne ved begge ender."""
    resultat.koersel["antagne_satser"] = spaend
    if not udsnit:
        return
    hoej_g = antagelser.hoejt_system(g, spaend, aar)
    hoeje = {navn: hoej_g if system is g else antagelser.hoejt_system(system, spaend, aar) for navn, system in reformer.items()}
    ordninger = antagelser.beroerte_ordninger(spaend)
    faelles = {"aar": aar, "maaneder": maaneds_numre, "bid_personer": args.bid, "ordninger": ordninger}
    lav = sammenlign(reformer, iter(udsnit), grundlag=g, **faelles)
    hoej = sammenlign(hoeje, iter(udsnit), grundlag=hoej_g, **faelles)
    resultat.antaget_lav, resultat.antaget_hoej = lav.detaljer, hoej.detaljer
