# Two commands on a fresh machine:  make run   (set up, then the main job on the bundled samples)
#                                    make test  (set up, then the whole test suite)
SHELL := bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
# This machine's pip prints a warning per package for an extra index folder it lacks: noise only.
PIP_QUIET_FILTER := grep -v "^WARNING: Location 'file:" || true
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
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 | { $(PIP_QUIET_FILTER); }
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2>&1 | { $(PIP_QUIET_FILTER); }
	touch $(STAMP)

# Chromium (web UI tests), PostgreSQL (Postgres store tests) and Java (Spark) from Debian's packages.
system-deps:
	bash scripts/system-deps.sh

run: setup
	bash scripts/run-main-job.sh "$(SHARED)" "$(DB)"

test: setup system-deps
	$(BIN)/python -m pytest -q

# The quick throughput benchmarks; the evaluations and the long ones (bench/scale.py, bench/web.py,
# bench/corroborate.py) are run by hand, as the README says.
bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/audit.py
	$(BIN)/python bench/extract.py --limit 200

clean:
	rm -rf $(VENV) claimdesk.sqlite claimdesk.sqlite-wal claimdesk.sqlite-shm
