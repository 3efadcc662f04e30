"""find_drugs hands to its word test only the tokens that may be drugs (terms._CANDIDATE_RE): the names it finds are
those of the plain loop over every token, on every page of the development corpus, the seeds and made-up text."""

from __future__ import annotations

from pathlib import Path

from curator.extraction import terms

HERE = Path(__file__).resolve().parent
_PAGES = sorted((HERE / "corpus").glob("*.txt")) + sorted((HERE.parents[1] / "resources" / "samples").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _PAGES]
TEXTS += ["ab-cdefmab x--abcmab- -abc zz-aspirin- heparin-induced anti-TNF x-warfarin", "Metformin-", "ivig IVIG",
          "adalimumab, etanercept and tofacitinib versus placebo", ""]


def _drugs(tokens, limit: int) -> list[tuple[int, int]]:
    """The word test of find_drugs over ``tokens``, in order."""
    found: list[tuple[int, int]] = []
    for m in tokens:
        w = m.group(0).strip("-")
        if (w in terms._DRUG_WORDS or (len(w) > 5 and w.endswith(terms._DRUG_SUFFIXES))) and w not in terms._NOT_DRUGS:
            found.append((m.start(), m.start() + len(w)))
            if len(found) >= limit * 4:
                break
    return found


def test_candidates_are_the_drug_tokens() -> None:
    checked = 0
    for text in TEXTS:
        low = text[:30000].lower()
        for limit in (1, 6):
            # every token tested in turn (the plain loop) and the candidates alone find the same names
            assert _drugs(terms._CANDIDATE_RE.finditer(low), limit) == _drugs(terms._TOKEN_RE.finditer(low), limit)
            checked += 1
    assert checked > 100
