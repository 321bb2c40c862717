"""Web-API'et: openfisca-core's `openfisca serve` med pakkens gunicorn-konfiguration og værn.

- `gunicorn.conf.py`: to arbejdere på 127.0.0.1, timeout, grænser, og krogen, der sætter værnet på
  (`make serve` = `openfisca serve -c openfisca_dk_jobcenter -f …/gunicorn.conf.py --port …`);
- `app.py`: værnet (`haerd`) om app'en fra `openfisca_web_api.app.create_app`;
- `validering.py`: kontrollen af situationen før /calculate og /trace;
- `server.py`: start en server på en ledig port (test, fuzz, belastning);
- `fuzz.py` (`make fuzz`), `belastning.py` (`make load`), `eksempler.py` (ét spørgsmål pr. ordning).
"""
