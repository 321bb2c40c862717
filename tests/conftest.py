import sys
from pathlib import Path

import pytest

# tools/ (testserver, fuzz, belastning) ligger i repoet, ikke i pakken.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openfisca_dk_jobcenter import CountryTaxBenefitSystem  # noqa: E402


@pytest.fixture(scope="session")
def tbs():
    return CountryTaxBenefitSystem()
