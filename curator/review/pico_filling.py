"""Finding the PICO of imported bibliographic records, after their import, a batch at a time.

An import writes a database export's records as fast as it can and leaves their PICO (population,
intervention, comparator, primary outcome) to be read from each title and abstract afterwards
(:func:`curator.extraction.entry_pico.entry_pico`). A record still waits while its stored extracted fields
hold no ``pico`` object: the fill writes one (empty when the abstract states none), so that marker costs no
column, and an older review's records simply wait until the review is next filled.

Each batch is read, found and written in its own transaction: a fill stopped or killed loses at most the
batch it was in, and the next fill carries on with the records still waiting. Only the extracted values
are written; a value the reviewer curated stays in front of them. (A review written before the stored fields
were packed keeps an all-null ``pico``: its records wait too.) A read-only review, and a server review
whose login may not change extracted values (only those who import may), is refused with a clear sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import col, select, update

from curator.extraction.entry_pico import BIBLIOGRAPHIC_PROFILES, PICO_PARTS, entry_pico
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.dialects import POSTGRESQL, dialect_of, json_value
from curator.store.errors import ReviewReadOnly
from curator.store.models import Record

#: Records read, found and written per transaction.
BATCH = 200
#: The audit log's action for a batch of PICO found.
ACTION = "find PICO"

Progress = Callable[[int, int], None]  # records done, records waiting when the fill began


class PicoNotAllowed(ReviewReadOnly):
    """This login may not write extracted values (a server review's reviewer: only those who import may)."""


@dataclass(frozen=True)
class PicoFill:
    """What a fill did: records read, records given at least one PICO part, whether it was stopped."""

    sought: int
    found: int
    waiting: int  # records still waiting when it ended
    stopped: bool
    record_ids: tuple[int, ...] = ()  # the records whose PICO was written (read, found or not)


def _waiting_sql(dialect: str) -> str:
    """SQL true for a record still waiting: no ``pico`` stored, or the all-null one an older review kept
    (a fill stores found parts only, never a null)."""
    profiles = ", ".join(f"'{p}'" for p in sorted(BIBLIOGRAPHIC_PROFILES))
    population = json_value(dialect, "extracted", "pico", "population")
    null_kept = f"json_typeof({population}) = 'null'" if dialect == POSTGRESQL \
        else "json_type(extracted, '$.pico.population') = 'null'"
    return (f"profile IN ({profiles}) AND kind = 'article' "
            f"AND ({json_value(dialect, 'extracted', 'pico')} IS NULL OR {null_kept})")


def records_waiting(review: Review) -> int:
    """How many bibliographic records have not had their PICO looked for."""
    with review.session() as session:
        where = _waiting_sql(dialect_of(session))
        return int(session.execute(sql(f"SELECT count(*) FROM records WHERE {where}")).scalar_one())


def check_may_fill(review: Review) -> None:
    """Raise :class:`ReviewReadOnly` (or :class:`PicoNotAllowed`) when this review's extracted values cannot be written."""
    review.check_writable()
    if not review.server:
        return
    with review.session() as session:
        if dialect_of(session) == POSTGRESQL and not session.execute(
                sql("SELECT has_column_privilege('records', 'extracted', 'UPDATE')")).scalar_one():
            raise PicoNotAllowed("PICO of imported records is found by a lead of this review (who may import); "
                                 "this login may not change extracted values")


def _found(record_text: str, extracted: dict[str, Any], evidence: dict[str, Any]) -> tuple[dict, dict, bool]:
    """The record's extracted fields and evidence with its PICO added (only parts not already there)."""
    got = entry_pico(record_text, evidence)
    pico = {part: value for part, value in (extracted.get("pico") or {}).items() if value is not None}
    evidence = dict(evidence)
    for part in PICO_PARTS:
        if part in got and pico.get(part) is None:
            pico[part], evidence[f"pico.{part}"] = got[part]
    return {**extracted, "pico": pico}, evidence, bool(got)


def fill_pico(review: Review, *, reviewer: str, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, written: Callable[[list[int]], None] | None = None,
              batch: int | None = None) -> PicoFill:
    """Find the PICO of every record still waiting, ``batch`` records per transaction (default :data:`BATCH`).

    ``progress(done, total)`` is told after each batch; ``cancelled()`` is asked before each, and a True
    stops the fill there (what was written stays; the rest waits for the next fill). ``written(ids)`` is told
    the records of each batch once it is saved (a window refreshes the record it shows).
    """
    check_may_fill(review)
    batch = batch or BATCH
    total = records_waiting(review)
    done = found = 0
    after = 0
    saved: list[int] = []
    stopped = False
    while done < total or total == 0:
        if cancelled is not None and cancelled():
            stopped = True
            break
        with review.transaction() as session:
            where = _waiting_sql(dialect_of(session))
            rows = session.execute(
                select(Record.id, Record.text, Record.extracted, Record.evidence)
                .where(col(Record.id) > after, sql(where)).order_by(col(Record.id)).limit(batch)).all()
            if not rows:
                break
            changes = []
            found_here = 0
            for record_id, record_text, extracted, evidence in rows:
                new_extracted, new_evidence, any_found = _found(record_text, extracted or {}, evidence or {})
                changes.append({"id": record_id, "extracted": new_extracted, "evidence": new_evidence})
                found_here += any_found
            session.execute(update(Record), changes)
            log_change(session, reviewer, ACTION, new={"records": len(rows), "found": found_here})
        found += found_here
        after = rows[-1][0]
        saved.extend(r[0] for r in rows)
        done += len(rows)
        if written is not None:
            written([r[0] for r in rows])
        if progress is not None:
            progress(done, max(total, done))
    return PicoFill(done, found, max(0, total - done) if stopped else records_waiting(review) if total else 0,
                    stopped, tuple(saved))
