"""Jobrotation i den syntetiske befolkning: arbejdsgivere, der sender ansatte i efteruddannelse og
ansætter ledige vikarer (antagelserne står nedenfor og i ../ANTAGELSER.md).

Alt er vektoriseret: deltagerne vælges med en tilfældig rangorden inden for hver arbejdsgiver
(personerne står sorteret efter arbejdsgiver), uden løkker over personer.
"""

import numpy

from openfisca_dk_jobcenter.befolkning import design
from openfisca_dk_jobcenter.befolkning.kalibrering import deltagelsesfaktor
from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger

# Sandsynligheden for, at en arbejdsgiver med mindst MIN_KANDIDATER mulige deltagere kører et
# jobrotationsprojekt i året: ANDEL_VIRKSOMHEDER ved 10 mulige deltagere, voksende med kvadratroden
# af størrelsen (store arbejdsgivere har flere kurser), dobbelt så høj hos offentlige arbejdsgivere
# (kommuner bruger ordningen meget), højst MAX_SANDSYNLIGHED. Omkring 2013 var op mod 6.700 ledige
# i jobrotation om året (FH 2013), ca. 2,5 promille af de beskæftigede, siden færre; med 3 pct. får
# 2-3 promille af personerne et vikariat og 4-6 promille et kursus med jobrotation.
ANDEL_VIRKSOMHEDER = 0.03
MAX_SANDSYNLIGHED = 0.5
OFFENTLIG_FAKTOR = 2.0
MIN_KANDIDATER = 4  # mindst 2 ansatte i uddannelse + 1 vikar + 1, der bliver på arbejdet
ANDEL_I_UDDANNELSE = 0.15  # af de mulige deltagere; mindst 2, højst 12 pr. arbejdsgiver
MIN_I_UDDANNELSE = 2
MAX_I_UDDANNELSE = 12
VIKARER_PR_ANSAT_I_UDDANNELSE = 0.5  # én vikar dækker typisk flere ansattes kurser; mindst 1
UDDANNELSESTIMER_PR_MAANED = (37.0, 74.0, 111.0)  # 1-3 kursusuger à 37 timer i hver projektmåned
PROJEKT_MAANEDER = (2, 7)  # projektets længde i måneder: 2-7 (7 viser vikariatets 6-månedersgrænse)
VIKARTIMER_FAKTOR = (0.8, 1.25)  # vikartimer i forhold til de ansattes uddannelsestimer
KURSUSPRIS_PR_TIME = ((0.0, 0.4), (30.0, 0.4), (100.0, 0.2))  # kr./uddannelsestime, sandsynlighed
ANDEL_PROJEKT_GODKENDT = 0.95
ANDEL_VIKAR_GODKENDT = 0.95
ANDEL_VIKAR_KORT_LEDIGHED = 0.10  # vikarer med kun 3-5 måneders ledighed (giver afslag)
ANDEL_MED_GODTGOERELSE = 0.05  # ansatte i uddannelse, der også får VEU-godtgørelse (giver afslag)
ANDEL_VIKAR_FRA_KONTANTHJAELP = 0.3  # resten af vikarerne var dagpengemodtagere
# Ordningen er afskaffet ved lov nr. 1750 af 29. december 2025: ingen nye vikariater fra 1.
# februar 2026, så fra 2026 giver kun projekter, der starter i januar, udgifter i året. De
# trækkes med andelen JANUAR_I_DESIGN af projekterne i stedet for 1/12, og virksomhedens vægt
# ganges med forholdet (design.py), så overgangens udgift altid har rækker bag sig.
AFSKAFFET_FRA_AAR = 2026
JANUAR_I_DESIGN = 0.5


def tilfoej(rng, b):
    n = b.antal_personer
    antal_v = b.antal_virksomheder
    pv = b.person_virksomhed

    # Mulige deltagere (vikarer og ansatte i uddannelse): alle, der ikke allerede er i en ordning.
    kandidat = fri_af_tidligere_ordninger(b, "jobrotation")
    # Antallet af mulige deltagere er de virkelige personer, rækkerne står for i forhold til en
    # jævn stikprøve (designfaktoren, middel 1), ikke rækkerne: voksenlærlingene har flere rækker.
    faktor = design.designfaktor(b)
    faktor = numpy.ones(n) if faktor is None else faktor
    antal_kandidater = numpy.round(numpy.bincount(pv, weights=kandidat * faktor, minlength=antal_v))
    offentlig = b.virksomheder.get("sektor", numpy.full(antal_v, "privat")) == "offentlig"
    sandsynlighed = numpy.minimum(
        ANDEL_VIRKSOMHEDER * deltagelsesfaktor("jobrotation", b.aar) * numpy.sqrt(antal_kandidater / 10) * numpy.where(offentlig, OFFENTLIG_FAKTOR, 1.0),
        MAX_SANDSYNLIGHED,
    )
    virksomhedsgruppe = None if b.gruppe is None else b.grupper[numpy.searchsorted(pv, numpy.arange(antal_v))]
    mulig = antal_kandidater >= MIN_KANDIDATER
    jr_virksomhed = mulig & design.ordnet(rng, numpy.where(mulig, sandsynlighed, 0.0))

    n_udd = numpy.clip(
        numpy.round(ANDEL_I_UDDANNELSE * antal_kandidater), MIN_I_UDDANNELSE, MAX_I_UDDANNELSE
    ).astype(numpy.int64)
    n_vikar = numpy.maximum(1, numpy.ceil(VIKARER_PR_ANSAT_I_UDDANNELSE * n_udd)).astype(numpy.int64)

    # Rangorden inden for arbejdsgiveren; kandidater med lang videregående uddannelse kommer sidst
    # (arbejdsgivere sender sjældent dem, der ikke kan give ydelse). En række vælges med
    # sandsynlighed efter sin designfaktor (eksponentielle nøgler, Efraimidis og Spirakis 2006),
    # så deltagerne fordeler sig på målgrupperne som de virkelige personer, ikke som rækkerne.
    lang_vu = b.personer.get("hoejeste_uddannelse", numpy.full(n, "grundskole")) == "lang_videregaaende"
    noegle = numpy.where(kandidat, rng.exponential(size=n) / faktor + 1e9 * lang_vu, numpy.inf)
    # Rangen bruges kun hos projektets arbejdsgivere (de andres personer er ikke med).
    rang = design.rang_i_gruppe(pv, noegle, hvem=jr_virksomhed[pv])

    med = jr_virksomhed[pv] & kandidat
    i_uddannelse = med & (rang < n_udd[pv])
    vikar = med & (rang >= n_udd[pv]) & (rang < n_udd[pv] + n_vikar[pv])

    # Projektets måneder: start i en tilfældig måned, 2-7 måneder (afkortet ved årets slutning).
    start_maaned = rng.integers(0, 12, size=antal_v)
    if b.aar >= AFSKAFFET_FRA_AAR and b.virksomhedsvaegt is not None:
        januar = jr_virksomhed & design.systematisk(
            rng, numpy.where(jr_virksomhed, JANUAR_I_DESIGN, 0.0), design.efter_gruppe(virksomhedsgruppe)
        )
        start_maaned = numpy.where(januar, 0, rng.integers(1, 12, size=antal_v))
        b.virksomhedsvaegt = b.virksomhedsvaegt * numpy.where(
            jr_virksomhed, numpy.where(januar, (1 / 12) / JANUAR_I_DESIGN, (11 / 12) / (1 - JANUAR_I_DESIGN)), 1.0
        )
    laengde = rng.integers(PROJEKT_MAANEDER[0], PROJEKT_MAANEDER[1] + 1, size=antal_v)
    if b.vaegt is not None and b.virksomhedsvaegt is not None:
        # Projektets deltagere er arbejdsgiverens hændelse: de står for én person hver (valgt
        # efter designfaktor ovenfor) gange arbejdsgiverens faktor for januarstarten, så de
        # tælles som personer med samme vægt, som projektets kroner har hos arbejdsgiveren.
        b.vaegt = numpy.where(i_uddannelse | vikar, b.virksomhedsvaegt[pv], b.vaegt)
    maaned = numpy.arange(12)[:, None]
    i_projekt = (maaned >= start_maaned[pv]) & (maaned < (start_maaned + laengde)[pv])  # (12, n)

    timer_pr_maaned = rng.choice(UDDANNELSESTIMER_PR_MAANED, size=n).astype(numpy.float32)
    uddannelsestimer = numpy.where(i_projekt & i_uddannelse, timer_pr_maaned, numpy.float32(0))
    priser, sandsynligheder = zip(*KURSUSPRIS_PR_TIME, strict=True)
    kursuspris = rng.choice(priser, size=n, p=sandsynligheder).astype(numpy.float32)

    # Vikarerne deler arbejdsgiverens uddannelsestimer og arbejder lidt færre eller flere timer
    # (regnet for de ansatte i uddannelse og vikarerne; de andre har ingen timer).
    u = numpy.flatnonzero(i_uddannelse)
    uddannelse_i_alt = numpy.stack([numpy.bincount(pv[u], weights=t, minlength=antal_v) for t in uddannelsestimer[:, u]])
    faktor = rng.uniform(*VIKARTIMER_FAKTOR, size=n)
    v = numpy.flatnonzero(vikar)
    vikartimer = numpy.zeros((12, n), dtype=numpy.float32)
    vikartimer[:, v] = numpy.where(i_projekt[:, v], numpy.round(uddannelse_i_alt[:, pv[v]] / n_vikar[pv[v]] * faktor[v]), 0)

    # Vikariatet starter i projektets første måned, på en af de første 10 dage.
    foerste_dag = (numpy.datetime64(f"{b.aar}-01", "M") + start_maaned[pv]).astype("datetime64[D]")
    vikariat_start = foerste_dag + rng.integers(0, 10, size=n).astype("timedelta64[D]")

    b.personer["jobrotation_vikariat_start"] = numpy.where(vikar, vikariat_start, numpy.datetime64("1970-01-01"))
    b.personer["jobrotation_vikar_godkendt"] = vikar & (rng.random(n) < ANDEL_VIKAR_GODKENDT)
    # Fast antal (design.ligefordelt): en ansat med godtgørelse giver afslag og udløser
    # løntilskudskombinationen hos arbejdsgiveren (loentilskud.py).
    godtgoerelse = i_uddannelse & (design.ligefordelt(rng, b, i_uddannelse) < ANDEL_MED_GODTGOERELSE)
    b.personer["modtager_godtgoerelse"] = b.personer.get("modtager_godtgoerelse", numpy.zeros(n, dtype=bool)) | godtgoerelse
    b.personer_maaned["jobrotation_uddannelsestimer"] = uddannelsestimer
    b.personer_maaned["jobrotation_kursusudgift"] = (uddannelsestimer * kursuspris).astype(numpy.float32)
    b.personer_maaned["jobrotation_vikartimer"] = vikartimer
    b.virksomheder["jobrotation_projekt_godkendt"] = jr_virksomhed & (rng.random(antal_v) < ANDEL_PROJEKT_GODKENDT)

    # En vikar var ledig før vikariatet: ledig målgruppe og (som regel) mindst 6 måneders ledighed.
    kort = rng.random(n) < ANDEL_VIKAR_KORT_LEDIGHED
    ledighed = numpy.where(kort, rng.integers(3, 6, size=n), rng.integers(6, 25, size=n))
    b.personer["forudgaaende_ledighed_maaneder"] = numpy.where(
        vikar, ledighed, b.personer["forudgaaende_ledighed_maaneder"]
    ).astype(numpy.float32)
    fra_kontanthjaelp = rng.random(n) < ANDEL_VIKAR_FRA_KONTANTHJAELP
    maalgruppe = b.personer["maalgruppe"]
    skifter = numpy.flatnonzero(vikar & (maalgruppe == "beskaeftiget"))
    nye = numpy.where(fra_kontanthjaelp[skifter], "kontanthjaelpsmodtager", "dagpengemodtager")
    maalgruppe = maalgruppe.astype(numpy.promote_types(maalgruppe.dtype, nye.dtype))  # en kopi
    maalgruppe[skifter] = nye
    b.personer["maalgruppe"] = maalgruppe
