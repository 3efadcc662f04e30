"""What a document is: a trial registration (``trial``), a publication (``article``) or ``unknown``.

Signals are weighed against each other rather than decided by one: a journal abstract of a
trial names its registration and enrollment too, and a registry record may cite its papers.

- Registry signals: the record's trial ids, field labels of registry records (status, phase,
  enrollment, sponsor, dates ...), and trial ids written as the value of a registry's own id
  label ("Trial ID", "Registration number", "Main ID"), which an article never has.
- Article signals: authors / journal / year found, PMIDs and DOIs, an "Abstract" heading,
  the structured-abstract shape (Background, Methods, Results, Conclusions headings in that
  order, or Introduction ... Discussion), and a citation line (journal, year, volume/pages).
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.labels import norm_label
from curator.extraction.layout import Document
from curator.extraction.scanned import OWN
from curator.identifiers import is_trial_id

TRIAL_SLOTS = ("status", "phase", "enrollment", "enrollment_actual", "study_type", "sponsor", "start_date",
               "completion_date", "sex", "min_age", "max_age", "age_range", "countries", "conditions", "interventions",
               "intervention_names", "pico.outcome", "inclusion", "iras")
# Id labels of registry records (an article writes "Trial registration", "Registration: ...").
_REGISTRY_ID_LABELS = frozenset((
    "trial id", "main id", "registration number", "registration no", "secondary id", "secondary ids", "registry id",
    "registry identifier", "unique protocol id", "org study id", "trial number", "study id", "register number",
    "primary registry identifier", "registered number", "utn", "trial no", "anzctr registration number",
))
# Headings of a structured abstract, by their place in it.
_SECTION_RE = re.compile(
    r"^(?:(?P<a>background(?: and (?:aims?|objectives?|purpose))?|objectives?|aims?|purpose|context|importance"
    r"|rationale|introduction)"
    r"|(?P<b>methods?|materials and methods|patients and methods|methods and materials|design|"
    r"design,? setting,? and participants|methodology)"
    r"|(?P<c>results?|findings|main results|key findings)"
    r"|(?P<d>conclusions?|interpretation|conclusions and relevance|discussion))"
    # (a meeting abstract's heading runs into its paragraph: "Methods Pregnant women who smoked ... were randomised")
    r"(?:\s*[:.]\s*(?=\S)|\s*:?\s*$|\s(?=[A-Z0-9][^\n]{60}))",
    re.I,
)
# "Diabetes Obes Metab. 2022;24(6):1043-1054", "Lancet 2021; 397: 1010–20", "BMJ 2020;371:m4222".
_CITATION_RE = re.compile(
    r"\b[A-Z][A-Za-z.&' ]{1,80}?\.?,?\s(?:19|20)\d{2}(?:\s[A-Z][a-z]{2,8}\.?(?:\s\d{1,2})?)?\s?[;,]\s?\d{1,4}"
    r"\s?(?:\(\s?[\w-]{1,8}\s?\))?\s?[:,]\s?[eS]?\d{1,6}\b"
)
_SCAN_LINES = 400
# The first three letters of every heading of _SECTION_RE (an ASCII line that starts otherwise is none of them).
_SECTION_STARTS = frozenset(("bac", "obj", "aim", "pur", "con", "imp", "rat", "int", "met", "mat", "pat", "des", "res",
                             "fin", "mai", "dis", "key"))


def structured_abstract(doc: Document) -> tuple[int, int] | None:
    """The lines (first, last) of a structured abstract: Background/Objective, Methods, Results,
    Conclusions headings in that order (at least Methods and Results with one of the others), or
    Introduction before Discussion (then the span is empty: an article's body, not its abstract)."""
    seen: dict[str, int] = {}
    intro = discussion = -1
    for line in doc.lines[:_SCAN_LINES]:
        t = line.text
        if not t or doc.box[line.idx] != OWN or t[0] not in "abcdfikmoprABCDFIKMOPR" \
                or t[:3].isascii() and t[:3].lower() not in _SECTION_STARTS:
            continue
        m = _SECTION_RE.match(t)
        if m is None:
            continue
        part = m.lastgroup or ""
        if part == "d" and part in seen and seen["d"] > seen.get("c", -1) >= 0:
            continue  # the abstract's conclusion came first; a later "Discussion" is the body's
        seen.setdefault(part, line.idx)
        alone = t.rstrip(" :").lower()
        if alone == "introduction" and intro < 0:
            intro = line.idx
        elif alone == "discussion" and intro >= 0:
            discussion = line.idx
    a, b, c, d = (seen.get(p, -1) for p in "abcd")
    if b >= 0 and c > b and ((d > c) or (0 <= a < b)):
        first = a if 0 <= a < b else b
        return first, _section_end(doc, d if d > c else c)
    if 0 <= intro < discussion:
        return intro, -1
    return None


def _section_end(doc: Document, head: int) -> int:
    """The last line of the section whose heading is at line ``head``: the heading's own line when
    written "Conclusions: ...", else the paragraph under it; a label line ends it either way."""
    m = _SECTION_RE.match(doc.lines[head].text)
    inline = m is not None and m.end() < len(doc.lines[head].text)
    last = head
    for j in range(head + 1, min(len(doc.lines), head + 40)):
        if not doc.lines[j].text:
            if inline or last > head:
                break
            continue
        if doc.stop[j]:
            break
        last = j
    return last


def _citation_line(doc: Document) -> bool:
    """A line near the top citing the document itself: journal, year, volume and pages."""
    for line in doc.lines_holding(("19", "20"), 80):
        if doc.box[line.idx] == OWN and len(line.text) <= 400 and _CITATION_RE.search(line.text):
            return True
    return False


def _registry_labelled_id(doc: Document) -> bool:
    """A trial id as the value of a registry's own id label ("Trial ID: TCTR...", "Main ID" / "ChiCTR...")."""
    for hit in doc.own_hits("ids"):
        line = doc.lines[hit.line]
        label = line.text[: hit.value[0] - line.start] if hit.value is not None else line.text
        if norm_label(label) not in _REGISTRY_ID_LABELS:
            continue
        if hit.value is not None:
            value = doc.text[hit.value[0]:hit.value[1]]
        else:
            nxt = doc._next_nonblank(hit.line)
            value = nxt.text if nxt is not None else ""
        if any(is_trial_id(v) for v in re.split(r"[\s,;|]+", value)[:4]):
            return True
    return False


def kind(doc: Document, fields: dict[str, Any], n_article: int, sections: tuple[int, int] | None) -> str:
    """``trial``, ``article`` or ``unknown``, from the signals above (``sections``: see structured_abstract)."""
    trial_ids = [i for i in fields["ids"] if is_trial_id(i)]
    trial = 2 * len(trial_ids) + sum(1 for s in TRIAL_SLOTS if doc.own_hits(s))
    if trial_ids and _registry_labelled_id(doc):
        trial += 2
    article = 2 * n_article + sum(1 for i in fields["ids"] if i.startswith(("PMID:", "DOI:")))
    article += 1 if doc.own_hits("abstract") and fields["abstract"] else 0
    if doc.own_hits("abstract") and any(doc.lines[h.line].text.lower().startswith("abstract")
                                        for h in doc.own_hits("abstract")):
        article += 1
    if sections is not None:
        article += 3
    if not (trial >= 2 and trial > article) and _citation_line(doc):  # (a citation line cannot outweigh that trial)
        article += 1
    if trial == 0 and article == 0:
        return "unknown"
    if trial >= 2 and trial >= article:
        return "trial"
    if article >= 2 and article > trial:
        return "article"
    return "trial" if trial > article else ("article" if article > trial else "unknown")
