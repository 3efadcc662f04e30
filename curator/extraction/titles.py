"""The record's title and official title: from labels, else the page's heading, without site chrome.

A publisher's heading is the sentence-like line with a by-line under it; otherwise the first usable line that
is no menu, banner, notice, status badge, citation, registry number or value under another field's heading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from curator.extraction.articlefields import CITATION_RE, english, latin_foreign, usable_line
from curator.extraction.authors import author_line
from curator.extraction.byline import byline_below
from curator.extraction.layout import Document
from curator.extraction.mail_note import is_mail_note
from curator.extraction.meeting_abstract import meeting_title
from curator.extraction.normalise import normalise_phase, normalise_status
from curator.extraction.number_heading import heading_under_number
from curator.extraction.result_number import without_result_number
from curator.extraction.scanned import OWN
from curator.extraction.status_badge import badge_cell
from curator.extraction.textutil import Line, clip, is_chrome, is_foreign, mostly_capitals, strip_foreign
from curator.extraction.title_lines import (
    cut_run_on,
    menu_item,
    not_title,
    site_name_over_menu,
)
from curator.extraction.values import put

_NON_TITLE_RE = re.compile(r"^(?:(?:last updated|updated|posted|published|doi|pmid|nct\d|isrctn|review|article|abstract"
                           r"|citation|cite this|this page (?:was )?(?:last )?(?:updated|modified|reviewed)"
                           r"|(?:[^:\n]{1,20}:\s*)?this (?:study|trial) (?:has been|had been|was|is))\b"  # a status sentence
                           r"|[^:]{0,50}\b(?:number|code|no\.|id|identifier)\s*:"  # "Protocol Code Number: X"
                           r"|(?:trial\s+record|record|study|result)\s+\d+\s+of\s+\d+\b"  # a search's place: "Trial record 1 of 1"
                           # A publication type over the title ("Randomized Controlled Trial", "Meta-Analysis").
                           r"|(?:randomi[sz]ed\s+controlled\s+trial|(?:controlled\s+)?clinical\s+trial|meta-analysis"
                           r"|systematic\s+review|observational\s+study|comparative\s+study|multicen(?:ter|tre)\s+study"
                           r"|case\s+reports?|original\s+(?:article|investigation|research)|research\s+article"
                           r"|primary\s+study|broad\s+synthesis)\.?$)",  # (Epistemonikos's document types)
                           re.I)
# The site's own name as a heading: "Cochrane Central Register of Controlled Trials", "WHO Search Portal".
_SITE_NAME_RE = re.compile(r"^(?:[A-Z][\w'&.-]*\s+){0,5}(?:[Rr]egist(?:er|ry)|[Ll]ibrary|[Dd]atabase|[Pp]ortal"
                           r"|[Pp]latform|[Rr]epository)(?:\s+of(?:\s+[A-Z][\w-]*)+)?(?:\s{3,}\S.{0,40})?$")  # "   Review - Intervention"
# A phase badge pasted after the title ("... in Adults With Obesity Phase 3"): not the title's words.
_TRAILING_PHASE_RE = re.compile(r"(?<=[\w)])\s+(phase\s+(?:[1-4]|iv|i{1,3})(?:\s*/\s*(?:phase\s+)?(?:[1-4]|iv|i{1,3}))?)$",
                                re.I)


# An open-review platform's version note after the title ("... trial [version 2; peer review: 2 approved]").
_VERSION_NOTE_RE = re.compile(r"\s*\[version \d+;[^\]]{0,60}\]$")


def _version_note(fields: dict[str, Any]) -> None:
    m = _VERSION_NOTE_RE.search(fields["title"])
    if m is None or m.start() < 10:
        return
    (s, e), = fields["evidence"]["title"][:1] or [(0, 0)]
    if e - s == len(fields["title"]):
        fields["evidence"]["title"] = [[s, s + m.start()]]
    fields["title"] = fields["title"][:m.start()]


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
    got = _own_title(doc)
    if got:
        got = heading_under_number(doc, fields, doc.line_at(got[1][0][0])) or got
        put(fields, "title", clip(strip_foreign(got[0]), 500), got[1])
    off = doc.first_scalar("official_title")
    if off:
        value = clip(strip_foreign(off[1]), 800)
        if fields["title"] is None and not guess:
            put(fields, "title", value, off[2])
        elif (fields["title"] or "").lower() != value.lower():
            put(fields, "official_title", value, off[2])
    if fields["title"] is None and doc.text[:1].isupper():
        title_line = meeting_title(doc)  # "OP27  Title": a meeting abstract's code marks its title, no label needed
        if title_line is not None:
            put(fields, "title", clip(title_line.text, 500), [[title_line.start, title_line.end]])
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
                # (the record's number named on a line of its own counts: "ClinicalTrials.gov ID NCT04107935")
                labelled = sum(1 for h in doc.hits if h.line < line.idx and h.slot != "other")
                labelled = labelled >= 2 or labelled == 1 and any(
                    _id_line(ln.text) and not _ID_LINE_RE.match(ln.text) for ln in doc.lines[:line.idx])
                skip_to = line.idx if line.idx >= 2 and not labelled and any(
                    ln.text for ln in doc.lines[line.idx:]) else 0
                break
        fallback: Line | None = None
        valued: set[int] | None = None
        for line in doc.lines[skip_to:120]:
            t = line.text
            if not (usable_line(line, doc) or _ACRONYM_END_RE.search(t) and _plain_title(doc, line)) \
                    or not 8 <= len(t) <= 400 or " " not in t.strip() or _is_menu(t) \
                    or _id_line(t):
                continue
            valued = _labelled_values(doc) if valued is None else valued
            if line.idx in valued:
                continue
            if _citation(t) or _numbered_citation(t) or _NON_TITLE_RE.match(t) or not re.search(r"[A-Za-z]{3}", t) \
                    or _SITE_NAME_RE.match(t) or ":" in t and _VALUE_LINE_RE.match(t) or _form_row(doc, line):
                continue
            if len(t) <= 40 and normalise_status(t) is not None and t.count(" ") <= 3:
                continue  # a status badge above the title ("Not yet recruiting")
            if badge_cell(t) is not None:
                continue  # "Active, not recruiting   Updated 2025-06-02" (its status read with the registry's fields)
            if not_title(t) or menu_item(doc.lines, line) or site_name_over_menu(doc.lines, line, _is_menu, _STUDY_WORDS_RE):
                continue
            if _banner_or_notice(t):
                continue
            if fallback is not None and (t.endswith(".") or t.count(" ") > 25 or line.idx > fallback.idx + 12):
                break  # a sentence (or nothing) below the short heading: the heading was the record's
            if not _STUDY_WORDS_RE.search(t) and t.count(" ") <= 5:
                # "Research and Innovation": a section of the site over the record, unless no heading follows.
                fallback = fallback or line
                continue
            if is_mail_note(t):
                continue  # a sender's note above a pasted abstract (mail_note)
            title_line = line
            break
        title_line = title_line or fallback
        title_line = _english_twin(doc, title_line) if title_line is not None else None
        if title_line is not None and fields["official_title"] and (
                title_line.start > fields["evidence"]["official_title"][0][0] or _SECTION_MARK_RE.match(title_line.text)):
            # A line below the labelled official title is the record's body, and a numbered line above it a section's
            # heading ("A. Protocol Information"): the official title is the record's heading.
            title_line = None
        if title_line is not None:
            put(fields, "title", clip(title_line.text, 500), [[title_line.start, title_line.end]])
    cut_run_on(fields)
    without_result_number(fields, doc.text)  # "1. Title." of a saved PubMed list
    if fields["title"]:
        _trailing_phase(fields)
        if fields["title"].endswith("]"):
            _version_note(fields)
    if fields["title"] and fields["official_title"] and fields["title"].lower() == fields["official_title"].lower():
        fields["official_title"] = None
        fields["evidence"].pop("official_title", None)
    if fields["title"] is None and fields["official_title"]:
        # A record that gives only its official title: that is its heading too (the list shows no "(no title)").
        put(fields, "title", fields["official_title"], [list(span) for span in fields["evidence"]["official_title"]])
    return title_line


# "Date on which this record was first entered in the EudraCT database: 2020-12-01", "Randomised: Yes": a label and
# its value (a date, a number, yes or no), whatever the label, is no title.
_VALUE_LINE_RE = re.compile(r"^[^:\n]{3,120}:\s*(?:\d{1,4}(?:[-/.]\d{1,2}){0,2}|yes|no)\s*$", re.I)
_SECTION_MARK_RE = re.compile(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.\s")
# "...: a cluster randomised clinical trial", "...: ensaio clínico randomizado": a title's subtitle, no form's value
# (a title and its English twin, one under the other, are no two rows of a form).
_SUBTITLE_RE = re.compile(r":\s+(?:an?\s+|une?\s+|um\s+)?(?:[\w\-]+\s+){0,5}?(?:trial|study|ensaio|estudio|ensayo|essai|studie"
                          r"|étude|studio)\b[^:]*$", re.I)
# "National Competent Authority: UK - MHRA": a label of a few words, a colon, its value.
_ROW_RE = re.compile(r"^[A-Z][^:\n]{2,60}:\s+\S")


# "Getting back on your feet after ankle surgery (ANKLE-FIT)": a plain-words title, "your" and all, with its acronym.
_ACRONYM_END_RE = re.compile(r"\s\([A-Z][A-Z0-9\-]{2,14}\)$")


def _plain_title(doc: Document, line: Line) -> bool:
    """True when only its second-person words kept ``line`` from being usable (no chrome, no other box)."""
    return not doc.stop[line.idx] and doc.box[line.idx] == OWN and not is_chrome(line.text) and not is_foreign(line.text)


def _form_row(doc: Document, line: Line) -> bool:
    """A ``Label: value`` line between others like it is a row of the record's form, not its title."""
    if not _ROW_RE.match(line.text) or _SUBTITLE_RE.search(line.text):
        return False
    near = [ln for ln in doc.lines[max(0, line.idx - 1):line.idx + 2] if ln.idx != line.idx and ln.text]
    return any(_ROW_RE.match(ln.text) for ln in near)


_ID_LINE_RE = re.compile(r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR\d|DRKS\d|CTRI/|KCT\d{7}|TCTR\d|RBR-|RPCEC\d"
                         r"|\b20\d\d-\d{6}-\d\d\b)")  # EudraCT's and CTIS's numbers


_OUTCOME_HEAD_RE = re.compile(r"\b(?:primary|secondary|other)\s+(?:outcome|end\s?point)", re.I)


def _own_title(doc: Document) -> tuple[str, list[list[int]]] | None:
    """The first labelled title that is the record's, not an outcome's ("1. Primary Outcome" over "Title: ...")."""
    for hit in doc.own_hits("title"):
        above = next((ln for ln in reversed(doc.lines[max(0, hit.line - 3):hit.line]) if ln.text), None)
        if above is not None and len(above.text) <= 40 and _OUTCOME_HEAD_RE.search(above.text):
            continue
        got = doc.scalar(hit)
        if got:
            return got
    return None


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
    return len(parts) >= 3 and all(len(p.split()) <= 3 or len(p) <= 26 and p.count(" ") == 3 for p in parts)


_NUMBERED_ABSTRACT_RE = re.compile(r"^(?:Abstract|Poster|Presentation)\s+(?:No\.?\s*)?[A-Z]{0,4}-?\d{1,6}[a-z]?\s*:\s+")


# A saved PubMed record's first line: "1. Br J Clin Pharmacol. 2021 Nov;87(11):4320-4331. doi: ... Epub 2021 May 4."
_RESULT_NUMBER_RE = re.compile(r"\d{1,4}\.\s+")


def _numbered_citation(t: str) -> bool:
    if not t[:1].isdigit():
        return False
    m = _RESULT_NUMBER_RE.match(t)
    return m is not None and _citation(t[m.end():])


def _citation(t: str) -> bool:
    """``CITATION_RE.match(t)``, tried only when ``t`` holds the year's "19" or "20" the pattern needs."""
    return ("19" in t or "20" in t) and CITATION_RE.match(t) is not None


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
        numbered = _NUMBERED_ABSTRACT_RE.match(line.text) if line.text[:1] in "AP" else None
        if numbered:  # a meeting abstract's "Abstract 13412: Title"
            line = replace(line, start=line.start + numbered.end(), text=line.text[numbered.end():])
        t = line.text
        if not 20 <= len(t) <= 400 or t.count(" ") < 4 or not usable_line(line, doc) or " | " in t:
            continue
        if "http" in t or "doi" in t.lower() or _citation(t) or _NON_TITLE_RE.match(t) or _SITE_NAME_RE.match(t) \
                or not_title(t):
            continue
        if mostly_capitals(t):  # a banner, not a title
            continue
        if not _STUDY_WORDS_RE.search(t):
            continue
        if author_line(t):
            continue
        if byline_below(doc, line) is not None and not is_mail_note(t):
            return _english_twin(doc, line)
    return None


def _english_twin(doc: Document, line: Line) -> Line:
    """The English title printed under a title in another Latin-script language (SciELO), else the title."""
    if not latin_foreign(line.text) and (english(line.text) or line.text.count(" ") < 4):  # (German may be ASCII)
        return line
    nxt = doc._next_nonblank(line.idx)
    t = nxt.text if nxt is not None else ""
    if nxt is not None and 20 <= len(t) <= 400 and usable_line(nxt, doc) and not latin_foreign(t) and english(t) \
            and t[-1:] != "." and not author_line(t):
        return nxt
    return line
