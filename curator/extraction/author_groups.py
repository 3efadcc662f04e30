"""Springer's "Authors and Affiliations": each affiliation, then the names of its authors ("Mehmet Yılmaz & Can
Öztürk"). The names are the article's authors, but grouped, not in the by-line's order, and the affiliations
between them are no names: the by-line under the title is read first, these only without one."""

from __future__ import annotations

from typing import Any

from curator.extraction.authors import AUTHOR_ITEM_RE, split_authors
from curator.extraction.byline import ORGANISATION_RE
from curator.extraction.labels import norm_label
from curator.extraction.layout import Document
from curator.extraction.values import Spans


def grouped_by_affiliation(doc: Document, hit: Any) -> bool:
    """True for an "Authors and Affiliations" heading (its names grouped under their affiliations)."""
    return hit.value is None and norm_label(doc.lines[hit.line].text) == "authors and affiliations"


def grouped_authors(doc: Document, hits: list[Any]) -> tuple[list[str], Spans]:
    """The names under such headings, in their order, without the affiliation lines between them."""
    return authors_under(doc, hits, skip_organisations=True)


def authors_under(doc: Document, hits: list[Any], *, skip_organisations: bool = False) -> tuple[list[str], Spans]:
    """The names under the first of ``hits`` (author labels) that has any, in their order."""
    authors: list[str] = []
    spans: Spans = []
    for hit in hits:
        for para in doc.paragraphs(hit)[:3]:
            for line in para[:60]:
                if (skip_organisations or "," not in line.text and line.text.count(" ") <= 6) \
                        and ORGANISATION_RE.search(line.text):
                    continue  # (an affiliation of its own under each name: "Uppsala University")
                for name in split_authors(line.text):
                    if AUTHOR_ITEM_RE.match(name) and name not in authors:
                        authors.append(name)
                        spans.append([line.start, line.end])
        if authors:
            break
    return authors, spans
