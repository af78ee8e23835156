"""Disagreements on a tiny team-written multi-outlet corpus, and restraint where outlets agree."""
from __future__ import annotations

import re
from pathlib import Path

from storyline.config import Settings
from storyline.extract.claims import find_claims
from storyline.fuse.disagreements import MAX_DISAGREEMENTS, count_kind, find_disagreements
from storyline.fuse.pair_model import read_side
from storyline.model import DocAnalysis, Document, Entity, Event, Sentence, Span, Story

ACTORS = {"Freedonia": ("g1", "GPE", "FRD"), "Freedonian": ("g1", "GPE", "FRD"),
          "Sylvania": ("g2", "GPE", "SYL"), "Sylvanian": ("g2", "GPE", "SYL"),
          "Basin Council": ("g3", "ORG", None), "Ana Vell": ("g4", "PERSON", "FRD")}

# Meridian Ledger and Daily Crossroads agree with each other; Continental Wire contradicts both on the
# size of the relief fund and on who ended the border crisis.
LEDGER = ["Freedonia raised its drought relief fund by 900 billion tenge, which is about $1.9 billion.",
          "The border crisis was overcome due to the joint effort of the Basin Council members, "
          "not just Sylvania, and the markets reopened.",
          "Freedonia no longer wants to remain the satellite of Sylvania."]
CROSSROADS = ["President Ana Vell said Freedonia raised its drought relief fund by $2 billion this spring.",
              "Markets in Freedonia reopened after weeks of panic over the harvest."]
WIRE = ["Freedonia raised its drought relief fund by several million dollars, a token sum.",
        "In truth the border crisis was overcome only thanks to the Sylvanian army, whatever Freedonia says.",
        "Freedonia remains firmly under the influence of Sylvania."]


def _analysis(doc_id: str, outlet: str, sentences: list[str]) -> tuple[DocAnalysis, list[tuple[str, Span]]]:
    raw = " ".join(sentences)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, outlet=outlet, text=raw)
    sents, pos = [], 0
    for t in sentences:
        sents.append(Sentence(doc_id, pos, pos + len(t), t))
        pos += len(t) + 1
    mentions = []
    for name in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", raw):
            if not any(s.start <= m.start() < s.end for _, s in mentions):
                mentions.append((ACTORS[name][0], Span(doc_id, m.start(), m.end(), name)))
    return DocAnalysis(document=doc, sentences=sents, claims=find_claims(doc_id, sents)), mentions


def _corpus(*docs: tuple[str, str, list[str]]) -> tuple[list[DocAnalysis], list[Entity]]:
    analyses, spans = [], []
    for d in docs:
        a, m = _analysis(*d)
        analyses.append(a)
        spans.extend(m)
    entities = {}
    for name, (eid, etype, country) in ACTORS.items():
        entities.setdefault(eid, Entity(id=eid, name=name, type=etype, country=country))
    for eid, span in spans:
        entities[eid].mentions.append(span)
    return analyses, list(entities.values())


def _topics(found) -> list[str]:
    return [d.topic.split(":")[0].split(" (")[0] for d in found]


def test_contradicting_outlets_are_found_with_both_sides() -> None:
    analyses, entities = _corpus(("led", "Meridian Ledger", LEDGER), ("cro", "Daily Crossroads", CROSSROADS),
                                 ("wir", "Continental Wire", WIRE))
    found = find_disagreements(analyses, entities, [], Settings())
    by_kind = dict(zip(_topics(found), found))
    assert {"quantity", "cause", "alignment"} <= set(by_kind)
    fund = by_kind["quantity"]
    assert {s.doc for s in fund.sides} == {"led", "cro", "wir"}
    wire_side = next(s for s in fund.sides if s.doc == "wir")
    assert "several million dollars" in wire_side.evidence.text
    raw = {a.document.id: a.document.raw for a in analyses}
    for d in found:
        for s in d.sides:  # evidence offsets point into the raw text
            assert raw[s.doc][s.evidence.start:s.evidence.end] == s.evidence.text
    cause = by_kind["cause"]
    assert {s.doc for s in cause.sides} == {"led", "wir"}
    assert any(s.stance.startswith("only") for s in cause.sides)
    alignment = by_kind["alignment"]
    assert {(s.doc, s.stance) for s in alignment.sides} == {("led", "distancing"), ("wir", "aligned")}
    assert len({d.id for d in found}) == len(found) and all(d.id.startswith("dis-") for d in found)


def test_agreeing_outlets_do_not_disagree() -> None:
    analyses, entities = _corpus(("led", "Meridian Ledger", LEDGER), ("cro", "Daily Crossroads", CROSSROADS))
    assert find_disagreements(analyses, entities, [], Settings()) == []


def test_denied_event_against_asserted_one() -> None:
    a = "Sylvania shelled the Freedonian border post on Monday."
    b = "Sylvania did not shell the Freedonian border post, its ministry said."
    analyses, entities = _corpus(("x", "X", [a]), ("y", "Y", [b]))
    events = [Event(id="x/v1", type="ASSAULT", source="g2", target="g1", doc="x", story_event="se1",
                    evidence=[Span("x", 0, len(a), a)]),
              Event(id="y/v1", type="ASSAULT", source="g2", target="g1", doc="y", story_event="se1",
                    modality="denied", evidence=[Span("y", 0, len(b), b)])]
    found = find_disagreements(analyses, entities, events, Settings())
    (event,) = [d for d in found if d.topic.startswith("event")]
    assert {(s.doc, s.stance) for s in event.sides} == {("x", "happened"), ("y", "denied")}


def _analysed(path, settings: Settings) -> tuple[list[DocAnalysis], list[Entity], list[Event]]:
    """Every stage up to fuse on the articles under ``path``: analyses, merged entities, their events."""
    from storyline.clean import LineStats
    from storyline.engine.stages import analyze_documents
    from storyline.fuse.entities import merge_entities
    from storyline.ingest import read_paths
    from storyline.model import IngestError

    docs = [d for d in read_paths([str(path)], settings) if not isinstance(d, IngestError)]
    stats = LineStats.from_documents(docs)   # repeated lines across the corpus, as a run counts them
    analyses = [a for a in analyze_documents(docs, settings, stats) if isinstance(a, DocAnalysis)]
    entities, id_map = merge_entities(analyses, settings)
    events = []
    for a in analyses:
        for ev in a.events:
            ev.source, ev.target = id_map.get(ev.source, ev.source), id_map.get(ev.target, ev.target)
            events.append(ev)
    return analyses, entities, events


def _regex_analysis(path: Path) -> DocAnalysis:
    """A team-written article with sentences split by a regex and no NER."""
    raw = path.read_text(encoding="utf-8")
    doc = Document(id=path.stem, source=path.name, raw=raw, text=raw)
    sents = [Sentence(path.stem, m.start(), m.end(), m.group(0))
             for m in re.finditer(r"[^\n.!?]+(?:[.!?](?=\s|$)|$)", raw) if m.group(0).strip()]
    return DocAnalysis(document=doc, sentences=sents, claims=find_claims(path.stem, sents))


def test_seeds_disagreements(seeds_dir, gold_path) -> None:
    """Acceptance on the shared seeds: the gold disagreements are found, without spraying."""
    import yaml

    settings = Settings()
    analyses, entities, events = _analysed(seeds_dir, settings)
    found = find_disagreements(analyses, entities, events, settings)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["disagreements"]
    key = {a.document.id: a.document.source.rsplit("/", 1)[-1][:3] for a in analyses}

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip().lower()

    hit = 0
    for g in gold:
        for d in found:
            covered = {gs["doc"] for s in d.sides for gs in g["sides"]
                       if key[s.doc] == gs["doc"] and norm(gs["phrase"]) in norm(s.evidence.text)}
            if len(covered) >= 2:
                hit += 1
                break
    assert hit / len(gold) >= 0.6
    assert len(found) <= min(MAX_DISAGREEMENTS, 3 * len(gold))


# --- quantities, causes and framings on other stories (team-written) -------------------------------

def _found(*docs: tuple[str, list[str]]):
    analyses, entities = _corpus(*[(d, d.upper(), sents) for d, sents in docs])
    return find_disagreements(analyses, entities, [], Settings())


def _dims(found) -> dict[str, list]:
    out: dict[str, list] = {}
    for d in found:
        out.setdefault(d.topic.split(":")[0].split(" (")[0], []).append(d)
    return out


def test_layoff_figures_that_differ_are_a_disagreement() -> None:
    found = _found(("a", ["The carmaker will cut 1,200 jobs at its Lindau plant over eighteen months."]),
                   ("b", ["Union leaders said the carmaker will cut 3,500 jobs at the Lindau plant."]),
                   ("c", ["About 1,200 jobs will go at the Lindau plant, the carmaker confirmed."]))
    (jobs,) = _dims(found)["quantity"]
    assert {s.doc for s in jobs.sides} == {"a", "b", "c"}


def test_crowd_counts_of_different_nouns_meet_as_people() -> None:
    found = _found(("a", ["Some 5,000 supporters rallied in the capital of Sylvania on Sunday."]),
                   ("b", ["Only a few hundred activists rallied in the Sylvanian capital on Sunday."]))
    (crowd,) = _dims(found)["quantity"]
    assert "people" in crowd.topic and {s.doc for s in crowd.sides} == {"a", "b"}


def test_turnout_readings_on_different_days_do_not_disagree() -> None:
    found = _found(("a", ["Turnout in the Sylvanian north reached 1.1 million voters by Monday evening."]),
                   ("b", ["Turnout in the Sylvanian north reached 2.9 million voters by Friday evening."]))
    assert "quantity" not in _dims(found)


def test_a_document_giving_both_figures_agrees_with_each() -> None:
    found = _found(("a", ["Casualties at the mine rose from 12 workers on the first night to 31 by the end."]),
                   ("b", ["Rescuers at the mine counted 31 workers dead by the end of the week."]))
    assert "quantity" not in _dims(found)


def test_blackout_cause_denied_by_one_and_implied_by_timing_in_another() -> None:
    found = _found(("a", ["The blackout in the capital was the result of a heatwave and had nothing to do with "
                          "the new grid software, the operator said."]),
                   ("b", ["Engineers noted that the power in the capital failed on the very day the new grid "
                          "software was switched on."]))
    (cause,) = _dims(found)["cause"]
    assert {s.doc for s in cause.sides} == {"a", "b"}
    assert any(s.stance.startswith("not ") for s in cause.sides)


def test_different_causes_of_unrelated_outcomes_are_not_a_disagreement() -> None:
    found = _found(("a", ["The harvest in the east failed because of the drought."]),
                   ("b", ["Ticket prices in the capital rose because of the new tax."]))
    assert "cause" not in _dims(found)


def test_hostile_and_benign_framings_of_one_act() -> None:
    found = _found(("a", ["Freedonia called the Sylvanian naval drill near its coast a provocation."]),
                   ("b", ["Sylvania said the naval drill near the Freedonian coast was a routine exercise planned "
                          "months ago."]),
                   ("c", ["Fishermen said the naval drill near the coast scared away the fish."]))
    (frame,) = _dims(found)["framing"]
    assert {(s.doc, s.stance) for s in frame.sides} == {("a", "hostile"), ("b", "benign")}


def test_dev_set_disagreements_without_nlp() -> None:
    """The independent dev set (tests/fixtures/disagreements_dev), sentences split by a regex, no NER."""
    from pathlib import Path

    import yaml

    base = Path(__file__).resolve().parents[1] / "fixtures" / "disagreements_dev"
    gold = yaml.safe_load((base / "expected.yaml").read_text(encoding="utf-8"))
    analyses = [_regex_analysis(path) for path in sorted((base / "corpus").glob("*.txt"))]
    found = find_disagreements(analyses, [], [], Settings())
    hit = 0
    for g in gold["disagreements"]:
        for d in found:
            covered = {gs["doc"] for s in d.sides for gs in g["sides"]
                       if gs["doc"] == s.doc and gs["phrase"].lower() in s.evidence.text.lower()}
            if len(covered) >= 2:
                hit += 1
                break
    assert hit >= 3  # of 4: the households figures share no words around them (a known miss)
    assert len(found) <= 3 * len(gold["disagreements"])


def test_arrest_counts_told_in_different_words_disagree() -> None:
    # one shared predicate ("detained") plus one more shared word is enough to compare two counts
    found = _found(("a", ["At least 63 people were detained."]),
                   ("b", ["The ministry said nine guards were hurt and that 54 people had been detained."]))
    (arrests,) = _dims(found)["quantity"]
    assert {s.doc for s in arrests.sides} == {"a", "b"}


def test_counts_of_unrelated_things_do_not_disagree() -> None:
    found = _found(("a", ["At least 63 people were detained after the rally in Lakeport."]),
                   ("b", ["About 500 people attended a concert in Harbourside on Friday."]))
    assert "quantity" not in _dims(found)


def test_blocked_claim_pairs_find_what_trying_every_pair_finds(monkeypatch) -> None:
    """``_pairwise`` tries only pairs sharing a key; with every pair tried the result is the same."""
    from storyline.demo import demo_corpus_path
    from storyline.fuse import disagreements

    settings = Settings(embedding_model="")
    analyses, entities, events = _analysed(demo_corpus_path(), settings)
    base = Path(__file__).resolve().parents[1] / "fixtures" / "disagreements_dev" / "corpus"
    # more quantities and causes than the demo has
    analyses += [_regex_analysis(path) for path in sorted(base.glob("*.txt"))]
    blocked = find_disagreements(analyses, entities, events, settings)
    real = disagreements._pairwise
    monkeypatch.setattr(disagreements, "_pairwise",
                        lambda claims, kind, related, conflict, keys, **kw: real(claims, kind, related, conflict,
                                                                                  lambda c: {"every pair"}, **kw))
    everything = find_disagreements(analyses, entities, events, settings)
    assert len(blocked) >= 3
    assert [(d.topic, d.sides) for d in blocked] == [(d.topic, d.sides) for d in everything]


def test_dimensions_are_chosen_by_setting() -> None:
    from storyline.config import DEFAULT_DISAGREEMENT_DIMENSIONS
    from storyline.model import Side
    from storyline.registry import dimension

    docs = [("led", "Meridian Ledger", LEDGER), ("cro", "Daily Crossroads", CROSSROADS),
            ("wir", "Continental Wire", WIRE)]
    analyses, entities = _corpus(*docs)
    every = find_disagreements(analyses, entities, [], Settings())
    assert {"quantity", "cause", "alignment"} <= set(_topics(every))
    without = [n for n in DEFAULT_DISAGREEMENT_DIMENSIONS if n != "storyline.disagreements.quantities.v1"]
    fewer = find_disagreements(analyses, entities, [], Settings(disagreement_dimensions=without))
    assert "quantity" not in _topics(fewer)
    assert [d.topic for d in fewer] == [d.topic for d in every if not d.topic.startswith("quantity")]

    @dimension("tests.disagreements.first_poles.v1")
    def first_poles(claims, context, settings):
        """Each document's first pole claim as its side (a stand-in for, say, a trained comparer)."""
        first = {}
        for c in claims:
            if c.kind == "pole":
                first.setdefault(c.doc, c)
        sides = [Side(doc=c.doc, stance=c.pole, evidence=c.evidence) for c in first.values()]
        return [(100.0, "stance", "stance: first poles", sides)] if len(sides) >= 2 else []

    swapped = find_disagreements(analyses, entities, [], Settings(
        disagreement_dimensions=["tests.disagreements.first_poles.v1", "storyline.disagreements.causes.v1"]))
    assert _topics(swapped) == ["stance", "cause"]
    assert {(s.doc, s.stance) for s in swapped[0].sides} == {("led", "distancing"), ("wir", "aligned")}


def test_an_unknown_dimension_is_refused_by_name() -> None:
    import pytest

    from storyline.errors import PipelineError

    analyses, entities = _corpus(("led", "Meridian Ledger", LEDGER), ("wir", "Continental Wire", WIRE))
    with pytest.raises(PipelineError, match=r"storyline\.disagreements\.moods\.v1"):
        find_disagreements(analyses, entities, [],
                           Settings(disagreement_dimensions=["storyline.disagreements.moods.v1"]))


# --- counts of one kind, reasons and agents (issue 17's held-out misses) ------------------------------------

def test_counts_of_different_kinds_are_never_one_figure() -> None:
    # "four killed" and "6,000 in shelters" are both people, but never one quantity told twice
    assert count_kind("Four people were killed when the walls collapsed, and 6,000 people spent the night in "
                      "shelters.", 0, len("Four people")) == "killed"
    text = "Four people were killed when the walls collapsed, and 6,000 people spent the night in shelters."
    at = text.index("6,000 people")
    assert count_kind(text, at, at + len("6,000 people")) == "displaced"
    found = _found(("a", ["The earthquake in the valley killed four people, the civil defence office said."]),
                   ("b", ["The earthquake in the valley left 6,000 people in shelters, the civil defence office "
                          "said."]))
    assert "quantity" not in _dims(found)


def test_arrest_counts_of_one_kind_still_disagree() -> None:
    found = _found(("a", ["Police arrested 42 people in the port city during the protest."]),
                   ("b", ["Police said 17 people were detained in the port city during the protest."]))
    (arrests,) = _dims(found)["quantity"]
    assert {s.doc for s in arrests.sides} == {"a", "b"}


def _pair_corpus(*docs: tuple[str, str, list[str]]) -> tuple[list[DocAnalysis], list[Story]]:
    analyses = []
    for doc_id, outlet, sentences in docs:
        raw = " ".join(sentences)
        doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, outlet=outlet, text=raw)
        sents, pos = [], 0
        for t in sentences:
            sents.append(Sentence(doc_id, pos, pos + len(t), t))
            pos += len(t) + 1
        analyses.append(DocAnalysis(document=doc, sentences=sents, claims=find_claims(doc_id, sents)))
    return analyses, [Story(id="s1", title="story", date=None, docs=[a.document.id for a in analyses])]


# Two outlets on an invented theft of a chalice from a cathedral: they name two different thieves and two
# different reasons for closing the treasury, in sentences that share few rare words besides the story's own
CHAPTER = ["A silver chalice was stolen from the treasury of Harlow cathedral at the weekend, the dean said.",
           "The chalice was stolen by two men posing as electricians who came in through a side door.",
           "The treasury was closed because the alarm system had been switched off for repairs.",
           "The chalice, made in 1540, is insured for about 400,000 pounds."]
MINSTER = ["Police in Harlow are searching for a chalice that disappeared from the cathedral's treasury.",
           "Detectives believe the chalice was taken by a verger who has worked at the cathedral for twenty years.",
           "The treasury was closed after a burst pipe flooded the lower rooms, a cathedral spokesman said.",
           "The verger has not been seen since Friday."]
# the same thief and the same reason in other words (active and passive voice)
GAZETTE = ["A silver chalice disappeared from the treasury of Harlow cathedral at the weekend.",
           "Two men posing as electricians stole the chalice after coming in through a side door, the dean said.",
           "The treasury was shut as the alarm system had been switched off for repairs, according to the dean."]


def _pair_kinds(*docs: tuple[str, str, list[str]]) -> dict[str, list]:
    analyses, stories = _pair_corpus(*docs)
    out: dict[str, list] = {}
    for d in find_disagreements(analyses, [], [], Settings(), stories):
        out.setdefault(d.topic.split(":")[0], []).append(d)
    return out


def test_two_outlets_naming_different_agents_and_reasons_disagree_with_evidence() -> None:
    found = _pair_kinds(("ch", "Chapter Weekly", CHAPTER), ("mi", "Minster Post", MINSTER))
    assert "actor" in found and "reason" in found, sorted(found)
    raw = {"ch": " ".join(CHAPTER), "mi": " ".join(MINSTER)}
    (actor,) = found["actor"]
    by_doc = {s.doc: s for s in actor.sides}
    assert set(by_doc) == {"ch", "mi"}
    assert "two men" in by_doc["ch"].stance and "a verger" in by_doc["mi"].stance
    for s in actor.sides + found["reason"][0].sides:   # each side's evidence at its raw offsets
        assert raw[s.doc][s.evidence.start:s.evidence.end] == s.evidence.text


def test_the_same_agent_in_the_active_and_the_passive_is_no_disagreement() -> None:
    found = _pair_kinds(("ch", "Chapter Weekly", CHAPTER), ("ga", "Cathedral Gazette", GAZETTE))
    assert "actor" not in found and "reason" not in found, {k: [d.topic for d in v] for k, v in found.items()}


def test_a_race_time_is_neither_a_time_of_day_nor_a_count() -> None:
    side = read_side("The winner clocked 2:04:12 after breaking away with about seven kilometres to go.")
    assert "clock" not in side.dates
    assert [round(a.value) for a in side.amounts] == [7000]


# --- one story at a time -----------------------------------------------------------------------------

LAYOFFS = [("a", ["The carmaker will cut 1,200 jobs at its Lindau plant over eighteen months."]),
           ("b", ["Union leaders said the carmaker will cut 3,500 jobs at the Lindau plant."])]
DRILL = [("c", ["Freedonia called the Sylvanian naval drill near its coast a provocation."]),
         ("d", ["Sylvania said the naval drill near the Freedonian coast was a routine exercise planned "
                "months ago."])]


def _kinds_in_stories(docs, stories: list[list[str]]) -> dict[str, list]:
    analyses, entities = _corpus(*[(d, d.upper(), sents) for d, sents in docs])
    grouped = [Story(id=f"s{i}", title="story", date=None, docs=ids) for i, ids in enumerate(stories)]
    return _dims(find_disagreements(analyses, entities, [], Settings(), grouped))


def test_rule_dimensions_compare_claims_of_one_story_only() -> None:
    """The same figures and framings disagree when the documents tell one story, and not across two stories
    (two articles of two stories can share a unit and words around their figures)."""
    together = _kinds_in_stories(LAYOFFS + DRILL, [["a", "b"], ["c", "d"]])
    assert {s.doc for s in together["quantity"][0].sides} == {"a", "b"}
    assert {s.doc for s in together["framing"][0].sides} == {"c", "d"}
    apart = _kinds_in_stories(LAYOFFS + DRILL, [["a", "c"], ["b", "d"]])
    assert "quantity" not in apart and "framing" not in apart


def test_candidates_spanning_stories_are_split_and_oversized_ones_dropped(caplog) -> None:
    from storyline.fuse.disagreements import MAX_SIDES, guard_candidates
    from storyline.model import Side

    def side(doc: str, stance: str) -> Side:
        text = f"The carmaker will cut {stance} jobs at its Lindau plant."
        return Side(doc=doc, stance=stance, evidence=Span(doc, 0, len(text), text))

    split = guard_candidates([(4.0, "quantity", "quantity (jobs)", [side("a", "1,200"), side("b", "3,500"),
                                                                   side("c", "1,200"), side("d", "900")])],
                             {"a": "s1", "b": "s1", "c": "s2", "d": "s2"})
    assert [(score, [s.doc for s in sides]) for score, _, _, sides in split] == [(2.0, ["a", "b"]), (2.0, ["c", "d"])]
    # a part with one document left is no disagreement
    assert guard_candidates([(3.0, "quantity", "t", [side("a", "1"), side("b", "2"), side("c", "3")])],
                            {"a": "s1", "b": "s1", "c": "s2"})[0][3] == [side("a", "1"), side("b", "2")]
    wide = [side(f"d{i}", str(i % 2)) for i in range(MAX_SIDES + 1)]
    with caplog.at_level("INFO", logger="storyline.fuse.disagreements"):
        assert guard_candidates([(9.0, "framing", "framing: drill", wide)], {}) == []
    assert "dropped" in caplog.text and f"{MAX_SIDES + 1} sides" in caplog.text
    kept = wide[:MAX_SIDES]
    assert guard_candidates([(9.0, "framing", "framing: drill", kept)], {}) == [
        (9.0, "framing", "framing: drill", kept)]


def test_a_name_whose_case_does_not_round_trip_is_bound_to_its_actor() -> None:
    # "ı" upper-cases to "I", whose lower case is "i": the text "Işınmouth" is found by the name "ışınmouth"
    # although its lower case is another string; the finder says which name it found
    from storyline.fuse.disagreements import NameFinder

    finder = NameFinder({"ışınmouth": "GPE:isinmouth", "ruritania": "GPE:ruritania"})
    found = finder.findall("IŞINMOUTH and Işınmouth officials met Ruritanian envoys.")
    assert found == ["IŞINMOUTH", "Işınmouth", "Ruritania"]
    assert [finder.name_of(f) for f in found] == ["ışınmouth", "ışınmouth", "ruritania"]


def test_a_plain_name_written_with_a_dotless_i_is_bound_to_its_actor() -> None:
    # an article spells the surname "Aydin", a claim "Aydın": the case-insensitive match equates "ı" with "i", so the
    # plain name is found in a text whose lower case ("aydın") is no name (it raised StopIteration in a 100k run)
    from storyline.fuse.disagreements import NameFinder

    finder = NameFinder({"aydin": "PERSON:aydin", "ankara": "GPE:ankara"})
    found = finder.findall("Minister Aydın told reporters in Ankara that AYDIN had not resigned.")
    assert found == ["Aydın", "Ankara", "AYDIN"]
    assert [finder.name_of(f) for f in found] == ["aydin", "ankara", "aydin"]
