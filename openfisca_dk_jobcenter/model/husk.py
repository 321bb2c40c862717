"""Svar, der huskes pr. array, så længe arrayet lever.

Formlerne giver de samme arrays mange gange: månedens regeldato (OpenFiscas cachede array) til op
til otte regler, en persons målgruppe (et input) i alle årets måneder. Hvad der afhænger af
arrayet alene (den dato, de fleste deler; indekser til opslag), regnes så én gang. Arrays i
OpenFiscas cache ændres aldrig, så et svar gælder, så længe arrayet findes; når det forsvinder,
glemmes svaret.

Kun for arrays fra OpenFisca, givet til hjælpere, som formler kalder (`forloeb.py`,
`kategorier.slaa_op`): et array, som nogen ændrer bagefter, ville få det gamle svar. Den rene
datoregning i `datoer.py` husker intet.
"""

import weakref

_HUSKET = {}


def husket(array, beregn):
    """`beregn(array)`, regnet første gang og husket, så længe `array` lever."""
    noegle = id(array)
    post = _HUSKET.get(noegle)
    if post is None or post[0]() is not array:
        try:
            reference = weakref.ref(array, lambda _: _HUSKET.pop(noegle, None))
        except TypeError:  # kan ikke huskes (fx en Python-skalar): regnes igen næste gang
            return beregn(array)
        post = _HUSKET[noegle] = (reference, {})
    svar = post[1]
    if beregn not in svar:
        svar[beregn] = beregn(array)
    return svar[beregn]
