# Two commands: `make run` (set up and start the app) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test test-fast bench soak clean

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

clean:
	rm -rf $(VENV) var .pytest_cache
