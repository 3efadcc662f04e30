"""Fields of trial records read from labels: identifiers, status, phase, numbers, dates, people, places."""

from __future__ import annotations

import bisect
import re
from typing import Any

from curator.extraction.countries import find_countries
from curator.extraction.identifiers import find_ids, labelled_doi, labelled_iras, labelled_pmid
from curator.extraction.layout import OTHER_BOX, OWN, REF_BOX, Document
from curator.extraction.normalise import (
    normalise_age,
    normalise_age_range,
    normalise_phase,
    normalise_sex,
    normalise_status,
    normalise_study_type,
    parse_count,
    parse_date,
)
from curator.extraction.textutil import clip, is_foreign

Spans = list[list[int]]


def put(fields: dict[str, Any], key: str, value: Any, spans: Spans | None) -> None:
    """Store a field value and its evidence (``pico.x`` keys go into the nested object)."""
    if key.startswith("pico."):
        fields["pico"][key[5:]] = value
    else:
        fields[key] = value
    if spans:
        fields["evidence"].setdefault(key, []).extend([list(s) for s in spans])


def ids_and_references(doc: Document, fields: dict[str, Any]) -> None:
    """The record's own identifiers (document order) and the references in its references box."""
    starts = [line.start for line in doc.lines]
    ids: list[tuple[int, str, int, int]] = []
    refs: list[str] = []
    ref_spans: Spans = []
    for cid, s, e in find_ids(doc.text):
        li = max(0, bisect.bisect_right(starts, s) - 1)
        box = doc.box[li]
        if box == OWN:
            ids.append((s, cid, s, e))
        elif box == REF_BOX and cid not in refs:
            refs.append(cid)
            ref_spans.append([s, e])
    for slot, reader in (("iras", labelled_iras), ("pmid", labelled_pmid), ("doi", labelled_doi)):
        for hit in doc.own_hits(slot):
            for line in doc.value_lines(hit)[:3]:
                got = reader(line.text)
                if got:
                    cid, a, b = got
                    ids.append((line.start + a, cid, line.start + a, line.start + b))
                    break
    ids.sort()
    seen: list[str] = []
    spans: Spans = []
    for _, cid, s, e in ids:
        if cid not in seen:
            seen.append(cid)
            spans.append([s, e])
    put(fields, "ids", seen, spans)
    # Citations written out in the references box.
    cites: list[str] = []
    cite_spans: Spans = []
    for line in doc.lines:
        if doc.box[line.idx] == REF_BOX and len(line.text) >= 40 and re.search(r"\b(?:19|20)\d{2}\b", line.text) \
                and not is_foreign(line.text):
            cites.append(clip(line.text, 500))
            cite_spans.append([line.start, line.end])
    put(fields, "references", cites + refs, cite_spans + ref_spans)


def _first_mapped(doc: Document, slot: str, fn: Any) -> tuple[Any, str, Spans] | None:
    hits = doc.own_hits(slot)
    if slot == "status":
        # "Overall status: Completed" says more than "Recruitment status: No longer recruiting".
        hits = sorted(hits, key=lambda h: "overall" not in _label_text(doc, h.line))
    for hit in hits:
        v = doc.scalar(hit)
        if v:
            mapped = fn(v[0])
            if mapped is not None:
                return mapped, v[0], v[1]
    return None


def _label_text(doc: Document, line: int) -> str:
    return doc.lines[line].text.lower()


def registry_fields(doc: Document, fields: dict[str, Any]) -> int:
    """Status, phase, enrollment, study type, sex, ages, dates, sponsor, countries. Returns how many were found."""
    found = 0
    st = _first_mapped(doc, "status", normalise_status)
    if st:
        put(fields, "status", st[0], st[2])
        fields["status_raw"] = clip(st[1], 120)
        found += 1
    else:
        raw = doc.first_scalar("status")
        if raw and len(raw[1]) <= 60:
            fields["status_raw"] = raw[1]
        else:
            # A status badge on a line of its own near the top ("Recruiting" above the title).
            for line in doc.lines[:15]:
                if line.text.lower() in _BADGES and not doc.stop[line.idx]:
                    put(fields, "status", normalise_status(line.text), [[line.start, line.end]])
                    fields["status_raw"] = line.text
                    found += 1
                    break
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
    if fields["min_age"] is None and fields["max_age"] is None:
        for hit in doc.own_hits("age_range"):
            v = doc.scalar(hit)
            if v:
                lo, hi = normalise_age_range(v[0])
                if lo or hi:
                    put(fields, "min_age", lo, v[1] if lo else None)
                    put(fields, "max_age", hi, v[1] if hi else None)
                    found += 1
                    break
    for slot in ("enrollment_actual", "enrollment"):
        got = _first_mapped(doc, slot, parse_count)
        if got:
            put(fields, "enrollment", got[0], got[2])
            found += 1
            break
    for key in ("start_date", "completion_date", "last_updated"):
        hits = doc.own_hits(key)
        if key == "completion_date":
            # "Primary completion" is an earlier milestone; the study's completion wins when given.
            hits = sorted(hits, key=lambda h: "primary" in _label_text(doc, h.line))
        for hit in hits:
            v = doc.scalar(hit)
            d = parse_date(v[0]) if v else None
            if v and d:
                put(fields, key, d[0], v[1])
                found += 1
                break
    for hit in doc.own_hits("sponsor"):
        name = _sponsor(doc, hit)
        if name:
            put(fields, "sponsor", name[0], name[1])
            found += 1
            break
    countries: list[str] = []
    spans: Spans = []
    for hit in doc.own_hits("countries"):
        for item, s, _e in doc.items(hit):
            for country, a, b in find_countries(item):
                if country not in countries:
                    countries.append(country)
                    spans.append([s + a, s + b])
    if countries:
        put(fields, "countries", countries, spans)
        found += 1
    return found


_SPONSOR_TYPES = frozenset({"other", "industry", "nih", "fed", "other_gov", "network", "indiv", "university",
                            "hospital", "commercial sector/industry", "government body", "charities/societies/foundations",
                            "lead", "collaborator", "sponsor", "n/a"})
_SPONSOR_PREFIX_RE = re.compile(
    r"^(?:name(?: of (?:the )?(?:primary )?sponsor)?|organi[sz]ation|sponsor|lead sponsor|primary sponsor)\s*[:|]\s*", re.I
)
_BADGES = frozenset(("recruiting", "not yet recruiting", "active, not recruiting", "completed", "terminated",
                     "withdrawn", "suspended", "enrolling by invitation"))


def _sponsor(doc: Document, hit: Any) -> tuple[str, Spans] | None:
    for para in doc.paragraphs(hit)[:3]:
        for line in para[:3]:
            t = _SPONSOR_PREFIX_RE.sub("", line.text).strip(" ;|")
            if t.lower() in _SPONSOR_TYPES or len(t) < 3 or len(t) > 200 or t.lower().startswith("sponsor role"):
                continue
            t = t.split(" | ")[0].strip()
            return t, [[line.start, line.end]]
    return None


def in_other_box(doc: Document, offset: int) -> bool:
    """True when ``offset`` lies in a box about other records."""
    starts = [line.start for line in doc.lines]
    li = max(0, bisect.bisect_right(starts, offset) - 1)
    return doc.box[li] == OTHER_BOX
