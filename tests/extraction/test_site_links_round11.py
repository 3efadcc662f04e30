"""A site's links and notices above a record's heading are no title: a menu written one link a line ("Find
Studies" / "Study Basics"), a link to one of the site's services ("Submit a study", "Back to search results"), the
site's own notices (a government banner, a charity's registration line); a status badge pushed down by that chrome
is still the record's. Examples written for the test."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_RECORD = ("Trial ISRCTN40812236\n{title}\n\nRecruitment status\nRecruiting\nOverall study status\nOngoing\n"
           "Plain English summary\nAdults with chronic ankle instability are randomly allocated to balance training "
           "or to usual physiotherapy.\n")


@pytest.mark.parametrize("link", ["Submit a study", "Register a trial", "Find a clinical trial", "Take part in research",
                                  "Back to search results", "Back to trial finder results (8)"])
def test_a_link_to_the_sites_services_is_not_the_title(link: str) -> None:
    title = "Balance training for chronic ankle instability in adults"
    f = extract(f"Registry\n\n{link}\n\n" + _RECORD.format(title=title))
    assert f["title"] == title


def test_a_menu_written_one_link_a_line_is_not_the_title() -> None:
    title = "Home-based Balance Training After Ankle Sprain (BAL-ANK)"
    f = extract("Skip to main content\nMenu\nFind Studies\nStudy Basics\nSubmit Studies\nResources\nAbout\n"
                f"Recruiting\n{title}\nClinicalTrials.gov ID  NCT07012345\nSponsor  University of Leeds\n"
                "Brief Summary\nAdults with a recent ankle sprain are randomised to home balance training or advice.\n")
    assert f["title"] == title


@pytest.mark.parametrize("notice", ["An official website of the United States government",
                                    "Registered charity no. 1104567 (England and Wales)",
                                    "Charity registration number SC012345"])
def test_the_sites_own_notice_is_not_the_title(notice: str) -> None:
    title = "Balance training for chronic ankle instability in adults"
    f = extract(f"{notice}\nHelpline 0800 000 000\n\n" + _RECORD.format(title=title))
    assert f["title"] == title


@pytest.mark.parametrize("title", ["Registering Trials in Physiotherapy Research",
                                   "Anakinra and Kawasaki Disease"])
def test_a_short_title_standing_apart_stays_the_title(title: str) -> None:
    f = extract(f"Last updated on March 2024\n\n{title}\n\nBrief description of study\nChildren with Kawasaki disease "
                "who failed standard treatment receive anakinra in this open-label study.\n")
    assert f["title"] == title



_CHROME = "Skip to main content\nMenu\nFind Studies\nStudy Basics\nSubmit Studies\nData and API\nPolicy\nResources\n" \
          "About\nHelp\nContact\nHome  >  Search Results  >  Study Record\nSave\nSend\nPrint\nDisplay Options\n"


def test_a_badge_below_a_long_chrome_is_the_records_status() -> None:
    f = extract(_CHROME + "Not yet recruiting\nHome-based Balance Training After Ankle Sprain in Adults (BAL-ANK)\n"
                "ClinicalTrials.gov ID  NCT07012345\nSponsor  University of Leeds\nBrief Summary\nAdults with a "
                "recent ankle sprain are randomised to home balance training or advice.\n")
    assert f["status"] == "NOT_YET_RECRUITING"


def test_a_menu_of_status_filters_below_the_chrome_is_no_status() -> None:
    f = extract(_CHROME + "Filter by status\nRecruiting\nCompleted\nTerminated\n\nHome-based Balance Training After "
                "Ankle Sprain in Adults (BAL-ANK)\nBrief Summary\nAdults with a recent ankle sprain are randomised to "
                "home balance training or advice.\n")
    assert f["status"] is None
