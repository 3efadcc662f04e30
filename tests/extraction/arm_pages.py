"""Short pages written for the arms' class tests (never corpus pages): an abstract page and evidence checks."""

from __future__ import annotations

from typing import Any

from curator.extraction import extract


def article(body: str, title: str = "A randomised trial in adults") -> dict[str, Any]:
    """The fields of a journal page holding ``body`` as its abstract."""
    return extract(f"Journal site\n\n{title}\n\nAnna Berger, Felix Hartmann\n\n"
                   f"Trials. 2020;21:314. doi:10.1186/s13063-020-04245-3\n\nAbstract\n{body}\n")


def arm(fields: dict[str, Any], text: str, key: str) -> str | None:
    """The arm ``key`` ("intervention" / "comparator"), checked to be backed by its evidence in ``text``."""
    value = fields["pico"][key]
    if value is not None:
        spans = fields["evidence"][f"pico.{key}"]
        assert " ".join(text[s:e] for s, e in spans) == value, (key, value, spans)
    return value
