# storyline — the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
OUT    ?= out

.PHONY: install demo lint test test-fast bench bench-scale bench-pages eval train score clean

$(STAMP): requirements.txt requirements-dev.txt requirements-spark.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install storyline with pinned dependencies

demo: $(STAMP)  ## analyse the bundled demo corpus into demo-out/
	$(VENV)/bin/storyline analyze storyline/demo/corpus --out demo-out
	@echo "open demo-out/report.html; the export is demo-out/export.json"

lint: $(STAMP)  ## ruff over the code, tests and scripts; mypy over the package (config in pyproject.toml)
	$(VENV)/bin/ruff check storyline tests scripts
	$(VENV)/bin/mypy

test: $(STAMP)  ## the whole test suite (incl. slow tests and the seeds' acceptance when ../shared exists)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

bench: $(STAMP)  ## throughput and peak memory per stage, next to the reference tools; then the pages under load
	$(PY) scripts/bench.py
	$(PY) scripts/bench_pages.py --docs 10000 --clients 50 --seconds 30

bench-scale: $(STAMP)  ## fuse time per step and peak memory on 1k and 10k distinct synthetic analyses (FULL=1: also 100k)
	$(PY) scripts/bench_scale.py $(if $(FULL),--full)

bench-pages: $(STAMP)  ## the reader's pages on a 10k-article synthetic store: one client, then 50 for 30 s (loopback)
	$(PY) scripts/bench_pages.py --docs 10000 --clients 50 --seconds 30

train: $(STAMP)  ## rebuild the trained models in the package from training/ (never frozen/)
	$(PY) scripts/train_events.py
	$(PY) scripts/train_roles.py
	$(PY) scripts/train_person_nouns.py
	$(PY) scripts/train_quotes.py
	$(PY) scripts/train_disagreements.py
	$(PY) scripts/train_loaded.py
	$(PY) scripts/train_clean.py
	$(PY) scripts/train_title_lines.py
	$(PY) scripts/train_names.py
	$(PY) scripts/train_descriptions.py
	$(PY) scripts/train_entities.py
	$(PY) scripts/train_description_links.py
	$(PY) scripts/train_norp_places.py
	$(PY) scripts/train_stories.py
	$(PY) scripts/train_events_languages.py
	$(PY) scripts/train_event_roles_languages.py

# Dev sets are found by name, so a new one is scored by `make eval` the day it is written.
DEV_CLEAN := $(sort $(wildcard training/clean_dev*))
DEV_DISAGREEMENTS := $(sort $(wildcard training/disagreements_corpus*))
DEV_QUOTES := $(sort $(wildcard training/quotes/dev/blind*.jsonl))
DEV_ENTITIES := $(sort $(wildcard training/entities_dev*/dev.jsonl))
DEV_PARALLEL := $(sort $(wildcard training/languages/events/parallel_dev*.jsonl))
DEV_EVENTS_LANGUAGES := $(sort $(wildcard training/languages/events/dev*/))
DEV_STORIES := $(sort $(wildcard training/stories_dev*))
DEV_EVENTS_CORPORA := $(sort $(wildcard training/events_corpus_dev*))

eval: $(STAMP)  ## quality figures: frozen team sets (train-fold beside frozen), then every dev set (globbed: a new dev set is scored without editing this), demo corpus, seeds' gold
	$(PY) scripts/eval_events_frozen.py
	$(PY) scripts/eval_events.py
	$(PY) scripts/eval_disagreements.py --set frozen/disagreements/test.jsonl
	$(PY) scripts/eval_disagreements_corpus.py --set frozen/disagreements_corpus
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus --merged
	for d in $(DEV_DISAGREEMENTS); do $(PY) scripts/eval_disagreements_corpus.py --set $$d || exit 1; done
	for mode in hybrid rules trained; do $(PY) scripts/eval_clean.py --clean-lines $$mode || exit 1; done
	$(PY) scripts/eval_clean.py --clean-lines hybrid --clean-titles rules
	for d in $(DEV_CLEAN); do for mode in hybrid rules; do \
	  $(PY) scripts/eval_clean.py --set $$d --clean-lines $$mode || exit 1; done; \
	  $(PY) scripts/eval_clean.py --set $$d --clean-lines hybrid --clean-titles rules || exit 1; done
	$(PY) scripts/eval_person_nouns.py
	$(PY) scripts/eval_norp_places.py
	$(PY) scripts/eval_quotes.py --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	for f in $(DEV_QUOTES); do \
	  $(PY) scripts/eval_quotes.py --set $$f --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1 || exit 1; done
	$(PY) scripts/eval_loaded.py
	$(PY) scripts/eval_entities.py
	$(PY) scripts/eval_entities.py --set training/entities
	for f in $(DEV_ENTITIES); do $(PY) scripts/eval_entities.py --set $$f || exit 1; done
	$(PY) scripts/eval_languages.py
	$(PY) scripts/eval_languages.py --set training/languages
	$(PY) scripts/eval_events_languages.py
	$(PY) scripts/eval_events_languages.py --set training/languages/events $(foreach f,$(DEV_PARALLEL),--parallel $(f))
	for d in $(DEV_EVENTS_LANGUAGES); do $(PY) scripts/eval_events_languages.py --set $$d || exit 1; done
	$(PY) scripts/eval_quotes_languages.py
	$(PY) scripts/eval_quotes_languages.py --set training/languages/quotes/dev
	$(PY) scripts/eval_stories.py --set frozen/stories --out $(OUT)/stories-frozen --reanalyze
	$(PY) scripts/eval_stories.py --set frozen/stories --setting stories=trained --out $(OUT)/stories-frozen-trained --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories --out $(OUT)/stories-dev --reanalyze
	for d in $(DEV_STORIES); do for mode in rules trained; do \
	  $(PY) scripts/eval_stories.py --set $$d --setting stories=$$mode --out $(OUT)/$$(basename $$d)-$$mode --reanalyze || exit 1; done; done
	$(VENV)/bin/storyline analyze storyline/demo/corpus --out $(OUT)/demo --reanalyze
	$(PY) scripts/score_demo.py $(OUT)/demo/export.json
	@if [ -d $(SHARED)/seeds ]; then $(MAKE) --no-print-directory score; fi
	@if [ -f $(SHARED)/tools/score.py ]; then for d in $(DEV_EVENTS_CORPORA); do \
	  $(VENV)/bin/storyline analyze $$d/articles --out $(OUT)/$$(basename $$d) --reanalyze && \
	  $(PY) $(SHARED)/tools/score.py $(OUT)/$$(basename $$d)/export.json $$d/gold.yaml $$d/articles || exit 1; done; fi

score: $(STAMP)  ## analyse ../shared/seeds and score the export against the gold file
	$(VENV)/bin/storyline analyze $(SHARED)/seeds --out $(OUT)/seeds --reanalyze
	$(PY) $(SHARED)/tools/score.py $(OUT)/seeds/export.json $(SHARED)/gold/seeds.yaml $(SHARED)/seeds

clean:
	rm -rf demo-out $(OUT) .pytest_cache
