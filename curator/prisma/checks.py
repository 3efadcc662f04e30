"""The arithmetic of prisma.md, checked over the PRISMA counts, each rule named with what breaks it."""

from __future__ import annotations

from curator.prisma.flow import Check, ColumnCounts, PrismaCounts


def duplicate_cycles(links: dict[int, list[int]]) -> list[int]:
    """Duplicates whose chain of originals never reaches a kept record (every one of them removed)."""
    stuck: list[int] = []
    for start in links:
        seen = {start}
        frontier = list(links[start])
        reached = False
        while frontier and not reached:
            current = frontier.pop()
            if current not in links:
                reached = True
            elif current not in seen:
                seen.add(current)
                frontier.extend(links[current])
        if not reached:
            stuck.append(start)
    return sorted(stuck)


def name_ids(ids: list[int], limit: int = 10) -> str:
    """Record ids for a message: the first ``limit``, then how many more."""
    shown = ", ".join(str(i) for i in sorted(ids)[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _still_open(waiting: list[int], what: str, conflicts: list[int]) -> str:
    """Why a stage's arithmetic is not closed yet: "3 records await … (ids) and 1 is in conflict (ids)"."""
    if not waiting and not conflicts:
        return ""
    listed = f" ({name_ids(waiting)})" if waiting else ""
    disputed = f" ({name_ids(conflicts)})" if conflicts else ""
    return f"{len(waiting)} {what}{listed} and {len(conflicts)} are in conflict{disputed}"


def _column_checks(c: ColumnCounts, label: str, with_screening: bool) -> list[Check]:
    checks: list[Check] = []
    removed = c.duplicates + c.removed_automation + c.removed_other
    if with_screening:
        checks.append(Check(f"{label}: identified − duplicates − removed by automation − removed for other reasons"
                            " = records screened", c.identified - removed, c.screened))
        checks.append(Check(
            f"{label}: records screened − records excluded = reports sought for retrieval",
            c.screened - c.excluded, c.sought,
            _still_open(c.awaiting_screening, "records await title/abstract screening", c.screening_conflicts),
            len(c.awaiting_screening) + len(c.screening_conflicts)))
        checks.append(Check(f"{label}: records excluded = excluded by a human + excluded by automation",
                            c.excluded, c.excluded_human + c.excluded_automation))
    else:
        checks.append(Check(
            f"{label}: identified − removed before screening − excluded at title/abstract = reports sought",
            c.identified - removed - c.excluded, c.sought,
            f"{removed} duplicates or removed records and {c.excluded} excluded at title/abstract are not in the"
            " template's other-methods column" if removed or c.excluded else ""))
    checks.append(Check(
        f"{label}: reports sought − reports not retrieved = reports assessed",
        c.sought - c.not_retrieved, c.assessed,
        _still_open(c.awaiting_full_text, "reports await full-text assessment", c.full_text_conflicts),
        len(c.awaiting_full_text) + len(c.full_text_conflicts)))
    checks.append(Check(f"{label}: reports assessed − Σ reports excluded = reports of included studies",
                        c.assessed - sum(c.excluded_reasons.values()), c.included_reports))
    return checks


def arithmetic_checks(counts: PrismaCounts) -> list[Check]:
    """Every rule of prisma.md over both columns, holding or not."""
    checks = _column_checks(counts.dbr, "databases and registers", True)
    if counts.other.identified:
        checks += _column_checks(counts.other, "other methods", False)
    checks.append(Check("reports of included studies = databases and registers + other methods",
                        counts.new_reports, counts.dbr.included_reports + counts.other.included_reports))
    checks.append(Check(
        "records identified = sum over sources",
        sum(counts.identified_by_kind.values()), sum(s.records for s in counts.sources)))
    if counts.new_studies > counts.new_reports:  # cannot happen: a study has at least one report
        checks.append(Check("studies included ≤ reports of included studies", counts.new_studies,
                            counts.new_reports))
    return checks
