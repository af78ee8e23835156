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
- hand15.jsonl: quotes17c's officers named in apposition to a body's post, outlets only spoken to ("told Al-Noor
  Radio"), cue-less runs of paragraphs, notices, permits, filings and sayings nobody says, and described speakers
  carried by a pronoun, parsed from hand15_src_*.txt (ids tq-1701...).
- hand16.jsonl: quotes18's speakers introduced by a description the resolver keeps as a group and then called
  "he"/"she", names the tagger may mistype marked as people by an age or a title of address, accounts' handles that
  speak, a body's words as a partial quote beside words nobody says, colon introductions and split quotes, parsed from
  hand16_src_*.txt (ids tq-1801...).
- hand17.jsonl: quotes20's pronouns after a person the paragraph names beside places inside longer place phrases,
  interviews in running prose, a document's words beside "according to" the document, and gendered head words
  ("his aunt"), parsed from hand17_src_*.txt (ids tq-1901...).
- hand18.jsonl: quotes21's unnamed people described in the quote's own paragraph ("One of the nurses, who …", "A man
  who runs …") then called "he"/"she" after a named person of the same gender in an earlier paragraph, anonymous sources
  beside named officials, bodies that speak in statements, and witnesses by description, parsed from hand18_src_*.txt
  (ids tq-1101...).
- hand19.jsonl: quotes21b's people named once in a speech verb's subject slot or apposed to a description there, with
  names of many regions a tagger may miss or mistype, then carried by "he"/"she", parsed from hand19_src_*.txt (ids
  tq-0201...).
- hand20.jsonl: quotes22's things named by a common noun that carry words nobody says, bodies' partial quotes,
  transcripts with labelled askers, titles and terms in a speaker's sentence, parsed from hand20_src_*.txt (ids
  tq-1401...; built and trained on from quotes23).
- hand21.jsonl: quotes23's reported clauses with no "that" or joined by "and that", possessive descriptions that speak,
  short partial quotes of named speakers, and words nobody says beside them, parsed from hand21_src_*.txt (ids
  tq-1451...).
- hand22.jsonl: quotes24's things that carry written words as a cue's subject ("The act says …", "The label reads:
  “…”", "The report describes the year as “…”"), whose words (and the clause they "say") nobody speaks, beside people
  who do, parsed from hand22_src_*.txt (ids tq-1501...).
- hand23.jsonl: quotes25's "he"/"she" after several people of both sexes (given names the lexicons may not know,
  the subject of the sentence before, the last speaker after a paragraph break, a person the quote talks about),
  exchanges of a man and a woman, places and bodies named beside them, parsed from hand23_src_*.txt (ids tq-2401...).
- hand24.jsonl: quotes33's quoted words nobody says beside a named, described or group speaker in the same sentence
  or paragraph (titles, one-word scare quotes, slogans, headlines, notices and alerts, words quoted as words,
  nicknames, programme names, sayings, a contract's words), parsed from hand24_src_*.txt (ids tq-2601...).
- hand25.jsonl: quotes35's short terms nobody says (a word a person "has been branded" or "is known as", coined terms,
  nicknames, titles in other languages' marks) and questions nobody quoted asks (an interviewer's turns, a sign's, a
  form's, an exam's), with terms and questions a named person does say, parsed from hand25_src_*.txt (ids tq-2661...).
- dev/blind15.jsonl: quotes23's blind check from dev/blind15_src_*.txt (ids tq-1301...): parliamentary debates, sport
  after the match, religious leaders, courtroom testimony, social-media posts, radio phone-ins; never trained on.
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
- dev/blind9.jsonl: quotes17c's ninth blind check from dev/blind9_src_*.txt (ids tq-4501...): science and health,
  sport after the match, courtroom prose, agency spokespeople, Q&A interviews, interpreters, statements, filings and
  posts, quotes over several paragraphs, and words nobody says.
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


# Every hand-written set: (folder under HERE, file prefix, first passage number). The numbers only keep ids
# distinct across sets; a set's source files are read in name order.
HAND_SETS = [
    ("", "hand", 1), ("", "hand2", 7001), ("", "hand3", 8001), ("", "hand4", 8501), ("", "hand5", 8601),
    ("", "hand6", 8901), ("", "hand7", 8951), ("", "hand8", 4001), ("", "hand9", 3001), ("", "hand10", 3301),
    ("", "hand11", 3401), ("", "hand12", 2501), ("", "hand13", 1201), ("", "hand14", 1601), ("", "hand15", 1701), ("", "hand16", 1801),
    ("", "hand17", 1901), ("", "hand18", 1101), ("", "hand19", 201), ("", "hand20", 1401), ("", "hand21", 1451),
    ("", "hand22", 1501), ("", "hand23", 2401), ("", "hand24", 2601), ("", "hand25", 2661),
    ("dev", "dev", 9001),
    # blind checks, written after rule or model rounds: only their aggregate figures (and misses by kind) are read,
    # never trained on. blind2: tabloid, live blogs, press releases, court, Q&A, role-only speakers; blind3: long
    # features, apposition chains, captions, posts, nested quotes; blind4: described speakers, "X told Y",
    # "according to"; blind5: mostly words nobody says; blind6: speaker switches, reported speech, two-candidate
    # pronouns; blind7: four or more speakers, court, pressers, unusual marks; blind8: residents by description,
    # business, obituaries, parliament, "he added", speakers named after a paragraph break; blind9: science, sport
    # post-match, courts, agency spokespeople, Q&A, interpreters, documents and posts, multi-paragraph quotes; blind10:
    # local people by description then pronoun, business, honorifics, split and colon quotes, reported speech only;
    # blind11: sport, court reports, Q&A and "NAME:" transcripts, parliamentary debate, tabloid, statements, letters
    # and posts, several speakers in one paragraph, nested quotes, interpreters, speakers named after a long quote;
    # blind12: science and health, business and earnings calls, local news, long features, prose interviews, partial
    # quotes mid-sentence, "according to", chants, slogans, signs and other words nobody says; blind13: court
    # reporting, sport after the match, culture reviews, disaster coverage, parliamentary sketches, documents, letters
    # and statements, anonymous and described sources, and words nobody says (titles, orders, alerts, forms)
    ("dev", "blind", 9501), ("dev", "blind2", 9701), ("dev", "blind3", 9801), ("dev", "blind4", 9901),
    ("dev", "blind5", 3501), ("dev", "blind6", 3701), ("dev", "blind7", 2001), ("dev", "blind8", 1001),
    ("dev", "blind9", 4501), ("dev", "blind10", 501), ("dev", "blind11", 2201), ("dev", "blind12", 2701),
    ("dev", "blind13", 2801),
    # blind14 (quotes22): earnings calls, science and medical news, local council reports, tabloid celebrity, war
    # reporting with military spokespeople, Q&A transcripts, translated quotes, and words nobody says beside them
    ("dev", "blind14", 301),
    # blind15 (quotes23): parliamentary debates, sport after the match, religious leaders, courtroom testimony,
    # social-media posts quoted in news, radio phone-ins, and words nobody says beside them
    ("dev", "blind15", 1301),
]


def main() -> None:
    built = {prefix: build_set(os.path.join(HERE, folder), prefix, first, f"{prefix}.jsonl")
             for folder, prefix, first in HAND_SETS}
    for name, module, seed, first in (("generated", generate, 17, 5001), ("generated2", generate2, 317, 6001),
                                      ("generated3", generate3, 517, 6501)):
        built[name] = module.passages(random.Random(seed))
        for i, o in enumerate(built[name], first):
            o["id"] = f"tq-{i:04d}"
        write(os.path.join(HERE, f"{name}.jsonl"), built[name])
    print("; ".join(f"{k}: {len(v)} passages, {sum(len(o['quotes']) for o in v)} quotes" for k, v in built.items()))


if __name__ == "__main__":
    main()
