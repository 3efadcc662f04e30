"""Replaying a finished screening: how much work the relevance ranking would have saved.

A finished screening is a CSV file (``.csv`` or ``.csv.gz``) with a ``label`` or ``included``
column (1/0, true/false, yes/no or include/exclude) beside ``title``, ``abstract`` and, when it
has them, ``id`` (else ``record_id``; else the row number, from 1) and ``keywords``; or a RIS file
whose entries carry ASReview's notes ``N1  - ASReview_relevant`` / ``ASReview_irrelevant``.

The replay starts from the prior records (one include and one exclude drawn with the seed as
the shared benchmark draws them, unless named), then screens the record the model ranks first,
learns its label, and so on until the last include is found. The figures are the benchmark's:
N = records - priors, R = includes - prior includes, WSS@95 = (N - records to 95%) / N - 0.05,
recall at 10% = includes found among the first ceil(N/10) screened / R.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curator.ranking.model import MODEL_NAME, RelevanceModel, record_text

TRUE_WORDS = {"1", "1.0", "true", "yes", "y", "include", "included", "relevant"}
FALSE_WORDS = {"0", "0.0", "false", "no", "n", "exclude", "excluded", "irrelevant"}
LABEL_COLUMNS = ("label", "included")


class ScreeningFileError(ValueError):
    """A finished screening cannot be replayed; the message says why, in one sentence."""


@dataclass(frozen=True)
class LabelledRecord:
    """One record of a finished screening and the reviewer's final decision on it."""

    id: str
    title: str
    abstract: str
    keywords: str
    included: bool


@dataclass
class ReplayResult:
    """What a replay found: the order screened after the priors and the benchmark's figures."""

    records: int
    includes: int
    priors_included: list[str]
    priors_excluded: list[str]
    screened: list[bool] = field(default_factory=list)  # after the priors: was each record an include?

    @property
    def to_screen(self) -> int:
        """N: the records left to screen after the priors."""
        return self.records - len(self.priors_included) - len(self.priors_excluded)

    @property
    def to_find(self) -> int:
        """R: the includes left to find after the priors."""
        return self.includes - len(self.priors_included)

    def screened_to(self, share: float) -> int:
        """Records screened (after the priors) until ``share`` of the includes to find were found."""
        need = math.ceil(share * self.to_find - 1e-9)
        found = 0
        if need <= 0:
            return 0
        for k, included in enumerate(self.screened, 1):
            found += included
            if found >= need:
                return k
        return len(self.screened)

    def figures(self) -> dict[str, object]:
        """WSS@95, recall at 10%, records screened to 95% and to 100%, as the benchmark computes them."""
        n = self.to_screen
        k95 = self.screened_to(0.95)
        tenth = math.ceil(0.10 * n)
        recall10 = sum(self.screened[:tenth]) / self.to_find if self.to_find else 1.0
        return {
            "model": MODEL_NAME, "records": self.records, "includes": self.includes,
            "prior_included": self.priors_included, "prior_excluded": self.priors_excluded,
            "wss95": round((n - k95) / n - 0.05, 4) if n else 0.0, "recall10": round(recall10, 4),
            "screened95": k95, "screened100": self.screened_to(1.0),
        }


def _label_of(value: str, where: str) -> bool:
    word = (value or "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ScreeningFileError(f"{where}: the label {value!r} is neither include (1) nor exclude (0)")


def _read_csv(path: Path, data: bytes) -> list[LabelledRecord]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScreeningFileError(f"{path.name} is not UTF-8 text") from error
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text))
    headings = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
    label = next((headings[c] for c in LABEL_COLUMNS if c in headings), None)
    if label is None:
        raise ScreeningFileError(f"{path.name} has no label column (name it 'label' or 'included', 1 = include)")
    if "title" not in headings and "abstract" not in headings:
        raise ScreeningFileError(f"{path.name} has no title or abstract column")
    id_column = headings.get("id") or headings.get("record_id")
    records = []
    for row_number, row in enumerate(reader, 1):
        def cell(name: str, row: dict[str, str] = row) -> str:
            heading = headings.get(name)
            return (row.get(heading) or "").strip() if heading else ""
        record_id = (row.get(id_column) or "").strip() if id_column else ""
        records.append(LabelledRecord(
            record_id or str(row_number), cell("title"), cell("abstract"), cell("keywords"),
            _label_of(row.get(label) or "", f"{path.name}, row {row_number}")))
    return records


def _read_ris(path: Path, data: bytes) -> list[LabelledRecord]:
    from curator.importers.ris import parse

    records = []
    text = data.decode("utf-8-sig", errors="replace")
    for number, _line, tags in parse(text):
        if isinstance(tags, str):
            raise ScreeningFileError(f"{path.name}, entry {number}: {tags}")
        notes = " ".join(tags.get("N1", []))
        if "ASReview_relevant" in notes:
            included = True
        elif "ASReview_irrelevant" in notes:
            included = False
        else:
            raise ScreeningFileError(f"{path.name}, entry {number} has no label "
                                     "(a note N1 - ASReview_relevant or ASReview_irrelevant)")
        title = next((v for t in ("TI", "T1") for v in tags.get(t, []) if v.strip()), "")
        abstract = next((v for t in ("AB", "N2") for v in tags.get(t, []) if v.strip()), "")
        record_id = next((v for v in tags.get("ID", []) if v.strip()), str(number))
        records.append(LabelledRecord(record_id.strip(), title.strip(), abstract.strip(),
                                      "; ".join(tags.get("KW", [])), included))
    return records


def read_screening(path: Path) -> list[LabelledRecord]:
    """The records and final decisions of a finished screening file (CSV or RIS, see the module)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScreeningFileError(f"cannot read {path}: {error.strerror or error}") from error
    name = path.name.lower()
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise ScreeningFileError(f"{path.name} is not a readable gzip file") from error
        name = name[:-3]
    if name.endswith(".ris") or name.endswith(".txt"):
        records = _read_ris(path, data)
    elif name.endswith(".csv"):
        records = _read_csv(path, data)
    else:
        raise ScreeningFileError(f"{path.name}: give a .csv (or .csv.gz) or a .ris file")
    check_screening(path.name, records)
    return records


def check_screening(name: str, records: Sequence[LabelledRecord]) -> None:
    """Stop with one sentence when a screening cannot be replayed."""
    if not records:
        raise ScreeningFileError(f"{name} holds no records")
    ids = [r.id for r in records]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise ScreeningFileError(f"{name}: the id {duplicate!r} is used by more than one record")
    includes = sum(r.included for r in records)
    if includes == 0 or includes == len(records):
        one = "include" if includes else "exclude"
        raise ScreeningFileError(f"{name}: every record is labelled {one}; a replay needs both includes and excludes")
    if includes < 2:
        raise ScreeningFileError(f"{name} has one include; a replay needs one as a prior and one to find")
    if not any(r.abstract for r in records):
        raise ScreeningFileError(f"{name}: every abstract is empty; the ranking reads titles and abstracts")


def default_priors(records: Sequence[LabelledRecord], seed: int) -> tuple[list[str], list[str]]:
    """One prior include and one prior exclude, drawn as the shared benchmark draws them for ``seed``."""
    draw = random.Random(seed)
    include = draw.choice([k for k, r in enumerate(records) if r.included])
    exclude = draw.choice([k for k, r in enumerate(records) if not r.included])
    return [records[include].id], [records[exclude].id]


def replay(records: Sequence[LabelledRecord], *, seed: int = 0, prior_included: Sequence[str] = (),
           prior_excluded: Sequence[str] = ()) -> ReplayResult:
    """Screen ``records`` in the model's order, from the priors, until the last include is found."""
    by_id = {r.id: r for r in records}
    for record_id, wanted in [*((i, True) for i in prior_included), *((i, False) for i in prior_excluded)]:
        if record_id not in by_id:
            raise ScreeningFileError(f"there is no record {record_id!r} to use as a prior")
        if by_id[record_id].included != wanted:
            kind = "an include" if wanted else "an exclude"
            raise ScreeningFileError(f"record {record_id!r} is not {kind}, so it cannot be a prior {kind[3:]}")
    if not prior_included and not prior_excluded:
        prior_included, prior_excluded = default_priors(records, seed)
    result = ReplayResult(len(records), sum(r.included for r in records), list(prior_included),
                          list(prior_excluded))
    if result.to_find <= 0:
        raise ScreeningFileError("the priors hold every include: there is nothing left to find")
    model = RelevanceModel([r.id for r in records],
                           [record_text(r.title, r.abstract, r.keywords) for r in records], seed=seed)
    labels = {i: True for i in prior_included} | {i: False for i in prior_excluded}
    found = 0
    while found < result.to_find:
        best = model.rank(labels, limit=1)[0]
        included = by_id[best.id].included
        labels[best.id] = included
        result.screened.append(included)
        found += included
    return result
