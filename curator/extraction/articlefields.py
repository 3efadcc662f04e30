"""Titles, abstract and the bibliographic fields of articles (authors, journal, year)."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.abstract_lines import abstract_lines
from curator.extraction.author_groups import authors_under, grouped_authors, grouped_by_affiliation
from curator.extraction.authors import author_line
from curator.extraction.byline import byline_below, listed_byline
from curator.extraction.citations import parse_citation
from curator.extraction.comma_citation import comma_citation
from curator.extraction.layout import Document
from curator.extraction.masthead import crumb_journal, masthead
from curator.extraction.normalise import parse_date
from curator.extraction.scanned import OWN
from curator.extraction.sourcelines import journal_value, source_lines
from curator.extraction.textutil import (
    Line,
    has_foreign,
    has_year,
    is_chrome,
    is_foreign,
    is_site_helper,
    strip_foreign,
)
from curator.extraction.values import put

# "Ann Rheum Dis. 2003 Jul;62(7):671-3." — the PubMed citation line.
CITATION_RE = re.compile(
    r"^(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s+[A-Za-z&()'\-]+){0,10}?)\.\s+(?P<y>(?:19|20)\d{2})"
    r"(?:\s+[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:.]"
)
# "... blocking interleukin-1. Nat Rev Drug Discov. 2012 Aug;11(8):633-52." inside a citation line.
_INLINE_CITATION_RE = re.compile(
    r"\.\s(?P<j>[A-ZÀ-ÖØ-Þ][A-Za-z&'\-]*(?:\s[A-Za-z&()'\-]+){0,8})\.\s(?P<y>(?:19|20)\d{2})(?:\s[A-ZÀ-ÖØ-Þ][a-z]{2}(?:\s\d{1,2})?)?;\s?\d"
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
# Oxford Academic: "Age and Ageing, Volume 50, Issue 3, May 2021, Pages 812–819".
_VOLUME_ISSUE_CITE_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&' ]{2,80}?),\s(?:Volume|Vol\.)\s?\d+,\s(?:Issue|No\.)\s?\d+,\s(?:\d{1,2}\s)?"
    r"(?:[A-Z][a-z]+\.?\s)?(?P<y>(?:19|20)\d{2})\b"
)
# "CMAJ April 08, 2024 196 (13) E442-E451", "Annals of Surgery 279(4):p 588-596, April 2024": the journal, its issue
# and the issue's date.
_ISSUE_DATE_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&' ]{1,80}?)\s(?:[A-Z][a-z]{2,8}\s\d{1,2},\s(?P<y>(?:19|20)\d{2})\s\d+\s?\(\d+\)\s?[A-Za-z]?\d"
    r"|\d+\s?\(\d+\):\s?(?:p{1,2}\.?\s?)?[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?,\s(?:[A-Z][a-z]{2,8}\.?\s)?(?P<y2>(?:19|20)\d{2})\b)"
)
# A "Cite this article as:" line's journal after the title: "... Title. F1000Research 2021, 10:455",
# "... Title. Cureus 13(4): e14578".
_CITE_AS_JOURNAL_RE = re.compile(r"[.\]]\s(?P<j>[A-Z][\w&' ]{1,60}?)\s(?:(?:19|20)\d{2},\s\d+:\d|\d+\(\d+\):\s?e?\d)")
# Springer / BMC: "Trials volume 23, Article number: 412 (2022)", "Diabetologia volume 64, pages 1–9 (2021)".
_VOLUME_ARTICLE_RE = re.compile(
    r"^(?P<j>[A-Z][A-Za-z.&' ]{1,80}?)\svolume\s\d+,\s(?:Article number|pages?)\b[^()]{0,40}\((?P<y>(?:19|20)\d{2})\)"
)
# Aggregators: "Journal of Affective Disorders 281 · December 2020", "Published in European Respiratory Journal
# 1 March 2021".
_AGGREGATOR_SOURCE_RE = re.compile(
    r"^(?:Article in\s|Published in\s)?(?P<j>[A-Z][A-Za-z.&' ]{2,80}?)\s(?:\d+(?:\(\d+\))?\s?[·•]\s)?"
    r"(?:\d{1,2}\s)?(?:[A-Z][a-z]+\s)?(?P<y>(?:19|20)\d{2})$"
)
# ResearchGate's date first: "March 2024 · International Urogynecology Journal 35(3):611-619".
_DATE_FIRST_SOURCE_RE = re.compile(
    r"^(?:\d{1,2}\s)?(?:[A-Z][a-z]+\s)?(?P<y>(?:19|20)\d{2})\s[·•]\s"
    r"(?!(?:Article|Preprint|Conference|Chapter|Thesis|Book|Full-text|Literature|Data|Poster|Research)\b)"
    r"(?P<j>[A-Z][A-Za-z.&' -]{2,80}?)(?:\s\d+(?:\([\d-]+\))?(?::\s?[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?)?)?$"
)
# "Source: NTR" on a registry's record: the register it came from, not a journal.
_REGISTER_NAME_RE = re.compile(r"^(?:NTR|NL-OMON|ISRCTN|ClinicalTrials\.gov|EU\s?CTR|CTIS|ANZCTR|ChiCTR|CTRI|DRKS|jRCT"
                               r"|UMIN(?:-CTR)?|ReBEC|RPCEC|CRiS|TCTR|PACTR|IRCT|LBCTR|SLCTR|(?:WHO\s)?ICTRP)$", re.I)
_PREPRINT_SERVER_RE = re.compile(r"\b(medRxiv|bioRxiv|Research Square|SSRN|arXiv|Preprints\.org)\b")
_PUBLISHED_RE = re.compile(r"\b(?:Published|Posted|Epub|First published)(?: online)?:?\s+([^\n|]{4,40})")
_ABSTRACT_SUBHEADS = frozenset(
    ["background", "methods", "results", "conclusions", "conclusion", "objective", "objectives", "aims", "purpose", "introduction", "design", "setting", "participants", "interventions", "measurements", "findings", "interpretation", "funding", "importance", "context", "trial", "registration", "main", "outcome", "measures", "patients", "and", "methods", "methods", "and", "results",
     # Multi-word headings (PLOS's "Methods and findings"): the abstract goes on past them.
     "methods and findings", "methods and results", "materials and methods", "trial registration",
     "main outcome measures", "main outcomes and measures"]
)
def usable_line(line: Line, doc: Document) -> bool:
    t = line.text
    return bool(t) and not doc.stop[line.idx] and doc.box[line.idx] == OWN and not is_chrome(t) \
        and not is_foreign(t) and not is_site_helper(t)


def article_fields(doc: Document, fields: dict[str, Any], title_line: Line | None) -> int:
    """Authors, journal and year; returns how many were found."""
    found = 0
    grouped = [h for h in doc.own_hits("authors") if grouped_by_affiliation(doc, h)]
    authors, spans = authors_under(doc, [h for h in doc.own_hits("authors") if h not in grouped])
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
    if not authors and grouped:
        authors, spans = grouped_authors(doc, grouped)
    if authors:
        put(fields, "authors", authors[:100], spans[:100])
        found += 1
    j = doc.first_scalar("journal")
    if j and len(j[2]) > 1 and len(j[1]) > 120:
        # "Material:" over the journal's name and lines of other details: the first line is the name.
        j = (j[0], doc.text[j[2][0][0]:j[2][0][1]], j[2][:1])
    if j:
        name = strip_foreign(j[1]).strip(" .")
        cite = _JOURNAL_YEAR_VOL_RE.match(name)
        short, year, _ = journal_value(name) if cite is None else (name, None, -1)
        raw = doc.text[j[2][0][0]:j[2][0][1]]
        if short != name and raw.startswith(short):
            name = short  # "Source: Pediatric Emergency Care. 38(2):e612-e617, 2022 Feb 01"
            at = raw.find(str(year)) if year is not None else -1
            if at > 0:
                put(fields, "year", year, [[j[2][0][0] + at, j[2][0][0] + at + 4]])
        if cite:
            # "Journal: Lancet Rheumatol. 2023;5(1):e10-e21": the name, and the year beside it.
            name = cite.group("j").strip(" .")
            put(fields, "year", int(cite.group("y")), j[2])
        if 2 < len(name) <= 200 and not _REGISTER_NAME_RE.match(name):
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
        if doc.box[line.idx] != OWN or len(line.text) > 600 or not has_year(line.text) or line.text.endswith("wrote:"):
            continue  # (a mail's "On Thu, 3 Dec 2026, 09:48 A <a@b.org> wrote:" is no journal line)
        m = _PAREN_YEAR_CITE_RE.search(line.text) or _JOURNAL_YEAR_VOL_RE.match(line.text) \
            or _VOLUME_ARTICLE_RE.match(line.text) or _aggregator_source(line.text) \
            or _VOLUME_ISSUE_CITE_RE.match(line.text) or _ISSUE_DATE_RE.match(line.text) or comma_citation(line.text)
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
            if fields["year"] is None or m.re is _VOLUME_ISSUE_CITE_RE:  # the issue's year, not the online date's
                y = "y" if m.re is not _ISSUE_DATE_RE or m.group("y") else "y2"
                put(fields, "year", int(m.group(y)), [[line.start + m.start(y), line.start + m.end(y)]])
                found += 1
    if fields["journal"] is None or fields["year"] is None:
        found += source_lines(doc, fields)
    for line in dated:
        if line.idx >= 40:
            break
        m = None
        t = line.text
        if doc.box[line.idx] == OWN and len(t) < 600:
            m = CITATION_RE.match(t) or _INLINE_CITATION_RE.search(t)
        if m:
            if fields["journal"] is None:
                put(fields, "journal", m.group("j"), [[line.start + m.start("j"), line.start + m.end("j")]])
                found += 1
            if fields["year"] is None:
                put(fields, "year", int(m.group("y")), [[line.start + m.start("y"), line.start + m.end("y")]])
                found += 1
            break
    if fields["journal"] is None:
        found += _cite_as_journal(doc, fields)
    if fields["journal"] is None:
        # The issue's year beside a masthead before the online-first date ("Published online: 27 Sep 2021").
        found += masthead(doc, fields, title_line) or crumb_journal(doc, fields)
    if fields["year"] is None:
        head = doc.text[:5000]
        has_word = "Published" in head or "Posted" in head or "Epub" in head or "First published" in head
        m3 = _PUBLISHED_RE.search(head) if has_word else None
        d = parse_date(m3.group(1)) if m3 else None
        if m3 and d:
            put(fields, "year", int(d[0][:4]), [[m3.start(1) + d[1], m3.start(1) + d[2]]])
            found += 1
    if fields["journal"] is None:
        head = doc.text[:3000]
        has_name = "Rxiv" in head or "arXiv" in head or "Research Square" in head or "SSRN" in head \
            or "Preprints.org" in head
        m2 = _PREPRINT_SERVER_RE.search(head) if has_name else None
        if m2:
            put(fields, "journal", m2.group(1), [[m2.start(), m2.end()]])
    return found


def _cite_as_journal(doc: Document, fields: dict[str, Any]) -> int:
    """The journal inside a "Cite this article as:" line, after the article's title."""
    head = doc.text[:6000]
    i = head.find("Cite this article as:")
    if i < 0:
        return 0
    end = head.find("\n", i)
    m = _CITE_AS_JOURNAL_RE.search(head, i, end if end > 0 else len(head))
    if m is None or m.group("j").lower().startswith(("the ", "a ", "an ")):
        return 0
    put(fields, "journal", m.group("j"), [[m.start("j"), m.end("j")]])
    return 1


def _aggregator_source(t: str) -> re.Match[str] | None:
    """An aggregator's source line: "Published in" a journal with a date, or a journal, volume, "·" and date."""
    if not (t.startswith(("Published in ", "Article in ")) or " · " in t or " • " in t) or len(t) > 140:
        return None
    return _AGGREGATOR_SOURCE_RE.match(t) or _DATE_FIRST_SOURCE_RE.match(t)


_EN_WORDS = frozenset(("the", "and", "of", "to", "in", "with", "is", "was", "for", "that", "this", "patients", "we",
                       "are", "were", "whether"))


def english(text: str) -> bool:
    # Lower-case only the words counted, not the whole summary.
    words = " ".join(text.split(None, 60)[:60]).lower().split()
    return sum(map(_EN_WORDS.__contains__, words)) >= max(1, len(words) // 12)


def _caps_heading(t: str) -> bool:
    """An all-capitals heading of a few words that is not one of an abstract's own sub-headings."""
    return len(t) <= 40 and t.isupper() and t.count(" ") <= 3 and t.lower().strip(" :") not in _ABSTRACT_SUBHEADS \
        and not any(w in _ABSTRACT_SUBHEADS for w in t.lower().split())


def latin_foreign(t: str) -> bool:
    """A line of five or more words with accented letters and no English function word (Turkish, Dutch ...)."""
    if t.isascii():
        return False
    words = t.lower().split()
    return len(words) >= 5 and not any(w.strip(".,;:") in _EN_WORDS for w in words)


def abstract(doc: Document, fields: dict[str, Any], fallback: bool) -> None:
    """The document's own summary: the first labelled English summary, without chrome and foreign text."""
    hits = doc.own_hits("abstract")
    order = hits
    if len(hits) > 1:
        # A page with a summary in its own language and one in English: the English one.
        texts = [" ".join(ln.text for p in doc.paragraphs(h)[:1] for ln in p) for h in hits]
        in_english = [english(t) for t in texts]
        order = [h for h, e in zip(hits, in_english, strict=True) if e] + [h for h, e in zip(hits, in_english, strict=True) if not e]
    for hit in order:
        paras: list[list[Line]] = []
        if hit.value is not None:
            paras = doc.paragraphs(hit)
        else:
            cur: list[Line] = []
            for line in abstract_lines(doc, hit):
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
                if (paras or cur) and (_caps_heading(t) or latin_foreign(t)):
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
            if len(line.text) >= 250 and usable_line(line, doc):
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
