# Alt, der skal til på en ny maskine: `make demo` og `make test` laver .venv og installerer selv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installeret
PORT ?= 5000
PERSONER ?= 100000
UD ?= resultater/demo

.PHONY: install bytekode demo test test-yaml test-python lint serve bench bench-danmark bench-parallel bench-instruktioner clean browser

$(STAMP): setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=25.3' 'setuptools>=78.1.1'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,analyse,klynge]'
	touch $(STAMP)

install: $(STAMP)

## Pakkens moduler oversat på forhånd (__pycache__, uden for git), som pip gør ved en almindelig
## installation: en redigerbar installation oversætter dem først ved importen og gemmer dem ikke,
## når PYTHONDONTWRITEBYTECODE er sat. Sparer ca. 0,5 s ved hver start af kommandoen og arbejderne;
## kun ændrede filer oversættes igen, og en fil, der er ændret bagefter, læses fra kilden.
bytekode: $(STAMP)
	@$(BIN)/python -m compileall -q openfisca_dk_jobcenter > /dev/null

## Hovedjobbet: reformsammenligning på den indbyggede syntetiske befolkning.
demo: $(STAMP) bytekode
	$(BIN)/dk-jobcenter sammenlign --reform openfisca_dk_jobcenter/reforms/hoejere_voksenlaerlingesatser.yaml \
		--variant voksenlaerling.timesats.fra_ledighed=30,45,60,75 --personer $(PERSONER) --ud $(UD)

## Hele testsuiten: lint, YAML-testene (dk-jobcenter-test: openfisca test med sikker YAML) og pytest.
test: lint test-yaml test-python

test-yaml: $(STAMP)
	$(BIN)/dk-jobcenter-test openfisca_dk_jobcenter/tests

test-python: $(STAMP) browser
	$(BIN)/python -m pytest -q tests

## Debians chromium til websidens browsertest (tests/browser), kun når den mangler (CI kører som root).
## Kan den ikke installeres, fejler browsertestene med en besked om det (de springes aldrig over).
CHROMIUM ?= /usr/bin/chromium
browser:
	-@if [ -x $(CHROMIUM) ]; then echo "chromium: $(CHROMIUM)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "chromium mangler ($(CHROMIUM)) og kan ikke installeres her (kræver root og apt-get)" >&2; exit 1; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/yamllint -s openfisca_dk_jobcenter examples

## Web-API'et lokalt (127.0.0.1:$(PORT)): tre gunicorn-arbejdere (webapi/arbejder.py) og pakkens værn mod dårligt input
## (openfisca_dk_jobcenter/webapi/gunicorn.conf.py). Med en reform for hele serveren:
## make serve REFORM=openfisca_dk_jobcenter.reforms.hoejere_voksenlaerlingesatser
## En anden port: make serve PORT=5001. Er porten optaget, stopper make med det samme og nævner PORT=.
serve: $(STAMP) bytekode
	@$(BIN)/python -m tools.port_ledig $(PORT)
	$(BIN)/openfisca serve --country-package openfisca_dk_jobcenter \
		--configuration-file openfisca_dk_jobcenter/webapi/gunicorn.conf.py --port $(PORT) \
		$(if $(REFORM),--reforms $(REFORM))

.PHONY: fuzz load
## schemathesis mod /spec og situationer fra hypothesis mod den hærdede server (ingen 5xx) og
## kernens egen openfisca serve (5xx tælles), på ledige porte på 127.0.0.1.
fuzz: $(STAMP)
	$(BIN)/python -m tools.fuzz

## Den hærdede server og kernens openfisca serve side om side (ledige porte på 127.0.0.1), belastet
## samtidig med 32 klienter hver i 6 runder à 500 kald, og 32 langsomme klienter (slowloris) hos den
## hærdede hele tiden: ingen fejl, median p95 hærdet/kerne ≤ 1,3.
load: $(STAMP)
	$(BIN)/python -m tools.belastning --side-om-side --samtidige 32 --kald 500 --runder 6 --langsomme 32

## Benchmark mod numpy-referencen (benchmarks/): 100k, 300k og 1M personer; 3 mio. personer.
bench: $(STAMP) bytekode
	$(BIN)/python -m benchmarks.bench

bench-danmark: $(STAMP) bytekode
	$(BIN)/python -m benchmarks.bench --danmark

## Danmark (3 mio. × 12) med 1 og med alle kerners arbejdere, hele kommandoen (benchmarks/parallel.py).
bench-parallel: $(STAMP) bytekode
	$(BIN)/python -m benchmarks.parallel --danmark --gentag 3

## Instruktionstal (valgrind) for samme beregning: uafhængigt af maskinens belastning (ca. 10 min).
bench-instruktioner: $(STAMP) bytekode
	$(BIN)/python -m benchmarks.instruktioner

## docs/genereret/kilder.md og docs/genereret/ordforraad.md fra parametrenes metadata og skattesystemet (tests/test_generede_docs.py).
.PHONY: docs
docs: $(STAMP)
	$(BIN)/python tools/generer_docs.py

clean:
	rm -rf $(VENV) resultater build *.egg-info
	find openfisca_dk_jobcenter benchmarks tools tests -name __pycache__ -type d -prune -exec rm -rf {} +
