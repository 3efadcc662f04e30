"""Plain-text and HTML documents (saved pages, registry records): decoded, then extracted.

HTML is shown as its visible text (scripts and styles dropped); fields come
from :mod:`curator.extraction`, which recognises the layouts of saved pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from curator.importers import Entry, Item, Problem, Reader, register

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def page_source_kind(fields: dict[str, Any], is_html: bool) -> str | None:
    """The kind of source a saved document comes from, as its content shows.

    A registry's own record page (extraction's ``*-record`` profiles: a trial page under a known
    registry's id) is from a register; a site that lists or finds trials, or any other web page, is
    a website; a page that names no registry stays unguessed.
    """
    profile = fields.get("profile") or ""
    if fields.get("kind") == "trial" and profile.endswith("-record"):
        return "register"
    return "website" if is_html else None


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
    yield Entry(source=path.name, text=text, fields=fields, source_kind=page_source_kind(fields, is_html))


register(Reader("text", (".txt", ".text", *HTML_SUFFIXES, ".md"), lambda head: False, read_document, 90))
