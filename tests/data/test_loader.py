"""The data layer: shipped resources validate, user files are laid over them or refused with a clear
message, and the PLOVER, names and gazetteer files agree with the stages that read them."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from storyline.clean.places import capitals, is_place
from storyline.data import DataError, load, merge, plover, read, read_rows, resource_path, schemas
from storyline.data.schemas import RESOURCES, schema_of
from storyline.extract.frames import load_argument_cues
from storyline.extract.lexicon import load_event_lexicon
from storyline.fuse.relations import compute_relations
from storyline.model import ENTITY_TYPES, PLOVER_TYPES, Event
from storyline.report.charts import COLOURS, polarity
from storyline.resolve.kb import load_kb
from storyline.resolve.names import split_person, surnames_match

SHIPPED = sorted(n for n in RESOURCES if n != "kb/user")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- loading and validation
@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_resource_validates(name: str):
    assert resource_path(name).is_file()
    data = read(resource_path(name), name)
    assert data and isinstance(data, dict)


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_every_schema_is_a_valid_json_schema(name: str):
    jsonschema.Draft202012Validator.check_schema(schema_of(name))


def test_every_resource_file_has_a_schema():
    data_dir = resource_path("events").parent
    on_disk = {str(p.relative_to(data_dir).with_suffix("")) for p in data_dir.rglob("*.yaml")}
    assert on_disk == set(SHIPPED)


def test_load_is_cached_per_name_and_paths(tmp_path: Path):
    assert load("units") is load("units")
    extra = write(tmp_path, "extra.yaml", "verbs:\n  snub: PROTEST\n")
    assert load("events", [extra]) is load("events", (extra,))
    assert load("events", [extra]) is not load("events")


def test_user_file_is_laid_over_the_shipped_one(tmp_path: Path):
    extra = write(tmp_path, "extra.yaml",
                  "verbs:\n  bewail: ACCUSE\n  condemn: REJECT\n"
                  "arguments:\n  speech_nouns: [homily]\n")
    shipped, merged = load("events"), load("events", [extra])
    assert merged["verbs"]["bewail"] == "ACCUSE"                  # a new key joins the mapping
    assert merged["verbs"]["condemn"] == "REJECT"               # a later file wins a key
    assert merged["verbs"]["agree"] == shipped["verbs"]["agree"]  # the rest is kept
    assert merged["arguments"]["speech_nouns"] == shipped["arguments"]["speech_nouns"] + ["homily"]
    assert "bewail" not in shipped["verbs"]                      # the cached shipped data is untouched
    assert "homily" in load_argument_cues((extra,)).speech_nouns
    assert load_event_lexicon((extra,)).verbs["bewail"] == "ACCUSE"


def test_merge_rule():
    base = {"a": {"x": 1, "y": [1]}, "b": [1, 2], "c": "old"}
    over = {"a": {"y": [2], "z": 3}, "b": [3], "c": "new", "d": None}
    assert merge(base, over) == {"a": {"x": 1, "y": [1, 2], "z": 3}, "b": [1, 2, 3], "c": "new", "d": None}
    assert base["b"] == [1, 2]


def test_invalid_user_file_names_the_file_and_the_key(tmp_path: Path):
    bad = write(tmp_path, "mine.yaml", "verbs:\n  hug: EMBRACE\n")
    with pytest.raises(DataError) as err:
        load("events", [bad])
    message = str(err.value)
    assert "mine.yaml" in message and "verbs.hug" in message and "PLOVER" in message


def test_misspelt_section_is_refused(tmp_path: Path):
    bad = write(tmp_path, "typo.yaml", "verb:\n  snub: PROTEST\n")
    with pytest.raises(DataError, match=r"typo\.yaml: \(top level\): .*'verb' was unexpected"):
        load("events", [bad])


def test_wrong_shape_is_refused(tmp_path: Path):
    bad = write(tmp_path, "shape.yaml", "support_verbs: hold\n")
    with pytest.raises(DataError, match=r"shape\.yaml: support_verbs: 'hold' is not of type 'array'"):
        load("events", [bad])


def test_missing_and_unparsable_files(tmp_path: Path):
    with pytest.raises(DataError, match=r"nowhere\.yaml: cannot read"):
        load("events", [str(tmp_path / "nowhere.yaml")])
    broken = write(tmp_path, "broken.yaml", "verbs: [unclosed\n")
    with pytest.raises(DataError, match=r"broken\.yaml: not valid YAML"):
        read(broken, "events")
    with pytest.raises(KeyError, match="known: "):
        resource_path("no-such-resource")


def test_kb_user_file_is_validated_entry_by_entry(tmp_path: Path):
    bad = write(tmp_path, "kb.yaml", "entities:\n  - {id: org:X, name: X, type: ORG, aliass: [Y]}\n")
    with pytest.raises(DataError, match=r"kb\.yaml: entities\.0: .*'aliass' was unexpected"):
        load_kb((bad,))
    good = write(tmp_path, "kb2.yaml",
                 "entities:\n  - {id: org:NFC, name: Northern Fisheries Council, type: ORG}\n")
    assert load_kb((good,)).lookup("Northern Fisheries Council")[0][0] == "org:NFC"


def test_csv_rows_leave_out_empty_cells(tmp_path: Path):
    path = write(tmp_path, "kb.csv", "id,name,type,country\nper:ana-vell,Ana Vell,PERSON,\n")
    assert read_rows(path) == [{"id": "per:ana-vell", "name": "Ana Vell", "type": "PERSON"}]


# --------------------------------------------------------------------------- PLOVER
def test_schemas_know_the_model_entity_types():
    assert schemas.ENTITY_TYPES == ENTITY_TYPES


def test_model_reads_the_plover_file():
    assert plover.types() == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 16 and PLOVER_TYPES[0] == "AGREE" and PLOVER_TYPES[-1] == "ASSAULT"


def test_every_type_has_a_known_quad_class():
    classes = load("plover")["quad_classes"]
    assert set(plover.quad_classes()) == set(PLOVER_TYPES)
    assert set(plover.quad_classes().values()) <= set(classes)
    assert set(plover.quad_classes().values()) == set(classes)   # no class without a type


def test_event_lexicon_codes_exist_in_the_plover_file():
    data = load("events")
    codes = [v for key in ("verbs", "nouns", "particles", "negated", "with_complement")
             for v in data[key].values()]
    codes += [v for v in data["with_object"].values() if v is not None]
    codes += [f["type"] for f in data["frames"]]
    for code in codes:
        etype, _, mode = code.partition("/")
        assert etype in PLOVER_TYPES, code
        assert not mode or mode in plover.modes(etype), code
    every_mode = {m for t in PLOVER_TYPES for m in plover.modes(t)}
    assert set(data["noun_modes"].values()) <= every_mode
    assert {c.split("/")[0] for c in data["verbs"].values()} == set(PLOVER_TYPES)
    assert set(data["arguments"]["located_types"]) <= {t.lower() for t in PLOVER_TYPES} | set(PLOVER_TYPES)


def test_relations_charts_and_lexicon_agree_on_request():
    assert plover.quad_classes()["REQUEST"] == "neutral"
    assert load_event_lexicon().quad == plover.quad_classes()
    assert polarity("REQUEST") == "mixed" and polarity("REQUEST") in COLOURS   # drawn as neither side
    assert polarity("ACCUSE") == "conflict" and polarity("AID") == "cooperation"
    rel, = compute_relations([Event(id="d/e1", type="REQUEST", source="gpe:NOR", target="gpe:SWE")])
    assert (rel.cooperation, rel.conflict) == (0.0, 0.0)


def test_relations_honour_the_user_lexicon(tmp_path: Path):
    extra = write(tmp_path, "quad.yaml", "quad:\n  REQUEST: verbal_conflict\n")
    events = [Event(id="d/e1", type="REQUEST", source="gpe:NOR", target="gpe:SWE", date="2024-02-01")]
    assert compute_relations(events)[0].conflict == 0.0
    assert compute_relations(events, lexicon_paths=(extra,))[0].conflict == 0.5
    bad = write(tmp_path, "badquad.yaml", "quad:\n  REQUEST: lukewarm\n")
    with pytest.raises(DataError, match=r"badquad\.yaml: quad\.REQUEST: .*quad class"):
        compute_relations(events, lexicon_paths=(bad,))


# --------------------------------------------------------------------------- names and gazetteer
def test_names_file_drives_name_splitting():
    names = load("names")
    for key in ("particles", "honorifics"):
        words = names[key]
        assert words == [w.lower() for w in words] and len(set(words)) == len(words)
    assert split_person("Dr Maria van der Berg") == ("Maria", "van der Berg")
    assert surnames_match("bin Salem", "Salem")


def test_capitals_come_from_the_knowledge_base():
    caps = capitals()
    listed = load("kb/countries")
    assert all(c in caps for spec in listed.values() for c in spec.get("capital") or [])
    assert all(is_place(c) for c in caps)
    # places.yaml holds no capital the knowledge base already lists
    kb_caps = {c.casefold() for c in caps}
    assert not [c for c in load("places")["cities"] if c.casefold() in kb_caps]
