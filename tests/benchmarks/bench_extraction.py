"""Extraction throughput: ``python tests/benchmarks/bench_extraction.py`` prints documents per second.

Runs :func:`curator.extraction.extract` over 10,000 documents: the five seed samples and the
extraction fixtures, plus variants generated from them (shuffled blank lines, changed
identifiers and dates, extra page chrome), all in one process.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from curator.extraction import extract, html_to_text, looks_like_html  # noqa: E402

CHROME = ("Sign up for our newsletter", "Accept all cookies", "Home | Search | Help", "Share this page")


def _load(seeds_only: bool = False) -> list[str]:
    paths = sorted((REPO / "resources" / "samples").glob("*.txt"))
    if seeds_only:
        return [p.read_text(encoding="utf-8") for p in paths]
    paths += sorted((REPO / "tests" / "extraction" / "fixtures").glob("*.txt"))
    paths += sorted((REPO / "tests" / "extraction" / "fixtures").glob("*.html"))
    texts = []
    for p in paths:
        t = p.read_text(encoding="utf-8")
        texts.append(html_to_text(t) if looks_like_html(t) else t)
    return texts


def _variant(text: str, rng: random.Random) -> str:
    text = re.sub(r"\d{8}\b", lambda m: f"{rng.randrange(10**8):08d}", text)
    text = re.sub(r"\b20(\d{2})\b", lambda m: str(2000 + rng.randrange(25)), text)
    lines = text.split("\n")
    if rng.random() < 0.5:
        lines.insert(0, rng.choice(CHROME))
    if rng.random() < 0.5:
        lines.append(rng.choice(CHROME))
    return "\n".join(lines)


def _run(label: str, base: list[str], n: int, rng: random.Random) -> float:
    docs = base + [_variant(rng.choice(base), rng) for _ in range(n - len(base))]
    start = time.perf_counter()
    for i, doc in enumerate(docs):
        extract(doc, source=str(i))
    elapsed = time.perf_counter() - start
    rate = len(docs) / elapsed
    avg = sum(len(d) for d in docs) / len(docs)
    # Other processes on the machine slow this down: say how busy it was.
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{label}: {len(docs)} documents (mean {avg:,.0f} characters) in {elapsed:.2f} s: {rate:,.0f} documents/s"
          f" (load average {load})")
    return rate


def main(n: int = 10_000) -> tuple[float, float]:
    """Extract ``n`` mixed documents, then ``n`` seed-kind documents; return both rates (documents per second)."""
    mixed = _run("mixed", _load(), n, random.Random(7))
    seeds = _run("seeds only", _load(seeds_only=True), n, random.Random(7))
    return mixed, seeds


if __name__ == "__main__":
    main()
