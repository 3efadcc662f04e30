"""What the curation desk asks of a review: what is left to screen, keywords to highlight, evidence spans.

Plain functions over the review store, no Qt: the window in ``ui/`` is a client of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import text

from curator.review.eligibility import eligible_condition
from curator.review.screening import check_stage
from curator.store.database import Review, get_setting, set_setting
from curator.store.models import LINK_COUNTS

KEYWORDS_SETTING = "keywords"


def unscreened_ids(review: Review, stage: str, reviewer: str) -> set[int]:
    """Records to be screened at ``stage`` that ``reviewer`` has no standing decision on.

    Duplicates and records removed before screening are never offered; at full text, only
    records that passed title/abstract (see :mod:`curator.review.eligibility`).
    """
    check_stage(stage)
    sql = text(
        f"SELECT r.id FROM records r WHERE {eligible_condition(stage)} AND r.id NOT IN ("
        " SELECT record_id FROM decisions WHERE stage = :stage AND reviewer = :reviewer AND retracted = false"
        " AND resolves IS NULL)"
    )
    with review.engine.connect() as connection:
        return {row[0] for row in connection.execute(sql, {"stage": stage, "reviewer": reviewer})}


def is_unscreened(review: Review, record_id: int, stage: str, reviewer: str) -> bool:
    """True when ``reviewer`` has no standing decision on the record at ``stage``."""
    check_stage(stage)
    sql = text(
        "SELECT count(*) FROM decisions WHERE record_id = :id AND stage = :stage AND reviewer = :reviewer"
        " AND retracted = false AND resolves IS NULL"
    )
    with review.engine.connect() as connection:
        return not connection.execute(sql, {"id": record_id, "stage": stage, "reviewer": reviewer}).scalar_one()


def next_unscreened(ordered_ids: Iterable[int], unscreened: set[int], after: int | None = None) -> int | None:
    """The first id of ``ordered_ids`` still unscreened after ``after`` (wrapping round), or None."""
    ids = list(ordered_ids)
    start = 0
    if after is not None and after in ids:
        start = ids.index(after) + 1
    for record_id in ids[start:] + ids[:start]:
        if record_id in unscreened and record_id != after:
            return record_id
    return None


@dataclass(frozen=True)
class Keywords:
    """Words that speak for inclusion (highlighted green) and for exclusion (red)."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


def _clean(words: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for word in words:
        word = " ".join(str(word).split())
        if word and word.lower() not in (w.lower() for w in cleaned):
            cleaned.append(word)
    return cleaned


def get_keywords(review: Review) -> Keywords:
    """The review's inclusion and exclusion keywords."""
    stored = get_setting(review, KEYWORDS_SETTING) or {}
    return Keywords(_clean(stored.get("include", [])), _clean(stored.get("exclude", [])))


def set_keywords(review: Review, include: Iterable[str], exclude: Iterable[str]) -> Keywords:
    """Store the review's keyword lists (blank and repeated words dropped); returns what was kept."""
    keywords = Keywords(_clean(include), _clean(exclude))
    set_setting(review, KEYWORDS_SETTING, {"include": keywords.include, "exclude": keywords.exclude})
    return keywords


def _keyword_pattern(word: str) -> str:
    # "random*" matches randomised, randomly...; spaces match any run of whitespace (text wraps).
    stem = word.rstrip("*")
    body = r"\s+".join(re.escape(part) for part in stem.split())
    return rf"\b{body}\w*" if word.endswith("*") else rf"\b{body}\b"


def keyword_spans(document: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of every case-insensitive whole-word match of ``words`` in ``document``, in order."""
    patterns = [_keyword_pattern(w) for w in _clean(words) if w.rstrip("*").strip()]
    if not patterns or not document:
        return []
    matcher = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return [(m.start(), m.end()) for m in matcher.finditer(document) if m.end() > m.start()]


def evidence_spans(evidence: dict[str, list[list[int]]], key: str, length: int) -> list[tuple[int, int]]:
    """The evidence spans of ``key`` that fall inside a text of ``length`` characters, in order."""
    spans: list[tuple[int, int]] = []
    for span in evidence.get(key) or []:
        if len(span) != 2:
            continue
        start, end = max(0, int(span[0])), min(length, int(span[1]))
        if end > start:
            spans.append((start, end))
    return sorted(spans)


@dataclass(frozen=True)
class SetAside:
    """Why a record is not screened at all: a duplicate of another record, or removed before screening."""

    duplicate_of: int | None = None
    removed_reason: str | None = None

    @property
    def label(self) -> str:
        """"Duplicate of #12" or "Removed: <reason>", as the list and the decision bar show it."""
        if self.removed_reason:
            return f"Removed: {self.removed_reason}"
        return f"Duplicate of #{self.duplicate_of}"

    @property
    def short_label(self) -> str:
        """"Duplicate of #12" or "Removed", for a narrow column (the reason goes in its tooltip)."""
        return "Removed" if self.removed_reason else self.label


def set_aside(review: Review, record_ids: Iterable[int]) -> dict[int, SetAside]:
    """The records of ``record_ids`` that are duplicates or removed before screening, and why."""
    wanted = sorted(set(record_ids))
    if not wanted:
        return {}
    found: dict[int, SetAside] = {}
    with review.engine.connect() as connection:
        for first in range(0, len(wanted), 500):
            chunk = wanted[first:first + 500]
            marks = ", ".join(str(int(i)) for i in chunk)
            for record_id, original in connection.execute(text(
                    f"SELECT record_id, duplicate_of_id FROM duplicate_links WHERE record_id IN ({marks})"
                    f" AND {LINK_COUNTS}")):
                found[record_id] = SetAside(duplicate_of=original)
            for record_id, reason in connection.execute(text(
                    f"SELECT id, removed_reason FROM records WHERE id IN ({marks}) AND removed_reason IS NOT NULL")):
                found[record_id] = SetAside(found.get(record_id, SetAside()).duplicate_of, reason)
    return found
