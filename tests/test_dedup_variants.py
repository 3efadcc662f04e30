"""Duplicate finding on what exports from other fields and databases write differently, each class on a hand-made
case, and each checked against the look-alike documents that must stay apart.

One document written two ways: HTML markup, Greek letters printed or spelt out, letters without an accent to
drop (ø, ß), British and American spelling, numbers as words, Roman numerals, a title cut short, an anonymous or
group first author, surname particles, journal abbreviations that drop letters, a paper online a year before
its issue. Two documents: a meeting abstract and the paper online first, a preprint and the published paper.
"""

from __future__ import annotations

import pytest

from curator.duplicates.evidence import journals_agree
from curator.duplicates.keys import author_key, journal_words, people
from curator.duplicates.titles import normalise_title
from curator.identifiers import canonical_doi
from tests.dedup_pairs import citation, link_between, linked

TITLE = "Exercise training and quality of life in older adults with heart failure: a randomised controlled trial"


def _ref(record_id: int, title: str = TITLE, *, authors: tuple[str, ...] = ("Nielsen, K.",), year: int | None = 2015,
         journal: str = "Journal of Applied Gerontology", volume: str = "34", issue: str = "2",
         pages: str = "155-170", ids: tuple[str, ...] = ()):
    return citation(record_id, title, authors=authors, year=year, journal=journal, volume=volume, issue=issue,
                    pages=pages, ids=ids)


# -- titles in one spelling

def test_html_markup_is_not_part_of_the_title() -> None:
    marked = "Biofilms of <i>Escherichia coli</i> &amp; <i>Klebsiella</i> in m<sup>2</sup> of hospital surfaces"
    plain = "Biofilms of Escherichia coli and Klebsiella in m2 of hospital surfaces"
    assert normalise_title(marked) == normalise_title(plain)
    assert linked(_ref(1, plain), _ref(2, marked))
    assert normalise_title("Outcomes when p < 0.05 and n > 10") == "outcomes when p 0 05 and n 10"


def test_a_greek_letter_and_its_name_are_one_word() -> None:
    assert normalise_title("α-Synuclein and β-amyloid in TGF-β1 signalling") == normalise_title(
        "alpha-Synuclein and beta-amyloid in TGF-beta1 signaling")
    title = "Alpha-synuclein seeding in the skin of patients with Parkinson disease"
    assert linked(_ref(1, title, volume="", pages=""), _ref(2, title.replace("Alpha-", "α-"), volume="", pages=""))
    # Another letter is another molecule.
    assert link_between(_ref(1, title, volume="", pages=""), _ref(2, title.replace("Alpha-", "β-"), volume="",
                                                          pages="")) is None


def test_letters_without_an_accent_to_drop_have_one_spelling() -> None:
    assert normalise_title("Grundschüler in der Straße") == normalise_title("Grundschuler in der Strasse")
    assert author_key("Ørsted, Søren") == author_key("Orsted, S.") == frozenset({"orsted"})


@pytest.mark.parametrize(("british", "american"), [
    ("Randomised trial of behaviour change in paediatric oesophageal tumours",
     "Randomized trial of behavior change in pediatric esophageal tumors"),
    ("Modelling labour and the colour of haemorrhage at a trauma centre",
     "Modeling labor and the color of hemorrhage at a trauma center"),
    ("Analysed ageing programmes: a catalogue of anaemia and organisation",
     "Analyzed aging programs: a catalog of anemia and organization"),
])
def test_british_and_american_spelling_are_one_title(british: str, american: str) -> None:
    assert normalise_title(british) == normalise_title(american)
    assert linked(_ref(1, american, volume="", pages=""), _ref(2, british, volume="", pages=""))


def test_spelling_folds_leave_other_words_alone() -> None:
    assert normalise_title("Four hours on your tour") == "4 hours on your tour"
    assert normalise_title("Filled and filed claims") != normalise_title("Filed and filed claims")


def test_numbers_as_words_and_roman_numerals_are_numbers() -> None:
    assert normalise_title("Two-year outcomes of type II diabetes: phase III") == normalise_title(
        "2-year outcomes of type 2 diabetes: phase 3")
    title = "year outcomes of metformin in type {} diabetes among adolescents in primary care"
    assert linked(_ref(1, "Two-" + title.format("II"), volume="", pages=""),
                   _ref(2, "2-" + title.format("2"), volume="", pages=""))
    # Other numbers are other documents, however the number is written.
    assert link_between(_ref(1, "Two-" + title.format("II"), volume="", pages=""),
                 _ref(2, "Three-" + title.format("II"), volume="", pages="")) is None
    assert link_between(_ref(1, "2-" + title.format("I"), volume="", pages=""),
                 _ref(2, "2-" + title.format("II"), volume="", pages="")) is None
    assert normalise_title("Vitamin D and Hepatitis B in Part of a cohort") == "vitamin d and hepatitis b in part of a cohort"


def test_a_leading_article_is_not_part_of_the_title() -> None:
    assert normalise_title("The effect of yoga on sleep") == normalise_title("Effect of yoga on sleep")
    assert linked(_ref(1, "The effect of yoga on sleep in nurses", volume="", pages=""),
                   _ref(2, "Effect of yoga on sleep in nurses", volume="", pages=""))
    assert normalise_title("A cure") == "a cure"  # (a title of two words keeps them)


# -- a title cut short

LONG = ("Effects of a multicomponent exercise programme combining resistance, balance and walking training, delivered "
        "at home by physiotherapists, on falls, fear of falling, physical function and quality of life in "
        "community-dwelling older adults after hip fracture surgery: a pragmatic randomised controlled trial")


def test_a_title_cut_short_by_a_database_is_the_whole_title() -> None:
    cut = LONG[:250]
    assert not LONG[250:].startswith(" ")  # cut in the middle of a word
    link = link_between(_ref(1, LONG, volume="", pages=""), _ref(2, cut, volume="", pages=""))
    assert link is not None and not link.possible and link.method.startswith("same title cut short")
    # Cut between two words, long enough not to be a main title.
    assert linked(_ref(1, LONG, volume="", pages=""), _ref(2, LONG[:LONG.rfind(" ", 0, 250)], volume="", pages=""))
    # A cut title is still weighed: another volume and pages are another document (a co-published guideline).
    assert link_between(_ref(1, LONG), _ref(2, cut, journal="Age and Ageing", volume="50", pages="1-12")) is None


def test_a_short_beginning_is_not_a_title_cut_short() -> None:
    whole = "Exercise for depression in older adults living in residential care: a cluster trial"
    assert link_between(_ref(1, whole, volume="", pages="", journal=""),
                 _ref(2, "Exercise for depression in older adul", volume="", pages="", journal="")) is None
    # A title that ends in a word the other only begins with ("child", "children") is another title.
    start = "Effects of a school-based physical activity programme on bone health and fitness of the child"
    assert link_between(_ref(1, start + "ren in rural Kenya: a cluster randomised trial", volume="", pages="", journal=""),
                 _ref(2, start, volume="", pages="", journal="")) is None


# -- authors

def test_an_anonymous_or_group_first_author_is_not_a_person() -> None:
    assert people(["Anonymous"]) == [] and people(["[No authors listed]", "Smith, J."]) == ["Smith, J."]
    assert people(["Smith, J.", "Stroke Study Group"]) == ["Smith, J.", "Stroke Study Group"]
    assert people(["WHO Study Group", "The ASPIRE Investigators", "Groupman, A."]) == ["Groupman, A."]
    assert linked(_ref(1), _ref(2, authors=("Anonymous",)))
    link = link_between(_ref(1), _ref(2, authors=("Heart Failure Trialists' Collaboration", "Nielsen, K.")))
    assert link is not None and not link.possible and "first author" in link.method
    # People who differ still differ behind a group.
    assert link_between(_ref(1), _ref(2, authors=("Writing Committee for the HF-ACTION Trial", "Jensen, P."))) is None


@pytest.mark.parametrize("written", ["Berg, A. van der", "Anna van der Berg", "Van Der Berg A", "vanderBerg A",
                                     "van der Berg, Anna"])
def test_a_surname_with_particles_is_one_surname(written: str) -> None:
    assert not author_key("van der Berg, Anna").isdisjoint(author_key(written))
    assert linked(_ref(1, authors=("van der Berg, Anna",)), _ref(2, authors=(written,)))


def test_a_particle_alone_does_not_make_two_surnames_one() -> None:
    assert author_key("van Dijk, J.").isdisjoint(author_key("van Berg, J."))
    assert link_between(_ref(1, authors=("van Dijk, J.",)), _ref(2, authors=("van Berg, J.",))) is None


# -- journals and identifiers

@pytest.mark.parametrize(("full", "short"), [
    ("Proceedings of the National Academy of Sciences of the United States of America", "Proc Natl Acad Sci U S A"),
    ("Journal of Management Information Systems", "J. Manage. Inf. Syst."),
    ("International Journal of Nursing Studies", "Int J Nurs Stud"),
    ("Journal of Environmental Management", "J Environ Manage"),
])
def test_abbreviations_that_drop_letters_inside_a_word_agree(full: str, short: str) -> None:
    assert journals_agree(journal_words(full), journal_words(short))


def test_dropped_letters_do_not_make_other_journals_agree() -> None:
    assert not journals_agree(journal_words("J Med Chem"), journal_words("Journal of Molecular Catalysis"))
    assert not journals_agree(journal_words("Brain Res"), journal_words("Brain Injury"))


def test_a_doi_written_as_a_link_in_capitals_is_the_same_doi() -> None:
    link_doi, bare = canonical_doi("https://doi.org/10.1177/0733464813ABC."), canonical_doi("10.1177/0733464813abc")
    assert link_doi == bare
    link = link_between(_ref(1, ids=(bare,)), _ref(2, TITLE.upper(), ids=(link_doi,), volume="", pages=""))
    assert link is not None and link.method.startswith("same id")


# -- a year apart, abstracts and preprints

def test_a_paper_online_a_year_before_its_issue_is_one_document() -> None:
    online = _ref(1, year=2014, volume="", issue="", pages="")
    link = link_between(online, _ref(2, year=2015))
    assert link is not None and not link.possible and "online a year before the issue" in link.method
    # Without the journal to confirm it, only possible.
    unsure = link_between(_ref(1, year=2014, volume="", issue="", pages="", journal=""), _ref(2, year=2015))
    assert unsure is not None and unsure.possible


def test_a_meeting_abstract_and_the_paper_online_first_are_not_one_document() -> None:
    abstract = _ref(1, year=2014, volume="33", issue="Suppl 1", pages="S45")
    online_later = _ref(2, year=2015, volume="", issue="", pages="")
    assert not linked(abstract, online_later)
    online_same_year = _ref(2, year=2014, volume="", issue="", pages="")
    unsure = link_between(abstract, online_same_year)
    assert unsure is not None and unsure.possible and "supplement" in unsure.method


def test_a_preprint_and_the_published_paper_are_two_reports() -> None:
    preprint = _ref(1, journal="medRxiv", volume="", issue="", pages="")
    assert link_between(preprint, _ref(2)) is None
    assert link_between(_ref(1, journal="Research Square", volume="", issue="", pages=""), _ref(2)) is None
    # The same preprint from two databases is one record.
    assert linked(preprint, _ref(2, TITLE.upper(), journal="MedRxiv", volume="", issue="", pages=""))


def test_a_year_given_as_the_volume_is_no_volume() -> None:
    title = "How an introverted engineer learned to lead a company of remote freelancers"
    magazine = _ref(1, title, year=2016, journal="Harvard Business Review", volume="2016", issue="May", pages="")
    assert magazine.volume == ""
    assert linked(magazine, _ref(2, title, year=2016, journal="Harv Bus Rev", volume="94", issue="5",
                                  pages="35-38"))
    # A real volume still tells two documents apart.
    assert link_between(_ref(1, title, volume="93"), _ref(2, title, volume="94")) is None
