"""The conditions a registry names, not the disease categories it files them under.

PACTR (and registries on the same form) ask first for the disease category - the chapter of a classification,
"Skin and Connective Tissue Diseases", "Infections and Infestations" - and then for the specific conditions
("Sub-Disease(s) or condition(s) being studied   Scabies; Impetigo"). A printed page gives the two as rows
("Label   value") or as columns (a header row with both labels over a row of values). The specific conditions come
first, then the categories (broad, but what the record states).
"""

from __future__ import annotations

import re

from curator.extraction.scanned import ScannedText

Spans = list[list[int]]

# The chapter names registries file conditions under (PACTR's and ISRCTN's lists), compared lower-cased.
CATEGORIES = frozenset("""cancer|circulatory system|digestive system|ear, nose and throat|eye diseases|genetic diseases
|haematological disorders|hematological disorders|infections and infestations|injury, occupational diseases, poisoning
|mental and behavioural disorders|mental and behavioral disorders|musculoskeletal diseases|neonatal diseases
|nervous system diseases|nutritional, metabolic, endocrine|oral health|pregnancy and childbirth|respiratory
|signs and symptoms|skin and connective tissue diseases|surgery|urological and genital diseases|anaesthesia
|anesthesia|paediatrics|pediatrics|kidney disease|renal and urogenital|blood|not applicable|other""".replace("\n", "")
                       .split("|"))
_GAP_RE = re.compile(r"\s{3,}|\t+")
_ITEM_RE = re.compile(r"[^;]+")
_COMMA_ITEM_RE = re.compile(r"[^;,]+")
# "Sub-Disease(s) or condition(s) being studied", "Sub-condition", "Specific disease(s)", "Condition specific".
_SPECIFIC_LABEL_RE = re.compile(r"^(?:sub-?\s?(?:disease|condition)|specific (?:disease|condition)|condition specific)",
                                re.I)


def specific_conditions(doc: ScannedText, got: tuple[list[str], Spans, bool]) -> tuple[list[str], Spans, bool]:
    """``got`` (items, spans, prose flag of the conditions label) with the specific conditions before the
    categories: from the specific label's row or column."""
    items, spans, prose = got
    header = bool(items) and _SPECIFIC_LABEL_RE.match(items[0]) is not None  # the header row's next cell
    cats = [k for k, i in enumerate(items) if i.lower() in CATEGORIES]
    if not header and not cats:
        return got
    row = doc.line_at(spans[0][0]) if spans else -1
    if header:
        return _column(doc, row)
    if len(cats) < len(items) and len(spans) == len(items):  # both read already (a table's row): specifics first
        found: tuple[list[str], Spans, bool] = ([], [], prose)
        for k in (k for k in range(len(items)) if k not in cats):
            part = _items(doc, items[k], spans[k][0]) if doc.text.startswith(items[k], spans[k][0]) else ([items[k]], [spans[k]])
            found[0].extend(part[0])
            found[1].extend(part[1])
    else:
        found = _row(doc, row)
    seen = {n.lower() for n in found[0]}
    keep = [k for k in cats if items[k].lower() not in seen]
    return found[0] + [items[k] for k in keep], found[1] + [spans[k] for k in keep], prose


def _cells(doc: ScannedText, idx: int) -> list[tuple[str, int]]:
    """A row's cells between wide gaps, with their offsets."""
    line = doc.lines[idx]
    out, at = [], 0
    for part in _GAP_RE.split(line.text):
        at = line.text.find(part, at) if part else at
        if part.strip():
            out.append((part.strip(), line.start + at))
        at += len(part)
    return out


def _items(doc: ScannedText, value: str, start: int, categories: bool = False) -> tuple[list[str], Spans, bool]:
    """The items of a cell, split at semicolons (or at commas between short names: "Sepsis, Hypothermia")."""
    names, spans = [], []
    parts = _ITEM_RE if ";" in value or categories or any(len(p.split()) > 5 for p in value.split(",")) else _COMMA_ITEM_RE
    for m in parts.finditer(value):
        name = m.group().strip(" .,")
        if 2 <= len(name) <= 100 and (categories or name.lower() not in CATEGORIES):
            s = start + m.start() + m.group().find(name)
            names.append(name)
            spans.append([s, s + len(name)])
    return names, spans, False


def _row(doc: ScannedText, row: int) -> tuple[list[str], Spans, bool]:
    """The value of a specific-condition label on one of the next three rows."""
    for idx in range(row + 1, min(len(doc.lines), row + 4)):
        cells = _cells(doc, idx)
        if len(cells) >= 2 and _SPECIFIC_LABEL_RE.match(cells[0][0]):
            return _items(doc, cells[1][0], cells[1][1])
    return [], [], False


def _column(doc: ScannedText, row: int) -> tuple[list[str], Spans, bool]:
    """The cell under the specific-condition header, when the row below has as many cells as the header."""
    head = _cells(doc, row)
    col = next((k for k, c in enumerate(head) if _SPECIFIC_LABEL_RE.match(c[0])), -1)
    below = next((k for k in range(row + 1, min(len(doc.lines), row + 3)) if doc.lines[k].text.strip()), -1)
    cells = _cells(doc, below) if below >= 0 else []
    if col < 1 or len(cells) != len(head):
        return [], [], False
    names, spans, _ = _items(doc, cells[col][0], cells[col][1])
    wide = _items(doc, cells[col - 1][0], cells[col - 1][1], categories=True)  # the categories' column before it
    return names + wide[0], spans + wide[1], False
