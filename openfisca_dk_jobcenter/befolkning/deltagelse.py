"""Deltagelsesfaktorer pr. ordning og år (skrevet af `python -m openfisca_dk_jobcenter.analyse.kalibrer`;
ret ikke i hånden). Se `kalibrering.py` og docs/validering.md."""

FAKTORER = {
    "jobrotation": {2016: 0.356, 2017: 0.0999},
    "loentilskud": {2021: 0.3771},
    "virksomhedspraktik": {2020: 2.9256, 2021: 2.3077},
    "voksenlaerling": {2016: 1.5289, 2021: 1.8931},
}
