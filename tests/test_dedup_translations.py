"""Duplicate finding on a translated title given after its original ("original [English]", "original = English",
"original. English") in one record and alone in the other: one document; and what is not such a translation."""

from __future__ import annotations

import pytest

from curator.duplicates.titles import translation_after_original
from tests.dedup_pairs import citation, link_between, linked

ENGLISH = "Effect of a training programme on the care of children with asthma in hospital"
ORIGINAL = "Wirkung einer Schulung auf die Versorgung von Kindern mit Asthma im Krankenhaus"


def _ref(record_id: int, title: str, *, author: str = "Tam, L.", journal: str = "Klin Padiatr", pages: str = "20-28"):
    return citation(record_id, title, authors=(author, "Okafor, C."), year=2015, journal=journal,
                    volume="46" if pages else "", issue="3" if pages else "", pages=pages)


@pytest.mark.parametrize("written", [f"{ORIGINAL} [{ENGLISH}]", f"{ORIGINAL} = {ENGLISH}", f"{ORIGINAL}. {ENGLISH}.",
                                     f"Effet d'un programme de formation sur la prise en charge. {ENGLISH}"])
def test_the_english_title_after_its_original_is_the_english_record(written: str) -> None:
    assert translation_after_original(written) == ENGLISH
    for english in (ENGLISH, f"[{ENGLISH}]."):
        assert linked(_ref(1, english), _ref(2, written, journal="", pages=""))
        assert linked(_ref(1, written, journal="", pages=""), _ref(2, english))


@pytest.mark.parametrize("title", [
    "Chronic kidney disease in adults. Management of the patient in primary care",  # English before the period
    "Tai chi for stroke rehabilitation. [Chinese]", "Effect of exercise on balance [Review] [45 refs]",
    f"Asthma mit [{ENGLISH}]",  # two words before: not a title of its own
    f"{ORIGINAL} [Asthma im Krankenhaus]"])  # no English after it
def test_what_is_not_a_translation_after_its_original(title: str) -> None:
    assert translation_after_original(title) == ""


def test_a_translation_and_another_first_author_or_other_pages_are_two_documents() -> None:
    written = f"{ORIGINAL} [{ENGLISH}]"
    assert link_between(_ref(1, ENGLISH), _ref(2, written, author="Moreau, L.", journal="", pages="")) is None
    assert link_between(_ref(1, ENGLISH), _ref(2, written, pages="120-128")) is None
    unsure = link_between(_ref(1, ENGLISH, journal="Pediatrics"), _ref(2, written, pages=""))
    assert unsure is not None and unsure.possible  # the English paper and its original in another journal
