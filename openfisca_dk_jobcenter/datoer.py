"""Vektoriseret datoregning, som reglerne bruger: alder, måneder lagt til en dato og
forholdsmæssig fordeling af en måneds timer efter kalenderdage.

Alt arbejder på numpy `datetime64[D]`-arrays, uden løkker over personer.

Konventioner (de samme i alle ordninger):
- En periode på N måneder fra dag S dækker dagene fra og med S til, men ikke med, S + N måneder
  (et vikariat fra 16. januar på 6 måneder dækker 16. januar – 15. juli).
- En frist på N måneder fra dag S udløber på dagen S + N måneder (en ansøgning "inden for 1
  måned" fra 15. januar er rettidig til og med 15. februar), som ved almindelig fristberegning.
- S + N måneder er samme dato N måneder senere; findes datoen ikke, bruges månedens sidste dag
  (31. januar + 1 måned = 28./29. februar).
"""

import numpy
from openfisca_core.parameters import Parameter

DAG = numpy.timedelta64(1, "D")


def som_dato(dates):
    """Gør input til et `datetime64[D]`-array (OpenFisca gemmer datoer som `datetime64[D]`)."""
    return numpy.asarray(dates, dtype="datetime64[D]")


def maanedens_dage(period):
    """Første dag, første dag i næste måned og antal dage for OpenFisca-måneden `period`."""
    first = numpy.datetime64(period.start.date, "D")
    after = numpy.datetime64(period.start.offset(1, "month").date, "D")
    return first, after, (after - first).astype("int64")


def plus_maaneder(dates, months):
    """`dates` + `months` kalendermåneder (skalar eller array), klippet til månedens sidste dag."""
    dates = som_dato(dates)
    month_start = dates.astype("datetime64[M]")
    day_index = (dates - month_start.astype("datetime64[D]")).astype("int64")
    target_month = month_start + numpy.asarray(months).astype("int64")
    target_start = target_month.astype("datetime64[D]")
    days_in_target = ((target_month + 1).astype("datetime64[D]") - target_start).astype("int64")
    return target_start + numpy.minimum(day_index, days_in_target - 1)


def alder_paa_dato(foedselsdato, dato):
    """Alder i hele år på `dato`; fødselsdagen selv tæller (fyldt 25 på fødselsdagen).

    En person født 29. februar fylder år 1. marts i år, der ikke er skudår.
    """
    born = som_dato(foedselsdato)
    on = som_dato(dato)
    born_year = born.astype("datetime64[Y]")
    on_year = on.astype("datetime64[Y]")
    years = (on_year - born_year).astype("int64")
    # Birthday this year: same month and day, pushed to 1 March when 29 Feb does not exist.
    birthday_this_year = _dag_i_aar(born, on_year)
    return years - (on < birthday_this_year)


def _dag_i_aar(born, year):
    """Dato med `born`s måned og dag i året `year` (`datetime64[Y]`); 29. februar i et
    ikke-skudår bliver 1. marts, fordi dagen lægges til den 1. i måneden."""
    month_of_year = born.astype("datetime64[M]") - born.astype("datetime64[Y]").astype("datetime64[M]")
    day_index = born - born.astype("datetime64[M]").astype("datetime64[D]")
    month_start = (year.astype("datetime64[M]") + month_of_year).astype("datetime64[D]")
    return month_start + day_index


def andel_af_maaneden(period, fra=None, til=None):
    """Den del af månedens kalenderdage, der ligger i [fra, til) — til forholdsmæssig fordeling.

    `fra` er første dag, der er med; `til` er første dag, der ikke er med. Udeladt betyder
    ubegrænset. Resultatet er mellem 0 og 1 (en regel i kraft fra den 16. i en måned med 31 dage
    giver 16/31).
    """
    first, after, n_days = maanedens_dage(period)
    start = first if fra is None else numpy.maximum(som_dato(fra), first)
    stop = after if til is None else numpy.minimum(som_dato(til), after)
    covered = numpy.clip((stop - start).astype("int64"), 0, n_days)
    return (covered / n_days).astype(numpy.float32)


def parameter_paa_dato(parameter, datoer):
    """Værdien af en dateret parameter på hver persons egen dato (vektoriseret).

    `parameter` er en parameter fra træet (ikke en værdi på et tidspunkt), så en reform, der
    ændrer parameteren, slår igennem. Datoer før parameterens første værdi får den første værdi.
    """
    vaerdier = sorted(
        (numpy.datetime64(v.instant_str, "D"), numpy.nan if v.value is None else v.value)
        for v in parameter.values_list
    )
    fra = numpy.array([d for d, _ in vaerdier], dtype="datetime64[D]")
    tal = numpy.array([v for _, v in vaerdier], dtype=numpy.float64)
    indeks = numpy.searchsorted(fra, som_dato(datoer), side="right") - 1
    return tal[numpy.clip(indeks, 0, len(tal) - 1)]


# Et tilbud følger de regler, der gjaldt, da det blev givet (fx løntilskud bevilget før
# 1. januar 2015 fortsatte efter de hidtidige regler, STAR). `parameter_paa_dato` læser én
# parameter; `regler_paa_dato` beregner regler, der kombinerer flere parametre.


def _parametre(node):
    if isinstance(node, Parameter):
        yield node
        return
    for barn in node.children.values():
        yield from _parametre(barn)


def regler_paa_dato(parametre, noder, datoer, beregn):
    """`beregn(parametre_paa_tidspunktet)` med de regler, der gjaldt på hver persons egen dato.

    `parametre` er parametertræet (`tax_benefit_system.parameters`, så en reform slår igennem),
    `noder` de dele af træet, som `beregn` læser (deres ændringsdatoer er de eneste tidspunkter,
    der skal beregnes). Der løkkes over lovændringerne, ikke over personer. Datoer før den første
    værdi får de første regler.
    """
    skift = sorted({v.instant_str for node in noder for p in _parametre(node) for v in p.values_list})
    datoer = som_dato(datoer)
    resultat = numpy.asarray(beregn(parametre(skift[0])))
    for tidspunkt in skift[1:]:
        gaelder = datoer >= numpy.datetime64(tidspunkt, "D")
        if gaelder.any():
            resultat = numpy.where(gaelder, beregn(parametre(tidspunkt)), resultat)
    return resultat
