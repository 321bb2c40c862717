# ruff: noqa: N999  (gunicorn's eget filnavn)
"""Gunicorn-konfiguration til web-API'et: `openfisca serve -c openfisca_dk_jobcenter -f <denne fil>`.

`make serve` bruger den. Kommandolinjen vinder over filen (`--port 8000`, `--workers 4`,
`--bind 0.0.0.0:8000`).

`openfisca serve` læser filen med exec() i et tomt navnerum: navne fra filens top er ikke
synlige inde i funktionerne, så krogen importerer selv.
"""

# openfisca-core erstatter de sidste fire tegn af bind med --port; hold porten her firecifret.
bind = "127.0.0.1:5000"
workers = 2
timeout = 60  # openfisca serve's standard er 1200 s; en forespørgsel her tager millisekunder
graceful_timeout = 10
# gunicorn's grænser for forespørgselslinjen og hovederne (kroppen begrænses i app'en: 413).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
# En ny arbejder en gang imellem holder hukommelsen nede, hvis noget hober sig op.
max_requests = 5000
max_requests_jitter = 500


def post_worker_init(worker):
    """Sæt pakkens værn på app'en, når arbejderen har bygget den (openfisca_web_api.app.create_app)."""
    from openfisca_dk_jobcenter.webapi.app import haerd

    worker.wsgi = haerd(worker.wsgi)
