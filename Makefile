# Hataraku: `make run` serves the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

# `make run` is for development: DEBUG on unless the environment says otherwise.
DEBUG ?= 1
export DEBUG

.DEFAULT_GOAL := help
.PHONY: help run test test-e2e screenshots bench lint format migrations-check messages backup restore install install-dev

help:
	@echo "make run               serve http://127.0.0.1:8000 (SQLite; Postgres/Redis/Celery when DATABASE_URL/REDIS_URL are set)"
	@echo "make test              run the whole test suite"
	@echo "make test-e2e          run only the browser tests (tests/e2e; need Debian's chromium)"
	@echo "make screenshots       save phone and desktop screenshots of the main pages in docs/screenshots/"
	@echo "make bench             seed a large dataset once, then measure every main page (docs/benchmarks.md)"
	@echo "make lint              ruff check and format check"
	@echo "make format            ruff format and fix"
	@echo "make migrations-check  fail when models and migrations differ"
	@echo "make messages          update locale/ja and locale/ur from the code, then compile them"
	@echo "make backup            dump the database and the CV files into var/backups/<UTC time>/"
	@echo "make restore FROM=dir  restore a backup into an empty database and CV folder, then verify"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	@if [ -n "$$REDIS_URL" ]; then \
		echo "Starting web, Celery worker and beat (Ctrl-C stops all)"; \
		exec $(BIN)/honcho --procfile Procfile.dev start; \
	else \
		echo "No REDIS_URL: tasks run in the web process, the cache is local memory"; \
		exec $(PY) manage.py runserver 127.0.0.1:8000; \
	fi

# One pytest worker per core (pytest-xdist), each with its own test database and Redis
# database; --dist load keeps pytest-django's order (transactional tests last) in each worker.
XDIST := -n auto --dist load

test: $(VENV)/.installed-dev
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

test-e2e: $(VENV)/.installed-dev
	$(BIN)/pytest $(XDIST) tests/e2e $(PYTEST_ARGS)

# Not a test: pytest runs the script for its live server, browser and throwaway database.
screenshots: $(VENV)/.installed-dev
	$(BIN)/pytest tests/e2e/screenshots.py -p no:logging -q $(PYTEST_ARGS)

# Needs PostgreSQL, Redis and wrk (apt-get install wrk). BENCH_ARGS="--only jobs --no-write" etc.
bench: $(VENV)/.installed-dev
	$(PY) -m bench --prepare $(BENCH_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run

# Needs GNU gettext. The compiled .mo files are committed, so `make run` does not need it.
messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages --locale ja --locale ur
	$(PY) manage.py compilemessages --ignore '.venv' --ignore 'var'

# Uses DATABASE_URL and PRIVATE_MEDIA_ROOT like the site; PostgreSQL needs pg_dump/pg_restore.
backup: $(VENV)/.installed
	$(PY) manage.py backup

restore: $(VENV)/.installed
	@if [ -z "$(FROM)" ]; then echo "Usage: make restore FROM=var/backups/<UTC time>" >&2; exit 2; fi
	$(PY) manage.py restore "$(FROM)"
