"""The trained disagreement pair model: kinds of disagreement the rule dimensions miss, on invented
two-outlet reports, with both sides' documents and raw offsets, and restraint where outlets agree."""
from __future__ import annotations

import dataclasses

from storyline.config import DEFAULT_DISAGREEMENT_DIMENSIONS, Settings
from storyline.extract.claims import find_claims
from storyline.extract.stance import content_terms
from storyline.fuse import disagreements, pair_model
from storyline.fuse.disagreement_events import event_families
from storyline.fuse.disagreements import find_disagreements
from storyline.fuse.pair_model import (
    act_status,
    claim_frame,
    claim_states,
    figures_fit,
    load_pair_model,
    pair_features,
    read_side,
)
from storyline.model import DocAnalysis, Document, Event, Sentence, Side, Span, Story

PAIRS = "storyline.disagreements.pairs.v1"

# Two outlets on one invented story: a chemical barge sinking on the Vessel river. They agree on where
# it happened, and disagree on how many tonnes leaked, on whether the cause is established and on
# whether the river was closed or only might be.
TIDEWATER = ["A chemical barge sank on the Vessel river near Okra Falls on Tuesday.",
             "The barge spilled 40 tonnes of fertiliser into the river, the port authority said.",
             "A crack in the hull caused the sinking, according to the inspectors.",
             "The authorities closed the river to shipping for the rest of the week."]
LOWLANDS = ["A barge loaded with chemicals went down in the Vessel river close to Okra Falls on Tuesday.",
            "About 350 tonnes of fertiliser leaked into the river from the barge, the crew union said.",
            "A crack in the hull may have caused the sinking, inspectors said.",
            "The authorities are considering closing the river to shipping."]
# A third outlet that says the same as the first in other words and units.
HERALD = ["A chemical barge sank in the Vessel river near Okra Falls on Tuesday.",
          "Some 40,000 kilograms of fertiliser spilled into the river, the port authority said.",
          "Inspectors said a crack in the hull caused the sinking.",
          "The river was shut to shipping until the end of the week, the authorities said."]


def _analysis(doc_id: str, outlet: str, sentences: list[str]) -> tuple[DocAnalysis, list[Event]]:
    raw = " ".join(sentences)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, outlet=outlet, text=raw)
    sents, events, pos = [], [], 0
    for k, t in enumerate(sentences):
        sents.append(Sentence(doc_id, pos, pos + len(t), t))
        # every sentence reports one act of the story's one story event (the story events step's work)
        events.append(Event(id=f"{doc_id}-e{k}", type="COERCE", source=None, target=None, doc=doc_id,
                            evidence=[Span(doc_id, pos, pos + len(t), t)], story_event=f"se{k}"))
        pos += len(t) + 1
    return DocAnalysis(document=doc, sentences=sents, claims=find_claims(doc_id, sents)), events


def _corpus(*docs: tuple[str, str, list[str]]) -> tuple[list[DocAnalysis], list[Event], list[Story]]:
    analyses, events = [], []
    for d in docs:
        a, ev = _analysis(*d)
        analyses.append(a)
        events.extend(ev)
    story = Story(id="s1", title="barge", date=None, docs=[a.document.id for a in analyses])
    return analyses, events, [story]


def _with_pairs() -> Settings:
    return dataclasses.replace(Settings(), disagreement_dimensions=list(dict.fromkeys(
        [*DEFAULT_DISAGREEMENT_DIMENSIONS, PAIRS])))


def _rules_only() -> Settings:
    return dataclasses.replace(Settings(), disagreement_dimensions=[
        d for d in DEFAULT_DISAGREEMENT_DIMENSIONS if d != PAIRS])


def test_the_model_is_shipped_and_names_the_kind_and_the_words() -> None:
    model = load_pair_model()
    assert model is not None
    a = "The museum reopened its east wing on Saturday after repairs."
    b = "The museum's east wing reopened on Thursday after the repairs."
    (v,) = model.judge([(a, b)], 0.5)
    assert v.label == "date"
    assert v.span_a is not None and v.span_b is not None
    assert "Saturday" in a[v.span_a[0]:v.span_a[1]] and "Thursday" in b[v.span_b[0]:v.span_b[1]]


def test_sides_read_amounts_in_one_unit_and_durations_in_hours() -> None:
    tonnes = read_side("Some 40,000 kilograms of fertiliser spilled into the river.")
    kilos = read_side("The barge spilled 40 tonnes of fertiliser into the river.")
    assert [(a.unit, round(a.value)) for a in tonnes.amounts] == [("kg", 40000)]
    assert [(a.unit, round(a.value)) for a in kilos.amounts] == [("kg", 40000)]
    assert [d.value for d in read_side("The strike will last 72 hours.").durations] == \
        [d.value for d in read_side("The three-day strike starts on Monday.").durations]


def test_disagreements_between_two_outlets_are_found_with_documents_and_offsets() -> None:
    analyses, events, stories = _corpus(("tid", "Tidewater Post", TIDEWATER), ("low", "Lowlands Daily", LOWLANDS))
    old = find_disagreements(analyses, [], events, _rules_only(), stories)
    found = find_disagreements(analyses, [], events, _with_pairs(), stories)
    pair_found = [d for d in found if d.topic.split(":")[0] in ("figure", "hedged_vs_firm", "status")]
    kinds = {d.topic.split(":")[0] for d in pair_found}
    assert {"hedged_vs_firm", "status"} <= kinds, [d.topic for d in found]
    assert not any(d.topic.split(":")[0] in ("hedged_vs_firm", "status") for d in old)
    raw = {a.document.id: a.document.raw for a in analyses}
    for d in pair_found:
        assert {s.doc for s in d.sides} == {"tid", "low"}
        for s in d.sides:  # each side's evidence is the sentence at its raw offsets
            assert raw[s.doc][s.evidence.start:s.evidence.end] == s.evidence.text
    hedged = next(d for d in pair_found if d.topic.startswith("hedged_vs_firm"))
    assert any("may have" in s.stance for s in hedged.sides)


def test_outlets_that_agree_in_other_words_give_no_pair_disagreement() -> None:
    analyses, events, stories = _corpus(("tid", "Tidewater Post", TIDEWATER), ("her", "Valley Herald", HERALD))
    found = find_disagreements(analyses, [], events, _with_pairs(), stories)
    assert [d.topic for d in found if d.topic.split(":")[0] in
            ("figure", "hedged_vs_firm", "status", "date", "duration", "reason", "attitude", "actor")] == []


def test_sentences_of_one_outlet_or_of_other_stories_are_never_compared() -> None:
    analyses, events, _ = _corpus(("tid", "Tidewater Post", TIDEWATER), ("low", "Tidewater Post", LOWLANDS))
    found = find_disagreements(analyses, [], events, _with_pairs(), [])
    assert not any(len({s.doc for s in d.sides}) > 1 and d.topic.split(":")[0] == "status" for d in found)
    analyses, events, _ = _corpus(("tid", "Tidewater Post", TIDEWATER), ("low", "Lowlands Daily", LOWLANDS))
    apart = [Story(id="s1", title="a", date=None, docs=["tid"]), Story(id="s2", title="b", date=None, docs=["low"])]
    found = find_disagreements(analyses, [], events, _with_pairs(), apart)
    assert not any(d.topic.split(":")[0] in ("hedged_vs_firm", "status") for d in found)


def test_documents_without_a_known_outlet_are_each_their_own_source() -> None:
    # articles read from plain files often carry no outlet: "unknown" and "unknown" are two sources, not one
    analyses, events, stories = _corpus(("tid", "Tidewater Post", TIDEWATER), ("low", "Lowlands Daily", LOWLANDS))
    for a in analyses:
        a.document.outlet = None
    found = find_disagreements(analyses, [], events, _with_pairs(), stories)
    assert {"hedged_vs_firm", "status"} <= {d.topic.split(":")[0] for d in found}, [d.topic for d in found]


def test_a_sentence_is_compared_with_its_best_counterpart_in_the_other_report() -> None:
    # both reports give the same toll in other words; the first also counts the people who fled. "85,000 people"
    # and "six people" share the story's words, but "six people drowned" has its own counterpart
    first = ["Six people died in the Lenna river floods on Monday, the regional governor said.",
             "The Lenna river floods forced 85,000 people from their homes on Monday, the governor said."]
    second = ["Six people drowned in the Lenna river floods on Monday, the regional governor said."]
    analyses, events, stories = _corpus(("tid", "Tidewater Post", first), ("low", "Lowlands Daily", second))
    found = find_disagreements(analyses, [], events, _with_pairs(), stories)
    assert [d.topic for d in found if d.topic.split(":")[0] == "figure"] == []


def test_the_caps_hold_per_story_in_a_corpus_of_many_stories(monkeypatch) -> None:
    # two barge sinkings on two rivers, each told by two outlets that disagree on the cause's certainty; with
    # one disagreement of a kind allowed, a corpus of two stories still shows each story's
    monkeypatch.setattr(disagreements, "MAX_PER_DIMENSION", 1)
    places = [("Vessel river", "Okra Falls"), ("Marl river", "Pine Ford")]
    analyses, events, stories = [], [], []
    for k, (river, town) in enumerate(places):
        def moved(lines: list[str], river: str = river, town: str = town) -> list[str]:
            return [t.replace("Vessel river", river).replace("Okra Falls", town) for t in lines]
        docs = [(f"t{k}", f"Tidewater Post {k}", moved(TIDEWATER)), (f"l{k}", f"Lowlands Daily {k}", moved(LOWLANDS))]
        part, part_events, _ = _corpus(*docs)
        analyses += part
        events += [dataclasses.replace(e, story_event=f"{e.story_event}-{k}") for e in part_events]
        stories.append(Story(id=f"s{k}", title=river, date=None, docs=[d for d, _, _ in docs]))
    found = find_disagreements(analyses, [], events, _with_pairs(), stories)
    hedged = [d for d in found if d.topic.startswith("hedged_vs_firm")]
    assert sorted({s.doc[1:] for s in d.sides} for d in hedged) == [{"0"}, {"1"}], [d.topic for d in found]


def test_act_status_reads_the_clause_of_the_shared_act_not_a_side_remark():
    a = "Schools in the valley opened as normal on Monday, though buses in some villages were delayed by snow."
    b = "Schools in the valley opened normally on Monday, while some village bus routes ran late."
    shared = content_terms(a) & content_terms(b)
    assert act_status(read_side(a), shared) == act_status(read_side(b), shared) == "done"
    c = "The mayor of Lindby resigned on Monday after the audit was published."
    d = "The mayor of Lindby has refused to resign and said on Monday she would stay on."
    shared = content_terms(c) & content_terms(d)
    assert (act_status(read_side(c), shared), act_status(read_side(d), shared)) == ("done", "blocked")


def test_a_state_going_on_is_not_a_plan():
    a = "The line between the two towns was closed after the flood."
    b = "The line between the two towns will stay closed until Saturday."
    shared = content_terms(a) & content_terms(b)
    assert act_status(read_side(b), shared) == act_status(read_side(a), shared)


def test_a_count_after_an_auxiliary_counts_its_noun():
    # "12 passengers were killed" counts passengers (killed), as "killing seven passengers" does
    twelve = read_side("Officials said 12 passengers were killed when the slope collapsed.").amounts[0]
    seven = read_side("A landslide struck the bus, killing seven passengers.").amounts[0]
    assert (twelve.unit, twelve.kind) == (seven.unit, seven.kind) == ("passenger", "killed")


def test_the_act_s_own_verb_is_no_state_of_it_and_putting_off_is_not_stopping():
    # suspending a levy is the act itself: done on one side, denied on the other
    a = "The finance minister of Arlen suspended the fuel levy on Monday."
    b = "The finance minister of Arlen said he would not suspend the fuel levy."
    shared = content_terms(a) & content_terms(b)
    assert (act_status(read_side(a), shared), act_status(read_side(b), shared)) == ("done", "blocked")
    # a vote put off is a third state beside a vote held and an event called off
    c = "The Marden council approved the new ring road on Tuesday."
    d = "The Marden council postponed its decision on the new ring road on Tuesday."
    e = "The Marden council cancelled the new ring road on Tuesday."
    shared = content_terms(c) & content_terms(d) & content_terms(e)
    assert [act_status(read_side(x), shared) for x in (c, d, e)] == ["done", "deferred", "blocked"]


def test_a_pair_disagrees_when_its_kinds_together_outweigh_none():
    model = load_pair_model()
    assert model is not None
    pair = ("Police say the warehouse fire was started deliberately.",
            "Police said the warehouse fire may have been started deliberately but have not ruled out a fault.")
    probs = model.probabilities([pair])[0]
    verdict = model.judge([pair], 0.0)[0]
    assert verdict.disagree
    assert verdict.label == max((k for k in probs if k != "none"), key=lambda k: probs[k])
    assert abs(verdict.probability - (1.0 - probs["none"])) < 1e-9
    # a threshold above the pair's disagreement probability leaves it alone
    assert not model.judge([pair], verdict.probability + 0.01)[0].disagree
    same = ("The warehouse fire was started deliberately, police said.",
            "Police said the fire at the warehouse had been started on purpose.")
    assert not model.judge([same], Settings().disagreement_pair_min_probability)[0].disagree


def test_a_measure_named_before_its_number_is_the_unit_and_is_read_exactly() -> None:
    a = read_side("An earthquake of magnitude 4.7 shook the valley before dawn.")
    b = read_side("A magnitude 5.0 earthquake shook the valley before dawn.")
    c = read_side("The quake measured magnitude 4.7, the seismic institute said.")
    assert [(x.unit, x.value) for x in a.amounts] == [("magnitude", 4.7)]
    assert [(x.unit, x.value) for x in b.amounts] == [("magnitude", 5.0)]
    assert figures_fit("figure", a, b)        # 4.7 / 5.0: two readings of one scale, not rounding
    assert not figures_fit("figure", a, c)


def test_counts_of_jobs_are_of_one_thing_without_shared_words() -> None:
    a = read_side("The printer maker will close its factory in the north, cutting 750 jobs, it said on Tuesday.")
    b = read_side("About 500 jobs will be lost.")
    assert figures_fit("figure", a, b)
    assert "fit:figure" in pair_features(a, b)


def test_the_country_of_who_acts_is_compared_by_name_and_demonym() -> None:
    norway = read_side("Divers from Norway recovered the ferry's data recorder on Friday.")
    norwegian = read_side("Norwegian divers brought up the data recorder on Friday morning.")
    swedish = read_side("Swedish navy divers recovered the data recorder from the wreck.")
    assert "agent:nation_same" in pair_features(norway, norwegian)
    assert "agent:nation_differ" in pair_features(norway, swedish)
    assert not {"agent:nation_same", "agent:nation_differ"} & set(pair_features(
        read_side("The ferry sank off the coast on Friday."), swedish))


def test_the_states_of_one_act_under_two_names_are_compared() -> None:
    # a lead sentence shares more words with each side; the act's family ("recaptured" / "caught") aligns the two
    # sentences that give the act two states
    first = ["Three inmates escaped from Harlow prison on Sunday night, and police searched the ferry port on Monday.",
             "One of the escaped Harlow inmates has been recaptured near the ferry port, police said."]
    second = ["Police searched the ferry port and the woods near Harlow prison on Monday for the inmates who escaped.",
              "None of the escaped Harlow inmates has been caught, a spokeswoman said."]
    units = [pair_model._Unit("a" if k < 2 else "b", "A" if k < 2 else "B", "s1", 0, len(t), t,
                              frozenset({f"term:{w}" for w in content_terms(t)} | {f"term:{f}" for f in
                                                                                  event_families(t)}
                                        | {f"fact:act:{f}" for f in event_families(t)}), content_terms(t))
             for k, t in enumerate(first + second)]
    assert (1, 3) in pair_model.candidate_pairs(units)


def test_counts_of_one_kind_and_one_event_under_two_names_are_read_as_one_fact() -> None:
    a = read_side("A fire destroyed the sawmill on Wednesday, injuring 14 workers, the fire service said.")
    b = read_side("Thirty-one workers were injured, three of them seriously, a hospital spokeswoman said.")
    assert pair_features(a, b).get("amt:kind_conflict") == 1.0
    assert "amt:kind_conflict" not in pair_features(a, read_side("Fourteen workers were injured, a spokeswoman said."))
    # "marched" / "the march": the words around the counts meet through the event's family
    c = read_side("About 5,000 people marched through the capital on Friday, police said.")
    d = read_side("Around 20,000 people joined the march, the organisers said.")
    assert pair_features(c, d)["amt:context"] > 0


def test_a_plan_reported_first_and_done_on_a_later_day_is_an_update() -> None:
    plan = pair_model._Unit("b", "B", "s", 0, 0, "The ministry will open an inquiry into the fire, a spokesman said.",
                            frozenset(), content_terms("The ministry will open an inquiry into the fire"))
    done = pair_model._Unit("c", "C", "s", 0, 0, "The ministry opened an inquiry on Monday into the fire.",
                            frozenset(), content_terms("The ministry opened an inquiry on Monday into the fire"))
    assert pair_model.is_update(plan, done, "2026-08-09", "2026-08-10")
    # done first, "will" later: no update; one day or no dates: the model's reading stands
    assert not pair_model.is_update(plan, done, "2026-08-11", "2026-08-10")
    assert not pair_model.is_update(plan, done, "2026-08-10", "2026-08-10")
    assert not pair_model.is_update(plan, done, "", "2026-08-10")
    assert pair_model.day_of("2026-08-10T09:00:00") == "2026-08-10" and pair_model.day_of(None) == ""


def test_a_later_denial_of_a_planned_act_is_no_update() -> None:
    charged = "Seven men have been charged with smuggling and will appear in court on Thursday."
    denied = ("No one has yet been charged over the smuggling, prosecutors said, adding that a decision was expected "
              "before the suspects appear in court on Thursday.")
    a = pair_model._Unit("a", "A", "s", 0, 0, charged, frozenset(), content_terms(charged))
    b = pair_model._Unit("b", "B", "s", 0, 0, denied, frozenset(), content_terms(denied))
    assert not pair_model.is_update(a, b, "2026-03-03", "2026-03-04")


def test_suspects_as_people_are_no_hedge_but_suspecting_is() -> None:
    assert pair_model.verb_hedges(read_side("The two suspects will appear in court on Monday.")) == []
    assert pair_model.verb_hedges(read_side("Health officials suspect the water caused the illnesses."))


def test_a_purpose_or_a_length_is_no_cause_but_for_an_act_is() -> None:
    assert not pair_model.gives_cause(read_side("The state government has promised an aid fund for flood victims."))
    assert not pair_model.gives_cause(read_side("The river stayed above its banks for several days."))
    assert pair_model.gives_cause(read_side("The trawler was detained for fishing without a licence."))
    assert pair_model.gives_cause(read_side("The minister resigned for health reasons, her office said."))
    assert pair_model.gives_cause(read_side("The plant is closing because of falling orders from carmakers."))


def test_a_pair_of_texts_repeated_by_copies_is_judged_as_when_alone() -> None:
    """Syndicated copies repeat one pair of sentences many times: it is read once, each row as read alone."""
    model = load_pair_model()
    assert model is not None
    a = ("The strike lasted three days, the union said.", "The 48-hour strike ended on Friday, the union said.")
    b = ("Officials said 14 people were injured in the blast.", "At least 31 people were injured in the blast.")
    alone = [model.probabilities([p])[0] for p in (a, b)]
    together = model.probabilities([a, b, a, a, b])
    assert together == [alone[0], alone[1], alone[0], alone[0], alone[1]]
    assert together[0] is not together[2]   # each pair its own dict: a caller may change one
    assert model.judge([a, b, a]) == [model.judge([a])[0], model.judge([b])[0], model.judge([a])[0]]


def test_a_claim_is_read_under_its_reporting_frame():
    # the frame (who said it) is not the claim: leading, trailing, "according to", and a denial
    a = "The Halden water board said on Monday that it would drain the reservoir by half."
    lo, hi, frame = claim_frame(a)
    assert (a[lo:hi], frame) == ("it would drain the reservoir by half.", "report")
    b = "The reservoir will be drained by half, the Halden water board said in a statement."
    lo, hi, frame = claim_frame(b)
    assert (b[lo:hi], frame) == ("The reservoir will be drained by half", "report")
    c = "According to the water board, engineers found cracks in the spillway."
    lo, hi, frame = claim_frame(c)
    assert (c[lo:hi].strip(), frame) == ("engineers found cracks in the spillway.", "report")
    d = "The county denied that anyone had been evacuated from the villages below the dam."
    assert claim_frame(d)[2] == "deny"
    assert claim_frame("Engineers found cracks in the spillway of the dam.")[2] == ""


def test_one_claim_reported_twice_is_one_state_and_a_denial_is_another():
    # "said it had been asking ... and that members could not wait": the "not" is a side remark's
    a = "The growers' federation has been asking for a higher milk price for two years."
    b = "The growers' federation said it had been asking for a higher milk price since 2024 and that its members " \
        "could not wait much longer."
    assert claim_states(a, b) == ("done", "done")
    # "would" under a report is the reported "will": one plan in two tenses
    c = "The port authority said it would reopen the damaged berth on Monday."
    d = "The damaged berth will reopen on Monday, the port authority has announced."
    assert claim_states(c, d) == ("planned", "planned")
    # the writer's own "would" is a conditional, not a plan: "a long strike would remove" states no plan to strike
    e = "Miners at the Corvo pit are on strike, and the union says 900 of them have joined the stoppage."
    f = "A long strike at the Corvo pit would remove a tenth of the country's coal output."
    assert claim_states(e, f) == ("done", "done")
    # a claim and its denial, whatever the frames
    g = "The crane's operator has been arrested, a police spokeswoman said."
    h = "Police denied that the crane's operator had been arrested."
    assert claim_states(g, h) == ("done", "blocked")
    # the act not yet done: the negation governs the shared act
    i = "No charges have been brought against the owner of the paint factory, prosecutors said."
    j = "The owner of the paint factory has been charged with breaking safety rules."
    assert claim_states(i, j) == ("blocked", "done")


def test_status_needs_two_states_of_the_claims_not_of_their_frames():
    # a "not" of a side clause gives the shared claim no state at all
    a = "The Orvik water board said it had been warning about the spillway for years and that repairs could not wait."
    b = "The Orvik water board has been warning about the state of the spillway for years, its chairman said."
    feats = pair_features(read_side(a), read_side(b))
    assert not any(k.startswith("claim:") for k in feats)
    # one plan under two frames and two tenses
    e = "The Tessa port authority said it would reopen the damaged berth on Monday."
    f = "The damaged berth will reopen on Monday, the Tessa port authority has announced."
    feats = pair_features(read_side(e), read_side(f))
    assert feats.get("claim:same") == 1.0 and "claim:differ" not in feats
    c = "Villagers below the Orvik dam have been evacuated, the county said."
    d = "The county denied that anyone had been evacuated from the villages below the Orvik dam."
    feats = pair_features(read_side(c), read_side(d))
    assert feats.get("claim:blocked|done") == 1.0 and feats.get("frame:deny_one") == 1.0


def test_opposite_states_of_one_thing_are_read_from_either_side() -> None:
    shut = "The water intake for the town has been shut, officials said."
    kept = "The town's water intake stayed open, the municipality said."
    assert pair_model.opposite_states(shut, kept) and pair_model.opposite_states(kept, shut)
    assert "state:opposite" in pair_features(read_side(shut), read_side(kept))
    # the same state twice, a side telling both halves, or two things with no word in common: no opposite
    assert not pair_model.opposite_states(shut, "Officials closed the town's water intake.")
    assert not pair_model.opposite_states("The road was closed and will reopen on Monday.", "The road was closed.")
    assert not pair_model.opposite_states("The museum stayed open.", "The harbour has been shut.")


def test_a_state_word_opening_a_compound_tells_no_state() -> None:
    # "an open-ended strike" says nothing of whether the schools are open: the side tells "closed" only
    closed = "Schools across the district were closed on Monday as teachers began an open-ended strike."
    kept = "Most schools in the district remained open on Monday despite the strike call."
    assert pair_model.opposite_states(closed, kept) and pair_model.opposite_states(kept, closed)
    # a side telling "closed" and "open" as states still tells both halves
    assert not pair_model.opposite_states("The district's schools were closed and will open again on Monday.", kept)


def test_a_service_running_again_and_one_still_stopped_are_opposite_states() -> None:
    resumed = "The ferry across the strait has resumed service, five days after it stopped."
    stopped = "The ferry across the strait remained out of service on Thursday, the union said."
    assert pair_model.opposite_states(resumed, stopped)
    assert "state:opposite" in pair_features(read_side(resumed), read_side(stopped))
    assert not pair_model.opposite_states(resumed, "The ferry across the strait is running again, the operator said.")
    lifted = "The ban on moving sheep was lifted on Friday for farms outside the zone."
    kept = "The ban on moving sheep stays in place for at least a month, the ministry said."
    assert pair_model.opposite_states(lifted, kept)
    assert not pair_model.opposite_states(lifted, "Farmers may move sheep again after the ban was lifted on Friday.")


def test_a_year_before_a_comma_is_a_date() -> None:
    # "in 2028, the minister said" dates the delivery; a digit after the comma groups a number ("2,028,000")
    a = read_side("The first ship will be delivered in 2028, the minister said, and the second a year later.")
    b = read_side("Under the draft, the first ship would be delivered in 2030.")
    assert [v for v, _, _ in a.dates["year"]] == ["2028"]
    assert not any(x.value == 2028 for x in a.amounts)
    assert pair_features(a, b).get("date:year:conflict") == 1.0
    assert "year" not in read_side("The fund holds 2,028,000 dollars.").dates


def test_an_act_put_in_a_time_to_come_against_it_done_is_read() -> None:
    # "will begin next Monday" / "has started": one report of one day cannot hold both; a plan and the same act done
    # later name one time ("would reopen on Thursday" / "reopened on Thursday") and give no such feature
    done = read_side("The free lunch programme for primary pupils has started, the commissioner said on Monday.")
    ahead = read_side("The free lunch programme for primary pupils will begin next Monday, the commissioner said.")
    assert pair_features(done, ahead).get("plan:ahead_vs_done") == 1.0
    plan = read_side("The council said the river bridge would reopen on Thursday.")
    later = read_side("The river bridge reopened on Thursday, the council said.")
    assert "plan:ahead_vs_done" not in pair_features(plan, later)
    # both sides put the act ahead: no state against another
    assert "plan:ahead_vs_done" not in pair_features(ahead, read_side("The lunch programme starts next Monday."))


def test_opposite_states_of_one_thing_fit_a_status_disagreement() -> None:
    # "shut" and "stayed open" are both told as done: the states of the act do not differ, the states of the thing do
    def unit(doc: str, text: str) -> pair_model._Unit:
        return pair_model._Unit(doc, doc.upper(), "s", 0, len(text), text, frozenset(), content_terms(text))
    shut = unit("a", "The water intake for the town has been shut, officials said.")
    kept = unit("b", "The town's water intake stayed open, the municipality said.")
    again = unit("c", "Officials closed the water intake for the town on Friday.")
    assert pair_model.pair_fits("status", shut, kept)
    assert not pair_model.pair_fits("status", shut, again)


def test_counts_of_one_kind_of_people_under_two_nouns_are_compared() -> None:
    # "twelve others" / "four passengers": the kind (injured) is what is counted, whatever noun the clause gives
    a = read_side("Twelve others were injured and taken to the district hospital, police said.")
    b = read_side("Four passengers were injured and were flown to hospital by helicopter.")
    f = pair_features(a, b)
    assert f.get("amt:kind_conflict") == 1.0 and "amt:other_units" not in f
    assert figures_fit("figure", a, b)
    assert "amt:conflict" not in pair_features(a, read_side("Twelve passengers were hurt, the hospital said."))
    # counts of two kinds, or of homes against people, are never one figure
    dead = read_side("Six passengers were killed when the bus overturned.")
    assert "amt:comparable" not in pair_features(a, dead)
    homes = pair_features(read_side("About 400 households were evacuated from the valley."),
                          read_side("Some 1,500 residents were evacuated from the valley."))
    assert "amt:comparable" not in homes
    villages = pair_features(read_side("A wildfire forced the evacuation of six villages on Tuesday."),
                             read_side("Some 1,500 residents were evacuated from the villages on Tuesday."))
    assert "amt:comparable" not in villages


def test_counts_of_one_kind_of_people_under_two_nouns_share_a_fact_key() -> None:
    # the alignment side of comparing them: "four crew members" and "six fishermen", both still missing, are
    # sentences of one fact, so they are compared though they share few rare words
    crew = pair_model.fact_keys("Four crew members are still missing, the coast guard said.")
    fishermen = pair_model.fact_keys("Six fishermen are still missing after the trawler went down.")
    assert "amt:people:missing" in crew & fishermen
    # boats and fishermen, or the missing and the rescued, stay apart
    boats = pair_model.fact_keys("Two boats are still missing after the storm.")
    rescued = pair_model.fact_keys("Six fishermen were rescued by a passing freighter.")
    assert not {k for k in boats if k.startswith("amt:")} & fishermen
    assert "amt:people:missing" not in rescued


def _unit(doc: str, text: str) -> pair_model._Unit:
    return pair_model._Unit(doc, doc.upper(), "s", 0, len(text), text, frozenset(), content_terms(text))


def test_amounts_of_rates_parts_and_earlier_values_read_in_their_units() -> None:
    # "a month" after an amount is a rate's period, not a length of time; a length stays one
    assert read_side("A typical family will pay about €14 more a month.").durations == []
    assert read_side("Households will be without power for up to 17 hours a day.").durations[0].value == 17.0
    assert read_side("The strike lasted a week.").durations[0].value == 168.0
    # the rate's denominator is not what is counted; "N of its drivers" counts drivers; a compound's head of people
    assert [a.unit for a in read_side("Petrol rose to 1,030 naira a litre on Wednesday.").amounts] == ["naira"]
    assert read_side("Some 2,300 of its drivers went on strike.").amounts[0].unit == "driver"
    assert read_side("About 1,400 bus drivers stopped work on Tuesday.").amounts[0].unit == "driver"
    # a bare earlier value of the same measure takes its unit
    assert [a.unit for a in read_side("The minimum was set at 12,500 taka, up from 8,000.").amounts] == ["taka", "taka"]
    rose = read_side("Inflation rose to 3 percent, up from 2 in April.").amounts
    assert [a.unit for a in rose] == ["share", "share"] and abs(rose[1].value - 0.02) < 1e-9


def test_two_things_do_not_fit_a_figure_duration_or_date() -> None:
    # a length of time on one side only: nothing to disagree with
    bridge = _unit("a", "Engineers said the bridge was designed to last at least 100 years.")
    traffic = _unit("b", "The city expects around 30,000 vehicles a day to use the new bridge.")
    assert not pair_model.pair_fits("duration", bridge, traffic)
    assert pair_model.pair_fits("duration", _unit("a", "The bridge will stay shut for two weeks."),
                                _unit("b", "The bridge will stay shut for three months."))
    # a share told as a change and one told as a level are two figures
    jumped = read_side("Harbo shares jumped 27 percent in Copenhagen.")
    holds = read_side("Harbo's founding family holds 38 percent of the shares.")
    assert not figures_fit("figure", jumped, holds)
    assert figures_fit("figure", read_side("Fares will rise by 6 percent in July."),
                       read_side("Passengers face a rise of 9 percent in fares in July."))
    # the day a claim was made dates the report, not the fact
    said = read_side("Airlines said on Friday that the disruption had cost them millions.")
    halted = read_side("Dublin Airport halted flights on Thursday evening after a drone was seen.")
    assert not pair_model.dates_fit(said, halted)
    assert pair_model.dates_fit(read_side("The airport halted flights on Wednesday evening."), halted)


def test_actor_status_and_hedge_fit_need_one_act_told_two_ways() -> None:
    # two subjects acting on one object are two acts; a doer named by "by" rivals another doer of the act
    snapped = _unit("a", "Institutional investors snapped up the offer, the bank said.")
    opened = _unit("b", "Shares opened at the offer price and ended the day higher.")
    assert not pair_model.pair_fits("actor", snapped, opened)
    assert pair_model.pair_fits("actor", _unit("a", "The statue was removed by a gang of metal thieves."),
                                _unit("b", "The statue was taken by two students as a prank."))
    # one person doing two things: the shared words are only the subject
    assert not pair_model.pair_fits("status", _unit("a", "Mayor Sabine Kröger apologised to residents on Monday."),
                                    _unit("b", "Mayor Sabine Kröger said the town would not give in to blackmail."))
    # "could" against "can" is one modality of permission; "could not" tells what did not happen
    could = _unit("a", "The airline said passengers could change their tickets free of charge.")
    can = _unit("b", "Passengers whose flights are cancelled can rebook free of charge.")
    assert not pair_model.pair_fits("hedged_vs_firm", could, can)
    assert not pair_model.pair_fits("hedged_vs_firm", _unit("a", "Users could not send messages through the app."),
                                    _unit("b", "Users sent messages through the app again on Monday."))
    assert pair_model.pair_fits("hedged_vs_firm", _unit("a", "The fire may have been started deliberately."),
                                _unit("b", "The fire was started deliberately, police said."))


def test_a_planned_length_then_what_came_of_it_is_an_update() -> None:
    plan = "The council said the mountain road would reopen within three weeks."
    done = "The mountain road reopened on Friday, five days after the landslide."
    assert pair_model.plan_then_outcome(plan, done, "2026-04-04", "2026-04-09")
    assert not pair_model.plan_then_outcome(plan, done, "2026-04-09", "2026-04-09")   # one day: they disagree
    assert not pair_model.plan_then_outcome(done, plan, "2026-04-04", "2026-04-09")   # the plan came later
    # a forecast inside a reporting frame is no act done
    told = "She told a council meeting that most services should be running again within two weeks."
    assert not pair_model.plan_then_outcome("It will take about two months to restore services.", told,
                                            "2026-03-02", "2026-03-03")


def test_a_floor_or_a_ceiling_agrees_only_with_figures_on_its_side() -> None:
    at_least = read_side("At least 31 miners were killed when the tunnel fell in on Friday.")
    assert [a.bound for a in at_least.amounts] == ["min"]
    # an exact figure under a floor conflicts, though within the tolerance of an approximate one
    assert figures_fit("figure", at_least, read_side("Twenty-four miners died when the tunnel fell in."))
    assert not figures_fit("figure", at_least, read_side("The collapse of the tunnel killed 33 miners."))
    more = read_side("More than 300 workers were underground when the roof gave way.")
    assert not figures_fit("figure", more, read_side("There were 314 workers underground when the roof gave way."))
    assert figures_fit("figure", more, read_side("There were 120 workers underground when the roof gave way."))
    # a word of nearness is an approximate figure, not a ceiling
    assert [a.bound for a in read_side("Nearly 50 passengers were on board.").amounts] == [""]
    assert [a.bound for a in read_side("Fewer than 50 passengers were on board.").amounts] == ["max"]


def test_a_part_of_a_whole_and_a_noun_phrase_are_read_in_what_they_count() -> None:
    # "14 of the train's 30 wagons" counts wagons, as the whole does; the part alone is then one figure given twice
    part = read_side("Fourteen of the train's 30 wagons left the track on a curve.")
    assert sorted((a.value, a.unit) for a in part.amounts) == [(14.0, "wagon"), (30.0, "wagon")]
    assert not figures_fit("figure", part, read_side("Fourteen wagons came off the rails on the curve."))
    # the plural head of a short noun phrase is what is counted, not its modifier
    assert read_side("The ministry will close 42 rural schools next year.").amounts[0].unit == "school"
    assert read_side("A plan to shut 27 village schools was published.").amounts[0].unit == "school"
    assert read_side("It bought 85 new school buses.").amounts[0].unit == "vehicle"


def test_a_count_read_at_two_dated_times_is_marked_and_report_days_date_nothing() -> None:
    early = read_side("On Saturday rescuers said 12 miners had been brought out alive.")
    later = read_side("By Monday evening, 19 miners had been rescued alive.")
    f = pair_features(early, later)
    assert f.get("amt:conflict") and f.get("amt:dated_apart")
    assert not pair_features(read_side("Rescuers brought 12 miners out alive."),
                             read_side("Rescuers brought 19 miners out alive.")).get("amt:dated_apart")
    # the day each report was made is no date of what it reports
    said = pair_features(read_side("The ministry said on Thursday that 712 farmers had applied."),
                         read_side("The ministry said on Monday that 712 farmers had applied."))
    assert "date:weekday:conflict" not in said


def test_the_pair_model_decides_rule_quantity_candidates() -> None:
    settings = Settings()

    def side(doc: str, text: str) -> Side:
        return Side(doc=doc, stance=text, evidence=Span(doc, 0, len(text), text))
    killed = [side("a", "At least 31 miners were killed when a tunnel collapsed at the Tamsin copper mine on Friday."),
              side("b", "The tunnel collapse at the Tamsin copper mine on Friday killed 12 miners.")]
    whole = [side("a", "Six of the ship's 40 containers fell overboard in the storm off Lindqvist Point."),
             side("b", "The cargo ship lost six containers overboard off Lindqvist Point, its owner said.")]
    # a pair whose amounts the model cannot read is left to the rule
    vague = [side("a", "The fund was raised by several million dollars, a token sum."),
             side("b", "The fund was raised by $2 billion this spring.")]
    memo: dict = {}
    assert pair_model.figures_disagree([killed, whole, vague], settings, memo) == [True, False, True]
    assert len(memo) == 3   # every pair judged is kept for the next run


def test_a_rate_and_an_age_are_not_a_total_or_a_length() -> None:
    rate = read_side("Rich countries promised to provide $100 billion a year.")
    assert [a.unit for a in rate.amounts] == ["USD/year"]
    assert not figures_fit("figure", rate, read_side("Pledges to the fund have reached $1 billion."))
    # one rate in two words ("a year" / "annually") is one unit
    assert read_side("The tax would bring in about 40 billion shillings annually.").amounts[0].unit == \
        read_side("The tax was expected to raise 40 billion shillings a year.").amounts[0].unit
    assert read_side("Users must be at least 16 years old.").durations == []


def test_clock_times_in_named_zones_are_read_as_one_moment() -> None:
    # one launch told in the launch site's zone and in GMT: the same moment, no clash of clock times
    ist = read_side("The rocket lifted off from the coast at 09:30 IST on Saturday.")
    gmt = read_side("The rocket took off at 04:00 GMT on Saturday, the agency said.")
    assert [v for v, _, _ in ist.dates["utc"]] == [v for v, _, _ in gmt.dates["utc"]] == ["4"]
    same = pair_features(ist, gmt)
    assert "date:utc:agree" in same and "date:clock:conflict" not in same and "date:utc:conflict" not in same
    # "local time" names no zone: it is the place's clock, never compared with a zoned one
    local = pair_features(read_side("Each day's launch window opens at 22:14 local time."),
                          read_side("The window opens at 01:14 GMT each day."))
    assert not any(k.endswith(":conflict") for k in local)
    # two zoned times that differ still clash
    apart = pair_features(read_side("The rocket lifted off at 08:30 GMT on Tuesday."),
                          read_side("The rocket took off at 11:30 GMT on Tuesday."))
    assert "date:utc:conflict" in apart


def test_points_in_time_and_ordinals_are_not_lengths_of_time() -> None:
    lengths = {t: [t[x.start:x.end] for x in read_side(t).durations] for t in (
        "A team of 60 doctors from the capital arrived a week ago.",
        "A candidate must win more than half of the vote to avoid a second round.",
        "The subsidy will be extended for five more years, the minister said.",
        "The crowd fell silent for a second.")}
    assert list(lengths.values()) == [[], [], ["five more years"], ["a second"]]


def test_the_acts_given_a_state_are_compared() -> None:
    one = pair_features(read_side("The league has suspended Mereth Athletic from the cup."),
                        read_side("The league will consider suspending Mereth Athletic at its next meeting."))
    two = pair_features(read_side("The spa at the lagoon has closed for the time being."),
                        read_side("The spa at the lagoon will reopen next week."))
    assert "status:verbs_shared" in one and "status:verbs_differ" in two


def _keyed_units(docs: list[list[str]]) -> list[pair_model._Unit]:
    """Units of one story, a document and an outlet per list, keyed as ``_units`` keys them (no story events)."""
    return [pair_model._Unit(f"d{k}", f"O{k}", "s1", 0, len(t), t,
                             frozenset({f"term:{w}" for w in content_terms(t)}
                                       | {f"term:{f}" for f in event_families(t)}
                                       | {f"fact:{f}" for f in pair_model.fact_keys(t)}
                                       | {f"fact:act:{f}" for f in event_families(t)}), content_terms(t))
            for k, texts in enumerate(docs) for t in texts]


def test_an_act_done_and_the_same_act_still_to_be_decided_are_compared() -> None:
    # "has lifted" / "whether to lift": one act in two tenses and two states; each sentence shares more words with a
    # lead sentence of the other report, and the act has no event family to align them by
    first = ["A commerce ministry official said on Friday that onion exports would be reviewed next week as prices "
             "fell.",
             "The government has lifted the ban on onion exports it imposed in December, a trade body said."]
    second = ["The ban on onion exports, imposed in December to curb prices, has hurt farmers, a trade body said.",
              "The government will decide next week whether to lift the ban on onion exports, an official said."]
    pairs = pair_model.candidate_pairs(_keyed_units([first, second]))
    assert (1, 3) in pairs and (1, 2) in pairs
    # a plan against the same act done is what is aligned: two sentences telling the act done stay apart
    done_twice = ["Traders at the Lasalgaon wholesale market said onion prices had fallen sharply on Friday.",
                  "Exporters said the government had lifted the ban, which it imposed in December."]
    assert (1, 3) not in pair_model.state_pairs(_keyed_units([first, done_twice]))


def test_a_planned_act_meets_the_sentence_telling_that_act_not_one_sharing_only_its_participants() -> None:
    # "the agreement is due to be signed" meets "signed the agreement", not "the agreement settles quotas"
    first = ["The fisheries ministers of Norland and Vesteray signed the agreement in Hallby on Thursday.",
             "The agreement settles the mackerel quotas of both fleets for the next five years."]
    second = ["The agreement is due to be signed in Orsund next month, after officials finish the legal text."]
    found = pair_model.state_pairs(_keyed_units([first, second]))
    assert found == {(0, 2)}
    assert pair_model.act_key("signed") == pair_model.act_key("sign") and pair_model.act_key("lifting") == "lift"


def test_an_act_whose_past_doubles_its_last_letter_meets_its_plan() -> None:
    # "has scrapped" / "whether to scrap", "banned" / "ban": the past tense doubles the verb's last consonant, and the
    # act's key must not keep the double or the two states of one act never meet
    first = ["A commerce ministry official said on Friday that the fuel levy would be reviewed next week as prices "
             "fell.",
             "The government has scrapped the levy on diesel imports it imposed in December, a trade body said."]
    second = ["The levy on diesel imports, imposed in December to curb demand, has hurt hauliers, a trade body said.",
              "The government will decide next week whether to scrap the levy on diesel imports, an official said."]
    assert (1, 3) in pair_model.state_pairs(_keyed_units([first, second]))
    assert pair_model.act_key("banned") == pair_model.act_key("ban") == pair_model.act_key("bans")
    assert pair_model.act_key("filled") == pair_model.act_key("fill") and pair_model.act_key("passes") == "pas"


def test_an_act_planned_against_the_same_act_done_fits_status_though_they_share_two_words() -> None:
    # "signed the treaty" / "is due to be signed": the act and one participant are all they share, which is what
    # state_pairs aligns them on; pair_fits asked three shared words of every status pair and threw them out
    done = _unit("a", "The environment ministers of Norland and Vesteray signed the treaty in Hallby on Tuesday, "
                      "ending months of talks.")
    plan = _unit("b", "The treaty is due to be signed in Orsund in the spring, once lawyers finish the text.")
    assert pair_model.pair_fits("status", done, plan)
    # a denial sharing a word with an act done is no plan of that act: "None of the escaped men has been caught" /
    # "The men escaped ..." stays ruled out
    fled = _unit("a", "The two men escaped on Sunday night by climbing a wall, the prison service said.")
    none_caught = _unit("b", "None of the escaped men has been caught, according to the border police.")
    assert not pair_model.pair_fits("status", fled, none_caught)


def test_a_state_and_its_reversal_are_aligned_when_told_of_what_both_name() -> None:
    # "remained out of service" / "has resumed service": opposite states of the one ferry, sharing the ferry and the
    # service only; each shares more with another sentence of its own report
    first = ["The island ferry across the Kell sound remained out of service on Thursday, the crew's union said.",
             "Crews said repairs to the ferry's ramp on the Kell sound side would take at least a week."]
    second = ["The island ferry across the Kell sound has resumed service, its operator said on Thursday morning.",
              "Repairs to the ramp at the Kell sound terminal took four days, the operator said."]
    pairs = pair_model.candidate_pairs(_keyed_units([first, second]))
    assert (0, 2) in pairs
    # a state told in a side remark is not the state of what both name: "The cable car, which opened in 2011, ..." /
    # "will stay closed"
    side = ["The cable car, which opened in 2011, carries hikers from the valley station up to the Tarn ridge."]
    shut = ["The cable car up to the Tarn ridge will stay closed for at least a week after a cable snapped."]
    assert not pair_model.opposite_pairs(_keyed_units([side, shut]))


def test_two_reasons_for_one_act_in_two_forms_are_aligned_and_fit() -> None:
    # "has been delayed because of ..." / "The delay was caused by ...": two outlets' causes of one act share the act
    # in two forms and nothing else; each report's other sentence shares more words with the first report
    first = ["The opening of the new Kelso footbridge has been delayed because of a shortage of steel cable, the "
             "council said.",
             "The council said the Kelso footbridge would cost about 4 million pounds and carry cyclists and walkers."]
    second = ["The delay was caused by a dispute between the council and the main contractor over payments, according "
              "to the project manager.",
              "The Kelso footbridge across the river will carry cyclists and walkers when it opens next spring, the "
              "council said."]
    units = _keyed_units([first, second])
    assert (0, 2) in pair_model.candidate_pairs(units)
    assert pair_model.pair_fits("reason", units[0], units[2])
    assert "delay" in pair_model.explained_acts(first[0]) & pair_model.explained_acts(second[0])


def test_causes_of_two_different_acts_are_not_aligned_as_reasons() -> None:
    # a cause of the delay and a cause of the cost share no act: "delayed because of ..." / "rose because of ..."
    first = ["The opening of the new Kelso footbridge has been delayed because of a shortage of steel cable, the "
             "council said."]
    second = ["Council tax in the district rose by 4 percent because of higher spending on social care, officials "
              "said."]
    units = _keyed_units([first, second])
    assert not pair_model.reason_pairs(units)
    assert not pair_model.pair_fits("reason", units[0], units[1])
    # a length of time after a loose marker explains nothing: "for two months" gives no cause to align by
    assert not pair_model.explained_acts("The bridge was closed for two months, the council said.")


def test_a_marker_of_time_before_a_length_is_no_cause_to_align_by() -> None:
    # "resigned after six years in office" dates the resignation; "resigned after an audit found ..." gives its cause:
    # the two share the act, but only one of them explains it
    dated = "The harbour master of Port Velling has resigned after six years in the post, the port authority said."
    caused = "The harbour master resigned after an audit found irregularities in the berth fees, officials said."
    assert not pair_model.explained_acts(dated)
    assert "resign" in pair_model.explained_acts(caused)
    assert not pair_model.reason_pairs(_keyed_units([[dated], [caused]]))
    assert not pair_model.explained_acts("The museum will reopen on Saturday after a four-year restoration.")


def test_a_cause_told_before_its_marker_explains_the_act_after_it() -> None:
    # "A rockfall forced the closure of ...": the cause stands before an active causal verb and the act after it, so
    # the act it explains is "closure" (not "rockfall"), and the two outlets' causes of the closure meet
    forced = "A rockfall forced the closure of the Paso Verde mountain road on Tuesday, the highway authority said."
    because = "The mountain road was shut because a retaining wall gave way after days of heavy snowmelt."
    side = pair_model.read_side(forced)
    rockfall, closure = content_terms("rockfall"), content_terms("closure")
    assert side.reasons and rockfall <= side.reasons[0][2]
    assert closure <= pair_model.explained_acts(forced)
    assert not rockfall & pair_model.explained_acts(forced)
    units = _keyed_units([[forced], [because]])
    assert pair_model.pair_fits("reason", units[0], units[1])


def test_followed_and_blamed_on_state_causes_and_a_passive_followed_by_does_not() -> None:
    # "the closure followed a rockfall" states the closure's cause; "blamed the delays on a signalling fault" frames
    # the act it explains between its halves; "was followed by a tsunami" names what came next, no cause
    followed = "The closure of the coastal line on Monday followed a landslip near the tunnel, the railway said."
    blamed = "The railway company blamed the delays on a signalling fault near the central station."
    assert pair_model.read_side(followed).reasons
    assert content_terms("closure") <= pair_model.explained_acts(followed)
    assert "delay" in pair_model.explained_acts(blamed)
    assert content_terms("signalling fault") <= pair_model.read_side(blamed).reasons[0][2]
    assert not pair_model.read_side("The earthquake off the coast was followed by a small tsunami.").reasons
    # a passive names the patient before the verb, not a cause
    assert not pair_model.explained_acts("The plant was forced to close, the company said.")


def test_two_causes_of_one_closure_with_the_marker_on_one_side_only_are_aligned() -> None:
    # the second report states its cause with an active "forced": before, it gave no reason and was never aligned
    # with the first report's "because" as two causes of one closure
    first = ["The Harrow Point ferry terminal was closed on Sunday because of a gas leak in the ticket hall, the port "
             "said.",
             "The port said ferries to the islands would sail from the old quay at Harrow Point until further notice."]
    second = ["A fire in a waiting room forced the closure of the terminal, according to the fire brigade.",
              "Ferries to the islands sailed from the old quay at Harrow Point on Sunday afternoon, the port said."]
    units = _keyed_units([first, second])
    assert (0, 2) in pair_model.reason_pairs(units)
    assert (0, 2) in pair_model.candidate_pairs(units)
    assert pair_model.pair_fits("reason", units[0], units[2])


def test_a_cause_before_its_marker_is_read_after_the_report_that_tells_it() -> None:
    # review35: "Investigators said on Monday that a worn bearing caused ...": the cause is "a worn bearing", not the
    # clause's first words (the investigators, Monday), so two reports of one cause do not read as differing heads
    told = "Investigators said on Monday that a worn bearing caused the derailment near the junction."
    plain = "A worn bearing under the third carriage caused the derailment, the operator said."
    a, b = pair_model.read_side(told), pair_model.read_side(plain)
    assert a.reasons and not content_terms("investigators monday") & a.reasons[0][2]
    assert content_terms("worn bearing") <= a.reasons[0][2]
    assert "reason:heads_differ" not in pair_model.pair_features(a, b)


def test_the_act_after_a_cause_ends_at_its_own_last_word() -> None:
    # review35: the act's end was the first place its last word's letters occur: "forced the evacuation of residents
    # from buildings in the old town" ended at the first "the", and the evacuation explained nothing
    text = "A fire forced the evacuation of residents from buildings in the old town on Sunday."
    acts = pair_model.explained_acts(text)
    assert content_terms("evacuation residents") <= acts
    (start, end, _terms), = pair_model.read_side(text).reasons
    assert text[start:end] == "forced the evacuation of residents from buildings in the"
