"""The held-out bibliographic corpus (bibliographic/): database exports' entries, PICO from the title and abstract.

Each file holds one entry in an export format (RIS, MEDLINE, EndNote XML, BibTeX, Web of Science, CSV). It is
read as ``curator extract`` reads it (the format's reader, then :func:`fill_entry_pico`) and each expectation is
scored on its own with the checks of extraction_expect. The floor is the share measured after the fixes: below it,
PICO of bibliographic entries has regressed. ``python tests/extraction/test_bibliographic_corpus.py`` prints the
score, by field and by format, and every failure.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parent)]  # run as a script too

from extraction_expect import check, check_evidence, load_expectations  # noqa: E402

from curator.extraction.entry_pico import fill_entry_pico  # noqa: E402
from curator.importers import Entry, read_path  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "bibliographic"
EXPECTED = load_expectations(CORPUS / "expected.json")
# Held out: batch 1 95/105 = 0.90 before any fix (the plumbing alone), 103/105 = 0.98 after its fixes; batch 2,
# written after those, 34/41 = 0.83 before any fix was tuned on it, 40/41 = 0.98 after its fixes; batch 3 (33 entries:
# uncommon headings, other databases' exports, other designs and fields), 114/148 = 0.77 before, 143/148 = 0.97 after;
# batch 4 (32 entries: one review's search export on SGLT2 inhibitors for heart failure, trials of many styles and the
# noise of a search, four without an abstract), 145/171 = 0.85 before any fix, the whole corpus then 432/465 = 0.93;
# batch 5 (26 entries on how abstracts state the population: DESIGN, SETTING, AND PARTICIPANTS, Participants,
# Population, 'Eligible participants are', a CENTRAL record's INCLUSION CRITERIA, background first sentences, children,
# older adults, caregivers, cluster trials, non-drug, diagnostic, cohort and animal studies, a title alone; title, year,
# journal and ids checked too), 251/283 = 0.89 before any fix and with the extraction code unread (population 57/68 =
# 0.84, 17 of 26 entries with every population expectation met; intervention 40/49, journal 20/25 as MEDLINE's full
# journal titles), 260/283 = 0.92 after its fixes (population 64/68 = 0.94; an entry's title alone still waits
# for its abstract, as the fill counts it).
# batch 6 (31 entries: a prehabilitation search exported from seven databases, also title, ids, journal, year and
# authors) held out, measured only: 340/366 = 0.93, written by a helper who never read the extractor, no fix tuned on
# it; batches 1-4 then 456/465 = 0.98, the whole corpus 796/831 = 0.96; batch 7 (32 entries: a search on hearing
# interventions and cognitive decline exported from seven databases, trials and a search's noise) held out, measured only:
# 344/371 = 0.93 (342/371 before two over-narrow expectations were widened), written by a second helper who never read
# the extractor, no fix tuned on it; the whole corpus then 1140/1202 = 0.95 (0.948); batch 8 (30 entries: a search on
# intravenous versus oral iron for anaemia in pregnancy exported from seven databases, trials and a search's noise) held
# out, measured only: 354/378 = 0.94 (0.937; 348/378 before six over-narrow expectations were widened: four journal
# abbreviations MEDLINE's full titles do not contain, a population and a comparator), written by a third helper who never
# read the extractor, no fix tuned on it (population 28/35, intervention 32/40, comparator 42/45, outcome 53/54); the
# whole corpus then 1755/1863 = 0.94 (0.942); batch 9 (30 entries: a search on non-pharmacological management of dental
# anxiety in children exported from PubMed (also its RIS and CSV), Embase (also Ovid), CENTRAL, Scopus, CINAHL, LILACS,
# BibTeX and Web of Science, trials and a search's noise) held out, measured only: 386/407 = 0.94 (0.948), written by a
# fourth helper who never read the extractor, no fix tuned on it, no expectation changed after scoring (population 29/35,
# intervention 42/50, comparator 49/51, outcome 66/66); the whole corpus then 2165/2270 = 0.95 (0.954).
# After the fixes of the arms' classes (long assignment sentences, listed arms of registry records, "received X, or Y
# only", stepped-wedge roll-outs, titles naming the control first, BibTeX text commands): batch 5 264/283, batch 6
# 357/366 (intervention and comparator of batches 5-6 then 0.93 and 0.98 of their expectations).
# batch 10 (24 structured registry records: CT.gov API v2 JSON 8, classic API JSON 3, classic XML 4, CT.gov CSV 2, EU CTR
# full text 4, WHO ICTRP XML of ANZCTR, CTRI and ChiCTR records 3; every stated field checked besides PICO) held out,
# measured only: 636/700 = 0.91 (0.909), written by a helper who never read the extractor or the importers, no fix tuned
# on it, every file read (population 19/28: the conditions list given for the people; intervention 30/50: every arm's
# intervention listed together, the comparator's among them; comparator 37/47: none from the CT.gov CSV, ICTRP and EU CTR
# comparator IMPs; outcome 66/68; by format ctgov-json 236/247, classic JSON 89/93, classic XML 111/115, ctgov-csv
# 54/67, euctr 83/97, ictrp-xml 63/81; min_age 16/24, max_age 16/21, completion_date 17/21, enrollment 21/24); the
# whole corpus then 2421/2563 = 0.94 (0.945).
# batch 11 (18 structured registry records: CT.gov API v2 JSON 6, classic API JSON 2, classic XML 3, CT.gov CSV 2,
# EU CTR full text 3, WHO ICTRP XML of PACTR and DRKS records 2; every stated field and the four PICO elements) held
# out, measured only: 514/524 = 0.98 (0.981; 513/524 before one over-narrow population was widened), written by a
# helper who never read the extractor or the importers, no fix tuned on it, every file read (population 18/19: a
# CSV row's conditions list given for the people; intervention 34/36 and comparator 31/34: a CSV row's and an ICTRP
# DRKS record's 'Arm 1:/Arm 2:' arms listed together with no comparator, a No Intervention arm's description for
# 'Usual care'; outcome 39/39; by format ctgov-json 184/184, classic JSON 62/62, classic XML 89/90, ctgov-csv 59/62,
# euctr 71/75, ictrp-xml 49/51; completion_date 13/16: no EU CTR 'P.Date of the global end of the trial' read,
# official_title 18/19); the whole corpus then 3391/3494 = 0.97 (0.971).
# batch 12 (30 entries: a search on lowering intraocular pressure and keeping treatment going in glaucoma, exported from
# PubMed (MEDLINE, XML, RIS, CSV), Embase, CENTRAL, CINAHL, Scopus (RIS, CSV), Web of Science, EndNote XML and BibTeX)
# held out, measured only: 429/446 = 0.96 (0.962; 427/446 before two over-narrow expectations were widened: an
# intervention and a population stated in other words), written by a helper who never read the extractor or the
# importers, no fix tuned on it (population 27/29, intervention 47/57, comparator 80/82, outcome 78/80; by format
# medline 107/110, pubmed-xml 60/64, ris 87/89, csv 53/55, endnote-xml 39/40, bibtex 27/28, wos 56/60; ids 51/52: a
# CENTRAL registry record's NCT number); the whole corpus then 3824/3940 = 0.97 (0.971).
FLOOR = 0.94
# Share of each batch's expectations met, as measured after the fixes (batches 6-12: held out, measured only).
BATCH_FLOORS = {1: 0.99, 2: 0.97, 3: 0.96, 4: 0.98, 5: 0.93, 6: 0.97, 7: 0.92, 8: 0.93, 9: 0.94, 10: 0.90, 11: 0.98, 12: 0.96}


def entry_of(name: str) -> Entry:
    """The file's one entry, with its PICO found as ``curator extract`` finds it."""
    items = list(read_path(CORPUS / name))
    assert len(items) == 1 and isinstance(items[0], Entry), f"{name}: {items}"
    entry = items[0]
    fill_entry_pico(entry.fields, entry.text)
    return entry


def singles(expected: dict[str, Any]) -> list[dict[str, Any]]:
    """One expectation per key and wanted string."""
    out: list[dict[str, Any]] = [{"equals": {k: v}} for k, v in (expected.get("equals") or {}).items()]
    for kind in ("contains", "absent"):
        for key, wants in (expected.get(kind) or {}).items():
            out.extend({kind: {key: [w]}} for w in wants)
    return out


def score() -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[str]]]:
    """(met, total) by field and by format, and the failed expectations per entry."""
    by_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_format: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: dict[str, list[str]] = {}
    for name, expected in sorted(EXPECTED.items()):
        entry = entry_of(name)
        bad = check_evidence(entry.fields, entry.text)
        assert not bad, f"{name}: {bad}"
        for single in singles(expected):
            key = next(iter(next(iter(single.values()))))
            problems = check(entry.fields, single)
            for tally in (by_field[key], by_format[expected["format"]]):
                tally[0] += not problems
                tally[1] += 1
            if problems:
                failures.setdefault(name, []).extend(problems)
    return by_field, by_format, failures


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[str]]]:
    return score()


def test_every_file_has_expectations() -> None:
    assert {p.name for p in CORPUS.iterdir() if p.name != "expected.json"} == set(EXPECTED)


def test_score_stays_above_its_floor(scored: tuple[dict[str, list[int]], dict[str, list[int]],
                                                   dict[str, list[str]]]) -> None:
    met = sum(v[0] for v in scored[0].values())
    total = sum(v[1] for v in scored[0].values())
    assert met / total >= FLOOR, "\n".join(f"{n}: {p}" for n, ps in scored[2].items() for p in ps)


@pytest.mark.parametrize("batch", sorted(BATCH_FLOORS))
def test_batch_stays_above_its_floor(scored: tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[str]]],
                                     batch: int) -> None:
    names = [n for n, e in EXPECTED.items() if e.get("batch", 1) == batch]
    total = sum(len(singles(EXPECTED[n])) for n in names)
    failed = sum(len(scored[2].get(n, [])) for n in names)
    assert (total - failed) / total >= BATCH_FLOORS[batch], "\n".join(
        f"{n}: {p}" for n in names for p in scored[2].get(n, []))


def pico_without_evidence(names: list[str]) -> list[tuple[str, str, str, str]]:
    """(file, element, value, words its evidence shows) for each PICO value whose evidence lacks its first word."""
    missing = []
    for name in names:
        entry = entry_of(name)
        for part, value in entry.fields["pico"].items():
            if value is not None:
                spans = entry.fields["evidence"].get(f"pico.{part}", [])
                shown = " ".join(entry.text[s:e] for s, e in spans)
                if value.split()[0].rstrip(";,").lower() not in shown.lower():  # "A; B": each item shown
                    missing.append((name, part, value, shown))
    return missing


def test_evidence_points_at_the_value_in_the_page() -> None:
    assert not pico_without_evidence(list(EXPECTED))


if __name__ == "__main__":
    fields, formats, failed = score()
    for name, problems in failed.items():
        for problem in problems:
            print(f"{name}: {problem}")
    for title, tally in (("by field", fields), ("by format", formats)):
        print(title)
        for label, (m, t) in sorted(tally.items()):
            print(f"  {label:18s} {m:3d}/{t:3d} = {m / t:.2f}")
    for batch in sorted({e.get("batch", 1) for e in EXPECTED.values()}):
        names = [n for n, e in EXPECTED.items() if e.get("batch", 1) == batch]
        every = sum(len(singles(EXPECTED[n])) for n in names)
        ok = every - sum(len(failed.get(n, [])) for n in names)
        print(f"batch {batch}  {ok:3d}/{every:3d} = {ok / every:.2f}")
    met, total = sum(v[0] for v in fields.values()), sum(v[1] for v in fields.values())
    print(f"overall  {met:3d}/{total:3d} = {met / total:.2f}")
