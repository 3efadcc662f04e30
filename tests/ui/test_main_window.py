"""The curation desk driven as a reviewer drives it: keys, a field edit, undo, reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from curator.duplicates import links as duplicate_links
from curator.review import records, screening
from curator.store.database import open_review
from ui.curation_desk import SETTLE_SECONDS
from ui.dialogs.note import NoteDialog
from ui.main_window import MainWindow

SETTLE_MS = int(SETTLE_SECONDS * 1000) + 60


def press(qtbot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          *, settle: bool = True) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    if settle:
        qtbot.wait(SETTLE_MS)


def test_title_names_curator_and_the_review(window: MainWindow) -> None:
    assert "Curator" in window.windowTitle() and "test" in window.windowTitle()


def test_opens_on_the_first_unscreened_record_with_the_list_focused(qtbot, seeded_path: Path) -> None:
    with open_review(seeded_path) as review:
        screening.record_decision(review, 1, "include", reviewer="tester")
        screening.record_decision(review, 2, "maybe", reviewer="tester")
    window = MainWindow("tester")
    qtbot.addWidget(window)
    window.show()
    window.open_review(seeded_path)
    assert window.record is not None and window.record.id == 3
    assert window.record_list.current_record_id() == 3
    assert window.focusWidget() is window.record_list.table
    assert window.record_list.counts.text() == "2 of 12 screened"


def test_screen_five_records_edit_undo_and_reopen(qtbot, window: MainWindow, seeded_path: Path) -> None:
    reasons = window.desk.reasons if window.desk else []
    window.ranking.choose_order("import")  # record by record in import order, not learnt by relevance
    assert window.record is not None and window.record.id == 1
    press(qtbot, window, Qt.Key.Key_I)                       # 1 included → 2
    assert window.record.id == 2
    press(qtbot, window, Qt.Key.Key_E)                       # 2 excluded, waiting for a reason
    assert window.record.id == 2 and window.awaiting_reason
    assert "pick a reason" in window.decision_bar.verdict_label.text()
    press(qtbot, window, Qt.Key.Key_2)                       # reason 2 → 3
    assert window.record.id == 3
    press(qtbot, window, Qt.Key.Key_M)                       # 3 maybe → 4
    press(qtbot, window, Qt.Key.Key_E)
    press(qtbot, window, Qt.Key.Key_5)                       # 4 excluded, reason 5 → 5
    press(qtbot, window, Qt.Key.Key_I)                       # 5 included → 6
    assert window.record.id == 6
    assert window.record_list.counts.text() == "5 of 12 screened"

    # Edit a field of record 6: type into the sponsor, leave with Enter.
    sponsor = window.form.rows["sponsor"].editor.line  # type: ignore[attr-defined]
    sponsor.setFocus()
    qtbot.keyClicks(sponsor, "Acme Trials")  # an "I" and "E" among the letters: typed, not decided
    qtbot.keyClick(sponsor, Qt.Key.Key_Return)
    assert window.form.rows["sponsor"].state.text() == "edited by tester"
    enrollment = window.form.rows["enrollment"].editor.spin  # type: ignore[attr-defined]
    enrollment.setFocus()
    enrollment.selectAll()
    qtbot.keyClicks(enrollment, "321")
    window.record_list.focus_list()  # leaving the field saves it
    assert window.commands["undo"].text() == "Undo Edit enrollment"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the enrollment edit
    assert window.commands["undo"].text() == "Undo Edit sponsor"
    assert window.record.id == 6 and window.record.value("enrollment") == 45
    assert window.form.editor_value("enrollment") == 45
    window.close()

    with open_review(seeded_path) as review:
        current = screening.verdicts(review, "title-abstract")
        assert {rid: (v.verdict, v.reason) for rid, v in current.items()} == {
            1: ("include", None), 2: ("exclude", reasons[1]), 3: ("maybe", None),
            4: ("exclude", reasons[4]), 5: ("include", None),
        }
        assert all(v.reviewers == ("tester",) for v in current.values())
        view = records.get_record(review, 6)
        assert view.value("sponsor") == "Acme Trials" and view.is_edited("sponsor")
        assert view.value("enrollment") == 45 and not view.is_edited("enrollment")


def test_undo_a_decision_goes_back_to_the_record(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_M)
    assert window.record is not None and window.record.id == 2
    assert window.commands["undo"].text() == "Undo Set decision"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.record.id == 1 and window.record_list.current_record_id() == 1
    assert window.decision_bar.verdict_label.text() == "Not screened yet"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.decision_bar.buttons["maybe"].isChecked()
    assert window.record_list.counts.text() == "1 of 12 screened"


def test_a_repeated_key_does_not_decide_twice(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_I, settle=False)
    press(qtbot, window, Qt.Key.Key_I, settle=False)  # arrives while the first is settling
    assert window.desk is not None
    assert len(list(screening.decision_log(window.desk.review))) == 1
    assert window.record is not None and window.record.id == 2


def test_reason_keys_need_an_exclusion(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_3)
    assert window.desk is not None and not list(screening.decision_log(window.desk.review))
    assert "Press E" in window.statusBar().currentMessage()


def test_moving_with_j_k_and_arrows(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_J, settle=False)
    press(qtbot, window, Qt.Key.Key_Down, settle=False)
    assert window.record is not None and window.record.id == 3
    press(qtbot, window, Qt.Key.Key_K, settle=False)
    assert window.record.id == 2


def test_letters_typed_in_a_field_do_not_decide(qtbot, window: MainWindow) -> None:
    title = window.form.rows["title"].editor.line  # type: ignore[attr-defined]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "IEM 123 JK")
    assert title.text() == "IEM 123 JK"
    assert window.desk is not None and not list(screening.decision_log(window.desk.review))
    press(qtbot, window, Qt.Key.Key_Escape, settle=False)  # back to the list, the title saved
    assert QApplication.focusWidget() is window.record_list.table
    assert records.get_record(window.desk.review, 1).value("title") == "IEM 123 JK"
    assert window.record_list.model.record_row(0).title == "IEM 123 JK"  # type: ignore[union-attr]


def test_search_narrows_the_list_as_you_type(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Slash, settle=False)
    assert QApplication.focusWidget() is window.record_list.search_box
    qtbot.keyClicks(window.record_list.search_box, "erosi")
    qtbot.waitUntil(lambda: window.record_list.model.rowCount() < 12)
    titles = [window.record_list.model.record_row(r).title for r in range(window.record_list.model.rowCount())]
    assert titles and all("Erosion" in t for t in titles)  # type: ignore[union-attr]
    assert window.record_list.counts.text().endswith(f"{len(titles)} shown")


def test_focusing_a_field_highlights_its_evidence(qtbot, window: MainWindow) -> None:
    window.form.rows["sponsor"].editor.line.setFocus()  # type: ignore[attr-defined]
    assert window.record is not None
    spans = window.document.evidence_selections()
    assert len(spans) == 1
    start, end = spans[0]
    assert window.record.text[start:end] == "Sponsor"
    window.form.rows["phase"].editor.combo.setFocus()  # type: ignore[attr-defined]
    assert window.document.evidence_selections() == []


def test_revert_to_extracted(qtbot, window: MainWindow) -> None:
    row = window.form.rows["phase"]
    row.editor.combo.setCurrentIndex(row.editor.combo.findData("PHASE4"))  # type: ignore[attr-defined]
    row.editor.combo.activated.emit(row.editor.combo.currentIndex())  # type: ignore[attr-defined]
    assert row.revert_button.isEnabled() and row.state.text() == "edited by tester"
    qtbot.mouseClick(row.revert_button, Qt.MouseButton.LeftButton)
    assert not row.revert_button.isEnabled() and row.state.text() == "extracted"
    assert row.editor.value() == "PHASE2"
    assert window.commands["undo"].text() == "Undo Revert phase"


def test_an_invalid_value_is_shown_not_saved(qtbot, window: MainWindow) -> None:
    row = window.form.rows["start_date"]
    row.editor.line.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(row.editor.line, "2021-13-")  # type: ignore[attr-defined]
    qtbot.keyClick(row.editor.line, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert "ISO date" in row.problem.text() and row.problem.isVisibleTo(window)
    assert window.desk is not None and not records.get_record(window.desk.review, 1).is_edited("start_date")


def test_tags_and_notes(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_T, settle=False)
    assert QApplication.focusWidget() is window.decision_bar.tag_box
    qtbot.keyClicks(window.decision_bar.tag_box, "needs full text")
    qtbot.keyClick(window.decision_bar.tag_box, Qt.Key.Key_Return)
    assert window.record is not None and window.record.tags == ["needs full text"]
    assert window.record_list.model.data(window.record_list.model.index(0, 5)) == "needs full text"
    assert QApplication.focusWidget() is window.record_list.table and not window.decision_bar.tag_box.text()
    press(qtbot, window, Qt.Key.Key_N, settle=False)
    note = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "note_dialog" and w.isVisible())
    note.set_text_value("Check the protocol")  # type: ignore[attr-defined]
    note.accept()  # type: ignore[attr-defined]
    assert [n.text for n in window.record.notes] == ["Check the protocol"]
    assert "Check the protocol" in window.form.notes.text()


def test_stage_switch_screens_full_text_separately(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_I)
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier, settle=False)
    assert window.desk is not None and window.desk.stage == "full-text"
    assert window.record is not None and window.record.id == 1  # nothing screened at full text yet
    assert window.record_list.counts.text() == "0 of 12 screened"
    press(qtbot, window, Qt.Key.Key_M)
    assert screening.verdicts(window.desk.review, "full-text")[1].verdict == "maybe"


def test_every_command_is_in_a_menu_with_its_shortcut(window: MainWindow) -> None:
    in_menus = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        stack = [menu]
        while stack:
            current = stack.pop()
            for action in current.actions():  # type: ignore[union-attr]
                if action.menu() is not None:
                    stack.append(action.menu())
                in_menus.add(action.objectName())
    declared = {a.objectName() for a in window.commands.all()}
    assert declared <= in_menus
    assert window.commands["include"].shortcut().toString() == "I"
    assert window.commands["undo"].shortcut().toString() == "Ctrl+Z"


# -- decisions the review refuses; records set aside; a second reviewer ---------------------------------------

def test_a_refused_decision_says_why_and_changes_nothing(qtbot, window: MainWindow) -> None:
    assert window.desk is not None and window.model is not None
    duplicate_links.mark_duplicate(window.desk.review, 3, 1, reviewer="tester")
    screening.remove_before_screening(window.desk.review, 4, "retracted paper", reviewer="tester")
    window.model.reload()
    window.record_list.select_record(3)
    assert window.record is not None and window.record.id == 3
    press(qtbot, window, Qt.Key.Key_I)
    assert window.record.id == 3 and not list(screening.decision_log(window.desk.review))
    assert "duplicate of record 1" in window.decision_bar.verdict_label.text()
    assert "Not recorded" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_J)
    assert window.record.id == 4
    press(qtbot, window, Qt.Key.Key_E)
    assert not window.awaiting_reason and not list(screening.decision_log(window.desk.review))
    assert "removed before screening (retracted paper)" in window.decision_bar.verdict_label.text()
    assert not any(b.isChecked() for b in window.decision_bar.buttons.values())


def test_duplicates_and_removed_records_are_marked(qtbot, window: MainWindow) -> None:
    assert window.desk is not None and window.model is not None
    duplicate_links.mark_duplicate(window.desk.review, 3, 1, reviewer="tester")
    screening.remove_before_screening(window.desk.review, 4, "retracted paper", reviewer="tester")
    window.model.reload()
    decision = window.model.index(2, 4)
    assert window.model.data(decision) == "Duplicate of #1"
    assert window.model.data(window.model.index(3, 4)) == "Removed"
    tooltip = window.model.data(window.model.index(3, 4), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Removed: retracted paper")
    assert window.model.data(window.model.index(0, 4)) == ""
    window.record_list.select_record(4)
    assert window.decision_bar.verdict_label.text().startswith("Removed: retracted paper")
    window.record_list.select_record(3)
    assert window.decision_bar.verdict_label.text().startswith("Duplicate of #1")


def test_a_second_reviewer_sees_their_own_decision(qtbot, seeded_path: Path) -> None:
    with open_review(seeded_path) as review:
        reasons = screening.exclusion_reasons(review, "title-abstract")
        screening.record_decision(review, 2, "exclude", reviewer="Ann", reason=reasons[1])
    window = MainWindow("bob")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.open_review(seeded_path)
    window.set_stage("title-abstract")  # the stage is remembered from earlier tests
    window.record_list.select_record(2)
    bar = window.decision_bar
    assert not bar.buttons["exclude"].isChecked()
    assert bar.verdict_label.text() == f"Not screened by you · Ann: exclude ({reasons[1]})"
    press(qtbot, window, Qt.Key.Key_3)
    assert "Press E" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_E)
    assert window.awaiting_reason and bar.buttons["exclude"].isChecked()
    press(qtbot, window, Qt.Key.Key_3)                     # bob's own reason, then on to the next record
    assert window.desk is not None
    mine = [d for d in screening.current_decisions(window.desk.review, "title-abstract", [2])[2] if d.reviewer == "bob"]
    assert [(d.verdict, d.reason) for d in mine] == [("exclude", reasons[2])]
    window.record_list.select_record(2)
    assert bar.verdict_label.text().startswith(f"Excluded by you: {reasons[2]} · Ann: exclude")
    window.close()


def test_the_note_dialog_is_confirmed_and_cancelled_from_the_keyboard(qtbot, window: MainWindow) -> None:
    for confirm in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        note = window.editing.write_note()
        assert note is not None
        qtbot.waitExposed(note)
        note.activateWindow()
        qtbot.waitUntil(lambda n=note: QApplication.focusWidget() is n.text, timeout=2000)
        qtbot.keyClicks(note.text, "first line")
        qtbot.keyClick(note.text, Qt.Key.Key_Return)                   # Enter: a new line
        qtbot.keyClicks(note.text, "second")
        assert note.isVisible() and note.text_value() == "first line\nsecond"
        qtbot.keyClick(note.text, Qt.Key.Key_Tab)                      # Tab: on to the buttons
        assert QApplication.focusWidget() is not note.text
        note.text.setFocus()
        qtbot.keyClick(note.text, confirm, Qt.KeyboardModifier.ControlModifier)
        assert not note.isVisible()
    assert window.record is not None and [n.text for n in window.record.notes] == ["first line\nsecond"] * 2
    note = window.editing.write_note()
    assert note is not None
    qtbot.waitExposed(note)
    note.activateWindow()
    qtbot.keyClicks(note.text, "never mind")
    qtbot.keyClick(note.text, Qt.Key.Key_Escape)
    assert not note.isVisible() and len(window.record.notes) == 2


def test_the_note_dialog_elides_a_long_title(qtbot, window: MainWindow) -> None:
    assert window.record is not None
    note = window.editing.write_note()
    assert note is not None
    label = note.label.text()
    assert label.startswith("Note on “") and note.label.toolTip() == (window.record.title or "")
    long_note = NoteDialog("A very long title " * 20)
    assert long_note.label.text().endswith("…") and long_note.label.toolTip().startswith("A very long title")
    note.reject()


def test_the_title_column_takes_the_width(qtbot, window: MainWindow) -> None:
    window.resize(1440, 900)
    qtbot.wait(50)
    table = window.record_list.table
    title = table.columnWidth(0)
    assert title >= 0.4 * table.viewport().width()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_help_menu_lists_every_shortcut_and_says_the_version(qtbot, window: MainWindow) -> None:
    from curator import __version__
    from ui.actions import COMMANDS
    from ui.dialogs.help import about_text, shortcuts_html

    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    html = shortcuts_html()
    for command in COMMANDS:
        for keys in command.shortcuts:
            assert keys in html, keys
    assert __version__ in about_text()
    window.commands["shortcuts"].trigger()
    dialog = window.findChild(QDialog, "help_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_a_page_in_another_script_says_what_its_labels_mean(qtbot) -> None:
    from ui.document_view import DocumentView

    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document("<b>Erosion healing</b>", "Erosion healing\nنویسندگان\n  • R Rau\nچکیده\nText.", {})
    assert "نویسندگان = authors" in view.heading.text() and "چکیده = abstract" in view.heading.text()
    view.show_document("<b>An English page</b>", "Title: x\nAuthors: y\n", {})
    assert "Labels:" not in view.heading.text()


def test_lines_the_source_hard_wrapped_read_as_one_paragraph_at_the_same_positions(qtbot) -> None:
    from ui.document_view import DocumentView

    document = ("Status:\nNot yet recruiting\nSummary\n"
                "Complex regional pain syndrome is a disabling pain syndrome. Its definitive\n"
                "treatment has not been established, and the results of current treatments are\n"
                "often unsatisfactory.\nThe prognosis is difficult.\nShort line\nthat stays.")
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document("<b>CRPS</b>", document, {"status": [[8, 26]], "summary": [[78, 120]]})
    shown = view.text.toPlainText()
    assert len(shown) == len(document)
    assert "Its definitive treatment has" in shown and "treatments are often unsatisfactory." in shown
    assert "Status:\nNot yet recruiting\nSummary\n" in shown
    assert "unsatisfactory.\nThe prognosis" in shown and "Short line\nthat stays." in shown
    view.highlight_evidence("summary")
    assert shown[slice(*view.evidence_selections()[0])] == document[78:120].replace("\n", " ")
