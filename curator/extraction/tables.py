"""Column tables: a first row naming the columns, each following row holding one record's values.

"Site | City | Country" over rows of sites, "Primary Sponsor | Name | Address" rows named by their
first cell, "Label | Label" over one row of values; tab-separated tables copied from a web page
("Condition or disease<tab>Intervention/treatment<tab>Phase"). Each cell becomes a label hit of the document.
"""

from __future__ import annotations

import re

from curator.extraction.labels import LABELS, norm_label
from curator.extraction.scanned import ScannedText
from curator.extraction.textutil import Line

_LIST_SLOTS = frozenset(("conditions", "interventions", "intervention_names", "countries", "keywords"))



def read_column_table(doc: ScannedText, line: Line) -> bool:
    """A table whose first row names the columns: each following row holds values, column by column.

    Two-cell headers must be two known labels (else ``Label | value`` rows look alike); wider
    headers need label-like cells (short names, no numbers) with at least one known field.
    """
    cells = [c.strip() for c in line.text.strip(" |").split("|")]
    if len(cells) < 2 or any(not c[:1].isalpha() for c in cells):
        return False
    slots = [LABELS.get(norm_label(c)) for c in cells]
    section = None if any(s and s != "other" for s in slots) else _section_slot(doc, line)
    if section and len(cells) >= 3 and not any(len(c) > 40 or c.count(" ") > 4 or c.endswith(".") for c in cells):
        # "Primary Outcome Measures" over "Outcome Measure | Measure Description | Time Frame": the
        # section's values are the first column's cells.
        slots = [section] + [None] * (len(cells) - 1)
    elif len(cells) == 2 or all(slots):
        if not all(slots):
            return False
    elif any(len(c) > 40 or c.count(" ") > 4 or c.endswith(".") for c in cells) or not any(
            s and s != "other" for s in slots):
        return False
    rows: list[Line] = []
    for j in range(line.idx + 1, min(len(doc.lines), line.idx + 200)):
        row = doc.lines[j]
        if row.text.count("|") < max(1, len(cells) - 1):
            if row.text or rows:
                break
            continue  # blank lines between the header and the first row
        rows.append(row)
    if not rows:
        return False
    if len(cells) == 2:
        rows = rows[:1]  # "Label | Label" over one row of values; more rows are "Label | value" lines
    if "countries" in slots and not _site_table(doc, line, cells):
        slots = [None if s == "countries" else s for s in slots]  # a sponsor's or a committee's country
    doc.stop[line.idx] = True
    for row in rows:
        doc.stop[row.idx] = True
        doc.table_rows.add(row.idx)
        pos = row.start
        values = row.text.strip(" |").split("|")
        if row.text.lstrip().startswith("|") and not line.text.lstrip().startswith("|"):
            values = [""] + values  # " | Drug: Placebo |": a row continuing the one above, its first cell empty
        head = LABELS.get(norm_label(values[0])) if slots[0] in (None, "other") and len(values) > 1 else None
        if head and head != "other":
            # "Primary Sponsor | Kintampo Health Research Centre | ...": a row named by its first cell.
            v = values[1].strip()
            i = doc.text.find(v, row.start, row.end + 1) if v else -1
            if i >= 0:
                doc.add(head, row.idx, (i, i + len(v)))
        for slot, value in zip(slots, values, strict=False):
            v = value.strip()
            i = doc.text.find(v, pos, row.end + 1) if v else -1
            if v and i >= 0 and slot and slot != "other":
                doc.add(slot, row.idx, (i, i + len(v)))
            if i >= 0:
                pos = i + len(v)
    return True


def read_tab_table(doc: ScannedText, line: Line) -> bool:
    """A tab-separated table copied from a web page, its header row naming three or more fields.

    A copied cell keeps its own line breaks ("Drug: A" / "Drug: B" in one cell), so a row can run over
    several lines: the body (up to a blank line) is read either as one row per line, when every line
    has one cell per column, or as one row whose cells are split at the tabs. Each line of a cell
    becomes a hit of its column's field. Anything else is left to the other readers.
    """
    cells = [c.strip() for c in line.text.split("\t")]
    if len(cells) < 3 or any(not c or len(c) > 40 or not c[:1].isalpha() for c in cells):
        return False
    slots = [LABELS.get(norm_label(c)) for c in cells]
    if not all(slots) or not any(s != "other" for s in slots):
        return False
    body: list[Line] = []
    for j in range(line.idx + 1, min(len(doc.lines), line.idx + 60)):
        row = doc.lines[j]
        if not row.text or _labels_only(row.text):
            break  # (a label, or a header row of its own, starts what follows the table)
        body.append(row)
    tabs = [row.text.count("\t") for row in body]
    if not body or not (all(n == len(cells) - 1 for n in tabs) or sum(tabs) == len(cells) - 1):
        return False
    doc.stop[line.idx] = True
    cells_at: dict[int, list[tuple[int, int, int]]] = {}  # column -> (line, start, end) of its lines
    col = 0
    for row in body:
        doc.stop[row.idx] = True
        doc.table_rows.add(row.idx)
        if tabs[0] == len(cells) - 1 and sum(tabs) > len(cells) - 1:
            col = 0  # one row per line
        pos = row.start
        for k, value in enumerate(row.text.split("\t")):
            v = value.strip()
            i = doc.text.find(v, pos, row.end + 1) if v else -1
            if i >= 0:
                cells_at.setdefault(min(col + k, len(slots) - 1), []).append((row.idx, i, i + len(v)))
                pos = i + len(v)
        col += row.text.count("\t")
    for k, parts in cells_at.items():
        slot = slots[k]
        if slot == "other" or slot is None:
            continue
        if slot in _LIST_SLOTS:
            for idx, s, e in parts:
                doc.add(slot, idx, (s, e))
        else:
            # "Phase 2" / "Phase 3" in one cell: one value (a combined phase).
            doc.add(slot, parts[0][0], (parts[0][1], parts[-1][2]))
    return True


_GAP_RE = re.compile(r"\s{3,}")
_GAP2_RE = re.compile(r"\s{2,}")
_CELL_SPLIT_RE = re.compile(r"\s{3,}|\t")


def read_gap_table(doc: ScannedText, line: Line) -> bool:
    """A table printed with wide gaps between its cells ("Condition or disease    Intervention/treatment    Phase"
    over "Asthma    Behavioral: X    Not Applicable"): three or more known labels over rows with as many cells."""
    gap = _GAP_RE if "   " in line.text else _GAP2_RE  # (a header row with two spaces between its labels too)
    cells = gap.split(line.text.strip())
    if len(cells) < 3 or any(len(c) > 60 or not c[:1].isalpha() for c in cells):
        return False
    slots = []
    for c in cells:  # (a row of links, "Home   Search   Help", fails at its first cell)
        slots.append(LABELS.get(norm_label(c)))
        if slots[-1] is None:
            return False
    if not any(s != "other" for s in slots):
        return False
    rows = []
    for row in doc.lines[line.idx + 1:line.idx + 30]:
        if not row.text or _labels_only(row.text):
            break  # (a label, or a header row of its own, starts what follows the table)
        rows.append(row)
    parts = [(gap if gap is _GAP_RE else _GAP2_RE).split(row.text.strip()) for row in rows]
    if not rows or not (all(len(p) == len(cells) for p in parts) or gap is _GAP_RE
                        and sum(len(p) - 1 for p in parts) == len(cells) - 1):
        return False
    if not all(len(p) == len(cells) for p in parts):
        # One row whose cells run over several lines ("Asthma    Drug: A" / "Drug: B    Phase 2"): a new
        # column at each gap, each line of a cell a value of its column.
        col, cols = 0, []
        for p in parts:
            cols.append(list(range(col, col + len(p))))
            col += len(p) - 1
    else:
        cols = [list(range(len(cells)))] * len(rows)
    doc.stop[line.idx] = True
    for row, values, at in zip(rows, parts, cols, strict=True):
        doc.stop[row.idx] = True
        doc.table_rows.add(row.idx)
        pos = row.start
        for k, value in zip(at, values, strict=True):
            i = doc.text.find(value, pos, row.end + 1)
            if i >= 0:
                if slots[k] != "other" and not _superseded(cells, slots, k):
                    doc.add(slots[k], row.idx, (i, i + len(value)))
                pos = i + len(value)
    return True


def _superseded(cells: list[str], slots: list[str | None], k: int) -> bool:
    """True for an anticipated date or size beside the actual one in the same header ("Anticipated trial start date
    Actual trial start date"): the actual one is the record's."""
    return cells[k][:1] in "AaEePpTt" and cells[k].lower().startswith(("anticipated", "estimated", "planned", "target")) \
        and any(slots[j] == slots[k] and cells[j].lower().startswith("actual") for j in range(len(cells)) if j != k)


def _labels_only(text: str) -> bool:
    """True for a line that is a known label, a row of known labels only ("Recruitment status   Overall study
    status") or a label and its value after two spaces: not a row of the table above it."""
    if LABELS.get(norm_label(text)) is not None:
        return True
    cells = _CELL_SPLIT_RE.split(text.strip()) if "   " in text or "\t" in text else ()
    if len(cells) >= 2 and all(LABELS.get(norm_label(c)) is not None for c in cells):
        return True
    pair = text.strip().split("  ", 1) if "  " in text and "   " not in text and "\t" not in text else ()
    return len(pair) == 2 and LABELS.get(norm_label(pair[0])) not in (None, "other")  # "Primary study design  X"


def _site_table(doc: ScannedText, line: Line, cells: list[str]) -> bool:
    """A table of recruiting sites (its heading or a column says so), not of sponsors or committees."""
    words = " ".join(cells).lower()
    for j in range(line.idx - 1, max(-1, line.idx - 4), -1):
        if doc.lines[j].text:
            words += " " + doc.lines[j].text.lower()
            break
    return any(w in words for w in ("recruit", "site", "centre", "center", "location"))



def _section_slot(doc: ScannedText, line: Line) -> str | None:
    """The field of a section heading standing right above a table (a label with its value below), else None."""
    last = doc.hits[-1] if doc.hits else None
    if last is None or last.value is not None or last.slot == "other":
        return None
    for j in range(line.idx - 1, max(-1, line.idx - 3), -1):
        if doc.lines[j].text:
            return last.slot if j == last.line else None
    return None
