"""PubMed's "Abstract (text)" save format: one file of numbered records, each its own entry."""

from __future__ import annotations

import textwrap
from pathlib import Path

from curator.importers import Entry, Problem, read_path


def _record(n: int, title: str, pmid: int) -> str:
    """A record as PubMed's "Abstract (text)" save writes it: each block wrapped at 80 columns."""
    def wrapped(block: str) -> str:
        return "\n".join(textwrap.wrap(block, 80))

    sections = [
        f"OBJECTIVE: To test whether {title.lower()} reduces delirium after hip fracture surgery in adults aged 70 "
        "years or older admitted from home or from residential care.",
        "DESIGN: Randomised controlled trial in two orthopaedic wards of a teaching hospital, with outcome assessors "
        "blinded to the allocation of each patient.",
        f"INTERVENTION: {title} delivered by ward nurses for five days after surgery, with a short daily record of "
        "what was done. Controls received usual care.",
        "MAIN OUTCOME MEASURES: The primary outcome was incident delirium within five days of surgery, assessed twice "
        "daily with the 4AT by nurses who did not deliver the intervention.",
        "RESULTS: Delirium was less frequent with the intervention than with usual care in both wards.",
    ]
    return "\n\n".join([
        f"{n}. J Clin Nurs. 20{10 + n} Jun;{20 + n}(11):2201-2210. doi: 10.1111/jocn.{12000 + n}.",
        wrapped(f"{title} in older adults after hip fracture surgery: a randomised controlled trial."),
        wrapped("Okafor N(1), Lindahl E, Brennan S, Marsh K, Oduya B, Petrakis N, Quinlan S, Ferraro D, "
                "Lindqvist M, Achterberg P."),
        "Author information:\n(1)School of Nursing, University of Westport, Westport, UK.",
        "\n".join(wrapped(section) for section in sections),
        f"PMID: {pmid}",
    ]) + "\n"


def test_each_numbered_record_is_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "pubmed-search.txt"
    titles = ["Nurse-led reorientation", "Early mobilisation", "Family visiting"]
    path.write_text("\n\n".join(_record(n, t, 31000000 + n) for n, t in enumerate(titles, start=1)), encoding="utf-8")
    items = list(read_path(path))
    entries = [i for i in items if isinstance(i, Entry)]
    assert [e.source for e in entries] == ["pubmed-search.txt#1", "pubmed-search.txt#2", "pubmed-search.txt#3"]
    assert [e.fields["title"].split(" in older")[0] for e in entries] == titles
    assert "PMID:31000002" in entries[1].fields["ids"]
    assert entries[2].fields["pico"]["comparator"] == "usual care"
    assert all(e.source_kind == "database" and e.source_name == "PubMed" for e in entries)


def test_a_record_without_a_title_is_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "pubmed-search.txt"
    broken = "2. J Clin Nurs. 2012 Jun;22(11):1.\n\nPMID: 31000002\n"
    path.write_text(_record(1, "Early mobilisation", 31000001) + "\n\n" + broken + "\n\n"
                    + _record(3, "Family visiting", 31000003), encoding="utf-8")
    items = list(read_path(path))
    assert [i.source for i in items if isinstance(i, Entry)] == ["pubmed-search.txt#1", "pubmed-search.txt#3"]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(problems) == 1 and problems[0].position.startswith("record 2, line")


def test_a_plain_text_page_is_not_taken_for_a_pubmed_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("1. Introduction 2019\n\nWe describe the service.\n", encoding="utf-8")
    items = list(read_path(path))
    assert all(not isinstance(i, Entry) or i.source == "notes.txt" for i in items)
