"""Journal and year of publisher pages whose only source is an issue line, a breadcrumb down to the issue or a
"Cite this article as:" line; an article-type badge is never the journal; the issue's year wins over the
online-first date."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_BODY = ("\nWalking poles for knee osteoarthritis: a randomized trial\nAnna Berg, Tom Lee\n"
         "Published online: 14 Nov 2020\n\nAbstract\nAdults were randomized to walking poles or advice. The primary "
         "outcome was pain.\n")


@pytest.mark.parametrize("badge", ["Research Report", "Journal Article", "Research Article", "Original Paper"])
def test_an_article_type_badge_is_not_the_journal(badge: str) -> None:
    f = extract(f"Publisher | Journals | Sign in\n{badge}\n" + _BODY)
    assert f["journal"] is None


@pytest.mark.parametrize(("head", "journal", "year"), [
    ("Disability and Rehabilitation\nVolume 44, 2022 - Issue 3\nResearch Article", "Disability and Rehabilitation",
     2022),
    ("Psychological Medicine\nVolume 52, Issue 14, October 2022, pp. 3045 - 3054", "Psychological Medicine", 2022),
    ("Clinical Rehabilitation\nImpact Factor: 2.9 / 5-Year Impact Factor: 3.4", "Clinical Rehabilitation", 2020),
    ("Journal Article\nRheumatology Advances, Volume 5, Issue 2, March 2021, Pages 11–19", "Rheumatology Advances",
     2021),
])
def test_a_journal_over_or_on_its_issue_line_with_the_issues_year(head: str, journal: str, year: int) -> None:
    f = extract("Publisher | Journals | Sign in\n" + head + "\n" + _BODY)
    assert (f["journal"], f["year"]) == (journal, year)


@pytest.mark.parametrize(("crumb", "journal"), [
    ("Home > All Journals > Physical Therapy Reviews > List of Issues > Volume 27, Issue 2", "Physical Therapy Reviews"),
    ("Back to Journals » Patient Preference and Adherence » Volume 15", "Patient Preference and Adherence"),
])
def test_a_breadcrumb_down_to_the_issue_names_the_journal_and_is_no_title(crumb: str, journal: str) -> None:
    f = extract("Publisher\n" + crumb + "\n" + _BODY)
    assert f["journal"] == journal
    assert f["title"] == "Walking poles for knee osteoarthritis: a randomized trial"


@pytest.mark.parametrize(("cite", "journal"), [
    ("Berg A, Lee T. Walking poles for knee osteoarthritis [version 1; peer review: 2 approved]. Open Res Eur "
     "2021, 1:12 (https://doi.org/10.12688/openreseurope.13012.1)", "Open Res Eur"),
    ("Berg A, Lee T (May 02, 2021) Walking poles for knee osteoarthritis. Cureus 13(5): e14801.", "Cureus"),
])
def test_the_journal_of_a_cite_this_article_line(cite: str, journal: str) -> None:
    f = extract("Publisher\n" + _BODY + "\nCite this article as: " + cite + "\n")
    assert f["journal"] == journal


def test_an_open_review_version_note_is_not_part_of_the_title() -> None:
    f = extract("Research Article\n\nPeer support for new mothers: a randomised trial [version 3; peer review: 1 approved,"
                " 1 approved with reservations]\nAnna Berg, Tom Lee\n\nAbstract\nMothers were randomised to peer support"
                " or usual care. The primary outcome was depression.\n")
    assert f["title"] == "Peer support for new mothers: a randomised trial"


@pytest.mark.parametrize("label", ["Authors", "Authors:", "By"])
def test_a_by_lines_own_label_is_not_part_of_the_first_name(label: str) -> None:
    f = extract(f"Publisher\n\nYoga for chronic neck pain: a randomized trial\n{label} Zhang L, Wang Y, Chen H\n\n"
                "Abstract\nAdults were randomized to yoga or exercise. The primary outcome was pain.\n")
    assert f["authors"] == ["Zhang L", "Wang Y", "Chen H"]
