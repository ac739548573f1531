# The two commands: `make run` and `make test`. Each creates .venv and installs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TRANSLATIONS := resources/translations
POT := $(TRANSLATIONS)/degenks.pot

.PHONY: run test bench lint translations forms installer installer-test clean

# Reinstall when the dependencies change; `pip install -e` keeps the code live.
$(INSTALLED): pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 11))" 2>/dev/null || { echo "De Genks Desktop needs Python 3.11 or newer: install it, or run make PYTHON=/path/to/python3.12."; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

## Open the app on the demo event in the built-in SQLite database.
run: $(INSTALLED)
	$(BIN)/degenks gui --demo

## Every test, offscreen; on PostgreSQL too when DEGENKS_TEST_POSTGRES_URL is set (.ci/run).
# One worker per core, at most four (each has its own scratch folder and databases).
test: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest --numprocesses=auto --maxprocesses=4

## Benchmarks (pytest-benchmark); figures go to the terminal and .benchmarks/.
bench: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/benchmarks --benchmark-only --benchmark-enable --benchmark-autosave

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Compile the Qt Designer forms in forms/ into degenks_desktop/ui/forms_generated/.
forms: $(INSTALLED)
	$(BIN)/python scripts/build_forms.py

## Refresh the message catalogue and the Dutch translation after changing UI text.
translations: $(INSTALLED)
	$(BIN)/pybabel extract --project=degenks --no-location --sort-output -k _ -k N_ -k ngettext:1,2 -k counted:1,2 -k ui_text:1 -o $(POT) degenks_desktop
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i $(POT) -d $(TRANSLATIONS) -D degenks -l nl

## The one-folder bundle for the city's laptops: dist/degenks/ (installer/README.md).
installer: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[installer]'
	$(BIN)/python -c "from degenks_desktop.i18n import translations_for; translations_for('nl')"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN installer/degenks.spec

## Build the bundle, then start it: --version, and a demo event on a scratch database.
installer-test: installer
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m installer tests/installer

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache build dist
