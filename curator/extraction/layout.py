"""Document structure: label lines, their values, and boxes about other records.

A document is read as lines. A line is a *label* when it names a field in one of the
written forms registries use: ``Label: value``, ``Label`` alone with the value on the
following lines (after blank lines or bullets), ``Label | value |`` table rows,
``Label<tab>value``, or a label followed by a validated value without a colon
("Last updated on September 2018"). Label lines end the value of the label before
them, so an empty label ("Target enrollment:") never takes the next label's text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from curator.extraction.box_hints import has_box_hint
from curator.extraction.boxes import find_listings, mark_boxes
from curator.extraction.label_cells import label_value_cells
from curator.extraction.label_colon import label_colon, without_empty_label
from curator.extraction.labels import (
    LABELS,
    VALIDATED_SLOTS,
    is_hinted_box_heading,
    label_parts,
    norm_label,
)
from curator.extraction.numbered_blocks import read_numbered_blocks
from curator.extraction.record_hits import record_hits
from curator.extraction.scanned import OTHER_BOX, OWN, REF_BOX, Hit, ScannedText
from curator.extraction.spaced_labels import FIRST_LETTERS, spaced_label
from curator.extraction.tables import read_column_table, read_gap_table, read_tab_table
from curator.extraction.textutil import (
    MAX_LABEL_LINE,
    Line,
    english_version,
    has_foreign,
    is_chrome,
    is_foreign,
    is_site_helper,
    strip_foreign,
)
from curator.extraction.validated import validates

# Labels that are also ordinary values ("Completed"): only a label when written "Label: value".
_WORD_RE = re.compile(r"\S+")
_ITEM_SPLIT_RE = re.compile(r"\s*[;|]\s*")
_CELL_RE = re.compile(r"\S+(?: \S+)*")
# Language tags as registries print them before each version of a bilingual value.
_MAX_VALUE_LINES = 400
# A second "Label:" after a wide gap on a flattened line ("Official Title: X   Recruitment Status: Recruiting").
_RUN_ON_RE = re.compile(r"(?:\s{3,}|\t+)(?:[^\x00-\x7f:：\s][^:：\n]{0,30}：)?(\w[\w /()-]{1,60}?)\s*[:：]\s*(?=\S)")
_REFERENCE_HEADS = ("references ", "reference list", "bibliography ", "literature cited", "works cited",
                    "publication citations")
# "38 References", "References (52)" over a list: the record's bibliography, counted by the site.
_COUNTED_REFERENCES_RE = re.compile(r"^\d[\d,.]*\s+references$")
_COLON_IN_VALUE_RE = re.compile(r"(?<=\w)\s*:\s+")
_COLON_ONLY = frozenset(("completed", "start", "recruitment", "status", "group"))
# Fields whose values are a word or two ("Treatment", "Both"), some of which are labels elsewhere.
_WORD_VALUE_SLOTS = frozenset(("study_type", "status", "phase", "sex"))
# A study's purpose, written under "Study type" by some registries ("Study type" / "Treatment").
_PURPOSES = frozenset(("treatment", "prevention", "diagnostic", "screening", "supportive care", "quality of life",
                       "basic science", "health services research", "other"))
_PREFIX_FIRST_WORDS = frozenset(k.split(" ", 1)[0] for k, v in LABELS.items() if v in VALIDATED_SLOTS)
_PREFIX_FIRST_LETTERS = frozenset(w[:1] for w in _PREFIX_FIRST_WORDS)
_PREFIX_WORD_MAX = max(map(len, _PREFIX_FIRST_WORDS))
_PREFIX_FIRST_ASCII = frozenset(chr(i) for i in range(128) if chr(i).lower() in _PREFIX_FIRST_LETTERS)  # no lower()
def _tight_run_on(value: str, off: int) -> tuple[str, int, tuple[int, int]] | None:
    """A validated label run on after one space ("... in Early Breast Cancer Recruitment Status: Active, not
    recruiting", a flattened page): (its slot, where the first value ends, its span), else None."""
    for m in _COLON_IN_VALUE_RE.finditer(value):
        rest = value[m.end():].strip()
        words = value[:m.start()].split(" ")
        for n in range(min(4, len(words) - 1), 0, -1):
            label = " ".join(words[-n:])
            slot = LABELS.get(norm_label(label)) if label[:1].isupper() else None
            if slot in VALIDATED_SLOTS and validates(slot, rest):
                end = m.start() - len(label)
                start = off + len(value) - len(value[m.end():].lstrip())
                return slot, off + len(value[:end].rstrip()), (start, off + len(value))
    return None


def _may_hint(text: str) -> bool:
    """False when ``norm_label(text)`` cannot hold a box hint (the hint test before the normalising, which
    only lower-cases, trims the ends and drops spaces, "(s)" and "(es)" inside): spares caching every value."""
    return "(" in text or has_box_hint(text.lower())


def _may_prefix(t: str) -> bool:
    """Whether a line (not empty) opens with the first word of a label written without a colon ("Last updated ...")
    (the first word read from the line's head: a longer word is none of them, and the rest is not copied)."""
    c = t[:1]
    return (c in _PREFIX_FIRST_ASCII if c.isascii() else c.lower() in _PREFIX_FIRST_LETTERS) \
        and t[:_PREFIX_WORD_MAX + 1].split(None, 1)[0].lower() in _PREFIX_FIRST_WORDS


@lru_cache(maxsize=1 << 15)
def _short_line(t: str) -> tuple[str, str | None, bool, bool]:
    """What a line of at most 90 characters is on its own (cached: lines repeat): its label form, the slot it names
    ("references" for a reference list's heading), whether it heads a box about other records, and whether it may
    open with a colon-less label (:func:`_may_prefix`)."""
    norm = norm_label(t)
    slot = LABELS.get(norm)
    if slot is None and (norm.startswith(_REFERENCE_HEADS) and norm.count(" ") <= 5
                         or norm[:1].isdigit() and _COUNTED_REFERENCES_RE.match(norm)):
        slot = "references"  # "References cited by the sponsor", "Bibliography of the protocol"
    return norm, slot, len(norm) <= 60 and is_hinted_box_heading(norm), _may_prefix(t)


class Document(ScannedText):
    """The scanned part of a text, split into lines, with labels and boxes recognised."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._own: dict[str, list[Hit]] = {}
        self._classify()
        self._end_empty_labels()
        read_numbered_blocks(self)  # IRCT's "Primary outcomes" / "1" / "Description  X"
        find_listings(self)
        mark_boxes(self)

    def _next_nonblank(self, i: int) -> Line | None:
        for j in range(i + 1, min(len(self.lines), i + 6)):
            if self.lines[j].text:
                return self.lines[j]
        return None

    def _classify(self) -> None:
        lines = self.lines
        rows = self.table_rows
        for line in lines:
            t = line.text
            if not t or (rows and line.idx in rows):
                continue
            head = t[:MAX_LABEL_LINE]
            if len(t) <= 90:
                norm, slot, box_head, may_prefix = _short_line(t)
                if box_head:
                    self.box_heads.append((line.idx, REF_BOX if slot == "references" else OTHER_BOX))
                    self.stop[line.idx] = True
                    continue
                if slot and norm in _COLON_ONLY and line.idx + 1 < len(lines) and ":" in lines[line.idx + 1].text \
                        and line.idx > 0 and not self.stop[line.idx - 1]:
                    self.stop[line.idx] = True  # "Recruitment" over "Planned/Actual: Planned": a section heading
                if slot and norm not in _COLON_ONLY and not self._word_value(line.idx, t):
                    if slot == "references":
                        self.box_heads.append((line.idx, REF_BOX))
                    self.add(slot, line.idx, None)
                    continue
            c1, c2 = head.find(":"), head.find("：") if not head.isascii() else -1
            colon = c1 if c2 < 0 or 0 <= c1 < c2 else label_colon(head, c2)  # "研究类型：Study type：" too
            if 0 < colon <= 100:
                left = t[:colon]
                slot, part, parts = label_parts(left)
                if slot is None and has_foreign(left):
                    # Bilingual labels: "样本总量 Total sample size：", "最終更新日 / Last updated:".
                    slot = LABELS.get(norm_label(strip_foreign(left))) or LABELS.get(norm_label(left.split()[0]))
                rest = t[colon + 1:]
                stripped = rest.strip()
                if (slot is None or slot == "other" and left[:1] in "RrSs") and stripped and len(left) <= 60:
                    if is_hinted_box_heading(norm_label(left)):
                        # "Related articles: Title (doi: ...)": a one-line box about other records.
                        self.inline_boxes.append(line.idx)
                        self.stop[line.idx] = True
                        continue
                    if len(stripped) <= 60 and _may_hint(stripped) and is_hinted_box_heading(norm_label(stripped)):
                        # "Layman's terms: studies like this one": the heading of a box below.
                        self.box_heads.append((line.idx, OTHER_BOX))
                        self.stop[line.idx] = True
                        continue
                if slot and not rest.startswith("//"):
                    if stripped:
                        if stripped[-1] in ":：" and "   " in stripped:
                            stripped = without_empty_label(stripped)
                        off = line.start + colon + 1 + (len(rest) - len(rest.lstrip()))
                        span = (off, off + len(stripped))
                        nxt = self._run_on(stripped, off) if "   " in stripped or "\t" in stripped else (
                            _tight_run_on(stripped, off) if ":" in stripped else None)
                        if nxt is not None and parts > 1:
                            # "Título oficial / Official title: X   Patrocinador / Sponsor: Y".
                            stripped = stripped[:nxt[1] - off]
                            nxt = (nxt[0], off + len(stripped), nxt[2]) if stripped.count(" / ") != parts - 1 else None
                        if nxt is not None:
                            # "Official Title: A Trial of X   Recruitment Status: Recruiting": two labels on one line.
                            self.add(slot, line.idx, (off, nxt[1]))
                            while "other" not in (slot, nxt[0]) and "   " in (v := self.text[nxt[2][0]:nxt[2][1]]) \
                                    and (more := self._run_on(v, nxt[2][0])):  # a third label (not a contact's)
                                self.add(nxt[0], line.idx, (nxt[2][0], more[1]))
                                nxt = more
                            self.add(nxt[0], line.idx, nxt[2])
                            continue
                        if parts > 1 and stripped.count(" / ") == parts - 1:
                            # "Ambos / Both" under "Sexo / Sex": the value in the label's language.
                            pieces = stripped.split(" / ")
                            off += sum(len(p) + 3 for p in pieces[:part])
                            span = (off, off + len(pieces[part]))
                        self.add(slot, line.idx, span)
                    else:
                        self.add(slot, line.idx, None)
                    continue
                if not stripped and len(t) <= 60 and t.count(" ") <= 6:
                    self.stop[line.idx] = True  # an unknown "Label:" still ends the value above it
                    continue
            if "|" in head and read_column_table(self, line):
                continue
            if "|" in head:
                bar = t.find("|")
                slot = LABELS.get(norm_label(t[:bar])) if bar > 0 else None
                if slot:
                    rest = t[bar + 1:].rstrip(" |")
                    lead = len(rest) - len(rest.lstrip(" |"))
                    value = rest.strip(" |")
                    if value:
                        off = line.start + bar + 1 + lead
                        self.add(slot, line.idx, (off, off + len(value)))
                    else:
                        self.add(slot, line.idx, None)
                    continue
            if ("\t" in head and read_tab_table(self, line)) or ("  " in head and read_gap_table(self, line)):
                continue
            if ("\t" in head or "  " in head) and self._gap_labels(line):
                continue
            if self._prefix_label(line, may_prefix if len(t) <= 90 else _may_prefix(t)):
                continue
            if line.bullet and t.count(" ") <= 5 and len(t) <= 60:
                nxt = self._next_nonblank(line.idx)
                if nxt is not None and not nxt.bullet and nxt.indent >= line.indent and nxt.indent > 0:
                    self.stop[line.idx] = True  # "  • Label" with the value indented below it

    def _gap_labels(self, line: Line) -> bool:
        """``Label  value`` cells of a flattened table row, a wide gap (two spaces or more, a tab) after each label:
        "Study Type  Interventional", "Recruitment status No longer recruiting  Overall study status Completed"."""
        t = line.text
        cells = [(m.start(), m.end()) for m in _CELL_RE.finditer(t)]
        if len(cells) < 2 or t[cells[0][1] - 1] in ".!?":
            return False
        label = t[cells[0][0]:cells[0][1]]
        slot = LABELS.get(norm_label(label)) or (label_parts(label)[0] if len(cells) == 2 else None)
        if not slot:  # ("Public/Brief Title  X": either name of a label with its one value)
            return self._validated_cells(line, cells)
        pairs = [(slot, 1)]
        k = 2
        while k + 1 < len(cells):
            more = LABELS.get(norm_label(t[cells[k][0]:cells[k][1]]))
            if not more:
                break
            pairs.append((more, k + 1))
            k += 2
        if k + 1 < len(cells) or k < len(cells):
            pairs = [(slot, 1)]  # not label/value throughout: the rest of the line is the first label's value
            self.add(slot, line.idx, (line.start + cells[1][0], line.end))
            return True
        for sl, v in pairs:
            self.add(sl, line.idx, (line.start + cells[v][0], line.start + cells[v][1]))
        return True

    def _validated_cells(self, line: Line, cells: list[tuple[int, int]]) -> bool:
        """A row of "Label value" cells of validated slots, no colon ("Recruitment status No longer recruiting
        Overall study status Completed"): each cell a label and its value, or the row is none of this."""
        found = label_value_cells(line.text, cells, validates)
        for slot, (a, b) in found or ():
            self.add(slot, line.idx, (line.start + a, line.start + b))
        return found is not None

    @staticmethod
    def _run_on(value: str, off: int) -> tuple[str, int, tuple[int, int]] | None:
        """A known ``Label: value`` after a wide gap inside a value: (its slot, where the first value ends, its span)."""
        m = _RUN_ON_RE.search(value)
        if m is None:
            return None
        slot = label_parts(m.group(1))[0]
        if slot is None and m.group(1) == "Type" and validates("study_type", value[m.end():].strip()):
            slot = "study_type"  # "Status: Recruiting    Phase: N/A    Type: Interventional"
        if slot is None:
            return None
        start = off + m.end()
        return slot, off + len(value[:m.start()].rstrip()), (start, off + len(value))

    def _end_empty_labels(self) -> None:
        """An unknown "Label:" with nothing after it but the next label is an empty label, not text
        ("The registration number of the Partner Registry or other register:" under a title)."""
        lines, stop = self.lines, self.stop
        for i in range(len(lines) - 1):
            t = lines[i].text
            if t[-1:] in (":", "：") and not stop[i] and stop[i + 1] and len(t) <= MAX_LABEL_LINE:
                stop[i] = True

    def _word_value(self, i: int, t: str) -> bool:
        """A word under a label of one-word values ("Study type" / "Treatment"): that label's value, not a label."""
        last = self.hits[-1] if self.hits else None
        if last is None or last.line != i - 1 or last.value is not None or last.slot not in _WORD_VALUE_SLOTS:
            return False
        return t.lower() in _PURPOSES if last.slot == "study_type" else validates(last.slot, t)

    def _prefix_label(self, line: Line, may_prefix: bool) -> bool:
        """``Label value`` without a colon, for labels whose values are validated (dates, numbers ...); ``may_prefix``:
        :func:`_may_prefix` of the line."""
        t = line.text
        if t[:1] in FIRST_LETTERS and (spaced := spaced_label(self.lines, line.idx)):  # ANZCTR: "Public title X"
            self.add(spaced[0], line.idx, (line.start + spaced[1], line.end))
            return True
        if not may_prefix:
            return False
        words = list(_WORD_RE.finditer(line.text[:MAX_LABEL_LINE], 0))
        if len(words) < 2:
            return False
        for k in range(min(8, len(words) - 1), 0, -1):
            cand = norm_label(line.text[: words[k - 1].end()])
            slot = LABELS.get(cand)
            if slot is not None and slot in VALIDATED_SLOTS:
                value = line.text[words[k].start():]
                if not validates(slot, value):
                    return False
                last = self.hits[-1] if self.hits else None
                if last is not None and last.slot == slot and last.value is None and last.line >= line.idx - 2:
                    return False  # "Recruitment status" / "Recruitment complete": the value of the label above
                self.add(slot, line.idx, (line.start + words[k].start(), line.end))
                return True
        return False

    def own_hits(self, slot: str) -> list[Hit]:
        """Hits of ``slot`` outside boxes about other records (references boxes count for ``references``).

        The list is shared between callers (the extractors ask for the same slots many times): do not modify it.
        """
        got = self._own.get(slot)
        if got is None:
            own = [h for h in self.by_slot.get(slot, ()) if self.box[h.line] == OWN]
            got = self._own[slot] = record_hits(self.text, self.lines, slot, own) if own and (
                len(own) > 1 or slot == "abstract") else own
        return got

    def value_lines(self, hit: Hit, *, through: bool = False) -> list[Line]:
        """The lines holding a label's value (blank lines kept as paragraph separators).

        ``through``: a list's value goes on past ``Label: value`` lines of labels that name no field
        ("Contact: ..." between the sites of a location list); those lines are left out.
        """
        lines = self.lines
        if hit.value is not None:
            s, e = hit.value
            out = [Line(hit.line, s, e, self.text[s:e], 0, False)]
            # "• Summary: First line ..." goes on in lines indented under its label's text: one value wrapped.
            head = lines[hit.line]
            for j in range(hit.line + 1, min(len(lines), hit.line + _MAX_VALUE_LINES)):
                line = lines[j]
                if line.blank or self.stop[j] or line.bullet or line.indent < head.indent + (not head.bullet):
                    break
                out.append(line)
            return out
        out = []
        sub = self.sublabel_lines() if through else set()
        for j in range(hit.line + 1, min(len(lines), hit.line + _MAX_VALUE_LINES)):
            if self.stop[j]:
                if j in sub:
                    continue
                break
            out.append(lines[j])
        return out

    def paragraphs(self, hit: Hit, *, english: bool = True, drop_helper: bool = True,
                   through: bool = False) -> list[list[Line]]:
        """A label's value as paragraphs of lines, without chrome, site helper text or foreign-script lines."""
        paras: list[list[Line]] = []
        cur: list[Line] = []
        inline = hit.value is not None
        value = self.value_lines(hit, through=through)
        for line in english_version(value) if english and not inline else value:
            if not line.text:
                if cur:
                    paras.append(cur)
                    cur = []
                continue
            if (not inline and is_chrome(line.text)) or (english and is_foreign(line.text)):
                if cur:
                    paras.append(cur)
                    cur = []
                continue
            cur.append(line)
        if cur:
            paras.append(cur)
        if drop_helper and paras and len(paras[0]) == 1 and is_site_helper(paras[0][0].text):
            paras = paras[1:]
        return paras

    def scalar(self, hit: Hit) -> tuple[str, list[list[int]]] | None:
        """A label's single value: the first paragraph, joined, with its evidence spans."""
        paras = self.paragraphs(hit)
        if not paras:
            return None
        lines = paras[0][:6]
        text = " ".join(line.text for line in lines).replace(" | ", "; ").strip(" |")
        return (text, [[line.start, line.end] for line in lines]) if text else None

    def items(self, hit: Hit, *, through: bool = False) -> list[tuple[str, int, int]]:
        """A label's value as list items: one per line, ``;``-separated parts split (``through``: see value_lines)."""
        out: list[tuple[str, int, int]] = []
        for para in self.paragraphs(hit, through=through):
            for line in para:
                pos = line.start
                for part in _ITEM_SPLIT_RE.split(line.text):
                    i = self.text.find(part, pos, line.end + 1) if part else -1
                    if part and i >= 0:
                        out.append((part, i, i + len(part)))
                        pos = i + len(part)
        return out

    def first_scalar(self, *slots: str) -> tuple[str, str, list[list[int]]] | None:
        """The first non-empty own value among ``slots`` (in the order given): (slot, value, spans)."""
        for slot in slots:
            for hit in self.own_hits(slot):
                v = self.scalar(hit)
                if v:
                    return slot, v[0], v[1]
        return None
