"""PRISMA 2020 counts, checks and the diagram, on a review built by the test."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.prisma.counts import prisma_counts
from curator.prisma.diagram import diagram_png_bytes, diagram_svg
from curator.prisma.flow import INCLUDED, Check
from curator.review.records import set_field
from curator.review.screening import record_decision, set_decision_retracted
from curator.store.database import Review
from tests.export.built_review import add_source, build_review


def test_every_box_counts_from_the_records(review: Review) -> None:
    built = build_review(review)
    data = prisma_counts(review).as_dict()
    for key, expected in built["expected"].items():
        assert data[key] == expected, key
    assert data["database_specific_results"] == "PubMed, 10; Embase, 4"
    assert data["register_specific_results"] == "ClinicalTrials.gov, 2"
    assert data["records_excluded_reasons"] == {"wrong population": 1, "wrong study design": 1}
    assert [s["duplicates"] for s in data["sources"]] == [0, 2, 0, 0]


def test_pending_and_conflicts_are_named_not_counted(review: Review) -> None:
    built = build_review(review)
    counts = prisma_counts(review)
    ids = built["ids"]
    assert counts.as_dict()["conflicts"]["title_abstract"] == [ids["conflict"]]
    assert counts.as_dict()["pending"] == {"title_abstract": [ids["pending"]], "full_text": [ids["embase_maybe"]]}
    failing = {c.rule.split(": ", 1)[1]: c for c in counts.checks if not c.ok}
    assert set(failing) == {"records screened − records excluded = reports sought for retrieval",
                            "reports sought − reports not retrieved = reports assessed"}
    sought = failing["records screened − records excluded = reports sought for retrieval"]
    assert (sought.left, sought.right) == (10, 8)
    assert f"({ids['pending']})" in sought.explanation and f"({ids['conflict']})" in sought.explanation
    assert not counts.ok
    # what keeps them from holding is the records still to decide: open, and the report consistent
    assert {c.status for c in failing.values()} == {"open"} and counts.consistent


def test_a_gap_that_records_to_decide_do_not_explain_is_broken() -> None:
    assert Check("a = b", 10, 8, "", waiting=2).status == "open"
    assert Check("a = b", 10, 7, "", waiting=2).status == "broken"
    assert Check("a = b", 10, 8).status == "broken"
    assert Check("a = b", 8, 8).status == "holds"


def test_arithmetic_holds_once_every_record_is_decided(review: Review) -> None:
    built = build_review(review)
    ids = built["ids"]
    record_decision(review, ids["pending"], "exclude", reason="wrong outcome", reviewer="alice")
    record_decision(review, ids["conflict"], "exclude", reason="wrong outcome", reviewer="alice")  # agree now
    record_decision(review, ids["embase_maybe"], "exclude", reason="wrong outcome", stage="full-text", reviewer="bob")
    counts = prisma_counts(review)
    assert all(c.ok for c in counts.checks), [c for c in counts.checks if not c.ok]
    assert counts.ok
    d = counts.as_prisma2020_data()
    assert d["records_screened"] - d["records_excluded"] == d["dbr_sought_reports"]
    assert d["dbr_sought_reports"] - d["dbr_notretrieved_reports"] == d["dbr_assessed"]
    assert d["dbr_assessed"] - sum(d["dbr_excluded"].values()) + counts.other.included_reports == d["new_reports"]


def test_undone_decisions_and_duplicate_links_do_not_count(review: Review) -> None:
    built = build_review(review)
    ids = built["ids"]
    latest = record_decision(review, ids["article"], "exclude", reason="wrong outcome", stage="full-text",
                             reviewer="alice")
    assert prisma_counts(review).outcomes[ids["article"]] != INCLUDED
    set_decision_retracted(review, latest.id, True, reviewer="alice")
    assert prisma_counts(review).outcomes[ids["article"]] == INCLUDED
    with review.transaction() as session:
        from sqlmodel import select

        from curator.store.models import DuplicateLink

        link = session.exec(select(DuplicateLink)).first()
        assert link is not None
        link.confirmed = False
        session.add(link)
    assert prisma_counts(review).dbr.duplicates == 1


def test_curated_registry_ids_join_studies(review: Review) -> None:
    built = build_review(review)
    ids = built["ids"]
    assert prisma_counts(review).new_studies == 3
    set_field(review, ids["web_trial"], "ids", ["NCT07654321"], reviewer="alice")
    counts = prisma_counts(review)
    assert (counts.new_studies, counts.new_reports) == (2, 4)


def test_studies_follow_chains_of_shared_registry_ids_including_edits(review: Review) -> None:
    from curator.review.records import set_field
    from curator.review.studies import is_registry_id, study_groups
    from tests.conftest import add_records

    a, b, c, d, e = add_records(review, ["Registration", "Paper", "Other registry", "Same PMID 1", "Same PMID 2"])
    set_field(review, a, "ids", ["NCT00000001"], reviewer="ann")
    set_field(review, b, "ids", ["NCT00000001", "ISRCTN10000001"], reviewer="ann")
    set_field(review, c, "ids", ["ISRCTN10000001"], reviewer="ann")
    set_field(review, d, "ids", ["PMID:1"], reviewer="ann")
    set_field(review, e, "ids", ["PMID:1"], reviewer="ann")
    assert [a, b, c] in study_groups(review)
    study_of = prisma_counts(review).study_of
    assert study_of[a] == study_of[b] == study_of[c] == a
    assert study_of[d] != study_of[e]  # a shared PMID is one document, not a registration
    assert is_registry_id("EudraCT:2021-000052-19") and not is_registry_id("DOI:10.1/x")


def test_inconsistent_state_is_named(review: Review) -> None:
    [a] = add_source(review, "Hand search", "other", [{"title": "From a colleague", "ids": []}])
    [b] = add_source(review, "PubMed", "database", [{"title": "Only full text", "ids": []}])
    # Included at full text, then the title/abstract verdict was changed: the full-text decision stands.
    record_decision(review, b, "include", reviewer="alice")
    record_decision(review, b, "include", stage="full-text", reviewer="alice")
    record_decision(review, b, "exclude", reviewer="alice", reason="other")
    problems = " ".join(prisma_counts(review).inconsistencies)
    assert "kind 'other'" in problems
    assert f"records {b} have a full-text decision but were not included" in problems


def test_empty_review_counts_zero(review: Review) -> None:
    counts = prisma_counts(review)
    assert counts.as_prisma2020_data()["records_screened"] == 0 and counts.ok


def test_diagram_svg_and_png(review: Review) -> None:
    build_review(review)
    counts = prisma_counts(review)
    svg = diagram_svg(counts)
    assert svg.startswith("<svg") and "Records screened (n\u00a0=\u00a012)" in svg
    assert "Identification of studies via other methods" in svg and "wrong comparator" in svg
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed
    png = diagram_png_bytes(counts)
    assert png.startswith(b"\x89PNG")


def test_cli_prisma_json_and_drawings(review: Review, review_path: Path, tmp_path: Path) -> None:
    build_review(review)
    runner = CliRunner()
    result = runner.invoke(cli, ["prisma", "--review", str(review_path), "--json", "--png", str(tmp_path / "d.png"),
                                 "--svg", str(tmp_path / "d.svg")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["records_screened"] == 12 and data["dbr_excluded"] == {"wrong population": 2, "wrong intervention": 1}
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "d.svg").read_text()
    text = runner.invoke(cli, ["prisma", "--review", str(review_path)])
    assert text.exit_code == 0 and "  open " in text.output and "await title/abstract screening" in text.output
    assert "  NO " not in text.output  # records still to decide leave a rule open, not broken
    bad = runner.invoke(cli, ["prisma", "--review", str(review_path), "--png", str(tmp_path / "no" / "d.png")])
    assert bad.exit_code != 0 and "does not exist" in bad.output


def test_dual_screening_counts_only_agreed_verdicts(review: Review) -> None:
    from curator.review.resolution import resolve_conflict
    from curator.review.screening_mode import set_screening_mode

    built = build_review(review)
    ids = built["ids"]
    set_screening_mode(review, "dual", ["title-abstract"], reviewer="alice")
    counts = prisma_counts(review)
    data = counts.as_dict()
    # alice's lone "maybe" now awaits bob; the automation exclusion needs no second reviewer.
    assert data["pending"]["title_abstract"] == [ids["pending"], ids["embase_maybe"]]
    assert data["awaiting"] == {"title-abstract": 3, "full-text": 0}
    assert (data["records_excluded"], data["records_excluded_automation"], data["dbr_sought_reports"]) == (2, 1, 7)
    record_decision(review, ids["pending"], "exclude", reason="wrong outcome", reviewer="alice")
    assert prisma_counts(review).as_dict()["records_excluded"] == 2  # one exclusion is not an exclusion yet
    record_decision(review, ids["pending"], "exclude", reason="wrong outcome", reviewer="bob")
    resolve_conflict(review, ids["conflict"], "exclude", reviewer="carol")
    data = prisma_counts(review).as_dict()
    assert data["records_excluded"] == 4 and data["awaiting"]["title-abstract"] == 1
    assert data["records_excluded_reasons"]["wrong outcome"] == 2
