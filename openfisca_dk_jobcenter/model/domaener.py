"""Inputs domæner: hvad en inputværdi kan være, erklæret én gang ved variablen og håndhævet i
`Variable.check_set_value`, så enhver vej ind afviser det umulige med variablens navn.

Ved variablen (én linje over klassen)::

    @domaene(TIMER)
    class voksenlaerling_praktiktimer(Variable):
        ...

Alle variabler får desuden typens eget domæne, uden erklæring: sand/falsk kun som true/false
(ikke "nej", der ellers er sand), tal kun som tal (ikke "2*80", som kernen ellers regner ud med
numexpr) og endelige, datoer fra år 1900 til 2100, enum-værdier kun ved navn.

Hvor det håndhæves:
- `check_set_value` (kernens `SimulationBuilder.add_variable_value`): en ValueError her bliver en
  `SituationParsingError`, dvs. 400 med stien i web-API'et — også under kernens egen
  `openfisca serve -c openfisca_dk_jobcenter` — og en klar fejl i en YAML-test;
- variablens `set_input` (kernens `Holder.set_input`), hvor perioden kendes: timer højst
  periodens timer (24 × dagene i hver af dens måneder) og arrays fra Python-API'et;
- `befolkning/fil.py` (CSV/Parquet) bruger `ugyldige(...)` på hele kolonnen og nævner rækken.

`haandhaev(tax_benefit_system)` sætter det på hver variabel; `CountryTaxBenefitSystem` kalder den.
"""

import calendar
import datetime
import math
import numbers
import types
from dataclasses import dataclass

import numpy
from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.indexed_enums import Enum, EnumArray

MIN_DATO = datetime.date(1900, 1, 1)
MAX_DATO = datetime.date(2100, 12, 31)
TIMER_I_DOEGNET = 24
# Det største tal, et input kan have, når dets domæne ikke siger andet: langt over ethvert beløb
# eller antal i ordningerne, langt under, hvad float32 kan rumme (3,4e38).
MAX_TAL = 1e12


@dataclass(frozen=True)
class Domaene:
    """Tilladte værdier for et talinput: [mindst, hoejst]; `timer`: højst timerne i perioden."""

    hvad: str
    mindst: float | None = 0
    hoejst: float | None = None
    timer: bool = False

    def __str__(self):
        if self.timer:
            return f"{self.hvad}: fra 0 til timerne i perioden (24 pr. dag)"
        if self.hoejst is None:
            return f"{self.hvad}: mindst {self.mindst:g}"
        return f"{self.hvad}: fra {self.mindst:g} til {self.hoejst:g}"


# Domænerne, variablerne erklærer (de samme ord i fejlbeskederne).
TIMER = Domaene("timer", timer=True)
KRONER = Domaene("kroner")
LEDIGHEDSMAANEDER = Domaene("måneder", hoejst=130 * 12)  # inden for et liv
MAANEDER = Domaene("måneder", hoejst=130 * 12)
UGER = Domaene("uger", hoejst=130 * 53)
TIMER_PR_UGE = Domaene("timer om ugen", hoejst=7 * TIMER_I_DOEGNET)
AAR = Domaene("år", hoejst=130)
ALDER = Domaene("alder i år", hoejst=130)


def domaene(d):
    """Klassedekorator: variablens domæne, læst af `haandhaev`.

    Gemt som `__domaene__`: openfisca-core's `Variable.__init__` springer navne med `__` over og
    afviser ellers ukendte klasseattributter.
    """

    def saet(klasse):
        klasse.__domaene__ = d
        return klasse

    return saet


def variablens_domaene(variabel):
    return getattr(type(variabel), "__domaene__", None)


def oprindelig_set_input(variabel):
    """Variablens egen `set_input` (fx kernens `set_input_dispatch_by_period`) uden domænekontrollen,
    `haandhaev` lægger rundt om den."""
    return getattr(variabel.set_input, "__wrapped__", variabel.set_input)


def _deler(variabel):
    """Input for flere måneder deles ud på dem (set_input_divide_by_period), ellers gælder det hver."""
    return oprindelig_set_input(variabel) is set_input_divide_by_period


def _periodens_timer(variabel, periode):
    """Højst så mange timer kan et input for `periode` have: 24 pr. dag i hele perioden, når inputtet
    deles ud på månederne, ellers i den korteste af dem (værdien gælder hver måned).
    Uden periode (check_set_value): det største, nogen periode kan give."""
    if periode is None or periode.unit == periods.DateUnit.ETERNITY:
        return (366 if _deler(variabel) else 31) * TIMER_I_DOEGNET
    if periode.unit not in (periods.DateUnit.MONTH, periods.DateUnit.YEAR):
        dage = [periode.size_in_days]  # dage og uger
    else:
        start = periode.start
        maaned = periods.period(f"month:{start.year}-{start.month:02d}:1")
        dage = []
        for _ in range(max(1, periode.size_in_months)):
            dage.append(calendar.monthrange(maaned.start.year, maaned.start.month)[1])
            maaned = maaned.offset(1)
    return (sum(dage) if _deler(variabel) else min(dage)) * TIMER_I_DOEGNET


# --- én værdi (JSON, YAML) ------------------------------------------------------------------


def kontroller_vaerdi(variabel, vaerdi):
    """Den rå værdi fra JSON eller YAML, hvis den ligger i variablens domæne; ellers ValueError.

    Kaldes før kernens egen omsætning (`Variable.check_set_value`), så tekst aldrig regnes ud og
    aldrig bliver sand.
    """
    navn = variabel.name
    type_ = variabel.value_type
    if type_ is bool:
        if not isinstance(vaerdi, bool | numpy.bool_):
            raise ValueError(f"'{navn}' forventer true eller false, men fik {_vis(vaerdi)}")
    elif type_ in (int, float):
        if isinstance(vaerdi, bool | numpy.bool_) or not isinstance(vaerdi, numbers.Real):
            raise ValueError(f"'{navn}' forventer et tal, men fik {_vis(vaerdi)}")
        if isinstance(vaerdi, float) and not math.isfinite(vaerdi):
            raise ValueError(f"'{navn}' forventer et endeligt tal, men fik {_vis(vaerdi)}")
        if type_ is int and vaerdi != int(vaerdi):
            raise ValueError(f"'{navn}' forventer et helt tal, men fik {_vis(vaerdi)}")
        try:
            tal = numpy.array([float(vaerdi)])
        except OverflowError:
            tal = numpy.array([math.inf])
        besked = _uden_for(variabel, tal, None)
        if besked:
            raise ValueError(f"'{navn}': {_vis(vaerdi)} {besked}")
    elif type_ is datetime.date:
        if isinstance(vaerdi, datetime.datetime) or not isinstance(vaerdi, str | datetime.date):
            raise ValueError(f"'{navn}' forventer en dato 'ÅÅÅÅ-MM-DD', men fik {_vis(vaerdi)}")
        try:
            dato = datetime.date.fromisoformat(vaerdi) if isinstance(vaerdi, str) else vaerdi
        except ValueError:
            raise ValueError(f"'{navn}': '{vaerdi}' er ikke en dato, der findes (skriv 'ÅÅÅÅ-MM-DD')") from None
        if not MIN_DATO <= dato <= MAX_DATO:
            raise ValueError(f"'{navn}': datoen {dato.isoformat()} ligger uden for år {MIN_DATO.year}-{MAX_DATO.year}")
    elif type_ is Enum:
        if not isinstance(vaerdi, str | Enum):
            mulige = ", ".join(f"'{m.name}'" for m in variabel.possible_values)
            raise ValueError(f"'{navn}' forventer en af {mulige}, men fik {_vis(vaerdi)}")
    return vaerdi


# --- et helt array (CSV/Parquet, Python-API'et, set_input) -------------------------------------


def _graenser(variabel, periode):
    """(mindst, højst) for variablens tal i perioden (højst for timer: periodens timer)."""
    d = variablens_domaene(variabel)
    if d is None:
        return -MAX_TAL, MAX_TAL
    hoejst = _periodens_timer(variabel, periode) if d.timer else d.hoejst
    return d.mindst, hoejst


def _maske(variabel, tal, periode):
    """Værdierne uden for domænet i talarrayet `tal` (float eller heltal, uden kopi).

    Grænserne sammenlignes som float64 (`numpy.float64`, ikke en Python-float, som numpy ville
    runde til arrayets float32): samme svar, som hvis `tal` først var gjort til float64, men uden
    at kopiere hvert input. Hele tal er altid endelige.
    """
    mindst, hoejst = _graenser(variabel, periode)
    with numpy.errstate(invalid="ignore"):
        maske = ~numpy.isfinite(tal) if tal.dtype.kind == "f" else numpy.zeros(tal.shape, dtype=bool)
        if mindst is not None:
            maske |= tal < numpy.float64(mindst)
        if hoejst is not None:
            maske |= tal > numpy.float64(hoejst)
    return maske


def _alle_inden_for(variabel, tal, periode):
    """Sandt, når hele talarrayet ligger i domænet: to reduktioner i stedet for en maske pr. grænse
    (en befolkning har hundredtusinder af rækker pr. input). NaN og ±uendelig giver et ikke-endeligt
    mindste eller største tal, så de går videre til masken, der finder rækken."""
    if not tal.size:
        return True
    mindst, hoejst = _graenser(variabel, periode)
    lav, hoej = float(tal.min()), float(tal.max())
    return (
        math.isfinite(lav)
        and math.isfinite(hoej)
        and (mindst is None or lav >= mindst)
        and (hoejst is None or hoej <= hoejst)
    )


def _uden_for(variabel, tal, periode):
    """Beskeden for den første værdi uden for domænet i float-arrayet `tal`, eller None."""
    maske = _maske(variabel, tal, periode)
    if not maske.any():
        return None
    t = tal[numpy.flatnonzero(maske)[0]]
    d = variablens_domaene(variabel)
    mindst, hoejst = _graenser(variabel, periode)
    if not math.isfinite(t):
        return "er ikke et endeligt tal"
    if d is None:
        return f"er uden for det tilladte interval ±{MAX_TAL:g}"
    if mindst is not None and t < mindst:
        return f"er under {mindst:g} ({d})"
    hvor = f" i {periode}" if periode is not None and d.timer else ""
    return f"er over {hoejst:g}{hvor} ({d})"


def ugyldige(variabel, vaerdier, periode=None):
    """(maske, besked) for værdier uden for domænet i et helt array; (None, None) når alt er godt.

    `vaerdier` er tal (float/int), datoer (datetime64) eller sand/falsk, som befolkningsfiler og
    Python-API'et giver dem; beskeden siger, hvad der er galt, uden navn og række (kalderen ved dem).
    """
    type_ = variabel.value_type
    a = numpy.asarray(vaerdier)
    if type_ in (int, float):
        if a.dtype.kind not in "iuf":
            return numpy.ones(a.shape, dtype=bool), "er ikke et tal"
        if _alle_inden_for(variabel, a, periode):
            return None, None
        maske = _maske(variabel, a, periode)
        if not maske.any():
            return None, None
        i = int(numpy.flatnonzero(maske.reshape(-1))[0])
        return maske, _uden_for(variabel, a.reshape(-1)[i : i + 1].astype(float), periode)
    if type_ is datetime.date and a.dtype.kind == "M":
        datoer = a.astype("datetime64[D]")
        udenfor = ~numpy.isnat(datoer) & (
            (datoer < numpy.datetime64(MIN_DATO)) | (datoer > numpy.datetime64(MAX_DATO))
        )
        if udenfor.any():
            return udenfor, f"ligger uden for år {MIN_DATO.year}-{MAX_DATO.year}"
    if type_ is bool and a.dtype.kind != "b":
        # Hele tal 0/1 er utvetydige (numpy's konvention); alt andet er ikke sand/falsk.
        maske = ~numpy.isin(a, (0, 1)) if a.dtype.kind in "iu" else numpy.ones(a.shape, dtype=bool)
        if maske.any():
            return maske, "er ikke sand/falsk"
    return None, None


# --- håndhævelsen på variablerne -------------------------------------------------------------


def _check_set_value(self, value):
    return type(self).check_set_value(self, kontroller_vaerdi(self, value))


def _set_input(original):
    def set_input(holder, period, array):
        variabel = holder.variable
        if variabel.value_type is bool and numpy.asarray(array).dtype.kind in "USO":
            # Kernen gør ellers enhver ikke-tom tekst til sand ("nej" er sand).
            raise SituationParsingError(
                [holder.population.entity.plural, variabel.name, str(period)],
                f"'{variabel.name}' forventer true eller false, men fik {_vis(array)}",
            )
        if not isinstance(array, EnumArray) and variabel.value_type in (int, float, datetime.date, bool):
            vaerdier = numpy.asarray(array)
            if vaerdier.dtype.kind in "iufMb":
                maske, besked = ugyldige(variabel, vaerdier, period)
                if besked:
                    i = int(numpy.flatnonzero(maske.reshape(-1))[0]) if maske.ndim else 0
                    ids = holder.population.ids
                    id_ = ids[i] if len(ids) > i else i
                    raise SituationParsingError(
                        [holder.population.entity.plural, str(id_), variabel.name, str(period)],
                        f"'{variabel.name}': {_vis(vaerdier.reshape(-1)[i])} {besked}",
                    )
        if (
            original in (set_input_dispatch_by_period, set_input_divide_by_period)
            and period.unit == variabel.definition_period
            and period.size == 1
            and holder.get_array(period) is None
        ):
            # Præcis én af variablens egne perioder, endnu ikke sat: kernens dispatch lægger arrayet
            # selv i perioden og divide en kopi (delt med 1), men divide først efter to kopier og en
            # division; en befolkning sætter timerne sådan hver måned. (Sat før: kernens egne regler.)
            return holder._set(period, array if original is set_input_dispatch_by_period else numpy.array(array))
        return original(holder, period, array)

    set_input.__wrapped__ = original
    return set_input


def _vis(vaerdi):
    """Værdien, som brugeren skrev den (ikke numpy's repr: np.int64(-160))."""
    if isinstance(vaerdi, numpy.ndarray):
        vaerdi = vaerdi.tolist()
    elif isinstance(vaerdi, numpy.generic):
        vaerdi = vaerdi.item()
    return repr(vaerdi)


def haandhaev(tax_benefit_system):
    """Sæt domænerne på hver variabel i systemet (én gang pr. variabelobjekt)."""
    for variabel in tax_benefit_system.variables.values():
        if variabel.__dict__.get("_domaene_haandhaevet"):
            continue
        variabel.check_set_value = types.MethodType(_check_set_value, variabel)
        if variabel.set_input is not None and (variablens_domaene(variabel) is not None or variabel.value_type is bool):
            variabel.set_input = _set_input(variabel.set_input)
        variabel._domaene_haandhaevet = True
    return tax_benefit_system


# --- parametre (reformfiler og --variant) -----------------------------------------------------

# Største værdi pr. enhed (parameterens `unit`): inden for et liv, en uge, et beløb.
PARAMETER_HOEJST = {"month": 130 * 12, "week": 130 * 53, "year": 130, "hour": 7 * TIMER_I_DOEGNET}


def parametertype(parameter):
    """bool, str eller float: typen af parameterens egne værdier i pakken."""
    typer = {type(v.value) for v in parameter.values_list if v.value is not None}
    if typer == {bool}:
        return bool
    if typer and all(issubclass(t, str) for t in typer):
        return str
    return float


def kontroller_parametervaerdi(parameter, vaerdi):
    """Værdien, hvis den passer til parameterens egen type og interval; ellers ValueError.

    Et tal er endeligt og ikke negativt (satser, måneder, uger, år, timer) og højst, hvad enheden
    tillader; en sand/falsk-parameter tager kun true/false; en tekstparameter kun tekst.
    """
    type_ = parametertype(parameter)
    if type_ is bool:
        if not isinstance(vaerdi, bool):
            raise ValueError(f"'{parameter.name}' er sand/falsk: skriv true eller false, ikke {vaerdi!r}")
        return vaerdi
    if type_ is str:
        if not isinstance(vaerdi, str):
            raise ValueError(f"'{parameter.name}' er tekst, ikke {vaerdi!r}")
        return vaerdi
    if isinstance(vaerdi, bool) or not isinstance(vaerdi, numbers.Real):
        raise ValueError(f"'{parameter.name}' er et tal, ikke {vaerdi!r}")
    tal = float(vaerdi)
    if not math.isfinite(tal):
        raise ValueError(f"'{parameter.name}': {vaerdi!r} er ikke et endeligt tal")
    if tal < 0:
        raise ValueError(f"'{parameter.name}': {vaerdi!r} er negativ; satser, måneder, uger og år er mindst 0")
    enhed = (parameter.metadata or {}).get("unit")
    hoejst = PARAMETER_HOEJST.get(enhed, MAX_TAL)
    if tal > hoejst:
        raise ValueError(f"'{parameter.name}': {vaerdi!r} er over {hoejst:g} (enhed {enhed or 'tal'})")
    return tal
