"""The Help menu: the keyboard shortcuts (read from the declared commands), how a review goes, About."""

from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from curator import APP_ID, APP_NAME, __version__
from ui.actions import COMMANDS, Actions

WORKFLOW = """
<h3>How a review goes in Curator</h3>
<ol>
<li><b>Import</b> the search results (File &gt; Import, or drop files and folders on the window):
exports from databases and registers, saved pages, PDFs. Say which source they came from: its
kind decides the PRISMA column. Duplicates are found and linked, never deleted.</li>
<li><b>Screen titles and abstracts</b>: <b>I</b> include, <b>E</b> exclude then <b>1</b>–<b>9</b>
for the reason, <b>M</b> maybe. The next record still to screen comes up; everything is saved at
once, and <b>Ctrl+Z</b> undoes.</li>
<li><b>Check the form</b> beside the document: every value was extracted from the words it points
to; correct what is wrong (↺ goes back to the extracted value).</li>
<li><b>Screen the full texts</b> (Screening &gt; Full text stage, <b>Ctrl+2</b>): only the records
that passed title/abstract are offered.</li>
<li><b>Report</b>: File &gt; Export workbook (<b>Ctrl+E</b>) writes the PRISMA 2020 flow, the
records, the included and excluded ones, the decision log and the sources; <code>curator prisma
--png flow.png</code> draws the diagram.</li>
</ol>
<p>Every command of the window also exists on the command line: <code>curator --help</code>.</p>
"""


def shortcuts_html() -> str:
    """Every command that has keys, with its keys, as the commands declare them (never typed twice)."""
    rows = "".join(
        f"<tr><td><b>{escape(' / '.join(c.shortcuts))}</b></td><td>{escape(c.text.replace('&', '').rstrip('…'))}"
        f"{' <i>(outside a text field)</i>' if c.desk else ''}</td></tr>"
        for c in COMMANDS if c.shortcuts)
    return f"<h3>Keyboard shortcuts</h3><table cellspacing='6'>{rows}</table>"


def show_text(parent: QWidget, title: str, html: str) -> QDialog:
    """A closable window of help text."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName("help_dialog")
    browser = QTextBrowser()
    browser.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    dialog.open()
    return dialog


def about_text() -> str:
    """Curator's name, version and id, and the Qt it runs on."""
    return (f"<h3>{APP_NAME} {escape(__version__)}</h3><p>Screening, extraction and PRISMA 2020 reporting for "
            f"systematic reviews, on your own desktop.</p><p>{APP_ID} · Qt for Python {PySide6.__version__}</p>")


def connect_help(actions: Actions, parent: QWidget) -> None:
    """Wire the Help menu's commands."""
    actions["shortcuts"].triggered.connect(lambda: show_text(parent, "Keyboard shortcuts", shortcuts_html()))
    actions["workflow"].triggered.connect(lambda: show_text(parent, "How a review goes", WORKFLOW))
    actions["about"].triggered.connect(lambda: QMessageBox.about(parent, f"About {APP_NAME}", about_text()))
