# vnus — the two set-up commands are `make report` and `make test`; each builds .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: help report test lint lab notebooks bench eval clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[notebooks,test]'
	@# jsonschema imports rfc3987-syntax when present and makes `import nbformat` cost ~2 s;
	@# nothing here validates URIs, so it goes (pip check stays clean).
	$(PY) -m pip uninstall -y -q rfc3987-syntax
	touch $(STAMP)

report: $(STAMP)  ## regenerate the whole report (figures table, charts, HTML) from seeds/
	$(VENV)/bin/vnus report

test: $(STAMP)  ## run the whole test suite
	$(PY) -m pytest

eval: $(STAMP)  ## accuracy on the gold corpus (tests/corpus): recall, precision, fields, what differs
	$(VENV)/bin/vnus eval tests/corpus

lint: $(STAMP)  ## ruff
	$(VENV)/bin/ruff check analysis tests

lab: $(STAMP)  ## JupyterLab on the notebooks (loopback, with a token; the URL is printed)
	$(VENV)/bin/jupyter lab --no-browser --ip=127.0.0.1 --allow-root --ServerApp.root_dir=notebooks

notebooks: $(STAMP)  ## re-execute notebooks/ in place after changing them (nbval compares these outputs)
	$(VENV)/bin/vnus report --refresh-notebooks

BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install -q -c constraints.txt -e '.[notebooks,test,bench]'
	@# the install brings rfc3987-syntax back (see $(STAMP)); it goes again
	$(PY) -m pip uninstall -y -q rfc3987-syntax
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## benchmarks: each prints `name: value unit` lines and its ratio to target
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:  ## remove the environment and generated reports
	rm -rf $(VENV) reports/*.ipynb reports/*.html
