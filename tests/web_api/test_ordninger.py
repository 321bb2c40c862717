"""/calculate for hver ordning over HTTP, mod værdier regnet i hånden efter reglerne i
../shared/CONTRACT.md, ../shared/law/FACTS.md og parametrene, og /trace for et afslag.

Tallene i hver docstring er regnestykket. Kroner er float32 i OpenFisca: sammenlign med 1 øres
margin. En ordning, hvis variabler ikke findes i pakken endnu, springes over (`kraev`).
"""

import pytest

from openfisca_dk_jobcenter.situation_examples import eksempler, rigtigt

EKSEMPLER = eksempler()


def kr(beloeb):
    return pytest.approx(beloeb, abs=0.01)


def person(**variabler):
    return dict(variabler)


# --- Voksenlærling (LAB §§ 155, 159) --------------------------------------------------------


def test_voksenlaerling_fra_ledighed(beregn):
    """§ 159, stk. 2: ufaglært ledig lærling, 160 praktiktimer i februar 2026: 45 × 160 = 7.200 kr."""
    svar = beregn(
        {
            "personer": {
                "ana": person(
                    foedselsdato={"ETERNITY": "1990-01-01"},
                    voksenlaerling_aftale_start={"ETERNITY": "2026-01-01"},
                    voksenlaerling_kommer_fra_ledighed={"2026-02": True},
                    voksenlaerling_praktiktimer={"2026-02": 160},
                    voksenlaerling_berettiget={"2026-02": None},
                    voksenlaerling_timesats={"2026-02": None},
                    voksenlaerling_tilskud={"2026-02": None},
                    voksenlaerling_afslagsgrund={"2026-02": None},
                )
            },
            "virksomheder": {"v": {"ansatte": ["ana"], "virksomhed_tilskud_i_alt": {"2026-02": None}}},
        }
    )
    ana = svar["personer"]["ana"]
    assert ana["voksenlaerling_berettiget"]["2026-02"] is True
    assert ana["voksenlaerling_timesats"]["2026-02"] == kr(45)
    assert ana["voksenlaerling_tilskud"]["2026-02"] == kr(7200)
    assert ana["voksenlaerling_afslagsgrund"]["2026-02"] == "ingen"
    assert svar["virksomheder"]["v"]["virksomhed_tilskud_i_alt"]["2026-02"] == kr(7200)


def test_voksenlaerling_fra_beskaeftigelse(beregn):
    """§ 159, stk. 3: ufaglært i job, uddannelsen på listen, 150 praktiktimer: 30 × 150 = 4.500 kr."""
    svar = beregn(
        {
            "personer": {
                "bo": person(
                    foedselsdato={"ETERNITY": "1985-05-05"},
                    voksenlaerling_aftale_start={"ETERNITY": "2026-01-01"},
                    voksenlaerling_kommer_fra_ledighed={"2026-02": False},
                    voksenlaerling_uddannelse_paa_voksenlaerlingelisten={"2026-02": True},
                    voksenlaerling_praktiktimer={"2026-02": 150},
                    voksenlaerling_tilskud={"2026-02": None},
                )
            }
        }
    )
    assert svar["personer"]["bo"]["voksenlaerling_tilskud"]["2026-02"] == kr(4500)


def test_voksenlaerling_sen_ansoegning_forholdsmaessigt(beregn):
    """Ansøgt 16. marts 2026, mere end 1 måned efter aftalens start 1. januar: tilskud fra den 16.
    Marts har 31 dage, 16 af dem er dækket: 45 × 155 × 16/31 = 45 × 80 = 3.600 kr."""
    svar = beregn(
        {
            "personer": {
                "cy": person(
                    foedselsdato={"ETERNITY": "1980-01-01"},
                    voksenlaerling_aftale_start={"ETERNITY": "2026-01-01"},
                    voksenlaerling_ansoegningsdato={"ETERNITY": "2026-03-16"},
                    voksenlaerling_kommer_fra_ledighed={"2026-03": True},
                    voksenlaerling_praktiktimer={"2026-03": 155},
                    voksenlaerling_tilskud={"2026-03": None},
                )
            }
        }
    )
    assert svar["personer"]["cy"]["voksenlaerling_tilskud"]["2026-03"] == kr(3600)


UNDER_25 = {
    "personer": {
        "dan": person(
            foedselsdato={"ETERNITY": "2001-03-02"},
            voksenlaerling_aftale_start={"ETERNITY": "2026-03-01"},
            voksenlaerling_kommer_fra_ledighed={"2026-03": True},
            voksenlaerling_praktiktimer={"2026-03": 100},
            voksenlaerling_afslagsgrund={"2026-03": None},
            voksenlaerling_tilskud={"2026-03": None},
        )
    }
}


def test_voksenlaerling_afslag_under_25(beregn):
    """§ 155: fylder 25 dagen efter aftalens første dag — afslag, 0 kr."""
    dan = beregn(UNDER_25)["personer"]["dan"]
    assert dan["voksenlaerling_afslagsgrund"]["2026-03"] == "under_minimumsalder"
    assert dan["voksenlaerling_tilskud"]["2026-03"] == 0


def test_trace_viser_afslagsgrunden(beregn):
    """/trace for afslaget: afslagsgrunden, dens værdi og de variabler, den bygger på."""
    svar = beregn(UNDER_25, sti="/trace")
    assert svar["entitiesDescription"]["personer"] == ["dan"]
    assert "voksenlaerling_afslagsgrund<2026-03>" in svar["requestedCalculations"]
    knude = svar["trace"]["voksenlaerling_afslagsgrund<2026-03>"]
    assert knude["value"] == ["under_minimumsalder"]
    afhaengigheder = set(knude["dependencies"])
    assert any(a.startswith("voksenlaerling_") for a in afhaengigheder), afhaengigheder
    # Alderen på aftalens første dag står i sporet med sin værdi: 24 år.
    assert any(v.get("value") == [24] for n, v in svar["trace"].items() if "alder" in n), sorted(svar["trace"])
    # Parametrene, reglen slog op, står i sporet.
    parametre = {p for v in svar["trace"].values() for p in v["parameters"]}
    assert any(p.startswith("voksenlaerling.minimumsalder") for p in parametre), parametre


# --- Jobrotation med budget (LAB §§ 149-153) -------------------------------------------------

JOBROTATION_VARIABLER = (
    "jobrotation_uddannelsestimer",
    "jobrotation_vikartimer",
    "jobrotation_vikariat_start",
    "jobrotation_vikar_godkendt",
    "jobrotation_projekt_godkendt",
    "jobrotation_kursusudgift",
    "jobrotation_timer_med_ydelse",
    "jobrotationsydelse",
    "jobrotation_nettoudgift",
)


def jobrotation(vikar_ledighed):
    return {
        "personer": {
            "medarbejder": person(
                timeloen={"2024-03": 250},
                jobrotation_uddannelsestimer={"2024-03": 100},
                jobrotation_kursusudgift={"2024-03": 5000},
                jobrotation_medarbejder_berettiget={"2024-03": None},
            ),
            "vikar": person(
                timeloen={"2024-03": 180},
                maalgruppe={"2024-03": "dagpengemodtager"},
                forudgaaende_ledighed_maaneder={"2024-03": vikar_ledighed},
                jobrotation_vikariat_start={"ETERNITY": "2024-02-01"},
                jobrotation_vikar_godkendt={"2024-03": True},
                jobrotation_vikartimer={"2024-03": 120},
                jobrotation_vikar_berettiget={"2024-03": None},
            ),
        },
        "virksomheder": {
            "v": {
                "ansatte": ["medarbejder", "vikar"],
                "jobrotation_projekt_godkendt": {"2024-03": True},
                "jobrotation_timer_med_ydelse": {"2024-03": None},
                "jobrotationsydelse": {"2024-03": None},
                "jobrotation_nettoudgift": {"2024-03": None},
                "virksomhed_tilskud_i_alt": {"2024-03": None},
            }
        },
    }


def test_jobrotation_med_budget(beregn, kraev):
    """Marts 2024, sats 203,17 kr./t (STAR 2024). Ansat: 100 uddannelsestimer à 250 kr. og 5.000 kr.
    i kursusudgift; vikar: 7 måneders ledighed, godkendt, vikariat fra 1. februar, 120 timer à
    180 kr. Timer med ydelse = min(100, 120) = 100; ydelse = 203,17 × 100 = 20.317 kr.
    Budget: 250 × 100 + 5.000 + 180 × 120 = 51.600 kr.; netto 51.600 − 20.317 = 31.283 kr."""
    kraev(*JOBROTATION_VARIABLER)
    svar = beregn(jobrotation(vikar_ledighed=7))
    v = svar["virksomheder"]["v"]
    assert svar["personer"]["medarbejder"]["jobrotation_medarbejder_berettiget"]["2024-03"] is True
    assert svar["personer"]["vikar"]["jobrotation_vikar_berettiget"]["2024-03"] is True
    assert v["jobrotation_timer_med_ydelse"]["2024-03"] == kr(100)
    assert v["jobrotationsydelse"]["2024-03"] == kr(20317)
    assert v["jobrotation_nettoudgift"]["2024-03"] == kr(31283)
    assert v["virksomhed_tilskud_i_alt"]["2024-03"] == kr(20317)


def test_jobrotation_vikar_uden_nok_ledighed(beregn, kraev):
    """Vikaren har 5 måneders ledighed (kravet er 6 i 2024): ingen ydelse; budgettet er hele
    udgiften, 51.600 kr."""
    kraev(*JOBROTATION_VARIABLER)
    svar = beregn(jobrotation(vikar_ledighed=5))
    v = svar["virksomheder"]["v"]
    assert svar["personer"]["vikar"]["jobrotation_vikar_berettiget"]["2024-03"] is False
    assert v["jobrotationsydelse"]["2024-03"] == 0
    assert v["jobrotation_nettoudgift"]["2024-03"] == kr(51600)


# --- Løntilskud (LAB §§ 66, 68, 69) ----------------------------------------------------------

LOENTILSKUD_VARIABLER = ("loentilskud_timer", "loentilskud_start", "loentilskud_berettiget", "loentilskud")


def loentilskud(sektor, start, maaned, timer):
    return {
        "personer": {
            "eva": person(
                maalgruppe={maaned: "dagpengemodtager"},
                forudgaaende_ledighed_maaneder={maaned: 7},
                loentilskud_start={"ETERNITY": start},
                loentilskud_timer={maaned: timer},
                loentilskud_berettiget={maaned: None},
                loentilskud={maaned: None},
            )
        },
        "virksomheder": {"v": {"ansatte": ["eva"], "sektor": {maaned: sektor}}},
    }


def test_loentilskud_privat(beregn, kraev):
    """Privat arbejdsgiver, marts 2023, start 1. januar (inden for 6 måneder), 120 timer;
    sats 86,16 kr./t (2023): 86,16 × 120 = 10.339,20 kr."""
    kraev(*LOENTILSKUD_VARIABLER)
    eva = beregn(loentilskud("privat", "2023-01-01", "2023-03", 120))["personer"]["eva"]
    assert eva["loentilskud_berettiget"]["2023-03"] is True
    assert eva["loentilskud"]["2023-03"] == kr(10339.20)


def test_loentilskud_privat_sidste_maaned_forholdsmaessigt(beregn, kraev):
    """Start 16. januar 2023: 6 måneder dækker til og med 15. juli. Juli: 15/31 af 124 timer = 60
    timer; 86,16 × 60 = 5.169,60 kr."""
    kraev(*LOENTILSKUD_VARIABLER)
    eva = beregn(loentilskud("privat", "2023-01-16", "2023-07", 124))["personer"]["eva"]
    assert eva["loentilskud"]["2023-07"] == kr(5169.60)


def test_loentilskud_offentlig_efter_4_maaneder(beregn, kraev):
    """Offentlig arbejdsgiver, dagpengemodtager: højst 4 måneder (§ 68). Start 1. januar 2023,
    maj 2023 ligger uden for: ikke berettiget, 0 kr."""
    kraev(*LOENTILSKUD_VARIABLER)
    eva = beregn(loentilskud("offentlig", "2023-01-01", "2023-05", 120))["personer"]["eva"]
    assert eva["loentilskud_berettiget"]["2023-05"] is False
    assert eva["loentilskud"]["2023-05"] == 0


# --- Virksomhedspraktik (LAB § 61) -----------------------------------------------------------

PRAKTIK_VARIABLER = ("virksomhedspraktik_uger", "virksomhedspraktik_timer_per_uge", "virksomhedspraktik_max_uger")


@pytest.mark.parametrize(
    ("uger", "timer", "tilladt"),
    [(4, 37, True), (5, 37, False), (4, 38, False)],
    ids=["4-uger-37-timer", "5-uger", "38-timer"],
)
def test_virksomhedspraktik_dagpengemodtager(beregn, kraev, uger, timer, tilladt):
    """Dagpengemodtager: højst 4 uger (§ 61) og 37 timer om ugen."""
    kraev(*PRAKTIK_VARIABLER, "virksomhedspraktik_tilladt")
    svar = beregn(
        {
            "personer": {
                "fie": person(
                    maalgruppe={"2026-03": "dagpengemodtager"},
                    virksomhedspraktik_uger={"2026-03": uger},
                    virksomhedspraktik_timer_per_uge={"2026-03": timer},
                    virksomhedspraktik_max_uger={"2026-03": None},
                    virksomhedspraktik_tilladt={"2026-03": None},
                )
            }
        }
    )
    fie = svar["personer"]["fie"]
    assert fie["virksomhedspraktik_max_uger"]["2026-03"] == 4
    assert fie["virksomhedspraktik_tilladt"]["2026-03"] is tilladt


# --- Tilskud til opkvalificering ved ansættelse (seed 000) -----------------------------------

OPKVALIFICERING_VARIABLER = (
    "opkvalificering_ansoegningsdato",
    "opkvalificering_ansaettelse_start",
    "opkvalificering_kursus_start",
    "opkvalificering_ansaettelse_varighed_maaneder",
    "opkvalificering_kursusudgift",
    "opkvalificering_berettiget",
    "opkvalificering_tilskud",
)


def opkvalificering(ansoegt):
    return {
        "personer": {
            "gro": person(
                maalgruppe={"2026-03": "dagpengemodtager", "2026-04": "dagpengemodtager"},
                forudgaaende_ledighed_maaneder={"2026-03": 7, "2026-04": 7},
                opkvalificering_ansoegningsdato={"ETERNITY": ansoegt},
                opkvalificering_ansaettelse_start={"ETERNITY": "2026-02-01"},
                opkvalificering_kursus_start={"ETERNITY": "2026-03-02"},
                opkvalificering_ansaettelse_varighed_maaneder={"2026-03": 6, "2026-04": 6},
                opkvalificering_kursusudgift={"2026-03": 15000, "2026-04": 15000},
                opkvalificering_berettiget={"2026-03": None},
                opkvalificering_tilskud={"2026-03": None, "2026-04": None},
            )
        }
    }


def test_opkvalificering(beregn, kraev):
    """Ansøgt 10. januar, mens personen var ledig (7 måneder ≥ 6); ansat 1. februar i 6 måneder
    uden andet tilskud; kursus 2. marts (inden for 3 måneder); 15.000 kr. dokumenteret, ikke
    afholdt: 15.000 kr. i marts, kursets startmåned, og 0 kr. i april."""
    kraev(*OPKVALIFICERING_VARIABLER)
    gro = beregn(opkvalificering(ansoegt="2026-01-10"))["personer"]["gro"]
    assert gro["opkvalificering_berettiget"]["2026-03"] is True
    assert gro["opkvalificering_tilskud"]["2026-03"] == kr(15000)
    assert gro["opkvalificering_tilskud"]["2026-04"] == 0


def test_opkvalificering_ansoegt_efter_ansaettelsen(beregn, kraev):
    """Ansøgt på ansættelsens første dag, ikke mens personen var ledig: intet tilskud."""
    kraev(*OPKVALIFICERING_VARIABLER)
    gro = beregn(opkvalificering(ansoegt="2026-02-01"))["personer"]["gro"]
    assert gro["opkvalificering_berettiget"]["2026-03"] is False
    assert gro["opkvalificering_tilskud"]["2026-03"] == 0


# --- Eksemplerne i README'en og belastningstesten -------------------------------------------


@pytest.mark.parametrize("navn", sorted(EKSEMPLER))
def test_eksemplerne_giver_det_haandregnede_svar(beregn, navn):
    """openfisca_dk_jobcenter/situation_examples/: docs/webapi.md, `make load` og testene bruger dem."""
    eksempel = EKSEMPLER[navn]
    assert rigtigt(eksempel, beregn(eksempel["situation"])), eksempel["beskrivelse"]
