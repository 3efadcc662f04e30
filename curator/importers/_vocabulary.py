"""The registries' words mapped onto the vocabularies of fields.md (status, phase, study type, sex, dates)."""

from __future__ import annotations

import re

from curator.fields import STATUSES

_STATUS_WORDS = {
    "not yet recruiting": "NOT_YET_RECRUITING",
    "pending": "NOT_YET_RECRUITING",
    "authorised": "NOT_YET_RECRUITING",
    "recruiting": "RECRUITING",
    "open": "RECRUITING",
    "enrolling by invitation": "ENROLLING_BY_INVITATION",
    "active, not recruiting": "ACTIVE_NOT_RECRUITING",
    "active not recruiting": "ACTIVE_NOT_RECRUITING",
    "ongoing, not recruiting": "ACTIVE_NOT_RECRUITING",
    "closed to recruitment": "ACTIVE_NOT_RECRUITING",
    "closed to recruitment of participants": "ACTIVE_NOT_RECRUITING",
    "completed": "COMPLETED",
    "complete": "COMPLETED",
    "suspended": "SUSPENDED",
    "temporarily halted": "SUSPENDED",
    "terminated": "TERMINATED",
    "stopped": "TERMINATED",
    "prematurely ended": "TERMINATED",
    "withdrawn": "WITHDRAWN",
    "unknown": "UNKNOWN",
    "unknown status": "UNKNOWN",
    "available": "AVAILABLE",
    "no longer available": "NO_LONGER_AVAILABLE",
    "temporarily not available": "TEMPORARILY_NOT_AVAILABLE",
    "approved for marketing": "APPROVED_FOR_MARKETING",
    "withheld": "WITHHELD",
}


def status_of(raw: str | None) -> str | None:
    """The fields.md status for a registry's status words (``Recruiting``, ``ACTIVE_NOT_RECRUITING``...)."""
    if not raw:
        return None
    words = raw.strip()
    if words.upper().replace(" ", "_") in STATUSES:
        return words.upper().replace(" ", "_")
    key = re.sub(r"\s+", " ", words.lower()).strip(" .")
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    # "Completed 2019-05-01", "Prematurely Ended (2016-01-01)": the leading words decide.
    for words_, status in sorted(_STATUS_WORDS.items(), key=lambda item: -len(item[0])):
        if key.startswith(words_):
            return status
    return None


_PHASE_NUMBERS = {"0": "EARLY_PHASE1", "1": "PHASE1", "i": "PHASE1", "2": "PHASE2", "ii": "PHASE2",
                  "3": "PHASE3", "iii": "PHASE3", "4": "PHASE4", "iv": "PHASE4"}


def phase_of(raws: str | list[str] | None) -> str | None:
    """``PHASE2/PHASE3`` etc. from ``["PHASE2", "PHASE3"]``, ``Phase 2/Phase 3``, ``Phase II``, ``N/A``."""
    if not raws:
        return None
    text = " / ".join(raws) if isinstance(raws, list) else raws
    lowered = text.lower()
    if re.fullmatch(r"\s*(n/?a|na|not applicable)\s*", lowered):
        return "NA"
    phases: list[str] = []
    if "early" in lowered:
        phases.append("EARLY_PHASE1")
        lowered = re.sub(r"early[_ ]?phase[_ ]?(1|i)\b", " ", lowered)
    for match in re.finditer(r"phase[_\s]*(iv|iii|ii|i|[0-4])(?:[_\s]*/[_\s]*(?:phase)?[_\s]*(iv|iii|ii|i|[0-4]))?\b",
                             lowered):
        for group in match.groups():
            if group and _PHASE_NUMBERS[group] not in phases:
                phases.append(_PHASE_NUMBERS[group])
    if not phases:
        return None
    order = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"]
    phases.sort(key=order.index)
    joined = "/".join(phases)
    return joined if joined in ("EARLY_PHASE1", "PHASE1", "PHASE1/PHASE2", "PHASE2", "PHASE2/PHASE3", "PHASE3",
                                "PHASE4") else phases[0]


def study_type_of(raw: str | None) -> str | None:
    """``INTERVENTIONAL`` / ``OBSERVATIONAL`` / ``EXPANDED_ACCESS`` from a registry's words."""
    if not raw:
        return None
    lowered = raw.lower()
    for word, value in (("interventional", "INTERVENTIONAL"), ("observational", "OBSERVATIONAL"),
                        ("expanded", "EXPANDED_ACCESS")):
        if word in lowered:
            return value
    return None


def sex_of(raw: str | None) -> str | None:
    """``ALL`` / ``FEMALE`` / ``MALE`` from ``All``, ``Both``, ``Female``..."""
    if not raw:
        return None
    lowered = raw.strip().lower()
    if lowered in ("all", "both", "male and female", "female and male", "both males and females"):
        return "ALL"
    if lowered in ("female", "females", "women"):
        return "FEMALE"
    if lowered in ("male", "males", "men"):
        return "MALE"
    return None


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def iso_date(raw: str | None) -> str | None:
    """ISO 8601 as precise as written: ``January 31, 2010`` → ``2010-01-31``, ``2019 Mar`` → ``2019-03``."""
    if not raw:
        return None
    text = raw.strip()
    match = re.match(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\b", text)
    if match:
        year, month, day = match.groups()
        return _join(year, month, day)
    match = re.match(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", text)  # 31/01/2010, day first (European registries)
    if match:
        day, month, year = match.groups()
        return _join(year, month, day)
    year_match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", text)
    if not year_match:
        return None
    month_match = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", text, re.I)
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", text.replace(year_match.group(1), ""))
    month = str(_MONTHS[month_match.group(1).lower()]) if month_match else None
    day = day_match.group(1) if (day_match and month) else None
    return _join(year_match.group(1), month, day)


def _join(year: str, month: str | None, day: str | None) -> str | None:
    if not month:
        return year
    if not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def year_of(raw: str | int | None) -> int | None:
    """A publication year from ``2019``, ``2019///``, ``2019 Mar 5``, ``2019/03/05``."""
    if raw is None:
        return None
    match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(raw))
    return int(match.group(1)) if match else None


def int_of(raw: str | int | None) -> int | None:
    """A whole number from ``1,200``, ``300 (Actual)``; None when there is none."""
    if raw is None:
        return None
    match = re.search(r"\d[\d,]*", str(raw))
    return int(match.group(0).replace(",", "")) if match else None


_AGE_RE = re.compile(r"^(\d+)(?:\.0+)?\s*(years?|months?|weeks?|days?|hours?|y|m|w|d)?(?:\(s\))?\.?$", re.I)
_AGE_UNITS = {"y": "Years", "m": "Months", "w": "Weeks", "d": "Days"}


def age_of(raw: str | None) -> str | None:
    """A registry's age limit as fields.md writes it: ``18`` / ``18 years`` / ``6.00 Month(s)`` -> ``18 Years`` /
    ``6 Months``; "No limit", "N/A" and what is not an age -> None."""
    if not raw:
        return None
    m = _AGE_RE.match(raw.strip())
    if m is None:
        return None
    unit = (m.group(2) or "years").lower()
    unit = _AGE_UNITS.get(unit, unit.rstrip("s").title() + "s")
    return f"{int(m.group(1))} {unit}"

