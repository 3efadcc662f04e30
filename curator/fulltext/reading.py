"""Reading a PDF's text as a reader reads it: page by page, without the page chrome, paragraphs whole.

A PDF's text layer gives lines, page by page. A printed report repeats a header and a footer on
every page (the date and the title, "Page 2 of 6", a journal's running head) and cuts every long
line at the margin, sometimes inside a word. :func:`read_pdf` drops the running headers, footers
and page numbers and joins the wrapped and hyphenated lines back into the paragraphs they were,
across page breaks too, so extraction reads the words as it reads a text file. The result keeps,
for every character of the joined text, the page and the place on that page it came from:
:meth:`FullText.page_spans` turns an evidence span of the joined text into page-anchored evidence.

The text layer comes from pypdf (already what Curator reads PDFs with; it decrypts AES through
the ``cryptography`` package). Rendering pages for the desk is another matter and another module.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

#: Why a PDF cannot be read, in the reviewer's words: what is wrong and what to do about it.
PASSWORD_PROTECTED = "password-protected: Curator cannot read it; save an unprotected copy and import that"
DAMAGED = ("damaged or incomplete PDF (perhaps a download that did not finish): Curator cannot read it; "
           "download it again or save a new copy from a PDF reader")
NO_AES = ("encrypted with AES, which needs the 'cryptography' package that this installation of Curator lacks; "
          "reinstall Curator or save an unprotected copy")
NOT_A_PDF = "not a PDF (its content does not start with %PDF-), though its name says so"
NO_TEXT_LAYER = "no text layer: attach it, extraction needs OCR"

#: Extraction reads at most this many characters of a document: reading stops once the pages hold them.
MAX_CHARACTERS = 200_000
#: Lines at the top and at the bottom of a page where running headers, footers and page numbers sit.
MARGIN_LINES = 3

#: A page with fewer lines than this has its line spacing from its shortest step.
FEW_LINES = 8
#: Lines no longer than this (characters) tell nothing of a margin: none of them was wrapped.
MIN_WIDTH = 40
#: A step down between lines this many times the page's usual line spacing is a gap between paragraphs.
GAP = 1.6

_PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-–—]\s*)?(?:page|p\.|seite|página|pagina)?\s*\d{1,4}"
                             r"(?:\s*(?:of|/|de|von|sur)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I)
# A browser's print header: the date and time, then the page's title ("06/12/2026, 14:20   Title").
_PRINT_STAMP_RE = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\s{2,}\S", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[•·▪◦‣∙*–—-]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"\w+")
_SENTENCE_END = ".:;!?"
_SOFT_HYPHEN = "\u00ad"


class UnreadablePdf(ValueError):
    """A PDF that cannot be read; the message says why in one sentence."""


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts as a PDF does (``%PDF-``, perhaps after blank space)."""
    return data[:1024].lstrip()[:5] == b"%PDF-"


@dataclass(frozen=True)
class PageSpan:
    """Part of an evidence span on one page: the page (1-based), offsets into that page's text, the words."""

    page: int
    start: int
    end: int
    quote: str

    def as_json(self) -> dict[str, object]:
        """The JSON shape of page evidence: ``{"page", "start", "end", "quote"}``."""
        return {"page": self.page, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class FullText:
    """A PDF's text: each page as the text layer gives it, and the running text made of them.

    ``pages[n - 1]`` is page ``n``'s text; ``text`` is what extraction reads (chrome dropped, lines
    rejoined); ``page_count`` counts every page of the file, also those past :data:`MAX_CHARACTERS`.
    """

    pages: tuple[str, ...]
    text: str
    page_count: int
    # Runs of ``text`` copied from a page: (start in text, page index, start in page text, length), in order.
    runs: tuple[tuple[int, int, int, int], ...]

    @property
    def has_text(self) -> bool:
        """False for a scan: no page has a text layer."""
        return bool(self.text.strip())

    def page_spans(self, start: int, end: int) -> list[PageSpan]:
        """Where ``text[start:end]`` is on the pages: one span per page it crosses, in page order."""
        starts = [r[0] for r in self.runs]
        found: dict[int, list[int]] = {}
        i = max(0, bisect_right(starts, start) - 1)
        while i < len(self.runs) and self.runs[i][0] < end:
            at, page, page_at, length = self.runs[i]
            lo, hi = max(start, at), min(end, at + length)
            if lo < hi:
                span = found.setdefault(page, [page_at + lo - at, page_at + hi - at, lo, hi])
                span[0], span[1] = min(span[0], page_at + lo - at), max(span[1], page_at + hi - at)
                span[2], span[3] = min(span[2], lo), max(span[3], hi)
            i += 1
        return [PageSpan(page + 1, s, e, self.text[a:b].strip()) for page, (s, e, a, b) in sorted(found.items())]

    def page_of(self, offset: int) -> int:
        """The page (1-based) that the character at ``offset`` of ``text`` comes from (1 for an empty text)."""
        if not self.runs:
            return 1
        i = max(0, bisect_right([r[0] for r in self.runs], offset) - 1)
        return self.runs[i][1] + 1


def page_texts(data: bytes, *, max_pages: int | None = None,
               max_characters: int = MAX_CHARACTERS) -> tuple[list[str], int]:
    """The text layer of the first pages (all, or ``max_pages``, stopping after ``max_characters``) and the page count.

    Raises :class:`UnreadablePdf` for a file that is not a PDF, is password-protected, damaged or incomplete.
    """
    pages: list[str] = []
    with _reading():
        reader = _open(data)
        count = len(reader.pages)
        read = 0
        for page in reader.pages[: count if max_pages is None else max_pages]:
            text = _page_text(page)
            pages.append(text)
            read += len(text)
            if read >= max_characters:
                break
    return pages, count


def count_pages(data: bytes) -> int:
    """How many pages a PDF has, without reading them. Raises :class:`UnreadablePdf` as :func:`page_texts` does."""
    with _reading():
        reader = _open(data)
        count = len(reader.pages)
        if count:
            reader.pages[0].get_contents()  # a file cut short often fails only here
        return count


def _open(data: bytes) -> Any:
    if not is_pdf(data):
        raise UnreadablePdf(NOT_A_PDF)
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every slightly odd file
    reader = PdfReader(io.BytesIO(data))
    # A PDF with only an owner password (it restricts printing or copying) opens with the empty
    # user password; one with a user password does not, and pypdf then says nothing until a page is read.
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnreadablePdf(PASSWORD_PROTECTED)
    return reader


@contextmanager
def _reading() -> Iterator[None]:
    """pypdf's many errors as the one sentence a reviewer needs (:class:`UnreadablePdf`)."""
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        yield
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


def _page_text(page: object) -> str:
    """One page's text layer, lines as pypdf reads them, and a blank line where the type leaves a gap.

    pypdf writes a line break where the text moves to a new line but says nothing of the space between
    lines; a blank line between paragraphs (a label and its value, say) is what tells them apart, so
    the height of each line is kept and a step down well over the page's usual line spacing is a gap.
    """
    chunks: list[tuple[str, float | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text:
            chunks.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5] if text.strip() else None))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lines: list[list[str]] = [[]]
    heights: list[float | None] = [None]
    for text, y in chunks:
        for k, part in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if k:
                lines.append([])
                heights.append(None)
            lines[-1].append(part)
            if heights[-1] is None and part.strip():
                heights[-1] = y
    steps = [a - b for a, b in zip(heights, heights[1:], strict=False) if a is not None and b is not None and a > b]
    usual = _line_spacing(steps)
    out: list[str] = []
    last: float | None = None
    for parts, y in zip(lines, heights, strict=True):
        if usual and last is not None and y is not None and last - y > GAP * usual and out and out[-1]:
            out.append("")
        out.append("".join(parts))
        if y is not None:
            last = y
    return "\n".join(out).strip("\n")


def _line_spacing(steps: list[float]) -> float:
    """The spacing of lines within a paragraph: the shortest step down that recurs.

    Not the median: a page of labels and values has more gaps between paragraphs than lines within
    them. Steps under half the median (a superscript, a table's ragged cells) are not line spacing.
    On a page of a few lines, the shortest step is.
    """
    if not steps:
        return 0.0
    median = sorted(steps)[len(steps) // 2]
    seen = Counter(round(step * 2) / 2 for step in steps if step >= median / 2)
    if len(steps) < FEW_LINES:  # too few lines for a step to recur: the shortest is the spacing
        return min(seen)
    recurring = [step for step, n in seen.items() if n >= 2]
    return min(recurring) if recurring else median


def read_pdf(data: bytes, *, max_pages: int | None = None) -> FullText:
    """The text of a PDF with pages known: see :class:`FullText`. Raises :class:`UnreadablePdf`."""
    pages, count = page_texts(data, max_pages=max_pages)
    return join_pages(pages, count)


def join_pages(pages: list[str], page_count: int | None = None) -> FullText:
    """The running text of pages of text: chrome dropped, wrapped and hyphenated lines joined."""
    lines = _body_lines(pages)
    widths = sorted(len(text) for _, _, text in lines if text.strip())
    width = widths[-1] if widths else 0
    attested = _joined_words(lines)
    out: list[str] = []
    runs: list[tuple[int, int, int, int]] = []
    size = 0
    previous: str | None = None
    last_page = 0
    for page, at, text in lines:
        glue = None if previous is None else _glue(previous, text, width)
        if previous is not None and page != last_page and glue == " " and previous.endswith(tuple(".!?")) \
                and text.lstrip()[:1].isupper():
            glue = None  # a sentence ends the page, a capital begins the next: no gap to tell, take it as a paragraph
        if previous is not None and glue is None:
            breaks = "\n\n" if page != last_page and previous.endswith(tuple(".!?")) else "\n"
            out.append(breaks)
            size += len(breaks)
        elif previous is not None:
            if glue == "" and (previous.endswith(_SOFT_HYPHEN) or _hyphen_dropped(previous, text, attested)):
                out[-1] = out[-1][:-1]  # the line before ends with a run of its own page: shorten both
                runs[-1] = (*runs[-1][:3], runs[-1][3] - 1)
                size -= 1
            out.append(glue or "")
            size += len(glue or "")
            indent = len(text) - len(text.lstrip())
            at, text = at + indent, text[indent:]
        if text:
            runs.append((size, page, at, len(text)))
            out.append(text)
            size += len(text)
        previous, last_page = text, page
    return FullText(tuple(pages), "".join(out), len(pages) if page_count is None else page_count, tuple(runs))


def _body_lines(pages: list[str]) -> list[tuple[int, int, str]]:
    """(page index, offset in the page's text, line) of every line that is not page chrome, trailing blanks cut."""
    split: list[list[tuple[int, str]]] = []
    for page in pages:
        lines, at = [], 0
        for line in page.split("\n"):
            lines.append((at, line.rstrip()))
            at += len(line) + 1
        split.append(lines)
    running = _running_lines(split)
    body: list[tuple[int, int, str]] = []
    for index, lines in enumerate(split):
        filled = [k for k, (_, text) in enumerate(lines) if text.strip()]
        margin = set(filled[:MARGIN_LINES] + filled[-MARGIN_LINES:])
        kept = [(at, text) for k, (at, text) in enumerate(lines)
                if not (k in margin and _is_chrome(text, index, running))]
        while kept and not kept[0][1].strip():
            kept.pop(0)
        while kept and not kept[-1][1].strip():
            kept.pop()
        body.extend((index, at, text) for at, text in kept)
    return body


def _is_chrome(line: str, index: int, running: set[str]) -> bool:
    """A margin line that is page chrome: a print stamp, a running header or footer, or this page's number."""
    if _PRINT_STAMP_RE.match(line) or _plain(line) in running or any(k in running for k in _running_keys(line, index)):
        return True
    numbers = _DIGITS_RE.findall(line)
    return bool(_PAGE_NUMBER_RE.match(line)) and int(numbers[0]) == index + 1


def _plain(line: str) -> str:
    return " ".join(line.split()).lower()


def _running_keys(line: str, index: int) -> list[str]:
    """A margin line with one of its numbers made alike across pages ("Page 2 of 6", "Page 3 of 6").

    A number counts the pages when it minus the page's index is the same on every page: each of the
    first three numbers is written as ``#`` and that difference (a journal numbers its pages from 1234),
    so the key of the number that counts the pages is the same on every page.
    """
    plain = _plain(line)
    numbers = list(_DIGITS_RE.finditer(plain))
    return [plain[:m.start()] + f"#{int(m.group()) - index}" + plain[m.end():] for m in numbers[:3]
            if len(m.group()) <= 5]


def _running_lines(split: list[list[tuple[int, str]]]) -> set[str]:
    """Margin lines repeated on enough pages (two or more): alike, or alike but for their page's number."""
    if len(split) < 2:
        return set()
    seen: Counter[str] = Counter()
    for index, lines in enumerate(split):
        filled = [text for _, text in lines if text.strip()]
        keys: set[str] = set()
        for text in filled[:MARGIN_LINES] + filled[-MARGIN_LINES:]:
            keys.add(_plain(text))
            keys.update(_running_keys(text, index))
        seen.update(keys)
    # A line alike on half the pages is running; one alike but for a number, on three in four pages (a
    # section's number can step with the pages for a while; a page number does on every page).
    least, numbered = max(2, (len(split) + 1) // 2), max(2, (3 * len(split) + 3) // 4)
    return {key for key, n in seen.items() if key and n >= (numbered if "#" in key else least)}


def _glue(previous: str, line: str, width: int) -> str | None:
    """What joins ``line`` to the line before it: "" (a word cut), " " (a line wrapped), None (a real line break)."""
    before, after = previous.rstrip(), line.strip()
    if not before.strip() or not after or width < MIN_WIDTH or _BULLET_RE.match(line):
        return None
    if before.endswith(_SOFT_HYPHEN):
        return ""
    first = after.split()[0]
    full = len(before) + 1 + len(first) > width
    if before.endswith("-") and len(before) >= width // 2 and before[-2:-1].isalpha() and after[0].isalnum():
        return ""  # a word cut at the margin, or a compound wrapped at its hyphen
    if full:
        return " "
    # Proportional type: a long line not ending a sentence, continued in lower case, was wrapped.
    if len(before) >= 0.8 * width and before[-1] not in _SENTENCE_END and after[0].islower():
        return " "
    return None


def _joined_words(lines: list[tuple[int, int, str]]) -> set[str]:
    """Every word of the text in lower case (to tell "treat-ment" from "placebo-controlled" at a line's end)."""
    return {w.lower() for _, _, text in lines for w in _WORD_RE.findall(text)}


def _hyphen_dropped(previous: str, line: str, attested: set[str]) -> bool:
    """True when the hyphen ending ``previous`` only cut a word: the text spells the word whole elsewhere."""
    head = _WORD_RE.findall(previous)
    tail = _WORD_RE.findall(line)
    if not head or not tail or not line.lstrip()[:1].islower():
        return False
    return (head[-1] + tail[0]).lower() in attested
