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
	$(PY) scripts/train_quotes.py
	$(PY) scripts/train_disagreements.py
	$(PY) scripts/train_loaded.py
	$(PY) scripts/train_clean.py
	$(PY) scripts/train_names.py
	$(PY) scripts/train_descriptions.py
	$(PY) scripts/train_entities.py
	$(PY) scripts/train_stories.py
	$(PY) scripts/train_events_languages.py
	$(PY) scripts/train_event_roles_languages.py

eval: $(STAMP)  ## quality figures: frozen team sets (train-fold beside frozen), dev sets, demo corpus, seeds' gold
	$(PY) scripts/eval_events_frozen.py
	$(PY) scripts/eval_events.py
	$(PY) scripts/eval_disagreements.py --set frozen/disagreements/test.jsonl
	$(PY) scripts/eval_disagreements_corpus.py --set frozen/disagreements_corpus
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus --merged
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus2
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus3
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus4
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus5
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus6
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus7
	$(PY) scripts/eval_disagreements_corpus.py --set training/disagreements_corpus8
	$(PY) scripts/eval_clean.py
	$(PY) scripts/eval_clean.py --set training/clean_dev
	$(PY) scripts/eval_clean.py --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev2
	$(PY) scripts/eval_clean.py --set training/clean_dev3
	$(PY) scripts/eval_clean.py --set training/clean_dev3 --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev4
	$(PY) scripts/eval_clean.py --set training/clean_dev4 --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev5
	$(PY) scripts/eval_clean.py --set training/clean_dev5 --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev5 --clean-lines hybrid
	$(PY) scripts/eval_clean.py --set training/clean_dev6
	$(PY) scripts/eval_clean.py --set training/clean_dev6 --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev6 --clean-lines hybrid
	$(PY) scripts/eval_clean.py --set training/clean_dev7
	$(PY) scripts/eval_clean.py --set training/clean_dev7 --clean-lines trained
	$(PY) scripts/eval_clean.py --set training/clean_dev7 --clean-lines hybrid
	$(PY) scripts/eval_clean.py --clean-lines hybrid
	$(PY) scripts/eval_quotes.py --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind2.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind3.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind4.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind5.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind6.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_quotes.py --set training/quotes/dev/blind7.jsonl --quotes storyline.quotes.rules.v1 --quotes storyline.quotes.trained.v1
	$(PY) scripts/eval_loaded.py
	$(PY) scripts/eval_entities.py
	$(PY) scripts/eval_entities.py --set training/entities
	$(PY) scripts/eval_entities.py --set training/entities_dev2
	$(PY) scripts/eval_entities.py --set training/entities_dev3/dev.jsonl
	$(PY) scripts/eval_entities.py --set training/entities_dev4/dev.jsonl
	$(PY) scripts/eval_entities.py --set training/entities_dev5/dev.jsonl
	$(PY) scripts/eval_entities.py --set training/entities_dev6c/dev.jsonl
	$(PY) scripts/eval_entities.py --set training/entities_dev7/dev.jsonl
	$(PY) scripts/eval_languages.py
	$(PY) scripts/eval_languages.py --set training/languages
	$(PY) scripts/eval_events_languages.py
	$(PY) scripts/eval_events_languages.py --set training/languages/events
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev3
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev2
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev4
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev5
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev6
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev7
	$(PY) scripts/eval_events_languages.py --set training/languages/events/dev8
	$(PY) scripts/eval_quotes_languages.py
	$(PY) scripts/eval_quotes_languages.py --set training/languages/quotes/dev
	$(PY) scripts/eval_stories.py --set frozen/stories --out $(OUT)/stories-frozen --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories --out $(OUT)/stories-dev --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev2 --out $(OUT)/stories-dev2 --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev3 --out $(OUT)/stories-dev3 --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev3 --setting stories=trained --out $(OUT)/stories-dev3-trained --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev4 --out $(OUT)/stories-dev4 --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev4 --setting stories=trained --out $(OUT)/stories-dev4-trained --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev5 --out $(OUT)/stories-dev5 --reanalyze
	$(PY) scripts/eval_stories.py --set training/stories_dev5 --setting stories=trained --out $(OUT)/stories-dev5-trained --reanalyze
	$(VENV)/bin/storyline analyze storyline/demo/corpus --out $(OUT)/demo --reanalyze
	$(PY) scripts/score_demo.py $(OUT)/demo/export.json
	@if [ -d $(SHARED)/seeds ]; then $(MAKE) --no-print-directory score; fi
	@if [ -f $(SHARED)/tools/score.py ]; then for d in training/events_corpus_dev1 training/events_corpus_dev2; do \
	  $(VENV)/bin/storyline analyze $$d/articles --out $(OUT)/$$(basename $$d) --reanalyze && \
	  $(PY) $(SHARED)/tools/score.py $(OUT)/$$(basename $$d)/export.json $$d/gold.yaml $$d/articles; done; fi

score: $(STAMP)  ## analyse ../shared/seeds and score the export against the gold file
	$(VENV)/bin/storyline analyze $(SHARED)/seeds --out $(OUT)/seeds --reanalyze
	$(PY) $(SHARED)/tools/score.py $(OUT)/seeds/export.json $(SHARED)/gold/seeds.yaml $(SHARED)/seeds

clean:
	rm -rf demo-out $(OUT) .pytest_cache
