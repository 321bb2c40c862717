"""Deltagelsesfaktorer pr. ordning og år (skrevet af `python -m openfisca_dk_jobcenter.analyse.kalibrer`;
ret ikke i hånden). Se `kalibrering.py` og docs/validering.md."""

FAKTORER = {
    "jobrotation": {2016: 0.2533, 2017: 0.1234},
    "loentilskud": {2021: 0.3475},
    "virksomhedspraktik": {2020: 3.0257, 2021: 2.3927},
    "voksenlaerling": {2016: 1.6384, 2021: 2.0019},
}
