# ruff: noqa: N999  (gunicorn's eget filnavn)
"""Gunicorn-konfiguration til web-API'et: `openfisca serve -c openfisca_dk_jobcenter -f <denne fil>`.

`make serve` bruger den. Kommandolinjen vinder over filen (`--port 8000`, `--workers 4`,
`--bind 0.0.0.0:8000`).

`openfisca serve` læser filen med exec() i et tomt navnerum: navne fra filens top er ikke
synlige inde i funktionerne, så krogen importerer selv.
"""

# openfisca-core erstatter de sidste fire tegn af bind med --port; hold porten her firecifret.
bind = "127.0.0.1:5000"
# Pakkens arbejder (`webapi/arbejder.py`): gunicorns sync-arbejder, der læser en forbindelse uden at
# blokere, til hele forespørgslen er kommet (højst 30 s), og først da regner. Med gthread (før issue
# 22) holdt en klient, der sendte hovederne en byte ad gangen, en af arbejderens tråde, til den var
# færdig (gunicorn har ingen tidsgrænse for hovederne): 16 af dem standsede 2 × 8 tråde. Nu kan
# 32 langsomme klienter ikke standse serveren (tests/web_api/test_sikkerhed_runde3.py), og en
# arbejder regner én forespørgsel ad gangen og tager kun en ny, når den er ledig, som kernens
# sync-arbejdere: samme svartider under belastning (`make load`), og hukommelsen følger arbejderne ×
# prisgrænsen. Tre arbejdere som kernens `openfisca serve`.
worker_class = "openfisca_dk_jobcenter.webapi.arbejder.Arbejder"
workers = 3
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
