"""Patient-facing listings label the record in plain words: "Who is running it:" is the sponsor, "Participants
needed:" the enrollment; a sentence that merely uses the words is no label."""

from __future__ import annotations

import pytest

from curator.extraction import extract


@pytest.mark.parametrize(("sponsor_label", "size_label"), [
    ("Who is running it:", "Participants needed:"),
    ("Who is running the study:", "Volunteers needed:"),
    ("Who is running the trial:", "People needed:"),
])
def test_plain_word_labels_give_sponsor_and_enrollment(sponsor_label: str, size_label: str) -> None:
    f = extract(f"Join a study: Yoga for back pain\n\nStudy ID: NCT05512345\n{sponsor_label} Leeds Beckett University\n"
                f"{size_label} 240\nStudy phase: Phase 2\n")
    assert (f["sponsor"], f["enrollment"]) == ("Leeds Beckett University", 240)


def test_the_words_inside_a_sentence_are_no_label() -> None:
    f = extract("Join a study: Yoga for back pain\n\nStudy ID: NCT05512345\nMore participants needed in Leeds, "
                "says the team running it.\n")
    assert f["enrollment"] is None
    assert f["sponsor"] is None
