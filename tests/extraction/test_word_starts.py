"""Patterns tried only where their words are (word_starts.WordStarts) find exactly what the pattern finds at every
offset, on every page of the development corpus and the seeds, lower-cased as the finders search them, in whole
pages and in zones cut anywhere (a zone may begin or end inside a word)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from curator.extraction import pico
from curator.extraction.textutil import caseless
from curator.extraction.word_starts import WordStarts

HERE = Path(__file__).resolve().parent
_PAGES = sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "resources" / "samples").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _PAGES]
TEXTS += ["Women with asthma and pregnant women with diabetes; men with gout.", "nonpatients with x", "patients with",
          "school pupils with dyslexia and pupils with ADHD", "medical students with anxiety (students with)",
          "the efficacy of aspirin; use of X; the role of Y", "abusers of", ""]


def _zones(n: int, rng: random.Random) -> list[tuple[int, int]]:
    cuts = [tuple(sorted((rng.randrange(n + 1), rng.randrange(n + 1)))) for _ in range(4)]
    return [(0, n), *cuts]


@pytest.mark.parametrize("plain", [pico._POP_RE, pico._OF_RE], ids=["people", "efficacy-of"])
def test_same_matches_as_the_pattern(plain: re.Pattern[str]) -> None:
    twin = pico._FOLDED[id(plain)]
    scan = pico._POP_WORDS if plain is pico._POP_RE else pico._OF_WORDS
    rng = random.Random(5)
    checked = 0
    for text in TEXTS:
        low = caseless(text)
        if low is None:
            continue
        for s, e in _zones(len(low), rng):
            assert [m.span() for m in scan.finditer(low, s, e)] == [m.span() for m in twin.finditer(low, s, e)]
            checked += 1
    assert checked > 100


def test_words_inside_longer_words_are_looked_for_once() -> None:
    scan = WordStarts(re.compile(r"\b(?:men|women|pregnant women|students?|medical students)\b\s+with\s"))
    assert sorted(scan._needles) == ["men", "student"]
    assert scan._needles["men"] == {0, 2, 11}
    text = "pregnant women with x, medical students with y, men with z, amen with"
    assert [m.group(0) for m in scan.finditer(text, 0, len(text))] == ["pregnant women with ", "medical students with ",
                                                                       "men with "]


def test_plain_words_only() -> None:
    with pytest.raises(AssertionError):
        WordStarts(re.compile(r"\b(?:p[ae]tients|adults)\b"))
