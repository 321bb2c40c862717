"""Hver ordning lægger sine deltagere ind i den syntetiske befolkning med sit eget modul.

Et modul har funktionen `tilfoej(rng, befolkning)`, der vælger deltagere og sætter ordningens
input (se `voksenlaerling.py`). Rækkefølgen her er fast, så befolkningen er reproducerbar.
"""

from openfisca_dk_jobcenter.befolkning.ordninger import (
    jobrotation,
    loentilskud,
    opkvalificering,
    virksomhedspraktik,
    voksenlaerling,
)

ORDNINGSMODULER = (voksenlaerling, jobrotation, loentilskud, virksomhedspraktik, opkvalificering)
