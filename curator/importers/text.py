"""Plain-text and HTML documents (saved pages, registry records): decoded, then extracted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from curator.extraction import ExtractionError, decode_bytes, extract, html_to_text, looks_like_html
from curator.importers import Entry, Item, Problem, Reader, register


def _looks_like_binary(head: bytes) -> bool:
    return b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff")))


def read_document(path: Path, data: bytes) -> Iterator[Item]:
    """One document: visible text for HTML, decoded text otherwise, fields by extraction."""
    try:
        text = decode_bytes(data)
    except ExtractionError as error:
        yield Problem(path.name, None, str(error))
        return
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    fields = extract(text, source=path.name)
    if is_html and fields.get("profile") == "unknown":
        fields["profile"] = "html"
    yield Entry(source=path.name, text=text, fields=fields, source_kind="website" if is_html else None)


register(Reader("text", (".txt", ".text", ".html", ".htm", ".xhtml", ".md"), lambda head: False, read_document, 90))
