"""A publisher page's masthead: the journal named on a line of its own above the article's title, and the year of
the issue or date line beside it."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.scanned import OWN
from curator.extraction.textutil import Line, is_chrome
from curator.extraction.values import put

# A journal's name as a publisher page prints it above the article ("JAMA Pediatrics", "British Journal of
# Dermatology"): title-case words, one of them a word journals are named with.
_MASTHEAD_RE = re.compile(
    r"^(?:The\s+)?(?:(?:[A-Z][\w\-]*,?|of|and|the|in|for|&)\s+){0,7}?"
    r"(?:[A-Z][\w\-]*\s+)?(?:Journal|Lancet|JAMA|BMJ|Annals|Archives|Medicine|Pediatrics|Oncology|Cardiology"
    r"|Neurology|Psychiatry|Dermatology|Rheumatology|Gastroenterology|Surgery|Diabetes|Trials|Reports|Research"
    r"|Therapeutics|Anesthesiology|Anaesthesia|Endocrinology|Nephrology|Pharmacology|Psychology|Health|Science)"
    r",?(?:\s+(?:(?:[A-Z][\w\-]*,?|of|and|the|in|for|&)))*$"
)
_NOT_MASTHEAD_RE = re.compile(r"\b(?:Authority|Library|Service|Registry|Register|Database|Network|Institutes?"
                              r"|University|Council|Foundation|Centre|Center|Online|Search|Home|Department|Agency|Server|Preprints?)\b")
# An article-type badge that names no journal ("Research Report", "Journal Article", "Original Paper").
_TYPE_BADGE_RE = re.compile(r"\b(?:Article|Report|Paper|Letter|Communication)$|^(?:Original|Clinical)\s+(?:Research|Investigation)$")
# A breadcrumb down to an issue ("Home > Journals > Psychological Medicine > Volume 52 Issue 14"): the journal is
# the step before the issue.
_CRUMB_SPLIT_RE = re.compile(r"\s[>›»/]\s")
_CRUMB_STEP_RE = re.compile(r"\s[>›»/]\s|\s{3,}")
_CRUMB_ISSUE_RE = re.compile(r"^(?:Vol(?:ume)?\.?\s?\d+|List of Issues|All Issues|Issues?\b)")
_MASTHEAD_DATE_RE = re.compile(r"^(?:[A-Z][a-z]+ \d{1,2}, |\d{1,2} [A-Z][a-z]+ )((?:19|20)\d{2})$")
# A Latin-language journal named by its kind ("Revista médica de Chile", "Acta Ortopédica Brasileira").
_LATIN_MASTHEAD_RE = re.compile(r"^(?:Revista|Revue|Rivista|Acta|Zeitschrift|Archivos|Anales|Cadernos)\s[\w\s\-]{3,60}$")
# The issue line under a masthead ("Volume 318, 1 December 2022, Pages 211-219", "Vol. 21, No. 3 | May/June 2023",
# "Vol. 33 (2023) No. 2 p. 75-82", "Rev. méd. Chile vol.150 no.3 Santiago mar. 2022"): the issue's year.
_VOLUME_LINE_RE = re.compile(r"\b[Vv]ol(?:ume)?\.?\s?\d+\b.{0,50}?\b((?:19|20)\d{2})\b|^((?:19|20)\d{2})\s*年\s*\d+\s*巻")
# An issue line that starts with its year: "2021年 第41卷 第3期" (Chinese), "2019, Том 59, № 7" (Russian),
# "2020; Vol. 12 (3)".
_YEAR_ISSUE_RE = re.compile(r"^((?:19|20)\d{2})(?:\s*年\s*第?\s*\d+\s*[卷巻期]|[,;]?\s*(?:Том|Т\.|Vol\.?|Volume)\s*\d+)")
# A masthead in the page's own script with the journal's Latin name ("中国针灸 Chinese Acupuncture & Moxibustion",
# "Кардиология / Kardiologiia"): the Latin name, a few title-case words.
_LATIN_NAME_RE = re.compile(r"(?:^|\s|/)\s*([A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|and|&|the|in)){0,6})\s*$")
# An article-type badge under a one-word masthead ("Nutrients" over "Open Access Article").
_BADGE_RE = re.compile(r"^(?:Open Access\s*)?(?:(?:Original|Research|Review)\s+)?(?:Article|Open Access)$")


def masthead(doc: Document, fields: dict[str, Any], title_line: Line | None) -> int:
    """The journal named on a line of its own above the title (a publisher page without a citation line), and
    the year of a date line of its own between them."""
    if title_line is None or not doc.own_hits("abstract") or any(
            fields[k] for k in ("status", "phase", "study_type", "enrollment", "sponsor")):
        return 0
    found = _named_over_issue_or_badge(doc, fields, title_line)
    for line in doc.lines[:min(title_line.idx, 25)]:
        t = line.text
        if not t or len(t) > 80 or doc.box[line.idx] != OWN or is_chrome(t):
            continue
        if fields["journal"] is not None and fields["year"] is None and ("ol" in t or "巻" in t):
            m = _VOLUME_LINE_RE.search(t)
            if m:
                g = 1 if m.group(1) else 2  # "Vol. 33 (2023)" or J-STAGE's "2022 年 34 巻"
                put(fields, "year", int(m.group(g)), [[line.start + m.start(g), line.start + m.end(g)]])
                found += 1
                continue
        if len(t) > 60 or "|" in t or "   " in t:  # (a row of links: "Reviews   Trials   About")
            continue
        # "THE LANCET": a masthead set in capitals, named as the journal writes itself.
        name = t.title() if t.isupper() and len(t) >= 4 else t
        if fields["journal"] is None and (_MASTHEAD_RE.match(name) or _LATIN_MASTHEAD_RE.match(name)) \
                and not _NOT_MASTHEAD_RE.search(name) and not _TYPE_BADGE_RE.search(name):
            put(fields, "journal", name, [[line.start, line.end]])
            found += 1
        elif fields["journal"] is not None and fields["year"] is None:
            m = _MASTHEAD_DATE_RE.match(t)
            if m:
                put(fields, "year", int(m.group(1)), [[line.start + m.start(1), line.start + m.end(1)]])
                found += 1
    return found


def _named_over_issue_or_badge(doc: Document, fields: dict[str, Any], title_line: Line) -> int:
    """A masthead known by what is under it: an issue line that starts with its year (the masthead's Latin name
    and that year), or an article-type badge under one capitalised word ("Nutrients" over "Open Access Article")."""
    lines = [ln for ln in doc.lines[:min(title_line.idx, 25)]
             if ln.text and doc.box[ln.idx] == OWN and not is_chrome(ln.text)]
    for above, line in zip(lines, lines[1:], strict=False):
        t, name = line.text, above.text
        cells = name.split("   ", 1)
        if len(cells) == 2 and cells[1].lstrip().startswith(("Journal of", "The Journal of", "Official Journal")) \
                and cells[0].isalpha() and cells[0][:1].isupper() and t.startswith(("Volume", "Vol.")):
            # Wiley's "Anaesthesia   Journal of the Association of Anaesthetists" over its issue line: the name, not
            # its subtitle.
            put(fields, "journal", cells[0], [[above.start, above.start + len(cells[0])]])
            return 1
        if len(name) > 60 or is_chrome(name) or _NOT_MASTHEAD_RE.search(name):
            continue
        issue = _YEAR_ISSUE_RE.match(t) if t[:2] in ("19", "20") else None
        if issue and not name.isascii():
            m = _LATIN_NAME_RE.search(name)
            if m and len(m.group(1)) >= 4:
                put(fields, "journal", m.group(1), [[above.start + m.start(1), above.start + m.end(1)]])
                put(fields, "year", int(issue.group(1)), [[line.start, line.start + 4]])
                return 2
        if _masthead_words(name) and (t.startswith("Impact Factor") or _VOLUME_LINE_RE.match(t)):
            # A journal's name over its issue line ("Volume 38, 2022 - Issue 9") or its impact factor.
            put(fields, "journal", name, [[above.start, above.end]])
            m = _VOLUME_LINE_RE.match(t)
            if m and m.group(1):  # the issue's year, not the online-first date's
                put(fields, "year", int(m.group(1)), [[line.start + m.start(1), line.start + m.end(1)]])
            return 1
        if _BADGE_RE.match(t) and name.isalpha() and name[:1].isupper() and name[1:].islower() and len(name) >= 4:
            put(fields, "journal", name, [[above.start, above.end]])
            return 1
    return 0


def _masthead_words(name: str) -> bool:
    """Two to eight title-case words (small joining words allowed), no digits, no sentence."""
    words = name.split()
    return 2 <= len(words) <= 8 and name[:1].isupper() and not any(c.isdigit() for c in name) \
        and all(w[:1].isupper() or w in ("of", "and", "the", "in", "for", "&") for w in words) \
        and not _TYPE_BADGE_RE.search(name)


def crumb_journal(doc: Document, fields: dict[str, Any]) -> int:
    """The journal named by a breadcrumb down to an issue, on a page without a masthead or citation line."""
    for line in doc.lines_holding(("Home",), 30):
        t = line.text
        if t.startswith("Home") and t.endswith("Article") and len(t) <= 120:
            # Springer's "Home   Obesity Surgery   Article": the journal is the step before the article.
            steps = _CRUMB_STEP_RE.split(t)
            name = steps[-2].strip() if len(steps) >= 3 else ""
            if _masthead_words(name) and doc.box[line.idx] == OWN:
                i = t.find(name)
                put(fields, "journal", name, [[line.start + i, line.start + i + len(name)]])
                return 1
    for line in doc.lines[:30]:
        t = line.text
        if not ("Vol" in t or "Issue" in t) or len(t) > 200:
            continue
        steps = _CRUMB_SPLIT_RE.split(t)
        k = next((i for i, s in enumerate(steps) if i >= 1 and _CRUMB_ISSUE_RE.match(s.strip())), 0)
        if k and _masthead_words(steps[k - 1].strip()) and steps[k - 1].strip() not in ("All Journals", "Back to Journals"):
            name = steps[k - 1].strip()
            i = t.find(name)
            put(fields, "journal", name, [[line.start + i, line.start + i + len(name)]])
            return 1
    return 0
