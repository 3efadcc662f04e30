"""Text that is safe in a spreadsheet cell: never a formula, never a character XML forbids.

Documents carry anything: a title starting with ``=`` must not run as a formula in Excel,
and a stray control character must not make the workbook unreadable.
"""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
XML_FORBIDDEN_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"  # as a regex class body
XML_FORBIDDEN = re.compile(f"[{XML_FORBIDDEN_CHARS}]")
FORMULA_STARTS = ("=", "+", "-", "@")
# A formula start may follow these; a value whose first character is none of these is never a formula.
FORMULA_LEADS = frozenset("=+-@\t\r\n ")
# A spreadsheet cell holds at most this many characters (Excel's limit; longer text is cut, and says so).
MAX_CELL_CHARS = 32_767
CUT_MARK = " … [cut: longer than a spreadsheet cell holds]"


def xml_safe(value: str) -> str:
    """``value`` without the characters XML 1.0 forbids (control characters, lone surrogates)."""
    return XML_FORBIDDEN.sub("", value)


def looks_like_formula(value: str) -> bool:
    """True when a spreadsheet would read ``value`` as a formula (= + - @, also after tab/CR)."""
    return value.lstrip("\t\r\n ").startswith(FORMULA_STARTS)


def cell_text(value: str) -> str:
    """``value`` with forbidden characters removed and cut to what a cell holds."""
    value = xml_safe(value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - len(CUT_MARK)] + CUT_MARK
    return value


def csv_text(value: str) -> str:
    """``value`` for a CSV file: forbidden characters removed, and a formula start defused with ``'``.

    A spreadsheet opening a CSV has no "text" cell type, so the usual defence is a leading apostrophe.
    """
    value = xml_safe(value)
    return "'" + value if looks_like_formula(value) else value
