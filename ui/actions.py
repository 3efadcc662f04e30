"""Every command of the window, declared once with its menu text and shortcut.

Screening keys (single letters, digits, arrows) are "desk" commands: they act
only when the focus is not in a text field (see ``ui/desk_keys.py``). The
others work everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from curator.terms import STAGES

REASON_KEYS = 9


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    desk: bool = False  # a screening key, inactive while typing in a field


COMMANDS: tuple[Command, ...] = (
    # File
    Command("new_review", "&New review…", ("Ctrl+N",), "Create a new, empty review file"),
    Command("open_review", "&Open review…", ("Ctrl+O",), "Open a review file"),
    Command("open_server_review", "Open &server review…", (), "Open the review your team shares on a PostgreSQL"
            " server"),
    Command("import_files", "&Import files…", ("Ctrl+I",), "Import documents and exports into this review"),
    Command("import_folder", "Import &folder…", ("Ctrl+Shift+I",), "Import every file of a folder"),
    Command("export_workbook", "&Export workbook…", ("Ctrl+E",), "Export the review to an Excel workbook"),
    Command("quit", "&Quit", ("Ctrl+Q",), "Close Curator (everything is already saved)"),
    # Edit
    Command("undo", "&Undo", ("Ctrl+Z",)),
    Command("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    Command("find", "&Find…", ("Ctrl+F",), "Search titles and document text"),
    Command("keywords", "&Keywords…", (), "Words to highlight for inclusion (green) and exclusion (red)"),
    Command("reviewer", "Reviewer &name…", (), "Who you are: every decision carries your name"),
    Command("screening_mode", "Screening &mode…", (), "Single or blind dual screening at each stage, and the lead"),
    # Screening
    Command("include", "&Include", ("I",), "Include this record", desk=True),
    Command("exclude", "&Exclude", ("E",), "Exclude this record, then pick a reason with 1–9", desk=True),
    Command("maybe", "&Maybe", ("M",), "Mark this record maybe", desk=True),
    Command("note", "Add &note…", ("N",), "Write a note on this record", desk=True),
    Command("tag", "Add &tag…", ("T",), "Tag this record", desk=True),
    Command("confirm_duplicate", "Confirm &duplicate", ("Shift+D",), "The record is a duplicate of the one it "
            "is linked to", desk=True),
    Command("reject_duplicate", "N&ot a duplicate", ("Shift+N",), "The possible duplicate is a record of its own",
            desk=True),
    Command("resolve_include", "Resolve conflict: include", ("Shift+I",), "As the lead: settle the conflict",
            desk=True),
    Command("resolve_exclude", "Resolve conflict: exclude", ("Shift+E",), "As the lead: settle the conflict",
            desk=True),
    Command("conflicts", "&Conflicts", ("Ctrl+Shift+C",), "The records the reviewers disagree on, with each one's "
            "verdict and reason, beside the record list; the lead resolves them there"),
    Command("next_record", "Ne&xt record", ("J", "Down"), desk=True),
    Command("previous_record", "&Previous record", ("K", "Up"), desk=True),
    Command("next_unscreened", "Next &unscreened record", ("U",), desk=True),
    Command("search", "&Search…", ("/",), "Search titles and document text", desk=True),
    Command("back_to_list", "Back to the &list", ("Esc",), "Leave the field and screen with the keys"),
    *(Command(f"stage_{i}", stage.replace("-", "/").replace("title/abstract", "Title/abstract")
              .replace("full/text", "Full text") + " stage", (f"Ctrl+{i + 1}",)) for i, stage in enumerate(STAGES)),
    *(Command(f"reason_{n}", f"Reason {n}", (str(n),), desk=True) for n in range(1, REASON_KEYS + 1)),
    # Record: its full text (ui/full_texts.py)
    Command("attach_full_text", "&Attach full text…", (), "Attach the report (a PDF) to this record"),
    Command("detach_full_text", "&Detach full text", (), "Detach this record's full text (it stays in the history)"),
    Command("read_full_text", "&Read into the form", (), "Fill empty fields from the full text; propose the others"),
    # Help
    Command("shortcuts", "&Keyboard shortcuts", ("F1",), "Every key of the window"),
    Command("workflow", "&How a review goes", (), "Import, screen, check, report: the steps in Curator"),
    Command("about", "&About Curator", (), "Version and licence"),
)

# The menu bar: commands by name, "-" a separator, "name:Text" a submenu (the window fills "recent";
# "reason" holds the reason keys).
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("new_review", "open_review", "open_server_review", "recent:Open &recent", "-", "import_files", "import_folder",
               "export_workbook", "-", "quit")),
    ("&Edit", ("undo", "redo", "-", "find", "keywords", "reviewer", "screening_mode")),
    ("&Screening", ("include", "exclude", "maybe", "reason:Exclusion &reason", "note", "tag", "-",
                    "confirm_duplicate", "reject_duplicate", "resolve_include", "resolve_exclude", "conflicts", "-", "stage_0",
                    "stage_1")),
    ("&Record", ("attach_full_text", "detach_full_text", "-", "read_full_text")),
    ("&Go", ("next_record", "previous_record", "next_unscreened", "search", "back_to_list")),
    ("&Help", ("shortcuts", "workflow", "-", "about")),
)


class Actions(QObject):
    """The window's QActions by command name: ``actions["include"]``."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        for command in COMMANDS:
            action = QAction(command.text, parent)
            action.setObjectName(command.name)
            if command.shortcuts:
                action.setShortcuts([QKeySequence(s) for s in command.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if command.tip:
                action.setStatusTip(command.tip)
                shortcut = f" ({command.shortcuts[0]})" if command.shortcuts else ""
                action.setToolTip(command.tip + shortcut)
            if command.desk:
                # A held key must not decide twice: no auto-repeat for screening keys.
                action.setAutoRepeat(False)
            self._actions[command.name] = action
        self["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self["about"].setMenuRole(QAction.MenuRole.AboutRole)
        for name in ("stage_0", "stage_1"):
            self[name].setCheckable(True)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def fill_menu_bar(self, menu_bar: QMenuBar) -> dict[str, QMenu]:
        """Put the commands in ``menu_bar`` as :data:`MENUS` lays them out; the submenus by name."""
        submenus: dict[str, QMenu] = {}
        for title, entries in MENUS:
            menu = menu_bar.addMenu(title)
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif ":" in entry:
                    name, text = entry.split(":", 1)
                    submenus[name] = menu.addMenu(text)
                else:
                    menu.addAction(self[entry])
        submenus["reason"].addActions([self[f"reason_{n}"] for n in range(1, REASON_KEYS + 1)])
        return submenus

    def desk_keys(self) -> dict[int, QAction]:
        """The desk commands' actions by key combination (``QKeyCombination.toCombined()`` values)."""
        keys: dict[int, QAction] = {}
        for command in COMMANDS:
            if command.desk:
                for shortcut in command.shortcuts:
                    keys[QKeySequence(shortcut)[0].toCombined()] = self[command.name]  # type: ignore[index]
        return keys
