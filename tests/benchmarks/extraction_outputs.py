"""Every extraction output, one line per document: ``python tests/benchmarks/extraction_outputs.py OUT``.

Writes ``name<TAB>json.dumps(fields, sort_keys=True)`` for the seeds (../shared/seeds beside the checkout when present, and
resources/samples), the extraction fixtures, every development-corpus page, every bibliographic entry with its PICO
(read as test_bibliographic_corpus.py reads them) and the documents bench_extraction.py generates. Two runs, one
before and one after a change meant to be only faster, are compared with ``cmp``: any difference is a regression.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "benchmarks")]

import bench_extraction  # noqa: E402

from curator.extraction import extract, html_to_text, looks_like_html  # noqa: E402
from curator.extraction.entry_pico import fill_entry_pico  # noqa: E402
from curator.importers import Entry, read_path  # noqa: E402

SHARED_SEEDS = REPO.parent / "shared" / "seeds"  # the brief's seeds beside the checkout, when present


def _name(p: Path) -> str:
    """The path as the same name in any worktree."""
    return str(p.relative_to(REPO)) if p.is_relative_to(REPO) else str(p)


def _pages() -> list[tuple[str, str]]:
    """(name, text) of every page file, HTML as its visible text."""
    paths = sorted(SHARED_SEEDS.glob("*.txt")) + sorted((REPO / "resources" / "samples").glob("*.txt"))
    for folder in ("fixtures", "corpus"):
        paths += sorted(p for p in (REPO / "tests" / "extraction" / folder).iterdir() if p.suffix in (".txt", ".html"))
    out = []
    for p in paths:
        t = p.read_text(encoding="utf-8")
        out.append((_name(p), html_to_text(t) if looks_like_html(t) else t))
    return out


def _generated() -> list[tuple[str, str]]:
    """The documents bench_extraction.py times (its variants, drawn as it draws them)."""
    out = []
    for label, base, rng in (("mixed", bench_extraction._load(), random.Random(7)),
                             ("seeds", bench_extraction._load(seeds_only=True), random.Random(7))):
        docs = base + [bench_extraction._variant(rng.choice(base), rng) for _ in range(10_000 - len(base))]
        out += [(f"bench-{label}-{i}", d) for i, d in enumerate(docs)]
    return out


def main(out_path: str) -> None:
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for name, text in _pages() + _generated():
            out.write(f"{name}\t{json.dumps(extract(text, source=name), sort_keys=True)}\n")
            n += 1
        folder = REPO / "tests" / "extraction" / "bibliographic"
        for p in sorted(folder.iterdir()):
            if p.name == "expected.json":
                continue
            for k, item in enumerate(read_path(p)):
                if isinstance(item, Entry):
                    fill_entry_pico(item.fields, item.text)
                    out.write(f"{_name(p)}#{k}\t{json.dumps(item.fields, sort_keys=True, default=str)}\n")
                    n += 1
    print(f"{n} documents written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "extraction_outputs.txt")
