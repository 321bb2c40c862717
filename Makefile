# Alt, der skal til på en ny maskine: `make demo` og `make test` laver .venv og installerer selv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installeret
PORT ?= 5000
PERSONER ?= 100000
UD ?= resultater/demo

.PHONY: install demo test test-yaml test-python lint serve bench bench-danmark clean browser

$(STAMP): setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,analyse,klynge]'
	touch $(STAMP)

install: $(STAMP)

## Hovedjobbet: reformsammenligning på den indbyggede syntetiske befolkning.
demo: $(STAMP)
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

## Web-API'et lokalt (127.0.0.1:$(PORT)): to gunicorn-arbejdere à 8 tråde og pakkens værn mod dårligt input
## (openfisca_dk_jobcenter/webapi/gunicorn.conf.py). Med en reform for hele serveren:
## make serve REFORM=openfisca_dk_jobcenter.reforms.hoejere_voksenlaerlingesatser
serve: $(STAMP)
	$(BIN)/openfisca serve --country-package openfisca_dk_jobcenter \
		--configuration-file openfisca_dk_jobcenter/webapi/gunicorn.conf.py --port $(PORT) \
		$(if $(REFORM),--reforms $(REFORM))

.PHONY: fuzz load
## schemathesis mod /spec og situationer fra hypothesis mod den hærdede server (ingen 5xx) og
## kernens egen openfisca serve (5xx tælles), på ledige porte på 127.0.0.1.
fuzz: $(STAMP)
	$(BIN)/python -m tools.fuzz

## 2.000 /calculate-kald, 8 ad gangen, på en ledig port på 127.0.0.1: ingen fejl; p50/p95.
load: $(STAMP)
	$(BIN)/python -m tools.belastning

## Benchmark mod numpy-referencen (benchmarks/): 100k, 300k og 1M personer; 3 mio. personer.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench

bench-danmark: $(STAMP)
	$(BIN)/python -m benchmarks.bench --danmark

## docs/genereret/kilder.md og docs/genereret/ordforraad.md fra parametrenes metadata og skattesystemet (tests/test_generede_docs.py).
.PHONY: docs
docs: $(STAMP)
	$(BIN)/python tools/generer_docs.py

clean:
	rm -rf $(VENV) resultater build *.egg-info
