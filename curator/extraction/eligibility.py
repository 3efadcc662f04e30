"""Eligible sex and ages written other than under their own labels: EU CTR's yes/no flags ("Female: Yes",
"Adults (18-64 years): Yes"), CTIS's age groups ("Age group: 18-64 years, 65-84 years") and CTRI's cells inside
its criteria row ("Age From 18.00 Year(s)  Age To 40.00 Year(s)  Gender Female")."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.layout import Document
from curator.extraction.normalise import normalise_age, normalise_sex
from curator.extraction.scanned import OWN
from curator.extraction.values import Spans, put

_SEX_FLAG_RE = re.compile(r"^(?:[A-Z]\.[\d.]+\s+)?(female|male)\s*:\s*(yes|no)\s*$", re.I)
# "F.1.1 Trial has subjects under 18: No", "F.1.2 Adults (18-64 years): Yes", "F.1.3 Elderly (>=65 years): Yes".
_AGE_FLAG_RE = re.compile(r"^(?:[A-Z]\.[\d.]+\s+)?(?:(trial has subjects under 18)|(adults \(18-64 years\))"
                          r"|(elderly \(>=\s?65 years\)))\s*:\s*(yes|no)\s*$", re.I)
_AGE_GROUP_RE = re.compile(r"^Age groups?\s*:\s*(.{3,120})$", re.I)
_GROUP_RANGE_RE = re.compile(r"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:years)?|(\d{1,3})\s*\+|(\d{1,3})\s*years and over",
                             re.I)


def eligibility_elsewhere(doc: Document, fields: dict[str, Any]) -> int:
    """Fill sex, min_age and max_age that no label of their own gave; returns how many were found."""
    found = 0
    if fields["sex"] is None:
        found += _flagged_sex(doc, fields)
    if fields["sex"] is None or fields["min_age"] is None or fields["max_age"] is None:
        found += _criteria_sublabels(doc, fields)
    if fields["sex"] is None:
        found += _criteria_people_sex(doc, fields)
    if fields["min_age"] is None and fields["max_age"] is None:
        found += _age_flags(doc, fields) or _age_groups(doc, fields) or _criteria_prose_age(doc, fields) \
            or _criteria_prose_age(doc, fields, "pico.population")  # ISRCTN's "Participant inclusion criteria"
    if fields["min_age"] is not None and _from_bands(doc, fields):
        _criteria_over_bands(doc, fields)
    return found


def _from_bands(doc: Document, fields: dict[str, Any]) -> bool:
    """True when the minimum age was read from EU age bands ("Adults (18-64 years): Yes", "18-64 years, 65-84 years")."""
    spans = fields["evidence"].get("min_age") or []
    said = " ".join(doc.text[s:e] for s, e in spans[:4])
    return "-64 years" in said or len(_GROUP_RANGE_RE.findall(said)) >= 2


def _criteria_over_bands(doc: Document, fields: dict[str, Any]) -> None:
    """An age stated in the criteria ("aged 60 years or older") beats the youngest band the trial's people fall in
    (EU CTR's "E.3 Principal inclusion criteria: ..." too); a maximum stays only where a band was answered No."""
    kept = fields["min_age"], fields["evidence"].pop("min_age", None)
    fields["min_age"] = None
    if not (_criteria_prose_age(doc, fields) or _criteria_prose_age(doc, fields, "pico.population")):
        fields["min_age"] = kept[0]
        if kept[1] is not None:
            fields["evidence"]["min_age"] = kept[1]


# "Adults aged 60 years and over", "aged 18 years or older" in a criteria value: the youngest age.
_PROSE_MIN_AGE_RE = re.compile(r"\baged\s+(\d{1,2})\s+(?:years?\s+)?(?:and|or)\s+(?:over|older|above)\b", re.I)
# "Adults aged 21 to 70 years with ...", "women aged 18-35 years": both bounds.
_PROSE_AGES_RE = re.compile(r"\baged\s+(\d{1,2})\s*(?:to|-|–)\s*(\d{1,3})\s+years\b", re.I)


def _criteria_prose_age(doc: Document, fields: dict[str, Any], slot: str = "inclusion") -> int:
    """The minimum age of an open-ended age in the inclusion criteria's first sentence."""
    for hit in doc.own_hits(slot)[:1]:
        lines = doc.value_lines(hit)[:2] if hit.value is None else []
        # "Can I take part? / You may be able to take part if you: / are aged 18 years or over": the list under
        # a lead-in line ending in a colon (read as a label of its own) still belongs to the question.
        below = doc.lines[hit.line].end
        s, e = hit.value if hit.value is not None else ((lines[0].start, lines[-1].end) if lines else (below, below + 200))
        m = _PROSE_MIN_AGE_RE.search(doc.text, s, min(e, s + 300))
        if m:
            put(fields, "min_age", f"{int(m.group(1))} Years", [[m.start(1), m.end(0)]])
            return 1
        m = _PROSE_AGES_RE.search(doc.text, s, min(e, s + 300))
        if m and int(m.group(1)) < int(m.group(2)):
            put(fields, "min_age", f"{int(m.group(1))} Years", [[m.start(1), m.end(0)]])
            put(fields, "max_age", f"{int(m.group(2))} Years", [[m.start(2), m.end(0)]])
            return 1
    return 0


# "Women aged 18 to 70 years with fibromyalgia", "Postmenopausal women", "Men aged 50 or over": criteria that open
# with one sex (not "Women and men", "Men or women").
_PEOPLE_SEX_RE = re.compile(r"(?:(?:healthy|adult|pregnant|postmenopausal|premenopausal|older|young)\s+)?"
                            r"(women|woman|females?|girls|men|males?|boys)\b(?!\s+(?:and|or|&)\s)", re.I)


def _criteria_people_sex(doc: Document, fields: dict[str, Any]) -> int:
    """The eligible sex of inclusion criteria that open with people of one sex."""
    for hit in doc.own_hits("inclusion")[:1]:
        if hit.value is None:
            lines = doc.value_lines(hit)[:1]
            if not lines:
                return 0
            s = lines[0].start
        else:
            s = hit.value[0]
        m = _PEOPLE_SEX_RE.match(doc.text, s)
        sex = normalise_sex(m.group(1)) if m else None
        if m and sex:
            put(fields, "sex", sex, [[m.start(1), m.end(1)]])
            return 1
    return 0


def _flagged_sex(doc: Document, fields: dict[str, Any]) -> int:
    """EU CTR's "Female: Yes" / "Male: Yes" pair."""
    yes: list[str] = []
    spans: Spans = []
    for line in doc.lines:
        t = line.text
        if len(t) > 40 or "ale" not in t:
            continue
        m = _SEX_FLAG_RE.match(t)
        if m and m.group(2).lower() == "yes":
            yes.append(m.group(1).lower())
            spans.append([line.start, line.end])
    if not yes:
        return 0
    put(fields, "sex", "ALL" if len(set(yes)) == 2 else yes[0].upper(), spans)
    return 1


# CTRI writes the eligible ages and sex as cells inside its criteria row: "Age From 18.00 Year(s)  Age To
# 40.00 Year(s)  Gender Female  Details ...".
_CRITERIA_CELL_RE = re.compile(
    r"\b(?:(?P<k>Age From|Age To|Minimum Age|Maximum Age)\s*[:=]?\s+(?P<age>\d+(?:\.\d+)?\s*(?:Year|Month|Week|Day)s?(?:\(s\))?)"
    r"|(?:Gender|Sex)\s*[:=]?\s+(?P<sex>Female|Male|Both|All)\b)")


def _criteria_sublabels(doc: Document, fields: dict[str, Any]) -> int:
    """Eligible ages and sex written as labelled cells inside the inclusion criteria, when no label of their own
    gave them."""
    found = 0
    for hit in doc.own_hits("inclusion")[:2]:
        if hit.value is None:
            continue
        s, e = hit.value
        for m in _CRITERIA_CELL_RE.finditer(doc.text, s, min(e, s + 400)):
            if m.group("sex"):
                key, value, g = "sex", normalise_sex(m.group("sex")), "sex"
            else:
                key = "min_age" if m.group("k").lower() in ("age from", "minimum age") else "max_age"
                value, g = normalise_age(m.group("age")), "age"
            if value and fields[key] is None:
                put(fields, key, value, [[m.start(g), m.end(g)]])
                found += 1
    return found


def _age_flags(doc: Document, fields: dict[str, Any]) -> int:
    """EU CTR's age-group flags: the youngest group answered Yes gives the minimum age, the oldest the maximum
    (none when the elderly group is Yes or not stated)."""
    answers: dict[int, bool] = {}
    spans: Spans = []
    if "(18-64 years)" not in doc.text and "under 18" not in doc.text:
        return 0
    for line in doc.lines_holding(("18-64", "nder", "lderly"), 2000):
        m = _AGE_FLAG_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        group = 0 if m.group(1) else 1 if m.group(2) else 2
        answers[group] = m.group(4).lower() == "yes"
        spans.append([line.start, line.end])
    yes = [g for g, v in answers.items() if v]
    if not yes or any(g not in answers for g in range(min(yes))):
        return 0
    low, high = min(yes), max(yes)
    if low > 0:
        put(fields, "min_age", "18 Years" if low == 1 else "65 Years", spans)
    if high < 2 and answers.get(high + 1) is False:
        put(fields, "max_age", "17 Years" if high == 0 else "64 Years", spans)
    return 1 if fields["min_age"] or fields["max_age"] else 0


def _age_groups(doc: Document, fields: dict[str, Any]) -> int:
    """CTIS's "Age group: 18-64 years, 65-84 years": the lowest bound, and the highest when no open group."""
    for line in doc.lines_holding(("ge group",), 400):
        m = _AGE_GROUP_RE.match(line.text)
        if m is None or doc.box[line.idx] != OWN:
            continue
        lows: list[int] = []
        highs: list[int | None] = []
        for r in _GROUP_RANGE_RE.finditer(m.group(1)):
            if r.group(1):
                lows.append(int(r.group(1)))
                highs.append(int(r.group(2)))
            else:
                lows.append(int(r.group(3) or r.group(4)))
                highs.append(None)
        if not lows:
            return 0
        span = [[line.start + m.start(1), line.start + m.end(1)]]
        if min(lows) > 0:
            put(fields, "min_age", f"{min(lows)} Years", span)
        if None not in highs:
            put(fields, "max_age", f"{max(h for h in highs if h is not None)} Years", span)
        return 1
    return 0
