"""Duplicate finding on citations another database writes differently, each on a hand-made case and its look-alike.

One document: a title cut short with an ellipsis, or cut before the numbers at its end; a paper given the year
it was published online, two or more years before its issue, with the same volume and pages; a first author a
database lost; an issue mistyped under the same volume and range of pages; a conference paper cited the year
after under its series' name with the pages it had. Two documents: another paper that begins with the words
before the ellipsis, a paper republished in another volume years later, a column printed on the same pages of
each issue, one author's two papers on the same pages of two issues, two first authors both written "et al.".
"""

from __future__ import annotations

from curator.duplicates.keys import author_key
from tests.dedup_pairs import citation, link_between, linked

TITLE = "Effects of a home-based exercise programme on falls and balance in older adults living alone"
LONG = (TITLE + ": a cluster randomised controlled trial in general practices of three regions with long-term "
        "follow-up of the participants, their carers and the costs to the health services in 2015-2018")


def _ref(record_id: int, title: str = TITLE, *, authors: tuple[str, ...] = ("Lindqvist, A.",),
         year: int | None = 2015, journal: str = "Age and Ageing", volume: str = "44", issue: str = "3",
         pages: str = "441-448"):
    return citation(record_id, title, authors=authors, year=year, journal=journal, volume=volume, issue=issue,
                    pages=pages)


# -- titles cut short

def test_a_title_cut_with_an_ellipsis_is_the_whole_title() -> None:
    cut = _ref(2, TITLE[:84] + "...", volume="", issue="", pages="")
    assert cut.cut and not _ref(1).cut
    link = link_between(_ref(1), cut)
    assert link is not None and not link.possible and link.method.startswith("same title cut short")
    assert linked(_ref(1), _ref(2, TITLE[:84] + "\u2026", volume="", issue="", pages=""))


def test_a_few_words_before_an_ellipsis_need_the_citation() -> None:
    few = TITLE[:48] + "..."  # "Effects of a home-based exercise programme on fa..."
    # With the journal, year and first author only: possible; with the pages: one document.
    unsure = link_between(_ref(1), _ref(2, few, volume="", issue="", pages=""))
    assert unsure is not None and unsure.possible
    assert linked(_ref(1), _ref(2, few, issue="", pages="441-8"))
    # Another paper that begins with those words, on other pages: two documents.
    other = TITLE[:48] + "tigue in care homes: a pilot study"
    assert link_between(_ref(1, other, pages="512-519"), _ref(2, few, issue="", pages="441-8")) is None


def test_a_title_cut_mid_word_at_a_shorter_length_needs_the_citation() -> None:
    cut = TITLE[:84]  # "... older adults livi"
    assert cut[-1] != " " and TITLE[84] != " "
    assert linked(_ref(1), _ref(2, cut, issue="", pages="441-8"))
    unsure = link_between(_ref(1), _ref(2, cut, volume="", issue="", pages=""))
    assert unsure is not None and unsure.possible and unsure.method.startswith("same title cut short")


def test_a_title_cut_before_the_numbers_at_its_end_is_the_whole_title_if_the_citation_agrees() -> None:
    assert len(LONG) > 250
    link = link_between(_ref(1, LONG), _ref(2, LONG[:250], issue="", pages="441-8"))
    assert link is not None and not link.possible
    assert link.method.startswith("same title cut short before its numbers")
    # Without the pages, the numbers cut off may have been all that told two documents apart: only possible.
    unsure = link_between(_ref(1, LONG), _ref(2, LONG[:250], volume="", issue="", pages=""))
    assert unsure is not None and unsure.possible


def test_two_parts_cut_at_one_length_are_still_two_documents() -> None:
    part1, part2 = LONG + ". Part 1", LONG + ". Part 2"
    assert link_between(_ref(1, part1), _ref(2, part2[:250], issue="4", pages="512-519")) is None
    unsure = link_between(_ref(1, part1), _ref(2, part2[:250], volume="", issue="", pages=""))
    assert unsure is not None and unsure.possible


# -- years apart

def test_years_apart_with_the_same_volume_and_first_page_are_one_document() -> None:
    online = _ref(2, year=2012)  # the year one database gives: when it was published online
    link = link_between(_ref(1, year=2015), online)
    assert link is not None and not link.possible and "volume" in link.method and "pages" in link.method


def test_years_apart_in_another_volume_or_without_one_are_two_documents() -> None:
    assert link_between(_ref(1, year=2015), _ref(2, year=2019, volume="48", pages="441-448")) is None
    assert link_between(_ref(1, year=2015, pages="1-4"), _ref(2, year=2019, volume="", issue="", pages="1-3")) is None
    assert link_between(_ref(1, year=2015), _ref(2, year=2012, volume="", issue="", pages="")) is None


def test_a_conference_paper_under_its_series_name_the_year_after_is_one_document() -> None:
    conference = _ref(1, journal="Proceedings of the 12th International Conference on Health Informatics",
                      year=2019, volume="", issue="", pages="45-60")
    series = _ref(2, journal="Lecture Notes in Computer Science", year=2020, volume="11234", issue="",
                  pages="45-60")
    link = link_between(conference, series)
    assert link is not None and not link.possible
    # On another page (another paper of the meeting with that title would be): no more than possible.
    other = link_between(conference, _ref(2, journal="Lecture Notes in Computer Science", year=2020, volume="11234",
                                   issue="", pages="61"))
    assert other is None or other.possible


# -- author lists

def test_a_first_author_a_database_lost_is_the_same_list() -> None:
    full = ("Lindqvist, A.", "Okafor, C.", "Haddad, M.", "Rossi, T.")
    link = link_between(_ref(1, authors=full), _ref(2, authors=full[1:], volume="", issue="", pages=""))
    assert link is not None and not link.possible and "authors" in link.method
    # Only the second name in common: another paper's list.
    assert link_between(_ref(1, authors=full), _ref(2, authors=("Okafor, C.", "Berg, P."))) is None


def test_et_al_is_no_one_s_surname() -> None:
    assert author_key("Smith J et al.") == frozenset({"smith"})
    assert link_between(_ref(1, authors=("Smith J et al.",)), _ref(2, authors=("Tanaka B et al.",))) is None
    assert linked(_ref(1, authors=("Smith J et al.",)), _ref(2, authors=("Smith, J.", "Berg, P.")))


# -- issue

def test_an_issue_mistyped_under_the_same_volume_and_pages_is_one_document() -> None:
    assert linked(_ref(1, issue="3"), _ref(2, issue="2"))
    # Not with one page only, nor under another volume.
    assert link_between(_ref(1, issue="3", pages="441"), _ref(2, issue="2", pages="441")) is None
    assert link_between(_ref(1, issue="3"), _ref(2, volume="45", issue="2")) is None


def test_a_column_and_one_author_s_papers_on_the_same_pages_of_two_issues_are_two_documents() -> None:
    assert link_between(_ref(1, "President's message", issue="3", pages="1-2"),
                 _ref(2, "President's message", issue="4", pages="1-2")) is None
    # A journal that paginates each issue anew prints one author's two papers on the same pages.
    other = "Platform labour and precarious employment in the gig economy: rating and ranking systems"
    assert link_between(_ref(1, issue="3"), _ref(2, other, issue="4")) is None
