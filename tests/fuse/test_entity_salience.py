"""The main-actor ranker (``storyline.fuse.entity_salience``) on a hand-made article: features and verdicts."""
from __future__ import annotations

from storyline.fuse.entity_salience import FEATURES, baseline_score, feature_rows, load_salience, main_entities
from storyline.model import DocAnalysis, Document, Entity, Event, Mention, Quote, Span

TEXT = ("Finance Minister Ana Ruiz defended the fuel levy on Tuesday. Ruiz said the Treasury had agreed it.\n"
        "Ruiz told lawmakers the levy would be reviewed. A Kenyan analyst, Tom Otieno, doubted the figures, and a "
        "union leader in Kisumu called it unfair.")


def analysis() -> DocAnalysis:
    doc = Document(id="d1", source="d1.txt", raw=TEXT, text=TEXT, title="Ruiz defends fuel levy")
    spans = {"e1": ["Ana Ruiz", "Ruiz", "Ruiz "], "e2": ["Treasury"], "e3": ["Tom Otieno"], "e4": ["Kisumu"]}
    mentions = []
    for ent, texts in spans.items():
        start = 0
        for t in texts:
            start = TEXT.index(t.strip(), start)
            mentions.append(Mention("d1", start, start + len(t.strip()), t.strip(), "PERSON", entity=f"d1/{ent}"))
            start += len(t.strip())
    ents = [Entity("d1/e1", "Ana Ruiz", "PERSON", mentions=[Span("d1", 0, 1, "A")]),
            Entity("d1/e2", "Treasury", "ORG"), Entity("d1/e3", "Tom Otieno", "PERSON"),
            Entity("d1/e4", "Kisumu", "GPE")]
    return DocAnalysis(document=doc, mentions=mentions, entities=ents,
                       events=[Event("v1", "050", source="d1/e1", target=None)],
                       quotes=[Quote("q1", "d1", "d1/e1", "the levy would be reviewed", 0, 10)])


def test_feature_rows_read_title_lead_counts_and_roles():
    rows = {ent: dict(zip(FEATURES, row)) for _, ent, row in feature_rows([analysis()], {"d1/e1": "c1"})}
    ruiz, otieno = rows["c1"], rows["d1/e3"]
    assert ruiz["in_title"] == 1.0 and ruiz["in_lead"] == 1.0 and ruiz["inverse_rank"] == 1.0
    assert ruiz["log_source"] > 0 and ruiz["log_speaker"] > 0
    assert otieno["in_title"] == 0.0 and otieno["in_lead"] == 0.0 and otieno["first_offset"] > ruiz["first_offset"]


def test_the_minister_is_main_and_a_late_one_off_name_is_not():
    model = load_salience()
    got = main_entities([analysis()], {}, model=model)
    main = [e for e, _ in got["d1"]]
    assert main[:1] == ["d1/e1"]
    assert "d1/e4" not in main


def test_baseline_needs_the_lead_or_three_mentions():
    rows = {ent: row for _, ent, row in feature_rows([analysis()], {})}
    assert baseline_score(rows["d1/e1"]) == 1.0
    assert baseline_score(rows["d1/e3"]) == 0.0


def test_the_fuse_entity_step_records_each_articles_main_actors():
    from storyline.config import Settings
    from storyline.fuse.steps import FuseState, entities
    from storyline.model import Corpus

    a = analysis()
    state = FuseState(analyses=[a], corpus=Corpus(documents=[a.document]))
    entities(state, Settings())
    main = state.extra["main_actors"]["d1"]
    ruiz = state.id_map["d1/e1"]
    assert main and main[0][0] == ruiz
    assert state.id_map["d1/e4"] not in [e for e, _ in main]
