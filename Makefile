# Newsroom: `make demo` serves the demo on SQLite; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
BIND ?= 127.0.0.1:8000
DEMO_PORT ?= 8000
DEMO_DATABASE := db.sqlite3
DEMO_ENV := env -u DATABASE_URL DJANGO_DEBUG=1

.PHONY: demo demo-reset test serve soak lint format install eval-import fixtures bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(RUNTIME_STAMP) $@

install: $(RUNTIME_STAMP)

demo: $(RUNTIME_STAMP)
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py load_demo
	$(DEMO_ENV) $(PY) manage.py create_demo_editor
	@echo "Serving the demo at http://127.0.0.1:$(DEMO_PORT)/ (admin: http://127.0.0.1:$(DEMO_PORT)/admin/)"
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:$(DEMO_PORT)

# The demo from the fixtures again: its database and uploaded pictures go.
demo-reset:
	rm -f $(DEMO_DATABASE)
	rm -rf uploads
	$(MAKE) demo

test: $(DEV_STAMP)
	$(PY) -m pytest

eval-import: $(RUNTIME_STAMP)
	$(PY) manage.py evaluate_import --verbosity 2

bench: $(DEV_STAMP)
	$(PY) bench/pages.py --size $${SIZE:-20000} $${BENCH_CLUSTER:+--cluster $$BENCH_CLUSTER}
	$(PY) bench/import_rate.py --count 1000

fixtures: $(RUNTIME_STAMP)
	$(PY) manage.py build_fixtures

serve: $(RUNTIME_STAMP)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	BIND=$(BIND) bin/serve

soak: $(DEV_STAMP)
	$(PY) bench/soak.py --seconds $${SOAK_SECONDS:-120}

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo
	$(DEMO_ENV) $(PY) manage.py check --fail-level WARNING
	$(DEMO_ENV) $(PY) manage.py makemigrations --check --dry-run

format: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
