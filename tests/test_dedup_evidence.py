"""Duplicate finding on the classes of error seen in real exports, each on a small hand-made case.

False merges: the same title, year and first author, but another document (a guideline
co-published in several journals, a conference abstract and the later paper, a letter
and its reply, an erratum, an editorial column). Missed pairs: a database's title
decorations, case and punctuation, author formats, journal abbreviations, abbreviated
page ranges, a DOI on one side only, a title and its translation, a title without its subtitle.
"""

from __future__ import annotations

import pytest

from curator.duplicates.evidence import journals_agree
from curator.duplicates.keys import author_key, journal_words, page_range
from curator.duplicates.titles import normalise_title, strip_decorations
from tests.dedup_pairs import citation, link_between

TITLE = "Tai chi for balance and falls in older adults after stroke: a randomised controlled trial"


def _ref(record_id: int, title: str = TITLE, *, author: str = "Tam, L.-S.", year: int | None = 2015,
         journal: str = "Stroke", volume: str = "46", issue: str = "3", pages: str = "2085-2092",
         ids: list[str] | None = None):
    """A journal article as an importer gives it: fields, and the citation lines of its text."""
    return citation(record_id, title, authors=[author] if author else [], year=year, journal=journal, volume=volume,
                    issue=issue, pages=pages, ids=ids or [], author_line=True)


# -- false merges: one title, two documents

def test_a_guideline_co_published_in_two_journals_is_not_a_duplicate() -> None:
    assert link_between(_ref(1, journal="Stroke", volume="46", pages="2085-2092"),
                 _ref(2, journal="Journal of Rehabilitation Medicine", volume="47", pages="101-108")) is None


def test_a_conference_abstract_and_the_later_paper_are_not_duplicates() -> None:
    abstract = _ref(1, year=2011, journal="Stroke", volume="42", issue="11", pages="e618")
    paper = _ref(2, year=2012, journal="Topics in Stroke Rehabilitation", volume="19", issue="2", pages="158-171")
    assert link_between(abstract, paper) is None


def test_a_letter_and_its_reply_are_not_duplicates() -> None:
    letter = _ref(1, pages="2093")
    assert link_between(letter, _ref(2, TITLE + " - Reply", pages="2094")) is None
    # Without pages to tell them apart, the pair is only possible: a reviewer decides.
    unsure = link_between(_ref(1, pages=""), _ref(2, TITLE + " - Reply", pages=""))
    assert unsure is not None and unsure.possible and "reply" in unsure.method


def test_a_paper_and_its_erratum_are_not_duplicates() -> None:
    assert link_between(_ref(1, pages="2085-2092"), _ref(2, "Erratum: " + TITLE, issue="5", pages="2510")) is None
    assert link_between(_ref(1, pages="2085-2092"), _ref(2, pages="2510")) is None


def test_an_editorial_column_in_two_issues_is_not_a_duplicate() -> None:
    assert link_between(_ref(1, "Editor's comments", issue="1", pages=""), _ref(2, "Editor's comments", issue="2",
                                                                           pages="")) is None
    # A short, generic title with nothing in the citation to confirm it is only possible.
    unsure = link_between(_ref(1, "Editor's comments", volume="", issue="", pages=""),
                   _ref(2, "Editor's Comments", volume="", issue="", pages=""))
    assert unsure is not None and unsure.possible and "short" in unsure.method


def test_years_apart_without_a_citation_that_agrees_is_only_possible() -> None:
    unsure = link_between(_ref(1, year=2017, journal="International Conference on Information Systems", volume="",
                        issue="", pages=""),
                   _ref(2, year=2018, journal="Hawaii International Conference on System Sciences", volume="",
                        issue="", pages=""))
    assert unsure is not None and unsure.possible
    assert unsure.method == "possible: same title and first author; but the years differ and the journals differ"


# -- missed pairs: one document written two ways

@pytest.mark.parametrize("decorated", [
    TITLE + " [Review] [45 refs]",
    TITLE + " (Provisional abstract)",
    TITLE + ". [Chinese]",
    TITLE + " (multiple letters) [1]",
    TITLE + ".[Erratum appears in Stroke. 2016;47(2):e40]",
    "[" + TITLE + "]. [Russian]",
])
def test_a_database_decoration_is_not_part_of_the_title(decorated: str) -> None:
    assert normalise_title(decorated) == normalise_title(TITLE)
    link = link_between(_ref(1), _ref(2, decorated))
    assert link is not None and not link.possible and link.method.startswith("same title")


def test_a_reply_mark_is_taken_off_and_remembered() -> None:
    assert strip_decorations(TITLE + " - Reply") == (TITLE, True)
    assert strip_decorations("Re: " + TITLE) == ("Re: " + TITLE, False)
    # The same reply, marked in one database only: the citation says it is one document.
    link = link_between(_ref(1, TITLE + " - Reply", pages="2094"), _ref(2, TITLE, pages="2094"))
    assert link is not None and not link.possible


def test_case_and_punctuation_do_not_matter() -> None:
    link = link_between(_ref(1), _ref(2, TITLE.upper().replace(":", " -").replace("-", " ") + "."))
    assert link is not None and not link.possible
    assert normalise_title("Editor's comments") == normalise_title("Editor’s Comments") == "editors comments"
    assert normalise_title("Success & scale") == "success and scale"


@pytest.mark.parametrize("author", ["Tam, L.-S.", "Tam, L S", "Tam LS", "Tam, Lai-Shan", "L.-S. Tam"])
def test_author_formats_give_one_surname(author: str) -> None:
    assert author_key(author) == frozenset({"tam"})
    link = link_between(_ref(1, author="Tam, L.-S."), _ref(2, author=author))
    assert link is not None and not link.possible and "first author" in link.method


def test_an_inverted_or_misspelt_first_author_is_the_same_author() -> None:
    assert link_between(_ref(1, author="Wu, Ching-yi"), _ref(2, author="Ching-yi, Wu")) is not None
    assert link_between(_ref(1, author="Builova, T. V."), _ref(2, author="Bu?lova, T. V.")) is not None
    assert link_between(_ref(1, author="Smith, J."), _ref(2, author="Jones, J.")) is None


@pytest.mark.parametrize(("full", "short"), [
    ("Journal of Rehabilitation Medicine", "J Rehabil Med"),
    ("Archives of Physical Medicine and Rehabilitation", "Arch. Phys. Med. Rehabil."),
    ("Drugs & Aging", "Drugs and Aging"),
    ("Zhongguo Zhen Jiu [Chinese Acupuncture & Moxibustion]", "Zhongguo zhenjiu"),
    ("PROCEEDINGS OF THE 11TH EUROPEAN CONFERENCE ON INFORMATION SYSTEMS MANAGEMENT (ECISM )",
     "European Conference on Information Systems Management, ECISM"),
])
def test_a_journal_and_its_abbreviation_agree(full: str, short: str) -> None:
    assert journals_agree(journal_words(full), journal_words(short))
    link = link_between(_ref(1, journal=full, volume="", pages=""), _ref(2, journal=short, volume="", pages=""))
    assert link is not None and not link.possible and "journal" in link.method


def test_different_journals_do_not_agree() -> None:
    assert not journals_agree(journal_words("Stroke"), journal_words("Topics in Stroke Rehabilitation"))
    assert not journals_agree(journal_words("Brain Injury"), journal_words("Brain Research"))


def test_an_abbreviated_page_range_is_the_same_range() -> None:
    assert page_range("2085-8") == page_range("2085-2088") == ("2085", "2088")
    assert page_range("e8-e9") == ("e8", "e9") and page_range("35+") == ("35", "")
    link = link_between(_ref(1, pages="2085-2088"), _ref(2, pages="2085-8"))
    assert link is not None and not link.possible and link.method.endswith("pages")


def test_a_doi_on_one_side_only_does_not_stop_the_match() -> None:
    link = link_between(_ref(1, ids=["DOI:10.1161/strokeaha.115.009"]), _ref(2, TITLE.lower()))
    assert link is not None and not link.possible


def test_a_title_and_its_translation_with_one_citation_are_one_document() -> None:
    english = _ref(1, "Platform economy and crowdworking as challenges for the German model", author="Greef, S.",
                   journal="Industrielle Beziehungen", volume="27", pages="205-226")
    german = _ref(2, "Plattformokonomie und Crowdworking als Herausforderungen fur das deutsche Modell",
                  author="Greef, Samuel", journal="Industrielle Beziehungen", volume="27", pages="205-226")
    link = link_between(english, german)
    assert link is not None and not link.possible and link.method.startswith("same citation")
    # Another first author on the same page (a supplement of abstracts) is another document.
    assert link_between(english, _ref(3, german.title_key, author="Other, A.", journal="Industrielle Beziehungen",
                               volume="27", pages="205-226")) is None


def test_a_title_without_its_subtitle_needs_the_citation() -> None:
    full = "Diminished control in crowdsourcing: an investigation of crowdworker multitasking behavior"
    link = link_between(_ref(1, full, pages="1-29"), _ref(2, "Diminished Control in Crowdsourcing", pages="1-29"))
    assert link is not None and not link.possible and link.method.startswith("same main title")
    assert link_between(_ref(1, full, pages="1-29", journal="CHI"),
                 _ref(2, "Diminished control in crowdsourcing", volume="", pages="", journal="ICIS")) is None


def test_an_article_number_and_a_first_page_are_two_ways_to_cite_one_article() -> None:
    link = link_between(_ref(1, pages="e0123456"), _ref(2, pages="1-12"))
    assert link is not None and not link.possible
    assert link_between(_ref(1, pages="e8-e9"), _ref(2, pages="e3")) is None  # two abstracts of one supplement


def test_a_journal_and_its_acronym_agree() -> None:
    assert journals_agree(journal_words("BMJ"), journal_words("British Medical Journal"))
    assert journals_agree(journal_words("JAMA"), journal_words("Journal of the American Medical Association"))
    assert not journals_agree(journal_words("BMJ"), journal_words("Brain Research"))
