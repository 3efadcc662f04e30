"""Journal and year of a page without a citation line: a masthead known by what is under it (an issue line that
starts with its year, an article-type badge), a masthead in capitals, an aggregator's source line."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_BODY = ("\n\nColchicine after bypass surgery: a randomized trial\nIvan Petrov, Anna Smirnova\n\n"
         "Abstract\nPatients were randomized to colchicine or standard therapy alone. The primary endpoint was atrial "
         "fibrillation.\n")


@pytest.mark.parametrize(("masthead", "issue", "journal", "year"), [
    ("Кардиология / Kardiologiia", "2019, Том 59, № 7, С. 24-31", "Kardiologiia", 2019),
    ("中国针灸 Chinese Acupuncture & Moxibustion", "2021年 第41卷 第3期 页码：265-269",
     "Chinese Acupuncture & Moxibustion", 2021),
])
def test_a_masthead_in_the_pages_script_over_an_issue_line_gives_its_latin_name_and_year(
        masthead: str, issue: str, journal: str, year: int) -> None:
    f = extract(f"Library   Search   Login\n{masthead}\n{issue}\n" + _BODY)
    assert (f["journal"], f["year"]) == (journal, year)


@pytest.mark.parametrize("name", ["Nutrients", "Cancers", "Viruses"])
def test_one_word_over_an_article_badge_is_the_journal(name: str) -> None:
    f = extract(f"MDPI\nJournals  Topics  Information\n\n{name}\nOpen Access Article\n" + _BODY)
    assert f["journal"] == name


def test_a_masthead_in_capitals_is_the_journal_and_a_servers_motto_is_not() -> None:
    assert extract("THE LANCET\nLog in | Register | Subscribe\n" + _BODY)["journal"] == "The Lancet"
    assert extract("THE PREPRINT SERVER FOR HEALTH SCIENCES\nHome | Submit | FAQ\n" + _BODY)["journal"] is None


@pytest.mark.parametrize(("line", "journal", "year"), [
    ("Journal of Affective Disorders 281 · December 2020", "Journal of Affective Disorders", 2020),
    ("Published in European Respiratory Journal 1 March 2021", "European Respiratory Journal", 2021),
    ("Article in Clinical Rehabilitation 35(4) · April 2021", "Clinical Rehabilitation", 2021),
])
def test_an_aggregators_source_line_gives_journal_and_year(line: str, journal: str, year: int) -> None:
    f = extract("Colchicine after bypass surgery: a randomized trial\n" + line + "\nDOI: 10.1016/j.jad.2020.11.098\n"
                "Authors:\nIvan Petrov\n\nAbstract\nPatients were randomized to colchicine or standard therapy.\n")
    assert (f["journal"], f["year"]) == (journal, year)
