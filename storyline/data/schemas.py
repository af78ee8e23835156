"""The JSON Schema of each resource file (user files are checked against the same schema).

Schemas are small and strict about keys: a misspelt section name is an error, not a silently
ignored list. Sections are optional in a user file (it extends the shipped one); the keys a
shipped file must have are listed under ``x-required-shipped``.
"""
from __future__ import annotations

import functools
from typing import Any

__all__ = ["ENTITY_TYPES", "RESOURCES", "schema_of"]

_WORDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_NUMBER_OR_NULL: dict[str, Any] = {"type": ["number", "null"]}
#: ``model.ENTITY_TYPES`` (the model reads the data layer, so the data layer cannot import it; a
#: test keeps the two equal)
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "NORP", "MISC")


def _mapping(values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An object whose every value matches ``values``."""
    return {"type": "object", "additionalProperties": values, **extra}


def _sections(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """A file of named sections; an unknown section is an error."""
    return {"type": "object", "properties": {"version": {"type": "integer"}, **properties},
            "additionalProperties": False, "x-required-shipped": list(required)}


def _word_lists(*keys: str) -> dict[str, Any]:
    return dict.fromkeys(keys, _WORDS)


def _plover() -> dict[str, Any]:
    quad = {"type": "object", "required": ["polarity", "material"], "additionalProperties": False,
            "properties": {"polarity": {"enum": ["cooperation", "neutral", "conflict"]},
                           "material": {"type": "boolean"}}}
    etype = {"type": "object", "required": ["quad"], "additionalProperties": False,
             "properties": {"quad": {"type": "string"}, "modes": _WORDS}}
    types = _mapping(etype, propertyNames={"pattern": "^[A-Z]+$"})
    return _sections({"quad_classes": _mapping(quad), "types": types},
                     ("quad_classes", "types"))


def _plover_definitions() -> dict[str, Any]:
    # deferred, as in ``_events``: the types are the PLOVER file's, and every one needs a definition
    from storyline.data import load

    types = list(load("plover")["types"])
    one_line = {"type": "string", "minLength": 1, "pattern": "^[^\\n]+$", "description": "a one-line definition"}
    definitions = _mapping(one_line, propertyNames={"enum": types}, required=types)
    return _sections({"definitions": definitions}, ("definitions",))


def _events() -> dict[str, Any]:
    # deferred: the event codes are checked against the PLOVER file, itself a resource
    from storyline.data import load

    plover = load("plover")
    types = list(plover["types"])
    code = {"type": "string", "pattern": "^(?:" + "|".join(types) + ")(?:/[a-z-]+)?$",
            "description": f"a PLOVER type, optionally with /mode; use one of {', '.join(types)}"}
    frame = {"type": "object", "required": ["verbs", "objects", "type"], "additionalProperties": False,
             "properties": {"verbs": _WORDS, "objects": _WORDS, "type": code,
                            "require_military": {"type": "boolean"}}}
    quad = {"enum": list(plover["quad_classes"]),
            "description": f"a quad class of plover.yaml; use one of {', '.join(plover['quad_classes'])}"}
    arguments = {"type": "object", "additionalProperties": False, "properties": _word_lists(
        "causal_aid_nouns", "naming_verbs", "speech_nouns", "stance_verbs", "leader_titles", "located_types",
        "crowd_nouns", "crowd_suffixes", "institution_nouns")}
    return _sections({
        **{key: _mapping(code) for key in ("verbs", "nouns", "particles", "negated", "with_complement")},
        "noun_modes": _mapping({"type": "string"}), "frames": {"type": "array", "items": frame},
        "support_verbs": _WORDS, "inverse_verbs": _WORDS,
        "with_object": _mapping({"anyOf": [code, {"type": "null"}],
                                 "description": f"null or {code['description']}"}),
        "anaphors": _mapping({"enum": list(ENTITY_TYPES)}),
        "quad": _mapping(quad, propertyNames={"enum": types}), "arguments": arguments,
    }, ("verbs", "nouns", "frames", "arguments"))


def _kb_entry(person: bool) -> dict[str, Any]:
    names = {"anyOf": [{"type": "string"}, _WORDS]}
    props: dict[str, Any] = dict.fromkeys(("alias", "aliases", "loose", "capital", "metonym", "demonym"), names)
    props |= {k: {"type": ["string", "null"]} for k in ("id", "name", "country", "role", "sector", "title")}
    # the term of office: YAML reads an unquoted ISO date as a date, a quoted one as a string
    props |= {k: {} for k in ("from", "to")}
    props |= {"type": {"enum": list(ENTITY_TYPES),
                       "description": f"an entity type; use one of {', '.join(ENTITY_TYPES)}"},
              "surname_first": {"type": "boolean"},
              # official names per language ("fr": [Union africaine]), read as aliases
              "names": {"type": "object", "additionalProperties": names,
                        "description": "a mapping of a language code to names",
                        "propertyNames": {"pattern": "^[a-z]{2,3}$", "description": "an ISO 639 language code"}}}
    return {"type": "object", "required": ["name"] if person else ["id", "name", "type"], "properties": props,
            "additionalProperties": False}


def _kb_file() -> dict[str, Any]:
    # a user's KB file may hold entries, people and lexicon word lists in one file
    return _sections({"entities": {"type": "array", "items": _kb_entry(False)},
                      "people": {"type": "array", "items": _kb_entry(True)},
                      **_kb_lexicon()["properties"]})


def _kb_lexicon() -> dict[str, Any]:
    return _sections({"titles": _mapping({"type": "string"}), **_word_lists(
        "head_titles", "non_person_before", "modifier_after", "product_after", "org_appositive",
        "event_heads", "media_heads", "business_heads", "place_heads", "org_heads", "military_heads",
        "speech_verbs", "person_roles")})


def _kb_languages() -> dict[str, Any]:
    by_id = _mapping(_WORDS, propertyNames={"pattern": "^[a-z]+:[A-Za-z0-9_-]+$", "description": "a kb_id"})
    language = {"pattern": "^[a-z]{2,3}$", "description": "an ISO 639 language code"}
    return _sections({"names": _mapping(by_id, propertyNames=language),
                      "org_heads": _mapping(_WORDS, propertyNames=language),
                      "portfolio_roles": _mapping(_WORDS, propertyNames=language),
                      "government_heads": _mapping(_WORDS, propertyNames=language),
                      "authority_heads": _mapping(_WORDS, propertyNames=language),
                      "authority_joiners": _mapping(_WORDS, propertyNames=language),
                      "agent_heads": _mapping(_mapping(_WORDS, propertyNames={
                          "pattern": "^[a-z_]+$", "description": "an institution kind of institution_kinds.yaml"}),
                          propertyNames=language),
                      "acronym_skip": _mapping(_WORDS, propertyNames=language),
                      "capitals": _mapping(by_id, propertyNames=language),
                      "demonyms": _mapping(by_id, propertyNames=language)}, ("names",))


def _event_languages() -> dict[str, Any]:
    from storyline.data import load

    language = {"pattern": "^[a-z]{2,3}$", "description": "an ISO 639 language code"}
    types = _mapping(_WORDS, propertyNames={"enum": list(load("plover")["types"])})
    cues = {"type": "object", "additionalProperties": False, "properties": _word_lists(
        "negation", "planned", "hypothetical", "locative", "coordination", "surname_endings", "articles",
        "function_words", "prepositions", "pronouns", "conjunctions", "adverbs", "determiners",
        "agent_markers", "passive_markers", "object_markers", "clitics", "future_endings", "role_prepositions",
        "subject_pronouns", "passive_endings", "active_endings", "place_nouns", "place_phrases", "common_openers",
        "host_verbs", "host_passives")}
    day_names = ("yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    days = {"type": "object", "additionalProperties": False, "properties": _word_lists(*day_names)}
    return _sections({"triggers": _mapping(types, propertyNames=language),
                      "modality": _mapping(cues, propertyNames=language),
                      "days": _mapping(days, propertyNames=language)}, ("triggers", "modality"))


def _countries() -> dict[str, Any]:
    names = {"anyOf": [{"type": "string"}, _WORDS]}
    country = {"type": "object", "additionalProperties": False,
               "properties": {"name": {"type": "string"},
                              **dict.fromkeys(("alias", "loose", "capital", "metonym", "demonym"), names)}}
    return {"type": "object", "additionalProperties": country,
            "propertyNames": {"pattern": "^[A-Z]{3}$",
                              "description": "an ISO 3166-1 alpha-3 code (such as FRA)"}}


def _stance() -> dict[str, Any]:
    dimension = {"type": "object", "required": ["poles"], "properties": {
        "description": {"type": "string"}, "poles": _mapping(_WORDS), "min_actors": {"type": "integer"},
        "cues": _WORDS, "cue_window": {"type": "integer"}}, "additionalProperties": False}
    cause = {"type": "object", "properties": {"max_words": {"type": "integer"}},
             "additionalProperties": _WORDS}
    framing = {"type": "object", "additionalProperties": False,
               "properties": {"poles": _mapping(_WORDS), "cues": _WORDS, "cue_window": {"type": "integer"}}}
    return _sections({
        "dimensions": _mapping(dimension), "cause": cause, "framing": framing, "hedges": _mapping(_WORDS),
        "vague_numbers": _mapping({"type": "array", "items": {"type": "number"}, "minItems": 2,
                                   "maxItems": 2}),
        "number_words": _mapping({"type": "number"}), "scale_words": _mapping({"type": "number"}),
        "unit_families": _mapping(_WORDS), "measure_words": _mapping({"type": "string"}),
        "usd_per_unit": _mapping({"type": "number"}),
        **_word_lists("conclusions", "negations", "not_negations", "at_least", "at_most", "amount_negations",
                      "rate_periods", "time_words", "approximate"),
    }, ("dimensions", "cause", "framing", "hedges", "negations"))


#: resource name -> schema builder; the name is also the file's path under storyline/data/
RESOURCES: dict[str, Any] = {
    "plover": _plover,
    "events": _events,
    "plover_definitions": _plover_definitions,
    "names": lambda: _sections({**_word_lists("particles", "honorifics", "address_titles", "professional_titles"),
                                "generations": _mapping({"type": "string"})}, ("particles", "honorifics")),
    "nicknames": lambda: _sections({"nicknames": _mapping(_WORDS)}, ("nicknames",)),
    "name_glosses": lambda: _sections({"glosses": _mapping(_WORDS)}, ("glosses",)),
    "given_names": lambda: _sections(_word_lists("female", "male"), ("female", "male")),
    "gender_words": lambda: _sections(_word_lists("female", "male"), ("female", "male")),
    "given_names_es": lambda: _sections(_word_lists("names"), ("names",)),
    "modality": lambda: _sections(_word_lists(
        "reporting_verbs", "attribution_phrases", "negation_words", "denial_verbs", "planned_verbs",
        "planned_auxiliaries", "planned_phrases", "conditional_markers", "hypothetical_auxiliaries",
        "hypothetical_verbs"), ("reporting_verbs", "negation_words")),
    "loaded": lambda: _sections({**_word_lists("name_calling", "epithet_adjectives", "emotive", "sarcasm"),
                                 "genre": _mapping(_WORDS)}, ("name_calling", "emotive", "sarcasm")),
    "quote_cues": lambda: _sections({
        **_word_lists("verbs", "clause_only", "according_to", "indefinite", "pronouns", "abbreviations",
                      "title_before", "naming_before", "partial_verbs", "group_sources", "questioner_labels",
                      "source_nouns", "quantifiers", "address_verbs", "term_before",
                      "place_prepositions", "place_words", "text_nouns"),
        "irregular": _mapping(_WORDS), "label_roles": _mapping(_WORDS), "need_particle": _mapping({"type": "string"}),
        "role_synonyms": {"type": "array", "items": _WORDS}}, ("verbs",)),
    "stance": _stance,
    "pair_cues": lambda: _sections({
        **_word_lists("hedges", "planned", "blocked", "done_irregular", "positive", "negative", "reasons",
                      "day_parts", "fraction_words", "agent_passive", "agent_claims", "agent_blame", "continuing",
                      "ahead", "tentative", "deferred", "unit_before", "loose_reasons", "people_units",
                      "one_thing_units", "near_values", "report_forms", "deny_frames", "deny_determiners",
                      "state_skip"),
        "count_kinds": _mapping(_WORDS),
        # causal connectives by class (where the cause stands), and cause frames of two halves
        "reason_classes": _mapping(_WORDS),
        "reason_frames": {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2,
                                                     "items": {"type": "string"}}},
        # pairs of opposite states, each half a word list
        "opposite_states": {"type": "array", "items": {"type": "array", "minItems": 2, "maxItems": 2, "items": _WORDS}},
        "fractions": _mapping({"type": "number"}), "durations": _mapping({"type": "number"}),
        "clock_zones": _mapping({"type": "number"}),
        "conversions": _mapping({"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}],
                                 "minItems": 2, "maxItems": 2})},
        ("hedges", "planned", "blocked", "positive", "negative", "reasons", "durations", "conversions")),
    "disagreement_events": lambda: _sections({
        "families": _mapping({"type": "object", "additionalProperties": False, "required": ["type", "words"],
                              "properties": {"type": {"type": "string", "pattern": "^[A-Z]+$"}, "words": _WORDS}}),
        "phases": _mapping(_WORDS)}, ("families", "phases")),
    "units": lambda: _sections({
        "currency_symbols": _mapping({"type": "string"}), "currency_words": _mapping({"type": "string"}),
        "scales": _mapping({"type": ["string", "number"]}), "distance_units": _mapping({"type": "string"}),
        "percent_words": _WORDS, "number_words": _mapping(_NUMBER_OR_NULL), "not_counts": _WORDS},
        ("currency_symbols", "currency_words", "scales", "distance_units", "number_words", "not_counts")),
    "boilerplate": lambda: _sections({
        "line": _mapping(_WORDS), "inline_teaser_label_max_words": {"type": "integer"},
        **_word_lists("prefix", "phrase", "teaser_header", "inline_teaser", "credit", "button_words",
                      "button_fillers", "not_person_words", "section_words", "breadcrumb_roots",
                      "camel_case_words", "outlet_words", "glued_label_words")},
        ("line", "prefix", "phrase", "teaser_header", "inline_teaser", "credit", "breadcrumb_roots",
         "camel_case_words", "outlet_words")),
    "event_languages": _event_languages,
    "quote_languages": lambda: _sections({"languages": _mapping(
        {"type": "object", "additionalProperties": False,
         "properties": _word_lists("speech_verbs", "according_to", "complementisers", "pronouns")},
        propertyNames={"pattern": "^[a-z]{2,3}$"})}, ("languages",)),
    "reader_cues": lambda: _sections({"languages": _mapping(
        {"type": "object", "additionalProperties": False, "properties": _word_lists("reader", "site", "imperative")},
        propertyNames={"pattern": "^[a-z]{2,3}$"})}, ("languages",)),
    "places": lambda: _sections({"cities": _WORDS}, ("cities",)),
    "descriptions": lambda: _sections({
        **_word_lists("occupations", "person_nouns", "contrast_modifiers"),
        "org_heads": _mapping(_WORDS), "name_words": _mapping(_WORDS),
        "role_synonyms": {"type": "array", "items": _WORDS}}, ("occupations", "org_heads")),
    "groups": lambda: _sections({"sectors": _mapping(_WORDS)}, ("sectors",)),
    "institution_kinds": lambda: _sections({
        "kinds": _mapping({"type": "object", "additionalProperties": False, "required": ["label", "sector", "names"],
                           "properties": {"label": {"type": "string"}, "sector": {"type": "string"},
                                          "names": _WORDS}}),
        "modifiers": _WORDS}, ("kinds",)),
    "kb/countries": _countries,
    "kb/territories": _kb_file,
    "kb/orgs": _kb_file,
    "kb/institutions": _kb_file,
    "kb/people": _kb_file,
    "kb/lexicon": _kb_lexicon,
    "kb/languages": _kb_languages,
    # a user's knowledge-base file: any mix of entities, people and lexicon lists
    "kb/user": _kb_file,
}


@functools.cache
def schema_of(name: str) -> dict[str, Any]:
    """The schema of resource ``name``; a ``KeyError`` naming the known resources for any other."""
    if name not in RESOURCES:
        raise KeyError(f"no data resource {name!r}; known: {', '.join(sorted(RESOURCES))}")
    return RESOURCES[name]()
