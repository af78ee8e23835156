"""Decoding: BOMs, legacy encodings, mojibake, binary sniffing, identity hash."""
from __future__ import annotations

import random

import pytest

from storyline.ingest.decode import content_id, decode_bytes, normalize_text, sniff_binary
from storyline.model import IngestError

RU = "Министр заявил в среду, что переговоры о поставках газа продолжатся на следующей неделе.\n"
FR = "Le ministre a déclaré mercredi que les négociations reprendront à Genève après l'été.\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (RU, "cp1251"),
    (RU, "koi8_r"),
    (FR, "latin-1"),
    (FR, "cp1252"),
    ("Die Straße führt über den Fluß nach Köln, schön grün und weit.", "latin-1"),
    ("Zażółć gęślą jaźń, powiedział minister w środę w Warszawie.", "cp1250"),
    ("Ο πρωθυπουργός δήλωσε ότι η κυβέρνηση θα στηρίξει την οικονομία.", "cp1253"),
    ("日本の首相は金曜日に記者会見を行い、新しい政策を発表しました。", "shift_jis"),
])
def test_legacy_encodings_decode_to_the_original(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_short_cyrillic_keeps_cyrillic() -> None:
    assert decode_bytes("Привет, мир".encode("cp1251"), "x.txt") == "Привет, мир"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks(encoding: str) -> None:
    data = RU.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data, "x.txt") == RU


def test_utf16_without_bom_is_text_not_binary() -> None:
    text = "Talks resumed on Monday in Vienna, officials said.\n"
    assert decode_bytes(text.encode("utf-16-le"), "x.txt") == text


def test_mojibake_is_repaired() -> None:
    data = "The cafÃ© owner said: â€œWe stay.â€\x9d".encode()
    assert decode_bytes(data, "x.txt") == "The café owner said: “We stay.”"


def test_curly_quotes_and_dashes_are_kept() -> None:
    text = "“We won’t go,” she said — twice…\n"
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


def test_newlines_normalised() -> None:
    assert normalize_text("a\r\nb\rc\n") == "a\nb\nc\n"


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.7\n1 0 obj\n", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
    (b"plain text\x00with a NUL byte inside it", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"   \n\t \r\n ", "empty"),
])
def test_bad_bytes(data: bytes, reason: str) -> None:
    result = decode_bytes(data, "bad.txt")
    assert isinstance(result, IngestError)
    assert (result.reason, result.source) == (reason, "bad.txt")
    assert result.detail


def test_random_high_bytes_are_undecodable() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    result = decode_bytes(data, "noise.txt")
    assert isinstance(result, IngestError) and result.reason == "undecodable"


def test_sniff_binary_passes_text() -> None:
    assert sniff_binary(RU.encode("utf-8")) is None
    assert sniff_binary(b"%PDF-1.4") is not None


def test_content_id_is_encoding_independent() -> None:
    a = decode_bytes(RU.encode("cp1251"), "a.txt")
    b = decode_bytes(RU.replace("\n", "\r\n").encode("utf-16"), "b.txt")
    assert isinstance(a, str) and a == b
    assert content_id(a) == content_id(b)
    assert len(content_id(a)) == 16 and content_id(a) != content_id(a + "x")


def test_control_counts_match_a_per_character_count() -> None:
    """The C-speed counts of control bytes and control characters equal a plain loop."""
    import unicodedata

    from storyline.ingest.decode import _NOT_CONTROL_BYTES, _control_ratio

    rng = random.Random(11)
    for _ in range(50):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        slow = sum(1 for b in data if (b < 0x20 and b not in b"\t\n\r\x0c") or b == 0x7F)
        assert len(data.translate(None, _NOT_CONTROL_BYTES)) == slow
        text = "".join(chr(rng.choice((rng.randrange(0x80), rng.randrange(0x110000))))
                       for _ in range(rng.randrange(1, 400)))
        slow_bad = sum(1 for c in text
                       if c not in "\t\n\x0c" and unicodedata.category(c) in ("Cc", "Co", "Cn"))
        assert _control_ratio(text) == slow_bad / len(text)
    assert _control_ratio("") == 0.0


def _requires_non_ascii(items: list) -> bool:
    """True when every match of a parsed regex sequence consumes a non-ASCII character."""
    import re._parser as p  # the stdlib's regex parser: test-only use

    def non_ascii_class(members: list) -> bool:
        return all((op is p.LITERAL and av >= 128) or (op is p.RANGE and av[0] >= 128)
                   for op, av in members)

    for op, av in items:
        if (op is p.LITERAL and av >= 128) or (op is p.IN and non_ascii_class(av)):
            return True
        if op is p.SUBPATTERN and _requires_non_ascii(av[-1]):
            return True
        if op is p.BRANCH and all(_requires_non_ascii(b) for b in av[1]):
            return True
        if op in (p.MAX_REPEAT, p.MIN_REPEAT) and av[0] >= 1 and _requires_non_ascii(av[2]):
            return True
    return False


def _assertions(items: list, found: set) -> set:
    import re._parser as p

    for op, av in items:
        if op in (p.AT, p.ASSERT, p.ASSERT_NOT, p.GROUPREF, p.GROUPREF_EXISTS):
            found.add((op, av if op is p.AT else None))
        if op is p.BRANCH:
            for b in av[1]:
                _assertions(b, found)
        elif op is p.SUBPATTERN:
            _assertions(av[-1], found)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT):
            _assertions(av[2], found)
    return found


def test_ftfy_pattern_fits_the_windowed_search() -> None:
    """looks_like_mojibake relies on three facts about ftfy's BADNESS_RE: every match
    holds a non-ASCII character, is at most MOJIBAKE_MAX_CHARS long, and the only
    anchor is the text's start. An ftfy upgrade that breaks one fails here."""
    import re
    import re._parser as p

    from ftfy.badness import BADNESS_RE

    from storyline.ingest.decode import MOJIBAKE_MAX_CHARS

    parsed = p.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert not BADNESS_RE.flags & (re.MULTILINE | re.IGNORECASE)
    assert parsed.getwidth()[1] <= MOJIBAKE_MAX_CHARS
    assert _requires_non_ascii(parsed.data)
    assert _assertions(parsed.data, set()) <= {(p.AT, p.AT_BEGINNING)}


def test_windowed_mojibake_check_equals_ftfy_is_bad() -> None:
    from ftfy.badness import is_bad

    from storyline.ingest.decode import looks_like_mojibake

    rng = random.Random(3)
    alphabet = ("ab Z.,?!\n\u00c3\u00c2\u00a0\u00a9\u00e9\u00ac\u00b0\u2019\u201c\u00d0\u0432\u0402"
                "\u00f0\u00e2\u20ac\u0153")
    samples = [FR, RU, FR.encode("utf-8").decode("cp1252"), RU.encode("utf-8").decode("cp1252", "replace"),
               "\u00c3 start", "x" * 40 + "\u00c3 " + "y" * 40, ""]
    for share in (1.0, 0.2, 0.05):  # dense, then sparse non-ASCII characters among ASCII text
        samples += ["".join(rng.choice(alphabet) if rng.random() < share else rng.choice("ab Z.\n")
                            for _ in range(rng.randrange(1, 80))) for _ in range(1500)]
    for text in samples:
        assert looks_like_mojibake(text) == is_bad(text), text
