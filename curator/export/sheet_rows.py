"""Rows of plain values streamed into a write-only sheet as XML text, without a cell object per value.

openpyxl's write-only ``append`` makes, binds and checks a cell object for every value and
writes it element by element: for a 100,000-record review that is most of the export's time.
Here each row becomes XML text (inline strings, numbers, a style id fixed per column), a batch
of rows is parsed once in C and handed to the sheet's own XML stream. Everything around the
rows (column widths, panes, filter, hyperlinks, images, the file itself) is still openpyxl's.

Safety is the same as cell by cell: characters XML forbids are removed, text is cut to what a
cell holds, nothing is ever written as a formula (there is no ``<f>`` here at all), and text a
spreadsheet would read as a formula carries the quote-prefix style as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Generator, Sequence
from copy import copy
from datetime import datetime
from typing import Any, NamedTuple

from lxml import etree
from openpyxl import LXML
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import etree_write_cell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import tostring

from curator.export.cell_text import (
    FORMULA_LEADS,
    MAX_CELL_CHARS,
    XML_FORBIDDEN_CHARS,
    cell_text,
    looks_like_formula,
)

# Rows parsed and written at a time: large enough to amortise the parse, small enough to stay flat.
BATCH_ROWS = 200
# One search finds everything that needs more than the fast path: markup, CR (an XML parser would
# turn it into LF) and the characters XML forbids.
_NEEDS_CARE = re.compile(f"[&<>\r{XML_FORBIDDEN_CHARS}]")
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


class Link(NamedTuple):
    """A cell showing ``text`` that opens ``url``."""

    text: str
    url: str


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _parse_rows(xml: str) -> Any:
    # The sheet's stream is lxml's when openpyxl uses lxml, else the standard library's.
    return etree.fromstring(xml, _PARSER) if LXML else ElementTree.fromstring(xml)


class _Collector:
    """Takes the element openpyxl's cell writer makes, as text (for the values this module leaves to it)."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, element: Any) -> None:
        self.text = tostring(element, encoding="unicode")


class RowStream:
    """Appends rows to a write-only sheet; every row goes through here, from the first.

    ``styles[i]`` is a cell whose style column ``i`` gets (None: no style); ``quoted[i]`` the
    same with the quote prefix, for text that looks like a formula; ``link_style`` is used for
    :class:`Link` values. Call :meth:`close` after the last row (saving the workbook also does).
    """

    def __init__(self, ws: WriteOnlyWorksheet, styles: Sequence[WriteOnlyCell | None],
                 quoted: Sequence[WriteOnlyCell], link_style: WriteOnlyCell | None = None) -> None:
        if ws._rows is not None:  # noqa: SLF001
            raise ValueError("rows were already appended to this sheet")
        self.ws = ws
        self.rows = 0
        self._templates = list(styles)
        self._styles = [self._style_attr(cell) for cell in styles]
        self._quoted = [self._style_attr(cell) for cell in quoted]
        self._link_style = self._style_attr(link_style)
        plain_quoted = WriteOnlyCell(ws)
        plain_quoted.quotePrefix = True
        self._plain_quoted = self._style_attr(plain_quoted)  # for columns beyond those given
        self._letters = [get_column_letter(i) for i in range(1, len(self._styles) + 1)]
        self._epoch = ws.parent.epoch
        self._iso_dates = ws.parent.iso_dates
        self._fallback_styles: dict[tuple[int, type], str] = {}
        self._parts: list[str] = ["<rows>"]
        ws._get_writer()  # noqa: SLF001
        self._stream = self._write_rows()
        next(self._stream)
        ws._rows = self._stream  # noqa: SLF001  (the sheet closes it when it is saved)

    @staticmethod
    def _style_attr(cell: WriteOnlyCell | None) -> str:
        return "" if cell is None or not cell.has_style else f' s="{cell.style_id}"'

    def _write_rows(self) -> Generator[None, None, None]:
        # The same hand-over openpyxl's own write-only sheet uses: the worksheet element is open,
        # sheetData is ours until the generator is closed.
        writer = self.ws._writer  # noqa: SLF001
        xf = writer.xf.send(True)
        with xf.element("sheetData"):
            try:
                while True:
                    yield
                    self._flush(xf)
            except GeneratorExit:
                self._flush(xf)
        writer.xf.send(None)

    def _flush(self, xf: Any) -> None:
        if len(self._parts) == 1:
            return
        self._parts.append("</rows>")
        xml, self._parts = "".join(self._parts), ["<rows>"]
        for row in _parse_rows(xml):
            xf.write(row)

    def append(self, values: Sequence[Any], style: WriteOnlyCell | None = None) -> None:
        """Append one row; ``style`` (a header's, say) replaces the column styles for this row."""
        number = str(self.rows + 1)
        parts = [f'<row r="{number}">']  # joined into the batch only when whole
        letters, styles, quoted = self._letters, self._styles, self._quoted
        override = None if style is None else self._style_attr(style)
        for index, value in enumerate(values):
            if value is None:
                continue
            cls = value.__class__
            while index >= len(letters):  # a row longer than the columns given: unstyled cells
                letters.append(get_column_letter(len(letters) + 1))
                styles.append("")
                quoted.append(self._plain_quoted)
                self._templates.append(None)
            ref = letters[index] + number
            s = styles[index] if override is None else override
            if cls is Link:
                value, url = value
                if not value:
                    continue
                self.ws._hyperlinks.append(Hyperlink(ref=ref, target=url))  # noqa: SLF001
                s = self._link_style
                cls = str
            elif cls is not str and isinstance(value, str):  # a str subclass is text too, never a formula
                value, cls = str(value), str
            if cls is str:
                if not value:
                    continue
                if _NEEDS_CARE.search(value) is not None or len(value) > MAX_CELL_CHARS:
                    value = cell_text(value)
                    if not value:
                        continue
                    text = _escape(value)
                else:
                    text = value
                if value[0] in FORMULA_LEADS and looks_like_formula(value):
                    s = quoted[index]
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif cls is int:
                parts.append(f'<c r="{ref}"{s} t="n"><v>{value}</v></c>')
            elif cls is float:
                number_text = f"{value:.16g}" if value - value == 0 else ""  # NaN, infinity: empty, as openpyxl
                parts.append(f'<c r="{ref}"{s} t="n"><v>{number_text}</v></c>')
            elif cls is datetime and value.tzinfo is None and not self._iso_dates:
                date_style = self._fallback_styles.get((index, cls))
                if date_style is None:
                    parts.append(self._fallback(index, value, ref))
                else:
                    serial = to_excel(value, self._epoch)
                    parts.append(f'<c r="{ref}"{date_style} t="n"><v>{serial:.16g}</v></c>')
            else:
                parts.append(self._fallback(index, value, ref))
        parts.append("</row>")
        self._parts.append("".join(parts))
        self.rows += 1
        if self.rows % BATCH_ROWS == 0:
            self._stream.send(None)

    def _fallback(self, index: int, value: Any, ref: str) -> str:
        """A value of any other type (dates, booleans, ...) written by openpyxl's own cell writer."""
        cell = WriteOnlyCell(self.ws)
        template = self._templates[index]
        if template is not None and template.has_style:
            cell._style = copy(template._style)  # noqa: SLF001
        cell.value = value
        cell.row, cell.column = self.rows + 1, index + 1
        collector = _Collector()
        etree_write_cell(collector, self.ws, cell, cell.has_style)
        self._fallback_styles[(index, value.__class__)] = self._style_attr(cell)
        return collector.text

    def close(self) -> None:
        """Write what is left; the sheet then writes its tail when the workbook is saved."""
        self._stream.send(None)
