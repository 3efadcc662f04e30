"""Turning a file's bytes into text: byte-order marks, UTF-8, else the detected encoding.

:func:`decode_text` decodes bytes held in memory; :func:`open_text` opens a large file
as text with the same choice of encoding, so a reader can stream it line by line.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TextIO

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


_CHUNK = 1 << 20


def _whole_file_decodes(path: Path, encoding: str) -> bool:
    # Checked chunk by chunk with an incremental decoder: the file is never held whole.
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def text_encoding(path: Path) -> tuple[str, str]:
    """(encoding, error handling) that :func:`decode_text` would use for the file, found without reading it whole."""
    with path.open("rb") as stream:
        head = stream.read(262144)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            # The "-sig" and BOM-aware codecs drop the mark, as decode_text does.
            return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                    "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[encoding], "replace"
    if _whole_file_decodes(path, "utf-8"):
        return "utf-8", "strict"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None or best.encoding is None:
        raise DecodingError("the file is not text in any recognised encoding")
    if best.encoding.startswith(_SINGLE_BYTE_LATIN) and _whole_file_decodes(path, "cp1252"):
        return "cp1252", "strict"
    return best.encoding, "replace"


def open_text(path: Path) -> TextIO:
    """The file as text, read as it streams: the encoding :func:`decode_text` would pick, newlines as ``\\n``.

    Raises :class:`DecodingError` when the file is not text in any recognised encoding.
    """
    encoding, errors = text_encoding(path)
    return path.open(encoding=encoding, errors=errors, newline=None)
