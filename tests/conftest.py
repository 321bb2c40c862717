import pytest

from openfisca_dk_jobcenter import CountryTaxBenefitSystem


@pytest.fixture(scope="session")
def tbs():
    return CountryTaxBenefitSystem()
