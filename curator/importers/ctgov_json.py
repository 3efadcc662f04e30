"""ClinicalTrials.gov API v2 JSON: one study (``{"protocolSection": ...}``) or a page (``{"studies": [...]}``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from curator.identifiers import canonical_pmid, canonical_registry_id
from curator.importers import Item, Problem, Reader, register
from curator.importers._decoding import DecodingError, decode_text
from curator.importers._registry_page import Trial, trial_entry

_SNIFF = re.compile(rb'^\s*(?:\xef\xbb\xbf)?\s*[\[{].{0,4000}?"(?:protocolSection|studies)"', re.S)
_COMPARATOR_ARMS = ("PLACEBO_COMPARATOR", "ACTIVE_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")
_SECONDARY_TYPES = ("EUDRACT_NUMBER", "CTIS", "REGISTRY", "OTHER")


def sniff(head: bytes) -> bool:
    """API v2 JSON: an object with ``protocolSection`` or ``studies`` near the top."""
    return bool(_SNIFF.match(head))


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _date(module: dict[str, Any], key: str) -> str | None:
    value = _get(module, key, "date")
    return value if isinstance(value, str) else None


def study_trial(study: dict[str, Any]) -> Trial:
    """A study of API v2 as the registry states it."""
    protocol = study.get("protocolSection") or {}
    ident = protocol.get("identificationModule") or {}
    status = protocol.get("statusModule") or {}
    design = protocol.get("designModule") or {}
    eligibility = protocol.get("eligibilityModule") or {}
    arms = protocol.get("armsInterventionsModule") or {}
    trial = Trial("ClinicalTrials.gov")
    nct = ident.get("nctId")
    if nct:
        trial.ids.append((nct, canonical_registry_id(nct)))
    for secondary in ident.get("secondaryIdInfos") or []:
        if secondary.get("type") in _SECONDARY_TYPES and secondary.get("id"):
            canonical = canonical_registry_id(secondary["id"])
            if secondary.get("type") == "EUDRACT_NUMBER" and canonical and not canonical.startswith("EudraCT:"):
                canonical = None
            if canonical:
                trial.ids.append((secondary["id"], canonical))
    trial.title = ident.get("briefTitle")
    trial.official_title = ident.get("officialTitle")
    trial.status = status.get("overallStatus")
    trial.phases = design.get("phases") or None
    trial.study_type = design.get("studyType")
    enrollment = design.get("enrollmentInfo") or {}
    if isinstance(enrollment.get("count"), int):
        trial.enrollment = enrollment["count"]
        trial.enrollment_label = (enrollment.get("type") or "").title() or None
    trial.sponsor = _get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name")
    trial.conditions = list(_get(protocol, "conditionsModule", "conditions") or [])
    trial.interventions = [i.get("name") for i in arms.get("interventions") or [] if i.get("name")]
    for arm in arms.get("armGroups") or []:
        if arm.get("type") in _COMPARATOR_ARMS:
            names = arm.get("interventionNames") or []
            trial.comparators.append(", ".join(n.split(":", 1)[-1].strip() for n in names) or arm.get("label", ""))
    trial.outcomes = [o.get("measure") for o in _get(protocol, "outcomesModule", "primaryOutcomes") or []
                      if o.get("measure")]
    trial.start_date = _date(status, "startDateStruct")
    trial.completion_date = _date(status, "completionDateStruct") or _date(status, "primaryCompletionDateStruct")
    trial.last_updated = _date(status, "lastUpdatePostDateStruct")
    trial.sex = eligibility.get("sex")
    trial.min_age = eligibility.get("minimumAge")
    trial.max_age = eligibility.get("maximumAge")
    trial.countries = [loc.get("country") for loc in _get(protocol, "contactsLocationsModule", "locations") or []
                       if loc.get("country")]
    trial.summary = _get(protocol, "descriptionModule", "briefSummary")
    trial.description = _get(protocol, "descriptionModule", "detailedDescription")
    trial.eligibility = eligibility.get("eligibilityCriteria")
    for reference in _get(protocol, "referencesModule", "references") or []:
        pmid = canonical_pmid(reference.get("pmid") or "")
        trial.references.append(pmid or reference.get("citation") or "")
    return trial


def read(path: Path, data: bytes) -> Iterator[Item]:
    """The study or every study of a page; a study without an NCT number or title is a problem."""
    try:
        document = json.loads(decode_text(data))
    except (DecodingError, json.JSONDecodeError) as error:
        yield Problem(path.name, getattr(error, "lineno", None) and f"line {error.lineno}",  # type: ignore[union-attr]
                      f"not valid JSON: {error}")
        return
    if isinstance(document, dict) and isinstance(document.get("studies"), list):
        studies, many = document["studies"], True
    elif isinstance(document, list):
        studies, many = document, True
    else:
        studies, many = [document], False
    for number, study in enumerate(studies, start=1):
        where = f"study {number}" if many else None
        if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
            yield Problem(path.name, where, "not a ClinicalTrials.gov study (no protocolSection)")
            continue
        try:
            trial = study_trial(study)
        except (AttributeError, TypeError) as error:
            yield Problem(path.name, where, f"unexpected structure in the study: {error}")
            continue
        if not trial.ids or not trial.title:
            yield Problem(path.name, where, "study has no NCT number or no title")
            continue
        source = f"{path.name}#{number}" if many else path.name
        yield trial_entry(trial, "ctgov-json", source, "ClinicalTrials.gov")


register(Reader("ctgov-json", (".json",), sniff, read, priority=20))
