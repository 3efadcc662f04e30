"""Titles, abstract and the bibliographic fields of articles (authors, journal, year)."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.authors import AUTHOR_ITEM_RE, author_line, split_authors
from curator.extraction.byline import byline_below, listed_byline
from curator.extraction.citations import parse_citation
from curator.extraction.layout import Document
from curator.extraction.masthead import masthead
from curator.extraction.normalise import normalise_phase, normalise_status, parse_date
from curator.extraction.scanned import OWN
from curator.extraction.textutil import (
    Line,
    clip,
    has_foreign,
    has_year,
    is_chrome,
    is_foreign,
    is_site_helper,
    strip_foreign,
)
from curator.extraction.values import Spans, put

# "Ann Rheum Dis. 2003 Jul;62(7):671-3." — the PubMed citation line.
_CITATION_RE = re.compile(
    r"^(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s+[A-Za-z&()'\-]+){0,10}?)\.\s+(?P<y>(?:19|20)\d{2})"
    r"(?:\s+[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:.]"
)
# "... blocking interleukin-1. Nat Rev Drug Discov. 2012 Aug;11(8):633-52." inside a citation line.
_INLINE_CITATION_RE = re.compile(
    r"\.\s(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s[A-Za-z&'\-]+){0,8})\.\s(?P<y>(?:19|20)\d{2})(?:\s[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s\d{1,2})?)?;\s?\d"
)
# "Berg H, ... (2021) Title. PLoS ONE 16(3): e0247890" and APA "... (2020). Title. Journal, 30(4), 612–623".
_PAREN_YEAR_CITE_RE = re.compile(
    r"\((?P<y>(?:19|20)\d{2})[a-z]?\)\.?\s(?P<t>[^()]{10,400}?[.?!])\s(?P<j>[A-Z][A-Za-z.&' ]{1,80}?),?\s\d+\s?\(\d+\)"
)
# "BMJ 2020; 371", "N Engl J Med 2021; 384:2187-2198", "J. Clin. Med. 2021, 10(5), 1023".
_JOURNAL_YEAR_VOL_RE = re.compile(
    r"^(?:Cite this (?:article )?as:\s*)?(?P<j>[A-Z][A-Za-z.&' ]{1,80}?\.?)\s(?P<y>(?:19|20)\d{2})\s?[;,]\s?\d"
)
# Europe PMC / Frontiers: "The Lancet Rheumatology, 08 Feb 2021, 3(3):e180-e189", "Front. Immunol., 12 March 2021".
_JOURNAL_DATE_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&' ]{2,80}?),\s\d{1,2}\s[A-Z][a-z]{2,8}\.?\s(?P<y>(?:19|20)\d{2})(?:,\s*\d|\s*$)"
)
# Springer / BMC: "Trials volume 23, Article number: 412 (2022)", "Diabetologia volume 64, pages 1–9 (2021)".
_VOLUME_ARTICLE_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&' ]{1,80}?)\svolume\s\d+,\s(?:Article number|pages?)\b[^()]{0,40}\((?P<y>(?:19|20)\d{2})\)"
)
_PREPRINT_SERVER_RE = re.compile(r"\b(medRxiv|bioRxiv|Research Square|SSRN|arXiv|Preprints\.org)\b")
_PUBLISHED_RE = re.compile(r"\b(?:Published|Posted|Epub|First published)(?: online)?:?\s+([^\n|]{4,40})")
_ABSTRACT_SUBHEADS = frozenset(
    ["background", "methods", "results", "conclusions", "conclusion", "objective", "objectives", "aims", "purpose", "introduction", "design", "setting", "participants", "interventions", "measurements", "findings", "interpretation", "funding", "importance", "context", "trial", "registration", "main", "outcome", "measures", "patients", "and", "methods", "methods", "and", "results"]
)
_NON_TITLE_RE = re.compile(r"^(?:(?:last updated|updated|posted|published|doi|pmid|nct\d|isrctn|review|article|abstract"
                           r"|(?:[^:\n]{1,20}:\s*)?this (?:study|trial) (?:has been|had been|was|is))\b"  # a status sentence
                           r"|[^:]{0,50}\b(?:number|code|no\.|id|identifier)\s*:)",  # "Protocol Code Number: X"
                           re.I)
# A phase badge pasted after the title ("... in Adults With Obesity Phase 3"): not the title's words.
_TRAILING_PHASE_RE = re.compile(r"(?<=[\w)])\s+(phase\s+(?:[1-4]|iv|i{1,3})(?:\s*/\s*(?:phase\s+)?(?:[1-4]|iv|i{1,3}))?)$",
                                re.I)


def _usable(line: Line, doc: Document) -> bool:
    t = line.text
    return bool(t) and not doc.stop[line.idx] and doc.box[line.idx] == OWN and not is_chrome(t) \
        and not is_foreign(t) and not is_site_helper(t)


def _trailing_phase(fields: dict[str, Any]) -> None:
    """A title ending in a pasted phase badge loses it; the badge gives the phase when nothing else did."""
    title = fields["title"]
    m = _TRAILING_PHASE_RE.search(title[-24:]) if "hase" in title[-24:] else None
    if m is None or len(title) - 24 + m.start() < 10:
        return
    start = max(0, len(title) - 24) + m.start()
    phase = normalise_phase(m.group(1))
    (s, e), = fields["evidence"]["title"][:1] or [(0, 0)]
    fields["title"] = title[:start]
    if e - s == len(title):
        fields["evidence"]["title"] = [[s, s + start]]
        if phase and fields["phase"] is None:
            put(fields, "phase", phase, [[s + start + m.start(1) - m.start(), e]])


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
        heading = _article_heading(doc)
        if heading is not None:
            put(fields, "title", clip(heading.text, 500), [[heading.start, heading.end]])
            title_line = heading
    if fields["title"] is None and guess:
        # A block of several lines before the first blank line, with more text after it, is
        # the site's header (name, menu, breadcrumb), not the record's heading.
        # A block holding the record's own labels ("Registration date", "Overall study status") is
        # the record's head, title included.
        skip_to = 0
        for line in doc.lines[:40]:
            if not line.text:
                labelled = sum(1 for h in doc.hits if h.line < line.idx and h.slot != "other") >= 2
                skip_to = line.idx if line.idx >= 2 and not labelled and any(
                    ln.text for ln in doc.lines[line.idx:]) else 0
                break
        fallback: Line | None = None
        valued = _labelled_values(doc)
        for line in doc.lines[skip_to:120]:
            t = line.text
            if not _usable(line, doc) or not 8 <= len(t) <= 400 or " " not in t.strip() or _is_menu(t) \
                    or line.idx in valued or _id_line(t):
                continue
            if _CITATION_RE.match(t) or _NON_TITLE_RE.match(t) or not re.search(r"[A-Za-z]{3}", t):
                continue
            if len(t) <= 40 and normalise_status(t) is not None and t.count(" ") <= 3:
                continue  # a status badge above the title ("Not yet recruiting")
            if _banner_or_notice(t):
                continue
            if fallback is not None and (t.endswith(".") or t.count(" ") > 25 or line.idx > fallback.idx + 12):
                break  # a sentence (or nothing) below the short heading: the heading was the record's
            if not _STUDY_WORDS_RE.search(t) and t.count(" ") <= 5:
                # "Research and Innovation": a section of the site over the record, unless no heading follows.
                fallback = fallback or line
                continue
            title_line = line
            break
        title_line = title_line or fallback
        if title_line is not None:
            put(fields, "title", clip(title_line.text, 500), [[title_line.start, title_line.end]])
    if fields["title"]:
        _trailing_phase(fields)
    if fields["title"] and fields["official_title"] and fields["title"].lower() == fields["official_title"].lower():
        fields["official_title"] = None
        fields["evidence"].pop("official_title", None)
    return title_line


_ID_LINE_RE = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR\d|DRKS\d|CTRI/|KCT\d{7}|TCTR\d|RBR-|RPCEC\d)")


def _id_line(t: str) -> bool:
    """A short line naming a registry number ("ClinicalTrials.gov ID NCT04311112"): the record's number, no title."""
    return t.count(" ") <= 5 and _ID_LINE_RE.search(t) is not None


def _labelled_values(doc: Document) -> set[int]:
    """Lines under a heading label of another field than the title ("Brief Summary" over its first sentence)."""
    return {doc.lines[h.line + 1].idx for h in doc.hits if h.value is None and h.line < 120 and h.slot not in
            ("title", "other") and h.line + 1 < len(doc.lines)}


_STUDY_WORDS_RE = re.compile(r"\b(?:trial|study|versus|vs|effect|effects|efficacy|randomi[sz]ed|cohort|patients|among"
                             r"|in|of|for|with)\b", re.I)
_MENU_GAP_RE = re.compile(r"\s{3,}|\t")


_NOTICE_RE = re.compile(r"[a-z]\.\s+[A-Z].*\.$")


def _banner_or_notice(t: str) -> bool:
    """A section banner in capitals ("TRIALS TRACKER") or a site notice of two sentences or more ("Visiting
    restrictions are in place. Read the latest guidance."): not the record's heading."""
    if t.count(" ") <= 3 and t.isupper():
        return True
    return t.endswith(".") and len(t) <= 200 and _NOTICE_RE.search(t) is not None and not any(map(str.isdigit, t))


def _is_menu(t: str) -> bool:
    """A row of short links set apart by wide gaps ("Search   Advanced search   About   Contact")."""
    if "   " not in t and "\t" not in t:
        return False
    parts = _MENU_GAP_RE.split(t.strip())
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def _article_heading(doc: Document) -> Line | None:
    """A publisher page's article title: the first sentence-like heading with a by-line under it."""
    limit = 150
    heads = doc.own_hits("abstract")
    for n, hit in enumerate(heads):
        t = doc.lines[hit.line].text
        if hit.value is None and any(doc.lines[h.line].text == t for h in heads[n + 1:]):
            continue  # a tab ("Abstract" in a row of tabs), repeated over the abstract itself
        limit = min(limit, hit.line)
        break
    for line in doc.lines[:limit]:
        t = line.text
        if not 20 <= len(t) <= 400 or t.count(" ") < 4 or not _usable(line, doc) or " | " in t:
            continue
        if "http" in t or "doi" in t.lower() or _CITATION_RE.match(t) or _NON_TITLE_RE.match(t):
            continue
        # Mostly capitals: a banner, not a title (counted with C-level map/filter, not a generator).
        if sum(map(str.isupper, filter(str.isalpha, t))) > 0.6 * sum(map(str.isalpha, t)):
            continue
        if not _STUDY_WORDS_RE.search(t):
            continue
        if author_line(t):
            continue
        if byline_below(doc, line) is not None:
            return _english_twin(doc, line)
    return None


def _english_twin(doc: Document, line: Line) -> Line:
    """The English title printed under a title in another Latin-script language (SciELO), else the title."""
    if not _latin_foreign(line.text):
        return line
    nxt = doc._next_nonblank(line.idx)
    t = nxt.text if nxt is not None else ""
    if nxt is not None and 20 <= len(t) <= 400 and _usable(nxt, doc) and not _latin_foreign(t) and _english(t) \
            and not author_line(t):
        return nxt
    return line


def article_fields(doc: Document, fields: dict[str, Any], title_line: Line | None) -> int:
    """Authors, journal and year; returns how many were found."""
    found = 0
    authors: list[str] = []
    spans: Spans = []
    for hit in doc.own_hits("authors"):
        for para in doc.paragraphs(hit)[:3]:
            for line in para[:60]:
                for name in split_authors(line.text):
                    if AUTHOR_ITEM_RE.match(name) and name not in authors:
                        authors.append(name)
                        spans.append([line.start, line.end])
        if authors:
            break
    cited = parse_citation(title_line.text) if title_line is not None else None
    if cited and title_line is not None:
        # The "title" line is a whole citation: its title and authors are inside it.
        s, e = title_line.start + cited[1][0], title_line.start + cited[1][1]
        fields["title"] = doc.text[s:e]
        fields["evidence"]["title"] = [[s, e]]
        if not authors:
            authors = [n for n, _, _ in cited[0]]
            spans = [[title_line.start + a, title_line.start + b] for _, a, b in cited[0]]
    if not authors and title_line is not None:
        # PubMed and publisher pages put the author line right under the title.
        below = byline_below(doc, title_line)
        byline = author_line(below.text) if below is not None else None
        if below is not None and byline:
            authors = byline
            spans = [[below.start, below.end]]
        elif below is not None:
            listed = listed_byline(doc, below)
            if listed:
                authors, spans = listed
    if authors:
        put(fields, "authors", authors[:100], spans[:100])
        found += 1
    j = doc.first_scalar("journal")
    if j:
        name = strip_foreign(j[1]).strip(" .")
        cite = _JOURNAL_YEAR_VOL_RE.match(name)
        if cite:
            # "Journal: Lancet Rheumatol. 2023;5(1):e10-e21": the name, and the year beside it.
            name = cite.group("j").strip(" .")
            put(fields, "year", int(cite.group("y")), j[2])
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
    has_doi = any(i.startswith("DOI:") for i in fields["ids"])
    # Every pattern below needs a year 19xx/20xx: visit only the lines that hold "19" or "20"
    # (the others would be skipped anyway).
    dated = doc.lines_holding(("19", "20"), 80)
    for line in dated:
        if fields["journal"] is not None and fields["year"] is not None:
            break
        if doc.box[line.idx] != OWN or len(line.text) > 600 or not has_year(line.text):
            continue
        m = _PAREN_YEAR_CITE_RE.search(line.text) or _JOURNAL_YEAR_VOL_RE.match(line.text) \
            or _VOLUME_ARTICLE_RE.match(line.text)
        if m is None and has_doi:
            m = _JOURNAL_DATE_RE.match(line.text)
        if m:
            if fields["journal"] is None:
                name = m.group("j").strip()
                if name.endswith(".") and "." not in name[:-1]:
                    name = name[:-1]  # "J Pain Res. 2021;14:1045": the citation's full stop is not the name's
                start = line.start + m.start("j")
                put(fields, "journal", name, [[start, start + len(name)]])
                found += 1
            if fields["year"] is None:
                put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
                found += 1
    for line in dated:
        if line.idx >= 40:
            break
        m = None
        t = line.text
        if doc.box[line.idx] == OWN and len(t) < 600:
            m = _CITATION_RE.match(t) or _INLINE_CITATION_RE.search(t)
        if m:
            if fields["journal"] is None:
                put(fields, "journal", m.group("j"), [[line.start + m.start("j"), line.start + m.end("j")]])
                found += 1
            if fields["year"] is None:
                put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
                found += 1
            break
    if fields["year"] is None:
        head = doc.text[:5000]
        has_word = "Published" in head or "Posted" in head or "Epub" in head or "First published" in head
        m3 = _PUBLISHED_RE.search(head) if has_word else None
        d = parse_date(m3.group(1)) if m3 else None
        if m3 and d:
            put(fields, "year", int(d[0][:4]), [[m3.start(1) + d[1], m3.start(1) + d[2]]])
            found += 1
    if fields["journal"] is None:
        found += masthead(doc, fields, title_line)
    if fields["journal"] is None:
        head = doc.text[:3000]
        has_name = "Rxiv" in head or "arXiv" in head or "Research Square" in head or "SSRN" in head \
            or "Preprints.org" in head
        m2 = _PREPRINT_SERVER_RE.search(head) if has_name else None
        if m2:
            put(fields, "journal", m2.group(1), [[m2.start(), m2.end()]])
    return found


_EN_WORDS = frozenset(("the", "and", "of", "to", "in", "with", "is", "was", "for", "that", "this", "patients", "we",
                       "are", "were", "whether"))


def _english(text: str) -> bool:
    # Lower-case only the words counted, not the whole summary.
    words = " ".join(text.split(None, 60)[:60]).lower().split()
    return sum(w in _EN_WORDS for w in words) >= max(1, len(words) // 12)


def _caps_heading(t: str) -> bool:
    """An all-capitals heading of a few words that is not one of an abstract's own sub-headings."""
    return len(t) <= 40 and t.isupper() and t.count(" ") <= 3 and t.lower().strip(" :") not in _ABSTRACT_SUBHEADS \
        and not any(w in _ABSTRACT_SUBHEADS for w in t.lower().split())


def _latin_foreign(t: str) -> bool:
    """A line of five or more words with accented letters and no English function word (Turkish, Dutch ...)."""
    if t.isascii():
        return False
    words = t.lower().split()
    return len(words) >= 5 and not any(w.strip(".,;:") in _EN_WORDS for w in words)


def abstract(doc: Document, fields: dict[str, Any], fallback: bool) -> None:
    """The document's own summary: the first labelled English summary, without chrome and foreign text."""
    hits = doc.own_hits("abstract")
    texts = [" ".join(ln.text for p in doc.paragraphs(h)[:1] for ln in p) for h in hits]
    # A page with a summary in its own language and one in English: the English one.
    english = [_english(t) for t in texts]
    order = [h for h, e in zip(hits, english, strict=True) if e] + [h for h, e in zip(hits, english, strict=True) if not e]
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
                if (paras or cur) and (_caps_heading(t) or _latin_foreign(t)):
                    break  # "QUICK TAKE", or the keywords in the page's own language: the abstract is over
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


def own_doi_first(fields: dict[str, Any]) -> None:
    """An article's own DOI leads its ids (its registration numbers may be printed above it)."""
    ids = fields["ids"]
    k = next((n for n, i in enumerate(ids) if i.startswith("DOI:")), 0)
    if k:
        ids.insert(0, ids.pop(k))
        spans = fields["evidence"].get("ids")
        if spans and len(spans) == len(ids):
            spans.insert(0, spans.pop(k))
