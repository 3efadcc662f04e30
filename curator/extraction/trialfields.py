"""Fields of trial records read from labels: identifiers, status, phase, numbers, dates, people, places."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.age_lines import age_lines
from curator.extraction.blocks import group_total
from curator.extraction.countries import find_countries
from curator.extraction.design_type import design_study_type
from curator.extraction.eligibility import eligibility_elsewhere
from curator.extraction.final_counts import inline_final, stated_final
from curator.extraction.labels import norm_label
from curator.extraction.layout import Document
from curator.extraction.normalise import (
    needed_count,
    normalise_age,
    normalise_age_range,
    normalise_phase,
    normalise_sex,
    normalise_status,
    normalise_study_type,
    numeric_date_order,
    parse_count,
    parse_date,
    period_end,
)
from curator.extraction.regulated_trial import regulated_study_type
from curator.extraction.scanned import OTHER_BOX, OWN
from curator.extraction.sponsors import lead_sponsor
from curator.extraction.status_badge import BADGES, badge_status
from curator.extraction.textutil import clip
from curator.extraction.values import Spans, put
from curator.identifiers import find_ids

_YES_NO_RE = re.compile(r":\s*(?:yes|no)\b", re.I)
_ACTUAL_SUBLABELS = frozenset(("actual", "final", "actual:", "final:"))


def _value(doc: Document, hit: Any) -> tuple[str, Spans] | None:
    """A label's value; under "Anticipated / Actual" or "Target / Final" sub-labels, the actual one."""
    if hit.value is None:
        lines = doc.value_lines(hit)[:10]
        for k, line in enumerate(lines[:-1]):
            if line.text.lower() in _ACTUAL_SUBLABELS:
                nxt = next((ln for ln in lines[k + 1:k + 3] if ln.text), None)
                if nxt is not None and nxt.text.lower() not in _SUBLABEL_WORDS:
                    return nxt.text, [[nxt.start, nxt.end]]
    return doc.scalar(hit)


_SUBLABEL_WORDS = frozenset(("anticipated", "actual", "target", "final", "accrual to date", "estimated", "planned"))


def _first_mapped(doc: Document, slot: str, fn: Any) -> tuple[Any, str, Spans] | None:
    hits = doc.own_hits(slot)
    if slot == "enrollment" and len(hits) >= 2:
        # Per-group sample sizes: their sum, unless a total is stated ("Total sample size" wins).
        totals = [h for h in hits if any(w in _label_text(doc, h.line) for w in ("total", "whole", "worldwide"))]
        got = group_total(doc)
        if got and not totals:
            return got
        hits = totals + [h for h in hits if h not in totals]
    if slot == "status" and len(hits) > 1:
        # "Overall status: Completed" says more than "Recruitment status: No longer recruiting".
        hits = sorted(hits, key=lambda h: "overall" not in _own_label_text(doc, h))
    for hit in hits:
        v = _value(doc, hit) if slot.startswith("enrollment") else doc.scalar(hit)
        if v and slot == "enrollment":  # "Sample size  Target 6000   Accrual to date   Final 5612"
            v = inline_final(v[0], v[1], doc.text) or v
        if v:
            mapped = fn(v[0])
            if mapped is not None:
                return mapped, v[0], v[1]
    return None


def _own_label_text(doc: Document, hit: Any) -> str:
    """The label of one hit, also when a row holds several ("Recruitment status X  Overall study status Y")."""
    if hit.value is None:
        return _label_text(doc, hit.line)
    before = doc.text[doc.lines[hit.line].start:hit.value[0]]
    return re.split(r"\s{2,}|\t", before.rstrip())[-1].lower()


def _label_text(doc: Document, line: int) -> str:
    return doc.lines[line].text.lower()


def registry_fields(doc: Document, fields: dict[str, Any]) -> int:
    """Status, phase, enrollment, study type, sex, ages, dates, sponsor, countries. Returns how many were found."""
    found = 0
    st = _first_mapped(doc, "status", normalise_status)
    unknown = doc.text.find(_UNKNOWN_NOW, 0, 6000) if st else -1
    if unknown >= 0:
        # "The recruitment status of this study is unknown. ... Recruitment status was: Recruiting": the status
        # now is unknown, the labelled one is the last verified.
        st = ("UNKNOWN", "unknown", [[unknown, unknown + len(_UNKNOWN_NOW)]])
    if st:
        put(fields, "status", st[0], st[2])
        fields["status_raw"] = clip(st[1], 120)
        found += 1
    else:
        raw = doc.first_scalar("status")
        if raw and len(raw[1]) <= 60:
            fields["status_raw"] = raw[1]
        else:
            got = badge_status(doc)  # "Recruiting" above the title, "This study has been terminated."
            if got:
                put(fields, "status", got[0], got[2])
                fields["status_raw"] = got[1]
                found += 1
    for key, slot, fn in (
        ("phase", "phase", normalise_phase),
        ("study_type", "study_type", normalise_study_type),
        ("sex", "sex", normalise_sex),
        ("min_age", "min_age", normalise_age),
        ("max_age", "max_age", normalise_age),
    ):
        got = _first_mapped(doc, slot, fn)
        if got:
            put(fields, key, got[0], got[2])
            found += 1
    if fields["study_type"] is None and (found or fields["ids"]):
        found += design_study_type(doc, fields) or regulated_study_type(fields)
    if fields["min_age"] is None or fields["max_age"] is None:
        # "Age range: Min age 18 years; Max age 75 years": the bound the age labels did not give.
        for hit in doc.own_hits("age_range") + doc.own_hits("min_age") + doc.own_hits("max_age"):
            line = doc.lines[hit.line]
            # A bound's label line may hold both bounds ("Min age 18 years; Max age 75 years").
            v = doc.scalar(hit) if hit.slot == "age_range" else (line.text, [[line.start, line.end]])
            if v and _YES_NO_RE.search(v[0]):
                continue  # EU CTR's "Adults (18-64 years): Yes" flags under "Age Range": groups, not bounds
            if v:
                lo, hi = normalise_age_range(v[0])
                if lo or hi:
                    for key, age in (("min_age", lo), ("max_age", hi)):
                        if age and fields[key] is None:
                            put(fields, key, age, v[1])
                    found += 1
                    break
    if found and fields["min_age"] is None and fields["max_age"] is None:  # (a registry's page)
        found += age_lines(doc, fields)
    final = stated_final(doc) if "Final Enrollment" in doc.text else None
    for slot in ("enrollment_actual", "enrollment"):
        got = (final[0], "", final[1]) if final else _first_mapped(doc, slot, parse_count)
        if got:
            put(fields, "enrollment", got[0], got[2])
            found += 1
            break
    if fields["enrollment"] is None and (found or fields["ids"]) and not any(i.startswith("DOI:") for i in fields["ids"]):
        # a trial's page, not an article's "we aim to recruit 300 patients"
        found += needed_count(doc, fields)
    order: bool | None = None
    order_known = False
    for key in ("start_date", "completion_date", "last_updated"):
        hits = doc.own_hits(key)
        if len(hits) > 1 and key == "completion_date":
            # "Primary completion" is an earlier milestone; the study's completion wins when given.
            hits = sorted(hits, key=lambda h: "primary" in _label_text(doc, h.line))
        if len(hits) > 1 and key != "last_updated":
            # An actual date beats the anticipated one written above it.
            hits = sorted(hits, key=lambda h: not _label_text(doc, h.line).lstrip("(").startswith("actual"))
        for hit in hits:
            v = _value(doc, hit) if key != "last_updated" else doc.scalar(hit)
            if v is None:
                continue
            d = parse_date(v[0], order if order_known else True)
            if d and not order_known and parse_date(v[0], None) != d:
                # An ambiguous numeric date: only now is it worth learning how this site writes dates.
                order_known = True
                order = numeric_date_order(doc.text)
                if order is None:
                    order = _registry_date_order(fields["ids"])
                d = parse_date(v[0], order)
            if d:
                put(fields, key, d[0], v[1])
                found += 1
                if key == "start_date":
                    closing = period_end(v[0], d[2], order)
                    if closing and not doc.own_hits("completion_date"):
                        # "Study execute time: From 2021-08-01 To 2023-06-30": the study's period.
                        put(fields, "completion_date", closing, v[1])
                break
    if fields["phase"] is None or fields["status"] is None:
        found += _summary_line(doc, fields)
    if fields["phase"] is None:
        found += _flagged_phase(doc, fields)
    if fields["sex"] is None or fields["min_age"] is None or fields["max_age"] is None:
        found += eligibility_elsewhere(doc, fields)
    name = lead_sponsor(doc)
    if name:
        put(fields, "sponsor", name[0], name[1])
        found += 1
    found_at: list[tuple[int, str, int, int]] = []
    for hit in doc.own_hits("countries"):
        if _about_other_party(doc, hit):
            continue
        for item, s, _e in doc.items(hit, through=True):
            for country, a, b in find_countries(item):
                found_at.append((s + a, country, s + a, s + b))
    found_at += _state_countries(doc, fields)
    countries: list[str] = []
    spans: Spans = []
    for _, country, a, b in sorted(found_at):
        if country not in countries:
            countries.append(country)
            spans.append([a, b])
    if countries:
        put(fields, "countries", countries, spans)
        found += 1
    return found


_UNKNOWN_NOW = "recruitment status of this study is unknown"


_OTHER_PARTY_RE = re.compile(r"fund|sponsor|ethic|committee|registrant|contact|collaborator|affiliation|approv", re.I)


def _about_other_party(doc: Document, hit: Any) -> bool:
    """True for a bare "Country" under a funder, sponsor, ethics or contact heading: not a recruiting country."""
    if norm_label(doc.lines[hit.line].text.split("|")[0].split(":")[0]) != "country":
        return False
    seen = 0
    for j in range(hit.line - 1, max(-1, hit.line - 30), -1):
        t = doc.lines[j].text
        if not t or "|" in t or ":" in t or len(t) > 80:
            continue
        seen += 1
        if _OTHER_PARTY_RE.search(t):
            return True
        if seen >= 6:
            break
    return False


_PHASE_FLAG_RE = re.compile(r"\(phase\s+(i{1,3}|iv|[1-4])\)\s*:?\s*(yes|no)\b", re.I)


# "This phase 2 study will ...", "The present randomised, double-blind phase III trial ...": the record's own phase.
_OWN_PHASE_RE = re.compile(
    r"\b(?:This|The\s+(?:present|current|proposed))\s+(?:(?:randomi[sz]ed|open[- ]label|double[- ]blind"
    r"|multi-?cent(?:er|re)|placebo[- ]controlled|single[- ]arm|international|prospective|pivotal),?\s+){0,4}"
    r"(phase\s+(?:IV|I{1,3}|[1-4])[ab]?(?:\s*(?:/|-|and)\s*(?:IV|I{1,3}|[1-4])[ab]?)?)\s+(?:clinical\s+)?(?:study|trial)\b",
    re.I,
)


def summary_phase(text: str, zones: list[tuple[int, int]], fields: dict[str, Any]) -> None:
    """The phase a trial's own summary states of itself ("This phase 2 study ..."), when no label gives one."""
    for s, e in zones:
        if "hase" not in text[s:e]:
            continue
        m = _OWN_PHASE_RE.search(text, s, e)
        got = normalise_phase(m.group(1)) if m else None
        if m and got and got != "NA":
            put(fields, "phase", got, [[m.start(1), m.end(1)]])
            return


def _flagged_phase(doc: Document, fields: dict[str, Any]) -> int:
    """EU CTR's "Therapeutic confirmatory (Phase III): Yes" lines, combined."""
    if "(phase" not in doc.text and "(Phase" not in doc.text:
        return 0
    phases: list[str] = []
    spans: Spans = []
    for line in doc.lines:
        if "hase" not in line.text or doc.box[line.idx] != OWN:
            continue
        m = _PHASE_FLAG_RE.search(line.text)
        if m and m.group(2).lower() == "yes":
            phases.append(m.group(1))
            spans.append([line.start, line.end])
    if not phases:
        return 0
    got = normalise_phase("phase " + "/".join(phases))
    if got is None:
        return 0
    put(fields, "phase", got, spans)
    return 1


# Registries that write numeric dates day first (their sites say so in their guidance).
_DAY_FIRST_IDS = ("ISRCTN", "ACTRN", "CTRI/", "DRKS", "EudraCT:", "CTIS:", "IRAS:", "PACTR", "IRCT", "TCTR", "RPCEC",
                  "SLCTR", "NTR", "NL", "ChiCTR", "jRCT", "UMIN", "KCT")


def _registry_date_order(ids: list[str]) -> bool | None:
    if any(i.startswith(_DAY_FIRST_IDS) for i in ids):
        return True
    if any(i.startswith("RBR-") for i in ids):
        return False
    return None


def in_other_box(doc: Document, offset: int) -> bool:
    """True when ``offset`` lies in a box about other records."""
    return doc.box[doc.line_at(offset)] == OTHER_BOX


def _state_countries(doc: Document, fields: dict[str, Any]) -> list[tuple[int, str, int, int]]:
    """Australia, from ANZCTR's "Recruitment state(s)" list ("NSW, QLD, VIC"): every item a state or territory.

    Only on an ANZCTR record (an ACTRN id, or its "Recruitment in Australia" heading): state
    abbreviations alone ("WA", "SA") name places elsewhere too.
    """
    if not any(i.startswith("ACTRN") for i in fields["ids"]) and "Recruitment in Australia" not in doc.text:
        return []
    for hit in doc.own_hits("other"):
        if hit.value is not None or norm_label(doc.lines[hit.line].text) != "recruitment state":
            continue
        lines = [ln for p in doc.paragraphs(hit) for ln in p]
        parts = [p.strip().lower() for ln in lines for p in re.split(r"[,;/]", ln.text)]
        if lines and all(p in _AU_STATES for p in parts if p) and any(parts):
            return [(lines[0].start, "Australia", lines[0].start, lines[0].end)]
    for line in doc.lines_holding(("Recruitment state",), 400):  # "Recruitment state(s) NSW, VIC" on one line
        m = _STATE_LINE_RE.match(line.text)
        parts = [p.strip().lower() for p in re.split(r"[,;/]", m.group(1))] if m else []
        if m and doc.box[line.idx] == OWN and all(p in _AU_STATES for p in parts if p) and any(parts):
            return [(line.start + m.start(1), "Australia", line.start + m.start(1), line.end)]
    return []


_STATE_LINE_RE = re.compile(r"^Recruitment state(?:\(s\)|s)?\s*:?\s+(\S.*)$")


_AU_STATES = frozenset(("nsw", "qld", "vic", "sa", "wa", "tas", "act", "nt", "new south wales", "queensland",
                        "victoria", "south australia", "western australia", "tasmania",
                        "australian capital territory", "northern territory"))
_SUMMARY_SPLIT_RE = re.compile(r"\s+[|·•]\s+")


def _summary_line(doc: Document, fields: dict[str, Any]) -> int:
    """Phase and status from a summary line under the title ("NCT05123456 | Phase 3 | Recruiting").

    The line must hold at least two cells that are an identifier, a phase or a status badge, and
    nothing long: a menu ("News | Find a trial") never passes.
    """
    for line in doc.lines_holding(("|", "·", "•"), 60):  # (a bullet's mark is not in its line's text: tested below)
        t = line.text
        if len(t) > 120 or doc.box[line.idx] != OWN or ("|" not in t and "·" not in t and "•" not in t):
            continue
        cells = _SUMMARY_SPLIT_RE.split(t.strip(" |"))
        if not 2 <= len(cells) <= 6 or any(len(c) > 40 for c in cells):
            continue
        phase = status = None
        known = 0
        for c in cells:
            low = c.lower().strip()
            if low.startswith("phase") and normalise_phase(c):
                phase, known = normalise_phase(c), known + 1
            elif low in BADGES:
                status, known = c.strip(), known + 1
            elif any(True for _ in find_ids(c)):
                known += 1
        if known < 2:
            continue
        got = 0
        if phase and fields["phase"] is None:
            put(fields, "phase", phase, [[line.start, line.end]])
            got += 1
        if status and fields["status"] is None:
            put(fields, "status", normalise_status(status), [[line.start, line.end]])
            fields["status_raw"] = status
            got += 1
        return got
    return 0
