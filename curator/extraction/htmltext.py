"""HTML to visible plain text with the line structure the field extractors rely on."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Content of these elements is never shown to a reader.
_HIDDEN = frozenset({"script", "style", "head", "noscript", "svg", "template", "title", "iframe", "object"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "tfoot", "thead", "ul", "option", "label",
    }
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"})
_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TAG_HINT_RE = re.compile(r"<(?:p|div|br|table|tr|td|a|span|li|ul|body|head|meta|h[1-6]|section|article)\b", re.I)


# Highwire ``citation_*`` meta tags and the labels they are written under, above the page's text.
_CITATION_META = {
    "citation_title": "Title", "citation_author": "Authors", "citation_journal_title": "Journal",
    "citation_publication_date": "Publication date", "citation_date": "Publication date",
    "citation_online_date": "Publication date", "citation_doi": "DOI", "citation_pmid": "PMID",
}
_META_DATE_RE = re.compile(r"^(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?$")


def _meta_lines(meta: dict[str, list[str]]) -> str:
    """The page's citation metadata as labelled lines, in the order a citation reads."""
    out = []
    for label in ("Title", "Authors", "Journal", "Publication date", "DOI", "PMID"):
        values = meta.get(label)
        if not values:
            continue
        value = "; ".join(values) if label == "Authors" else values[0]
        m = _META_DATE_RE.match(value) if label == "Publication date" else None
        if m:
            value = "-".join([m.group(1), m.group(2).zfill(2)] + ([m.group(3).zfill(2)] if m.group(3) else []))
        out.append(f"{label}: {value}")
    return "\n".join(out) + "\n\n" if out else ""


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.pre = 0
        # Stack of open table rows; each is a list of cells, each cell a list of strings.
        self.rows: list[list[list[str]]] = []
        self.in_cell: list[bool] = []
        self.meta: dict[str, list[str]] = {}
        self.after_term = False  # a </dt> was the last tag: its <dd> goes on the same line

    # -- output helpers -------------------------------------------------------------
    def _emit(self, s: str) -> None:
        if self.rows and self.in_cell and self.in_cell[-1]:
            self.rows[-1][-1].append(s)
        else:
            self.out.append(s)

    def _newline(self) -> None:
        if self.rows and self.in_cell and self.in_cell[-1]:
            self.rows[-1][-1].append(" ")
        else:
            self.out.append("\n")

    # -- parser callbacks -----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(attrs)
            return
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "pre":
            self.pre += 1
        if tag == "tr":
            self.rows.append([])
            self.in_cell.append(False)
        elif tag in ("td", "th") and self.rows:
            self.rows[-1].append([])
            self.in_cell[-1] = True
        elif tag == "li":
            self._newline()
            self._emit("  • ")
        elif tag == "dd" and self.after_term:
            while self.out and self.out[-1] and not self.out[-1].strip(" "):
                self.out.pop()  # the blank between </dt> and <dd>
            self._emit(": ")  # <dt>Status</dt><dd>Completed</dd>: one "Label: value" line
        elif tag in _BLOCK or tag == "br" or tag == "table":
            self._newline()

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        """Keep a publisher's ``citation_*`` metadata (Highwire tags, which Google Scholar reads)."""
        got = dict(attrs)
        name, content = (got.get("name") or "").strip().lower(), _SPACE_RE.sub(" ", got.get("content") or "").strip()
        if content and name in _CITATION_META:
            self.meta.setdefault(_CITATION_META[name], []).append(content)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(attrs)
            return
        if self.hidden:
            return
        if tag in ("br", "hr"):
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if self.hidden:
            return
        self.after_term = tag == "dt"
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in ("td", "th") and self.rows:
            self.in_cell[-1] = False
        elif tag == "tr" and self.rows:
            cells = ["".join(c) for c in self.rows.pop()]
            self.in_cell.pop()
            cells = [_SPACE_RE.sub(" ", c).strip() for c in cells]
            cells = [c for c in cells if c]
            if len(cells) > 1:
                self._emit("\n" + " | ".join(cells) + " |\n")
            elif cells:
                self._emit("\n" + cells[0] + "\n")
        elif tag in _BLOCK and tag != "dt":
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if data.strip():
            self.after_term = False
        if not self.pre:
            data = _SPACE_RE.sub(" ", data.replace("\n", " "))
        self._emit(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page as plain text.

    Scripts, styles, the head, noscript, svg and template content are dropped; block
    elements start new lines; list items become ``  • item`` lines; table rows become
    ``Label | value |`` lines; entities are decoded. A publisher's ``citation_*`` meta tags
    (title, authors, journal, date, DOI, PMID) come first, as ``Label: value`` lines.
    """
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but never let a page crash import
        pass
    # Flush rows left open by malformed tables.
    while parser.rows:
        cells = [_SPACE_RE.sub(" ", "".join(c)).strip() for c in parser.rows.pop()]
        parser.out.append("\n" + " | ".join(c for c in cells if c) + "\n")
    text = _meta_lines(parser.meta) + "".join(parser.out)
    lines = [_SPACE_RE.sub(" ", line).strip() if not line.startswith("  • ") else "  • " + line[4:].strip()
             for line in text.split("\n")]
    text = "\n".join(line if line.strip() not in ("•",) else "" for line in lines)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip("\n") + "\n" if text.strip() else ""


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:20000].lower():
        return True
    if head.startswith(("<!doctype html", "<html")):
        return True
    return len(_TAG_HINT_RE.findall(text[:20000])) >= 3
