"""The desk on a review shared on a PostgreSQL server: opened through File > Open server review (the password
in the keyring, here an in-memory one), others' decisions shown after a poll, an edit refused when someone
else changed the field first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from curator.review import records
from curator.store.database import Review, open_review
from tests.server.conftest import PASSWORDS, ServerReview, run
from tests.ui import live_checks
from ui import passwords
from ui.dialogs.server_review import ServerReviewDialog
from ui.main_window import MainWindow
from ui.settings import DeskSettings


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dictionary, for the test only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)



@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, folder)
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)




def address(team: ServerReview, name: str) -> str:
    return f"postgresql://{name}@{team.host}:{team.port}/{team.database}"


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("CURATOR_REVIEWER", "alice")
    window = MainWindow("alice")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def answer_dialog(typed: list[tuple[str, str]], seen: list[ServerReviewDialog]) -> None:
    """Answer the next server-review dialogs: each (address, password) typed in turn, then Open; a dialog
    with nothing left to type is cancelled (so a test never hangs on one it did not expect)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ServerReviewDialog):
            QTimer.singleShot(20, answer)
            return
        if dialog not in seen:
            seen.append(dialog)
        if not typed:
            dialog.reject()
            return
        where, password = typed.pop(0)
        if where:
            dialog.address.setText(where)
        dialog.password.setText(password)
        dialog.accept()
        if dialog.isVisible():  # refused: it stays open for the next try
            QTimer.singleShot(0, answer)

    QTimer.singleShot(0, answer)


def test_a_server_review_opens_through_the_dialog_and_its_password_goes_to_the_keyring(
        team: ServerReview, window: MainWindow, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    seen: list[ServerReviewDialog] = []
    answer_dialog([(address(team, "alice"), "not-her-password"), ("", PASSWORDS["alice"])], seen)
    assert window.files.ask_server_review() is not None
    # The wrong password: the core's one sentence, naming the server, never the password; the dialog stayed open.
    assert len(seen) == 1 and len(warnings) == 1
    assert "refused the login alice" in warnings[0] and team.database in warnings[0]
    assert "not-her-password" not in warnings[0]
    assert window.review is not None and window.review.server
    assert window.windowTitle().startswith(f"{team.database}@{team.host} — ")
    assert window.record is not None and window.model is not None and window.model.rowCount() > 0
    key = f"alice@{team.host}:{team.port}/{team.database}"
    assert memory_keyring.kept == {(passwords.SERVICE, key): PASSWORDS["alice"]}
    # The recent reviews keep the address without the password, and reopening asks the keyring, not the reviewer.
    assert DeskSettings().recent_reviews()[0] == address(team, "alice")
    settings = QSettings("Curator", "Curator")
    assert not any(PASSWORDS["alice"] in str(settings.value(k)) for k in settings.allKeys())
    window.close_review()
    answer_dialog([], seen)
    assert window.open_review(address(team, "alice"), create=False)
    assert len(seen) == 1 and window.review is not None and window.review.server


def test_without_a_keyring_the_dialog_says_so_and_asks_each_time(
        team: ServerReview, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        seen: list[ServerReviewDialog] = []
        answer_dialog([(address(team, "alice"), PASSWORDS["alice"])], seen)
        assert window.files.ask_server_review() is not None
        assert seen[0].keyring_note.text() == passwords.NO_KEYRING
        window.close_review()
        answer_dialog([("", PASSWORDS["alice"])], seen)
        assert window.open_review(address(team, "alice"), create=False)  # from the recent list: asked again
        assert len(seen) == 2 and seen[1].address.text() == address(team, "alice")
    finally:
        keyring.set_keyring(before)


def test_another_reviewers_decision_appears_after_a_poll_without_moving_the_reviewer(
        team: ServerReview, window: MainWindow, qtbot) -> None:
    assert window.open_review(team.url("alice", PASSWORDS["alice"]), create=False)
    assert window.model is not None and window.record is not None
    current = window.record.id
    sponsor = window.form.rows["sponsor"].editor.line  # type: ignore[attr-defined]
    sponsor.setFocus()
    sponsor.clear()
    qtbot.keyClicks(sponsor, "Half typed")
    other = next(window.model.record_id(row) for row in range(window.model.rowCount())
                 if window.model.record_id(row) != current)
    row = window.model.row_of(other)
    decision = window.model.index(row, 4)
    assert not window.model.data(decision)
    counts = window.record_list.counts.text()
    code, out = run("screen", str(other), "include", "--review", team.url("bob", PASSWORDS["bob"]),
                    CURATOR_REVIEWER="")
    assert code == 0, out
    assert not window.model.data(decision)  # the list shows what it read, until the poll
    assert window.live.poll() is not None
    qtbot.waitUntil(lambda: window.live.job is None)
    assert window.model.data(decision) == "Include"
    assert window.record_list.counts.text() != counts and window.record_list.counts.text().startswith("1 of ")
    assert window.record.id == current and window.record_list.current_record_id() == current
    assert sponsor.text() == "Half typed"


def test_an_edit_of_a_field_someone_else_changed_since_is_refused_with_both_values(
        team: ServerReview, window: MainWindow, qtbot) -> None:
    assert window.open_review(team.url("alice", PASSWORDS["alice"]), create=False)
    assert window.record is not None
    record_id = window.record.id
    with open_review(team.url("bob", PASSWORDS["bob"]), create=False) as bobs:
        records.set_field(bobs, record_id, "sponsor", "Bob's sponsor", reviewer="bob")
    sponsor = window.form.rows["sponsor"].editor.line  # type: ignore[attr-defined]
    sponsor.setFocus()
    sponsor.clear()
    qtbot.keyClicks(sponsor, "Alice's sponsor")
    window.form.commit_pending()
    problem = window.form.rows["sponsor"].problem.text()
    assert "changed by bob" in problem and "Bob's sponsor" in problem and "Alice's sponsor" in problem
    assert sponsor.text() == "Bob's sponsor"  # the field shows the value saved
    assert records.get_record(window.review, record_id).value("sponsor") == "Bob's sponsor"
    # Now that the form shows bob's value, alice's next edit is saved.
    sponsor.clear()
    qtbot.keyClicks(sponsor, "Alice's sponsor")
    window.form.commit_pending()
    assert window.form.rows["sponsor"].problem.text() == ""
    assert records.get_record(window.review, record_id).value("sponsor") == "Alice's sponsor"


@pytest.fixture
def bobs(team: ServerReview) -> Iterator[Review]:
    with open_review(team.url("bob", PASSWORDS["bob"]), create=False) as review:
        yield review


def test_bobs_decisions_undoing_edits_tags_and_notes_appear_on_alices_desk(
        team: ServerReview, window: MainWindow, bobs: Review, qtbot) -> None:
    assert window.open_review(team.url("alice", PASSWORDS["alice"]), create=False)
    live_checks.check_others_work_appears(window, bobs, "bob", qtbot)


def test_a_field_alice_is_typing_in_keeps_her_text_and_her_save_is_refused(
        team: ServerReview, window: MainWindow, bobs: Review, qtbot) -> None:
    assert window.open_review(team.url("alice", PASSWORDS["alice"]), create=False)
    live_checks.check_a_field_being_typed_is_kept_and_its_save_refused(window, bobs, "bob", qtbot)
    live_checks.check_a_field_left_unsaved_catches_up(window, bobs, "bob", qtbot)


@pytest.mark.parametrize("why", ["wrong password", "expired login"])
def test_a_login_the_server_refuses_is_one_sentence_and_the_open_review_stays(
        team: ServerReview, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str) -> None:
    local = tmp_path / "mine.curator.sqlite"
    assert window.open_review(local)
    review, title = window.review, window.windowTitle()
    password = PASSWORDS["bob"]
    if why == "wrong password":
        password = "not-bobs-password"
    else:
        with psycopg.connect(team.admin_url, autocommit=True) as admin:
            admin.execute("ALTER ROLE bob VALID UNTIL '2001-01-01'")
    try:
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
        assert not window.files.open(team.url("bob", password), create=False)
        server = f"{team.host}:{team.port}/{team.database}"
        assert warnings == [f"the review server {server} refused the login bob: wrong name or password, or the"
                            " login's access has ended (ask the lead)"]
        assert password not in warnings[0]
        assert window.review is review and window.windowTitle() == title
    finally:  # roles are the cluster's, not the database's: other tests log in as bob
        with psycopg.connect(team.admin_url, autocommit=True) as admin:
            admin.execute("ALTER ROLE bob VALID UNTIL 'infinity'")
