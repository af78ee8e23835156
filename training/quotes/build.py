"""Build the quote-speaker training set (issue 17) from its sources.

- hand.jsonl: parsed from the hand-written passages in hand_src_*.txt (ids tq-0001...).
- generated.jsonl: written by the template generator below (ids tq-5001...), seeded, so a rerun is identical.
- generated2.jsonl: written by generate2.py (ids tq-6001...): phenomena the other files have few of.
- generated3.jsonl: written by generate3.py (ids tq-6501...): quoted words nobody says in the frames that give
  the rules a phrase (signs after a colon, titles, sayings, hypothetical speech), beside speakers named by age or role.
- hand2.jsonl: a second writer's hand-written passages, parsed from hand2_src_*.txt (ids tq-7001...).
- dev/blind2.jsonl: quotes5's second blind check from dev/blind2_src_*.txt (ids tq-9701...), in styles the
  training files lacked; only its aggregate figures are read.
- dev/blind3.jsonl: quotes7's third blind check from dev/blind3_src_*.txt (ids tq-9801...), in styles the
  training files lacked (long features, exchanges, organisations, headlines, posts, interviews, opinion, nested
  quotes); only its aggregate figures are read.
- dev/blind4.jsonl: quotes9's fourth blind check from dev/blind4_src_*.txt (ids tq-9901...), in the styles where
  the ranker's choice is hard (exchanges, described and role-only speakers, pronouns with a man and a woman, "X told
  Y", headlines and standfirsts, opinion, "according to", nested quotes); only its aggregate figures are read.
- dev/blind.jsonl: a blind check from dev/blind_src_*.txt (ids tq-9501...), written after the rule fixes; only
  its aggregate figures are read.
- hand3.jsonl: a third writer's hand-written passages (quotes3), parsed from hand3_src_*.txt (ids tq-8001...).
- hand4.jsonl: quotes4's precision cases, parsed from hand4_src_*.txt (ids tq-8501...).
- hand5.jsonl: quotes5's styles (tabloid, live blogs, press releases, courts, sport, Q&A, features, words
  nobody says), parsed from hand5_src_*.txt (ids tq-8601...).
- hand6.jsonl: quotes6's classes (manner-of-speaking verbs, parentheticals, less common reporting verbs, role
  labels in transcripts, quotes over several paragraphs), parsed from hand6_src_*.txt (ids tq-8901...).
- hand7.jsonl: quotes7's kinds (features with speakers called by age, role or relation paragraphs on, exchanges
  with no cue, a speaker named in the next sentence, a name and a colon, partial quotes after a cue, apposition
  chains, organisations that say "it"), parsed from hand7_src_*.txt (ids tq-8951...).
- hand8.jsonl: quotes9's choices among several people (a subject whose relative clause names another body, an
  unnamed person described in the sentence before a cue-less quote, a man and a woman with pronouns, exchanges, "X
  told Y", role after name), parsed from hand8_src_*.txt (ids tq-4001...).
- hand9.jsonl: quotes11's quoted words nobody says where a speaker is close by (terms, nicknames, signs, chants,
  laws, titles), headlines whose quote is nobody's beside a named person, and group sources, parsed from
  hand9_src_*.txt (ids tq-3001...).
- hand10.jsonl: quotes12's pronouns after a place (a dateline, "a clinic in Abeokuta", "outside Kisumu") whose person
  is named, typed as a place or only described, parsed from hand10_src_*.txt (ids tq-3301...).
- hand11.jsonl: quotes13's quoted words nobody says right after a speaker's paragraph, speaker switches between
  paragraphs and nested speech ("X said Y told him “…”"), parsed from hand11_src_*.txt (ids tq-3401...).
- hand12.jsonl: quotes17's speaker switches, reported speech whose quote is the inner teller's ("X said Y told her
  “…”"), speakers described after their first mention among several people, exchanges of three or four people,
  court witnesses and lawyers, and quotes in single marks, parsed from hand12_src_*.txt (ids tq-2501...).
- hand13.jsonl: quotes17b's dialogue-dash turns ("— Why now? asked a farmer.") and speaker switches after an action
  line ("Bakare folded his arms." then a quote with no cue), parsed from hand13_src_*.txt (ids tq-1201...).
- hand14.jsonl: quotes16's article openings that are only a quoted sentence whose speaker the next paragraph names,
  described speakers introduced as a sentence's subject or with a name in apposition, "told X magazine", companies
  and banks that speak ("it added"), descriptions after a named person, parsed from hand14_src_*.txt (ids tq-1601...).
- dev/blind5.jsonl: quotes11's fifth blind check from dev/blind5_src_*.txt (ids tq-3501...), 40% of its quotes
  with no speaker; only its aggregate figures are read.
- dev/blind6.jsonl: quotes13's sixth blind check from dev/blind6_src_*.txt (ids tq-3701...): quoted words nobody
  says of many kinds, speaker switches between paragraphs, nested and reported speech ("X said Y told him “…”"),
  descriptions as speakers and pronouns with two candidates; only its aggregate figures are read.
- dev/blind7.jsonl: quotes17's seventh blind check from dev/blind7_src_*.txt (ids tq-2001...): long features with
  four or more speakers, court reports, sport pressers, Q&A interviews, speakers described after the first mention,
  quotes in quotes, quotes over several paragraphs, unusual marks and words nobody says.
- dev/blind8.jsonl: quotes16's eighth blind check from dev/blind8_src_*.txt (ids tq-1001...): residents quoted by a
  description, business news (analysts, chief executives, "the company said in a statement"), tabloid and celebrity
  stories, obituaries, parliamentary reports, headline and subhead quotes, partial quotes, "he added", speakers named
  after a paragraph break, and words nobody says.
- dev/dev.jsonl: a held-out dev set in styles the training files lack, parsed from dev/dev_src_*.txt
  (ids tq-9001...). It is measured, never trained on (train_quotes.py reads only this folder's *.jsonl).

Source format of hand_src_*.txt, one passage per block:
    @ REGISTER REGION DOMAIN
    first paragraph
    second paragraph                 (each text line is one paragraph; joined with a blank line)
    > d | quoted words | Speaker Fullest Name | nearest mention
    > i | reported clause | Speaker            (near omitted = the speaker string itself)
    > d@1 | words | - | -                     (@k = occurrence k of the words; '-' = null speaker)
Lines starting with '#' are comments.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402  (the template generator lives beside this script)
import generate2  # noqa: E402
import generate3  # noqa: E402


def parse_hand(path: str) -> list[dict]:
    rows: list[dict] = []
    cur: dict | None = None
    paras: list[str] = []

    def close() -> None:
        if cur is not None:
            cur["text"] = "\n\n".join(paras)
            rows.append(cur)

    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n").strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            close()
            reg, region, domain = line[1:].split()
            cur = {"id": None, "text": "", "register": reg, "region": region, "domain": domain, "quotes": [],
                   "src": f"{os.path.basename(path)}:{ln}"}
            paras = []
        elif line.startswith(">"):
            assert cur is not None, f"{path}:{ln}: annotation before a passage"
            parts = [p.strip() for p in line[1:].split("|")]
            kind, _, occ = parts[0].partition("@")
            speaker = None if parts[2] == "-" else parts[2]
            near = parts[3] if len(parts) > 3 else parts[2]
            q = {"quote": parts[1], "direct": kind == "d", "speaker": speaker,
                 "speaker_near": None if near == "-" else near}
            if kind not in ("d", "i"):
                raise ValueError(f"{path}:{ln}: kind must be d or i")
            if occ:
                q["occurrence"] = int(occ)
            cur["quotes"].append(q)
        else:
            assert cur is not None, f"{path}:{ln}: text before a passage header"
            paras.append(line)
    close()
    return rows


def write(path: str, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for o in rows:
            o = {k: v for k, v in o.items() if k != "src"}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


def build_set(folder: str, prefix: str, first_id: int, out_name: str) -> list[dict]:
    """Parse every `{prefix}_src_*.txt` in folder, number its passages from first_id, write out_name beside them."""
    rows: list[dict] = []
    for name in sorted(os.listdir(folder)):
        if name.startswith(f"{prefix}_src_") and name.endswith(".txt"):
            rows += parse_hand(os.path.join(folder, name))
    for i, o in enumerate(rows, first_id):
        o["id"] = f"tq-{i:04d}"
    if rows:
        write(os.path.join(folder, out_name), rows)
    return rows


def main() -> None:
    hand: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand_src_") and name.endswith(".txt"):
            hand += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand, 1):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand.jsonl"), hand)
    hand2: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand2_src_") and name.endswith(".txt"):
            hand2 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand2, 7001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand2.jsonl"), hand2)
    hand3: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand3_src_") and name.endswith(".txt"):
            hand3 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand3, 8001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand3.jsonl"), hand3)
    hand4: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand4_src_") and name.endswith(".txt"):
            hand4 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand4, 8501):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand4.jsonl"), hand4)
    hand5: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand5_src_") and name.endswith(".txt"):
            hand5 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand5, 8601):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand5.jsonl"), hand5)
    hand6: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand6_src_") and name.endswith(".txt"):
            hand6 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand6, 8901):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand6.jsonl"), hand6)
    hand7: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand7_src_") and name.endswith(".txt"):
            hand7 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand7, 8951):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand7.jsonl"), hand7)
    hand8: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand8_src_") and name.endswith(".txt"):
            hand8 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand8, 4001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand8.jsonl"), hand8)
    hand9: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand9_src_") and name.endswith(".txt"):
            hand9 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand9, 3001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand9.jsonl"), hand9)
    hand10: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand10_src_") and name.endswith(".txt"):
            hand10 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand10, 3301):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "hand10.jsonl"), hand10)
    hand11: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand11_src_") and name.endswith(".txt"):
            hand11 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand11, 3401):
        o["id"] = f"tq-{i:04d}"
    if hand11:
        write(os.path.join(HERE, "hand11.jsonl"), hand11)
    hand12: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand12_src_") and name.endswith(".txt"):
            hand12 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand12, 2501):
        o["id"] = f"tq-{i:04d}"
    if hand12:
        write(os.path.join(HERE, "hand12.jsonl"), hand12)
    hand13: list[dict] = []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("hand13_src_") and name.endswith(".txt"):
            hand13 += parse_hand(os.path.join(HERE, name))
    for i, o in enumerate(hand13, 1201):
        o["id"] = f"tq-{i:04d}"
    if hand13:
        write(os.path.join(HERE, "hand13.jsonl"), hand13)
    build_set(HERE, "hand14", 1601, "hand14.jsonl")
    dev_dir = os.path.join(HERE, "dev")
    dev: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("dev_src_") and name.endswith(".txt"):
            dev += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(dev, 9001):
        o["id"] = f"tq-{i:04d}"
    if dev:
        write(os.path.join(dev_dir, "dev.jsonl"), dev)
    # a blind check written after the rule fixes: only its aggregate figures are read, never trained on
    blind: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind_src_") and name.endswith(".txt"):
            blind += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind, 9501):
        o["id"] = f"tq-{i:04d}"
    if blind:
        write(os.path.join(dev_dir, "blind.jsonl"), blind)
    # quotes5's second blind check, in styles the training files lacked (tabloid, live blogs, press releases,
    # court reporting, Q&A, unattributed words, late and role-only speakers): aggregate figures only
    blind2: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind2_src_") and name.endswith(".txt"):
            blind2 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind2, 9701):
        o["id"] = f"tq-{i:04d}"
    if blind2:
        write(os.path.join(dev_dir, "blind2.jsonl"), blind2)
    # quotes7's third blind check (long features, exchanges, apposition chains, organisations, headlines and
    # captions, partial quotes, posts, interviews, opinion, nested quotes): aggregate figures only
    blind3: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind3_src_") and name.endswith(".txt"):
            blind3 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind3, 9801):
        o["id"] = f"tq-{i:04d}"
    if blind3:
        write(os.path.join(dev_dir, "blind3.jsonl"), blind3)
    # quotes9's fourth blind check (exchanges, described and role-only speakers, pronouns with a man and a woman,
    # "X told Y", headlines, standfirsts, opinion, "according to", nested quotes): aggregate figures only
    blind4: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind4_src_") and name.endswith(".txt"):
            blind4 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind4, 9901):
        o["id"] = f"tq-{i:04d}"
    if blind4:
        write(os.path.join(dev_dir, "blind4.jsonl"), blind4)
    # quotes11's fifth blind check, mostly quoted words nobody says (scare quotes, titles, slogans, signs, documents,
    # headlines, nicknames) beside real and group-attributed quotes: aggregate figures only
    blind5: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind5_src_") and name.endswith(".txt"):
            blind5 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind5, 3501):
        o["id"] = f"tq-{i:04d}"
    if blind5:
        write(os.path.join(dev_dir, "blind5.jsonl"), blind5)
    # quotes13's sixth blind check: quoted words nobody says of many kinds, speaker switches between paragraphs,
    # nested and reported speech, descriptions as speakers and pronouns with two candidates: aggregate figures only
    blind6: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind6_src_") and name.endswith(".txt"):
            blind6 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind6, 3701):
        o["id"] = f"tq-{i:04d}"
    if blind6:
        write(os.path.join(dev_dir, "blind6.jsonl"), blind6)
    # quotes17's seventh blind check: long features with four or more speakers, court reports, sport pressers, Q&A
    # interviews, speakers described after the first mention, quotes in quotes, quotes over several paragraphs,
    # unusual marks and words nobody says: aggregate figures and misses by kind only
    blind7: list[dict] = []
    for name in sorted(os.listdir(dev_dir)) if os.path.isdir(dev_dir) else []:
        if name.startswith("blind7_src_") and name.endswith(".txt"):
            blind7 += parse_hand(os.path.join(dev_dir, name))
    for i, o in enumerate(blind7, 2001):
        o["id"] = f"tq-{i:04d}"
    if blind7:
        write(os.path.join(dev_dir, "blind7.jsonl"), blind7)
    # quotes16's eighth blind check (local residents by description, business, tabloid, obituaries, parliament,
    # headlines, partial quotes, "he added", speakers named after a paragraph break, words nobody says)
    build_set(dev_dir, "blind8", 1001, "blind8.jsonl")
    gen = generate.passages(random.Random(17))
    for i, o in enumerate(gen, 5001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "generated.jsonl"), gen)
    gen2 = generate2.passages(random.Random(317))
    for i, o in enumerate(gen2, 6001):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "generated2.jsonl"), gen2)
    gen3 = generate3.passages(random.Random(517))
    for i, o in enumerate(gen3, 6501):
        o["id"] = f"tq-{i:04d}"
    write(os.path.join(HERE, "generated3.jsonl"), gen3)
    print(f"hand: {len(hand)} passages, {sum(len(o['quotes']) for o in hand)} quotes; "
          f"hand2: {len(hand2)} passages, {sum(len(o['quotes']) for o in hand2)} quotes; "
          f"generated: {len(gen)} passages, {sum(len(o['quotes']) for o in gen)} quotes; "
          f"generated2: {len(gen2)} passages, {sum(len(o['quotes']) for o in gen2)} quotes; "
          f"generated3: {len(gen3)} passages, {sum(len(o['quotes']) for o in gen3)} quotes; "
          f"hand3: {len(hand3)} passages, {sum(len(o['quotes']) for o in hand3)} quotes; "
          f"hand4: {len(hand4)} passages, {sum(len(o['quotes']) for o in hand4)} quotes; "
          f"hand5: {len(hand5)} passages, {sum(len(o['quotes']) for o in hand5)} quotes; "
          f"hand6: {len(hand6)} passages, {sum(len(o['quotes']) for o in hand6)} quotes; "
          f"hand7: {len(hand7)} passages, {sum(len(o['quotes']) for o in hand7)} quotes; "
          f"hand8: {len(hand8)} passages, {sum(len(o['quotes']) for o in hand8)} quotes; "
          f"hand9: {len(hand9)} passages, {sum(len(o['quotes']) for o in hand9)} quotes; "
          f"hand10: {len(hand10)} passages, {sum(len(o['quotes']) for o in hand10)} quotes; "
          f"dev: {len(dev)} passages, {sum(len(o['quotes']) for o in dev)} quotes")


if __name__ == "__main__":
    main()
