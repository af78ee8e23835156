"""PLOVER events in Russian, Ukrainian and Spanish: one trained coder for the three languages.

English events come from a parse (``extract.events``); there is no parser here that the three
languages share, so the coder reads what carries across languages:

- the sentence's multilingual-e5 vector (``nlp.embeddings.load_multilingual``): the same event told in
  English or Russian lands close, so the ~5,000 English training sentences teach the Russian model too;
- hits of per-language trigger stems by type and modality cues (``data/event_languages.yaml``), data
  written from the PLOVER definitions, which keep the coder precise where its words are known.

A logistic regression over them gives NONE or one of the 16 types (``scripts/train_events_languages.py``
trains it from ``training/events/`` embedded across languages and the native sentences in
``training/languages/events/events_{ru,uk,es}.jsonl``). Only sentences that hold a named entity are embedded
(an event needs an actor, and e5 costs ~40 ms a sentence). Source and target are chosen among the sentence's
entity mentions by a trained role ranker (``storyline/models/event_roles_languages.npz``): position around the
trigger, the word before the mention (a preposition: "с", "проти", "a", "contra"), its case ending, its type and
coordination; without that file, by position rules (the subject first; a place after a locative preposition is
where, not who).
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.data import load
from storyline.model import Document, Entity, Event, Mention, Sentence, Span
from storyline.nlp.dates import day_month_in_language, parse_base
from storyline.nlp.names_model import stem_key
from storyline.nlp.ner_languages import NamedSpan
from storyline.resolve.kb import KB, load_kb
from storyline.resolve.languages import known_name, language_names, resolve_names

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from storyline.config import Settings

LOGGER = logging.getLogger(__name__)

__all__ = ["NONE", "ROLE_LABELS", "Cues", "MultilingualEventModel", "RoleRanker", "carried_source", "choose_roles",
           "cue_features",
           "dateline_end", "declension", "default_model_path", "default_role_model_path", "event_date",
           "extract_language_events", "find_triggers", "governor_features",
           "group_subject", "host_features", "host_verb", "is_function_word", "load_cues", "load_language_event_model",
           "load_role_ranker", "locative_source", "modality_of",
           "opener_name_type", "opener_span", "passive_triggers", "passive_voice",
           "rank_roles", "role_candidates", "role_features", "sentence_vectors", "trigger_at",
           "word_order_features"]

NONE = "NONE"
#: how sure the coder must be to report an event (17 labels share the probability: a right type often wins with
#: 0.3-0.5). Chosen on the dev sets (training/languages/events/events_*_dev.jsonl: event F1 uk 0.79 at 0.4, 0.83 at
#: 0.3; ru, es equal), which therefore flatter it; cross-validation on the easier native training sentences
#: preferred 0.5. Never chosen on frozen/.
MIN_P = 0.3
#: sentences longer than this are lists or run-ons: not embedded
MAX_SENT_CHARS = 600
#: event types a crowd can carry out with no named actor (as in ``extract.events``)
CROWD_TYPES = frozenset({"PROTEST"})
#: entity types that can act (a date or a nationality cannot)
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
#: the actor types that may be a place rather than an actor
PLACE_TYPES = frozenset({"GPE", "LOC"})
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
#: a sentence's first word when capitalised (after an opening quote or dash)
_OPENER = re.compile(r"^[\s«\"“„'—–-]*([^\W\d_][\w'’]*(?:-[\w'’]+)*)")


#: capitals of the Latin and Cyrillic scripts the coder serves (a wire dateline writes its place in them)
_CAPS = "A-ZÁÉÍÓÚÑÜА-ЯЁІЇЄҐ"
#: A wire dateline opening a paragraph, in any of the languages: the place in capitals ("МОСКВА", "KYIV", "MADRID"),
#: a day and month ("5 декабря", "3 mar", "3 de marzo") and/or an agency in brackets, then a dash, a period or ".-",
#: and maybe the agency after it ("— РИА Новости.", "/ТАСС/.", "— «Интерфакс-Сибирь».", "— Sputnik."): "МОСКВА, 5
#: декабря — РИА Новости. ...", "KYIV (Reuters) - ...", "MADRID, 3 mar (EFE).- ...". A name inside it is the place
#: the story was filed from and the agency that filed it, never an actor of the sentence's event.
_DATELINE = re.compile(
    rf"[\s«\"]*[{_CAPS}][{_CAPS}'’.\-]{{1,}}(?:\s[{_CAPS}][{_CAPS}'’.\-]+){{0,3}}"
    r"(?P<paren1>\s*\([^()\n]{1,40}\))?"
    r"(?P<date>\s*,\s*\d{1,2}(?:\s+de)?\s+[^\W\d_]{3,12}\.?(?:\s+(?:de\s+)?\d{4}(?:\s*(?:г\.|года|року))?)?)?"
    r"(?P<paren2>\s*\([^()\n]{1,40}\))?"
    r"(?:\s*\.?\s*[-\u2013\u2014]+\s*|\s*\.\s*|\s*$)"
    rf"(?P<agency>(?:/[^/\n]{{1,30}}/|«[^»\n]{{1,40}}»|[{_CAPS}][\w-]*(?:\s[{_CAPS}][\w-]*){{0,2}})\s*\.\s*[-\u2013\u2014]*\s*)?"
)


def dateline_end(text: str) -> int:
    """Where a wire dateline that opens ``text`` ends (0: none). It needs a date or an agency besides the place in
    capitals ("США — крупнейший..." opens with no dateline); the agency after a dash counts only as a few capitalised
    words closed by a period ("— РИА Новости."), so a sentence after the dash stays whole."""
    m = _DATELINE.match(text)
    if m is None:
        return 0
    if not (m.group("date") or m.group("paren1") or m.group("paren2")
            or (m.group("agency") or "").lstrip().startswith(("/", "«")) or _PLACE_DASH.match(text)):
        return 0
    return m.end()


#: a dateline of a place alone, of two or more words in capitals and a dash ("SAN PEDRO SULA - ACNUR entregó"): one
#: capitalised word before a dash may be the sentence's subject ("США — крупнейший ..."), several are a dateline
_PLACE_DASH = re.compile(rf"[\s«\"]*[{_CAPS}]{{2,}}(?:\s[{_CAPS}]{{2,}}){{1,3}}\s+[-\u2013\u2014]\s")


def _after_dateline(doc: Document, sent: Sentence) -> Sentence:
    """``sent`` without the wire dateline that opens it when it opens a paragraph (the whole sentence may be the
    dateline: an empty sentence then)."""
    before = doc.raw[:sent.start]
    if before.strip() and not before.rstrip(" \t").endswith("\n"):
        return sent
    cut = dateline_end(sent.text)
    if not cut:
        return sent
    return Sentence(sent.doc, sent.start + cut, sent.end, sent.text[cut:])


def default_model_path() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "events_languages.npz")))


@dataclass(frozen=True)
class Cues:
    """Trigger stems by language and type, modality cues and locative prepositions by language."""

    triggers: dict[str, dict[str, tuple[str, ...]]]
    modality: dict[str, dict[str, tuple[str, ...]]]
    types: tuple[str, ...]
    #: language -> day word stem -> days before the publication day (0-6; a weekday: its own offset later)
    days: dict[str, dict[str, str]]


@functools.lru_cache(maxsize=4)
def load_cues(extra_paths: tuple[str, ...] = ()) -> Cues:
    data = load("event_languages", extra_paths)
    types = tuple(sorted(load("plover")["types"]))
    triggers = {lang: {t: tuple(_fold(s.lower()) for s in stems) for t, stems in by_type.items()}
                for lang, by_type in data["triggers"].items()}
    modality = {lang: {k: tuple(w.lower() for w in words) for k, words in cues.items()}
                for lang, cues in data["modality"].items()}
    days = {lang: {stem.lower(): key for key, stems in by_day.items() for stem in stems}
            for lang, by_day in data.get("days", {}).items()}
    return Cues(triggers, modality, types, days)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_date(text: str, lang: str, published: datetime.date, cues: Cues) -> datetime.date:
    """The day a sentence dates its event: a day and month written out ("9 июня", "el 9 de junio", in the year
    that puts it on or before the publication day), else "вчера", "el lunes" relative to the publication day (a
    weekday is its latest occurrence on or before it); else the publication day."""
    stated = day_month_in_language(text, lang, published)
    if stated is not None and stated <= published:
        return stated
    stems = cues.days.get(lang, {})
    for word, _, _ in _words(text):
        key = next((k for s, k in stems.items() if word.startswith(s)), None)
        if key == "yesterday":
            return published - datetime.timedelta(days=1)
        if key in _WEEKDAYS:
            return published - datetime.timedelta(days=(published.weekday() - _WEEKDAYS.index(key)) % 7)
        if key == "today":
            return published
    return published


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _fold(word: str) -> str:
    """Russian "ё" as "е": news writes either ("провёл", "провел"); trigger stems are matched on the folded form."""
    return word.replace("ё", "е")


def _folded_words(text: str) -> list[tuple[str, int, int]]:
    return [(_fold(w), s, e) for w, s, e in _words(text)]


#: a word of a phrase stem shorter than this must be the text's word ("попал в"); a longer one is a prefix, so
#: the phrase's inner words decline too ("прекращени огня" -> "прекращения огня", "персона нон грата")
_PHRASE_PREFIX = 4


def _matches(stem: str, words: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Where ``stem`` (one word prefix, or words of a phrase: the last and any long one a prefix) starts the
    text's words."""
    parts = stem.split()
    out = []
    for i in range(len(words) - len(parts) + 1):
        if all(words[i + k][0] == p or (len(p) >= _PHRASE_PREFIX and words[i + k][0].startswith(p))
               for k, p in enumerate(parts[:-1])) and words[i + len(parts) - 1][0].startswith(parts[-1]):
            out.append((words[i][1], words[i + len(parts) - 1][2]))
    return out


def find_triggers(text: str, lang: str, cues: Cues) -> list[tuple[str, int, int]]:
    """(type, start, end) of every trigger stem of ``lang`` in ``text``, in text order."""
    words = _folded_words(text)
    hits = [(t, s, e) for t, stems in cues.triggers.get(lang, {}).items() for stem in stems
            for s, e in _matches(stem, words)]
    return sorted(set(hits), key=lambda h: (h[1], h[0]))


def _cue_at(text: str, lang: str, kind: str, cues: Cues) -> list[int]:
    words = _words(text)
    return [s for w in cues.modality.get(lang, {}).get(kind, ()) for s, _ in
            (_cue_matches(w, words, lang) if " " in w or len(w) > 4 else
             [(ws, we) for t, ws, we in words if t == w])]


#: parts of speech of verb forms (pymorphy3): a cue that is a verb form matches only these
_VERB_POS = frozenset({"VERB", "INFN"})


def _cue_matches(cue: str, words: list[tuple[str, int, int]], lang: str) -> list[tuple[int, int]]:
    """Where a modality cue starts the text's words: a stem ("планир", "збира") starts any of its forms, but a cue
    that morphology reads as a verb form ("проведе") matches only verb forms, not the noun made from it
    ("проведення")."""
    found = _matches(cue, words)
    analyser = _morphology(lang)
    last = cue.rsplit(maxsplit=1)[-1]
    if not found or analyser is None or not analyser.word_is_known(last) \
            or analyser.parse(last)[0].tag.POS not in _VERB_POS:
        return found
    ends = {e: w for w, _, e in words}
    return [(s, e) for s, e in found if ends[e] == last or analyser.parse(ends[e])[0].tag.POS in _VERB_POS]


def modality_of(text: str, lang: str, trigger: int | None, cues: Cues) -> str:
    """asserted, planned, denied or hypothetical, from the cues of ``lang`` (a negation counts only
    within three words before the trigger, where it negates the event and not a clause beside it; a condition
    only before the trigger: "advirtió ... si no rectifica" is a threat made, its condition the threatened act's).
    A verb in the future at or just before the trigger plans the event: by its ending in Spanish ("firmará",
    "mantendrá una conversación": ``future_endings`` of ``lang``), by morphology in Russian and Ukrainian
    ("подпишет")."""
    by_lang = cues.modality.get(lang, {})
    if trigger is not None:
        words = _words(text)
        before = [w for w in words if w[2] <= trigger][-3:]
        negations = set(by_lang.get("negation", ()))
        if any(w[0] in negations for w in before):
            return "denied"
        if any(at < trigger for at in _cue_at(text, lang, "hypothetical", cues)):
            return "hypothetical"
        near = [w[0] for w in before[-2:]] + [w[0] for w in words if w[1] == trigger]
        if near and not _is_verb(near[-1], lang):
            # a noun trigger ("соглашение", "переговоры") may come before its verb: the clause's first verb (ru, uk:
            # by morphology), or its next three words (no morphology)
            rest = [w for w, _, _ in _words(re.split(r"[,;:.!?—–]", text[trigger:], maxsplit=1)[0])[1:]]
            if _morphology(lang) is None:
                near += rest[:3]
            else:
                near += [w for w in rest if _is_verb(w, lang)][:1]
        endings = by_lang.get("future_endings", ())
        if any(len(w) >= 5 and w.endswith(endings) for w in near) or any(_future_verb(w, lang) for w in near):
            return "planned"
    elif _cue_at(text, lang, "negation", cues):
        return "denied"
    elif _cue_at(text, lang, "hypothetical", cues):
        return "hypothetical"
    if _cue_at(text, lang, "planned", cues):
        return "planned"
    return "asserted"


def _future_verb(word: str, lang: str) -> bool:
    """Whether morphology (ru, uk) reads ``word`` first as a verb in the future ("подпишет", "підпише")."""
    analyser = _morphology(lang)
    if analyser is None:
        return False
    parses = analyser.parse(word)
    grammemes = set(re.split(r"[ ,]", str(parses[0].tag))) if parses else set()
    return "VERB" in grammemes and "futr" in grammemes


def _is_verb(word: str, lang: str) -> bool:
    """Whether morphology (ru, uk) reads ``word`` first as a verb form (False without morphology)."""
    analyser = _morphology(lang)
    return analyser is not None and analyser.parse(word)[0].tag.POS in _VERB_POS


def cue_features(text: str, lang: str, cues: Cues) -> list[float]:
    """Trigger hits per type (0/1), the type of the first trigger in the text (0/1 per type), then negation,
    planned and hypothetical cues (0/1), then the passives: whether the sentence is in the passive (0/1) and the
    type of each trigger a passive participle is the passive of (0/1 per type: "было отклонено" is the passive of
    "отклонил", "fue rechazada" of "rechazó"). The first trigger is most often the verb, the words after it its object
    ("отменил санкции" is a retreat, "разорвал сотрудничество" a sanction, "отклонил протест" a refusal): a news
    sentence names its actor, then the act; a passive names the party affected first and the act after it."""
    hits = find_triggers(text, lang, cues)
    hit = {t for t, _, _ in hits}
    first = hits[0][0] if hits else None
    flags = [1.0 if t in hit else 0.0 for t in cues.types]
    flags += [1.0 if t == first else 0.0 for t in cues.types]
    flags += [1.0 if _cue_at(text, lang, k, cues) else 0.0 for k in ("negation", "planned", "hypothetical")]
    passives = passive_triggers(text, lang, cues)
    # a passive in another clause than the act's ("вручила ноту протеста из-за карт, на которых ... показана как") is
    # no passive of the act: read the first trigger's clause when there is one
    at = hits[0][1] if hits else None
    flags.append(1.0 if passives or (lang != "es" and passive_voice(text, lang, cues, at)) else 0.0)
    by_passive = {t for t, _, _ in passives}
    flags += [1.0 if t in by_passive else 0.0 for t in cues.types]
    return flags


def passive_triggers(text: str, lang: str, cues: Cues) -> list[tuple[str, int, int]]:
    """(type, start, end) of each passive participle whose active verb is a trigger of ``lang``, in text order.

    Russian and Ukrainian: a short passive participle by morphology ("отклонено" -> "отклонил"), or without it a
    lower-case word with a participle's ending (``passive_endings``) whose stem takes an active past ending
    (``active_endings``: "відхилено" -> "відхилив"); the participle may come without an auxiliary ("санкции
    введены", "затримано"). Spanish: a participle (``passive_endings``) right after "fue", "fueron", "sido" that is a
    trigger itself ("fue rechazada por"). The trigger stems say which act; the coder weighs the passive."""
    by_lang = cues.modality.get(lang, {})
    words = _words(text)
    out: list[tuple[str, int, int]] = []
    if lang == "es":
        markers = {m for m in by_lang.get("passive_markers", ()) if m != "se"}
        endings = tuple(by_lang.get("passive_endings", ()))
        starts = {s: t for t, s, _ in find_triggers(text, lang, cues)}
        for (before, _, _), (word, start, end) in itertools.pairwise(words):
            if before in markers and word.endswith(endings) and start in starts:
                out.append((starts[start], start, end))
        return out
    analyser = _morphology(lang)
    for found_word in _WORD.finditer(text):
        word, start, end = found_word.group(), found_word.start(), found_word.end()
        if not word.islower():
            continue  # a name may end so too ("Україна", "Олена")
        for active in _active_forms(word, lang, analyser, by_lang):
            found = find_triggers(active, lang, cues)
            if found:
                out.extend((t, start, end) for t, s, _ in found if s == 0)
                break
    return sorted(set(out), key=lambda h: (h[1], h[0]))


def _active_forms(word: str, lang: str, analyser: Any, by_lang: dict[str, tuple[str, ...]]) -> list[str]:
    """The active past forms a Russian or Ukrainian passive participle may stand for (none for another word)."""
    if analyser is not None:
        parse = analyser.parse(word)[0]
        if "PRTS" not in str(parse.tag) or "pssv" not in str(parse.tag):
            return []
        verb = analyser.parse(parse.normal_form)[0]
        past = verb.inflect({"VERB", "past", "masc", "sing"}) if verb.tag.POS == "INFN" else None
        return [_fold(past.word)] if past is not None else []
    ending = next((e for e in sorted(by_lang.get("passive_endings", ()), key=len, reverse=True)
                   if len(word) >= 6 and word.endswith(e)), None)
    if ending is None:
        return []
    stem = _fold(word[:-len(ending)])
    # the vowel of "-ано" / "-яно" belongs to the stem ("затрима|но" -> "затрима|в")
    stems = [stem, stem + ending[0]] if ending[0] in "аяё" else [stem]
    return [s + e for s in stems for e in by_lang.get("active_endings", ())]


def trigger_at(text: str, lang: str, label: str, cues: Cues) -> int | None:
    """Where the trigger of a ``label`` event stands in ``text``: the first trigger of that type, else the first
    passive participle of that type ("было отклонено"), else the first trigger of any type (None: no trigger)."""
    hits = find_triggers(text, lang, cues)
    typed = [h for h in hits if h[0] == label] or [h for h in passive_triggers(text, lang, cues) if h[0] == label]
    found = typed or hits
    return found[0][1] if found else None


def sentence_vectors(texts: Sequence[str], model: str, cache: dict[str, Any] | None = None,
                     settings: Settings | None = None) -> np.ndarray | None:
    """e5 vectors of ``texts`` (None without the encoder); ``cache`` maps a text's sha1 to its vector; ``settings``
    (a run's, without ``cache``): kept in storyline's cache directory as ``Settings.vector_cache`` says."""
    import numpy as np

    from storyline.nlp.embeddings import kept_rows, load_multilingual

    encoder = load_multilingual(model)
    if encoder is None:
        return None
    if cache is None and settings is not None:
        return kept_rows(encoder, list(texts), settings)
    keys = [hashlib.sha1(t.encode(), usedforsecurity=False).hexdigest() for t in texts]
    todo = [i for i, k in enumerate(keys) if cache is None or k not in cache]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    if todo:
        vecs = encoder.embed([texts[i] for i in todo])
        for i, v in zip(todo, vecs):
            out[i] = v
            if cache is not None:
                cache[keys[i]] = v
    done = set(todo)
    for i, k in enumerate(keys):
        if cache is not None and i not in done:
            out[i] = cache[k]
    return out


@dataclass
class MultilingualEventModel:
    """A logistic regression over [e5 vector, cue features] and what it was trained on."""

    classifier: Any
    info: dict[str, Any]

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.classifier.classes_]

    def predict(self, vectors: np.ndarray, texts: Sequence[str], langs: Sequence[str],
                cues: Cues) -> list[tuple[str, float]]:
        """(label, probability) of each sentence."""
        import numpy as np

        if not len(texts):
            return []
        feats = np.hstack([vectors, np.array([cue_features(t, lg, cues) for t, lg in zip(texts, langs)])])
        probs = self.classifier.predict_proba(feats)
        best = probs.argmax(axis=1)
        labels = self.labels
        return [(labels[int(j)], float(probs[i, j])) for i, j in enumerate(best)]

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"classifier": self.classifier, "info": self.info})


@functools.lru_cache(maxsize=4)
def load_language_event_model(path: str = "") -> MultilingualEventModel:
    """The model at ``path`` (default: the shipped one), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds it.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no multilingual event model at {path}: run `make train`")
    return MultilingualEventModel(classifier=data["classifier"], info=data.get("info", {}))


def _locative(text: str, start: int, lang: str, cues: Cues) -> bool:
    """Whether the mention at ``start`` follows a locative preposition ("в Москве", "en Madrid"). A name that
    morphology reads as accusative after it is where something goes, not where it happened ("экстрадировала в
    Россию", "доставил в Сирию"): the country sent to, a target by the place convention."""
    before = _words(text[:start])
    if not before or before[-1][0] not in cues.modality.get(lang, {}).get("locative", ()):
        return False
    name = _words(text[start:start + 60])
    return not name or name_case(name[0][0], lang) != "accs"


def choose_roles(sentence: Sentence, mentions: list[Mention], etype: str, trigger: int | None,
                 lang: str, cues: Cues) -> tuple[str | None, str | None]:
    """Source and target entity ids among the sentence's mentions: the last actor named before the trigger
    is the source (SVO), the first other actor after it the target; two actors joined before it ("A и B") are
    source and target. A place after a locative preposition is never an actor. In a visit (CONSULT) with an active
    verb of hosting (``host_verb``) the two are swapped: the host is the target."""
    inside = _actor_mentions(sentence, mentions)
    if not inside:
        return None, None
    text = sentence.text
    actors = [m for m in inside if not _locative(text, m.start - sentence.start, lang, cues)]
    pivot = sentence.start + trigger if trigger is not None else None
    before = [m for m in actors if pivot is not None and m.end <= pivot]
    after = [m for m in actors if pivot is None or m.start >= pivot]
    source = before[-1].entity if before else None
    target = next((m.entity for m in after if m.entity != source), None)
    if len(before) >= 2 and before[-2].entity != source:
        between = _words(text[before[-2].end - sentence.start:before[-1].start - sentence.start])
        # the joining word, and at most an article after it ("y la Interpol")
        if 1 <= len(between) <= 2 and between[0][0] in cues.modality.get(lang, {}).get("coordination", ()):
            # "Россия и Турция договорились": the first named acts, with the second (as English events read it)
            source, target = before[-2].entity, target or source
    if source is None and pivot is None and after:
        source, target = after[0].entity, next((m.entity for m in after[1:] if m.entity != after[0].entity), None)
    host = host_verb(text, lang, cues) if etype == "CONSULT" else None
    if host is not None and not host[2] and source is not None and target is not None:
        # "Токаев принял Мирзиёева", "Lula recibió a Petro": the visit is the object's, so the subject (the host) is
        # the target, as the English extractor's inverse_verbs swap them; the passive keeps the visitor first
        source, target = target, source
    return source, target


ROLE_LABELS = ("source", "target", "other")
#: how sure the ranker must be that a mention fills a role (otherwise the role stays empty: "Жители вышли на
#: митинг" has no named source). Not tuned on any test set: a candidate's role wins when it beats "other".
MIN_ROLE_P = 0.34


def default_role_model_path() -> Path:
    """The role ranker shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "event_roles_languages.npz")))


@dataclass
class RoleRanker:
    """A logistic regression over one candidate mention's features: source, target or other."""

    vectorizer: Any
    classifier: Any
    info: dict[str, Any]

    def probabilities(self, rows: list[dict[str, float]]) -> list[dict[str, float]]:
        if not rows:
            return []
        probs = self.classifier.predict_proba(self.vectorizer.transform(rows))
        labels = [str(c) for c in self.classifier.classes_]
        return [dict(zip(labels, map(float, row))) for row in probs]

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"vectorizer": self.vectorizer, "classifier": self.classifier, "info": self.info})


@functools.lru_cache(maxsize=4)
def load_role_ranker(path: str = "") -> RoleRanker | None:
    """The ranker at ``path`` (default: the shipped one); None when there is no file (position rules then)."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_role_model_path, on_problem="none", missing="")
    if data is None:
        return None
    return RoleRanker(vectorizer=data["vectorizer"], classifier=data["classifier"], info=data.get("info", {}))


def role_candidates(sentence: Sentence, mentions: list[Mention], lang: str, cues: Cues) -> list[Mention]:
    """The sentence's actor mentions in text order; a place after a locative preposition ("в Москве", "en Madrid")
    is where, not who, so it is a candidate only when nobody else is named."""
    inside = _actor_mentions(sentence, mentions)
    actors = [m for m in inside if not _locative(sentence.text, m.start - sentence.start, lang, cues)]
    return actors or inside


def _actor_mentions(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions of an actor's type. A mention without a letter (quote marks or dashes taken for a
    name) names nobody: made a candidate, it took a role where a named actor stood beside it."""
    return [m for m in mentions if m.entity and m.type in ACTOR_TYPES and sentence.start <= m.start
            and m.end <= sentence.end and any(ch.isalpha() for ch in m.text)]


def role_features(sentence: Sentence, candidates: list[Mention], index: int, etype: str, trigger: int | None,
                  lang: str, cues: Cues, context: str = "") -> dict[str, float]:
    """Features of ``candidates[index]`` as a filler of a role of a ``etype`` event whose trigger starts at
    ``trigger`` (sentence offset): where it stands around the trigger and among the other actors, the words
    before it (prepositions decide a role in all three languages: "с Китаем", "проти Росії", "a Guyana"), the
    ending of its last word (the case in ru/uk: nominative subject, accusative/dative object), its type, and
    whether it is joined to the actor before it ("Россия и Китай")."""
    text = sentence.text
    m = candidates[index]
    start, end = m.start - sentence.start, m.end - sentence.start
    before_words = _words(text[:start])
    last = _words(m.text)[-1][0] if _words(m.text) else m.text.lower()
    f: dict[str, float] = {"bias": 1.0, f"lang={lang}": 1.0, f"etype={etype}": 1.0, f"type={m.type}": 1.0}
    # the position rules' choice is a feature: the ranker learns where the rest overrules it
    rule_source, rule_target = choose_roles(sentence, candidates, etype, trigger, lang, cues)
    f["rule_source"] = 1.0 if m.entity == rule_source else 0.0
    f["rule_target"] = 1.0 if m.entity == rule_target else 0.0
    if trigger is None:
        side = "none"
    else:
        side = "before" if end <= trigger else "after"
    f[f"side={side}"] = 1.0
    f[f"side={side}|etype={etype}"] = 1.0
    f[f"side={side}|lang={lang}"] = 1.0
    same_side = [c for c in candidates
                 if trigger is None or (c.end - sentence.start <= trigger) == (side == "before")]
    rank = same_side.index(m) if side != "before" else len(same_side) - 1 - same_side.index(m)
    f[f"rank={side}{min(rank, 3)}"] = 1.0
    f[f"first_actor={index == 0}"] = 1.0
    f[f"n_actors={min(len(candidates), 4)}"] = 1.0
    if trigger is not None:
        gap = _words(text[end:trigger]) if side == "before" else _words(text[trigger:start])
        f[f"gap={min(len(gap), 6) // 2}"] = 1.0
        between = text[end:trigger] if side == "before" else text[trigger:start]
        f["comma_between"] = 1.0 if "," in between else 0.0
    articles = cues.modality.get(lang, {}).get("articles", ())
    opens = not before_words or (len(before_words) == 1 and before_words[0][0] in articles)
    f[f"opens={opens}"] = 1.0
    if not before_words:
        # an opener no dictionary reads (uk): whether it is a name or a common word the evidence decides; ``context``
        # is the document's text ("" reads as the sentence alone)
        f.update(opener_features(m.text, text, context or text, lang, cues, m.start if context else start))
    prev = before_words[-1][0] if before_words else "^"
    prev2 = before_words[-2][0] if len(before_words) >= 2 else "^"
    f[f"prev={lang}:{prev}"] = 1.0
    f[f"prev2={lang}:{prev2}"] = 1.0
    f[f"prev={lang}:{prev}|side={side}"] = 1.0
    # a preposition's role depends on the event: "из Молдавии" after a lifted import ban is the party it affects,
    # after a visit the place the visitor came from
    f[f"prev={lang}:{prev}|etype={etype}"] = 1.0
    f["locative"] = 1.0 if prev in cues.modality.get(lang, {}).get("locative", ()) else 0.0
    if after_place_noun(before_words, lang, cues):
        # a river, a port, a strait or a crossing names where the act happened, not whom it was done to; the
        # event decides how far ("обстреляли порт X" hits the port)
        f["place_noun"] = 1.0
        f[f"place_noun|side={side}"] = 1.0
        f[f"place_noun|etype={etype}"] = 1.0
    if place_phrase(before_words, lang, cues):
        # "под Харьковом", "в районе Бахмута", "cerca del Esequibo": where the act happened; the event decides how
        # far (an assault "на окраине" a city may still hit the city)
        f["place_phrase"] = 1.0
        f[f"place_phrase|side={side}"] = 1.0
        f[f"place_phrase|etype={etype}"] = 1.0
    if m.type in PLACE_TYPES:
        # a country or a capital the knowledge base knows acts or is acted on; a town or a region it does not know
        # is most often only where ("Донецк", "Rosario", "Курская область"); a state named through its government
        # ("Gobierno de Angola") is known by its capitalised name word
        known = known_name(m.text, m.normal or m.text, lang) or next(
            (kb_id for w in _WORD.findall(m.text)[1:] if w[:1].isupper() and (kb_id := known_name(w, w, lang))),
            None)
        f[f"known_place={known is not None}"] = 1.0
        f[f"known_place={known is not None}|side={side}"] = 1.0
        f[f"known_place={known is not None}|etype={etype}"] = 1.0
        place = "known" if known is not None else "unknown"
    else:
        place = "none"
    case = name_case(last, lang)
    # read after the verb only: before it a name on a noun is most often the actor's body or its person's office
    # ("Полиция Эстонии задержала", "La primera ministra de Finlandia, Aino Lehtinen, se reunió"), which the
    # word features and ``qualifies_person`` already read
    head = noun_attribute(text, start, trigger, lang, cues) if side == "after" else None
    if head:
        # a name hanging on the object's noun ("лікарням Чернігівщини", "la propuesta de Etiopía"): the noun's
        # owner, a target only when the act is done to what it owns, and a town's or a region's residents or
        # buildings are most often only where; the kind of name and its case decide with it
        f["noun_attr"] = 1.0
        f[f"noun_attr|place={place}"] = 1.0
        f[f"noun_attr|type={m.type}"] = 1.0
        f[f"noun_attr|place={place}|etype={etype}"] = 1.0
        if case is not None:
            f[f"noun_attr|case={case}"] = 1.0
    elif place != "none" and prev in cues.modality.get(lang, {}).get("role_prepositions", ()):
        # a place right after a preposition ("с Татарстаном", "в Газу", "en Cauca"): a country the act is done to
        # or a town where, the preposition and the knowledge base decide together
        f[f"prep_place={place}"] = 1.0
        f[f"prep_place={place}|prev={lang}:{prev}"] = 1.0
        f[f"prep_place={place}|etype={etype}"] = 1.0
    if case is not None:
        # the case morphology reads in the name itself (ru): the instrumental of a passive's agent ("принят
        # президентом"), the genitive of an owner, the prepositional of a place; the preposition before it decides
        # with it ("под Киевом": near; "под давлением": no place)
        f[f"case={case}"] = 1.0
        f[f"case={case}|side={side}"] = 1.0
        f[f"case={case}|prev={lang}:{prev}"] = 1.0
        f[f"case={case}|etype={etype}"] = 1.0
    decl = declension(m, lang)
    f[f"decl={decl}"] = 1.0
    f[f"decl={decl}|side={side}"] = 1.0
    if decl == "fixed":
        # a name that cannot show its case ("Того", "Чили", "НАТО", "Оконкво"): its ending says nothing of its
        # role, so only word order, the preposition before it and the verb's valency speak for it
        f[f"fixed|rank={side}{min(rank, 3)}"] = 1.0
        f[f"fixed|opens={opens}"] = 1.0
        f[f"fixed|prev={lang}:{prev}"] = 1.0
        if side == "after" and trigger is not None and len(_words(text[trigger:start])) <= 2:
            f["fixed|right_after_verb"] = 1.0
    else:
        for k in (1, 2):
            f[f"suf{k}={lang}:{last[-k:]}"] = 1.0
            f[f"suf{k}={lang}:{last[-k:]}|side={side}"] = 1.0
    valency = _valency(text, trigger, lang)
    if valency:
        f[f"valency={valency}|side={side}"] = 1.0
        f[f"valency={valency}|side={side}|decl={decl}"] = 1.0
    order = word_order_features(text, start, trigger, side, before_words, lang, cues)
    f.update(order)
    if "agent_marker" in order:
        # the agent of most passives is the source, but a visitor "recibido por" the host is received by its target
        f[f"agent_marker|etype={etype}"] = 1.0
    if lang != "es" and passive_voice(text, lang, cues, trigger):
        # a passive turns the roles round: the agent is in the instrumental, itself or the noun it hangs on
        # ("введены Евросоюзом", "задержан властями Грузии"), the party affected is the grammatical subject
        f["passive"] = 1.0
        if case is not None:
            f[f"passive|case={case}"] = 1.0
            f[f"passive|case={case}|side={side}"] = 1.0
        prev_case = name_case(prev, lang) if before_words else None
        if prev_case is not None and prev not in cues.modality.get(lang, {}).get("role_prepositions", ()):
            # the noun the name hangs on: "властями Грузии", "министром обороны Польши"
            f[f"passive|prev_case={prev_case}"] = 1.0
        f[f"passive|side={side}"] = 1.0
        f[f"passive|suf2={lang}:{last[-2:]}"] = 1.0
        f[f"passive|prev_suf2={lang}:{prev[-2:]}"] = 1.0
        f[f"passive|opens={opens}"] = 1.0
    # a verb of receiving or hosting a visitor turns the subject into the target ("Токаев принял Мирзиёева",
    # "Lula recibió a Petro": the host is the target, the visitor the source), its passive back again
    f.update(host_features(text, start, end, etype, case, lang, cues))
    if side == "after" and trigger is not None:
        f.update(governor_features(text[trigger:start], etype, lang, cues))
    elif side == "before":
        # an object put before its verb keeps its preposition ("Проти ... посадовців Нікарагуа запровадив санкції
        # Європейський Союз", "Против банков Ирана ввела санкции Австралия"): the same governor, read from the
        # sentence's start ("x": a stand-in for the trigger word governor_features skips); only a preposition
        # speaks, as most names before the verb are its subject however far the sentence opened before them
        pre = governor_features("x " + text[:start], etype, lang, cues)
        if pre and f"gov={lang}:none" not in pre:
            f.update({f"pre_{k}": v for k, v in pre.items()})
    if trigger is not None and text[:trigger].rstrip().endswith((",", "—", "–")) \
            and (side == "after" or len(_words(text[end:trigger])) >= _CLAIM_WORDS):
        # the verb after a quoted or reported claim ("Сербія має відвести війська, вимагав прем'єр X", "Irán viola
        # el acuerdo, denunció el ministro X"): its subject follows it, the claim's actors stand before; a name
        # right before the comma is an apposition's ("La ministra, Rosa Quispe, amenazó"), not a claim's
        f[f"verb_after_claim|side={side}"] = 1.0
    # a body or a state right before a person's name with only capitalised words between ("МЗС Нігерії Нгозі
    # Адеємі", "ministro de Exteriores de Ghana, Kofi Mensah") qualifies that person, who is the actor
    later_people = [c for c in candidates[index + 1:] if c.type == "PERSON" and c.entity != m.entity
                    and (trigger is None or c.end - sentence.start <= trigger or side == "after")]
    if m.type != "PERSON" and later_people:
        gap_words = _WORD.findall(text[end:later_people[0].start - sentence.start])
        if len(gap_words) <= 4 and all(w[:1].isupper() or w.lower() in _NAME_JOINERS.get(lang, ())
                                       for w in gap_words):
            f["qualifies_person"] = 1.0
            f[f"qualifies_person|side={side}"] = 1.0
    if index > 0:
        joint = _words(text[candidates[index - 1].end - sentence.start:start])
        if 1 <= len(joint) <= 2 and joint[0][0] in cues.modality.get(lang, {}).get("coordination", ()):
            f["joined_to_previous"] = 1.0
    if index + 1 < len(candidates):
        joint = _words(text[end:candidates[index + 1].start - sentence.start])
        if 1 <= len(joint) <= 2 and joint[0][0] in cues.modality.get(lang, {}).get("coordination", ()):
            f["joined_to_next"] = 1.0
    return f


def host_verb(text: str, lang: str, cues: Cues) -> tuple[int, int, bool] | None:
    """The first verb of receiving or hosting a visitor in ``text`` (``modality.<lang>.host_verbs``: "принял",
    "прийняв", "recibió", "dio la bienvenida"), as (start, end, passive): passive when the word is the verb's passive
    participle (``host_passives``: "был принят", "fue recibido por") and no object marker follows it (the Spanish
    perfect "ha recibido a" is active). None when the sentence has none."""
    by_lang = cues.modality.get(lang, {})
    words = _folded_words(text)
    hits = sorted({h for stem in by_lang.get("host_verbs", ()) for h in _matches(stem, words)})
    if not hits:
        return None
    start, end = hits[0]
    word = _fold(text[start:end].lower())
    after = _words(text[end:])
    passive = any(word.startswith(p) for p in by_lang.get("host_passives", ())) \
        and not (after and after[0][0] in by_lang.get("object_markers", ()))
    return start, end, passive


def host_features(text: str, start: int, end: int, etype: str, case: str | None, lang: str,
                  cues: Cues) -> dict[str, float]:
    """Where the mention at ``start``-``end`` (sentence offsets) stands around the sentence's host verb
    (``host_verb``), in which voice, with
    the case of the name (ru) or the Spanish object marker before it ("recibió a Petro"; a name right after the verb
    with none is a postposed subject: "donde lo recibirá Macron"). Empty when the sentence has no host verb or the
    event is no visit (CONSULT): "aceptó recibir a los deportados", "получила помощь" are no host's."""
    host = host_verb(text, lang, cues) if etype == "CONSULT" else None
    if host is None or host[0] < end <= host[1] or host[0] <= start < host[1]:
        return {}
    pos = "before" if end <= host[0] else "after"
    voice = "passive" if host[2] else "active"
    key = f"host|{pos}|{voice}|etype={etype}"
    f = {key: 1.0}
    if case is not None:
        f[f"{key}|case={case}"] = 1.0
    if pos == "after":
        before = _words(text[host[1]:start])
        marker = bool(before) and before[-1][0] in cues.modality.get(lang, {}).get("object_markers", ())
        f[f"{key}|marked={marker}"] = 1.0
    return f


#: endings of Ukrainian verb forms (past, infinitive, reflexive) and adverbs: with no dictionary, a lower-case word
#: before a name that ends so is no noun the name could hang on ("вирішила допомогти Польщі")
_UK_NON_NOUN_ENDS = ("ти", "ть", "ся", "сь", "ла", "ли", "ло", "ав", "ив", "ів", "ув", "ов", "ено", "ано", "ому")
#: the shortest lower-case word read as a head noun ("дітям", "школ")
_HEAD_NOUN_LEN = 4
#: the Spanish words that hang a name on a noun ("los hospitales de Cauca", "el gobierno del Perú")
_OF_ES = frozenset({"de", "del"})


def noun_attribute(text: str, start: int, trigger: int | None, lang: str, cues: Cues) -> str | None:
    """The common noun a name hangs on as its attribute, when it is not the trigger: in ru/uk the lower-case noun
    right before the name ("лікарням Чернігівщини", "полиция Армении", "программу восстановления Ирпеня"); in
    Spanish the noun before "de" / "del" and an article ("los hospitales de Cauca", "la propuesta de Etiopía"). A
    preposition, a function word, the verb itself or (ru) a word morphology reads as no noun is no head; None then.
    ``start`` is the name's offset in the sentence ``text``, ``trigger`` the trigger's."""
    by_lang = cues.modality.get(lang, {})
    words = _words(text[:start])
    if lang == "es":
        # past the article before the name, "de" / "del", and the article before the noun
        articles = by_lang.get("articles", ())
        while words and words[-1][0] in articles:
            words.pop()
        if not words or words[-1][0] not in _OF_ES:
            return None
        words.pop()
        while words and words[-1][0] in articles:
            words.pop()
    if not words:
        return None
    word, at, end = words[-1]
    # a hyphenated compound is one noun ("штаб-квартиру НАТО", "штаб-квартиру TotalEnergies")
    if not word.replace("-", "").isalpha() or not text[at:end].islower() or len(word) < _HEAD_NOUN_LEN \
            or at == trigger:
        return None
    if word in by_lang.get("role_prepositions", ()) or word in by_lang.get("locative", ()) \
            or word in by_lang.get("coordination", ()) or is_function_word(word, lang, cues):
        return None
    analyser = _morphology(lang)
    if analyser is not None:
        if "NOUN" not in set(re.split(r"[ ,]", str(analyser.parse(word)[0].tag))):
            return None
    elif lang == "uk" and word.endswith(_UK_NON_NOUN_ENDS):
        return None
    return word


#: letters a word may add to a place noun's stem (its case or number ending: "рек" -> "реке", "рекой")
_PLACE_ENDING = 3


def after_place_noun(before_words: list[tuple[str, int, int]], lang: str, cues: Cues) -> bool:
    """Whether the class noun of a geographic feature or a facility (``modality.<lang>.place_nouns``: a river, a
    lake, a port, a strait, a border crossing) stands right before a name, past "de" / "del" and an article
    ("на реке Иравади", "в порту Танжера", "a orillas del río Níger", "el puerto de Tánger")."""
    nouns = cues.modality.get(lang, {}).get("place_nouns", ())
    if not nouns:
        return False
    skip = _NAME_JOINERS.get(lang, frozenset()) | set(cues.modality.get(lang, {}).get("articles", ()))
    words = [w for w, _, _ in before_words[-3:]]
    while words and words[-1] in skip:
        words.pop()
    return bool(words) and any(words[-1].startswith(n) and len(words[-1]) - len(n) <= _PLACE_ENDING for n in nouns)


#: Spanish contractions of a preposition and the article, read as the preposition in a place phrase
_CONTRACTIONS = {"del": "de", "al": "a"}


def place_phrase(before_words: list[tuple[str, int, int]], lang: str, cues: Cues) -> bool:
    """Whether the words right before a name are a phrase that says where (``modality.<lang>.place_phrases``: "под",
    "в районе", "на севере", "cerca de", "en las afueras de"), past an article ("cerca de la frontera")."""
    phrases = cues.modality.get(lang, {}).get("place_phrases", ())
    if not phrases:
        return False
    articles = cues.modality.get(lang, {}).get("articles", ())
    words = [_fold(w) for w, _, _ in before_words[-6:]]
    while words and words[-1] in articles:
        words.pop()
    if words and lang == "es":
        words[-1] = _CONTRACTIONS.get(words[-1], words[-1])
    tail = " ".join(words)
    return any(tail == p or tail.endswith(" " + p) for p in phrases)


#: grammemes of pymorphy3 that mark a name: its parses as a name say its case better than a common noun's
_NAME_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr"})


def name_case(word: str, lang: str) -> str | None:
    """The grammatical case of ``word`` as morphology reads it (ru), preferring its parses as a name; "ambig" when
    they disagree, None without morphology or when no parse has a case."""
    analyser = _morphology(lang)
    if analyser is None or not word:
        return None
    parses = analyser.parse(word)
    named = [p for p in parses if _NAME_GRAMMEMES & set(re.split(r"[ ,]", str(p.tag)))] or parses
    cases = {str(p.tag.case) for p in named if p.tag.case}
    if not cases:
        return None
    return cases.pop() if len(cases) == 1 else "ambig"


#: marks that end a clause: a passive in another clause than the trigger's ("предупредил, что будет введён запрет")
#: does not turn the trigger's roles round
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[\u2014\u2013-]\s")


def trigger_clause(text: str, trigger: int | None) -> str:
    """The clause of ``text`` that holds the trigger at offset ``trigger`` (the whole text when there is none)."""
    if trigger is None:
        return text
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, trigger)), default=0)
    after = _CLAUSE_BREAK.search(text, trigger)
    return text[start:after.start() if after else len(text)]


def passive_voice(text: str, lang: str, cues: Cues, trigger: int | None = None) -> bool:
    """Whether a Russian or Ukrainian sentence is in the passive: morphology reads a word as a short passive
    participle ("задержан", "введены"), or, without morphology, a passive auxiliary ("был", "були") or a word with
    the ending of a short participle or the impersonal -но/-то form of the language (``passive_endings``:
    "запроваджено"). With a trigger offset, only the trigger's clause is read."""
    text = trigger_clause(text, trigger)
    words = [w for w, _, _ in _words(text)]
    analyser = _morphology(lang)
    if analyser is not None:
        for word in words:
            grammemes = set(re.split(r"[ ,]", str(analyser.parse(word)[0].tag)))
            # the short participle is the passive predicate ("введены", "был задержан"); a full one is most often
            # an attribute of a noun ("введённые два года назад ограничения") in an active sentence
            if "PRTS" in grammemes:
                return True
        return False
    by_lang = cues.modality.get(lang, {})
    auxiliaries, endings = by_lang.get("passive_markers", ()), by_lang.get("passive_endings", ())
    # a lower-case word: a name may end so too ("Казахстан", "Олена")
    return any(w in auxiliaries for w in words) or any(len(w) >= 6 and w.islower() and w.endswith(endings)
                                                       for w in _WORD.findall(text)[1:])


#: fewest words between a name and a verb after a comma for the name to stand in a claim before the verb
_CLAIM_WORDS = 3


def governor_features(span: str, etype: str, lang: str, cues: Cues) -> dict[str, float]:
    """Features of the words from the trigger to a mention after it (``span`` opens with the trigger): the
    preposition nearest before the mention (``modality.<lang>.role_prepositions``; "none" for a bare object), how
    many words stand between that preposition and the mention, and how many prepositions the mention is nested
    under. A long object noun phrase hides the target from the word features: "las importaciones de carne bovina
    de Brasil", "al político opositor Omar Haddad", "отклонила запрос Эквадора", "французскую сотрудницу ... Клэр
    Дюваль" name the party affected through a chain the preceding word alone does not show."""
    preps = cues.modality.get(lang, {}).get("role_prepositions", ())
    if not preps:
        return {}
    articles = cues.modality.get(lang, {}).get("articles", ())
    words = [w for w, _, _ in _words(span)][1:]
    at = max((i for i, w in enumerate(words) if w in preps), default=-1)
    gov = words[at] if at >= 0 else "none"
    gap = min(sum(1 for w in words[at + 1:] if w not in articles), 3)
    nested = min(sum(1 for w in words if w in preps), 3)
    return {f"gov={lang}:{gov}": 1.0, f"gov={lang}:{gov}|etype={etype}": 1.0, f"gov={lang}:{gov}|gap={gap}": 1.0,
            f"gov_gap={gap}": 1.0, f"nested={nested}": 1.0, f"nested={nested}|gov={lang}:{gov}": 1.0}


#: last letters of foreign names that keep one form ("Оконкво", "Мбеки", "Нгозі", "Ндиайе"); not "у", "а", "я":
#: case endings of declined names the dictionary does not know ("Шольцу")
_UNDECLINED_ENDS = frozenset("оеєиі")


def declension(mention: Mention, lang: str) -> str:
    """How a mention's last word shows its case: "shown" when the text inflects it away from its normal form
    ("Токаеву" -> "Токаев", "Гану" -> "Гана"), "fixed" when it cannot show case (Latin script, an acronym
    "НАТО", a word morphology reads as indeclinable: "Того", "Чили", or an unknown word ending in a vowel that is
    no case ending of its shape: "Оконкво", "Мбеки"),
    "plain" otherwise (a nominative); "none" in a language without morphology (es: no case to show)."""
    analyser = _morphology(lang)
    if analyser is None:
        return "none"
    words = _WORD.findall(mention.text)
    if not words:
        return "plain"
    last = words[-1]
    if not re.search(r"[^\W\d_a-zA-Z]", last) or (len(last) >= 2 and last.isupper()):
        return "fixed"
    if any("Fixd" in str(p.tag) for p in analyser.parse(last)):
        return "fixed"
    # a foreign name the dictionary does not know, ending in a vowel no case ending of its shape explains; asked
    # before the normal form, which a normaliser makes up for such a name ("Адеємі" -> "Адеємя")
    if not analyser.word_is_known(last.lower()) and last[-1].lower() in _UNDECLINED_ENDS:
        return "fixed"
    normal_words = _WORD.findall(mention.normal or "")
    if normal_words and normal_words[-1].lower() != last.lower():
        return "shown"
    return "plain"


def _valency(text: str, trigger: int | None, lang: str) -> str | None:
    """"tran" or "intr" for a trigger that morphology reads as a verb (ru, uk): a transitive verb takes its target
    bare after it ("поддержал Того"), an intransitive one through a preposition ("встретился с Ли Цзюнь")."""
    analyser = _morphology(lang)
    if analyser is None or trigger is None:
        return None
    words = _words(text[trigger:trigger + 40])
    if not words:
        return None
    for p in analyser.parse(words[0][0])[:1]:
        grammemes = set(re.split(r"[ ,]", str(p.tag)))
        if grammemes & _VERB_POS or "PRTS" in grammemes:
            return "tran" if "tran" in grammemes else "intr" if "intr" in grammemes else None
    return None


def word_order_features(text: str, start: int, trigger: int | None, side: str,
                        before_words: list[tuple[str, int, int]], lang: str, cues: Cues) -> dict[str, float]:
    """Marks of roles in a free word order, from the lists of ``modality.<lang>`` (Spanish): an agent after "por"
    or "por parte de" ("fue recibido por Macron": the source), a passive or impersonal trigger ("Se detuvo a ...",
    "Fueron arrestados por ..."), a name right after its verb with no preposition (a postposed subject: "admitió
    Rodrigo Saavedra"), and an object doubled by a clitic ("le exigió a Hungría": the target). Empty for a
    language without those lists."""
    by_lang = cues.modality.get(lang, {})
    agents = by_lang.get("agent_markers", ())
    if not agents:
        return {}
    articles = by_lang.get("articles", ())
    f: dict[str, float] = {}
    # the words before the mention, past an article ("por la Policía")
    near = [w for w, _, _ in before_words[-4:]]
    if near and near[-1] in articles:
        near = near[:-1]
    tail = " ".join(near)
    if any(tail == a or tail.endswith(" " + a) for a in agents):
        f["agent_marker"] = 1.0
        f[f"agent_marker|side={side}"] = 1.0
    elif len(near) >= 3 and near[-1] in _NAME_JOINERS.get(lang, ()):
        # the agent named through the body it heads: "por las autoridades de Georgia", "por la policía de Honduras"
        head = near[:-2]
        if head and head[-1] in articles:
            head = head[:-1]
        if head and head[-1] in agents:
            f["agent_head"] = 1.0
            f[f"agent_head|side={side}"] = 1.0
    if trigger is None:
        return f
    pre = [w for w, _, _ in _words(text[:trigger])]
    at_trigger = _words(text[trigger:trigger + 40])
    passive = by_lang.get("passive_markers", ())
    if (pre and pre[-1] in passive) or (at_trigger and at_trigger[0][0] in passive):
        f["passive"] = 1.0
        f[f"passive|side={side}"] = 1.0
    if side == "after":
        between = [w for w, _, _ in _words(text[trigger:start])][1:]
        if all(w in articles for w in between) and len(between) <= 1:
            f["after_bare"] = 1.0
        objects = by_lang.get("object_markers", ())
        if pre and pre[-1] in by_lang.get("clitics", ()) and near and near[-1] in objects:
            f["clitic_doubled"] = 1.0
    return f


def rank_roles(sentence: Sentence, mentions: list[Mention], etype: str, trigger: int | None, lang: str,
               cues: Cues, ranker: RoleRanker, context: str = "") -> tuple[str | None, str | None]:
    """Source and target entity ids chosen by the trained ranker: the candidate most likely the source (when
    that beats "other"), then the most likely target among the other entities. ``context``: the document's
    text (for ``opener_features``)."""
    candidates = role_candidates(sentence, mentions, lang, cues)
    if not candidates:
        return None, None
    probs = ranker.probabilities([role_features(sentence, candidates, i, etype, trigger, lang, cues, context)
                                  for i in range(len(candidates))])
    src_i = max(range(len(candidates)), key=lambda i: probs[i].get("source", 0.0))
    source = candidates[src_i].entity if probs[src_i].get("source", 0.0) >= MIN_ROLE_P else None
    others = [i for i in range(len(candidates)) if candidates[i].entity != source]
    tgt_i = max(others, key=lambda i: probs[i].get("target", 0.0), default=None)
    target = None
    if tgt_i is not None and probs[tgt_i].get("target", 0.0) >= MIN_ROLE_P:
        target = candidates[tgt_i].entity
    return source, target


@functools.lru_cache(maxsize=4)
def _morphology(lang: str) -> Any:
    """pymorphy3's analyser for ``lang`` (ru, uk), or None when it or its dictionary is missing."""
    if lang not in ("ru", "uk"):
        return None
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # noqa: BLE001 - a missing optional dictionary
        return None


#: pymorphy3 tags of proper names, and the entity type each reads as
_NAME_TAGS = (("Geox", "GPE"), ("Orgn", "ORG"), ("Surn", "PERSON"), ("Name", "PERSON"), ("Patr", "PERSON"))
#: a reading this likely counts ("Песков" is a surname in 17% of pymorphy's readings, "Суд" never)
_NAME_SCORE = 0.1


#: part-of-speech tags of words that never name an actor: prepositions, conjunctions, particles, pronouns, adverbs,
#: interjections, predicatives, comparatives ("У", "Це", "Однако", "Сегодня")
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "PRED", "COMP"})
#: the grammar classes of ``modality.<lang>`` in event_languages.yaml that list words which never name an actor
FUNCTION_CLASSES = ("function_words", "prepositions", "pronouns", "conjunctions", "adverbs", "determiners")
#: lower-case words inside a Spanish name between capitalised ones ("Estados Unidos", "Banco de España")
_NAME_JOINERS = {"es": frozenset({"de", "del", "la"})}


def is_function_word(word: str, lang: str, cues: Cues) -> bool:
    """True when ``word`` cannot name an actor: a single letter, a word on one of the language's function-word
    lists (the grammar classes in ``FUNCTION_CLASSES``; Spanish has no morphology), or one pymorphy3 reads first as
    a preposition, conjunction, particle, pronoun or adverb with no proper-name reading ("Бойко" is an adverb first
    but also a surname: a name)."""
    if len(word) < 2:
        return True
    lowered = word.lower()
    by_lang = cues.modality.get(lang, {})
    if any(lowered in by_lang.get(kind, ()) for kind in FUNCTION_CLASSES):
        return True
    analyser = _morphology(lang)
    if analyser is None:
        return False
    parses = analyser.parse(word)
    if not parses or parses[0].tag.POS not in _FUNCTION_POS:
        return False
    # an initial ("У." as Name, Abbr, Init) is no name reading
    readings = [set(re.split(r"[ ,]", str(p.tag))) for p in parses if p.score >= _NAME_SCORE]
    return not any(tag in g and not g & {"Abbr", "Init"} for g in readings for tag, _ in _NAME_TAGS)


def opener_span(text: str, lang: str) -> tuple[int, int] | None:
    """Character offsets in ``text`` of the capitalised name that opens it: the first word and the run of
    capitalised words after it ("Estados Unidos", "Сергей Лавров"), in Spanish across "de", "del", "la" when a
    capitalised word follows ("Banco de España"); None when the first word is not capitalised."""
    found = _OPENER.match(text)
    if found is None or not found.group(1)[:1].isupper():
        return None
    start, end = found.start(1), found.end(1)
    joiners = _NAME_JOINERS.get(lang, frozenset())
    last = end
    for word in _WORD.finditer(text, end):
        if text[last:word.start()].strip():
            break  # punctuation between: the name ended
        if word.group()[:1].isupper():
            end = word.end()
        elif word.group().lower() not in joiners:
            break
        last = word.end()  # a joiner counts only when a capitalised word follows it
    return start, end


def opener_name_type(word: str, lang: str) -> str | None:
    """The entity type a capitalised sentence opener reads as by morphology alone: a word the dictionary reads as
    a proper name (surname, first name, place, organisation) or does not know at all; None for a common word
    ("Жители", "Суд", "Сегодня") or with no morphology for ``lang`` (Spanish: see ``opener_actor``)."""
    analyser = _morphology(lang)
    if analyser is None or not word[:1].isupper():
        return None
    parses = analyser.parse(word)
    # grammemes as strings: the Ukrainian tag set lacks some Russian ones ("Geox"), and asking for those raises
    readings = [set(re.split(r"[ ,]", str(p.tag))) for p in parses if p.score >= _NAME_SCORE]
    for tag, etype in _NAME_TAGS:
        if any(tag in grammemes for grammemes in readings):
            return etype
    if analyser.word_is_known(word.lower()):
        return None
    return "ORG" if word.isupper() else "PERSON"


def _nominative_subject(word: str, lang: str, right_before: bool) -> str | None:
    """ORG or PERSON when morphology reads a capitalised opener as a noun in the nominative, the subject of the
    verb after it ("Укрзалізниця вибачилася", "Поліція затримала": an institution acts under its common name), or
    as a nominative adjective right before the verb (a surname declined like one: "Зеленський відвідає")."""
    analyser = _morphology(lang)
    if analyser is None:
        return None
    best = analyser.parse(word)[0]
    grammemes = set(re.split(r"[ ,]", str(best.tag)))
    if "nomn" not in grammemes:
        return None
    if "NOUN" in grammemes:
        return "PERSON" if "anim" in grammemes else "ORG"
    if "ADJF" in grammemes and right_before and "plur" not in grammemes:
        return "PERSON"
    return None


def _unknown_name(name: str, rest: str, lang: str, cues: Cues) -> str | None:
    """The type of an opening name no list knows that still reads as a name right before its verb (a trigger
    within the next two words: "Сибіга зустрінеться", "Renfe se disculpó"): an acronym ("ДБР порушило", "НАТО
    провело") is an organisation; then what morphology reads of any of its words (ru, uk: a proper name or a word
    the dictionary does not know); an acronym before a lower-case word needs no trigger; of its first word, a
    noun subject or a surname ending ("Кадыров пригрозил") a person; in Spanish, capitalised words that are no
    function words (a common noun opens a sentence with its article: "El Gobierno", "Los vecinos"). None for
    anything else ("Жители вышли" stays a common noun)."""
    nxt = _words(rest)
    following = _WORD.search(rest)
    if len(name) >= 2 and name.isalpha() and name.isupper() and following is not None \
            and following.group()[:1].islower() and not rest[:following.start()].strip():
        return "ORG"  # an acronym right before a lower-case word ("НБУ вимагає", "ДБР відкрило"), not a dateline
    hits = find_triggers(rest, lang, cues)
    if not nxt or not hits or hits[0][1] not in {w[1] for w in nxt[:3]}:
        return None
    words = [w for w, _, _ in _words(name)]
    word = words[0]
    if len(word) >= 2 and word.isupper():
        return "ORG"
    for part in words:
        if part[:1].isupper():
            by_morphology = opener_name_type(part, lang)
            if by_morphology is not None:
                return by_morphology
    subject = _nominative_subject(word, lang, right_before=hits[0][1] == nxt[0][1])
    if subject is not None:
        return subject
    endings = cues.modality.get(lang, {}).get("surname_endings", ())
    if len(word) >= 5 and any(word.lower().endswith(e) for e in endings):
        return "PERSON"
    if lang == "es" and len(word) >= 3:
        return "ORG"
    return None


def opener_actor(doc: Document, sent: Sentence, mentions: list[Mention], entities: list[Entity], lang: str,
                 kb: KB, guessed: list[Mention] | None = None) -> bool:
    """Give the sentence's capitalised first word a mention when the taggers left it out and it is a known actor:
    the stem of an entity the document names elsewhere, or a name the knowledge base knows in ``lang`` (taggers
    miss a bare name that opens a sentence: "Шмигаль зустрівся ...", "Japón donó ..."). Adds to ``mentions``
    and ``entities`` in place; True when it did.

    With ``guessed`` (a list), an opener nothing reads as a name in a language whose dictionary is missing (ru,
    uk) but whose verb follows it ("Кулеба закликав", and as well "Ракета влучила") becomes a candidate too,
    appended to ``guessed``: the role ranker weighs it by ``opener_features``, and the caller drops it when the
    ranker gives it no role."""
    found = opener_span(sent.text, lang)
    if found is None:
        return False
    cues = load_cues()
    first = _words(sent.text[found[0]:found[1]])[0][0]
    if is_function_word(first, lang, cues):
        return False  # "У", "Це", "Como": a function word opens the sentence, not a name
    start, end = sent.start + found[0], sent.start + found[1]
    # the tagger's mention of the name (or part of it) is the actor: none of our own over it; a mention that
    # begins before the sentence (a wire dateline glued to the name: "(AFP).- Colombia") is no actor's
    if any(m.start < end and start < m.end and m.start >= sent.start for m in mentions):
        return False
    word = sent.text[found[0]:found[1]]
    key = stem_key(word)
    tentative = False
    same = next((m for m in mentions if m.entity and key and stem_key(m.normal or m.text) == key), None)
    if same is not None:
        entity_id, etype = same.entity, same.type
    else:
        etype = "PERSON" if key not in language_names(lang) else "ORG"
        _, new_entities = resolve_names(doc, [NamedSpan(start, end, word, etype, word)], lang, kb)
        if etype == "PERSON" and (not new_entities or new_entities[0].kb_id is None):
            # a capital opening the sentence for its country ("Загреб висловив протест"): read as a place
            _, as_place = resolve_names(doc, [NamedSpan(start, end, word, "GPE", word)], lang, kb)
            new_entities = as_place if as_place and as_place[0].kb_id else new_entities
        if not new_entities or new_entities[0].kb_id is None:
            # an unknown capitalised opener may be any word ("Жители", "Ракета"): only a name's shape counts
            guess = _unknown_name(word, sent.text[found[1]:], lang, cues)
            if guess is None and guessed is not None:
                guess = _verb_follows(word, sent.text[found[1]:], lang, cues)
                tentative = guess is not None
            if guess is None:
                return False
            _, new_entities = resolve_names(doc, [NamedSpan(start, end, word, guess, word)], lang, kb)
        made = new_entities[0]
        # one past the highest number, not the count: a dropped guessed opener leaves a gap a count would reuse
        taken = [int(tail) for e in entities if (tail := e.id.rpartition("/e")[2]).isdigit()]
        made.id = entity_id = f"{doc.id}/e{max(taken, default=0) + 1}"
        etype = made.type
        entities.append(made)
    ent = next(e for e in entities if e.id == entity_id)
    ent.mentions = sorted([*ent.mentions, Span(doc.id, start, end, word)], key=lambda m: m.start)
    mention = Mention(doc.id, start, end, word, etype, entity_id)
    mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    if tentative and guessed is not None:
        guessed.append(mention)
    return True


def _verb_follows(name: str, rest: str, lang: str, cues: Cues) -> str | None:
    """The type of an opener with no dictionary to read it (ru, uk without pymorphy3's): a single word right
    before a trigger within the next two words, its verb ("Сибіга зустрінеться", "Нафтогаз підпише"); a surname
    ending reads as a person, anything else as an organisation. None with a dictionary (``_unknown_name`` reads
    the word then) or without a trigger there."""
    if lang not in ("ru", "uk") or _morphology(lang) is not None or " " in name.strip():
        return None
    nxt = _words(rest)
    hits = find_triggers(rest, lang, cues)
    if not nxt or not hits or hits[0][1] not in {w[1] for w in nxt[:2]}:
        return None
    endings = cues.modality.get(lang, {}).get("surname_endings", ())
    return "PERSON" if any(name.lower().endswith(e) for e in endings) else "ORG"


#: letters of a word's ending its other forms may change ("Кулеба", "Кулеби", "Кулебі")
_FORM_ENDING = 2
_LATIN = re.compile(r"[A-Za-z]")
# a word after a word, a comma or a closing quote (not after a sentence's end): the lookbehind keeps the word before
# out of the match, so findall sees every word ("з Кулебою у Києві"), not every other one
_MID_CAPITAL = re.compile(r"(?<=[\w,»\"”)])\s+[«\"“„]?(\w+)")


def opener_features(word: str, text: str, context: str, lang: str, cues: Cues, at: int = -1) -> dict[str, float]:
    """What speaks for a capitalised sentence opener ``word`` being a name where no dictionary says (ru, uk
    without pymorphy3's): its stem capitalised again mid-sentence in ``context`` (the document's text: a name
    keeps its capital where a common word loses it), its shape (an acronym, a hyphen, Latin letters, quote marks
    round it in ``text``, the sentence), and against it a frequent sentence-initial common word
    (``modality.<lang>.common_openers``). ``at``: the opener's own offset in ``context``, never its own evidence
    (after a headline with no full stop, or a paragraph ending in a closing quote, the pattern reads the opener
    itself as a word inside a sentence). Empty where a dictionary reads the opener."""
    if lang not in ("ru", "uk") or _morphology(lang) is not None or not word[:1].isupper():
        return {}
    f: dict[str, float] = {}
    lowered = word.lower()
    f[f"opener_common={lowered in cues.modality.get(lang, {}).get('common_openers', ())}"] = 1.0
    stem = lowered[:max(len(lowered) - _FORM_ENDING, 3)]
    again = [w for w in (hit.group(1) for hit in _MID_CAPITAL.finditer(context) if hit.start(1) != at)
             if w[:1].isupper() and w.lower().startswith(stem)]
    f[f"opener_again={bool(again)}"] = 1.0
    if len(word) >= 2 and word.isupper():
        f["opener_shape=acronym"] = 1.0
    elif "-" in word:
        f["opener_shape=hyphen"] = 1.0
    elif _LATIN.search(word):
        f["opener_shape=latin"] = 1.0
    elif text.lstrip().startswith(("«", "\"", "“", "„")):
        f["opener_shape=quoted"] = 1.0
    return f


def group_subject(text: str, lang: str, cues: Cues) -> bool:
    """Whether a sentence opens with a group named by a common noun, its subject: in Spanish an article and a
    noun ("Los camioneros advirtieron", "Las familias exigieron", "El Gobierno firmó"); in Russian and Ukrainian an
    animate noun in the nominative plural whose own verb names the act ("Шахтёры потребовали", "Водії перекрили";
    not a statistic or a view that opens with a group noun)."""
    words = [w for w, _, _ in _words(text[:120])]
    raw = _WORD.findall(text[:120])
    if len(words) < 2:
        return False
    if lang == "es":
        # "El Gobierno", "La Policía": an institution under its common name is a group too
        return words[0] in cues.modality.get(lang, {}).get("articles", ()) and raw[1].isalpha() \
            and not is_function_word(raw[1], lang, cues)
    analyser = _morphology(lang)
    if analyser is None:
        return False
    grammemes = set(re.split(r"[ ,]", str(analyser.parse(raw[0])[0].tag)))
    if not {"NOUN", "nomn", "plur", "anim"} <= grammemes:
        return False
    return _group_verb_is_trigger(text, lang, cues, analyser)


#: how far after a group noun its verb may come ("Фермеры Ставрополья и Кубани потребовали"), and how far after
#: that verb a trigger noun may stand as its object ("Врачи выразили поддержку")
_GROUP_VERB_WINDOW = 6
_OBJECT_WINDOW = 2


def _group_verb_is_trigger(text: str, lang: str, cues: Cues, analyser: Any) -> bool:
    """Whether the group noun that opens ``text`` is the subject of a trigger: its verb, the first finite verb
    after it, is plural (it agrees with the group), past or future, and is a trigger itself ("Шахтёры
    потребовали") or takes a trigger noun as its object right after it ("Медики объявили забастовку"). A stem that
    matches elsewhere in the sentence does not make the group act ("Болельщики забили трибуны до отказа": no
    refusal; "Пенсионеры составляют треть избирателей, поддержавших закон": a statistic), nor does a present
    tense ("Пенсионеры поддерживают реформу", "Экономисты не исключают спада": views and habits)."""
    words = _words(text)
    starts = {s for _, s, _ in find_triggers(text, lang, cues)}
    for i, (word, start, _) in enumerate(words[1:_GROUP_VERB_WINDOW + 1], start=1):
        grammemes = set(re.split(r"[ ,]", str(analyser.parse(word)[0].tag)))
        if "VERB" not in grammemes:
            continue
        if "plur" not in grammemes or "pres" in grammemes:
            return False  # a present tense of a group is a habit, a view or a state, not an act
        if start in starts:
            return True
        for obj, at, _ in words[i + 1:i + 1 + _OBJECT_WINDOW]:
            if at in starts:
                return any({"NOUN", "accs"} <= set(re.split(r"[ ,]", str(p.tag))) for p in analyser.parse(obj))
        return False
    return False


def locative_source(sentence: Sentence, mentions: list[Mention], lang: str, cues: Cues) -> str | None:
    """The actor of an indefinite-personal sentence: "В Кремле отвергли предложение", "У Мінфіні заперечили" - a
    place or body after the locative preposition that opens the sentence, then a plural past or future verb with
    no subject of its own - speak for that place or body (ru, uk). The entity id, or None: a verb with a subject
    ("В Москве жители вышли на митинг"), a singular verb ("В Москве прошёл митинг") or a present tense ("В Кремле
    считают") leave the place where it is."""
    analyser = _morphology(lang)
    if analyser is None:
        return None
    text, locatives = sentence.text, cues.modality.get(lang, {}).get("locative", ())
    words = _words(text)
    if len(words) < 3 or words[0][0] not in locatives:
        return None
    opener = next((m for m in mentions if m.entity and m.type in ACTOR_TYPES
                   and m.start - sentence.start == words[1][1]), None)
    if opener is None:
        return None
    for word, start, _ in words:
        if start < opener.end - sentence.start:
            continue
        parses = analyser.parse(word)
        grammemes = set(re.split(r"[ ,]", str(parses[0].tag)))
        if "VERB" in grammemes:
            return opener.entity if "plur" in grammemes and "pres" not in grammemes else None
        # the verb's own subject: a nominative person or group ("жители", "они"), or a word read first as a
        # nominative; "обвинения отвергли" reads first as an object
        readings = [set(re.split(r"[ ,]", str(p.tag))) for p in parses]
        if any(g & {"NOUN", "NPRO"} and "nomn" in g and ("anim" in g or "NPRO" in g) for g in readings) \
                or ({"NOUN", "nomn"} <= readings[0]):
            return None
    return None


def carried_source(sentence: Sentence, previous: Sentence | None, mentions: list[Mention], trigger: int | None,
                   lang: str, cues: Cues) -> str | None:
    """The actor of a sentence that names none but a subject pronoun before its trigger ("Он обвинил Белоруссию
    ...", "Він закликав ...") or opens with its verb, the subject dropped ("Acusó a Bielorrusia ...", as Spanish
    does as often as it writes "él"; also after an opening phrase and a comma, "Tras el encuentro, acusó a ..."):
    the subject of the sentence before, its first person named, else its first actor. None when neither holds or the
    sentence before names no actor."""
    words = _words(sentence.text)
    if previous is None or not words or trigger is None:
        return None
    pronouns = cues.modality.get(lang, {}).get("subject_pronouns", ())
    before = [w for w, _, end in words if end <= trigger]
    # an opening phrase set off by a comma before a verb whose subject is dropped ("Tras el encuentro, acusó a ..."),
    # no actor named in it
    lead = sentence.text[:trigger].rstrip()
    set_off = lead.endswith(",") and not any(
        m.entity and sentence.start <= m.start and m.end <= sentence.start + len(lead) for m in mentions)
    if not (any(w in pronouns for w in before[:4]) or words[0][1] == trigger or set_off):
        return None
    actors = role_candidates(previous, mentions, lang, cues)
    people = [m for m in actors if m.type == "PERSON"]
    pick = (people or actors)[:1]
    return pick[0].entity if pick else None


def extract_language_events(doc: Document, sentences: list[Sentence], mentions: list[Mention],
                            entities: list[Entity], settings: Settings,
                            model: MultilingualEventModel) -> list[Event]:
    """PLOVER events of one non-English document (its language: ``doc.language``).

    Args:
        doc: the document (raw text, language, publication date).
        sentences: its sentences with raw offsets (the language's segmenter).
        mentions: resolved mentions (``entity`` = local entity id).
        entities: the document's local entities.
        settings: ``multilingual_model`` names the encoder (none: no events).
        model: the trained coder.

    Returns:
        Events with type, source/target entity ids, the publication date, modality and the sentence as
        evidence (document id and raw offsets), like English events.
    """
    lang = doc.language or ""
    cues = load_cues()
    kb = load_kb(tuple(settings.kb_paths))

    # a tagger reads the first word after a wire dateline as a word inside a sentence, and a capitalised article
    # or preposition there as a name ("ASTANA (AFP) - La policía ..."): no actor (filled below)
    junk: set[tuple[int, int]] = set()
    # openers made candidates with no dictionary to read them: kept only where an event gives them a role
    guessed: list[Mention] = []

    def has_actor(s: Sentence) -> bool:
        return any(m.entity and m.type in ACTOR_TYPES and s.start <= m.start and m.end <= s.end
                   and (m.start, m.end) not in junk for m in mentions)

    # a sentence with no tagged actor may still open with a known one the tagger missed ("Кадиров погрожує ...");
    # a crowd acts without a name ("Перевізники влаштували страйк"): a protest trigger is enough; a group named by
    # a common noun ("Los taxistas advirtieron", "Шахтёры потребовали") acts too when a trigger says what it did
    def candidate(s: Sentence) -> bool:
        if len(s.text) > MAX_SENT_CHARS:
            return False
        if has_actor(s):
            return True
        hits = find_triggers(s.text, lang, cues)
        return bool(hits) and (opener_actor(doc, s, mentions, entities, lang, kb, guessed)
                               or any(t in CROWD_TYPES for t, _, _ in hits) or group_subject(s.text, lang, cues))

    # a wire dateline names where the story was filed and who filed it ("МОСКВА, 5 декабря — РИА Новости."): its
    # names are nobody's actors, and its words are not the event's
    cut = [(s, _after_dateline(doc, s)) for s in sentences]
    for whole, rest in cut:
        if rest.start != whole.start:
            opening = rest.start + len(rest.text) - len(rest.text.lstrip())
            junk.update((m.start, m.end) for m in mentions
                        if m.start == opening and all(is_function_word(w, lang, cues) for w in m.text.split()))
    sentences = [rest for _, rest in cut if rest.text.strip()]
    previous = {s.start: p for p, s in zip([None, *sentences], sentences)}
    with_actor = [s for s in sentences if candidate(s)]
    if not with_actor:
        return []
    vectors = sentence_vectors([s.text.strip() for s in with_actor], settings.multilingual_model, settings=settings)
    if vectors is None:
        _drop_guessed(guessed, set(), mentions, entities)
        return []
    decisions = model.predict(vectors, [s.text.strip() for s in with_actor], [lang] * len(with_actor), cues)
    base, precision = parse_base(doc.published, doc.published_precision)
    published = base if base is not None and precision == "day" else None
    events: list[Event] = []
    for sent, (label, p) in zip(with_actor, decisions):
        if label == NONE or p < MIN_P:
            continue
        typed = [h for h in find_triggers(sent.text, lang, cues) if h[0] == label]
        at = trigger_at(sent.text, lang, label, cues)
        # the coder's event needs its opener even when no trigger stem is listed for its verb ("Польща зняла ...",
        # "Зеленський відвідає ..."): taggers miss a bare name that opens a sentence, and it is most often the source
        opener_actor(doc, sent, mentions, entities, lang, kb, guessed)
        ranker = load_role_ranker(settings.language_role_model)
        usable = [m for m in mentions if (m.start, m.end) not in junk]
        if ranker is not None:
            source, target = rank_roles(sent, usable, label, at, lang, cues, ranker, doc.raw)
        else:
            # the position rules cannot weigh a guessed opener
            usable = [m for m in usable if m not in guessed]
            source, target = choose_roles(sent, usable, label, at, lang, cues)
        # the fallbacks below are position rules: a guessed opener the ranker gave no role ("Дрони" at 0.17) is no
        # name to them, nor to carry into the next sentence's "Вони ..."; one an earlier event took as an actor is
        accepted = {r for ev in events for r in (ev.source, ev.target) if r}
        unsure = {m.entity for m in guessed} - accepted
        ruled = [m for m in usable if m.entity not in unsure]
        if source is None:
            source = locative_source(sent, ruled, lang, cues)
        if source is None:
            source = carried_source(sent, previous.get(sent.start), ruled, at, lang, cues)
            target = None if target == source else target
        if source is None and target is None and label not in CROWD_TYPES \
                and not (typed and group_subject(sent.text, lang, cues)):
            continue  # an event needs an actor; only a crowd, or a group whose act a trigger names, acts unnamed
        lead = len(sent.text) - len(sent.text.lstrip())
        start, end = sent.start + lead, sent.start + lead + len(sent.text.strip())
        day = event_date(sent.text, lang, published, cues) if published is not None else None
        date = day.isoformat() if day is not None else None
        source_of_date = None if day is None else "publication" if day == published else "sentence"
        ev = Event(id=f"{doc.id}/v{len(events) + 1}", type=label, source=source, target=target,
                   date=date, date_precision="day" if date else None, date_source=source_of_date,
                   modality=modality_of(sent.text, lang, at, cues),
                   evidence=[Span(doc.id, start, end, doc.raw[start:end])], doc=doc.id)
        names = {e.id: e.name for e in entities}
        src, tgt = names.get(source or "", "Someone"), names.get(target or "", "")
        ev.summary = f"{src} {label.lower()} {tgt}".strip() + (f" on {date}" if date else "") + "."
        events.append(ev)
    _drop_guessed(guessed, {e for ev in events for e in (ev.source, ev.target) if e}, mentions, entities)
    LOGGER.debug("%s: %d events (%s)", doc.id, len(events), lang)
    return events


def _drop_guessed(guessed: list[Mention], used: set[str], mentions: list[Mention], entities: list[Entity]) -> None:
    """Remove the guessed openers no event gave a role ("Ракета влучила": a common word, not a name): their
    entities and every mention of them (a later opener found as the same stem), in place."""
    dropped = {m.entity for m in guessed if m.entity not in used}
    mentions[:] = [m for m in mentions if m.entity not in dropped]
    entities[:] = [e for e in entities if e.id not in dropped]
