"""Hver ordning lægger sine deltagere ind i den syntetiske befolkning med sit eget modul.

Et modul har funktionen `tilfoej(rng, befolkning)`, der vælger deltagere og sætter ordningens
input (se `voksenlaerling.py`). Modulerne står i ordningsregistret (`ordninger.ORDNINGER`,
feltet `befolkningsmodul`); rækkefølgen er registrets, så befolkningen er reproducerbar.
"""

import importlib

from openfisca_dk_jobcenter.model.ordninger import ORDNINGER

ORDNINGSMODULER = tuple(importlib.import_module(o.befolkningsmodul) for o in ORDNINGER)
