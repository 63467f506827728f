# The two commands of the README: `make run` (install, index the corpus, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser office run test test-fast lint clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The browser tests drive Debian's Chromium (never a browser downloaded by a test tool).
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The dossier tests open the Word files in LibreOffice (headless, converted to PDF): Debian's smallest Writer.
office:
	@command -v soffice >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		$$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null; }

run: install
	$(BIN)/vae-assistant index
	$(BIN)/vae-assistant serve

test: install browser office
	$(BIN)/ruff check assistant tests
	$(BIN)/python -m pytest

# The quick loop: no model, no server, no browser (tests marked slow in tests/conftest.py are left out).
test-fast: install
	$(BIN)/python -m pytest -m "not slow" -q

lint: install
	$(BIN)/ruff check assistant tests

clean:
	rm -rf $(VENV) index/chroma index/*.json index/bm25
