"""An easy generated screening: includes about nudging doctors, excludes about other things entirely."""

from __future__ import annotations

import csv
import random
from pathlib import Path

RELEVANT_WORDS = ("nudge", "nudging", "physician", "prescribing", "default", "reminder", "feedback",
                  "clinician", "guideline", "adherence", "antibiotic", "peer", "comparison")
OTHER_WORDS = ("soil", "wheat", "irrigation", "harvest", "drought", "yield", "fertiliser", "crop", "rainfall",
               "tractor", "orchard", "grain", "livestock", "pasture", "erosion", "seedling", "maize", "barley")
COMMON_WORDS = ("study", "results", "method", "analysis", "data", "effect", "we", "the", "of", "and", "in")


def _sentence(rng: random.Random, words: tuple[str, ...], n: int) -> str:
    return " ".join(rng.choice(words + COMMON_WORDS) for _ in range(n))


def screening(records: int = 120, includes: int = 12, seed: int = 1) -> list[dict[str, str]]:
    """``records`` rows (id, title, abstract, label), ``includes`` of them relevant, spread through the list."""
    rng = random.Random(seed)
    relevant = set(rng.sample(range(records), includes))
    rows = []
    for k in range(records):
        words = RELEVANT_WORDS if k in relevant else OTHER_WORDS
        rows.append({"id": f"r{k}", "title": _sentence(rng, words, 8), "abstract": _sentence(rng, words, 60),
                     "label": "1" if k in relevant else "0"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = ("id", "title", "abstract", "label")) -> Path:
    """Write ``rows`` as a CSV with these columns."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
