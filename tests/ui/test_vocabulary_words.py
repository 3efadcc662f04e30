"""Vocabulary words as the window shows them (the list's columns, the form's choices)."""

from __future__ import annotations

import pytest

from ui.record_list_model import words


@pytest.mark.parametrize("value, shown", [
    ("ACTIVE_NOT_RECRUITING", "Active not recruiting"),
    ("PHASE2/PHASE3", "Phase 2/3"),
    ("PHASE1", "Phase 1"),
    ("NA", "Not applicable"),  # not "Na"
    ("EARLY_PHASE1", "Early phase 1"),
    (None, ""),
])
def test_a_vocabulary_word_reads_as_words(value: str | None, shown: str) -> None:
    assert words(value) == shown
