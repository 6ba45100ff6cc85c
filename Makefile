# 評価書ポータル — one obvious entry point per activity.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: site check test test-fast serve new goldens schemas guide lint clean bench

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

site: $(STAMP)
	$(PY) -m generator build

check: $(STAMP)
	$(PY) -m generator check

serve: $(STAMP)
	$(PY) -m generator serve --port $(PORT)

FORM ?= 重点項目評価書
new: $(STAMP)
	@if [ -z "$(ORG)" ] || [ -z "$(NUMBER)" ]; then \
	  echo "使い方: make new ORG=団体コード NUMBER=評価書番号 [FORM=重点項目評価書|全項目評価書]"; \
	  echo "例:     make new ORG=012033 NUMBER=99 FORM=重点項目評価書"; \
	  echo "団体は先に content/organizations/団体コード.yaml に登録します。既にあるファイルは上書きしません。"; \
	  echo "(usage: make new ORG=<団体コード> NUMBER=<評価書番号> [FORM=<様式>])"; \
	  exit 2; \
	fi
	$(PY) -m generator new --org "$(ORG)" --form "$(FORM)" --number "$(NUMBER)"

goldens: $(STAMP)
	$(PY) -m tests.goldens
	$(PY) -m tests.casefiles

schemas: $(STAMP)
	$(PY) -m generator schemas

guide: $(STAMP)
	$(PY) -m generator guide --write

lint: $(STAMP)
	$(PY) -m ruff check generator tests bench

test: $(STAMP)
	bash tests/ensure-chromium.sh
	$(PY) -m ruff check generator tests bench
	$(PY) -m pytest

# The fast tier: no browser, no whole-site build (run it after every change; `make test` before you stop).
test-fast: $(STAMP)
	$(PY) -m ruff check generator tests bench
	$(PY) -m pytest -m "not slow"

bench: $(STAMP)
	$(PY) bench/build.py
	$(PY) bench/search.py --times 1 10

clean:
	rm -rf site build .pia-build-* .pia-site-build-* site.old .preview .pia-cache
