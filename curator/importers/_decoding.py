"""Turning a file's bytes into text: byte-order marks, UTF-8, else the detected encoding."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_SINGLE_BYTE_LATIN = ("cp125", "iso8859", "latin", "mac_", "windows-125")


class DecodingError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode_text(data: bytes) -> str:
    """Text of ``data`` with newlines normalised to ``\\n`` (evidence offsets count in this text)."""
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:262144]).best()
            if best is None or best.encoding is None:
                raise DecodingError("the file is not text in any recognised encoding") from None
            encoding = best.encoding
            if encoding.startswith(_SINGLE_BYTE_LATIN):
                # Short Western texts look alike in every single-byte code page; exports from
                # Western databases are Windows-1252 far more often than Central European.
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = None
            if text is None:
                text = data.decode(encoding, errors="replace")
    if "\r" in text:  # copies only when needed: a large export is held once, not three times
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
