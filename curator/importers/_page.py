"""The labelled page a structured entry is shown as, with evidence spans for every value written.

A reader fills the fields and writes the page in one pass, so the document
pane shows the record readably and the GUI can highlight where each field came from.
"""

from __future__ import annotations

import re
from typing import Any

from curator.fields import empty_fields, set_field_value

_EMPTY = empty_fields()
_LIST_KEYS = tuple(key for key, value in _EMPTY.items() if isinstance(value, list))
# What a database writes where a record has no abstract ("[No abstract available]", "Abstract not available",
# "[Abstract missing]", "No abstract"): no text of the record, so no block is written.
_NO_TEXT_RE = re.compile(r"\W*(?:no\s+abstract(?:\s+(?:is\s+)?(?:available|provided|found))?|abstract\s+(?:is\s+)?"
                         r"(?:not\s+(?:available|provided)|unavailable|missing|none)|none|n/?a|not\s+available)\W*", re.I)


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is a database's note that there is no abstract rather than one."""
    return len(text) < 48 and _NO_TEXT_RE.fullmatch(text.strip()) is not None


def _fresh_fields() -> dict[str, Any]:
    # A copy of one empty fields object (same keys, same order) is cheaper than building one per record.
    fields = _EMPTY.copy()
    for key in _LIST_KEYS:
        fields[key] = []
    fields["pico"] = dict(_EMPTY["pico"])
    fields["evidence"] = {}
    return fields


class Page:
    """A growing labelled page plus the fields (fields.md shape) it supports.

    Each value is written as one piece whose offsets are counted while writing,
    so a record's page and evidence cost one join at the end.
    """

    def __init__(self, profile: str, kind: str) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.fields: dict[str, Any] = _fresh_fields()
        self.fields["profile"] = profile
        self.fields["kind"] = kind
        self._evidence: dict[str, list[list[int]]] = self.fields["evidence"]
        self._shown_ids: set[tuple[str, str]] = set()  # (label, canonical id) of the identifier lines written

    def _labelled(self, prefix: str, value: str, suffix: str) -> list[int]:
        """Write ``prefix value suffix`` as one piece; the span of ``value``."""
        start = self._length + len(prefix)
        piece = prefix + value + suffix
        self._parts.append(piece)
        self._length += len(piece)
        return [start, start + len(value)]

    def _mark(self, key: str, span: list[int]) -> None:
        spans = self._evidence.get(key)
        if spans is None:
            self._evidence[key] = [span]
        else:
            spans.append(span)

    def heading(self, text: str) -> None:
        """A heading line (the record's title or the registry's name)."""
        if text:
            piece = f"{text}\n\n"
            self._parts.append(piece)
            self._length += len(piece)

    def line(self, label: str, value: Any, key: str | None = None, field_value: Any = None) -> None:
        """``Label: value``; with ``key``, the field is set (to ``field_value`` when given) and its span kept."""
        if value is None or value == "" or value == []:
            return
        shown = " ".join((value if isinstance(value, str) else str(value)).split())
        span = self._labelled(f"{label}: ", shown, "\n")
        if key:
            set_field_value(self.fields, key, shown if field_value is None else field_value)
            self._mark(key, span)

    def items(self, label: str, values: list[str], key: str | None = None, separator: str = "; ") -> None:
        """``Label: a; b; c``; with ``key`` the list field is set and each item's span kept."""
        values = [" ".join(v.split()) for v in values if v and v.strip()]
        if not values:
            return
        prefix = f"{label}: "
        joined = separator.join(values)
        whole = self._labelled(prefix, joined, "\n")
        if key:
            position, step = whole[0], len(separator)
            for value in values:
                end = position + len(value)
                self._mark(key, [position, end])
                position = end + step
            set_field_value(self.fields, key, values)

    def block(self, label: str, text: str | None, key: str | None = None) -> None:
        """A labelled paragraph (abstract, summary, criteria), its line breaks kept."""
        if not text or not text.strip() or is_placeholder(text):
            return
        body = "\n".join(line.rstrip() for line in text.strip().splitlines())
        span = self._labelled(f"\n{label}\n", body, "\n")
        if key:
            set_field_value(self.fields, key, body)
            self._mark(key, span)

    def identifier(self, label: str, shown: str, canonical: str | None) -> None:
        """``Label: shown``; the canonical id joins ``ids`` (once) with its span.

        An id the page already shows under the same label is not written again (MEDLINE gives a DOI as
        both LID and AID, for one).
        """
        if not shown:
            return
        known = canonical is not None and canonical in self.fields["ids"]
        if known and (label, canonical) in self._shown_ids:
            return
        span = self._labelled(f"{label}: ", " ".join(shown.split()), "\n")
        if canonical:
            self._shown_ids.add((label, canonical))
            if not known:
                self.fields["ids"].append(canonical)
                self._mark("ids", span)

    def evidence_for(self, key: str, other: str) -> None:
        """Let ``key`` share the evidence of ``other`` (a field derived from one already written)."""
        spans = self._evidence.get(other)
        if spans:
            self._evidence[key] = [list(s) for s in spans]

    def text(self) -> str:
        """The page as the document pane shows it."""
        return "".join(self._parts).rstrip("\n") + "\n"
