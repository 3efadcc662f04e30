"""The faster forms of patterns and counts find exactly what the plain forms find.

Speed work rewrote some patterns (a character read before the look-behinds, a word's first letter read before the
look-behind for its start) and a count ("mostly capitals"): each is checked here against the plain form it replaced,
on every page of the development corpus and the seeds, lower-cased as the finders search them, and on made-up text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from curator.extraction import assignment, pico, unasked
from curator.extraction.sentence_ends import _SENTENCE_END_RE
from curator.extraction.textutil import _SENT_END_RE, folded, letters_first, mostly_capitals

HERE = Path(__file__).resolve().parent
_PAGES = sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "resources" / "samples").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _PAGES]
TEXTS += ["e.g. vs. al. who were. that are x", "\n\n", "a.\n\nB", " who has been", "5 to 5 weeks", "x: y", ", and",
          "Patients (n = 40) with pain vs. placebo; the control group received usual care. Single-arm, non-comparative."]

# The plain forms the rewritten patterns replaced (look-behinds first).
_PLAIN_PHRASE_STOP = re.compile(
    r"\s(?:will|were(?<!\bwho\swere)(?<!\bthat\swere)|are(?<!\bwho\sare)(?<!\bthat\sare)"
    r"|was(?<!\bwho\swas)(?<!\bthat\swas)|is(?<!\bwho\sis)(?<!\bthat\sis)"
    r"|develop|developed|may|can|should|could|received?|underwent|showed?|compared|randomi[sz]ed"
    r"|enrolled|included|recruited|in\s+(?:this|the|our)\s+(?:study|trial)|at\s+(?:the|our|a)\s)\b"
    r"|(?<!\bwho)(?<!\bthat)(?<!\bwhich)\s(?:has|have)\s+(?:not\s+)?been\b"
    r"|(?<!\d)\sto\s+(?:\d+\s+(?:weeks?|months?|days?|sessions?|cycles?)|an?\s|either\b|receive\b)"
    r"|(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bal)[.;](?=\s|$)|:\s|\n\s*\n|,\s+(?:and|but|which|we|while)\b",
    re.I,
)
_PLAIN_SENTENCE_END = re.compile(r"(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)[.;](?=\s|$)|\n")
_PLAIN_SENT_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bet al)(?<!\b[A-Z])[.!?](?=\s+[A-Z(\[]|\s*$)|\n\s*\n|;")
_PLAIN_SINGLE_ARM = re.compile(r"\b(?:single|one)[- ](?:arm|group)\b|\bnon-?comparative\b", re.I)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("plain", "fast"), [
    (_PLAIN_PHRASE_STOP, pico._PHRASE_STOP_RE),
    (_PLAIN_SENTENCE_END, _SENTENCE_END_RE),
    (_PLAIN_SENT_END, _SENT_END_RE),
    (_PLAIN_SINGLE_ARM, pico._SINGLE_ARM_RE),
])
def test_a_character_read_before_the_look_behinds_finds_the_same(plain: re.Pattern[str], fast: re.Pattern[str]) -> None:
    for text in TEXTS:
        for hay in (text, text.lower()):
            assert _matches(fast, hay) == _matches(plain, hay)
            for start in range(0, len(hay), 97):  # searched from inside the text, as the finders do
                got, want = fast.search(hay, start, start + 400), plain.search(hay, start, start + 400)
                assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("pattern", [pico._COMP_RE, pico._OR_CONTROL_RE, pico._OUTCOME_RE, pico._SINGLE_ARM_RE,
                                     unasked._COMPARES_RE, assignment._CONTROL_SENTENCE_RE, assignment._SECOND_GROUP_RE])
def test_letters_first_twins_find_what_the_folded_pattern_finds(pattern: re.Pattern[str]) -> None:
    plain, fast = folded(pattern), letters_first(folded(pattern))
    assert fast.pattern != plain.pattern
    for text in TEXTS:
        low = text.lower()
        assert _matches(fast, low) == _matches(plain, low)


def test_letters_first_keeps_classes_and_word_order() -> None:
    fast = letters_first(re.compile(r"\b(?:a[(|)]b|cd|ab)x"))
    assert fast.pattern == r"(?:a(?<!\w.)(?:[(|)]b|b)|c(?<!\w.)d)x"
    assert [m.group() for m in fast.finditer("a(bx cdx zcdx abx")] == ["a(bx", "cdx", "abx"]


def test_mostly_capitals_counts_as_one_call_per_character_would() -> None:
    rng = random.Random(7)
    letters = "AbCdEfgHIJ xyz.,-19 ÉéßİⒶ•ΣΑ"
    samples = ["", "ABSTRACT", "Abstract", "The ABC Trial", "RCT of X", "ÉTUDE", "Ⓐ b"]
    samples += ["".join(rng.choice(letters) for _ in range(rng.randrange(0, 40))) for _ in range(5000)]
    for text in samples:
        assert mostly_capitals(text) == (sum(map(str.isupper, filter(str.isalpha, text)))
                                         > 0.6 * sum(map(str.isalpha, text))), text
