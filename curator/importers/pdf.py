"""PDF documents: the text layer (pypdf), then extraction; a PDF without text (a scan) is reported."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers.text import page_source_kind


def sniff(head: bytes) -> bool:
    """A PDF starts with ``%PDF-``."""
    return head.lstrip()[:5] == b"%PDF-"


def pdf_text(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line; newlines normalised."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every slightly odd file
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as error:
            raise ValueError("the PDF is encrypted; save an unprotected copy first") from error
    pages = [(page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n") for page in reader.pages]
    return "\n\n".join(p.strip() for p in pages if p.strip())


def read(path: Path, data: bytes) -> Iterator[Item]:
    """One document per PDF, its fields by extraction."""
    try:
        text = pdf_text(data)
    except Exception as error:  # pypdf raises many kinds for damaged files
        yield Problem(path.name, None, f"cannot read the PDF: {error}")
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
