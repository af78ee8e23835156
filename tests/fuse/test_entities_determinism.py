"""The entity merge gives one answer whatever the string hash seed: nothing it decides may hang on the order a
set of names or document ids is iterated in (``PYTHONHASHSEED`` changes that order between runs)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: run in a child interpreter: a small corpus of three articles, merged, printed as JSON
CHILD = r'''
import json
from storyline.config import Settings
from storyline.fuse.entities import merge_entities
from storyline.model import DocAnalysis, Document, Entity, Span


def ent(doc, n, name, type_="PERSON", country=None, mentions=1):
    spans = [Span(doc, 20 * i, 20 * i + len(name), name) for i in range(mentions)]
    return Entity(id=f"{doc}/e{n}", name=name, type=type_, country=country, aliases=[name], mentions=spans)


docs = {
    # a ferry operator and its boss, named in a Kenyan and a Ugandan article alike: the country each article
    # is about counts three mentions, a tie the merge must break the same way every run
    "d1": [ent("d1", 1, "Kenya", "GPE", "KEN", mentions=3), ent("d1", 2, "Lake Victoria Ferry Services", "ORG"),
           ent("d1", 3, "Amina Odhiambo"), ent("d1", 4, "Lake Victoria Ferries", "ORG")],
    "d2": [ent("d2", 1, "Uganda", "GPE", "UGA", mentions=3), ent("d2", 2, "Lake Victoria Ferry Services", "ORG"),
           ent("d2", 3, "Odhiambo"), ent("d2", 4, "LVFS", "ORG")],
    "d3": [ent("d3", 1, "Amina Odhiambo"), ent("d3", 2, "Port Bell", "FAC"), ent("d3", 3, "Ferry Services", "ORG")],
}
analyses = [DocAnalysis(document=Document(id=d, source=f"{d}.txt"), entities=es) for d, es in docs.items()]
ents, mapping = merge_entities(analyses, Settings())
print(json.dumps({"entities": sorted([e.id, e.name, e.type, e.country, sorted(e.aliases),
                                      sorted((m.doc, m.start) for m in e.mentions)] for e in ents),
                  "map": mapping}, sort_keys=True))
'''


def merged_under(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_the_merge_gives_one_answer_under_different_hash_seeds():
    runs = [merged_under(seed) for seed in ("0", "1", "2", "3")]
    assert runs[0]["entities"] and runs[0]["map"]
    for other in runs[1:]:
        assert other == runs[0]
    # the tie between the two articles' countries goes the same way in every run, and it is decided at all
    (ferry,) = [e for e in runs[0]["entities"] if e[1] == "Lake Victoria Ferry Services"]
    assert ferry[3] in ("KEN", "UGA")
