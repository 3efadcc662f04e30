"""EU Clinical Trials Register full-text download: ``.txt`` with numbered fields (``A.2 EudraCT number: ...``).

A download holds one block per trial and member state, each starting with
``Summary`` and ``EudraCT Number:``. The same trial in several member states is
several records with one EudraCT number (the duplicates step links them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from curator.identifiers import canonical_registry_id
from curator.importers import Item, Problem, Reader, opening_lines, register
from curator.importers._decoding import decode_text
from curator.importers._registry_page import Trial, trial_entry
from curator.importers._vocabulary import int_of

_SNIFF = re.compile(rb"EudraCT Number:\s*\d{4}-\d{6}-\d{2}", re.I)
_BLOCK_START = re.compile(r"^Summary\s*$", re.M)
# "A.3 Full title of the trial: ..." / "E.7.2 Therapeutic exploratory (Phase II): Yes" / "Trial Status: Ongoing"
_FIELD = re.compile(r"^(?:([A-Z]\.(?:[\d.]*\d|End of Trial)?)\s+)?([^:\n]{2,160}?):[ \t]*(.*)$")
_PREFACE = b"this file contains full details on each clinical trial"
# "E. General Information on the Trial", "F.2 Gender", and the unnumbered "Sponsor 1", "MedDRA Classification"
_HEADING = re.compile(r"^(?:[A-Z]\.(?:[\d.]*\d)?\s+[^:]*|Sponsor \d+|MedDRA Classification)$")
_PHASES = (("E.7.1", "PHASE1"), ("E.7.2", "PHASE2"), ("E.7.3", "PHASE3"), ("E.7.4", "PHASE4"))


def sniff(head: bytes) -> bool:
    """An EU CTR download: it opens with ``Summary`` and the ``EudraCT Number:`` line.

    The register writes one sentence before them ("This file contains full details on each
    clinical trial selected for download..."). A saved register page shows the same words
    after the site's own header; it is read as a page (extraction), not as a download.
    """
    lines = opening_lines(head, 4)
    if lines and lines[0].lower().startswith(_PREFACE):
        lines = lines[1:]
    return bool(lines) and lines[0].lower() == b"summary" and any(_SNIFF.match(line) for line in lines[1:3])


def parse_block(block: str) -> list[tuple[str | None, str, str]]:
    """(number, label, value) of each field line; lines that continue a value are joined to it."""
    fields: list[tuple[str | None, str, str]] = []
    for line in block.split("\n"):
        match = _FIELD.match(line.strip())
        if match and (match.group(1) or not fields or not fields[-1][2] or len(match.group(2)) < 80):
            fields.append((match.group(1), match.group(2).strip(), match.group(3).strip()))
        elif _HEADING.match(line.strip()):
            continue  # headings, not values
        elif line.strip() and fields:
            number, label, value = fields[-1]
            fields[-1] = (number, label, f"{value}\n{line.strip()}".strip())
    return fields


def block_trial(fields: list[tuple[str | None, str, str]]) -> Trial:
    """One member state's record as the register states it."""
    by_number: dict[str, str] = {}
    for n, _, v in fields:
        if n:
            # A field given again in another language ("A.3 Full title of the trial (es): ...") follows
            # the English one: the first is kept.
            by_number.setdefault(n, v)
    by_label = {label.lower(): v for n, label, v in fields if not n}

    def number(code: str) -> str | None:
        value = by_number.get(code)
        return value or None

    def yes(code: str) -> bool:
        return (by_number.get(code) or "").strip().lower().startswith("yes")

    trial = Trial("EU Clinical Trials Register")
    eudract = number("A.2") or by_label.get("eudract number")
    if eudract:
        canonical = canonical_registry_id(f"EudraCT {eudract.split('/')[0]}")
        trial.ids.append((eudract, canonical))
    for code in ("A.5.2", "A.5.1"):  # the trial's own US NCT / ISRCTN numbers
        value = number(code)
        if value and canonical_registry_id(value):
            trial.ids.append((value, canonical_registry_id(value)))
    short = number("A.3.2")
    if short and " " not in short.strip():
        short = None  # an acronym alone ("VELOCITY-HF") names the trial but is no title: the lay or full title is
    trial.title = short or number("A.3.1") or number("A.3")
    trial.official_title = number("A.3")
    trial.status = by_label.get("trial status") or number("P.End of Trial")
    phases = [phase for code, phase in _PHASES if yes(code)]
    trial.phases = phases or None
    trial.study_type = "INTERVENTIONAL"  # the EU CTR registers interventional trials of medicines only
    total = number("F.4.2.2") or number("F.4.2.1") or number("F.4.1")  # the member state's count when it is all given
    trial.enrollment = int_of(total)
    trial.sponsor = number("B.1.1")
    condition = number("E.1.1") or number("E.1.1.1")
    trial.conditions = [condition] if condition else []
    _products(trial, fields)
    if yes("E.8.2.2"):
        trial.comparators.append("placebo")
    trial.outcomes = [v for v in (number("E.5.1"),) if v]
    # The download gives no start date ("first entered in the EudraCT database" is the record's date).
    trial.completion_date = next((v for n, label, v in fields  # "P.Date of ...", "P. Date of ...", "Date of ..."
                                  if "global end of the trial" in f"{n or ''} {label}".lower() and v), None)
    trial.min_age, trial.max_age = _ages(yes)
    female, male = yes("F.2.1"), yes("F.2.2")
    trial.sex = "All" if female and male else "Female" if female else "Male" if male else None
    trial.countries = [by_label.get("national competent authority", "").split(" - ")[0]] \
        if by_label.get("national competent authority") else []
    trial.summary = number("E.2.1")
    trial.eligibility = "\n".join(v for v in (number("E.3"), number("E.4")) if v) or None
    return trial


# The EU CTR's age groups (F.1.x answered Yes/No) and the ages they span; the elderly have no upper limit.
_AGE_GROUPS = (("F.1.1.2", "0 Days", "27 Days"), ("F.1.1.3", "0 Days", "27 Days"), ("F.1.1.4", "28 Days", "23 Months"),
               ("F.1.1.5", "2 Years", "11 Years"), ("F.1.1.6", "12 Years", "17 Years"), ("F.1.2", "18 Years", "64 Years"),
               ("F.1.3", "65 Years", None))


def _ages(yes: Callable[[str], bool]) -> tuple[str | None, str | None]:
    """The youngest and oldest ages of the groups answered Yes (none when no group is)."""
    groups = [(low, high) for code, low, high in _AGE_GROUPS if yes(code)]
    if not groups:
        return None, None
    return groups[0][0], groups[-1][1]


_COUNTRY_CODES = {"UK": "United Kingdom", "DE": "Germany", "FR": "France", "ES": "Spain", "IT": "Italy",
                  "NL": "Netherlands", "BE": "Belgium", "AT": "Austria", "SE": "Sweden", "DK": "Denmark",
                  "FI": "Finland", "IE": "Ireland", "PT": "Portugal", "PL": "Poland", "CZ": "Czechia",
                  "HU": "Hungary", "GR": "Greece", "NO": "Norway", "SK": "Slovakia", "SI": "Slovenia",
                  "RO": "Romania", "BG": "Bulgaria", "LT": "Lithuania", "LV": "Latvia", "EE": "Estonia",
                  "LU": "Luxembourg", "MT": "Malta", "CY": "Cyprus", "IS": "Iceland", "HR": "Croatia"}


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every trial block of an EU CTR download."""
    text = decode_text(data)  # a DecodingError is reported by read_path
    starts = [m.start() for m in _BLOCK_START.finditer(text)] or [0]
    if starts[0] != 0 and text[: starts[0]].strip() and _SNIFF.search(text[: starts[0]].encode()):
        starts.insert(0, 0)
    many = len(starts) > 1
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)], strict=True), start=1):
        block = text[start:end]
        line = text.count("\n", 0, start) + 1
        trial = block_trial(parse_block(block))
        where = f"trial {number}, line {line}"
        if not trial.ids or not trial.title:
            yield Problem(path.name, where, "trial has no EudraCT number or no title")
            continue
        trial.countries = [_COUNTRY_CODES.get(c.strip(), c.strip()) for c in trial.countries if c.strip()]
        yield trial_entry(trial, "euctr", f"{path.name}#{number}" if many else path.name,
                          "EU Clinical Trials Register")


register(Reader("euctr", (), sniff, read, priority=30, source_kind="register"))


_PRODUCT_CODES = ("D.3.1", "D.3.8")  # product name, INN (not D.3.10.x, the strength's unit, type and number)


def _products(trial: Trial, fields: list[tuple[str | None, str, str]]) -> None:
    """The medicines of section D, each IMP's role ("IMP Role: Test" / "Comparator") saying whether it is tested or the
    control's."""
    role, named = None, False  # an IMP's role, and whether its first name (product or INN) was taken
    for n, label, value in fields:
        if n == "D.IMP":
            role, named = None, False
        elif n and n.startswith("D.1.2") and "role" in label.lower():
            role, named = (value or "").strip().lower(), False  # each IMP opens with its role
        elif n in _PRODUCT_CODES and value:
            if value not in trial.interventions:
                trial.interventions.append(value)
            if role == "comparator" and not named:
                trial.comparators.append(value)
            elif role == "test" and value not in trial.tested:
                trial.tested.append(value)
            named = True

