"""Patient pages of hospitals, charities and registries (the classes of batch 9): a "Now enrolling" badge, the
count and ages written as sentences, a sponsor sentence, outcomes and arms in plain words."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_HEAD = "Research at Northfield Hospitals\nHome | Our research | Contact\n"


@pytest.mark.parametrize("badge", ["Now enrolling", "Recruiting now", "Now recruiting", "Currently recruiting"])
def test_a_badge_above_the_title_is_the_status(badge: str) -> None:
    f = extract(f"{_HEAD}{badge}\nGinger capsules for sickness after surgery\nStudy number: ISRCTN12345678\n"
                "Sponsor: Northfield Hospitals NHS Trust\n")
    assert f["status"] == "RECRUITING"


@pytest.mark.parametrize(("sentence", "count"), [
    ("The team need to recruit 320 people from 12 hospitals.", 320),
    ("We hope to find about 1,450 participants.", 1450),
    ("The researchers are looking for 90 women.", 90),
])
def test_the_count_written_as_a_sentence(sentence: str, count: int) -> None:
    under_question = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\nHow many people are taking "
                             f"part?\n{sentence}\n")
    in_the_text = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\nAbout the study\nThis is a "
                          f"randomised trial. {sentence} You will be put into a group by chance.\n")
    assert under_question["enrollment"] == in_the_text["enrollment"] == count


def test_a_number_without_people_needed_is_no_count() -> None:
    f = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\nAbout the study\nPeople need 2 tablets "
                "a day.\n")
    assert f["enrollment"] is None


@pytest.mark.parametrize("who", ["Adults aged 18 or over with sickness after surgery",
                                 "You may be able to take part if you:\nare aged 18 years or over\nhad surgery"])
def test_an_open_ended_age_in_plain_words(who: str) -> None:
    label = "Who can take part" if who.startswith("Adults") else "Can I take part?"
    f = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\n{label}\n{who}\n")
    assert (f["min_age"], f["max_age"]) == ("18 Years", None)


@pytest.mark.parametrize(("line", "sponsor"), [
    ("Who is running the study?\nThe study is sponsored by the University of Kent and funded by the Ginger Trust.",
     "University of Kent"),
    ("Sponsors/Funding\nKent Hospitals NHS Trust; Ginger Trust (funder)", "Kent Hospitals NHS Trust"),
    ("Sponsor information\nOrganisation University of Kent", "University of Kent"),
])
def test_the_sponsor_without_its_sentence_or_funder(line: str, sponsor: str) -> None:
    f = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\n{line}\n")
    assert f["sponsor"] == sponsor


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("The main thing we are measuring is whether people are sick in the first 24 hours.",
     "people are sick in the first 24 hours"),
    ("The main result is how many people need anti-sickness drugs.", "how many people need anti-sickness drugs"),
    ("The main aim is to see how many people go home the same day.", "how many people go home the same day"),
])
def test_an_outcome_in_plain_words(sentence: str, outcome: str) -> None:
    f = extract(f"{_HEAD}Ginger for sickness after surgery\nStudy number: ISRCTN12345678\n\nAbout the study\nWe want to "
                f"find out if ginger helps. {sentence}\n")
    assert f["pico"]["outcome"] == outcome


def test_an_aim_to_compare_arms_is_no_outcome() -> None:
    f = extract(f"{_HEAD}Ginger for sickness after surgery\nStudy number: ISRCTN12345678\n\nAbout the study\nThe main "
                "aim is to compare ginger with placebo.\n")
    assert f["pico"]["outcome"] is None


def test_a_primary_outcome_written_as_an_aim_keeps_what_is_measured() -> None:
    f = extract("Public title  Yoga for falls\nRegistration number  ACTRN12620000111222\nPrimary outcome [1]  This "
                "study aims to find out whether yoga reduces the rate of falls over 12 months.\nTimepoint [1]  12 months\n")
    assert f["pico"]["outcome"] == "the rate of falls over 12 months."


@pytest.mark.parametrize(("sentences", "tested", "control"), [
    ("One group will practise balance exercises on a tablet twice a week. The other group will get the usual advice "
     "from their physiotherapist.", "balance exercises on a tablet", "usual advice from their physiotherapist"),
    ("Half of the people taking part will take ginger capsules every day, and the other half will take a dummy capsule "
     "(placebo).", "ginger capsules every day", "dummy capsule (placebo)"),
])
def test_arms_as_what_each_group_will_do(sentences: str, tested: str, control: str) -> None:
    f = extract(f"{_HEAD}Helping people after surgery\nStudy number: ISRCTN12345678\n\nWhat will happen?\nYou will be "
                f"put into one of two groups by chance. {sentences}\n")
    assert (f["pico"]["intervention"], f["pico"]["comparator"]) == (tested, control)


def test_either_x_or_dummy_tablets() -> None:
    f = extract(f"{_HEAD}Ginger for sickness\nStudy number: ISRCTN12345678\n\nWhat is involved?\nYou have either ginger "
                "tablets or dummy tablets (a placebo) every day.\n")
    assert f["pico"]["comparator"] == "dummy tablets (a placebo)"
