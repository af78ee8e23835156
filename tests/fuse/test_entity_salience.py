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


SUBJECT_TEXT = ("MOMBASA — In a statement on Friday, the harbour authority said Captain Ines Varga would lead the "
                "inquiry into the Port of Lamu collision. She has run two such inquiries. The authority added that "
                "Varga would report in March. Lamu officials declined to comment.")


def subject_analysis() -> DocAnalysis:
    doc = Document(id="d2", source="d2.txt", raw=SUBJECT_TEXT, text=SUBJECT_TEXT)
    spans = [("MOMBASA", "e1", "GPE"), ("the harbour authority", "e2", "ORG"), ("Ines Varga", "e3", "PERSON"),
             ("Port of Lamu", "e4", "ORG"), ("The authority", "e2", "ORG"), ("Varga", "e3", "PERSON"),
             ("Lamu", "e5", "GPE")]
    mentions, start = [], 0
    for text, ent, kind in spans:
        start = SUBJECT_TEXT.index(text, start)
        mentions.append(Mention("d2", start, start + len(text), text, kind, entity=f"d2/{ent}"))
        start += len(text)
    ents = [Entity("d2/e1", "Mombasa", "GPE"), Entity("d2/e2", "harbour authority", "ORG"),
            Entity("d2/e3", "Ines Varga", "PERSON"), Entity("d2/e4", "Port of Lamu", "ORG"),
            Entity("d2/e5", "Lamu", "GPE")]
    return DocAnalysis(document=doc, mentions=mentions, entities=ents,
                       events=[Event("v1", "030", source="d2/e2", target="d2/e3",
                                     evidence=[Span("d2", 10, 60, SUBJECT_TEXT[10:60])])],
                       quotes=[Quote("q1", "d2", "d2/e2", "Varga would report in March", 0, 10)])


def test_the_lead_subject_is_the_clause_opener_not_the_dateline_or_a_prepositions_object():
    rows = {ent: dict(zip(FEATURES, row)) for _, ent, row in feature_rows([subject_analysis()], {})}
    authority, varga, port = rows["d2/e2"], rows["d2/e3"], rows["d2/e4"]
    # the dateline is followed by a dash, the port by "collision" after "of the": neither opens a clause
    assert authority["lead_subject"] == 1.0 and rows["d2/e1"]["lead_subject"] == 0.0
    assert varga["lead_subject"] == 0.0 and port["lead_subject"] == 0.0
    assert authority["lead_source"] == 1.0 and varga["lead_source"] == 0.0
    # the authority opens the first and the third sentence that names an actor; the officials of Lamu the fourth
    assert authority["subject_share"] > varga["subject_share"]
    # one event (source and target) and one quote: three roles, the authority holds two
    assert abs(authority["role_share"] - 2 / 3) < 1e-9 and abs(varga["role_share"] - 1 / 3) < 1e-9
    # "She" opens a sentence after Varga, the last person named: a mention without a name
    assert varga["log_pronouns"] > 0 and authority["log_pronouns"] == 0.0
    assert rows["d2/e5"]["first_sentence"] > varga["first_sentence"]


def test_salience_rows_of_an_article_do_not_depend_on_the_other_articles():
    alone = [row for _, _, row in feature_rows([subject_analysis()], {})]
    with_other = [row for doc, _, row in feature_rows([analysis(), subject_analysis()], {}) if doc == "d2"]
    cross = FEATURES.index("doc_share")
    assert [r[:cross] + r[cross + 1:] for r in alone] == [r[:cross] + r[cross + 1:] for r in with_other]
