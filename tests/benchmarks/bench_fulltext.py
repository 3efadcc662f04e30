"""Full texts: ``python tests/benchmarks/bench_fulltext.py`` prints the figures of issue 18.

1. The seed documents printed to PDF (wrapped at 90 columns, paginated, with a print header and
   footer, and without them): how many of the expectations of ``tests/extraction/seeds_expected.json``
   extraction keeps, reading the PDF as Curator did before (pypdf's text of each page, pages joined
   by a blank line) and as it does now (:func:`curator.fulltext.reading.read_pdf`).
2. ``curator attach --match`` of 500 PDFs of 10 pages into a review of 500 records (half matched by
   DOI, half by title).
3. Reading and extracting a 20-page PDF.
"""

from __future__ import annotations

import io
import logging
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "extraction"))

from click.testing import CliRunner  # noqa: E402
from extraction_expect import check, load_expectations  # noqa: E402

from curator.extraction import extract  # noqa: E402
from curator.fulltext.reading import read_pdf  # noqa: E402
from tests.fulltext.printed_pdf import pdf_from_pages, printed_pdf  # noqa: E402

SAMPLES = REPO / "resources" / "samples"
EXPECTED = load_expectations(REPO / "tests" / "extraction" / "seeds_expected.json")


def _count(expected: dict) -> int:
    return (len(expected.get("equals") or {}) + sum(map(len, (expected.get("contains") or {}).values()))
            + sum(map(len, (expected.get("absent") or {}).values())))


def _page_by_page(data: bytes) -> str:
    """How Curator read a PDF before issue 18: each page's text layer, pages joined by a blank line."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages = [(p.extract_text() or "").strip() for p in PdfReader(io.BytesIO(data)).pages]
    return "\n\n".join(p for p in pages if p)


def seeds_as_pdf() -> None:
    total = sum(_count(e) for e in EXPECTED.values())
    for chrome in (True, False):
        for label, read in (("before (page by page)", _page_by_page), ("now (read_pdf)", lambda d: read_pdf(d).text)):
            kept = 0
            for name, expected in sorted(EXPECTED.items()):
                data = printed_pdf((SAMPLES / name).read_text(encoding="utf-8"), name, header=chrome, footer=chrome)
                kept += _count(expected) - len(check(extract(read(data), source=name), expected))
            print(f"seeds printed to PDF{' with header and footer' if chrome else ''}, {label}: "
                  f"{kept} of {total} expectations")


WORDS = ("anakinra", "placebo", "refractory", "pain", "syndrome", "ketamine", "lupus", "arthritis", "yoga",
         "children", "adults", "randomised", "trial", "cohort", "outcomes", "fracture", "infusion", "therapy",
         "mesotherapy", "erosion", "healing", "disease", "kawasaki", "lenalidomide", "cutaneous", "safety")


def _title(n: int) -> str:
    """A title of its own for each ``n`` (seeded: the same every run)."""
    import random

    rng = random.Random(n)
    return " ".join(rng.choice(WORDS) for _ in range(10)).capitalize()


def _article(n: int, by_doi: bool) -> bytes:
    title = _title(n)
    head = f"J Pain Res 2021;14:{n}. https://doi.org/10.2147/JPR.S{100000 + n}" if by_doi else "J Pain Res 2021"
    body = [f"Line {k}: {n + k} adults randomised, mean pain fell by {k % 7} points at week {k % 12}." for k in range(45)]
    return pdf_from_pages([[head, "", title, "", *body]] + [body] * 9)


def attach_500() -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from curator.store.database import open_review
    from tests.conftest import add_records

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.curator.sqlite"
        pdfs = Path(folder) / "pdfs"
        pdfs.mkdir()
        with open_review(path) as review:
            for n in range(500):
                add_records(review, [_title(n)], fields={"ids": [f"DOI:10.2147/jpr.s{100000 + n}"] if n % 2 else []})
        size = 0
        for n in range(500):
            data = _article(n, by_doi=bool(n % 2))
            size += len(data)
            (pdfs / f"report{n:03d}.pdf").write_bytes(data)
        before = path.stat().st_size
        start = time.perf_counter()
        from curator.cli import cli

        result = CliRunner().invoke(cli, ["attach", "--match", str(pdfs), "--review", str(path)])
        took = time.perf_counter() - start
        said = [line for line in result.output.splitlines() if line.startswith("Attached")]
        print(f"attach --match 500 PDFs of 10 pages: {took:.1f} s, exit {result.exit_code}, {said[0]}")
        print(f"review grew by {(path.stat().st_size - before) / 1e6:.1f} MB for {size / 1e6:.1f} MB of PDFs")


def extract_20_pages() -> None:
    text = (SAMPLES / "004_d447a14818565f2a.txt").read_text(encoding="utf-8")
    body = "\n\n".join([text] + [f"Section {n}\n\n" + "The participants were followed up for pain. " * 40
                                 for n in range(40)])
    data = printed_pdf(body, "Report")
    start = time.perf_counter()
    full = read_pdf(data)
    read = time.perf_counter() - start
    fields = extract(full.text)
    took = time.perf_counter() - start
    print(f"a {full.page_count}-page PDF ({len(full.text)} characters): read in {read:.2f} s, read and extracted "
          f"in {took:.2f} s ({fields['kind']}, {fields['title']!r})")


if __name__ == "__main__":
    seeds_as_pdf()
    extract_20_pages()
    attach_500()
