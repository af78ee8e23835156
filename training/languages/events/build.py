#!/usr/bin/env python
"""Build ``events_{ru,uk,es}[_dev].jsonl`` from the hand-written sources beside this file.

    python training/languages/events/build.py

Source line: ``TYPE | modality | source | target | sentence`` or ``- | sentence`` (a non-event); ``-`` is
null. Source and target are written as they appear in the sentence. ``LANG_train.txt`` (and ``LANG_train_*.txt``
beside it, e.g. ``LANG_train_roles.txt``: sentences with undeclined foreign names for the role ranker) trains the
coder (scripts/train_events_languages.py) and the role ranker; ``LANG_dev.txt`` is the development set scored by
scripts/eval_events_languages.py --set training/languages/events; ``LANG_dev2.txt`` a second, fresh development set
(written before the second round of tuning; ``--set training/languages/events/dev2``); ``es_dev3.txt`` a third,
Spanish only (varied registers, Latin American and peninsular usage, periphrases, clitics, passive "se", reported
speech; written before the Spanish work of the fifth round; ``--set training/languages/events/dev3``); ``ru_dev5.txt`` a
fifth, Russian only (wire, regional press, official statements and opinion; half of it sentences with no event:
background, statistics, opinions, plans, group nouns opening a sentence with no act; names that do not decline;
written in the eighth round before any change, ``--set training/languages/events/dev5``); ``ru_dev6.txt`` a sixth,
Russian only, with type variety (every type 7-9 times, the confusable pairs side by side, wire datelines; written in
the ninth round before any change, ``--set training/languages/events/dev6``); ``LANG_dev17.txt`` a seventeenth
(ru, uk, es, 60 each, session 29 before any change: passives, reported speech, institutions and targets after a
preposition, events with no target, a third with no event; ``--set training/languages/events/dev17``). ``roles/LANG_roles.txt`` ->
``roles/roles_LANG.jsonl``: sentences for the role ranker alone (read by scripts/train_event_roles_languages.py
--role-sentences, never by the coder; not in the shipped ranker); ``roles/LANG_obliques.txt`` ->
``roles/obliques_LANG.jsonl``: role-ranker sentences with targets after a preposition or in an oblique case and
passives with their agent (read by the ranker's script with ``--obliques``, never by the coder; tried in the twentieth
round and not kept); ``coder/LANG_PART.txt`` -> ``coder/PART_LANG.jsonl``: sentences for the event coder alone (read by
scripts/train_events_languages.py --coder-sentences, never by the role ranker; ``coder/LANG_passives_motion.txt``,
twenty-second round: passives with and without their agent, goods sent to a destination, troops moved to a border,
and the same constructions with no event; read by default since the twenty-second round). ``roles/LANG_passives.txt`` ->
``roles/passives_LANG.jsonl`` (twenty-fourth round): the role ranker's own sentences, read by default, never by the
coder: passives with their agent in each language (a neuter "было отклонено", the Ukrainian impersonal "відхилено",
"fue rechazada por", a visitor "recibido por" its host, the target), agentless passives of a person or a request,
names after the class noun of a river, a port, an island or a crossing that are no target, and three non-events;
``roles/LANG_places.txt`` -> ``roles/places_LANG.jsonl`` (twenty-sixth round, read by the ranker by default, never by
the coder): names after a phrase that says where ("под", "в районе", "cerca de"), passive agents and their near-miss
actives, goods sent to a country or a town. ``roles/uk_openers.txt`` -> ``roles/openers_uk.jsonl`` (twenty-eighth
round, read by the ranker by default, never by the coder): names and common words opening a sentence right before
their verb, for the openers guessed with no Ukrainian dictionary. ``roles/LANG_targets.txt`` ->
``roles/targets_LANG.jsonl`` (ru, uk; written on branch lang29, two Russian labels made targets by the place
convention: aid to a country's communities or hospitals) and ``roles/LANG_attributes.txt`` ->
``roles/attributes_LANG.jsonl`` (ru, uk, es, session 28; both read by the ranker by default, never by the coder): a
town's or a region's name hanging on the object's noun that is no target ("лікарням Чернігівщини", "los hospitales de
Valparaíso"), a country owning what is refused or supported that is one, and agreements signed "с" / "з" / "con" a
body or a state. ``roles/LANG_owners.txt`` -> ``roles/owners_LANG.jsonl`` (ru, uk, es, session 30; read by the ranker
by default, never by the coder): a body, a party or a state owning the object's noun that is the target
("штаб-квартиру НАТО", "la sede de la OEA", "позицию правительства Венгрии"), a visitor arriving in the country it
visits ("прибыл в Азербайджан", "llegó a Azerbaiyán"), passives with their agent as source ("был атакован хуситами",
"fue condenada por"), and a town's buildings or officials that are no target. ``roles/LANG_hosts.txt`` ->
``roles/hosts_LANG.jsonl`` (ru, uk, es, session 30, lang35c; read by the ranker by default, never by the coder): active
host-and-visitor sentences ("Вучич принял в Белграде ...", "El rey de Marruecos recibió en Rabat a ..."), the visitor
the source and the host the target, for the ranker's host-verb feature. ``LANG_train_voice.txt``
(twenty-fifth round, read by both models like every ``LANG_train_*.txt``): passives with their agent in each gender,
the neuter and the Ukrainian impersonal, agentless passives, a police or an army named by its country's adjective
("грузинской полицией", "la policía armenia", "Азербайджанские военные"), near-miss actives ("llamó a consultas a su
embajador" stays SANCTION; consultations requested or held), and passives and military adjectives with no event. Every source and target follows the place
convention of ``README.md`` here. Sentences are invented, native phrasing, written from
storyline/data/plover_definitions.yaml.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_line(line: str, lang: str, n: int, part: str) -> dict:
    cells = [c.strip() for c in line.split("|")]
    rec: dict = {"id": f"{lang}-{part}-{n:03d}", "lang": lang}
    if len(cells) == 2 and cells[0] == "-":
        rec.update(text=cells[1], event=None)
        return rec
    etype, modality, source, target, text = cells
    for role in (source, target):
        if role != "-" and role not in text:
            raise ValueError(f"{lang} {part} line {n}: {role!r} is not in the sentence")
    rec.update(text=text, event={"type": etype, "modality": modality,
                                 "source": None if source == "-" else source,
                                 "target": None if target == "-" else target})
    return rec


def main() -> int:
    for lang in ("ru", "uk", "es"):
        for part, suffix, folder in (("train", "", HERE), ("dev", "_dev", HERE), ("dev2", "_dev", HERE / "dev2"),
                                     ("dev3", "_dev", HERE / "dev3"), ("dev5", "_dev", HERE / "dev5"),
                                     ("dev6", "_dev", HERE / "dev6"),
                                     ("dev17", "_dev", HERE / "dev17")):
            src = HERE / f"{lang}_{part}.txt"
            if not src.is_file():
                continue  # dev3 is Spanish only, dev5 and dev6 Russian only
            # training sentences written for the role ranker (undeclined foreign names) train both models
            sources = [src, *sorted(HERE.glob(f"{lang}_{part}_*.txt"))] if part == "train" else [src]
            lines = [ln for f in sources for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
            recs = [parse_line(ln, lang, i + 1, part) for i, ln in enumerate(lines)]
            out = folder / f"events_{lang}{suffix}.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
            print(f"{out.name}: {len(recs)} sentences, {sum(r['event'] is not None for r in recs)} events")
        # sentences for one model alone, so retraining one leaves the other's training data as it was:
        # roles/ for the role ranker (scripts/train_event_roles_languages.py), coder/ for the event coder
        # (scripts/train_events_languages.py); FOLDER/LANG_PART.txt -> FOLDER/PART_LANG.jsonl
        for sub in ("roles", "coder"):
            for src in sorted((HERE / sub).glob(f"{lang}_*.txt")):
                part = src.stem.split("_", 1)[1]
                lines = [ln for ln in src.read_text(encoding="utf-8").splitlines() if ln.strip()]
                recs = [parse_line(ln, lang, i + 1, part) for i, ln in enumerate(lines)]
                out = HERE / sub / f"{part}_{lang}.jsonl"
                out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
                print(f"{out.name}: {len(recs)} sentences, {sum(r['event'] is not None for r in recs)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
