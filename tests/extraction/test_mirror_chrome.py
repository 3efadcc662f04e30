"""Cached and printed copies of registry records: the cache's and the registry's banner lines are no title, and a
record whose status is now unknown is UNKNOWN, not the last verified status written under it."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_RECORD = ("Sponsor:\nUniversity of Leeds\nClinicalTrials.gov Identifier: NCT04111222\n\n"
           "Brief Summary:\nAdults with asthma are randomized to an app or usual care.\n\n"
           "Study Type : Interventional (Clinical Trial)\nEstimated Enrollment : 120 participants\n")


@pytest.mark.parametrize("banner", [
    "This is a cached copy of https://clinicaltrials.gov/ct2/show/NCT04111222 as it appeared on 2 Jan 2023.",
    "A service of the U.S. National Institutes of Health",
    "Save this study",
    "Trial record 1 of 3 for: asthma app",
    "Study 2 of 14 for: asthma",
])
def test_banner_lines_of_a_cached_record_are_not_its_title(banner: str) -> None:
    f = extract(f"{banner}\n\nSmartphone App for Asthma Self-Management in Adults\n" + _RECORD)
    assert f["title"] == "Smartphone App for Asthma Self-Management in Adults"


def test_a_record_whose_status_is_now_unknown_is_unknown() -> None:
    text = ("Smartphone App for Asthma Self-Management in Adults\nThe recruitment status of this study is unknown. "
            "The completion date has passed and the status has not been verified in more than two years.\n"
            "Recruitment status was: Recruiting\n" + _RECORD)
    f = extract(text)
    assert f["status"] == "UNKNOWN"
    s, e = f["evidence"]["status"][0]
    assert "unknown" in text[s:e]


def test_a_verified_status_stays() -> None:
    f = extract("Smartphone App for Asthma Self-Management in Adults\nRecruitment status: Recruiting\n" + _RECORD)
    assert f["status"] == "RECRUITING"
