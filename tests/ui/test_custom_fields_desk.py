"""The review's own fields in the desk's form: an editor of their type, saved at once, checked, undoable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from curator.appraisal.custom_values import record_custom_values
from curator.appraisal.form import add_field
from curator.store.database import open_review
from tests.ui.seeding import seed_records
from tests.ui.windows import open_window
from ui.field_editors import ChoiceEditor, LineEditor
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, review_path: Path) -> Iterator[MainWindow]:
    with open_review(review_path) as review:
        seed_records(review, 3)
        add_field(review, "Dose (mg)", "number", help_text="Daily dose in the intervention arm", reviewer="lead")
        add_field(review, "Setting", "choice", choices=["hospital", "community"], reviewer="lead")
    window = open_window(qtbot, review_path)
    yield window
    window.close()


def test_custom_fields_get_editors_of_their_type_and_save(qtbot, window: MainWindow) -> None:
    rows = window.form.custom_rows
    assert list(rows) == ["custom.Dose (mg)", "custom.Setting"] and window.form.custom_group.isVisibleTo(window)
    assert isinstance(rows["custom.Dose (mg)"].editor, LineEditor)
    assert isinstance(rows["custom.Setting"].editor, ChoiceEditor)
    assert rows["custom.Dose (mg)"].state.text() == "Daily dose in the intervention arm"
    assert window.record is not None and window.desk is not None
    record_id = window.record.id
    line = rows["custom.Dose (mg)"].editor.line  # type: ignore[attr-defined]
    qtbot.keyClicks(line, "twelve")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "must be a number" in rows["custom.Dose (mg)"].problem.text()
    assert record_custom_values(window.desk.review, record_id)["Dose (mg)"] is None
    line.clear()
    qtbot.keyClicks(line, "12.5")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert record_custom_values(window.desk.review, record_id)["Dose (mg)"] == 12.5
    assert not rows["custom.Dose (mg)"].problem.isVisible()
    assert window.commands["undo"].text() == "Undo Edit Dose (mg)"
    window.undo()
    assert record_custom_values(window.desk.review, record_id)["Dose (mg)"] is None
    assert rows["custom.Dose (mg)"].editor.value() in (None, "")
    window.redo()
    assert rows["custom.Dose (mg)"].editor.value() in (12.5, "12.5")
