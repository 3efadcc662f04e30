"""A small review built the way a reviewer builds one, with every PRISMA box non-empty.

Two database imports (PubMed, Embase) and a register import (ClinicalTrials.gov), one
website import; duplicates found by the real duplicate finder; removals; decisions at
both stages by two reviewers (one conflict), automation exclusions, reasons, a report
not retrievable, an included study with two reports (shared registry id).
"""

from __future__ import annotations

from typing import Any

from curator.duplicates import matching as dedup
from curator.fields import empty_fields
from curator.importers.batch import content_hash
from curator.review.records import add_note, add_tag, set_field
from curator.review.screening import record_decision, remove_before_screening
from curator.store.database import Review
from curator.store.models import Record, Source


def add_source(review: Review, name: str, kind: str, entries: list[dict[str, Any]]) -> list[int]:
    """One import of ``entries`` (title, ids, text, extra fields) as source ``name``; duplicates linked."""
    with review.transaction() as session:
        source = Source(name=name, kind=kind, file_name=f"{name.lower().replace(' ', '-')}.ris",
                        record_count=len(entries), imported_by="tester")
        session.add(source)
        session.flush()
        assert source.id is not None
        records = []
        for number, entry in enumerate(entries, 1):
            fields = empty_fields()
            fields.pop("evidence")
            fields.update({k: v for k, v in entry.items() if k not in ("text", "pico")})
            fields["pico"].update(entry.get("pico", {}))
            body = entry.get("text") or f"{entry['title']}\n{' '.join(entry.get('ids', []))}"
            record = Record(source_id=source.id, source_entry=f"{source.file_name}#{number}", text=body,
                            content_hash=content_hash(body), kind=fields.get("kind") or "unknown",
                            title=fields.get("title") or "", extracted=fields)
            session.add(record)
            records.append(record)
        session.flush()
        ids = [r.id for r in records if r.id is not None]
        dedup.link_duplicates(session, ids)
    return ids


def build_review(review: Review) -> dict[str, Any]:
    """Fill ``review``; returns the record ids by role and the counts a reviewer would expect."""
    pubmed = add_source(review, "PubMed", "database", [
        {"title": "Anakinra for CRPS: a randomised trial", "ids": ["PMID:1001", "ISRCTN12908996"], "kind": "article",
         "study_type": "INTERVENTIONAL", "enrollment": 40, "status": "COMPLETED", "phase": "PHASE2",
         "pico": {"population": "adults with refractory CRPS", "intervention": "anakinra",
                  "comparator": "placebo", "outcome": "pain intensity"}},
        {"title": "=HYPERLINK(\"http://evil\",\"click\")", "ids": ["PMID:1002"], "kind": "article",
         "abstract": "+cmd|' /C calc'!A0 and a bell \x07 and a NUL \x00 and form feed \x0c end"},
        {"title": "Cats and dogs", "ids": ["PMID:1003"]},
        {"title": "Screening conflict record", "ids": ["PMID:1004"]},
        {"title": "Not yet screened", "ids": ["PMID:1005"]},
        {"title": "Excluded by the model", "ids": ["PMID:1006"]},
        {"title": "Paper we could not get", "ids": ["PMID:1007"]},
        {"title": "Wrong population at full text", "ids": ["PMID:1008"]},
        {"title": "Removed: retracted paper", "ids": ["PMID:1009"]},
        {"title": "Removed by the model", "ids": ["PMID:1010"]},
    ])
    embase = add_source(review, "Embase", "database", [
        {"title": "Anakinra for CRPS: a randomised trial (Embase)", "ids": ["PMID:1001"]},  # duplicate by id
        {"title": "Cats and dogs", "ids": ["PMID:1003"]},  # duplicate by id
        {"title": "Another excluded at full text", "ids": ["DOI:10.1/x"]},
        {"title": "Maybe at title/abstract, awaiting full text", "ids": ["DOI:10.1/y"]},
    ])
    registry = add_source(review, "ClinicalTrials.gov", "register", [
        {"title": "IL-1 blockade in CRPS (registration)", "ids": ["NCT01234567", "ISRCTN12908996"], "kind": "trial",
         "study_type": "INTERVENTIONAL", "enrollment": 40, "status": "COMPLETED", "phase": "PHASE2"},
        {"title": "Unrelated included trial", "ids": ["NCT07654321"], "kind": "trial", "status": "RECRUITING"},
    ])
    website = add_source(review, "Charity website", "website", [
        {"title": "A trial listed on a charity page", "ids": ["DRKS00012345"], "kind": "trial"},
        {"title": "A page excluded at full text", "ids": []},
    ])
    me, you = "alice", "bob"
    article, formula, cats, conflict, pending, auto, missing, wrongpop, retracted, robot = pubmed
    _dup1, _dup2, embase_excl, embase_maybe = embase
    reg_trial, reg_other = registry
    web_trial, web_excl = website
    remove_before_screening(review, retracted, "retracted", reviewer=me)
    remove_before_screening(review, robot, "language filter", reviewer=me, actor="automation")
    for rid in (article, formula, missing, wrongpop, embase_excl, reg_trial, reg_other):
        record_decision(review, rid, "include", reviewer=me)
        record_decision(review, rid, "include", reviewer=you)
    record_decision(review, cats, "exclude", reason="wrong population", reviewer=me)
    record_decision(review, cats, "exclude", reason="wrong population", reviewer=you)
    record_decision(review, conflict, "include", reviewer=me)
    record_decision(review, conflict, "exclude", reason="wrong outcome", reviewer=you)
    record_decision(review, auto, "exclude", reason="wrong study design", reviewer="classifier", actor="automation")
    record_decision(review, embase_maybe, "maybe", reviewer=me)
    ft = "full-text"
    record_decision(review, article, "include", stage=ft, reviewer=me)
    record_decision(review, reg_trial, "include", stage=ft, reviewer=me)
    record_decision(review, reg_other, "include", stage=ft, reviewer=me)
    record_decision(review, formula, "exclude", reason="wrong intervention", stage=ft, reviewer=me)
    record_decision(review, missing, "exclude", reason="not retrievable", stage=ft, reviewer=me)
    record_decision(review, wrongpop, "exclude", reason="wrong population", stage=ft, reviewer=me)
    record_decision(review, embase_excl, "exclude", reason="wrong population", stage=ft, reviewer=me)
    record_decision(review, web_trial, "include", stage=ft, reviewer=me)
    record_decision(review, web_excl, "exclude", reason="wrong comparator", stage=ft, reviewer=me)
    set_field(review, reg_other, "title", "Unrelated included trial (curated title)", reviewer=me)
    add_tag(review, article, "key paper", reviewer=me)
    add_note(review, article, "=SUM(A1:A9) looks like a formula", reviewer=me)
    return {
        "ids": {"article": article, "formula": formula, "cats": cats, "conflict": conflict, "pending": pending,
                "auto": auto, "missing": missing, "wrongpop": wrongpop, "retracted": retracted, "robot": robot,
                "embase_excl": embase_excl, "embase_maybe": embase_maybe, "reg_trial": reg_trial,
                "reg_other": reg_other, "web_trial": web_trial, "web_excl": web_excl},
        "expected": {
            "database_results": 14, "register_results": 2, "website_results": 2, "duplicates": 2,
            "excluded_automatic": 1, "excluded_other": 1, "records_screened": 12, "records_excluded": 2,
            "records_excluded_human": 1, "records_excluded_automation": 1,
            "dbr_sought_reports": 8, "dbr_notretrieved_reports": 1, "dbr_assessed": 6,
            "dbr_excluded": {"wrong population": 2, "wrong intervention": 1},
            "other_sought_reports": 2, "other_notretrieved_reports": 0, "other_assessed": 2,
            "other_excluded": {"wrong comparator": 1},
            # article + registration share ISRCTN12908996: one study, two reports
            "new_reports": 4, "new_studies": 3,
        },
    }
