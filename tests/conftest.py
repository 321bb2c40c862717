import sys
from pathlib import Path

import pytest

# tools/ (testserver, fuzz, belastning) ligger i repoet, ikke i pakken.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openfisca_dk_jobcenter import CountryTaxBenefitSystem  # noqa: E402
from openfisca_dk_jobcenter.reforms.fra_fil import anvend_reformfil  # noqa: E402


@pytest.fixture(scope="session")
def tbs():
    return CountryTaxBenefitSystem()


@pytest.fixture
def reform_med(tbs, tmp_path):
    """Grundlaget med en reformfil, der sætter parametrene ({sti: {dato: værdi}}), læst som en
    brugers reformfil (`anvend_reformfil`): så prøver testen, at en reformfil kan ændre reglen."""

    def reform(parametre):
        sti = tmp_path / "reform.yaml"
        linjer = ["navn: Test", "parametre:"]
        for parametersti, vaerdier in parametre.items():
            linjer.append(f"  {parametersti}:")
            linjer += [f"    {dato}: {vaerdi}" for dato, vaerdi in vaerdier.items()]
        sti.write_text("\n".join(linjer) + "\n", encoding="utf-8")
        return anvend_reformfil(tbs, sti)

    return reform
