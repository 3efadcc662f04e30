"""Records for desk tests and benchmarks, written straight into a review (no importer needed).

The sample documents become records with a few extracted fields and their
evidence; ``seed_records`` repeats them, with numbered titles, as often as asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert

from curator.fields import empty_fields
from curator.store.database import Review
from curator.store.models import Record, Source, utcnow

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
STATUSES = ("RECRUITING", "COMPLETED", "TERMINATED", None)
PHASES = ("PHASE2", "PHASE3", "PHASE1/PHASE2", None)


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def _fields(text: str, number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    fields = empty_fields()
    heading = text.split("\n", 1)[0].strip()
    title = heading if number < 5 else f"{heading} #{number}"
    fields.update(kind="trial" if number % 4 else "article", profile="sample", title=title,
                  status=STATUSES[number % 4], phase=PHASES[number % 4], enrollment=40 + number % 500,
                  conditions=["complex regional pain syndrome"] if number % 2 else [],
                  start_date="2021-03" if number % 3 else None)
    fields["pico"]["population"] = "adults with refractory CRPS" if number % 2 else None
    evidence: dict[str, Any] = {"title": [[0, len(heading)]]}
    where = text.find("Sponsor")
    if where >= 0:
        evidence["sponsor"] = [[where, where + 7]]
    return fields, evidence


def seed_records(review: Review, count: int, *, batch: int = 5000) -> list[int]:
    """Add ``count`` records made from the sample documents; returns their ids in order."""
    texts = sample_texts()
    ids: list[int] = []
    now = utcnow()
    with review.transaction() as session:
        source = Source(name="Seeded samples", kind="website", file_name="samples", record_count=count)
        session.add(source)
        session.flush()
        for first in range(0, count, batch):
            rows = []
            for number in range(first, min(count, first + batch)):
                text = texts[number % len(texts)]
                fields, evidence = _fields(text, number)
                rows.append({
                    "source_id": source.id, "source_entry": f"{number}", "text": text, "content_hash": "",
                    "kind": fields["kind"], "profile": "sample", "title": fields["title"],
                    "status": fields["status"], "phase": fields["phase"], "year": None,
                    "extracted": fields, "curated": {}, "evidence": evidence, "imported_at": now,
                })
            ids.extend(session.execute(
                insert(Record).returning(Record.id, sort_by_parameter_order=True), rows  # type: ignore[arg-type]
            ).scalars().all())
    return ids


def screen_blind_in_pairs(review: Review, lead: str = "carol") -> None:
    """Both stages in blind dual screening, with ``lead`` (who sets it) as the lead."""
    from curator.review.screening_mode import set_lead_reviewer, set_screening_mode

    set_screening_mode(review, "dual", reviewer=lead)
    set_lead_reviewer(review, lead, reviewer=lead)
