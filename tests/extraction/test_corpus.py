"""The development corpus (corpus/): pages in the layouts of real sites, one class of error each.

Each expectation is scored on its own (one equals key, one contains or absent string), with the
checks of extraction_expect; the score of a class is the share of its expectations met. The floors
are the scores measured when they were set: a class that falls below its floor has regressed.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parent)]  # run as a script too

from extraction_expect import check, check_evidence, load_expectations  # noqa: E402

from curator.extraction import extract, html_to_text, looks_like_html  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = load_expectations(CORPUS / "expected.json")

# Share of expectations met per class, as measured (fix a class, then raise its floor).
# Batch 13 (held out, measured only) joined the classes at 0.94-0.97 of each; batch 14 (held out, measured only) lowered
# them again; raised after batch 13's registry, identifier, author and journal classes were fixed, to what the classes
# measure with batch 14 in them; each older batch keeps its own floor; batch 15 (held out, measured only) lowered lists,
# vocab and pico to what they measure with it in them (lists 0.97 -> 0.96, vocab 0.96 -> 0.94, pico 0.97 -> 0.96);
# batch 16 (held out, measured only) lowered lists, ids and pico to what they measure with it in them (lists 0.96 -> 0.95,
# 479/500; ids 0.97 -> 0.96, 426/441; pico 0.97 -> 0.96, 1575/1627).
# Batches 17 and 18 (population pages) joined pico at 1908/1983 = 0.96 after the population fixes (pico without them
# stayed at 0.97).
# Batch 20 (held out, measured only) lowered labels and pico to what they measure with it in them (labels 0.95 -> 0.94,
# 1263/1332; pico 0.96 -> 0.95, 2646/2765).
# Batch 21 (held out, measured only) lowered layout and vocab to what they measure with it in them (layout 0.97 -> 0.96,
# 735/765; vocab 0.94 -> 0.93, 1293/1378).
# Raised after the PICO classes batch 20 left were fixed (batch 22 in them): labels 1270/1332, lists 539/557, pico
# 2875/2992 (before those fixes, with batch 22 in them: 1265, 537 and 2852).
FLOORS = {
    "labels": 0.95,
    "lists": 0.96,
    "ids": 0.96,
    "vocab": 0.94,
    "pico": 0.95,  # batch 19 (held out, 22 harder arm pages) joined it at 1850/1935 before its fixes, 1876 after
    "layout": 0.95,  # batches 21 and 23 (held out, measured only) lowered it from 0.97 (674/693 without them): 887/930
}
# Share of each batch's expectations met, as measured after the fixes (batch 5 held out at 0.77 before them,
# batch 6 at 0.83, batch 7 at 0.86, batch 8 at 0.82, batch 9 at 0.78, batch 10 at 0.82; the classes' floors fell
# when batch 9's and batch 10's harder pages joined them; batch 11 held out at 0.89, 397/445, before its fixes;
# batch 12, 20 pages on how sources state the population, held out at 0.82, 276/338, before any fix and with the
# extraction code unread (population 39/60 = 0.65, 4 of 20 pages with every population expectation met; registry
# pages 0.76, journal 0.84, aggregator 0.83, abstract 0.88), 306/338 = 0.91 after its fixes (population 56/60 = 0.93,
# 16 of 20 pages); the pico and vocab floors fell when its harder pages joined them).
# batch 13 held out, measured only: 546/628 = 0.87, written by a helper who never read the extractor, 612/628 after its
# non-PICO fixes;
# batch 14 held out, measured only: 513/578 = 0.89 (510/578 before three over-narrow expectations were widened), written
# by a second helper who never read the extractor, no fix tuned on it; 523/578 = 0.90 after this session's fixes, none
# made from it);
# batch 15 held out, measured only: 528/586 = 0.90 (526/587 before three plainly wrong expectations were corrected),
# written by a third helper who never read the extractor, no fix tuned on it (population 17/26 = 0.65, comparator 29/38 =
# 0.76, intervention 32/40 = 0.80, outcome 68/69 = 0.99; registry pages 321/356, journal 124/137, abstract 53/59,
# aggregator 30/34).
# batch 16 held out, measured only: 615/659 = 0.93 (611/659 before four over-narrow expectations were widened), written by
# a fourth helper who never read the extractor, no fix tuned on it (population 20/25 = 0.80, intervention 30/35 = 0.86,
# comparator 51/53 = 0.96, outcome 73/78 = 0.94; registry 358/381 = 0.94, journal 130/141 = 0.92, aggregator 70/77 =
# 0.91, abstract 57/60 = 0.95).
# After the arms' classes were fixed (long assignment sentences, results sentences, acronym arm labels, titles naming
# the control first): batch 9 359/376, batch 12 309/338, batch 13 621/628 (its intervention 44/46, comparator 41/41).
# batch 17, 20 pages on how sources name the people studied, written before the extraction code was read or run on them:
# held out at 316/357 = 0.89 before any fix (315/357 before one over-narrow ISRCTN id expectation was widened;
# population 60/74 = 0.81; registry pages 0.89, journal 0.88, abstract 0.81), 330/357 = 0.92 after the population
# fixes (population 74/74), which were made on it. Batch 18, 9 pages written after those fixes and measured before any
# fix was tuned on it: 127/136 = 0.93 (population 29/34 = 0.85; 126/136 and 28/34 with the code before the fixes),
# 131/136 = 0.96 after the fixes made from it (population 33/34).
# batch 19 (written as the arms helper's batch 18 at the same time as the population helper's batch 18), 22 pages on the arms' classes (group labels, registry product roles and control vocabulary, dose and timing
# comparisons, arms stated less commonly, comparators cut short), written before the extraction code was read, held
# out at 403/445 = 0.91 before any fix (401/444 = 0.90 before one over-narrow expectation, ISRCTN's own DOI, was widened;
# intervention 48/60 = 0.80, comparator 37/52 = 0.71), 429/445 = 0.96 after (intervention 59/60, comparator 52/52);
# the same arm fixes, none made from a held-out page, moved batch 13 621 -> 623/628 and batch 15 528 -> 533/586
# (intervention 31 -> 35/40, comparator 30 -> 31/38), batch 14 unchanged at 524/578.
# (An EU CTR page of batch 15 was opened once by the arms helper while looking for the registry's layout; no fix was made
# from it, but batch 15's gain (528 -> 533) may not be wholly held out.)
# batch 20 held out, measured only: 497/546 = 0.91 (491/546 = 0.90 before six plainly wrong or over-narrow expectations were
# corrected), written by a helper who never read the extractor, no fix tuned on it (population 14/20, intervention 40/53,
# comparator 42/50, outcome 45/49; registry 266/291 = 0.91, journal 140/152 = 0.92, aggregator 50/59 = 0.85, abstract
# 41/44 = 0.93).
# batch 21 held out, measured only: 472/524 = 0.90 (470/524 = 0.897 before two over-narrow PICO expectations were widened),
# written by a helper who never read the extractor, no fix tuned on it (population 19/22, intervention 40/48 (named
# 14/22), comparator 55/60 (named 17/20; kept empty on 1 of the 2 single-arm pages), outcome 57/62; registry 280/306 =
# 0.92, journal 118/123 = 0.96, aggregator 63/74 = 0.85, abstract 11/21 = 0.52: the two unlabelled abstracts, a title
# line above one paragraph, gave nothing at all).
# batch 23 held out, measured on the code at the start of its session: 503/555 = 0.91 (500/555 before three over-narrow
# expectations were corrected), written by a helper who never read the extractor (population 17/23, intervention 41/50,
# comparator 56/63, outcome 56/58; registry 273/297 = 0.92, journal 149/159 = 0.94, aggregator 66/76 = 0.87, abstract
# 15/23 = 0.65); its floor is left at 0.0 for the lead to set on the final code.
# batch 20: 514/546 = 0.94 after the fixes of the PICO classes its report named (group statements, other language
# first, condition-only populations, status badges, clusters randomised to deliver/use, results within a time), tested
# on examples written for the tests, none from its pages; its PICO classes are no longer held out.
# batch 22, 16 pages on those classes written before the extraction code was read or run on them: held out at 297/333 =
# 0.89 before the fixes (population 15/19, intervention 26/37, comparator 32/35, outcome 33/35), 318/333 = 0.95 after
# (population 16/19, intervention 37/37, comparator 35/35, outcome 34/35).
# batch 25, 18 abstracts in the plain-text forms reviewers paste or save (run-in or Title-case headings in one paragraph,
# unstructured paragraphs, PubMed's Abstract (text) save, publisher pages with a citation line, conference abstracts,
# e-mail forwards and replies, PDF text), written by a helper who never read the extractor, held out at 326/363 = 0.90,
# no expectation corrected (population 41/45, intervention 30/39, comparator 43/47, outcome 46/47; run-in capital
# headings 47/49, Title-case headings 34/34, unstructured 41/43, PubMed text save 68/77, publisher paste 42/46,
# conference 28/39, e-mail and PDF 66/75); its floor is left at 0.0 for the lead to set on the final code.
# batch 21 rose to 510/524 = 0.97 (floor raised from 0.90) with the registry-field fixes made from the lead's description
# of its non-PICO classes (title lines, values beside or below labels, actual dates, age bands, other records' ids, journal
# lines, labels in lists), its pages unread.
# batch 24, 13 pages on those classes written by the registry-fields helper before reading the extraction code: held out
# at 195/260 = 0.75 before any fix (ids 18/21, labels 110/155, layout 21/28, lists 17/22, vocab 29/34; registry 142/188,
# aggregator 41/57, journal 12/15), 254/260 = 0.98 after the fixes, which were made on it.
# On the round's final code (no fix made from either): batch 23 522/555 = 0.94 (population 20/23, intervention 42/50,
# comparator 57/63, outcome 57/58; registry 284/297, journal 149/159, aggregator 69/76, abstract 20/23), batch 25
# 326/363 = 0.90 as measured.
# batch 26, 20 pages written by a helper who never read the extractor (registries, journals, aggregators, pasted
# abstracts on ophthalmology, dermatology, obstetrics, occupational health, sports medicine, palliative care and digital
# health), held out at 458/477 = 0.96 on the code at the start of its session (455/477 before three over-narrow PICO
# expectations were widened; population 17/21, intervention 41/43, comparator 48/48, outcome 48/49; registry 216/221,
# journal 112/112, aggregator 73/78, abstract 57/66); its floor is left at 0.0 for the lead to set on the final code.
# The last fixer of round nine fixed the classes both batches still showed (no longer held out; tests on examples written for them, none
# copied from their pages): batch 23 rose from 522/555 = 0.94 to 532/555 = 0.96 (floor raised from 0.94), batch 25 from
# 326/363 = 0.90 to 356/363 = 0.98 (floor raised from 0.89) - meeting abstracts under their header lines, PubMed text
# saves whose citation wraps, block citations' journal and year, wrap marks (end-of-line hyphens, mail quote marks),
# structured abstracts' first section, prose arms and controls.
# batch 28, 16 pages on the classes batch 26 left (an e-mail note above a pasted abstract, aggregators' "+N authors"
# by-lines and their abstracts, journal lines without a label - CENTRAL's "Name, year, volume(issue), pages" and PubMed
# text and summary saves -, PACTR's table cells, a finder's "Device: X" / "Behavioural: Y" arms, ChiCTR's indicator
# rows, populations named across the sentence), written before the extraction code was read: held out at 303/355 =
# 0.85 on ee3e1e0 (300/355 before three over-narrow PICO expectations were widened; 301/351 on its final expectations,
# four "absent" PACTR categories dropped because batch 21 keeps categories as conditions), 341/351 = 0.97 after the
# fixes, which were made on it with tests on examples of their own; the same fixes moved batch 26 from 461 to 471/477,
# batch 23 from 532 to 535/555 and batch 21 from 519 to 520/524 (no expectation lost in batches 20-26).
# batch 26: 0.95 held out; 0.99 after round 11 fixed the classes its report named (from pages of batch 28, not its own).
# batch 27, 20 pages written by a helper who never read the extraction code, measured once on round 11's code: 479/533
# = 0.899; 488/533 after three of its classes were fixed (site links taken for titles, EU CTR's rows cell by cell, a badge below a long chrome).
BATCH_FLOORS = {1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0, 5: 1.0, 6: 0.99, 7: 0.98, 8: 0.98, 9: 0.95, 10: 0.94, 11: 0.98,
                12: 0.91, 13: 0.98, 14: 0.90, 15: 0.90, 16: 0.93, 17: 0.92, 18: 0.96, 19: 0.96, 20: 0.94, 21: 0.99,
                22: 0.96, 23: 0.95, 24: 0.97, 25: 0.98, 26: 0.97, 27: 0.90, 28: 0.97}


def page_text(name: str) -> str:
    """The page as the importer hands it to the extractor (HTML pages as their visible text)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    return html_to_text(text) if looks_like_html(text) else text


def _single_expectations(expected: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key, want in (expected.get("equals") or {}).items():
        out.append({"equals": {key: want}})
    for kind in ("contains", "absent"):
        for key, wants in (expected.get(kind) or {}).items():
            out.extend({kind: {key: [w]}} for w in wants)
    return out


def score() -> tuple[dict[str, tuple[int, int]], dict[str, list[str]]]:
    """(met, total) per class, and the failed expectations per page."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: dict[str, list[str]] = {}
    for name, expected in sorted(EXPECTED.items()):
        text = page_text(name)
        fields = extract(text, source=name)
        bad = check_evidence(fields, text)
        assert not bad, f"{name}: {bad}"
        tally = totals[expected["class"]]
        for single in _single_expectations(expected):
            problems = check(fields, single)
            tally[0] += not problems
            tally[1] += 1
            if problems:
                failures.setdefault(name, []).extend(problems)
    return {k: (v[0], v[1]) for k, v in totals.items()}, failures


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, tuple[int, int]], dict[str, list[str]]]:
    return score()


def test_every_page_has_expectations() -> None:
    pages = {p.name for p in CORPUS.glob("*.txt")}
    assert pages == set(EXPECTED)
    assert {e["class"] for e in EXPECTED.values()} == set(FLOORS)
    assert {e.get("batch", 1) for e in EXPECTED.values()} == set(BATCH_FLOORS)


@pytest.mark.parametrize("klass", sorted(FLOORS))
def test_class_floor(scored: tuple[dict[str, tuple[int, int]], dict[str, list[str]]], klass: str) -> None:
    met, total = scored[0][klass]
    assert met / total >= FLOORS[klass], f"{klass}: {met}/{total}\n" + "\n".join(
        f"{n}: {p}" for n, ps in scored[1].items() if EXPECTED[n]["class"] == klass for p in ps)


@pytest.mark.parametrize("batch", sorted(BATCH_FLOORS))
def test_batch_floor(scored: tuple[dict[str, tuple[int, int]], dict[str, list[str]]], batch: int) -> None:
    names = [n for n, e in EXPECTED.items() if e.get("batch", 1) == batch]
    total = sum(len(_single_expectations(EXPECTED[n])) for n in names)
    failed = sum(len(scored[1].get(n, [])) for n in names)
    assert (total - failed) / total >= BATCH_FLOORS[batch], "\n".join(
        f"{n}: {p}" for n in names for p in scored[1].get(n, []))


def _tally_by(group: str, batch: int | None = None) -> dict[str, tuple[int, int]]:
    """(met, total) per field ("field"), per layout family ("format") or per class, optionally of one batch."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, expected in sorted(EXPECTED.items()):
        if batch is not None and expected.get("batch", 1) != batch:
            continue
        text = page_text(name)
        fields = extract(text, source=name)
        for single in _single_expectations(expected):
            key = next(iter(next(v for k, v in single.items())))
            label = {"field": key, "format": expected.get("format", "-"), "class": expected["class"]}[group]
            out[label][0] += not check(fields, single)
            out[label][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def _print_tally(title: str, tally: dict[str, tuple[int, int]]) -> None:
    print(title)
    for label, (m, t) in sorted(tally.items()):
        print(f"  {label:18s} {m:3d}/{t:3d} = {m / t:.2f}")


if __name__ == "__main__":  # python tests/extraction/test_corpus.py [BATCH]: scores, every failure, by field
    only = int(sys.argv[1]) if len(sys.argv) > 1 else None
    totals, failures = score()
    for name, problems in failures.items():
        if only is None or EXPECTED[name].get("batch", 1) == only:
            for p in problems:
                print(f"{name}: {p}")
    met = sum(v[0] for v in totals.values())
    every = sum(v[1] for v in totals.values())
    for klass, (m, t) in sorted(totals.items()):
        print(f"{klass:8s} {m:3d}/{t:3d} = {m / t:.2f}")
    for batch in sorted({e.get("batch", 1) for e in EXPECTED.values()}):
        ok = n = 0
        for name, expected in EXPECTED.items():
            if expected.get("batch", 1) == batch:
                singles = _single_expectations(expected)
                n += len(singles)
                ok += len(singles) - len(failures.get(name, []))
        print(f"batch {batch}  {ok:3d}/{n:3d} = {ok / n:.2f}")
    print(f"overall  {met:3d}/{every:3d} = {met / every:.2f}")
    if only is not None:
        for group in ("class", "format", "field"):
            _print_tally(f"batch {only} by {group}", _tally_by(group, only))
