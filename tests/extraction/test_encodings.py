"""decode_bytes: BOMs, UTF-16 with and without BOM, cp1252 smart quotes, latin-1, clean-up."""

from __future__ import annotations

import codecs

from curator.extraction import decode_bytes

TEXT = "Sjögren’s syndrome – “open-label” trial\nStatus: Recruiting\n"


def test_utf8_with_and_without_bom() -> None:
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


def test_utf16_with_bom() -> None:
    assert decode_bytes(TEXT.encode("utf-16")) == TEXT
    assert decode_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")) == TEXT
    assert decode_bytes(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")) == TEXT


def test_utf16_without_bom_from_nul_pattern() -> None:
    assert decode_bytes(TEXT.encode("utf-16-le")) == TEXT
    assert decode_bytes(TEXT.encode("utf-16-be")) == TEXT


def test_cp1252_smart_quotes() -> None:
    assert decode_bytes(TEXT.encode("cp1252")) == TEXT


def test_latin1() -> None:
    text = "Université de Genève, Zürich\x81\n"
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.startswith("Université de Genève, Zürich")


def test_newlines_nfc_and_control_characters() -> None:
    filler = "A registry record with ordinary text.\r\n" * 10
    raw = filler + "a\r\nb\rc\u2028d\x00e\x07f\ufeffg" + "e\u0301"
    expected = filler.replace("\r\n", "\n") + "a\nb\nc\nde" + "fg" + "é"
    assert decode_bytes(raw.encode("utf-8")) == expected
