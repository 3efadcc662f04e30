"""ClinicalTrials.gov JSON: API v2 and the classic API (before 2023), one study or a page of studies.

API v2 writes one study as ``{"protocolSection": ...}`` and a page as
``{"studies": [...]}``. The classic API wrote ``{"FullStudiesResponse":
{"FullStudies": [{"Rank": 1, "Study": {"ProtocolSection": ...}}]}}`` or one
``{"FullStudy": {"Rank": 1, "Study": ...}}``, with PascalCase names, numbers as
strings and statuses and phases in words. A classic study is first rewritten in
the v2 shape (:data:`CLASSIC_PATHS`), so one function reads both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from curator.identifiers import canonical_pmid, canonical_registry_id
from curator.importers import Item, Problem, Reader, register
from curator.importers._decoding import DecodingError, decode_text
from curator.importers._registry_page import Trial, control_names, trial_entry
from curator.importers._vocabulary import int_of

_SNIFF = re.compile(
    rb'^\s*(?:\xef\xbb\xbf)?\s*[\[{].{0,4000}?"(?:protocolSection|studies|FullStudiesResponse|FullStudy|ProtocolSection)"',
    re.S)
_COMPARATOR_ARMS = ("PLACEBO_COMPARATOR", "ACTIVE_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")
_SECONDARY_TYPES = ("EUDRACT_NUMBER", "CTIS", "REGISTRY", "OTHER")


def sniff(head: bytes) -> bool:
    """ClinicalTrials.gov JSON: ``protocolSection`` / ``studies`` (v2) or ``FullStudiesResponse`` / ``FullStudy`` /
    ``ProtocolSection`` (classic) near the top."""
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
        names = [n.split(":", 1)[-1].strip() for n in arm.get("interventionNames") or [] if isinstance(n, str)]
        if arm.get("type") in _COMPARATOR_ARMS:
            trial.comparators.append(", ".join(control_names(names)) or arm.get("label", ""))
        elif arm.get("type") == "EXPERIMENTAL":
            trial.tested.extend(n for n in names if n not in trial.tested)
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


def _words_as_enum(value: Any) -> Any:
    # The classic API writes v2's enumerations in words: "Placebo Comparator" is PLACEBO_COMPARATOR.
    return re.sub(r"[^A-Z0-9]+", "_", value.upper()).strip("_") if isinstance(value, str) else None


def _classic_secondary_type(value: Any) -> Any:
    words = _words_as_enum(value)
    return {"REGISTRY_IDENTIFIER": "REGISTRY", "OTHER_IDENTIFIER": "OTHER"}.get(words, words)


def _as_is(value: Any) -> Any:
    return value


#: (classic path, v2 path, conversion): where a value of a classic study goes in the v2 shape. A step
#: ending in ``[]`` is a list whose items are mapped by the steps after it (the same count on both sides).
CLASSIC_PATHS: tuple[tuple[str, str, Callable[[Any], Any]], ...] = (
    ("IdentificationModule.NCTId", "identificationModule.nctId", _as_is),
    ("IdentificationModule.OrgStudyIdInfo.OrgStudyId", "identificationModule.orgStudyIdInfo.id", _as_is),
    ("IdentificationModule.SecondaryIdInfoList.SecondaryIdInfo[].SecondaryId",
     "identificationModule.secondaryIdInfos[].id", _as_is),
    ("IdentificationModule.SecondaryIdInfoList.SecondaryIdInfo[].SecondaryIdType",
     "identificationModule.secondaryIdInfos[].type", _classic_secondary_type),
    ("IdentificationModule.BriefTitle", "identificationModule.briefTitle", _as_is),
    ("IdentificationModule.OfficialTitle", "identificationModule.officialTitle", _as_is),
    ("StatusModule.OverallStatus", "statusModule.overallStatus", _as_is),
    ("StatusModule.StartDateStruct.StartDate", "statusModule.startDateStruct.date", _as_is),
    ("StatusModule.PrimaryCompletionDateStruct.PrimaryCompletionDate",
     "statusModule.primaryCompletionDateStruct.date", _as_is),
    ("StatusModule.CompletionDateStruct.CompletionDate", "statusModule.completionDateStruct.date", _as_is),
    ("StatusModule.LastUpdatePostDateStruct.LastUpdatePostDate", "statusModule.lastUpdatePostDateStruct.date",
     _as_is),
    ("DesignModule.StudyType", "designModule.studyType", _as_is),
    ("DesignModule.PhaseList.Phase", "designModule.phases", _as_is),
    ("DesignModule.EnrollmentInfo.EnrollmentCount", "designModule.enrollmentInfo.count", int_of),
    ("DesignModule.EnrollmentInfo.EnrollmentType", "designModule.enrollmentInfo.type", _as_is),
    ("SponsorCollaboratorsModule.LeadSponsor.LeadSponsorName", "sponsorCollaboratorsModule.leadSponsor.name",
     _as_is),
    ("ConditionsModule.ConditionList.Condition", "conditionsModule.conditions", _as_is),
    ("ArmsInterventionsModule.InterventionList.Intervention[].InterventionName",
     "armsInterventionsModule.interventions[].name", _as_is),
    ("ArmsInterventionsModule.ArmGroupList.ArmGroup[].ArmGroupLabel", "armsInterventionsModule.armGroups[].label",
     _as_is),
    ("ArmsInterventionsModule.ArmGroupList.ArmGroup[].ArmGroupType", "armsInterventionsModule.armGroups[].type",
     _words_as_enum),
    ("ArmsInterventionsModule.ArmGroupList.ArmGroup[].ArmGroupInterventionList.ArmGroupInterventionName",
     "armsInterventionsModule.armGroups[].interventionNames", _as_is),
    ("OutcomesModule.PrimaryOutcomeList.PrimaryOutcome[].PrimaryOutcomeMeasure",
     "outcomesModule.primaryOutcomes[].measure", _as_is),
    ("EligibilityModule.EligibilityCriteria", "eligibilityModule.eligibilityCriteria", _as_is),
    ("EligibilityModule.Gender", "eligibilityModule.sex", _as_is),
    ("EligibilityModule.MinimumAge", "eligibilityModule.minimumAge", _as_is),
    ("EligibilityModule.MaximumAge", "eligibilityModule.maximumAge", _as_is),
    ("ContactsLocationsModule.LocationList.Location[].LocationCountry",
     "contactsLocationsModule.locations[].country", _as_is),
    ("DescriptionModule.BriefSummary", "descriptionModule.briefSummary", _as_is),
    ("DescriptionModule.DetailedDescription", "descriptionModule.detailedDescription", _as_is),
    ("ReferencesModule.ReferenceList.Reference[].ReferencePMID", "referencesModule.references[].pmid", _as_is),
    ("ReferencesModule.ReferenceList.Reference[].ReferenceCitation", "referencesModule.references[].citation",
     _as_is),
)


def _copy(source: Any, path: list[str], target: dict[str, Any], into: list[str],
          convert: Callable[[Any], Any]) -> None:
    """Copy the value at ``path`` of ``source`` to ``into`` of ``target``, item by item through lists."""
    for index, step in enumerate(path):
        if not isinstance(source, dict):
            return
        if not step.endswith("[]"):
            source = source.get(step)
            continue
        items = source.get(step[:-2])
        if isinstance(items, dict):  # a list of one written as its item
            items = [items]
        if not isinstance(items, list):
            return
        split = next(i for i, s in enumerate(into) if s.endswith("[]"))
        holder = target
        for key in into[:split]:
            holder = holder.setdefault(key, {})
        slots = holder.setdefault(into[split][:-2], [])
        while len(slots) < len(items):
            slots.append({})
        for item, slot in zip(items, slots, strict=False):
            _copy(item, path[index + 1:], slot, into[split + 1:], convert)
        return
    value = convert(source) if source is not None else None
    if value is None:
        return
    for key in into[:-1]:
        target = target.setdefault(key, {})
    target[into[-1]] = value


def classic_as_v2(study: dict[str, Any]) -> dict[str, Any]:
    """A classic API study (``{"ProtocolSection": ...}``) in the shape of API v2 (``{"protocolSection": ...}``)."""
    protocol: dict[str, Any] = {}
    section = study.get("ProtocolSection")
    for classic, v2, convert in CLASSIC_PATHS:
        _copy(section, classic.split("."), protocol, v2.split("."), convert)
    return {"protocolSection": protocol}


def _studies(document: Any) -> tuple[list[Any], bool] | None:
    """(studies, whether the file holds a list of them) of a v2 or classic document; None for another shape."""
    if isinstance(document, list):
        return document, True
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("studies"), list):
        return document["studies"], True
    response = document.get("FullStudiesResponse")
    if isinstance(response, dict):
        # A search that found nothing has no FullStudies at all.
        return list(response.get("FullStudies") or []), True
    if isinstance(document.get("FullStudy"), dict):
        return [document["FullStudy"]], False
    if any(key in document for key in ("protocolSection", "ProtocolSection", "Study")):
        return [document], False
    return None


def _v2_study(study: Any) -> dict[str, Any] | None:
    """The study in the v2 shape, whichever API wrote it; None when it is no study."""
    if not isinstance(study, dict):
        return None
    if isinstance(study.get("protocolSection"), dict):
        return study
    if isinstance(study.get("Study"), dict):  # a classic FullStudies item: {"Rank": 1, "Study": {...}}
        study = study["Study"]
    if isinstance(study.get("ProtocolSection"), dict):
        return classic_as_v2(study)
    return None


def read(path: Path, data: bytes) -> Iterator[Item]:
    """The study or every study of a page (v2 or classic); a study without an NCT number or title is a problem."""
    try:
        document = json.loads(decode_text(data))
    except (DecodingError, json.JSONDecodeError) as error:
        yield Problem(path.name, getattr(error, "lineno", None) and f"line {error.lineno}",  # type: ignore[union-attr]
                      f"not valid JSON: {error}")
        return
    found = _studies(document)
    if found is None:
        yield Problem(path.name, "line 1", "not a ClinicalTrials.gov export: the JSON holds neither \"studies\" "
                      "(API v2) nor \"FullStudiesResponse\" or \"FullStudy\" (classic API)")
        return
    studies, many = found
    if not studies:
        yield Problem(path.name, "line 1", "the export holds no studies")
        return
    for number, raw in enumerate(studies, start=1):
        where = f"study {number}" if many else "line 1"
        study = _v2_study(raw)
        if study is None:
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


register(Reader("ctgov-json", (".json",), sniff, read, priority=20, source_kind="register"))
