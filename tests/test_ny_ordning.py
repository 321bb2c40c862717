"""Gennemgangen "Sådan tilføjes en ordning" (docs/udviklere.md) holder: en tænkt ordning, `mentor`,
lagt i en kopi af depotet de fem steder, gennemgangen nævner, og intet andet sted, virker overalt.

Parameterfilen (trin 1), formlen (trin 2) og registerposten (trin 4) tages fra gennemgangen selv;
variablerne omkring formlen, testsagerne og befolkningsmodulet skrives her efter dens trin. Så
fejler testen, hvis gennemgangen og koden kommer ud af trit: et trin, der mangler, et navn, der
ikke længere følger af nøglen, eller en formel, der ikke længere kører.
"""

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROD = Path(__file__).resolve().parents[1]
GENNEMGANG = ROD / "docs" / "udviklere.md"
PAKKE = "openfisca_dk_jobcenter"


def _afsnit():
    tekst = GENNEMGANG.read_text(encoding="utf-8")
    return tekst.split("## Sådan tilføjes en ordning", 1)[1].split("\n## ", 1)[0]


def _blok(trin, sprog):
    """Den første kodeblok i `sprog` under trin nummer `trin` i gennemgangen, uden indrykning."""
    afsnit = _afsnit()
    start = afsnit.index(f"\n{trin}. **")
    slut = afsnit.find(f"\n{trin + 1}. **", start)
    del_ = afsnit[start : slut if slut > 0 else None]
    fundet = re.search(rf"```{sprog}\n(.*?)\n\s*```", del_, flags=re.S)
    assert fundet, f"trin {trin} i gennemgangen har ingen {sprog}-blok"
    return textwrap.dedent(fundet.group(1))


VARIABLER = '''
"""Mentorstøtte (tænkt ordning i tests/test_ny_ordning.py)."""

from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_dk_jobcenter.entities import Person, Virksomhed
from openfisca_dk_jobcenter.model.forloeb import foerste_dag, regeldato
from openfisca_dk_jobcenter.model.kategorier import foerste_grund

KILDE = "https://www.retsinformation.dk/eli/lta/2019/548"


class mentor_start(Variable):
    value_type = date
    default_value = date(1970, 1, 1)
    entity = Person
    definition_period = ETERNITY
    label = "Mentorforløbets første dag"
    reference = KILDE


class mentor_timer(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Timer med mentor i måneden"
    reference = KILDE


class mentor_aftale_godkendt(Variable):
    value_type = bool
    default_value = True
    entity = Virksomhed
    definition_period = MONTH
    label = "Jobcenteret har godkendt mentoraftalen"
    reference = KILDE


class mentor_regeldato(Variable):
    value_type = date
    entity = Person
    definition_period = MONTH
    label = "Dagen, hvis regler gælder for mentorforløbet"
    reference = KILDE

    def formula(person, period):
        return regeldato(person("mentor_start", period), period)


class MentorAfslagsgrund(Enum):
    ingen = "Ingen: alle betingelser er opfyldt"
    aftale_ikke_godkendt = "Jobcenteret har ikke godkendt aftalen"


class mentor_afslagsgrund(Variable):
    value_type = Enum
    possible_values = MentorAfslagsgrund
    default_value = MentorAfslagsgrund.ingen
    entity = Person
    definition_period = MONTH
    label = "Første betingelse for mentorstøtte, der ikke er opfyldt"
    reference = KILDE

    def formula(person, period):
        godkendt = person.virksomhed("mentor_aftale_godkendt", period)
        return foerste_grund([(~godkendt, MentorAfslagsgrund.aftale_ikke_godkendt)], ingen=MentorAfslagsgrund.ingen)


class mentor_berettiget(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Alle betingelser for mentorstøtte er opfyldt"
    reference = KILDE

    def formula(person, period):
        return person("mentor_afslagsgrund", period) == MentorAfslagsgrund.ingen


class mentor_tilskud(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Mentorstøtte i måneden (kr.)"
    reference = KILDE

{formel}
'''

TESTSAGER = """
- name: "Mentorstøtte: godkendt aftale, 10 timer i 2024 til 120 kr. (satsen fra 2024) = 1.200 kr."
  period: 2024-03
  input:
    mentor_start: 2024-03-01
    mentor_timer: 10
  output:
    mentor_afslagsgrund: ingen
    mentor_tilskud: 1200

- name: "Mentorstøtte: forløbet begyndte i 2023, så 2023-satsen (100 kr.) gælder hele forløbet = 1.000 kr."
  period: 2024-03
  input:
    mentor_start: 2023-12-01
    mentor_timer: 10
  output:
    mentor_tilskud: 1000

- name: "Mentorstøtte: aftalen er ikke godkendt — intet tilskud"
  period: 2024-03
  input:
    personer:
      ida:
        mentor_start: 2024-03-01
        mentor_timer: 10
    virksomheder:
      firma:
        ansatte: [ida]
        mentor_aftale_godkendt: false
  output:
    mentor_afslagsgrund: [aftale_ikke_godkendt]
    mentor_tilskud: [0]
"""

BEFOLKNINGSMODUL = '''
"""Mentorforløb i den syntetiske befolkning (tænkt ordning i tests/test_ny_ordning.py)."""

import numpy

from openfisca_dk_jobcenter.befolkning.ordninger.tidligere_ordninger import fri_af_tidligere_ordninger

ANDEL = 0.05  # personer med et mentorforløb i året (antagelse)
TIMER = 10.0  # mentortimer pr. måned (antagelse)


def tilfoej(rng, b):
    n = b.antal_personer
    deltager = fri_af_tidligere_ordninger(b, "mentor") & (rng.random(n) < ANDEL)
    start = numpy.datetime64(f"{b.aar}-01-01") + rng.integers(0, 365, size=n).astype("timedelta64[D]")
    b.personer["mentor_start"] = numpy.where(deltager, start, numpy.datetime64("1970-01-01"))
    maaned = numpy.arange(12)[:, None]
    efter_start = maaned >= (start.astype("datetime64[M]").astype(int) % 12)[None, :]
    b.personer_maaned["mentor_timer"] = numpy.where(deltager[None, :] & efter_start, TIMER, 0).astype(numpy.float32)
'''

KONTROL = """
from openfisca_dk_jobcenter import CountryTaxBenefitSystem
from openfisca_dk_jobcenter.analyse import Mikrosimulering
from openfisca_dk_jobcenter.model.ordninger import ORDNINGER, ordning

o = ordning("mentor")
assert ORDNINGER[-1] is o
assert (o.tilskud, o.berettiget, o.afslagsgrund) == ("mentor_tilskud", "mentor_berettiget", "mentor_afslagsgrund")
assert o.befolkningsmodul == "openfisca_dk_jobcenter.befolkning.ordninger.mentor", o.befolkningsmodul
assert o.entitet == "person"
CountryTaxBenefitSystem()
simulering = Mikrosimulering(aar=2026, personer=4000)
tilskud = simulering.beregn("mentor_tilskud", 2026)
assert tilskud.sum() > 0, "den syntetiske befolkning har ingen med mentorstøtte"
i_alt = simulering.beregn("virksomhed_tilskud_i_alt", 2026)
print("mentor", round(float(tilskud.sum())), "i alt", round(float(i_alt.sum())))
"""


def _kopi(tmp_path):
    kopi = tmp_path / "depot"
    uden = shutil.ignore_patterns("__pycache__", "*.pyc", ".venv", ".git", "resultater", "*.egg-info", "browser")
    for navn in (PAKKE, "tests", "docs", "benchmarks", "tools"):
        shutil.copytree(ROD / navn, kopi / navn, ignore=uden)
    for navn in ("setup.py", "ruff.toml", "README.md", "CHANGELOG.md"):
        shutil.copy(ROD / navn, kopi / navn)
    return kopi


def _skriv(sti, tekst):
    sti.parent.mkdir(parents=True, exist_ok=True)
    sti.write_text(tekst.lstrip("\n"), encoding="utf-8")


def _koer(kopi, *argumenter):
    miljoe = {**os.environ, "PYTHONPATH": str(kopi)}
    svar = subprocess.run([sys.executable, *argumenter], cwd=kopi, env=miljoe, capture_output=True, text=True, timeout=900)
    assert svar.returncode == 0, f"{' '.join(argumenter)}:\n{svar.stdout[-3000:]}\n{svar.stderr[-3000:]}"
    return svar.stdout


def test_gennemgangen_naevner_fem_steder():
    afsnit = _afsnit()
    assert "En ordning er **fem steder" in afsnit
    for trin, sted in [(1, "parameters/mentor/"), (2, "variables/mentor/"), (3, "tests/mentor/"),
                       (4, "model/ordninger.py"), (5, "befolkning/ordninger/mentor.py")]:
        assert f"\n{trin}. **" in afsnit and sted in afsnit, (trin, sted)


def test_en_ny_ordning_de_fem_steder_virker_overalt(tmp_path):
    kopi = _kopi(tmp_path)
    pakke = kopi / PAKKE
    # 1. Parametre: gennemgangens egen fil.
    _skriv(pakke / "parameters" / "mentor" / "timesats.yaml", _blok(1, "yaml") + "\n")
    # 2. Variabler: gennemgangens formel i tilskudsvariablen.
    formel = textwrap.indent(_blok(2, "python"), "    ")
    _skriv(pakke / "variables" / "mentor" / "__init__.py", "")
    _skriv(pakke / "variables" / "mentor" / "mentor.py", VARIABLER.replace("{formel}", formel))
    # 3. Testsager på begge sider.
    _skriv(pakke / "tests" / "mentor" / "mentor.yaml", TESTSAGER)
    # 4. Registret: gennemgangens post, sidst i ORDNINGER.
    register = pakke / "model" / "ordninger.py"
    tekst = register.read_text(encoding="utf-8")
    post = textwrap.indent(_blok(4, "python"), "    ")
    slut = "\n)\n\n\ndef ordning(noegle):"
    assert slut in tekst
    register.write_text(tekst.replace(slut, "\n" + post + slut, 1), encoding="utf-8")
    # 5. Befolkningsmodulet (registret finder det ved nøglen).
    _skriv(pakke / "befolkning" / "ordninger" / "mentor.py", BEFOLKNINGSMODUL)

    yaml_ud = _koer(kopi, "-m", "openfisca_dk_jobcenter.yamltest", "openfisca_dk_jobcenter/tests/mentor")
    assert "3 passed" in yaml_ud, yaml_ud
    _koer(kopi, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_ordningsregister.py",
          "tests/test_ordningstabeller.py", "tests/test_metadata.py", "tests/test_kildegrad.py", "tests/test_lag.py")
    ud = _koer(kopi, "-c", KONTROL)
    assert ud.startswith("mentor "), ud
