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
TEST_STAMP := $(VENV)/.installed-test
TRAIN_STAMP := $(VENV)/.installed-train
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check
SHARED ?= ../shared
DB ?= sqlite:///claimdesk.sqlite

.PHONY: run test setup setup-test setup-train system-deps bench lock clean

# Runtime only (requirements.lock): what `make run` needs. The test and train locks pin the same
# versions for every package they share, so installing them on top changes nothing already there.
setup: $(STAMP)
setup-test: $(TEST_STAMP)
setup-train: $(TRAIN_STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "claimdesk needs Python 3.11, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.lock 2>&1 | { $(PIP_QUIET_FILTER); }
	$(PIP_INSTALL) --no-deps --no-build-isolation -e . 2>&1 | { $(PIP_QUIET_FILTER); }
	touch $(STAMP)

# The test suite and the benches: pytest, playwright, hypothesis, shapely, psutil, pyspark.
$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PIP_INSTALL) -r requirements-test.lock 2>&1 | { $(PIP_QUIET_FILTER); }
	touch $(TEST_STAMP)

# Only for bench/train_checkworthiness.py and bench/train_samefact.py (torch, sentence-transformers).
$(TRAIN_STAMP): $(STAMP) requirements-train.lock
	$(PIP_INSTALL) -r requirements-train.lock 2>&1 | { $(PIP_QUIET_FILTER); }
	touch $(TRAIN_STAMP)

# Chromium (web UI tests), PostgreSQL (Postgres store tests) and Java (Spark) from Debian's packages.
system-deps:
	bash scripts/system-deps.sh

run: setup
	bash scripts/run-main-job.sh "$(SHARED)" "$(DB)"

test: setup-test system-deps
	$(BIN)/python -m pytest -q

# The quick throughput benchmarks; the evaluations and the long ones (bench/scale.py, bench/web.py,
# bench/corroborate.py) are run by hand, as the README says.
bench: setup-test
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/audit.py
	$(BIN)/python bench/extract.py --limit 200

# Rewrites the three locks from requirements*.in (slow: a throw-away venv each).
lock:
	PYTHON=$(PYTHON) bash scripts/lock.sh

clean:
	rm -rf $(VENV) claimdesk.sqlite claimdesk.sqlite-wal claimdesk.sqlite-shm
