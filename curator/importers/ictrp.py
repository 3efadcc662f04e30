"""WHO ICTRP search-portal exports: the XML export (``<Trial>`` elements) and the CSV export (the same names as columns).

The portal gathers the records of many registries; each trial keeps its own
registry's id (``TrialID``) and names that registry (``Source_Register``). Both
exports carry the same fields under the same names, spelt as the portal spells
them (``Public_title``, ``Recruitment_Status``, ``Date_enrollement``...). A
field of several values (``Countries``, ``Condition``, ``Intervention``,
``Secondary_ID``) separates them with ``;`` or line breaks, which the portal
often writes as HTML ``<br>``. A trial without a TrialID or a title is reported
with its position and skipped; a CSV without a TrialID column is refused whole.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_registry_id
from curator.importers import Entry, Item, Problem, Reader, opening_lines, register
from curator.importers._decoding import decode_text
from curator.importers._registry_page import Trial, trial_page
from curator.importers._vocabulary import age_of
from curator.importers._xml import records_of, text_of

SOURCE_NAME = "WHO ICTRP"

#: The portal's field names that no other export uses (the CSV sniffer looks for them in the heading row).
PORTAL_NAMES = ("TrialID", "Internal_Number", "Last_Refreshed_on", "Public_title", "Scientific_title",
                "Primary_sponsor", "Date_registration", "Source_Register", "web_address", "Recruitment_Status",
                "Date_enrollement", "Target_size", "Study_type", "Study_design", "Inclusion_agemin",
                "Inclusion_agemax", "Inclusion_gender", "Inclusion_Criteria", "Exclusion_Criteria",
                "Primary_outcome", "Secondary_outcome", "Secondary_ID")
_PORTAL_HEADINGS = {name.lower().encode() for name in PORTAL_NAMES}
_XML_SNIFF = re.compile(rb"<Trial>\s*<(?:Internal_Number|TrialID)\s*/?>")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_SEPARATOR = re.compile(r"\s*;\s*|\n")
_WHOLE_NUMBER = re.compile(r"\d[\d,]*")
# ClinicalTrials.gov's records keep its intervention types in front of the names ("Drug: Aspirin").
_INTERVENTION_TYPE = re.compile(r"^(?:Drug|Device|Biological|Procedure|Behavioral|Radiation|Genetic|Dietary "
                                r"Supplement|Diagnostic Test|Combination Product|Other):\s*", re.I)
# The registries' own labels inside the portal's fields: CTRI "Health Condition 1: ...", arms named by their role
# (ANZCTR "Comparator / control treatment: ...", ChiCTR "Experimental group: ...", CTRI "Control Intervention1: ...").
_CONDITION_LABEL = re.compile(r"^(?:Health\s+Condition|Condition)\s*\d*\s*:\s*", re.I)
_CONTROL_LABEL = re.compile(r"^(?:control(?:\s+(?:group|arm|intervention|treatment))?|comparator(?:\s*/\s*control\s+treatment)?"
                            r"|placebo\s+group|sham\s+group)\s*\d*\s*:\s*", re.I)
_TESTED_LABEL = re.compile(r"^(?:experimental(?:\s+(?:group|arm|intervention))?|intervention(?:\s+group)?|treatment\s+group"
                           r"|test\s+group|study\s+group)\s*\d*\s*:\s*", re.I)
_TIMEPOINT = re.compile(r"\s*;\s*Time\s*points?\s*:\s*", re.I)
# The portal writes some fields as answers, one a line: "Female: yes<br>Male: no".
_ANSWER = re.compile(r"^(.*?):\s*(yes|no)\s*$", re.I)


def sniff_xml(head: bytes) -> bool:
    """An ICTRP XML export: a ``<Trial>`` opening with ``<Internal_Number>`` or ``<TrialID>``."""
    return bool(_XML_SNIFF.search(head))


def sniff_csv(head: bytes) -> bool:
    """An ICTRP CSV export: a heading row with at least three of the portal's own field names."""
    lines = opening_lines(head, 1)
    if not lines:
        return False
    cells = {cell.strip().strip(b'"').strip().lower() for cell in re.split(rb"[,;\t]", lines[0])}
    return len(cells & _PORTAL_HEADINGS) >= 3


def _text(value: str | None) -> str:
    """A field's text, the portal's HTML line breaks as line breaks."""
    return _BREAK.sub("\n", value or "").strip()


def _arms(trial: Trial, items: list[str]) -> None:
    """The interventions, each without its type or role label; those the registry labels as the control's become the
    comparators, those it labels as tested the tested ones."""
    for item in items:
        name = _INTERVENTION_TYPE.sub("", item)
        control, tested = _CONTROL_LABEL.match(name), _TESTED_LABEL.match(name)
        if control:
            name = name[control.end():].strip()
            if name:
                trial.comparators.append(name)
        elif tested:
            name = name[tested.end():].strip()
            if name:
                trial.tested.append(name)
        if name and name not in trial.interventions:
            trial.interventions.append(name)


def _values(value: str | None) -> list[str]:
    return [part.strip() for part in _SEPARATOR.split(_text(value)) if part.strip()]


def _answered_yes(value: str) -> list[str] | None:
    """The labels answered "yes" when the field is written as answers; None when it is not."""
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    answers = [_ANSWER.match(line) for line in lines]
    if not lines or not all(answers):
        return None
    return [a.group(1).strip() for a in answers if a and a.group(2).lower() == "yes"]


def _sex(value: str) -> str | None:
    yes = _answered_yes(value)
    if yes is None:
        return value or None
    labels = {label.lower() for label in yes}
    return "All" if {"female", "male"} <= labels else "Female" if "female" in labels else \
        "Male" if "male" in labels else None


def _phases(value: str) -> list[str] | str | None:
    yes = _answered_yes(value)  # EU CTR records: "Therapeutic exploratory (Phase II): yes<br>..."
    if yes is None:
        return value or None
    return yes or None


def portal_trial(values: dict[str, str]) -> Trial:
    """One trial of either export, its fields looked up by the portal's names (any case)."""
    def get(name: str) -> str:
        return _text(values.get(name.lower()))

    trial = Trial(SOURCE_NAME)
    trial_id = get("TrialID")
    own = canonical_registry_id(trial_id)
    if trial_id:
        trial.ids.append((trial_id, own))
    for secondary in _values(values.get("secondary_id")):
        canonical = canonical_registry_id(secondary)
        if canonical != own or canonical is None:  # a sponsor's own code is shown, not kept as an id
            trial.ids.append((secondary, canonical))
    trial.title = get("Public_title") or get("Scientific_title") or None
    trial.official_title = get("Scientific_title") or None
    trial.status = get("Recruitment_Status") or None
    trial.phases = _phases(get("Phase"))
    trial.study_type = get("Study_type") or None
    size = get("Target_size")
    if _WHOLE_NUMBER.fullmatch(size):  # "60;60" or "Group A: 30" are group sizes, not one total
        trial.enrollment = int(size.replace(",", ""))
    trial.sponsor = get("Primary_sponsor") or None
    trial.conditions = [_CONDITION_LABEL.sub("", v) for v in _values(values.get("condition"))]
    _arms(trial, _values(values.get("intervention")))
    trial.outcomes = [_TIMEPOINT.sub(", at ", line.strip()).strip(" ;") for line in get("Primary_outcome").split("\n")
                      if line.strip(" ;")]
    trial.start_date = get("Date_enrollement") or None
    trial.last_updated = get("Last_Refreshed_on") or None
    trial.sex = _sex(get("Inclusion_gender"))
    trial.min_age = age_of(get("Inclusion_agemin"))
    trial.max_age = age_of(get("Inclusion_agemax"))
    trial.countries = _values(values.get("countries"))
    criteria = []
    for label, name in (("Inclusion criteria", "Inclusion_Criteria"), ("Exclusion criteria", "Exclusion_Criteria")):
        text = get(name)
        if text:  # registries often head the text with the same words already
            criteria.append(text if text.lower().startswith(label.lower()) else f"{label}:\n{text}")
    trial.eligibility = "\n\n".join(criteria) or None
    return trial


def portal_entry(values: dict[str, str], source: str) -> Entry | str:
    """One trial as a record; the reason as a sentence when it has no TrialID or no title."""
    trial = portal_trial(values)
    if not trial.ids:
        return "trial has no TrialID"
    if not trial.title:
        return "trial has no Public_title or Scientific_title"
    page = trial_page(trial, "ictrp")
    page.line("Source register", _text(values.get("source_register")) or None)
    page.line("Date of registration", _text(values.get("date_registration")) or None)
    page.line("Study design", _text(values.get("study_design")) or None)
    page.line("Link", _text(values.get("web_address")) or None)
    return Entry(source, page.text(), page.fields, source_name=SOURCE_NAME)


def read_xml(path: Path, data: bytes) -> Iterator[Item]:
    """Every ``<Trial>`` of the XML export."""
    trials = records_of(path, data, "Trial", "no <Trial> record in the ICTRP export")
    if isinstance(trials, Problem):
        yield trials
        return
    for number, element in enumerate(trials, start=1):
        values = {child.tag.lower(): text_of(child) or "" for child in element}
        found = portal_entry(values, f"{path.name}#{number}")
        yield Problem(path.name, f"trial {number}", found) if isinstance(found, str) else found


def read_csv(path: Path, data: bytes) -> Iterator[Item]:
    """Every row of the CSV export under its heading row."""
    text = decode_text(data)  # a DecodingError is reported by read_path
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # a spreadsheet may have saved it with ; or tabs
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    number = 0
    try:
        headings = [h.strip().lstrip("\ufeff").lower() for h in next(rows, [])]
        if "trialid" not in headings:
            yield Problem(path.name, f"line {rows.line_num}",
                          "the heading row of the ICTRP export has no TrialID column")
            return
        for cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            number += 1
            values = dict(zip(headings, cells, strict=False))
            found = portal_entry(values, f"{path.name}#{number}")
            if isinstance(found, str):
                yield Problem(path.name, f"row {number}, line {rows.line_num}", found)
            else:
                yield found
    except csv.Error as error:
        yield Problem(path.name, f"row {number + 1}, line {rows.line_num}", f"malformed CSV: {error}")


register(Reader("ictrp-xml", (), sniff_xml, read_xml, priority=20, source_kind="register"))
register(Reader("ictrp-csv", (), sniff_csv, read_csv, priority=20, source_kind="register"))
