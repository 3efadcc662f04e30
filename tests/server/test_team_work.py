"""A team at work on one server review: four reviewers deciding at once lose nothing; two saving the same
field, the second is refused with who changed it and when."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from curator.review.records import get_record, set_field
from curator.review.screening import decision_log
from curator.store.audit import audit_trail
from curator.store.database import open_review
from curator.store.errors import EditConflict
from tests.conftest import REPO, add_records
from tests.server.conftest import ServerReview

REVIEWERS = {"ann": "ann-pw-1", "ben": "ben-pw-2", "cy": "cy-pw-3", "dee": "dee-pw-4"}
RECORDS = 60

_DECIDE = """
import sys
sys.path.insert(0, sys.argv[1])
from curator.review.screening import record_decision
from curator.store.database import open_review
url, reviewer, first, count = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
with open_review(url, create=False) as review:
    for record_id in range(first, first + count):
        verdict = ("include", "exclude", "maybe")[record_id % 3]
        record_decision(review, record_id, verdict, reviewer=reviewer,
                        reason="wrong population" if verdict == "exclude" else None)
"""


@pytest.fixture
def team(server: ServerReview) -> ServerReview:
    from curator.store import rights

    with open_review(server.url()) as review:
        add_records(review, [f"Trial {n} of anakinra" for n in range(1, RECORDS + 1)])
        with review.engine.begin() as connection:
            for name, password in REVIEWERS.items():
                rights.add_reviewer(connection, name, password)
    return server


def test_four_reviewers_deciding_at_once_lose_nothing(team: ServerReview) -> None:
    first = 1  # the records of a new review are numbered from 1
    workers = [subprocess.Popen([sys.executable, "-c", _DECIDE, str(REPO), team.url(name, password), name,
                                 str(first), str(RECORDS)], stderr=subprocess.PIPE, text=True)
               for name, password in REVIEWERS.items()]
    errors = [worker.communicate()[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0], errors
    with open_review(team.url()) as review:
        decisions = list(decision_log(review))
        with review.session() as session:
            decided = [line for line in audit_trail(session) if line.action == "decide"]
    assert len(decisions) == len(decided) == 4 * RECORDS
    assert {(d.reviewer, d.record_id) for d in decisions} == {
        (name, record_id) for name in REVIEWERS for record_id in range(first, first + RECORDS)}
    with open_review(team.url()) as review, review.engine.connect() as connection:  # where records stand, too
        standing = connection.exec_driver_sql("SELECT reviewers, count(*) FROM stage_verdicts GROUP BY 1").all()
    assert [tuple(row) for row in standing] == [(4, RECORDS)]


@pytest.mark.parametrize("kind", ["server", "file"])
def test_a_second_save_of_a_field_changed_meanwhile_is_refused(kind: str, tmp_path: Path,
                                                               request: pytest.FixtureRequest) -> None:
    if kind == "server":
        team = request.getfixturevalue("team")
        ann_at, ben_at = team.url("ann", REVIEWERS["ann"]), team.url("ben", REVIEWERS["ben"])
    else:
        ann_at = ben_at = str(tmp_path / "shared.curator.sqlite")
        with open_review(ann_at) as review:
            add_records(review, ["Trial 1 of anakinra"])
    with open_review(ann_at) as ann, open_review(ben_at) as ben:
        anns_view, bens_view = get_record(ann, 1), get_record(ben, 1)
        set_field(ann, 1, "phase", "PHASE2", reviewer="ann", seen_version=anns_view.version,
                  seen_value=anns_view.value("phase"))
        with pytest.raises(EditConflict) as refused:
            set_field(ben, 1, "phase", "PHASE3", reviewer="ben", seen_version=bens_view.version,
                      seen_value=bens_view.value("phase"))
        message = str(refused.value)
        assert "changed by ann at " in message and "'PHASE2'" in message and "'PHASE3'" in message
        assert (refused.value.theirs, refused.value.yours) == ("PHASE2", "PHASE3")
        assert get_record(ben, 1).value("phase") == "PHASE2"  # nothing overwritten
        # Another field of the same record, unchanged since ben read it, saves.
        set_field(ben, 1, "enrollment", 120, reviewer="ben", seen_version=bens_view.version,
                  seen_value=bens_view.value("enrollment"))
        after = get_record(ann, 1)
        assert (after.value("phase"), after.value("enrollment"), after.version) == ("PHASE2", 120, 2)
