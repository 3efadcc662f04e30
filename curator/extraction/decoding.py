"""Bytes to clean text: encoding detection, NFC, newline and control-character clean-up."""

from __future__ import annotations

import codecs
import re
import unicodedata

from curator.extraction.errors import ExtractionError

# Control characters other than tab and newline carry no text; NUL in particular
# breaks Qt widgets and SQLite text columns downstream.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\ufffe]")
_NEWLINE_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")

# Magic numbers of common binary formats someone may drop into an import folder.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)

_SAMPLE = 65536


def _binary_error(what: str = "a binary file") -> ExtractionError:
    return ExtractionError(f"looks like {what}, not text")


def _utf16_by_nuls(sample: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes sit (ASCII-heavy text)."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    n = min(len(even), len(odd))
    if n == 0:
        return None
    nul_even = even.count(0)
    nul_odd = odd.count(0)
    # Mostly-ASCII UTF-16: every other byte is NUL, the others almost never are.
    if nul_odd > 0.4 * n and nul_even < 0.05 * n:
        return "utf-16-le"
    if nul_even > 0.4 * n and nul_odd < 0.05 * n:
        return "utf-16-be"
    return None


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8: Western single-byte text, else ask charset-normalizer."""
    sample = data[:_SAMPLE]
    high = sum(1 for b in sample if b >= 0x80)
    # Western European text has a few scattered accented letters or smart quotes;
    # legacy CJK/Cyrillic encodings are dense in high bytes. Only the first is safe
    # to decode as cp1252 without a statistical guess.
    if high <= 0.2 * len(sample):
        if any(b in sample for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)):
            return data.decode("latin-1")
        return data.decode("cp1252", errors="replace")
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        raise ExtractionError("could not determine the text encoding (not UTF-8)") from None
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise _binary_error()
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError:  # pragma: no cover - charset-normalizer only names known codecs
        raise ExtractionError(f"could not decode the text as {best.encoding}") from None


def clean_text(text: str) -> str:
    """NFC-normalise, turn every newline form into ``\\n`` and drop control characters."""
    text = _NEWLINE_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes to clean text.

    Handles UTF-8 (with or without BOM), UTF-32/UTF-16 with a BOM, UTF-16 without a BOM
    (from its NUL pattern), cp1252 / latin-1, and other legacy encodings through
    charset-normalizer. The result is NFC-normalised, has ``\\n`` newlines and no NUL or
    other control characters. Raises :class:`ExtractionError` for empty input and
    binary data.
    """
    if not data:
        raise ExtractionError("empty file")
    if data[:3] == codecs.BOM_UTF8:
        text = data[3:].decode("utf-8", errors="replace")
    elif data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        text = data.decode("utf-32", errors="replace")
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = data.decode("utf-16", errors="replace")
    else:
        sample = data[:_SAMPLE]
        for magic, what in _BINARY_MAGIC:
            if sample.startswith(magic):
                raise _binary_error(what)
        utf16 = _utf16_by_nuls(sample)
        if utf16:
            text = data.decode(utf16, errors="replace")
        else:
            # A stray NUL is removed below; many of them (or other control bytes) mean binary data.
            if sample.count(0) > 0.01 * len(sample) or _control_ratio(sample) > 0.05:
                raise _binary_error()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                # Tolerate a file cut in the middle of a multi-byte character.
                if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                    text = data.decode("utf-8", errors="ignore")
                else:
                    text = _decode_legacy(data)
    head = text[:_SAMPLE]
    if head and sum(1 for c in head if c == "\ufffd" or (c < " " and c not in "\t\n\r\f")) > 0.1 * len(head):
        raise _binary_error()
    text = clean_text(text)
    if not text.strip():
        raise ExtractionError("empty file (only whitespace)")
    return text
