"""Websiden: tilskudsberegner (/beregner), jobrotationsbudget (/budget) og regeloversigt (/regler).

Siderne er statisk HTML, CSS og JavaScript uden tredjepartsbiblioteker. Al jura ligger i modellen:
siderne spørger web-API'ets egne endepunkter (/calculate, /trace, /parameters, /parameter/<id>,
/variables, /variable/<id>) og lægger ingen regel til. Blueprintet serverer kun siderne og
ordningsregistret (`ordninger.json`), så siden ved, hvilke variabler den skal spørge om.

`registrer(app)` sættes på samme app, som `make serve` serverer (webapi/app.py).
"""

from openfisca_dk_jobcenter.webside.sider import registrer

__all__ = ["registrer"]
