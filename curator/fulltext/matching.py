"""Which record a PDF reports: by an identifier on its first pages, else by its title.

A report names itself on its first pages: its DOI in the running head, its PMID or PMCID, the
registration of the trial it reports. Those are looked for first, in that order of trust (a DOI
names one publication; a registry id is shared by a trial's record and every report of it). A
PDF that names none of the review's records is matched by its title: the lines of its first page
are compared with every record's title, and a record whose title is at least
:data:`TITLE_THRESHOLD` alike (rapidfuzz's ``ratio`` of the two, lower-cased, punctuation dropped)
is the match. A PDF that matches no record, or several equally, is not matched: the reason says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import text
from sqlmodel import col, select

from curator.fields import get_field
from curator.identifiers import find_ids
from curator.review.records import effective_fields
from curator.store.database import Review
from curator.store.models import LINK_COUNTS, DuplicateLink, Record
from curator.store.stored_fields import extracted_fields

#: How alike (0-100, rapidfuzz ``ratio`` of the normalised texts) a line of the first page and a record's
#: title must be for the PDF to be matched by its title.
TITLE_THRESHOLD = 90
#: A second record this close to the best title score makes the match ambiguous.
TITLE_MARGIN = 2
#: Pages read for identifiers and the title.
FIRST_PAGES = 2
#: Lines of the first page where a title may stand.
TITLE_LINES = 40
#: Identifier kinds in the order they are trusted, as prefixes of Curator's canonical ids.
ID_ORDER = (("DOI", ("DOI:",)), ("PMID", ("PMID:",)), ("PMCID", ("PMCID:",)), ("registry id", ()))

_PMCID_RE = re.compile(r"\bPMC\s?(\d{5,9})\b")
_NOT_WORD_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Match:
    """Where a PDF belongs: ``record_id`` with ``how`` it was found, or None with ``reason``."""

    record_id: int | None
    how: str = ""
    reason: str = ""


def normalise_title(title: str) -> str:
    """A title as compared: lower case, words only, single spaces."""
    return _NOT_WORD_RE.sub(" ", title.lower()).strip()


class RecordIndex:
    """The review's records by identifier and by normalised title, for matching many PDFs at once."""

    def __init__(self, review: Review) -> None:
        self.by_id: dict[str, set[int]] = {}
        self.titles: dict[int, list[str]] = {}
        self.duplicate_of: dict[int, int] = {}
        with review.session() as session:
            for record in session.exec(select(Record).where(col(Record.removed_reason).is_(None))):
                assert record.id is not None
                fields = effective_fields(extracted_fields(record), record.curated)
                for cid in get_field(fields, "ids") or []:
                    self.by_id.setdefault(_id_key(cid), set()).add(record.id)
                names = [normalise_title(get_field(fields, key) or "") for key in ("title", "official_title")]
                self.titles[record.id] = [n for n in dict.fromkeys(names) if len(n) >= 12]
            links = session.exec(select(DuplicateLink).where(text(LINK_COUNTS)))
            self.duplicate_of = {link.record_id: link.duplicate_of_id for link in links}
        self._choices = {(rid, k): t for rid, ts in self.titles.items() for k, t in enumerate(ts)}

    def distinct(self, record_ids: set[int]) -> list[int]:
        """The records left when each duplicate of another one in the set is counted as that one."""
        return sorted(r for r in record_ids if self.duplicate_of.get(r) not in record_ids)

    def match(self, first_pages: str) -> Match:
        """The record the text of a PDF's first pages reports (see the module's description)."""
        found = _ids_in(first_pages)
        named: list[str] = []
        for label, prefixes in ID_ORDER:
            ids = [cid for cid in found if (cid.startswith(prefixes) if prefixes else
                                            not cid.startswith(("DOI:", "PMID:", "PMCID:")))]
            records = self.distinct({r for cid in ids for r in self.by_id.get(_id_key(cid), ())})
            if len(records) == 1:
                cid = next(c for c in ids if records[0] in self.by_id.get(_id_key(c), ()))
                return Match(records[0], f"{label} {cid}")
            if len(records) > 1:
                return Match(None, reason=f"its {label}s name several records ({_listed(records)}); attach it "
                                          "with `curator attach ID FILE`")
            named.extend(ids)
        return self._by_title(first_pages, named)

    def _by_title(self, first_pages: str, named: list[str]) -> Match:
        best: dict[int, float] = {}
        for candidate in _title_candidates(first_pages):
            for _, score, (rid, _k) in process.extract(candidate, self._choices, scorer=fuzz.ratio,
                                                       score_cutoff=TITLE_THRESHOLD - TITLE_MARGIN, limit=5):
                best[rid] = max(best.get(rid, 0.0), score)
        for rid in list(best):
            if self.duplicate_of.get(rid) in best:
                del best[rid]
        ranked = sorted(best.items(), key=lambda item: -item[1])
        none = (f"no record has the identifiers it names ({', '.join(named[:3])})" if named else
                "no DOI, PMID, PMCID or registry id of a record on its first pages")
        if not ranked or ranked[0][1] < TITLE_THRESHOLD:
            return Match(None, reason=f"{none}, and no record's title is {TITLE_THRESHOLD}% like a line of its "
                                      "first page")
        close = [rid for rid, score in ranked if score >= ranked[0][1] - TITLE_MARGIN]
        if len(close) > 1:
            return Match(None, reason=f"its title is as like the titles of several records ({_listed(close)})")
        return Match(ranked[0][0], f"title ({ranked[0][1]:.0f}% alike)")


def _id_key(cid: str) -> str:
    return cid.lower() if cid.startswith("DOI:") else cid.upper()


def _ids_in(text: str) -> list[str]:
    found = [cid for cid, _, _ in find_ids(text)]
    found += [f"PMCID:PMC{m.group(1)}" for m in _PMCID_RE.finditer(text)]
    return list(dict.fromkeys(found))


def _title_candidates(first_pages: str) -> list[str]:
    """Lines of the first page, and runs of two or three of them (a title set over several lines)."""
    lines = [normalise_title(line) for line in first_pages.split("\n")[:TITLE_LINES * 2]]
    lines = [line for line in lines if line][:TITLE_LINES]
    found = []
    for start in range(len(lines)):
        for size in (1, 2, 3):
            if start + size <= len(lines):
                text = " ".join(lines[start:start + size])
                if 12 <= len(text) <= 400:
                    found.append(text)
    return list(dict.fromkeys(found))


def _listed(record_ids: list[int]) -> str:
    shown = ", ".join(str(r) for r in record_ids[:5])
    return shown + (f" and {len(record_ids) - 5} more" if len(record_ids) > 5 else "")
