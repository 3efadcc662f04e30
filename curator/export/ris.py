"""The included records as RIS, for reference managers (Zotero, EndNote, Mendeley)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from curator.export.cell_text import xml_safe
from curator.export.output import Cancelled, atomic_target, check_cancelled
from curator.export.record_table import iter_record_rows
from curator.export.registry_links import identifier_url
from curator.prisma.counts import prisma_counts
from curator.prisma.flow import INCLUDED, PrismaCounts
from curator.review.studies import is_registry_id
from curator.store.database import Review

# RIS reference types: a publication, a registry record (a database entry), anything else.
TYPES = {"article": "JOUR", "trial": "DBASE"}


def _line(tag: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    # One RIS line per tag: no line breaks, no control characters.
    text = " ".join(xml_safe(str(value)).split())
    return f"{tag}  - {text}" if text else None


def ris_entry(record_id: int, fields: dict[str, Any], source: str | None) -> list[str]:
    """The RIS lines of one record, from ``TY`` to ``ER``."""
    ids = [i for i in fields.get("ids") or [] if isinstance(i, str)]
    lines = [_line("TY", TYPES.get(fields.get("kind") or "", "GEN")), _line("ID", f"curator-{record_id}"),
             _line("TI", fields.get("title")), _line("T2", fields.get("journal")),
             _line("ST", fields.get("official_title"))]
    lines += [_line("AU", author) for author in fields.get("authors") or []]
    lines += [_line("PY", fields.get("year")), _line("AB", fields.get("abstract"))]
    for identifier in ids:
        if identifier.startswith("DOI:"):
            lines.append(_line("DO", identifier[4:]))
        elif identifier.startswith("PMID:"):
            lines.append(_line("AN", identifier))
    registry = [i for i in ids if is_registry_id(i)]
    lines += [_line("UR", identifier_url(i)) for i in registry]
    lines += [_line("KW", keyword) for keyword in fields.get("conditions") or []]
    lines += [_line("KW", keyword) for keyword in fields.get("interventions") or []]
    notes = [("Registry ids", "; ".join(registry)), ("Status", fields.get("status")), ("Phase", fields.get("phase")),
             ("Study type", fields.get("study_type")), ("Participants", fields.get("enrollment")),
             ("Sponsor", fields.get("sponsor"))]
    note = "; ".join(f"{label}: {value}" for label, value in notes if value not in (None, ""))
    lines += [_line("N1", note), _line("DB", source)]
    ris = [line for line in lines if line is not None]
    return [*ris, "ER  - "]


def export_ris(review: Review, path: Path | str, *, cancelled: Cancelled | None = None,
               counts: PrismaCounts | None = None) -> Path:
    """Write the included records (reports of included studies) to ``path`` as RIS; returns the path."""
    counts = counts or prisma_counts(review)
    included = {rid for rid, outcome in counts.outcomes.items() if outcome == INCLUDED}
    target = Path(path)
    with atomic_target(target) as temp, open(temp, "w", encoding="utf-8", newline="\r\n") as handle:
        for row in iter_record_rows(review, counts, only=included):
            check_cancelled(cancelled)
            handle.write("\n".join(ris_entry(row.id, row.fields, row.values[3])) + "\n\n")
    return target.expanduser().absolute()
