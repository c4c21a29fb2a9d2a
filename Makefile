# The two commands of the README: `make run` and `make test`.
# Everything lives in .venv/ at the repository root; stamp files make a second run skip
# what is already done (no re-download, data kept).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
VENDOR := static/vendor

.PHONY: run setup test lock assets lint format clean bench-load bench-load-herstart bench-knie bench-sqlite

run: setup
	@echo "WijkWijzer draait op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl+C)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Everything `run` needs before it serves: dependencies, assets, database, demo content. A
# second start skips what has not changed: migrations only when some are unapplied (a new
# database, or new code), the demo load only then or when a demo file changed since the last
# load ($(DEMO_STAMP), which records the database it was loaded into).
DEMO_BRONNEN := $(wildcard */demo.py */*/demo.py gebieden/data/*.json)
DEMO_STAMP := $(VENV)/.demo-geladen
setup: $(VENV)/.base-installed assets
	@if ! $(BIN)/python manage.py migrate --check >/dev/null 2>&1; then \
		$(BIN)/python manage.py migrate --noinput && rm -f $(DEMO_STAMP); \
	fi
	@if [ ! -f $(DEMO_STAMP) ] || [ "$$(cat $(DEMO_STAMP))" != "$${DATABASE_URL:-sqlite}" ] \
		|| [ -n "$$(find $(DEMO_BRONNEN) -newer $(DEMO_STAMP) 2>/dev/null)" ]; then \
		$(BIN)/python manage.py load_demo && echo "$${DATABASE_URL:-sqlite}" > $(DEMO_STAMP); \
	fi
	@$(BIN)/python manage.py search_index --rebuild --verouderd

# One test process per core (pytest-xdist): on two cores the SQLite run takes 13 minutes
# instead of 18 (docs/testing.md).
# `make test PYTEST_WORKERS=` runs it in one process.
PYTEST_WORKERS := -n auto

test: $(VENV)/.dev-installed $(VENV)/vnu.jar assets
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r . --severity-level medium
	$(BIN)/mypy
	$(BIN)/python tests/audit_dependencies.py requirements/dev.txt
	$(BIN)/pytest $(PYTEST_WORKERS)

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is nodig")'
	$(PYTHON) -m venv $(VENV)

# Both lock files carry every package with its hashes (uv, see `lock`); pip refuses anything
# that does not match them.
$(VENV)/.base-installed: requirements/base.txt | $(VENV)/bin/python
	$(BIN)/pip install --disable-pip-version-check -q --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt $(VENV)/.base-installed
	$(BIN)/pip install --disable-pip-version-check -q --require-hashes -r requirements/dev.txt
	touch $@

# Regenerate the lock files from pyproject.toml: one resolution for every platform and Python
# from 3.11.5 (soupsieve's floor), keeping the current pins unless asked. Upgrading is
# `make lock UPGRADE=--upgrade` (or `UPGRADE="--upgrade-package django"`), then `make test`;
# docs/dependencies.md has the routine.
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	--generate-hashes --quiet $(UPGRADE)
lock: $(VENV)/.dev-installed
	$(LOCK) -o requirements/base.txt
	$(LOCK) --extra dev -c requirements/base.txt -o requirements/dev.txt
	$(BIN)/uv pip compile requirements/bench.in --universal --python-version 3.11.5 \
		--generate-hashes --quiet $(UPGRADE) -o requirements/bench.txt

# The Nu HTML Checker for the tests: the jar of the npm package vnu-jar that package-lock.json
# pins, fetched from the npm registry and checked against the lock's hash, without Node.
$(VENV)/vnu.jar: package-lock.json | $(VENV)/bin/python
	$(BIN)/python tests/vnu_jar.py $@

# The built files in static/vendor/ are committed, so neither command needs Node. Where npm
# is present and package-lock.json differs from the copy the vendor files were built from
# ($(VENDOR)/.stamp, committed: compared by content, as a fresh clone's file times say
# nothing), they are rebuilt from npm. Leaflet's source-map comment is dropped: the map file is
# not shipped, and a manifest storage would fail on the missing file.
assets:
	@if cmp -s package-lock.json $(VENDOR)/.stamp; then \
		true; \
	elif command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && \
		mkdir -p $(VENDOR) && \
		cp node_modules/@rijkshuisstijl-community/components-css/dist/index.css $(VENDOR)/components.css && \
		cp node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css $(VENDOR)/design-tokens.css && \
		cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js && \
		mkdir -p $(VENDOR)/leaflet/images && \
		sed '/^\/\/# sourceMappingURL=/d' node_modules/leaflet/dist/leaflet.js > $(VENDOR)/leaflet/leaflet.js && \
		cp node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(VENDOR)/leaflet/ && \
		cp node_modules/leaflet/dist/images/*.png $(VENDOR)/leaflet/images/ && \
		cp package-lock.json $(VENDOR)/.stamp; \
	else \
		echo "npm niet gevonden: de meegeleverde bestanden in $(VENDOR)/ worden gebruikt."; \
	fi

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles media

# The load test of bench/load/run.py: locust lives in its own virtualenv.
.venv-bench/bin/locust: requirements/bench.txt
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --disable-pip-version-check -q --require-hashes -r requirements/bench.txt
	touch $@

bench-load: $(VENV)/.base-installed .venv-bench/bin/locust assets
	$(BIN)/python bench/load/run.py

bench-load-herstart: $(VENV)/.base-installed .venv-bench/bin/locust assets
	$(BIN)/python bench/load/run.py --db-herstart

# Where p95 crosses 300 ms per request type, measured with wrk (Debian package `wrk`).
bench-knie: $(VENV)/.base-installed assets
	$(BIN)/python bench/load/knie.py

# The embedded default (SQLite) importing 1,000 items while visitors browse, search and write.
bench-sqlite: $(VENV)/.base-installed assets
	$(BIN)/python bench/load/sqlite_gelijktijdig.py
