"""Web-API'et: openfisca-core's `openfisca serve` med pakkens gunicorn-konfiguration og værn.

Kun app'en, dens validering og gunicorn-konfigurationen:
- `app.py`: `byg_app` — det ene sted, app'en bygges (kernens `build_tax_benefit_system` og
  `create_app`, derefter værnet `haerd`); konfigurationen (CORS, offentlig adresse, prisgrænser);
- `validering.py`: kontrollen af situationen før /calculate og /trace;
- `idnavne.py`: id'er, der er tal, skrives om, før kernen ser dem (og tilbage i svaret);
- `arbejder.py`: gunicorn-arbejderen, der først regner, når hele forespørgslen er kommet;
- `gunicorn.conf.py`: arbejderne og krogen, der lader `openfisca serve` bruge `byg_app`
  (`make serve` = `openfisca serve -c openfisca_dk_jobcenter -f …/gunicorn.conf.py --port …`).

Testserver, fuzz, belastning og eksempler ligger i `tools/`; situationerne i
`openfisca_dk_jobcenter/situation_examples/`.
"""
