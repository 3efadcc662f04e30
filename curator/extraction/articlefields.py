"""Titles, abstract and the bibliographic fields of articles (authors, journal, year)."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import OWN, Document
from curator.extraction.normalise import parse_date
from curator.extraction.textutil import (
    Line,
    clip,
    has_foreign,
    is_chrome,
    is_foreign,
    is_site_helper,
    strip_foreign,
)
from curator.extraction.trialfields import Spans, put

# "Ann Rheum Dis. 2003 Jul;62(7):671-3." — the PubMed citation line.
_CITATION_RE = re.compile(
    r"^(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s+[A-Za-z&()'\-]+){0,10}?)\.\s+(?P<y>(?:19|20)\d{2})"
    r"(?:\s+[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:.]"
)
_PARTICLE = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]el|[Dd]os|[Ll]e|[Ll]a)\s)*"
_AUTHOR_ITEM_RE = re.compile(
    r"^(?:" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'\-]+){0,2}\s[A-Z]{1,3}"  # Rau R, van der Berg JA
    r"|[A-ZÀ-ÖØ-Þ][\w'\-]+(?:\s[A-ZÀ-ÖØ-Þ]\.?){0,2}\s" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+"  # Rudolf Rau, Giacomo De Luca
    r"|[A-ZÀ-ÖØ-Þ]\.?(?:\s?[A-ZÀ-ÖØ-Þ]\.?)?\s" + _PARTICLE + r"[A-ZÀ-ÖØ-Þ][\w'\-]+)$"  # R Rau, H de Koning
)
# "... blocking interleukin-1. Nat Rev Drug Discov. 2012 Aug;11(8):633-52." inside a citation line.
_INLINE_CITATION_RE = re.compile(
    r"\.\s(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s[A-Za-z&'\-]+){0,8})\.\s(?P<y>(?:19|20)\d{2})(?:\s[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s\d{1,2})?)?;\s?\d"
)
_PUBLISHED_RE = re.compile(r"\b(?:Published|Posted|Epub|First published)(?: online)?:?\s+([^\n|]{4,40})")
_AUTHOR_MARKS_RE = re.compile(r"[\d*†‡§,]+$|\s*\(\d+(?:,\s*\d+)*\)$")
_ABSTRACT_SUBHEADS = frozenset(
    ["background", "methods", "results", "conclusions", "conclusion", "objective", "objectives", "aims", "purpose", "introduction", "design", "setting", "participants", "interventions", "measurements", "findings", "interpretation", "funding", "importance", "context", "trial", "registration", "main", "outcome", "measures", "patients", "and", "methods", "methods", "and", "results"]
)
_NON_TITLE_RE = re.compile(r"^(?:last updated|updated|posted|published|doi|pmid|nct\d|isrctn|review|article|abstract)\b",
                           re.I)


def _usable(line: Line, doc: Document) -> bool:
    t = line.text
    return bool(t) and not doc.stop[line.idx] and doc.box[line.idx] == OWN and not is_chrome(t) \
        and not is_foreign(t) and not is_site_helper(t)


def title_fields(doc: Document, fields: dict[str, Any], guess: bool) -> Line | None:
    """Title and official title: from labels, else (when ``guess``) the first heading-like line."""
    title_line: Line | None = None
    got = doc.first_scalar("title")
    if got:
        put(fields, "title", clip(strip_foreign(got[1]), 500), got[2])
    off = doc.first_scalar("official_title")
    if off:
        value = clip(strip_foreign(off[1]), 800)
        if fields["title"] is None and not guess:
            put(fields, "title", value, off[2])
        elif (fields["title"] or "").lower() != value.lower():
            put(fields, "official_title", value, off[2])
    if fields["title"] is None and guess:
        # A block of several lines before the first blank line, with more text after it, is
        # the site's header (name, menu, breadcrumb), not the record's heading.
        skip_to = 0
        for line in doc.lines[:40]:
            if not line.text:
                skip_to = line.idx if line.idx >= 2 and any(ln.text for ln in doc.lines[line.idx:]) else 0
                break
        for line in doc.lines[skip_to:120]:
            t = line.text
            if not _usable(line, doc) or not 8 <= len(t) <= 400 or " " not in t.strip():
                continue
            if _CITATION_RE.match(t) or _NON_TITLE_RE.match(t) or not re.search(r"[A-Za-z]{3}", t):
                continue
            put(fields, "title", clip(t, 500), [[line.start, line.end]])
            title_line = line
            break
    if fields["title"] and fields["official_title"] and fields["title"].lower() == fields["official_title"].lower():
        fields["official_title"] = None
        fields["evidence"].pop("official_title", None)
    return title_line


def _split_authors(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", text.strip().rstrip("."))
    return [_AUTHOR_MARKS_RE.sub("", p).strip() for p in parts if p.strip()]


def article_fields(doc: Document, fields: dict[str, Any], title_line: Line | None) -> int:
    """Authors, journal and year; returns how many were found."""
    found = 0
    authors: list[str] = []
    spans: Spans = []
    for hit in doc.own_hits("authors"):
        for para in doc.paragraphs(hit)[:3]:
            for line in para[:60]:
                for name in _split_authors(line.text):
                    if _AUTHOR_ITEM_RE.match(name) and name not in authors:
                        authors.append(name)
                        spans.append([line.start, line.end])
        if authors:
            break
    if not authors and title_line is not None:
        # PubMed and publisher pages put the author line right under the title.
        for line in doc.lines[title_line.idx + 1: title_line.idx + 5]:
            if not line.text:
                continue
            names = _split_authors(line.text)
            if len(names) >= 2 and all(_AUTHOR_ITEM_RE.match(n) for n in names):
                authors = names
                spans = [[line.start, line.end]]
                break
    if authors:
        put(fields, "authors", authors[:100], spans[:100])
        found += 1
    j = doc.first_scalar("journal")
    if j:
        name = strip_foreign(j[1]).strip(" .")
        if 2 < len(name) <= 200:
            put(fields, "journal", name, j[2])
            found += 1
    for slot in ("year", "pub_date"):
        got = doc.first_scalar(slot)
        d = parse_date(got[1]) if got else None
        if got and d:
            put(fields, "year", int(d[0][:4]), got[2])
            found += 1
            break
    for line in doc.lines[:40]:
        m = None
        if doc.box[line.idx] == OWN and len(line.text) < 600:
            m = _CITATION_RE.match(line.text) or _INLINE_CITATION_RE.search(line.text)
        if m:
            if fields["journal"] is None:
                put(fields, "journal", m.group("j"), [[line.start + m.start("j"), line.start + m.end("j")]])
                found += 1
            if fields["year"] is None:
                put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
                found += 1
            break
    if fields["year"] is None:
        m3 = _PUBLISHED_RE.search(doc.text[:5000])
        d = parse_date(m3.group(1)) if m3 else None
        if m3 and d:
            put(fields, "year", int(d[0][:4]), [[m3.start(1) + d[1], m3.start(1) + d[2]]])
            found += 1
    if fields["journal"] is None:
        m2 = re.search(r"\b(medRxiv|bioRxiv|Research Square|SSRN|arXiv|Preprints\.org)\b", doc.text[:3000])
        if m2:
            put(fields, "journal", m2.group(1), [[m2.start(), m2.end()]])
    return found


_EN_WORDS = frozenset(("the", "and", "of", "to", "in", "with", "is", "was", "for", "that", "this", "patients", "we",
                       "are", "were", "whether"))


def _english(text: str) -> bool:
    words = text.lower().split()[:60]
    return sum(w in _EN_WORDS for w in words) >= max(1, len(words) // 12)


def abstract(doc: Document, fields: dict[str, Any], fallback: bool) -> None:
    """The document's own summary: the first labelled English summary, without chrome and foreign text."""
    hits = doc.own_hits("abstract")
    texts = [" ".join(ln.text for p in doc.paragraphs(h)[:1] for ln in p) for h in hits]
    # A page with a summary in its own language and one in English: the English one.
    order = [h for h, t in zip(hits, texts, strict=True) if _english(t)] + \
        [h for h, t in zip(hits, texts, strict=True) if not _english(t)]
    for hit in order:
        paras: list[list[Line]] = []
        if hit.value is not None:
            paras = doc.paragraphs(hit)
        else:
            cur: list[Line] = []
            for line in doc.value_lines(hit):
                t = line.text
                if not t:
                    if cur:
                        paras.append(cur)
                        cur = []
                    continue
                if is_foreign(t):
                    if paras or cur:
                        break  # the site's own text in another language follows the abstract
                    continue
                if is_chrome(t):
                    if paras or cur:
                        break
                    continue
                short = len(t) <= 60 and t.count(" ") <= 7 and t[-1:] not in ".,;:)"
                if short and not cur and paras and t.lower().strip(" :") not in _ABSTRACT_SUBHEADS:
                    break  # an unlabelled heading: the next section starts
                cur.append(line)
            if cur:
                paras.append(cur)
            if paras and len(paras[0]) == 1 and is_site_helper(paras[0][0].text):
                paras = paras[1:]
        paras = [[ln for ln in p if not has_foreign(ln.text) or not is_foreign(ln.text)] for p in paras]
        paras = [p for p in paras if p]
        if not paras:
            continue
        text = "\n\n".join("\n".join(ln.text for ln in p) for p in paras)
        if len(text) < 20:
            continue
        put(fields, "abstract", text, [[ln.start, ln.end] for p in paras for ln in p])
        return
    if fallback:
        for line in doc.lines[:400]:
            if len(line.text) >= 250 and _usable(line, doc):
                put(fields, "abstract", line.text, [[line.start, line.end]])
                return
