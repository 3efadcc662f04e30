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


#: Why a PDF cannot be read, in the reviewer's words: what is wrong and what to do about it.
PASSWORD_PROTECTED = "password-protected: Curator cannot read it; save an unprotected copy and import that"
DAMAGED = ("damaged or incomplete PDF (perhaps a download that did not finish): Curator cannot read it; "
           "download it again or save a new copy from a PDF reader")
NO_AES = ("encrypted with AES, which needs the 'cryptography' package that this installation of Curator lacks; "
          "reinstall Curator or save an unprotected copy")


class UnreadablePdf(ValueError):
    """A PDF that cannot be read; the message says why in one sentence."""


def pdf_text(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line; newlines normalised.

    Raises :class:`UnreadablePdf` for a PDF that is password-protected, damaged or incomplete.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every slightly odd file
    try:
        reader = PdfReader(io.BytesIO(data))
        # A PDF with only an owner password (it restricts printing or copying) opens with the empty
        # user password; one with a user password does not, and pypdf then says nothing until a page is read.
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePdf(PASSWORD_PROTECTED)
        pages = [(page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n") for page in reader.pages]
    except UnreadablePdf:
        raise
    except DependencyError as error:  # pypdf decrypts AES only through the cryptography package
        raise UnreadablePdf(NO_AES) from error
    except FileNotDecryptedError as error:
        raise UnreadablePdf(PASSWORD_PROTECTED) from error
    except Exception as error:
        # pypdf raises its own errors (no startxref, a stream cut short) and plain ones (KeyError, zlib.error,
        # RecursionError...) for truncated and corrupt files: for the reviewer each means the same.
        raise UnreadablePdf(DAMAGED) from error
    return "\n\n".join(p.strip() for p in pages if p.strip())


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
