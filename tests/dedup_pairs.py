"""The duplicate tests' one way to write a journal article as an importer gives it, and to ask what the finder
makes of a pair."""

from __future__ import annotations

from collections.abc import Sequence

from curator.duplicates.keys import Candidate, candidate
from curator.duplicates.matching import Link, find_links


def citation(record_id: int, title: str, *, authors: Sequence[str], year: int | None, journal: str, volume: str,
             issue: str, pages: str, ids: Sequence[str] = (), author_line: bool = False) -> Candidate:
    """The record's fields, and the citation lines of its text (with an "Authors:" line when asked)."""
    lines = [f"Title: {title}"] + ([f"Authors: {'; '.join(authors)}"] if author_line else [])
    lines += [f"{label}: {value}" for label, value in (("Volume", volume), ("Issue", issue), ("Pages", pages))
              if value]
    fields = {"title": title, "authors": list(authors), "year": year, "journal": journal, "ids": list(ids),
              "kind": "article"}
    return candidate(record_id, fields, f"hash{record_id}", "\n".join(lines) + "\n")


def link_between(earlier: Candidate, later: Candidate) -> Link | None:
    """The link the finder makes from ``later`` to ``earlier`` (sure or possible), or None."""
    links = find_links([earlier], [later])
    assert len(links) <= 1
    return links[0] if links else None


def linked(earlier: Candidate, later: Candidate) -> bool:
    """The finder is sure the two are one document."""
    link = link_between(earlier, later)
    return link is not None and not link.possible
