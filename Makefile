# Two commands on a fresh machine:  make run   (set up, then the main job on the bundled samples)
#                                    make test  (set up, then the whole test suite)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DB ?= sqlite:///claimdesk.sqlite

.PHONY: run test setup system-deps bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "claimdesk needs Python 3.11, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Chromium (web UI tests), PostgreSQL (Postgres store tests) and Java (Spark) from Debian's packages.
system-deps:
	bash scripts/system-deps.sh

run: setup
	bash scripts/run-main-job.sh "$(SHARED)" "$(DB)"

test: setup system-deps
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) claimdesk.sqlite claimdesk.sqlite-wal claimdesk.sqlite-shm
