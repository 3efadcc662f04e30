"""The labelled page a structured entry is shown as, with evidence spans for every value written.

A reader fills the fields and writes the page in one pass, so the document
pane shows the record readably and the GUI can highlight where each field came from.
"""

from __future__ import annotations

from typing import Any

from curator.fields import empty_fields, set_field_value


class Page:
    """A growing labelled page plus the fields (fields.md shape) it supports."""

    def __init__(self, profile: str, kind: str) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.fields: dict[str, Any] = empty_fields()
        self.fields["profile"] = profile
        self.fields["kind"] = kind

    def _write(self, text: str) -> tuple[int, int]:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def _mark(self, key: str | None, span: tuple[int, int]) -> None:
        if key:
            self.fields["evidence"].setdefault(key, []).append([span[0], span[1]])

    def heading(self, text: str) -> None:
        """A heading line (the record's title or the registry's name)."""
        if text:
            self._write(f"{text}\n\n")

    def line(self, label: str, value: Any, key: str | None = None, field_value: Any = None) -> None:
        """``Label: value``; with ``key``, the field is set (to ``field_value`` when given) and its span kept."""
        if value is None or value == "" or value == []:
            return
        shown = " ".join(str(value).split())
        self._write(f"{label}: ")
        span = self._write(shown)
        self._write("\n")
        if key:
            set_field_value(self.fields, key, shown if field_value is None else field_value)
            self._mark(key, span)

    def items(self, label: str, values: list[str], key: str | None = None, separator: str = "; ") -> None:
        """``Label: a; b; c``; with ``key`` the list field is set and each item's span kept."""
        values = [" ".join(v.split()) for v in values if v and v.strip()]
        if not values:
            return
        self._write(f"{label}: ")
        for index, value in enumerate(values):
            if index:
                self._write(separator)
            self._mark(key, self._write(value))
        self._write("\n")
        if key:
            set_field_value(self.fields, key, values)

    def block(self, label: str, text: str | None, key: str | None = None) -> None:
        """A labelled paragraph (abstract, summary, criteria), its line breaks kept."""
        if not text or not text.strip():
            return
        body = "\n".join(line.rstrip() for line in text.strip().splitlines())
        self._write(f"\n{label}\n")
        span = self._write(body)
        self._write("\n")
        if key:
            set_field_value(self.fields, key, body)
            self._mark(key, span)

    def identifier(self, label: str, shown: str, canonical: str | None) -> None:
        """``Label: shown``; the canonical id joins ``ids`` (once) with its span."""
        if not shown:
            return
        self._write(f"{label}: ")
        span = self._write(" ".join(shown.split()))
        self._write("\n")
        if canonical and canonical not in self.fields["ids"]:
            self.fields["ids"].append(canonical)
            self._mark("ids", span)

    def evidence_for(self, key: str, other: str) -> None:
        """Let ``key`` share the evidence of ``other`` (a field derived from one already written)."""
        spans = self.fields["evidence"].get(other)
        if spans:
            self.fields["evidence"][key] = [list(s) for s in spans]

    def text(self) -> str:
        """The page as the document pane shows it."""
        return "".join(self._parts).rstrip("\n") + "\n"
