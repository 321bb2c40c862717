"""`dk-jobcenter sammenlign`'s kørsel: år for år, grundlaget og reformerne på befolkningen, og
årets forbehold. Skrivningen af filerne står i `udskrift.py`."""

import concurrent.futures
import contextlib
import time
from dataclasses import dataclass

import pandas

from openfisca_dk_jobcenter.analyse import antagelser, udskrift
from openfisca_dk_jobcenter.analyse.forbehold import aktive, forbehold
from openfisca_dk_jobcenter.analyse.fremdrift import Fremdrift
from openfisca_dk_jobcenter.analyse.kontrol import kontroller_argumenter
from openfisca_dk_jobcenter.analyse.reformvalg import grundlag, reform, varianter
from openfisca_dk_jobcenter.analyse.sammenligning import Koersel, sammenlign_flere
from openfisca_dk_jobcenter.befolkning.fil import laes_befolkning
from openfisca_dk_jobcenter.befolkning.simulering import BefolkningsFejl
from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning
from openfisca_dk_jobcenter.befolkning.udfoersel import SyntetiskBefolkning, Udfoerer, UdfoerselsFejl, antal_arbejdere
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER
from openfisca_dk_jobcenter.reforms.fra_fil import ReformFejl

Fejl = (ReformFejl, BefolkningsFejl, UdfoerselsFejl)
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


@contextlib.contextmanager
def _forbehold_imens(g, aarene_, maaneds_numre, i_en_traad):
    """Årenes forbehold for alle ordninger (sporingen tager et sekund pr. år): i en tråd, mens
    arbejderne regner bidderne (hovedprocessen venter ellers bare), eller bagefter i processen,
    når bidderne regnes her (en tråd ville kun dele processens ene kerne med bidderne). Giver en
    funktion, der returnerer tabellerne."""
    def alle():
        return [forbehold(g, stikproeve, aar, None, maaneds_numre) for aar, stikproeve, *_ in aarene_]

    if not i_en_traad:
        yield alle
        return
    with concurrent.futures.ThreadPoolExecutor(1) as traad:
        fremtid = traad.submit(alle)
        yield fremtid.result


def kun_aktive(tabel, aktive_ordninger):
    """Forbeholdstabellens rækker for ordningerne med kroner eller deltagere i kørslen."""
    navne = {o.navn for o in ORDNINGER if o.noegle in aktive_ordninger}
    return tabel[tabel["ordning"].isin(navne)].reset_index(drop=True)


def koer(args, start):
    if args.personer < 1 or args.bid < 1:
        raise BefolkningsFejl("--personer og --bid skal være mindst 1")
    kontroller_argumenter(args)  # år, seed og --ud før beregningen
    antal_arbejdere(args.arbejdere)
    if args.virksomheder_fil and not args.personer_fil:
        raise BefolkningsFejl("--virksomheder-fil kræver --personer-fil")
    aar_liste = aarene(str(args.aar))
    maaneds_numre = maaneder(args.maaneder)
    # Opgaverne (bidder gange år); egne data deles først, når filen er læst: mindst 2.
    antal_opgaver = 2 if args.personer_fil else len(aar_liste) * len(SyntetiskBefolkning(args.personer).bidder(args.bid))
    with Udfoerer(args.arbejdere, args.klynge) as udfoerer:
        if not args.personer_fil:  # arbejderne starter, mens reformerne og stikprøverne laves
            udfoerer.forvarm(antal_opgaver)
        g = grundlag()
        navngivne = {}
        for spec in args.reform:
            system = reform(g, spec)
            navngivne[system.name] = system
        aarene_, koersler = [], []
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
                befolkning = SyntetiskBefolkning(args.personer, seed=args.seed, aar=aar)
                stikproeve = syntetisk_befolkning(min(args.personer, 20_000), seed=args.seed, aar=aar)
            # De antagne satser med et plausibelt spænd (antagelser.py): de berørte ordninger regnes
            # igen på deres deltagere ved spændenes høje ende (sammenligning.sammenlign_flere).
            spaend = antagelser.spaend(g, aar)
            aarene_.append((aar, stikproeve, varianter_, reformer, spaend))
            koersler.append(Koersel(reformer, befolkning, g, aar, maaneds_numre, args.bid, stikproeve=stikproeve,
                                    antagne_satser=spaend or None))
        # Alle årenes bidder er opgaver på samme udfører: en årsrække fordeles også på alle arbejdere.
        fremdrift = Fremdrift(sum(k.befolkning.antal_personer for k in koersler))
        with _forbehold_imens(g, aarene_, maaneds_numre, not udfoerer.i_denne_proces(antal_opgaver)) as forbeholdene:
            sammenligninger = sammenlign_flere(koersler, udfoerer, fremdrift)
            tabeller = forbeholdene()
    fremdrift.slut()
    resultater = []
    for (aar, _, varianter_, _, spaend), resultat, tabel in zip(aarene_, sammenligninger, tabeller, strict=True):
        if spaend:
            # Totalerne ved begge ender står i resultatet (`Sammenligning.antaget_lav`/`_hoej`).
            resultat.koersel["antagne_satser"] = spaend
        resultater.append(Aarsresultat(aar, resultat, kun_aktive(tabel, aktive(resultat.pr_ordning)), varianter_))
    sekunder = time.monotonic() - start
    udskrift.skriv_alt(args.ud, resultater, g, maaneds_numre, args.maaneder, sekunder)
    return 0
