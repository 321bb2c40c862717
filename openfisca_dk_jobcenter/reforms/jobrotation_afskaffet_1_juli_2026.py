"""Navngiven reform: jobrotationen afskaffes først 1. juli 2026 (den anden ikrafttrædelsesdato i
lov nr. 1750 af 29. december 2025).

Grundlaget bruger 1. februar 2026 (antaget), fordi datoen, hvorfra der ikke kan bevilges nye
forløb, ikke er fundet. Her kan nye vikariater påbegyndes til og med 30. juni 2026, og forløb
påbegyndt før da giver ydelse til og med 31. december 2026 (et vikariat varer højst 6 måneder,
LAB § 151, stk. 2). Samme ændring som `examples/reformer/jobrotation_afskaffet_1_juli_2026.yaml`;
brug den med `dk-jobcenter-test --reforms
openfisca_dk_jobcenter.reforms.jobrotation_afskaffet_1_juli_2026.jobrotation_afskaffet_1_juli_2026`.
"""

from openfisca_dk_jobcenter.reforms.fra_fil import lav_reform, reform_fra_dict

AENDRINGER = {
    "navn": "Jobrotation afskaffet 1. juli 2026 (i stedet for 1. februar 2026)",
    "parametre": {
        # Parametrene er sand/falsk i grundlaget: en sand/falsk-parameter tager kun True/False.
        "jobrotation.afskaffelse.nye_forloeb_kan_bevilges": {"2026-02-01": True, "2026-07-01": False},
        "jobrotation.afskaffelse.igangvaerende_forloeb_giver_ydelse": {"2026-08-01": True, "2027-01-01": False},
    },
}

jobrotation_afskaffet_1_juli_2026 = lav_reform(*reform_fra_dict(AENDRINGER, kilde=__name__), kilde=__name__)
jobrotation_afskaffet_1_juli_2026.__name__ = "jobrotation_afskaffet_1_juli_2026"
