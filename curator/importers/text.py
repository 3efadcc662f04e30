"""Plain-text and HTML documents (saved pages, registry records): decoded, then extracted.

HTML is shown as its visible text (scripts and styles dropped); fields come
from :mod:`curator.extraction`, which recognises the layouts of saved pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from curator.importers import Entry, Item, Problem, Reader, register

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_document(path: Path, data: bytes) -> Iterator[Item]:
    """One document: visible text for HTML, decoded text otherwise, fields by extraction."""
    # Imported here so that every other format still reads when extraction cannot be loaded.
    from curator.extraction import ExtractionError, decode_bytes, extract, html_to_text, looks_like_html

    try:
        text = decode_bytes(data)
    except ExtractionError as error:
        yield Problem(path.name, None, str(error))
        return
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    if not text.strip():
        yield Problem(path.name, None, "the document has no visible text")
        return
    fields = extract(text, source=path.name)
    if is_html and fields.get("profile") == "unknown":
        fields["profile"] = "html"
    kind = "website" if is_html else None
    yield Entry(source=path.name, text=text, fields=fields, source_kind=kind)


register(Reader("text", (".txt", ".text", *HTML_SUFFIXES, ".md"), lambda head: False, read_document, 90))
