"""Løntilskud: bruttostøtteintensiteten hos private arbejdsgivere (bekendtgørelse om en aktiv
beskæftigelsesindsats § 86; EU's gruppefritagelsesforordning art. 32-33).

Løntilskuddet til en privat arbejdsgiver kan over en periode på et år efter
løntilskudsansættelsens første dag ikke overstige 50 pct. af de samlede lønomkostninger for
personen (75 pct. for personer i jobafklarings- og ressourceforløb og revalidender). De samlede
lønomkostninger er løn, feriegodtgørelse og feriepenge, arbejdsgiverens pensionsbidrag, ATP osv.
(Københavns Kommune, Støtteberegneren); arbejdsgiveren oplyser dem pr. måned
(`loentilskud_loenomkostning`), også for måneder efter løntilskuddet inden for året.

Regnestykket: året er løntilskuddets første måned og de følgende måneder til dagen før
startdatoen + 12 måneder (den sidste, delvise måned med sin andel af kalenderdagene). Er
løntilskuddet for året større end loftet × årets lønomkostninger, nedsættes hver måneds
løntilskud med samme faktor, så årets løntilskud netop er loftet. Kommunen opgør det ved hver
anmodning om refusion og kræver det overskydende tilbage (kk.dk); året i alt er det samme, men
modellen fordeler nedsættelsen jævnt over månederne i stedet for at lægge den i de sidste.

Uden oplyste lønomkostninger (standardværdien 0 i hele året) eller uden oplyst første dag
nedsættes intet: betingelsen er opfyldt, indtil arbejdsgiveren siger andet.
"""

from datetime import date

import numpy
from openfisca_core.holders import set_input_divide_by_period
from openfisca_core.periods import MONTH

from openfisca_dk_jobcenter.entities import Person
from openfisca_dk_jobcenter.model.datoer import andel_af_maaneden, oplyst, periodens_slut
from openfisca_dk_jobcenter.model.domaener import KRONER, domaene
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, forloebets_startmaaned
from openfisca_dk_jobcenter.model.kilder import BEK_86, KK_PRIVAT_LOENTILSKUD, KK_STOETTEBEREGNER
from openfisca_dk_jobcenter.model.variabel import Variable


@domaene(KRONER)
class loentilskud_loenomkostning(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    label = "Arbejdsgiverens samlede lønomkostninger til personen i måneden (løn, feriepenge, pension, ATP m.v.)"
    documentation = (
        "Til bruttostøtteintensiteten hos en privat arbejdsgiver (BEK § 86): lønudgifter, "
        "feriegodtgørelse og feriepenge, arbejdsgiverbidrag til pension, ATP osv. (Københavns "
        "Kommune). Angiv dem for hver måned i året fra løntilskuddets første dag, også efter "
        "løntilskuddet, når ansættelsen fortsætter. 0 (standard) i hele året betyder ikke oplyst: "
        "så nedsættes løntilskuddet ikke."
        "\n\nHjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    )
    reference = [BEK_86, KK_STOETTEBEREGNER]


class loentilskud_stoetteloft(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Højeste bruttostøtteintensitet for løntilskuddet over det første år (andel af lønomkostningerne; 1 = intet loft)"
    documentation = (
        "Hos en privat arbejdsgiver 0,5 for dagpenge-, kontanthjælps-, uddannelseshjælps- og "
        "sygedagpengemodtagere og 0,75 for personer i jobafklarings- og ressourceforløb og "
        "revalidender (BEK § 86, stk. 1), efter reglerne på løntilskuddets første dag. Hos en "
        "offentlig arbejdsgiver og for målgrupper, § 86 ikke nævner, 1 (intet loft)."
        "\n\nHjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    )
    reference = [BEK_86, KK_PRIVAT_LOENTILSKUD]

    def formula(person, period, parameters):
        regler = foerste_dag(person, period, parameters, "loentilskud")
        loft = regler.privat.bruttostoetteintensitet[person("maalgruppe", period)]
        offentlig = person("ansat_hos_offentlig_arbejdsgiver", period)
        return numpy.where(offentlig, 1, loft)


class loentilskud_stoetteloft_aar_slut(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Første dag efter det år fra løntilskuddets første dag, som bruttostøtteintensiteten opgøres over"
    documentation = "Løntilskud fra 16. januar 2023: året er 16. januar 2023 – 15. januar 2024; 9999-12-31 uden oplyst første dag."
    documentation = "Hjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    reference = [BEK_86]

    def formula(person, period, parameters):
        maaneder = foerste_dag(person, period, parameters, "loentilskud").privat.bruttostoetteintensitet_periode_maaneder
        return periodens_slut(person("loentilskud_start", period), maaneder)


def loenomkostninger_oplyst(person):
    """Om nogen i simuleringen har oplyst lønomkostninger; uden dem nedsættes intet, og loftet
    behøver ikke regnes (den syntetiske befolkning har dem ikke)."""
    return bool(person.simulation.get_holder("loentilskud_loenomkostning").get_known_periods())


def _aarets_maaneder(person, period):
    """[(måned, andel)] for månederne omkring `period`, som kan ligge i en persons år, med den del
    af hver måned, der ligger i personens år (0 uden for året), og masken for dem, hvis år
    `period` ligger i og har et loft under 1 (kun de kan få løntilskuddet nedsat)."""
    if not loenomkostninger_oplyst(person):
        return [], numpy.zeros(person.count, dtype=bool)
    start = person("loentilskud_start", period)
    fra = forloebets_startmaaned(start)
    til = person("loentilskud_stoetteloft_aar_slut", period)
    i_aaret = andel_af_maaneden(period, fra=fra, til=til) > 0
    kandidater = oplyst(start) & i_aaret & (person("loentilskud_stoetteloft", period) < 1)
    if not kandidater.any():
        return [], kandidater
    # Et år fra første dag spænder over højst 13 kalendermåneder; `period` kan være den første
    # eller den sidste af dem, så månederne 12 før til 12 efter dækker alle personers år.
    laengste = int(numpy.max(numpy.where(kandidater, (til.astype("datetime64[M]") - fra.astype("datetime64[M]")).astype(int), 0)))
    maaneder = []
    for forskydning in range(-laengste, laengste + 1):
        maaned = period.offset(forskydning)
        maaneder.append((maaned, andel_af_maaneden(maaned, fra=fra, til=til) * kandidater))
    return maaneder, kandidater


class loentilskud_loenomkostninger_foerste_aar(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Arbejdsgiverens samlede lønomkostninger til personen i året fra løntilskuddets første dag (kr.)"
    documentation = (
        "Summen af loentilskud_loenomkostning i årets måneder, den sidste måned med sin andel af "
        "kalenderdagene i året. Regnes kun i årets måneder, hos en privat arbejdsgiver, når "
        "løntilskuddets første dag er oplyst; ellers 0."
        "\n\nHjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    )
    reference = [BEK_86, KK_STOETTEBEREGNER]

    def formula(person, period):
        maaneder, kandidater = _aarets_maaneder(person, period)
        ud = numpy.zeros(person.count, dtype=numpy.float32)
        for maaned, andel in maaneder:
            ud += person("loentilskud_loenomkostning", maaned) * andel
        return ud


class loentilskud_foer_stoetteloft_foerste_aar(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskud før støtteloftet i året fra løntilskuddets første dag (kr.)"
    documentation = (
        "Summen af loentilskud_foer_stoetteloft i årets måneder. Regnes kun, når årets "
        "lønomkostninger er oplyst (større end 0); ellers 0."
        "\n\nHjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    )
    reference = [BEK_86]

    def formula(person, period):
        oplyste = person("loentilskud_loenomkostninger_foerste_aar", period) > 0
        ud = numpy.zeros(person.count, dtype=numpy.float32)
        if not oplyste.any():
            return ud
        maaneder, _ = _aarets_maaneder(person, period)
        for maaned, andel in maaneder:
            ud += person("loentilskud_foer_stoetteloft", maaned) * ((andel > 0) & oplyste)
        return ud


class loentilskud_bruttostoetteintensitet_foer_loft(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Løntilskuddet før støtteloftet i procent af lønomkostningerne i året fra første dag (som andel; 0 uden oplyste lønomkostninger)"
    documentation = "Hjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    reference = [BEK_86, KK_STOETTEBEREGNER]

    def formula(person, period):
        loen = person("loentilskud_loenomkostninger_foerste_aar", period)
        tilskud = person("loentilskud_foer_stoetteloft_foerste_aar", period)
        return numpy.divide(tilskud, loen, out=numpy.zeros_like(tilskud), where=loen > 0)


class loentilskud_stoetteloft_faktor(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    default_value = 1
    label = "Den faktor, løntilskuddet ganges med, så det første års løntilskud ikke overstiger støtteloftet (1 = ingen nedsættelse)"
    documentation = (
        "min(1, loft × årets lønomkostninger / årets løntilskud før loftet), hvor loftet er "
        "loentilskud_stoetteloft (BEK § 86). 1, når loftet ikke nås, hos en offentlig arbejdsgiver, "
        "og når lønomkostningerne eller løntilskuddets første dag ikke er oplyst. Nedsættelsen er "
        "den samme i alle årets måneder."
        "\n\nHjemmel: Bekendtgørelse om en aktiv beskæftigelsesindsats § 86, stk. 1."
    )
    reference = [BEK_86, KK_PRIVAT_LOENTILSKUD]

    def formula(person, period):
        tilskud = person("loentilskud_foer_stoetteloft_foerste_aar", period)
        ud = numpy.ones(person.count, dtype=numpy.float32)
        over_nul = tilskud > 0
        if not over_nul.any():
            return ud
        tilladt = person("loentilskud_stoetteloft", period) * person("loentilskud_loenomkostninger_foerste_aar", period)
        numpy.divide(tilladt, tilskud, out=ud, where=over_nul)
        return numpy.minimum(ud, 1)
