"""ClinicalTrials.gov classic XML records (``<clinical_study>``), one per file or several under one root."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_pmid, canonical_registry_id
from curator.importers import Item, Problem, Reader, register
from curator.importers._registry_page import Trial, control_names, trial_entry
from curator.importers._vocabulary import int_of
from curator.importers._xml import Element, records_of, text_of

_SNIFF = re.compile(rb"<clinical_study[\s>]")
_COMPARATOR_ARMS = ("Placebo Comparator", "Active Comparator", "Sham Comparator", "No Intervention")


def sniff(head: bytes) -> bool:
    """A ``<clinical_study>`` element near the top."""
    return bool(_SNIFF.search(head))


def _all(element: Element, path: str) -> list[str]:
    return [t for t in (text_of(e) for e in element.findall(path)) if t]


def study_trial(study: Element) -> Trial:
    """A classic XML record as the registry states it."""
    trial = Trial("ClinicalTrials.gov")
    nct = text_of(study.find("id_info/nct_id"))
    if nct:
        trial.ids.append((nct, canonical_registry_id(nct)))
    for secondary in _all(study, "id_info/secondary_id"):
        canonical = canonical_registry_id(secondary)
        if canonical and canonical != canonical_registry_id(nct or ""):
            trial.ids.append((secondary, canonical))
    trial.title = text_of(study.find("brief_title"))
    trial.official_title = text_of(study.find("official_title"))
    trial.status = text_of(study.find("overall_status"))
    trial.phases = text_of(study.find("phase"))
    trial.study_type = text_of(study.find("study_type"))
    enrollment = study.find("enrollment")
    trial.enrollment = int_of(text_of(enrollment))
    trial.enrollment_label = enrollment.get("type") if enrollment is not None else None
    trial.sponsor = text_of(study.find("sponsors/lead_sponsor/agency"))
    trial.conditions = _all(study, "condition")
    trial.interventions = _all(study, "intervention/intervention_name")
    given_in: dict[str, list[str]] = {}  # an arm's label -> the names of the interventions given in it
    for given in study.findall("intervention"):
        name = text_of(given.find("intervention_name"))
        for arm_label in given.findall("arm_group_label"):
            if name:
                given_in.setdefault(text_of(arm_label) or "", []).append(name)
    for arm in study.findall("arm_group"):
        label = text_of(arm.find("arm_group_label")) or ""
        if text_of(arm.find("arm_group_type")) in _COMPARATOR_ARMS:
            names = control_names(given_in.get(label, []))
            trial.comparators.append(", ".join(names) or text_of(arm.find("description")) or label)
        elif text_of(arm.find("arm_group_type")) == "Experimental":
            trial.tested.extend(n for n in given_in.get(label, []) if n not in trial.tested)
    trial.outcomes = _all(study, "primary_outcome/measure")
    trial.start_date = text_of(study.find("start_date"))
    trial.completion_date = text_of(study.find("completion_date")) or text_of(study.find("primary_completion_date"))
    trial.last_updated = text_of(study.find("last_update_posted")) or text_of(study.find("lastchanged_date"))
    trial.sex = text_of(study.find("eligibility/gender"))
    trial.min_age = text_of(study.find("eligibility/minimum_age"))
    trial.max_age = text_of(study.find("eligibility/maximum_age"))
    trial.countries = _all(study, "location_countries/country")
    trial.summary = text_of(study.find("brief_summary/textblock"))
    trial.description = text_of(study.find("detailed_description/textblock"))
    trial.eligibility = text_of(study.find("eligibility/criteria/textblock"))
    for reference in study.findall("reference") + study.findall("results_reference"):
        pmid = canonical_pmid(text_of(reference.find("PMID")) or "")
        trial.references.append(pmid or text_of(reference.find("citation")) or "")
    return trial


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every ``<clinical_study>`` of the file."""
    studies = records_of(path, data, "clinical_study", "no <clinical_study> record in the XML")
    if isinstance(studies, Problem):
        yield studies
        return
    many = len(studies) > 1
    for number, study in enumerate(studies, start=1):
        where = f"study {number}" if many else None
        trial = study_trial(study)
        if not trial.ids or not trial.title:
            yield Problem(path.name, where, "study has no NCT number or no brief title")
            continue
        source = f"{path.name}#{number}" if many else path.name
        yield trial_entry(trial, "ctgov-xml", source, "ClinicalTrials.gov")


register(Reader("ctgov-xml", (), sniff, read, priority=20, source_kind="register"))
