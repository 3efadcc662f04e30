"""RoB 2 appraisals: kept answers and quotes, proposals, overrides, two reviewers, the lead, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.appraisal.appraisals import (
    appraise,
    disagreements,
    final_appraisals,
    get_appraisal,
    record_appraisals,
    resolve,
    restore_resolution,
)
from curator.appraisal.rob2 import HIGH, LOW, SOME
from curator.cli import cli
from curator.review.records import RecordNotFound
from curator.store.audit import audit_trail
from curator.store.database import Review, open_review
from tests.conftest import add_records

#: Low in every domain but D5 (some concerns): overall some concerns.
ANSWERS = {"1.1": "Y", "1.2": "PY", "1.3": "N", "2.1": "N", "2.2": "N", "2.6": "Y", "3.1": "Y", "4.1": "N",
           "4.2": "N", "4.3": "N", "5.1": "PN", "5.2": "N", "5.3": "N"}


def test_answers_give_proposals_that_are_kept_beside_overrides(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    change = appraise(review, rid, reviewer="ann", answers={"1.1": "y", "1.2": "py"})
    assert change.before["D1"] is None and change.after.proposed["D1"] is None  # 1.3 still open
    change = appraise(review, rid, reviewer="ann", answers={q: a for q, a in ANSWERS.items() if q != "1.1"})
    assert change.after.judgements() == {"D1": LOW, "D2": LOW, "D3": LOW, "D4": LOW, "D5": SOME, "overall": SOME}
    change = appraise(review, rid, reviewer="ann", overrides={"overall": ("High", "concerns add up")})
    view = change.after
    assert view.judgement("overall") == HIGH and view.proposed["overall"] == SOME
    assert view.overrides["overall"]["reason"] == "concerns add up" and view.overrides["overall"]["by"] == "ann"
    assert view.as_json()["overall"] == HIGH and view.as_json()["proposed"]["overall"] == SOME
    appraise(review, rid, reviewer="ann", overrides={"overall": ("proposed", "")})
    assert get_appraisal(review, rid, "ann").judgement("overall") == SOME  # type: ignore[union-attr]


def test_quotes_keep_where_they_stand_in_the_document(review: Review) -> None:
    (rid,) = add_records(review, ["Aspirin trial"])
    view = appraise(review, rid, reviewer="ann", support={"1.1": "aspirin", "1.2": "not in the text"}).after
    assert view.support["1.1"] == {"text": "aspirin", "evidence": [[0, 7]]}
    assert view.support["1.2"]["evidence"] == []
    view = appraise(review, rid, reviewer="ann", support={"1.2": ""}).after
    assert "1.2" not in view.support


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"answers": {"6.1": "Y"}}, "RoB 2 has no question '6.1'"),
    ({"answers": {"1.1": "sure"}}, "question 1.1 takes Y, PY, PN, N or NI, not 'sure'"),
    ({"answers": {"2.1": "Y", "2.3": "NA"}}, "question 2.3 applies given the other answers, so it cannot be NA"),
    ({"support": {"9.1": "words"}}, "RoB 2 has no question '9.1' to support"),
    ({"overrides": {"D1": ("high", "")}}, "overriding D1 needs a written reason"),
    ({"overrides": {"D7": ("high", "why")}}, "RoB 2's domains are D1, D2, D3, D4, D5 and overall"),
    ({"overrides": {"D1": ("moderate", "why")}}, "a judgement is low, some concerns or high"),
])
def test_bad_input_writes_nothing(review: Review, kwargs: dict, message: str) -> None:
    (rid,) = add_records(review, ["A trial"])
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        appraise(review, rid, reviewer="ann", **kwargs)
    assert record_appraisals(review, rid) == []
    with review.session() as session:
        assert list(audit_trail(session, rid)) == []
    with pytest.raises(RecordNotFound):
        appraise(review, 999, reviewer="ann", answers={"1.1": "Y"})


def test_every_change_is_audited(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    appraise(review, rid, reviewer="ann", answers={"1.2": "N"}, support={"1.2": "open list"},
             overrides={"D1": ("some concerns", "the list was sealed")})
    appraise(review, rid, reviewer="ann", answers={"1.2": "N"})  # the same again: nothing new
    with review.session() as session:
        trail = [(a.action, a.field, a.old, a.new) for a in audit_trail(session, rid)]
    assert trail[0] == ("answer rob2", "rob2 1.2", None, "N")
    assert trail[1] == ("support rob2", "rob2 1.2", None, "open list")
    assert trail[2][:2] == ("override rob2", "rob2 D1") and trail[2][3]["judgement"] == SOME
    assert trail[3][:2] == ("propose rob2", "rob2") and trail[3][3]["D1"] == HIGH
    assert len(trail) == 4


def test_two_reviewers_disagree_and_the_lead_resolves(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    appraise(review, rid, reviewer="ann", answers=ANSWERS)
    appraise(review, rid, reviewer="bob", answers=ANSWERS | {"1.2": "NI", "1.3": "Y"})  # D1 high, overall high
    found = disagreements(record_appraisals(review, rid))
    assert found == {"D1": {"ann": LOW, "bob": HIGH}, "overall": {"ann": SOME, "bob": HIGH}}
    (final,) = final_appraisals(review)
    assert final.unresolved == ["D1", "overall"] and final.judgements["D1"] is None
    assert final.judgements["D5"] == SOME  # agreed
    with pytest.raises(ValueError, match="do not disagree on D2; nothing to resolve"):
        resolve(review, rid, "D2", "low", reason="x", reviewer="lead")
    with pytest.raises(ValueError, match="resolving D1 needs a written reason"):
        resolve(review, rid, "D1", "low", reason=" ", reviewer="lead")
    resolve(review, rid, "d1", "some", reason="concealment unclear", reviewer="lead")
    resolve(review, rid, "overall", "high", reason="agreed", reviewer="lead")
    (final,) = final_appraisals(review)
    assert final.unresolved == [] and final.judgements["D1"] == SOME and final.judgements["overall"] == HIGH
    assert final.resolutions["D1"].resolved_by == "lead"
    assert final.reviewers == ["ann", "bob"]


def test_a_resolution_taken_back_restores_what_stood_before(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    appraise(review, rid, reviewer="ann", answers=ANSWERS)
    appraise(review, rid, reviewer="bob", answers=ANSWERS | {"1.2": "NI", "1.3": "Y"})
    resolve(review, rid, "D1", "some", reason="concealment unclear", reviewer="lead")
    first = final_appraisals(review)[0].resolutions["D1"]
    resolve(review, rid, "D1", "high", reason="on second reading", reviewer="lead")
    restore_resolution(review, rid, "D1", first, reviewer="lead")  # the second resolution undone
    (final,) = final_appraisals(review)
    assert final.judgements["D1"] == SOME and final.resolutions["D1"].reason == "concealment unclear"
    restore_resolution(review, rid, "D1", None, reviewer="lead")  # the first one undone too
    (final,) = final_appraisals(review)
    assert final.unresolved == ["D1", "overall"] and "D1" not in final.resolutions
    with review.session() as session:
        assert [a.action for a in audit_trail(session, rid)][-2:] == ["undo resolve rob2", "undo resolve rob2"]


def run(review_path: Path, *args: str, reviewer: str = "ann") -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"CURATOR_REVIEW": str(review_path),
                                                      "CURATOR_REVIEWER": reviewer})
    return result.exit_code, result.output


def test_appraise_from_a_file_and_print_the_json_of_the_issue(review_path: Path, tmp_path: Path) -> None:
    with open_review(review_path) as review:
        (rid,) = add_records(review, ["A trial"])
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS | {"5.1": {"answer": "PN", "support": "A trial"}}), encoding="utf-8")
    code, out = run(review_path, "appraise", str(rid), "--tool", "rob2", "--answers", str(answers),
                    "--reviewer", "ann")
    assert code == 0 and "14 changes by ann" in out and "not included at full text" in out
    code, out = run(review_path, "appraise", str(rid), "--tool", "rob2", "--json", reviewer="someone else")
    shown = json.loads(out)
    assert shown["tool"] == "rob2" and shown["reviewer"] == "ann"
    assert shown["domains"] == {"D1": LOW, "D2": LOW, "D3": LOW, "D4": LOW, "D5": SOME}
    assert shown["overall"] == SOME and shown["overrides"] == {}
    assert shown["answers"]["2.3"] == "NA" and shown["answers"]["5.1"] == "PN" and len(shown["answers"]) == 22
    assert shown["support"]["5.1"]["evidence"] == [[0, 7]]
    code, out = run(review_path, "appraise", str(rid), "--override", "overall=high", "--reason", "several concerns")
    assert code == 0
    code, out = run(review_path, "appraise", str(rid), "--reviewer", "ann")
    assert "Overall: high (proposed some concerns; overridden: several concerns)" in out
    assert "5.1  PN" in out and "\u201cA trial\u201d" in out
    code, out = run(review_path, "appraise", str(rid), "--answer", "1.2=N", reviewer="bob")
    code, out = run(review_path, "appraise", str(rid), "--json", reviewer="nobody")
    both = json.loads(out)
    assert [a["reviewer"] for a in both["appraisals"]] == ["ann", "bob"]
    assert both["disagreements"] == {"D1": {"ann": LOW, "bob": HIGH}}
    code, out = run(review_path, "appraisals", "--disagreements")
    assert code == 0 and "unresolved: D1" in out and "D1=?" in out and "(ann, bob)" in out
    code, out = run(review_path, "appraise", str(rid), "--resolve", "D1=low", "--reason", "sealed envelopes",
                    "--reviewer", "lead")
    assert code == 0 and "D1 resolved as low by lead" in out
    assert run(review_path, "appraisals", "--disagreements") == (0, "")
    listed = json.loads(run(review_path, "appraisals", "--json")[1])
    assert listed["judgements"]["D1"] == LOW and listed["resolved"]["D1"]["resolved_by"] == "lead"


@pytest.mark.parametrize(("text", "message"), [
    ("", "is not JSON"),
    ("{}", "holds no answers"),
    ("[1, 2]", "must hold one object mapping question ids to answers"),
    ('{"1.4": "Y"}', "RoB 2 has no question '1.4'"),
    ('{"1.1": "Yes"}', "question 1.1 takes Y, PY, PN, N or NI, not 'Yes'"),
])
def test_a_bad_answers_file_is_one_sentence_and_writes_nothing(review_path: Path, tmp_path: Path, text: str,
                                                              message: str) -> None:
    with open_review(review_path) as review:
        (rid,) = add_records(review, ["A trial"])
    answers = tmp_path / "answers.json"
    answers.write_text(text, encoding="utf-8")
    code, out = run(review_path, "appraise", str(rid), "--tool", "rob2", "--answers", str(answers))
    assert code == 1 and message in out and "Traceback" not in out and out.count("\n") == 1
    with open_review(review_path) as review:
        assert record_appraisals(review, rid) == []


def test_showing_what_is_not_there_is_one_sentence(review_path: Path) -> None:
    with open_review(review_path) as review:
        (rid,) = add_records(review, ["A trial"])
    code, out = run(review_path, "appraise", str(rid))
    assert code == 1 and f"record {rid} has no rob2 appraisal" in out
    code, out = run(review_path, "appraise", "99", "--answer", "1.1=Y")
    assert code == 1 and "no record 99 in this review" in out
    code, out = run(review_path, "appraise", str(rid), "--answer", "1.1")
    assert code == 2 and "--answer is written KEY=VALUE" in out
