# ruff: noqa: N999  (gunicorn's eget filnavn)
"""Gunicorn-konfiguration til web-API'et: `openfisca serve -c openfisca_dk_jobcenter -f <denne fil>`.

`make serve` bruger den. Kommandolinjen vinder over filen (`--port 8000`, `--workers 4`,
`--bind 0.0.0.0:8000`).

`openfisca serve` læser filen med exec() i et tomt navnerum: navne fra filens top er ikke
synlige inde i funktionerne, så krogen importerer selv.
"""

# openfisca-core erstatter de sidste fire tegn af bind med --port; hold porten her firecifret.
bind = "127.0.0.1:5000"
# gthread: hver arbejder har 8 tråde. En forbindelse uden data lægges tilbage i pollen efter 5 s,
# men en klient, der har sendt en del af hovederne, holder en tråd, til den er færdig (gunicorn har
# ingen tidsgrænse for hovederne). Med 2 × 8 tråde kan en håndfuld langsomme klienter ikke standse
# de andre (tests/web_api/test_sikkerhed.py); mod mange hører en reverse proxy foran (docs/webapi.md).
# Flere tråde giver flere samtidige beregninger pr. arbejder: hukommelsen følger tråde × prisgrænsen.
worker_class = "gthread"
workers = 2
threads = 8
timeout = 60  # openfisca serve's standard er 1200 s; en forespørgsel under grænserne tager < 1 s
graceful_timeout = 10
keepalive = 2
# gunicorn's grænser for forespørgselslinjen og hovederne (kroppen begrænses i app'en: 413).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
# En ny arbejder en gang imellem holder hukommelsen nede, hvis noget hober sig op.
max_requests = 5000
max_requests_jitter = 500


def on_starting(server):
    """Lad arbejderne bygge den hærdede app (`byg_app`) i stedet for kernens `create_app` alene.

    `server.app` er `openfisca serve`'s gunicorn-applikation; gunicorn kalder dens `load()` i hver
    arbejder. Tilvalgene (landepakke, reformer, ...) er dem, `openfisca serve` fik.
    """
    import functools

    from openfisca_dk_jobcenter.webapi.app import byg_app_til_serve

    server.app.load = functools.partial(byg_app_til_serve, server.app.options)
