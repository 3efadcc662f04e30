"""Letters, editorials, errata and comments without an abstract get no PICO from their title; a title-only research
letter that names its trial keeps what its title states. Entries written here, none from the corpus."""

from __future__ import annotations

from typing import Any

import pytest

from curator.extraction.entry_pico import fill_entry_pico
from curator.importers.medline import to_entry


def pico_of(title: str, kind: str | None = None, abstract: str | None = None) -> dict[str, Any]:
    """The PICO of a MEDLINE entry with this title, publication type and abstract."""
    tags = {"PMID": ["1"], "TI": [title], "TA": ["J Examples"], "DP": ["2021"], "PT": [kind or "Journal Article"]}
    if abstract:
        tags["AB"] = [abstract]
    entry = to_entry(tags, "test.nbib#1")
    fill_entry_pico(entry.fields, entry.text)
    return entry.fields["pico"]


@pytest.mark.parametrize("title", [
    "Erratum: Metformin for gestational diabetes in women with obesity",
    "Correction to: Zinc lozenges for the common cold in adults",
    "Reply: Statins in patients with chronic kidney disease",
    "Comment on: Vitamin D for fractures in older women",
])
def test_a_notice_title_gives_no_pico(title: str) -> None:
    assert all(value is None for value in pico_of(title).values())


def test_an_editorial_type_without_an_abstract_gives_no_pico() -> None:
    pico = pico_of("Statins: the cornerstone of stroke prevention in patients with diabetes", kind="Editorial")
    assert all(value is None for value in pico.values())


def test_a_title_only_letter_naming_its_trial_keeps_its_pico() -> None:
    pico = pico_of("Colchicine versus placebo in patients with gout: a randomized pilot trial", kind="Letter")
    assert pico["intervention"] == "Colchicine" and pico["comparator"] == "placebo"


def test_a_title_only_article_keeps_its_pico() -> None:
    assert pico_of("Statins in patients with chronic kidney disease")["population"] is not None


def test_an_abstract_keeps_a_letter_title_read() -> None:
    pico = pico_of("Letter: a pilot of zinc for colds", abstract="We randomly assigned 80 adults with a cold to zinc "
                   "lozenges or placebo. The primary outcome was the duration of the cold.")
    assert pico["outcome"] is not None
