# Two commands set everything up on a fresh machine:
#   make site   -> virtual environment, install, normalize source_docs/, build site/
#   make test   -> same set-up, then the whole test suite
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve normalize bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The normalizer is given the folder, never the file names: a name such as
# $(touch x).txt must not reach a shell.
normalize: $(STAMP)
	$(BIN)/python -m build_scripts normalize source_docs --out build/normalized

# A file that cannot be read is reported by normalize (exit 1) but does not stop the site:
# the build publishes every other document ("-" lets make go on).
site: $(STAMP)
	-$(BIN)/python -m build_scripts normalize source_docs --out build/normalized
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

# axe-core (npm) for the accessibility tests, pinned by tests/support/axe/package-lock.json.
# Without npm the accessibility tests are skipped (CI=true makes that a failure).
AXE := tests/support/axe/node_modules/axe-core/axe.min.js
$(AXE): tests/support/axe/package-lock.json
	-command -v npm >/dev/null 2>&1 && npm ci --prefix tests/support/axe --no-audit --no-fund --silent

test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build
