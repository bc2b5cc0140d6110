# The course's commands. Quick start: `make book`, then `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
VENDORED := node_modules/.installed
JB := $(BIN)/jupyter-book
JB_FLAGS := -W -n --keep-going
HTML := _build/html/index.html
PDF := _build/latex/attachment-based-therapy.pdf

.PHONY: book html pdf handouts test test-unit setup lab serve clean bench report lock

## book: set up everything, then build the HTML site, the PDF and the handouts
book: html pdf handouts

## setup: Python virtual environment with pinned packages, and the vendored front-end files
setup: $(INSTALLED) $(VENDORED)

$(INSTALLED): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENDORED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed to vendor the widget and slide assets (Debian: apt-get install npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# What the book is built from; a build whose sources have not changed is skipped altogether.
PACKAGE_SOURCES := $(shell find src/attachment_course -type f -not -name '*.pyc')
BOOK_SOURCES := $(shell find book exercises -type f -not -path '*/generated/*' -not -path '*/.ipynb_checkpoints/*') \
	_config.yml _toc.yml $(PACKAGE_SOURCES)
HTML_BUILT := _build/html/.built

## html: the web book in _build/html (strict: warnings are errors, references nitpicky)
html: $(HTML_BUILT)

$(HTML_BUILT): $(INSTALLED) $(VENDORED) $(BOOK_SOURCES)
	$(JB) build . --builder html $(JB_FLAGS)
	touch $@

## pdf: the whole book as a PDF, typeset with XeLaTeX
pdf: $(PDF)

$(PDF): $(INSTALLED) $(BOOK_SOURCES)
	@scripts/ensure-system-packages tex
	@mkdir -p _build && rm -rf _build/latex.failed
	@$(JB) build . --builder pdflatex $(JB_FLAGS) > _build/pdf-build.log 2>&1 || { \
	  tail -n 40 _build/pdf-build.log; \
	  echo "error: the PDF build failed; full log: _build/pdf-build.log, LaTeX log: _build/latex.failed/attachment-based-therapy.log" >&2; \
	  mv _build/latex _build/latex.failed 2>/dev/null || true; exit 1; }
	@test -s $@ && touch $@ && echo "PDF: $@"

## handouts: one PDF per chapter and the workbook, copied with the book PDF into the web book
HANDOUTS_BUILT := _build/handouts/.built

handouts: $(HANDOUTS_BUILT)
	@mkdir -p _build/html/handouts
	@cp _build/handouts/*.pdf _build/html/handouts/
	@if [ -f $(PDF) ]; then cp $(PDF) _build/html/handouts/; fi
	@echo "Handouts: _build/handouts/*.pdf (and in the web book under handouts/)"

# Rebuilt only when the course package (the print forms, the data) changes: typesetting takes minutes.
$(HANDOUTS_BUILT): $(INSTALLED) $(PACKAGE_SOURCES)
	@scripts/ensure-system-packages tex
	$(BIN)/python -m attachment_course.handouts _build/handouts
	touch $@

## test: everything the tests need, then the whole suite (unit, notebooks, build, browser, JupyterLab)
test: setup
	@scripts/ensure-system-packages tex
	@scripts/ensure-system-packages browser
	$(BIN)/python -m pytest

## test-unit: the fast unit layer only
test-unit: setup
	$(BIN)/python -m pytest -m "not notebooks and not build and not browser and not lab"

## lab: JupyterLab on the course, for working through the exercise notebooks
lab: setup
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=.

## serve: the built site on http://127.0.0.1:8000 (build it first with make html)
serve:
	@test -f $(HTML) || { echo "error: no site yet: run make html first" >&2; exit 1; }
	$(PYTHON) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

## bench: build-time, size and readability report (see BENCHMARKS.md)
bench: setup
	@scripts/ensure-system-packages tex
	$(BIN)/python scripts/benchmark.py

## report: readability of every page
report: setup
	$(BIN)/python scripts/readability_report.py

## lock: re-pin the whole dependency tree after changing requirements.txt
lock:
	rm -rf /tmp/attachment-course-lock && $(PYTHON) -m venv /tmp/attachment-course-lock
	/tmp/attachment-course-lock/bin/pip install --quiet -r requirements.txt
	/tmp/attachment-course-lock/bin/pip freeze --exclude-editable | grep -v '^attachment-course' > constraints.txt

## clean: remove every build output (keeps the virtual environment and node_modules)
clean:
	rm -rf _build book/generated
