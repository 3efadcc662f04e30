"""The desk's full text: time from selecting a record to its PDF's first page drawn (issue 18: <= 300 ms).

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_pdf_first_page.py [REPEAT]   (default 20)

Two records of a review each have a generated 20-page PDF attached (tests/fulltext/printed_pdf.py,
different texts, so every selection opens the other document). The window shows the Full text
tab; each round selects the other record and waits, processing events, until the first page's
image (rendered at the view's zoom, off the GUI thread) is in the view. That is: reading the
file from the review, opening it with PDFium, laying out the pages, rendering page 1. Prints the
figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

PAGES = 20
TARGET_MS = 300


def _report_text(which: str) -> str:
    lines = [f"{which}: line {n} of the report on apixaban after knee surgery, with results and methods."
             for n in range(PAGES * 48)]
    return "\n".join(lines)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    folder = Path(tempfile.mkdtemp(prefix="curator-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    path = folder / "pdf.curator.sqlite"

    from curator.fulltext.storage import attach_full_text
    from curator.store.database import open_review
    from tests.conftest import add_records
    from tests.fulltext.printed_pdf import printed_pdf

    with open_review(path) as review:
        ids = add_records(review, ["Record A", "Record B"], record_kind="trial")
        for rid, which in zip(ids, "AB", strict=True):
            data = printed_pdf(_report_text(which), f"report {which}")
            attach_full_text(review, rid, f"report_{which}.pdf", data, reviewer="bench")
    print(f"two PDFs of {PAGES} pages ({len(data) // 1024} KiB each) attached")

    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    window = MainWindow("bench")
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.open_review(path)
    app.processEvents()
    view = window.full_texts.pdf

    def first_page(record_id: int) -> float:
        started = time.perf_counter()
        window.record_list.select_record(record_id)
        window.full_texts.pane.setCurrentWidget(view)
        while not (view.pages and view.pages[0].image is not None
                   and abs(view.pages[0].image_scale - view.pages[0].scale * view.devicePixelRatioF()) < 0.02):
            app.processEvents()
            if time.perf_counter() - started > 10:
                raise SystemExit("the first page was not drawn within 10 s")
        return (time.perf_counter() - started) * 1000

    first_page(ids[0])  # the rendering thread started, PDFium loaded
    times = [first_page(ids[(i + 1) % 2]) for i in range(repeat)]
    times.sort()
    print(f"first page drawn after selecting a record ({repeat} times, 20 pages): "
          f"median {statistics.median(times):.0f} ms, 90th percentile {times[int(0.9 * (len(times) - 1))]:.0f} ms, "
          f"max {times[-1]:.0f} ms (target <= {TARGET_MS} ms)")
    window.close()


if __name__ == "__main__":
    main()
