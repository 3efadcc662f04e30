"""Whether a value is a plausible one for a field whose label may stand without a colon ("Last updated on September
2018", "Recruitment status No longer recruiting"): only such a value makes the words before it a label."""

from __future__ import annotations

from curator.extraction.normalise import (
    normalise_age,
    normalise_phase,
    normalise_sex,
    normalise_status,
    parse_date,
)


def validates(slot: str, value: str) -> bool:
    """True when ``value`` is a plausible value of ``slot`` (used for labels written without a colon)."""
    if slot in ("start_date", "completion_date", "last_updated", "year", "pub_date"):
        return parse_date(value) is not None
    if slot == "status":
        return len(value) <= 60 and normalise_status(value) is not None
    if slot == "phase":
        return len(value) <= 40 and normalise_phase(value) is not None
    if slot in ("enrollment", "enrollment_actual", "iras", "pmid"):
        return value[:1].isdigit()
    if slot in ("min_age", "max_age"):
        return normalise_age(value) is not None
    if slot == "sex":
        return normalise_sex(value) is not None
    if slot == "study_type":  # ISRCTN's "Primary study design Interventional": one or two words
        return len(value) <= 30 and value.lower().startswith(("interventional", "observational"))
    return False
