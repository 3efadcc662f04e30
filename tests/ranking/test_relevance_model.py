"""The relevance model on its own: includes first on an easy set, import order before it can learn."""

from __future__ import annotations

import pytest
from synthetic import screening

from curator.ranking.model import RelevanceModel, record_text


def _model(rows: list[dict[str, str]]) -> RelevanceModel:
    return RelevanceModel([r["id"] for r in rows], [record_text(r["title"], r["abstract"]) for r in rows])


def test_includes_come_first_once_it_has_one_of_each() -> None:
    rows = screening(records=200, includes=15)
    includes = [r["id"] for r in rows if r["label"] == "1"]
    excludes = [r["id"] for r in rows if r["label"] == "0"]
    labels = {includes[0]: True, excludes[0]: False}
    ranked = _model(rows).rank(labels)
    assert len(ranked) == 198
    assert {r.id for r in ranked[:14]} == set(includes[1:])
    assert ranked[0].score > ranked[-1].score


def test_import_order_until_there_is_an_include_and_an_exclude() -> None:
    rows = screening(records=30, includes=5)
    model = _model(rows)
    first_exclude = next(r["id"] for r in rows if r["label"] == "0")
    assert [r.id for r in model.rank({})] == [r["id"] for r in rows]
    assert [r.id for r in model.rank({first_exclude: False}, limit=3)] == \
        [r["id"] for r in rows if r["id"] != first_exclude][:3]


def test_labels_of_unknown_records_and_duplicate_ids_are_refused() -> None:
    rows = screening(records=30, includes=5)
    with pytest.raises(KeyError, match="no record 'nope'"):
        _model(rows).rank({"nope": True})
    with pytest.raises(ValueError, match="unique"):
        RelevanceModel(["a", "a"], ["x y", "y z"])


def test_the_title_counts_twice_and_keywords_are_read() -> None:
    assert record_text("  Nudging   doctors ", "An abstract.", "defaults; reminders") == \
        "Nudging doctors Nudging doctors An abstract. defaults; reminders"
    assert record_text("", "", "") == ""


def test_only_the_latest_excludes_are_learnt_from_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from curator.ranking import model as model_module

    rows = screening(records=60, includes=6)
    labels = {r["id"]: r["label"] == "1" for r in rows[:40]}
    monkeypatch.setattr(model_module, "MAX_EXCLUDES_LEARNT", 3)
    learnt = model_module._learnt_from(labels)
    excludes = [i for i, relevant in labels.items() if not relevant]
    assert [i for i in learnt if not labels[i]] == excludes[-3:]
    assert [i for i in learnt if labels[i]] == [i for i, relevant in labels.items() if relevant]
    left = {r["id"] for r in rows[40:] if r["label"] == "1"}
    assert left  # the includes still to find
    ranked = _model(rows).rank(labels)
    assert {r.id for r in ranked[:len(left)]} == left
