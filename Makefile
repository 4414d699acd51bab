# emm-xblocks — one Makefile for everything. `make run` and `make test` work from a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON311 ?= $(shell command -v python3.11 || command -v python3)
# the first python3.12 that really runs (a pyenv shim may exist without the version selected)
PYTHON312 ?= $(shell for p in $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null) $$(command -v python3.12); do "$$p" -c "" 2>/dev/null && { echo "$$p"; break; }; done)
# .venv312: Verawood (Python 3.12, Django 5.2, XBlock 6), the primary stack; .venv: Ulmo (3.11, 5.2, XBlock 5.3)
VENV      := .venv
VENV312   := .venv312
PY        := $(VENV)/bin/python
PY312     := $(VENV312)/bin/python
PORT      ?= 8000
# where `make run` listens: this machine only; `make run HOST=0.0.0.0` for the room's phones too (the live room)
HOST      ?= 127.0.0.1
SETTINGS  := emm_xblocks.workbench.settings
PIP_FLAGS := --disable-pip-version-check -q
BENCH_VENV := var/bench-venv
BENCH_PY  := $(BENCH_VENV)/bin/python

.PHONY: help run demo-data test test-js test-fast test-312 bench bench-speed bench-instructions lint messages translations assets wheel course clean

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: pyproject.toml constraints/ulmo.txt
	$(PYTHON311) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY) -m pip install $(PIP_FLAGS) -c constraints/ulmo.txt -e '.[dev]'
	touch $@

$(VENV312)/.installed: pyproject.toml constraints/verawood.txt
	@test -n "$(PYTHON312)" || { echo "Python 3.12 not found: set PYTHON312=/path/to/python3.12"; exit 1; }
	$(PYTHON312) -m venv $(VENV312)
	$(PY312) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY312) -m pip install $(PIP_FLAGS) -c constraints/verawood.txt -e '.[dev]'
	touch $@

var:
	mkdir -p var

run: $(VENV)/.installed var  ## serve the workbench with the demo scenarios at http://127.0.0.1:8000 (HOST=0.0.0.0: to the room's phones too)
	$(PY) scripts/assets.py build  # pages load static/min/: a script or stylesheet just edited is served as it is now
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(PY) -m django migrate --run-syncdb -v 0
	@echo "Workbench: http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)/   (add ?student=staff_1 to a page to see it as course staff, ?lang=fr for French)"
	@# beyond this machine: the live room's QR code holds the address the facilitator's page was opened at
	@if [ "$(HOST)" != 127.0.0.1 ] && [ "$(HOST)" != localhost ]; then \
	  lan="$(HOST)"; [ "$$lan" != 0.0.0.0 ] || lan=$$($(PY) scripts/lan_address.py); [ -n "$$lan" ] || lan="<this machine's address>"; \
	  echo "Listening on $(HOST): open the facilitator's page at http://$$lan:$(PORT)/ so that the live room's QR code reaches the room's phones (same network)"; fi
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(PY) -m django runserver --noreload $(HOST):$(PORT)

# the three-day demo course of `make run` (scenario emm_evaluation_report.2) with 40 simulated
# participants, so that its report shows figures; DEMO_LANG=fr for the French course
demo-data: $(VENV)/.installed var  ## fill the workbench's three-day demo course with 40 simulated participants
	$(PY) scripts/fill_demo.py --lang $(or $(DEMO_LANG),en)

# the store and concurrency tests again on a private MariaDB (tests/mariadb.py), at both isolation levels
MARIADB_TESTS := tests/integration/test_store_db.py tests/integration/test_store_summary.py tests/integration/test_concurrency.py \
	tests/integration/test_compiled_sql.py tests/integration/test_descriptions.py \
	tests/integration/test_knowledge_check.py tests/integration/test_evaluation_report.py \
	tests/integration/test_likert_profiles.py tests/integration/test_likert_comment_pages.py \
	tests/integration/test_case_study_profiles.py \
	tests/integration/test_role_play_profiles.py tests/integration/test_role_play_perspectives.py \
	tests/integration/test_workbench_field_data.py tests/integration/test_state_joined.py \
	tests/integration/test_platform_retirement.py tests/integration/test_live_room.py \
	tests/integration/test_likert_leave_out_day.py tests/integration/test_knowledge_check_closed_and_deleted.py \
	tests/integration/test_knowledge_check_failed_submit.py tests/integration/test_knowledge_check_figures_summed.py \
	tests/integration/test_knowledge_check_question_rates.py

test: $(VENV)/.installed $(VENV312)/.installed test-js  ## run every test on both supported stacks, SQLite and MariaDB
	$(PY312) -m ruff check emm_xblocks tests scripts bench tutor-contrib-emm
	$(PY312) scripts/check_translations.py
	$(PY312) -m pytest
	EMM_DB=mysql EMM_DB_ISOLATION="repeatable read" $(PY312) -m pytest $(MARIADB_TESTS) -p no:cacheprovider -q
	EMM_DB=mysql EMM_DB_ISOLATION="read committed" $(PY312) -m pytest $(MARIADB_TESTS) -p no:cacheprovider -q
	$(PY) -m pytest tests/unit tests/openedx tests/integration -p no:cacheprovider -q

# npm ci installs exactly package-lock.json (ESLint and its plugins; nothing the browser loads)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test-js: node_modules/.installed  ## ESLint on the JavaScript, then its unit tests (Node's own test runner), on the sources and on the copies pages load
	node_modules/.bin/eslint --max-warnings 0
	node --test --test-reporter=spec tests/js/*.test.js
	EMM_JS=min node --test --test-reporter=dot $(filter-out tests/js/served-files.test.js,$(wildcard tests/js/*.test.js))

test-fast: $(VENV)/.installed  ## unit, test-runtime and integration tests only, on Python 3.11
	$(PY) -m pytest tests/unit tests/openedx tests/integration

bench: $(VENV)/.installed var  ## print the speed and size figures
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(PY) bench/run.py
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(PY) bench/live.py
	$(PY) bench/store.py
	$(PY) bench/report.py
	@$(MAKE) --no-print-directory bench-speed
	@$(MAKE) --no-print-directory bench-instructions

# A bench-only environment with the anchors (bench/requirements.txt), from the main venv's Python;
# never the test venvs.
$(BENCH_VENV)/.installed: $(VENV)/.installed pyproject.toml bench/requirements.txt | var
	$(PY) -m venv --clear $(BENCH_VENV)
	$(BENCH_PY) -m pip install $(PIP_FLAGS) -c constraints/ulmo.txt -e . -r bench/requirements.txt
	touch $@

bench-speed: $(BENCH_VENV)/.installed  ## render and learner-action times beside xblock-poll, drag-and-drop-v2, branching-xblock
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(BENCH_PY) -W ignore::DeprecationWarning bench/speed.py

# the same actions counted in instructions under valgrind (a count, the same at any load); some 8 minutes
bench-instructions: $(BENCH_VENV)/.installed  ## instructions per main learner action beside the anchors (valgrind)
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(BENCH_PY) -W ignore::DeprecationWarning bench/instructions.py

lint: $(VENV)/.installed  ## ruff on the Python code, as make test runs it
	$(PY) -m ruff check emm_xblocks tests scripts bench tutor-contrib-emm

messages: $(VENV)/.installed  ## extract the source strings into translations/*/LC_MESSAGES/text.po
	$(PY) scripts/i18n.py extract

translations: $(VENV)/.installed  ## compile .po into .mo and the JavaScript catalogues, then their minified copies (static/min/)
	$(PY) scripts/i18n.py compile
	$(PY) scripts/assets.py build

assets: $(VENV)/.installed  ## write static/min/, the minified copies pages load, after editing static/ (decision 69)
	$(PY) scripts/assets.py build

# an admin's builds need none of the development tools (no compiler, no MySQL headers): a small
# venv of their own with `build` (the wheel), lxml (the course builder) and the two minifiers
# that check static/min/ is current before a wheel ships it (decision 69)
BUILD_VENV := var/build-venv
$(BUILD_VENV)/.installed: constraints/ulmo.txt | var
	$(PYTHON311) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install $(PIP_FLAGS) -c constraints/ulmo.txt build 'lxml>=5.3' rjsmin rcssmin
	touch $@

wheel: $(BUILD_VENV)/.installed  ## build the wheel into dist/ (refused while static/min/ is not current: make assets)
	$(BUILD_VENV)/bin/python scripts/assets.py check
	rm -rf build  # a file removed since an earlier build must not ship again (setuptools copies build/lib as it finds it)
	$(BUILD_VENV)/bin/python -m build --wheel --outdir dist .

# the builder needs only Python 3.11+ and lxml; `make test` checks the archives (tests/integration/test_course_archive.py)
course: $(BUILD_VENV)/.installed  ## build the EMM2.0 Niger course for Studio's import: dist/emm2-niger-course.tar.gz (fr), -en.tar.gz
	$(BUILD_VENV)/bin/python scripts/build_course.py --out dist

clean:  ## remove the venvs, node_modules, var/ (the workbench's database and logs), dist/ and build files
	rm -rf $(VENV) $(VENV312) var dist build *.egg-info .pytest_cache node_modules
