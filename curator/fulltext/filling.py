"""Extraction from a record's attached full text into its form, never over the reviewer.

The attached PDF is read (:mod:`curator.fulltext.reading`) and goes through the same extraction as
any document. Then, field by field:

- an empty field is **filled**: the value is kept with where it came from (``"from": "full text"``,
  the file's name and SHA-256) and its evidence on the pages (``{"page", "start", "end", "quote"}``,
  page 1-based, offsets into that page's text as :func:`curator.fulltext.reading.read_pdf` reads it);
- a field holding another value is **proposed**: the proposal is kept with the attachment until the
  reviewer accepts it (:func:`accept_proposals`) or a new extraction replaces it;
- a field the reviewer curated is **never overwritten**: a different value is only proposed;
- a field filled by an earlier extraction from a full text is refreshed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from curator.extraction import extract
from curator.fields import FIELD_KEYS, coerce_value, get_field, is_empty
from curator.fulltext.reading import NO_TEXT_LAYER, FullText, UnreadablePdf
from curator.fulltext.storage import FullTextInfo, full_text_of, read_full_text, set_proposals
from curator.review.records import fill_fields, get_record
from curator.store.database import Review

#: The ``from`` of a value that came from an attached full text.
FROM_FULL_TEXT = "full text"


class NoFullText(LookupError):
    """The record has no full text attached."""


@dataclass(frozen=True)
class FieldFromFullText:
    """One field's value read from the full text, with its page evidence and the value the form held."""

    key: str
    value: Any
    evidence: list[dict[str, Any]]
    current: Any


@dataclass(frozen=True)
class Filling:
    """What extraction from a full text did to a record's form."""

    record_id: int
    file_name: str
    filled: list[FieldFromFullText]
    proposed: list[FieldFromFullText]
    agreed: list[str]

    def as_json(self) -> dict[str, Any]:
        """The filling as JSON: filled and proposed fields with their page evidence, the fields that agree."""
        def shown(items: list[FieldFromFullText]) -> dict[str, Any]:
            return {f.key: {"value": f.value, "evidence": f.evidence, "current": f.current} for f in items}

        return {"record": self.record_id, "file_name": self.file_name, "filled": shown(self.filled),
                "proposed": shown(self.proposed), "agreed": self.agreed}


def page_evidence(full_text: FullText, spans: Iterable[list[int]]) -> list[dict[str, Any]]:
    """Evidence spans of ``full_text.text`` as page evidence (a span over a page break gives one per page)."""
    return [part.as_json() for s, e in spans for part in full_text.page_spans(s, e)]


def fields_of_full_text(full_text: FullText, file_name: str) -> dict[str, FieldFromFullText]:
    """Every field extraction finds in a full text, with page evidence (``current`` left None)."""
    fields = extract(full_text.text, source=file_name)
    found = {}
    for key in FIELD_KEYS:
        value = get_field(fields, key)
        if is_empty(value) or (key == "kind" and value == "unknown"):
            continue
        try:
            value = coerce_value(key, value)
        except ValueError:
            continue  # extraction found something the form cannot hold: not offered
        found[key] = FieldFromFullText(key, value, page_evidence(full_text, fields["evidence"].get(key) or []), None)
    return found


def _same(a: Any, b: Any) -> bool:
    """Equal as a reviewer reads them: case and spacing aside; a list agrees when it adds nothing."""
    def norm(value: Any) -> Any:
        return " ".join(value.split()).casefold() if isinstance(value, str) else value

    if isinstance(a, list) and isinstance(b, list):
        return {norm(x) for x in b} <= {norm(x) for x in a}
    return norm(a) == norm(b)


def extract_full_text(review: Review, record_id: int, *, reviewer: str) -> Filling:
    """Read the record's attached full text into its form (see the module's description).

    Raises :class:`NoFullText`, :class:`UnreadablePdf` (a scan: no text layer) and ``RecordNotFound``.
    """
    record = get_record(review, record_id)
    got = read_full_text(review, record_id)
    if got is None:
        raise NoFullText(f"record {record_id} has no full text attached; attach one with "
                         f"`curator attach {record_id} FILE.pdf`")
    info, full_text = got
    if not full_text.has_text:
        raise UnreadablePdf(NO_TEXT_LAYER)
    filled: list[FieldFromFullText] = []
    proposed: list[FieldFromFullText] = []
    agreed: list[str] = []
    for key, found in fields_of_full_text(full_text, info.file_name).items():
        current = record.value(key)
        item = FieldFromFullText(key, found.value, found.evidence, current)
        origin = record.origin(key)
        if origin == "edited":  # the reviewer's value stands, always
            (agreed.append(key) if _same(current, found.value) else proposed.append(item))
        elif is_empty(current) or (key == "kind" and current == "unknown") or (
                origin == FROM_FULL_TEXT and (not _same(current, found.value)
                                              or record.curated[key].get("sha256") != info.sha256)):
            filled.append(item)
        elif _same(current, found.value):
            agreed.append(key)
        else:
            proposed.append(item)
    if filled:
        fill_fields(review, record_id, {f.key: (f.value, _origin(info, f)) for f in filled}, reviewer=reviewer,
                    action="fill from full text")
    with review.transaction() as session:
        set_proposals(session, record_id, {p.key: {"value": p.value, "evidence": p.evidence} for p in proposed})
    return Filling(record_id, info.file_name, filled, proposed, agreed)


def _origin(info: FullTextInfo, item: FieldFromFullText) -> dict[str, Any]:
    return {"from": FROM_FULL_TEXT, "file_name": info.file_name, "sha256": info.sha256, "evidence": item.evidence}


def accept_proposals(review: Review, record_id: int, keys: Iterable[str], *, reviewer: str) -> list[str]:
    """Take the full text's proposed values for ``keys`` into the form (a reviewer's choice: over any value).

    Returns the keys taken; raises ValueError naming a key with no proposal (then none is taken).
    """
    info = full_text_of(review, record_id)
    if info is None:
        raise NoFullText(f"record {record_id} has no full text attached")
    keys = list(dict.fromkeys(keys))
    missing = [k for k in keys if k not in info.proposals]
    if missing:
        offered = ", ".join(sorted(info.proposals)) or "none"
        raise ValueError(f"the full text proposes no value for {', '.join(missing)} (proposed: {offered})")
    values = {k: (info.proposals[k]["value"],
                  _origin(info, FieldFromFullText(k, None, info.proposals[k]["evidence"], None))) for k in keys}
    fill_fields(review, record_id, values, reviewer=reviewer, action="accept from full text")
    with review.transaction() as session:
        set_proposals(session, record_id, {k: v for k, v in info.proposals.items() if k not in keys})
    return keys


def keep_selection_evidence(review: Review, record_id: int, key: str, value: Any, *, page: int, quote: str,
                            reviewer: str) -> bool:
    """Keep where the reviewer's value of ``key`` was selected in the attached full text.

    The reviewer set ``value`` (an ordinary, undoable edit) from words selected on ``page`` of the
    full text; the evidence ``{"page", "quote"}`` goes with it, with the file's name and SHA-256.
    The value stays the reviewer's (origin "edited": no reading of the full text overwrites it),
    and the next edit of the field, or undoing this one, drops the evidence with the value.
    Returns False, keeping nothing, when the field does not hold that value as the reviewer's
    (the edit was refused) or the record has no full text.
    """
    info = full_text_of(review, record_id)
    entry = get_record(review, record_id).curated.get(key)
    if info is None or entry is None or entry.get("from") or entry["value"] != coerce_value(key, value):
        return False
    origin = {"evidence": [{"page": page, "quote": quote}], "file_name": info.file_name, "sha256": info.sha256}
    fill_fields(review, record_id, {key: (entry["value"], origin)}, reviewer=reviewer, action="select in full text")
    return True
