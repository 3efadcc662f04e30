"""Duplicate finding on what exports write around a title, each class on a hand-made case: LaTeX, MathML and
sub/superscript markup; "Epub ahead of print" after the title; and a correction, erratum or retraction notice,
titled with the paper's title after it, which is a document of its own and never linked to the paper."""

from __future__ import annotations

import pytest

from curator.duplicates.titles import normalise_title
from tests.dedup_pairs import citation, link_between

TITLE = "Beta-blockers after myocardial infarction in older adults: a randomized controlled trial"


def _ref(record_id: int, title: str, *, volume: str = "12", issue: str = "4", pages: str = "52-58"):
    return citation(record_id, title, authors=["Hansen, P.", "Okafor, C."], year=2019, journal="Heart",
                    volume=volume, issue=issue, pages=pages)


@pytest.mark.parametrize(("plain", "marked"), [
    ("TNF-alpha in sepsis", "TNF-<mml:math><mml:mi>α</mml:mi></mml:math> in sepsis"),
    ("kappa-opioid agonists", "<inline-formula><tex-math>$\\kappa$</tex-math></inline-formula>-opioid agonists"),
    ("CO2 emissions of hospitals", "CO<sub>2</sub> emissions of hospitals"),
    ("children aged <5 years", "children aged &lt;5 years"),
    ("beta-blockers", "$\\beta$-blockers"),
])
def test_markup_in_a_title_is_not_part_of_it(plain: str, marked: str) -> None:
    assert normalise_title(marked) == normalise_title(plain)


@pytest.mark.parametrize("decorated", [TITLE + ". Epub ahead of print", TITLE + " [Epub ahead of print]",
                                       TITLE + " (Epub ahead of print)."])
def test_epub_ahead_of_print_after_a_title_is_not_part_of_it(decorated: str) -> None:
    assert normalise_title(decorated) == normalise_title(TITLE)
    link = link_between(_ref(1, TITLE), _ref(2, decorated, volume="", issue="", pages=""))
    assert link is not None and not link.possible


@pytest.mark.parametrize("prefix", ["Correction to: ", "Correction: ", "Erratum to: ", "Corrigendum to ",
                                    "Retraction note to: ", "Retracted: ", "Notice of retraction: The ",
                                    "Expression of concern: "])
def test_a_notice_about_a_paper_is_never_linked_to_it(prefix: str) -> None:
    notice = prefix + TITLE
    assert link_between(_ref(1, TITLE), _ref(2, notice, volume="", issue="", pages="")) is None
    assert link_between(_ref(1, notice, volume="", issue="", pages=""), _ref(2, TITLE)) is None


def test_two_records_of_one_notice_are_still_one_document() -> None:
    notice = "Correction to: " + TITLE
    link = link_between(_ref(1, notice, pages="60"), _ref(2, notice.upper(), volume="", issue="", pages=""))
    assert link is not None and not link.possible
