"""Story events: reports of one event across documents become one cluster; different events stay apart."""
from __future__ import annotations

from storyline.config import Settings
from storyline.fuse.story_events import cluster_story_events, date_compatibility, type_compatibility
from storyline.model import Document, Entity, Event, Quantity, Span

FRE = Entity(id="g1", name="Freedonia", type="GPE", country="FRD")
VELL = Entity(id="g2", name="Ana Vell", type="PERSON", country="FRD", role="president")
SYL = Entity(id="g3", name="Sylvania", type="GPE", country="SYL")
ENTITIES = [FRE, VELL, SYL]


def _event(eid: str, doc: str, etype: str, source: str | None, target: str | None, text: str,
           date: str | None = None) -> Event:
    return Event(id=eid, type=etype, source=source, target=target, date=date, doc=doc,
                 evidence=[Span(doc, 0, len(text), text)], summary=text[:40])


def _docs(*pairs: tuple[str, str]) -> list[Document]:
    return [Document(id=d, source=f"{d}.txt", outlet=o) for d, o in pairs]


def test_date_and_type_compatibility() -> None:
    assert date_compatibility("2031-03-04", "2031-03") == 0.7
    assert date_compatibility("2031-03-04", "2031-03-05") is not None  # a day's slack
    assert date_compatibility("2031-03-04", "2031-05-04") is None
    assert date_compatibility(None, "2031") == 0.4
    assert type_compatibility("REJECT", "REJECT") > type_compatibility("REJECT", "ACCUSE") \
        > type_compatibility("REJECT", "REQUEST") > type_compatibility("REJECT", "AGREE")


def test_one_event_reported_three_ways_is_one_story_event() -> None:
    events = [
        _event("a/v1", "a", "REJECT", "g2", "g3", "President Ana Vell refused to recognise the Sylvanian "
               "annexation of the Marsh Islands at the Harbour Summit.", "2031-03-04"),
        _event("b/v1", "b", "REJECT", "g1", "g3", "Freedonia does not recognize the annexation of the "
               "Marsh Islands, its delegation said at the summit.", "2031-03"),
        _event("c/v1", "c", "REJECT", "g1", None, "At the Harbour Summit Freedonia rejected the annexation "
               "of the Marsh Islands outright."),
        # a different event: Freedonia and Sylvania signing a grain deal
        _event("c/v2", "c", "AGREE", "g1", "g3", "Later, Freedonia and Sylvania signed a grain deal "
               "worth millions.", "2031-06-10"),
    ]
    docs = _docs(("a", "Meridian Ledger"), ("b", "Continental Wire"), ("c", "Continental Wire"))
    story_events, mapping = cluster_story_events(events, ENTITIES, docs, Settings())
    assert set(mapping) == {e.id for e in events}  # every event gets a story event
    assert mapping["a/v1"] == mapping["b/v1"] == mapping["c/v1"]
    assert mapping["c/v2"] != mapping["a/v1"]
    (big,) = [s for s in story_events if s.id == mapping["a/v1"]]
    assert big.docs == ["a", "b", "c"]
    assert big.n_outlets == 2  # two of the three documents come from one outlet
    assert big.type == "REJECT" and big.date == "2031-03-04"
    assert big.source in ("g1", "g2")


def test_same_words_but_different_dates_or_roles_stay_apart() -> None:
    events = [
        _event("a/v1", "a", "CONSULT", "g1", "g3", "Freedonia held talks with Sylvania on river water.", "2031-01-10"),
        _event("b/v1", "b", "CONSULT", "g1", "g3", "Freedonia held talks with Sylvania on river water.", "2031-09-22"),
        _event("c/v1", "c", "ACCUSE", "g1", "g3", "Freedonia accused Sylvania of stealing river water."),
        _event("d/v1", "d", "ACCUSE", "g3", "g1", "Sylvania accused Freedonia of stealing river water."),
    ]
    _, mapping = cluster_story_events(events, ENTITIES, _docs(("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")),
                                      Settings())
    assert mapping["a/v1"] != mapping["b/v1"]  # months apart: two rounds of talks
    assert mapping["c/v1"] != mapping["d/v1"]  # swapped roles: two accusations


def test_cooperation_and_conflict_never_merge() -> None:
    text = "Freedonia and Sylvania met at the Harbour Summit on fishing quotas."
    events = [_event("a/v1", "a", "CONSULT", "g1", "g3", text, "2031-03-04"),
              _event("b/v1", "b", "ASSAULT", "g1", "g3", text, "2031-03-04")]
    _, mapping = cluster_story_events(events, ENTITIES, _docs(("a", "A"), ("b", "B")), Settings())
    assert mapping["a/v1"] != mapping["b/v1"]


def test_empty() -> None:
    assert cluster_story_events([], ENTITIES, [], Settings()) == ([], {})


def test_precomputed_facts_score_exactly_like_pair_score() -> None:
    import itertools
    import random

    from storyline.fuse.story_events import QUAD, Actors, PairFacts
    from tests.reference.story_events import blocked, pair_score

    # two states, a person of each, and an organisation of none (actor keys and states differ)
    ents = [FRE, VELL, SYL, Entity(id="g4", name="Rudo Marr", type="PERSON", country="SYL"),
            Entity(id="g5", name="Farmers' Union", type="ORG"),
            Entity(id="g6", name="Freedonia", type="GPE", country="FRD", kb_id="gpe:FRD"),
            # unnamed groups of two articles, and a named force one of them is aliased as
            Entity(id="g7", name="Police", type="ORG", generic=True, aliases=["Police"]),
            Entity(id="g8", name="police", type="ORG", generic=True),
            Entity(id="g10", name="Police of Freedonia", type="ORG", country="FRD", aliases=["Police"])]
    rng = random.Random(7)
    actors_ids = [None, "", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10"]  # g9: no entity has it
    dates = [None, "2022", "2022-06", "2022-06-17", "2022-06-18", "2022-06-20", "2022-07-01", "2022-02-31",
             "bad-date"]
    events = [_event(f"ev{n}", f"d{n % 4}", rng.choice([*sorted(QUAD), "OTHER"]), rng.choice(actors_ids),
                     rng.choice(actors_ids), "talks", rng.choice(dates)) for n in range(90)]
    for ev in events:
        ev.date_source = rng.choice([None, "sentence", "context"])
        ev.quantities = [Quantity(str(v), v, None) for v in rng.sample([None, 14.0, 23.0, 2.5], rng.randint(0, 2))]
    actors = Actors(ents)
    facts = PairFacts(events, actors)
    for i, j in itertools.combinations(range(len(events)), 2):
        assert facts.blocked(i, j) == blocked(events[i], events[j], actors)
        for sim in (0.0, 0.37, 1.0):
            assert facts.score(i, j, sim) == pair_score(events[i], events[j], actors, sim)


def _language_facts(events: list[Event], langs: list[str], across: dict[tuple[int, int], float]):
    from storyline.fuse.story_events import Actors, PairFacts

    facts = PairFacts(events, Actors(ENTITIES), langs)
    facts.across = across
    return facts


def test_across_languages_a_publication_day_does_not_clash_with_a_stated_day_before_it() -> None:
    stated = _event("en/v1", "en", "AID", "g1", "g3", "Freedonia gave Sylvania aid on Thursday.", "2031-06-19")
    stated.date_source = "sentence"
    weak = _event("uk/v1", "uk", "AID", "g1", "g3", "Фрідонія надала Сильванії допомогу.", "2031-06-24")
    weak.date_source = "publication"
    facts = _language_facts([stated, weak], ["en", "uk"], {})
    assert facts.date_compatibility(0, 1) == 0.4
    # in one language (every English corpus) the clash stands, and so does a stated day after the publication day
    assert _language_facts([stated, weak], ["en", "en"], {}).date_compatibility(0, 1) is None
    late = _event("es/v1", "es", "AID", "g1", "g3", "Freedonia donó ayuda a Sylvania.", "2031-06-10")
    late.date_source = "publication"
    assert _language_facts([stated, late], ["en", "es"], {}).date_compatibility(0, 1) is None


def test_across_languages_close_reports_of_the_same_actors_join_despite_swapped_roles_or_polarity() -> None:
    drills = _event("en/v1", "en", "MOBILIZE", "g1", "g3", "Freedonia and Sylvania began joint drills.", "2031-03-04")
    joint = _event("ru/v1", "ru", "COOPERATE", "g3", "g1", "Сильвания и Фрідония начали совместные учения.",
                   "2031-03-04")
    close = _language_facts([drills, joint], ["en", "ru"], {(0, 1): 0.8})
    assert not close.blocked(0, 1)
    assert close.score(0, 1, 0.8) >= 0.6
    # far apart in meaning, in one language, or other actors: the hard checks stand
    assert _language_facts([drills, joint], ["en", "ru"], {(0, 1): 0.2}).blocked(0, 1)
    assert _language_facts([drills, joint], ["en", "en"], {(0, 1): 0.8}).blocked(0, 1)
    other = _event("ru/v1", "ru", "COOPERATE", "g3", "g2", joint.evidence[0].text, "2031-03-04")
    assert _language_facts([drills, other], ["en", "ru"], {(0, 1): 0.8}).blocked(0, 1)
    # a verbal and a material type of opposite polarity are still two events
    talks = _event("ru/v1", "ru", "CONSULT", "g1", "g3", "Фридония провела переговоры с Сильванией.", "2031-03-04")
    assert _language_facts([drills, talks], ["en", "ru"], {(0, 1): 0.8}).blocked(0, 1)


def test_one_arrest_in_two_articles_joins_by_its_count_and_a_later_arrest_stays_apart() -> None:
    police = Entity(id="p1", name="Police", type="ORG", generic=True, sector="police", aliases=["Police"])
    force = Entity(id="p2", name="Police of Freedonia", type="ORG", country="FRD", kb_id="inst:FRD:police",
                   aliases=["Police"])
    dockers = Entity(id="p3", name="dockers", type="ORG", generic=True, sector="labour", aliases=["dockers"])
    people = Entity(id="p4", name="people", type="ORG", generic=True, sector="civilians", aliases=["people"])
    people_c = Entity(id="p6", name="people", type="ORG", generic=True, sector="civilians", aliases=["people"])
    traders = Entity(id="p5", name="traders", type="ORG", generic=True, sector="business", aliases=["traders"])
    events = [
        _event("a/v1", "a", "COERCE", "p1", "p3", "Police arrested 19 dockers at the port gates on Tuesday, "
               "the harbour authority said.", "2031-04-08"),
        _event("b/v1", "b", "COERCE", "p2", "p4", "Police had detained 19 people during scuffles at the harbour "
               "on April 8, a spokesman said.", "2031-04-08"),
        # a later paragraph of a third article: its date is the lead's, two days off
        _event("c/v1", "c", "COERCE", None, "p6", "Officers said 19 people had been detained at the harbour.",
               "2031-04-10"),
        # another arrest by the same force weeks later: another count, another date
        _event("d/v1", "d", "COERCE", "p2", "p5", "Police detained 42 traders at the harbour market on May 2.",
               "2031-05-02"),
    ]
    # the rest of the corpus, so that the arrests' words and count are rare in it
    others = ["Freedonia signed a grain deal with Sylvania.", "Sylvania recalled its ambassador from Freedonia.",
              "The central bank raised interest rates by half a point.", "Farmers blocked the northern highway.",
              "The minister rejected calls to resign over the budget.", "Sylvania accused Freedonia of spying.",
              "The court jailed a former mayor for fraud.", "Nurses staged a strike over unpaid wages.",
              "Freedonia sent tents and water to flooded villages.", "The opposition demanded a recount of votes."]
    others += [f"In other news, {text[0].lower()}{text[1:]}" for text in others]
    events += [_event(f"o{n}/v1", f"o{n}", "CONSULT", None, None, text) for n, text in enumerate(others)]
    events[2].date_source = "context"
    for ev, n, unit in ((events[0], 19.0, "docker"), (events[1], 19.0, "people"), (events[2], 19.0, "people"),
                        (events[3], 42.0, "trader")):
        ev.quantities = [Quantity(f"{n:g} {unit}", n, unit)]
    ents = [*ENTITIES, police, force, dockers, people, people_c, traders]
    docs = _docs(("a", "Harbour Post"), ("b", "Meridian Ledger"), ("c", "Continental Wire"), ("d", "Coast Daily"),
                 *((f"o{n}", "Coast Daily") for n in range(len(others))))
    _, mapping = cluster_story_events(events, ents, docs, Settings())
    assert mapping["a/v1"] == mapping["b/v1"] == mapping["c/v1"]
    assert mapping["d/v1"] != mapping["a/v1"]
    # the carried date stands for the act's own only days away: weeks away it clashes as before
    events[2].date = "2031-05-02"
    events[2].quantities = events[3].quantities
    _, mapping = cluster_story_events(events, ents, docs, Settings())
    assert mapping["c/v1"] != mapping["a/v1"]
