"""The review's risk-of-bias judgements as rows (one per appraised record), and robvis's ROB2 CSV.

A study is named as in a forest plot: the first author's surname and the year ("Smith 2019",
"Smith 2019a" and "Smith 2019b" when two share it), else the first identifier, else the
record id. robvis's ROB2 template is ``Study, D1, D2, D3, D4, D5, Overall, Weight`` with the
words Low, Some concerns, High; every study gets weight 1 (Curator holds no meta-analysis
weights), so the weighted summary counts studies.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.appraisal.appraisals import PARTS, FinalAppraisal, final_appraisals
from curator.appraisal.rob2 import DOMAINS, OVERALL
from curator.export.cell_text import csv_text
from curator.export.output import ExportError, atomic_target
from curator.review.records import get_record
from curator.store.database import Review

ROBVIS_COLUMNS = ("Study", *DOMAINS, "Overall", "Weight")
ROBVIS_WORDS = {"low": "Low", "some concerns": "Some concerns", "high": "High"}
_INITIALS = re.compile(r"^[A-Z](?:\.?[A-Z])*\.?$")


def surname(author: str) -> str:
    """The family name of an author as databases write one: "Smith J", "Smith, John", "John Smith"."""
    author = " ".join(author.split())
    if "," in author:
        return author.split(",", 1)[0].strip()
    words = author.split(" ")
    if len(words) > 1 and _INITIALS.match(words[-1]):
        return " ".join(words[:-1])
    return words[-1]


def study_label(fields: dict[str, Any], record_id: int) -> str:
    """A study's name for a plot: first author and year, else its first identifier, else the record."""
    authors = [a for a in fields.get("authors") or [] if str(a).strip()]
    year = fields.get("year") or (str(fields.get("start_date") or "")[:4] or None)
    if authors:
        return f"{surname(str(authors[0]))} {year}".strip() if year else surname(str(authors[0]))
    ids = fields.get("ids") or []
    if ids:
        return str(ids[0])
    return f"record {record_id}"


@dataclass(frozen=True)
class RiskOfBiasRow:
    """One appraised record: its study label and what stands for each domain and overall."""

    record_id: int
    study: str
    appraisal: FinalAppraisal

    def judgement(self, part: str) -> str | None:
        """What stands for a domain or overall (None: open or unresolved)."""
        return self.appraisal.judgements.get(part)

    def support_text(self) -> str | None:
        """Every reviewer's quotes, one line each: ``ann 1.1: "..."``."""
        lines = [f"{who} {q}: \u201c{quote}\u201d" for who, quotes in self.appraisal.support.items()
                 for q, quote in sorted(quotes.items(), key=lambda i: tuple(map(int, i[0].split("."))))]
        return "\n".join(lines) or None


def risk_of_bias_rows(review: Review) -> list[RiskOfBiasRow]:
    """Every record with a RoB 2 appraisal, in record order, named as studies (repeated names get a, b, ...)."""
    found = final_appraisals(review)
    labels = [study_label(get_record(review, f.record_id).fields(), f.record_id) for f in found]
    repeats = Counter(labels)
    seen: Counter[str] = Counter()
    rows = []
    for final, label in zip(found, labels, strict=True):
        if repeats[label] > 1:
            seen[label] += 1
            label = f"{label}{chr(ord('a') + seen[label] - 1) if seen[label] <= 26 else seen[label]}"
        rows.append(RiskOfBiasRow(final.record_id, label, final))
    return rows


def complete_rows(review: Review) -> list[RiskOfBiasRow]:
    """The rows, every one judged in every domain and overall; ExportError naming what is still open."""
    rows = risk_of_bias_rows(review)
    if not rows:
        raise ExportError("no record has a RoB 2 appraisal yet (`curator appraise ID --tool rob2 --answers FILE`)")
    open_parts = []
    for row in rows:
        unresolved = row.appraisal.unresolved
        missing = [p for p in PARTS if row.judgement(p) is None and p not in unresolved]
        if unresolved:
            open_parts.append(f"record {row.record_id} ({row.study}) has {', '.join(unresolved)} unresolved between"
                              f" {' and '.join(row.appraisal.reviewers)}")
        if missing:
            open_parts.append(f"record {row.record_id} ({row.study}) has {', '.join(missing)} still open")
    if open_parts:
        raise ExportError("every study needs a judgement in each domain and overall: " + "; ".join(open_parts[:5])
                          + (f" and {len(open_parts) - 5} more" if len(open_parts) > 5 else ""))
    return rows


def export_robvis(review: Review, path: Path | str) -> Path:
    """Write robvis's ROB2 CSV (Study, D1..D5, Overall, Weight) to ``path``; returns the path written."""
    rows = complete_rows(review)
    target = Path(path)
    with atomic_target(target) as temp, open(temp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ROBVIS_COLUMNS)
        for row in rows:
            words = [ROBVIS_WORDS[row.judgement(p) or ""] for p in (*DOMAINS, OVERALL)]
            writer.writerow([csv_text(row.study), *words, 1])
    return target.expanduser().absolute()
