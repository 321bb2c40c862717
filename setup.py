"""Installation of openfisca-dk-jobcenter.

setup.py (not a pyproject-only build) because `openfisca serve` reads the package's metadata
(name, version, url, project urls) when it builds the web API.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent

setup(
    name="openfisca-dk-jobcenter",
    version="0.5.0",
    description="Jobcentrenes virksomhedsordninger (voksenlærling, jobrotation, løntilskud, "
    "virksomhedspraktik, opkvalificering) som regler-som-kode på OpenFisca",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    url="https://github.com/openfisca-dk/openfisca-dk-jobcenter",
    project_urls={
        "Repository": "https://github.com/openfisca-dk/openfisca-dk-jobcenter",
        "Changelog": "https://github.com/openfisca-dk/openfisca-dk-jobcenter/blob/main/CHANGELOG.md",
    },
    keywords="openfisca rules-as-code jobcenter beskæftigelse voksenlærling jobrotation løntilskud",
    classifiers=[
        "Programming Language :: Python :: 3.11",
        "License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)",
        "Natural Language :: Danish",
    ],
    python_requires=">=3.11",
    packages=find_packages(exclude=["tests", "tests.*", "benchmarks", "benchmarks.*"]),
    include_package_data=True,
    package_data={
        "openfisca_dk_jobcenter": [
            "parameters/**/*.yaml",
            "reforms/*.yaml",
            "tests/**/*.yaml",
            "befolkning/*.md",
            "befolkning/*.json",
            "situation_examples/*.json",
            "webapi/gunicorn.conf.py",
            "webside/templates/webside/*.html",
            "webside/static/*",
        ]
    },
    install_requires=[
        # Kernen uden sit web-api-ekstra: det låser gunicorn<23 (CVE-2024-6827) og flask-cors<4
        # (CVE-2024-1681, -6839, -6844, -6866). Web-API'et kører på de rettede versioner
        # (tests/web_api/test_afhaengigheder.py).
        "openfisca-core>=46.0.1,<47",
        "Flask>=3.0,<4",
        "Werkzeug>=3.0.6,<4",
        "flask-cors>=6.0.0",
        "gunicorn>=23.0.0",
        "numpy>=2.0",
        "pyyaml>=6.0",
    ],
    extras_require={
        # Analytikerens værktøjer (dk-jobcenter sammenlign, Mikrosimulering, diagrammer,
        # Parquet-filer); grundinstallationen er modellen og web-API'et.
        "analyse": [
            "pandas>=2.2",
            "matplotlib>=3.8",
            "pyarrow>=15",
        ],
        # Kørsel på en Dask-klynge (`dk-jobcenter sammenlign --klynge tcp://HOST:8786`). 2025.1.0
        # og nyere: CVE-2024-10096 (<= 2024.8.2) og CVE-2021-42343 (< 2021.10.0) er rettet.
        "klynge": [
            "distributed>=2025.1.0",
            "tornado>=6.5",  # CVE-2025-47287 (< 6.5)
        ],
        "dev": [
            "pytest>=8",
            "ruff>=0.6",
            "yamllint>=1.35",
            # web-API'et: /spec valideres som OpenAPI; make fuzz (schemathesis, hypothesis)
            "openapi-spec-validator>=0.7",
            "schemathesis>=4.0,<5",
            "hypothesis>=6.100",
            "python-dateutil>=2.8",  # datoregningens egenskabstest (relativedelta)
            # websidens browsertest (tests/browser): Debians chromium, styret af Playwright
            "playwright>=1.40",
            "psutil>=5.9",  # testen af, at Ctrl-C stopper alle arbejdsprocesser (tests/test_udfoersel.py)
        ],
    },
    entry_points={
        "console_scripts": [
            "dk-jobcenter = openfisca_dk_jobcenter.analyse.cli:main",
            "dk-jobcenter-test = openfisca_dk_jobcenter.yamltest:main",
        ],
    },
)
