"""PDF documents: the running text of the text layer, then extraction; a PDF without text (a scan) is reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# Reading the text layer is the full-text room's (one reader for imported and attached PDFs); its
# messages are re-exported here, where the importers and their tests have always found them.
from curator.fulltext.reading import (
    DAMAGED,
    NO_AES,
    PASSWORD_PROTECTED,
    UnreadablePdf,
    read_pdf,
)
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers.text import page_source_kind


def sniff(head: bytes) -> bool:
    """A PDF starts with ``%PDF-``."""
    return head.lstrip()[:5] == b"%PDF-"


__all__ = ["DAMAGED", "NO_AES", "PASSWORD_PROTECTED", "UnreadablePdf", "pdf_text", "read", "sniff"]


def pdf_text(data: bytes) -> str:
    """The running text of a PDF: page chrome dropped, wrapped lines joined (see :mod:`curator.fulltext.reading`).

    Raises :class:`UnreadablePdf` for a PDF that is password-protected, damaged or incomplete.
    """
    return read_pdf(data).text


def read(path: Path, data: bytes) -> Iterator[Item]:
    """One document per PDF, its fields by extraction."""
    try:
        text = pdf_text(data)
    except UnreadablePdf as error:
        yield Problem(path.name, None, str(error))
        return
    if not text.strip():
        yield Problem(path.name, None, "the PDF has no text layer (a scanned image?); run OCR on it and import "
                                       "the result")
        return
    from curator.extraction import extract

    fields = extract(text, source=path.name)
    if fields.get("profile") in (None, "unknown"):
        fields["profile"] = "pdf"
    yield Entry(path.name, text, fields, source_kind=page_source_kind(fields, is_html=False))


register(Reader("pdf", (".pdf",), sniff, read, priority=10))
