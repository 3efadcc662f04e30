"""The lazy record list model: Qt's model tester, lazy fetching, sorting, refreshing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from curator.review import screening
from curator.review.listing import RecordFilter
from curator.store.database import Review
from tests.ui.seeding import seed_records
from ui import record_list_model
from ui.record_list_model import RECORD_ID_ROLE, RecordListModel


def test_model_passes_qt_model_tester(qtbot, review: Review) -> None:
    seed_records(review, 300)
    model = RecordListModel(review)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reload()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter(RecordFilter(search="erosion"))
    model.refresh_records(model.ids()[:3])
    model.set_filter(RecordFilter())
    assert model.rowCount() == 300 and model.columnCount() == 6


def test_rows_are_fetched_on_demand_and_cached_in_blocks(review: Review, monkeypatch) -> None:
    seed_records(review, 1000)
    calls: list[int] = []
    real = record_list_model.record_rows

    def counting(review_: Review, ids: list[int], **options):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return real(review_, ids, **options)

    monkeypatch.setattr(record_list_model, "record_rows", counting)
    model = RecordListModel(review)
    model.reload()
    assert calls == []  # opening reads ids only
    assert model.data(model.index(500, 1)) in ("Trial", "Article")
    assert model.data(model.index(501, 0)).startswith(("Interleukin", "Effectiveness", "Last", "Erosion", "Study"))
    assert calls == [record_list_model.BLOCK]  # the neighbours came in the same block
    assert model.data(model.index(500, 0), RECORD_ID_ROLE) == model.ids()[500]


def test_sorting_and_decisions_show(review: Review) -> None:
    ids = seed_records(review, 20)
    model = RecordListModel(review)
    model.reload()
    model.sort(2, Qt.SortOrder.AscendingOrder)  # status
    statuses = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    non_empty = [s for s in statuses if s]
    assert non_empty == sorted(non_empty)
    screening.record_decision(review, ids[0], "exclude", reviewer="tester", reason="duplicate")
    model.refresh_records([ids[0]])
    row = model.row_of(ids[0])
    assert row is not None and model.data(model.index(row, 4)) == "Exclude"
    assert model.data(model.index(row, 4), Qt.ItemDataRole.ToolTipRole) == "Exclude: duplicate"
    model.sort(4, Qt.SortOrder.DescendingOrder)  # not sortable in the store: list order, not an error
    assert model.ids() == sorted(ids)
