# Two commands: `make run` (set up and start the app) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test test-fast bench soak catalogs catalogs-locked figures clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install -q -r requirements-test.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m streamlit run app.py --server.address $(HOST) --server.port $(PORT)

test: $(VENV)/.installed-test
	$(PY) -m pytest

bench: $(VENV)/.installed-test
	$(PY) bench/bench_citizens.py
	$(PY) bench/bench_interactions.py
	$(PY) bench/bench_load.py

soak: $(VENV)/.installed-test
	$(PY) bench/soak.py

# Translations (README "Conventions"): extract the keys the code uses, update the de/en/da catalogs of every
# domain from them (new keys arrive empty, keys no code uses become obsolete "#~" entries; no translation
# changes), compile the .mo files. Safe to run at any time; without code changes it changes no file.
I18N_DOMAINS := core population mitid borger post compare booth
I18N_TMP := var/i18n
catalogs: $(VENV)/.installed
	mkdir -p var
	flock var/i18n.lock $(MAKE) --no-print-directory catalogs-locked  # one run at a time: they share $(I18N_TMP)

catalogs-locked:
	mkdir -p $(I18N_TMP)
	PYTHONPATH=$(CURDIR) $(VENV)/bin/pybabel -q extract -F locales/babel.cfg --no-default-keywords -k t -k tn:1,2 \
		--add-location=file --sort-output --no-wrap --project=digital-denmark-showcase \
		-o $(I18N_TMP)/raw.pot app.py pages ui simulators
	$(PY) -m locales.catalogs $(I18N_TMP)/raw.pot $(I18N_TMP)
	for domain in $(I18N_DOMAINS); do \
		$(VENV)/bin/pybabel -q update -i $(I18N_TMP)/$$domain.pot -d locales -D $$domain \
			--no-fuzzy-matching --ignore-pot-creation-date --no-wrap || exit 1; \
	done
	$(VENV)/bin/pybabel -q compile -d locales -D "$(I18N_DOMAINS)"

# Staleness report (issue #19): every figure the app shows with its reference date, flagged when older than the
# newest year of its measure in data/ or, for the indicators, in the research folder (../shared/data when present).
figures: $(VENV)/.installed
	$(PY) -m tools.figures_report $(if $(ALL),--all)

clean:
	rm -rf $(VENV) var .pytest_cache
