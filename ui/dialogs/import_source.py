"""Asked after choosing files to import: which source they come from, and what kind of source it is.

The kind decides the PRISMA column the records are counted in: databases and registers on the left,
other methods (websites, organisations, citation searching) on the right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator.terms import SOURCE_KINDS

GUESS = "Guess from the files"
KIND_LABELS = {
    "database": "Database (PRISMA: databases and registers)",
    "register": "Register (PRISMA: databases and registers)",
    "website": "Website (PRISMA: other methods)",
    "organisation": "Organisation (PRISMA: other methods)",
    "citation": "Citation searching (PRISMA: other methods)",
    "other": "Other (PRISMA: other methods)",
}

# What the import dialog offers; "All supported" lists every suffix of the readers.
FORMAT_FILTERS = (
    ("Text and web pages", "*.txt *.text *.md *.html *.htm *.xhtml"),
    ("RIS", "*.ris"),
    ("MEDLINE", "*.nbib *.medline *.txt"),
    ("BibTeX", "*.bib *.bibtex"),
    ("EndNote XML", "*.xml"),
    ("ClinicalTrials.gov (JSON, XML, CSV)", "*.json *.xml *.csv"),
    ("Tables (CSV, TSV, XLSX)", "*.csv *.tsv *.xlsx *.xlsm"),
    ("PDF", "*.pdf"),
)
EXTRA_SUPPORTED = "*.ciw"  # Web of Science exports


def import_file_filter() -> str:
    """The file dialog's filter string: all supported formats first, each format, then all files."""
    patterns: list[str] = []
    for _label, globs in FORMAT_FILTERS:
        patterns += [g for g in globs.split() if g not in patterns]
    patterns.append(EXTRA_SUPPORTED)
    parts = [f"All supported ({' '.join(patterns)})"] + [f"{label} ({globs})" for label, globs in FORMAT_FILTERS]
    return ";;".join(parts + ["All files (*)"])


class ImportSourceDialog(QDialog):
    """The source's name and kind; left at "Guess from the files", the importer decides."""

    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_source_dialog")
        self.setWindowTitle("Import — which source?")
        names = ", ".join(p.name for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        intro = QLabel(f"Importing {names}. The kind of source decides the PRISMA column its records are "
                       "counted in.")
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("source_name")
        self.name.setPlaceholderText(GUESS)
        self.kind = QComboBox()
        self.kind.setObjectName("source_kind")
        self.kind.addItem(GUESS, None)
        for kind in SOURCE_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind.capitalize()), kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Source &name", self.name)
        form.addRow("&Kind", self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, 180)

    def source_name(self) -> str | None:
        return " ".join(self.name.text().split()) or None

    def source_kind(self) -> str | None:
        kind = self.kind.currentData()
        return str(kind) if kind else None
