"""Grundinstallationen (modellen og web-API'et) virker uden tilvalget [analyse]: pakken,
skattesystemet og web-appen importeres, mens pandas, matplotlib og pyarrow ikke kan importeres;
`dk-jobcenter` siger, hvad der mangler."""

import subprocess
import sys

BLOKER = """
import sys
class _Bloker:
    def find_spec(self, navn, sti=None, maal=None):
        if navn.split(".")[0] in ("pandas", "matplotlib", "pyarrow"):
            raise ImportError(f"No module named '{navn}'", name=navn.split(".")[0])
sys.meta_path.insert(0, _Bloker())
"""


def koer(kode):
    return subprocess.run([sys.executable, "-c", BLOKER + kode], capture_output=True, text=True, timeout=300)


def test_model_og_webapi_uden_pandas_matplotlib_pyarrow():
    r = koer(
        "import openfisca_dk_jobcenter\n"
        "from openfisca_dk_jobcenter import CountryTaxBenefitSystem\n"
        "tbs = CountryTaxBenefitSystem()\n"
        "import openfisca_dk_jobcenter.webapi\n"
        "from openfisca_dk_jobcenter.befolkning.syntetisk import syntetisk_befolkning\n"
        "assert 'pandas' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "print(len(tbs.variables))\n"
    )
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.strip()) > 50


def test_kommandoen_siger_hvad_der_mangler():
    r = koer("from openfisca_dk_jobcenter.analyse.cli import main\nsys.exit(main(['sammenlign']))\n")
    assert r.returncode == 2
    assert "[analyse]" in r.stderr
