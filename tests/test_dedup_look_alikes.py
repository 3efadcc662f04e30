"""Duplicate finding on two documents a careless matcher takes for one (the adversarial look-alike classes of
``tests/benchmarks/dedup_classes_adversary.py``), each on a small hand-made case, and the one document each rule
must still recognise."""

from __future__ import annotations

import pytest

from curator.duplicates.evidence import SPELT_ALIKE, authors_agree
from curator.duplicates.look_alikes import different_words
from curator.duplicates.titles import generic_title, normalise_title
from tests.dedup_pairs import citation, link_between, linked

TITLE = "Home-based exercise and blood pressure in older adults with {}: a cohort study"


def _ref(record_id: int, title: str = TITLE.format("hypertension"), *, authors: tuple[str, ...] = ("Tam, L.",),
         year: int | None = 2015, journal: str = "Stroke", volume: str = "46", issue: str = "3",
         pages: str = "2085-2092", ids: tuple[str, ...] = ()):
    return citation(record_id, title, authors=authors, year=year, journal=journal, volume=volume, issue=issue,
                    pages=pages, ids=ids)


def _online(record_id: int, title: str, **given):
    """The record as a database gives it without volume, issue or pages (published online)."""
    return _ref(record_id, title, volume="", issue="", pages="", **given)


@pytest.mark.parametrize(("ours", "theirs"), [
    ("hypertension", "hypotension"), ("hyperthyroidism", "hypothyroidism"), ("preoperative", "postoperative"),
    ("men", "women"), ("male", "female"), ("increased", "decreased"), ("typical", "atypical"),
    ("smokers", "nonsmokers"), ("preeclampsia", "eclampsia"), ("losartan", "valsartan"),
    ("atorvastatin", "rosuvastatin"), ("omeprazole", "esomeprazole"), ("ofloxacin", "levofloxacin"),
    ("Austria", "Australia"), ("Iran", "Iraq"), ("Slovakia", "Slovenia"), ("prednisone", "prednisolone"),
    ("ilium", "ileum"), ("perineal", "peroneal"), ("reflex", "reflux"), ("dysphagia", "dysphasia"),
    ("facial", "fascial"), ("effect", "affect")])
def test_titles_one_look_alike_word_of_another_meaning_apart_are_two_documents(ours: str, theirs: str) -> None:
    assert different_words(ours.lower(), theirs.lower()) and different_words(theirs.lower(), ours.lower())
    assert link_between(_ref(1, TITLE.format(ours)), _online(2, TITLE.format(theirs))) is None


@pytest.mark.parametrize(("ours", "theirs"), [
    ("randomized", "randomised"), ("oesophageal", "esophageal"), ("behavior", "behaviour"), ("inhibitor", "inhibitors"),
    ("kharakteristika", "harakteristika"), ("aetiology", "etiology"), ("analysis", "analyses"),
    ("paediatric", "pediatric"), ("haemorrhage", "hemorrhage"), ("programme", "program"),
    ("obshchestvo", "obschestvo"), ("grey", "gray"), ("artefact", "artifact")])
def test_two_spellings_of_one_word_are_still_one_word(ours: str, theirs: str) -> None:
    assert not different_words(ours, theirs) and not different_words(theirs, ours)
    assert linked(_ref(1, TITLE.format(ours)), _online(2, TITLE.format(theirs)))


@pytest.mark.parametrize(("ours", "theirs"), [("Zhang", "Zheng"), ("Liang", "Jiang"), ("Meyer", "Mayer"),
                                              ("Andersen", "Anderson"), ("Smith", "Smyth")])
def test_first_authors_a_letter_apart_are_two_people_unless_another_author_is_shared(ours: str, theirs: str) -> None:
    centre = _ref(1, authors=(f"{ours}, Y.", "Okafor, C."))
    other_centre = _online(2, TITLE.format("hypertension"), authors=(f"{theirs}, Y.", "Moreau, L."))
    assert authors_agree(centre, other_centre) == SPELT_ALIKE
    unsure = link_between(centre, other_centre)  # a multi-centre trial's abstracts, one title: a reviewer decides
    assert unsure is not None and unsure.possible and "names differ" in unsure.method
    misspelt = _online(2, TITLE.format("hypertension"), authors=(f"{theirs}, Y.", "Okafor, C."))
    assert authors_agree(centre, misspelt) == "first author" and linked(centre, misspelt)
    # Other initials: two people.
    assert authors_agree(centre, _ref(2, authors=(f"{theirs}, K.",))) is None


def test_a_surname_with_its_umlaut_written_out_is_one_name_without_another_author() -> None:
    assert authors_agree(_ref(1, authors=("Müller, K.",)), _ref(2, authors=("Mueller, K.",))) == "first author"


def test_the_versions_of_a_cochrane_review_are_two_documents() -> None:
    title = "Exercise for hypertension in adults"
    old = _ref(1, title, year=2017, journal="Cochrane Database Syst Rev", volume="2017", issue="5", pages="CD001234",
               ids=("DOI:10.1002/14651858.CD001234.pub2",))
    update = _ref(2, title, year=2018, journal="Cochrane Database of Systematic Reviews", volume="2018", issue="",
                  pages="CD001234")
    assert link_between(old, update) is None
    # The same version from another database (no DOI), the same year: one document.
    assert linked(old, _ref(2, title, year=2017, journal="Cochrane Database of Systematic Reviews", volume="2017",
                            issue="5", pages="CD001234"))


@pytest.mark.parametrize("prefix", ["Comment on: ", "Commentary on ", "Re: ", "Response to: ", "Reply to: ",
                                    "In reply to ", "Letter to the editor regarding ", "Invited commentary: "])
def test_a_comment_or_reply_titled_with_the_articles_title_is_not_the_article(prefix: str) -> None:
    article = _ref(1)
    assert link_between(article, _online(2, prefix + TITLE.format("hypertension"))) is None
    assert link_between(article, _online(2, f'{prefix}"{TITLE.format("hypertension")}"')) is None


def test_a_record_with_nothing_but_a_title_is_only_possibly_the_paper() -> None:
    bare = _online(2, TITLE.format("hypertension"), authors=(), year=None, journal="")
    unsure = link_between(_ref(1), bare)
    assert unsure is not None and unsure.possible and "nothing but its title" in unsure.method
    # With its authors and year, the same title is the paper.
    assert linked(_ref(1), _online(2, TITLE.format("hypertension")))


@pytest.mark.parametrize("title", ["Introduction to the special issue", "Message from the editor-in-chief",
                                   "Editorial: the year in review", "Acknowledgement of reviewers this year"])
def test_an_editors_column_with_a_generic_title_in_two_issues_is_not_one_document(title: str) -> None:
    assert generic_title(normalise_title(title))
    first, second = _ref(1, title, issue="1", pages="1-2"), _online(2, title)
    second_issue = _ref(2, title, issue="2", pages="")
    assert link_between(first, second_issue) is None or link_between(first, second_issue).possible
    unsure = link_between(first, second)
    assert unsure is not None and unsure.possible and "generic" in unsure.method
    # The citation agrees: one document.
    assert linked(first, _ref(2, title, issue="1", pages="1-2"))


def test_a_title_with_words_of_its_own_is_not_generic() -> None:
    assert not generic_title(normalise_title("Introduction to the special issue on frailty in older adults"))


def test_a_trials_one_year_and_five_year_results_are_two_documents() -> None:
    one = _ref(1, "Tai chi for balance after stroke: 1-year results of a randomized trial")
    five = _online(2, "Tai chi for balance after stroke: five-year results of a randomized trial", year=2019)
    assert link_between(one, five) is None
    assert link_between(one, _online(2, "Tai chi for balance after stroke: 5-year results of a randomized trial")) \
        is None


def test_one_groups_abstracts_each_centres_lead_first_are_only_possibly_one_document() -> None:
    group = ("Okafor, C.", "Lindqvist, I.", "Moreau, L.")
    first, second = _ref(1, authors=group), _online(2, TITLE.format("hypertension"), authors=group[1:] + group[:1])
    unsure = link_between(first, second)
    assert unsure is not None and unsure.possible and "another order" in unsure.method
    # The citation agrees as well: one document, its authors listed otherwise.
    assert linked(first, _ref(2, authors=group[1:] + group[:1]))


def test_an_abstract_presented_again_the_next_year_is_not_the_first_one() -> None:
    first = _online(1, TITLE.format("hypertension"), year=2018)
    again = _ref(2, year=2019, issue="Suppl 1", pages="S123")
    assert link_between(first, again) is None or link_between(first, again).possible


def test_a_misspelt_single_author_with_the_whole_citation_agreeing_is_one_document() -> None:
    # The titles differ (one cut, other quotes), the surnames by a letter: the journal, volume, issue and pages agree.
    paper = _ref(1, TITLE.format("hypertension"), authors=("Hiessl, C.",))
    other = _ref(2, "Home exercise and blood pressure in older people with hypertension", authors=("Hiess, C.",))
    assert linked(paper, other)
