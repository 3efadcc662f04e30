"""What a reviewer may see of others' appraisals (blind until their own is complete, the lead always),
and an answer taken back (None clears it, as undo in the desk needs)."""

from __future__ import annotations

import pytest

from curator.appraisal.appraisals import appraise, get_appraisal, resolve
from curator.appraisal.blind import appraisal_sight, is_complete
from curator.review.screening_mode import set_lead_reviewer
from curator.store.database import Review
from tests.appraisal.test_appraisals import ANSWERS
from tests.conftest import add_records


def test_an_answer_of_none_clears_it_and_the_proposal_opens_again(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    appraise(review, rid, reviewer="ann", answers={"1.1": "Y", "1.2": "Y", "1.3": "N"})
    view = appraise(review, rid, reviewer="ann", answers={"1.3": None}).after
    assert "1.3" not in view.answers and view.proposed["D1"] is None
    with pytest.raises(ValueError, match="RoB 2 has no question '7.7'"):
        appraise(review, rid, reviewer="ann", answers={"7.7": None})
    assert get_appraisal(review, rid, "ann").answers == {"1.1": "Y", "1.2": "Y"}  # type: ignore[union-attr]


def test_others_are_hidden_until_ones_own_appraisal_is_complete_but_never_from_the_lead(review: Review) -> None:
    (rid,) = add_records(review, ["A trial"])
    set_lead_reviewer(review, "lea", reviewer="lea")
    appraise(review, rid, reviewer="ann", answers=ANSWERS)
    partial = appraise(review, rid, reviewer="bob", answers={**ANSWERS, "1.2": "N", "5.1": "Y"}).after
    assert is_complete(partial)
    appraise(review, rid, reviewer="bob", answers={"1.2": None})  # bob's D1 is open again
    sight = appraisal_sight(review, rid, "bob")
    assert sight.hidden and sight.others == () and sight.disagreements == {} and not sight.lead
    assert sight.own is not None and not is_complete(sight.own)
    appraise(review, rid, reviewer="bob", answers={"1.2": "N"})
    sight = appraisal_sight(review, rid, "bob")
    assert not sight.hidden and [a.reviewer for a in sight.others] == ["ann"]
    assert sight.disagreements["D1"] == {"ann": "low", "bob": "high"}
    assert appraisal_sight(review, rid, "cy").hidden  # cy has not appraised: hidden
    lead = appraisal_sight(review, rid, "lea")
    assert lead.lead and not lead.hidden and lead.own is None and set(lead.disagreements) == {"D1", "D5", "overall"}
    resolve(review, rid, "D1", "high", reason="allocation was open", reviewer="lea")
    assert appraisal_sight(review, rid, "lea").resolutions["D1"].judgement == "high"


def test_the_server_keeps_appraisals_and_their_audit_entries_by_the_same_words(review: Review) -> None:
    from curator.appraisal import rob2
    from curator.store import blind_rights
    from curator.store.audit import audit_trail

    assert blind_rights.APPRAISAL_DOMAINS == rob2.DOMAINS and blind_rights.APPRAISAL_TOOLS == (rob2.TOOL,)
    (rid,) = add_records(review, ["A trial"])
    appraise(review, rid, reviewer="ann", answers=ANSWERS, support={"1.1": "randomly allocated"})
    with review.session() as session:
        actions = {line.action for line in audit_trail(session, rid)}
    assert actions and actions <= set(blind_rights.APPRAISAL_ACTIONS)
