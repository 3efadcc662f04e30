"""A journal abstract pasted as plain text (a title line over its abstract, no label or citation) is read as an
article: title, abstract and PICO, each pointing to its words. Other plain prose stays unknown."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

RUN_ON = (
    "Home visits by practice nurses for adults with chronic obstructive pulmonary disease: a randomised trial\n"
    "\n"
    "BACKGROUND: Readmissions after an exacerbation of COPD are frequent and costly. OBJECTIVE: To test whether "
    "home visits by practice nurses reduce readmissions. DESIGN: Randomised controlled trial in 14 general "
    "practices. PARTICIPANTS: 412 adults with chronic obstructive pulmonary disease discharged after an "
    "exacerbation. INTERVENTION: Four home visits by a practice nurse within eight weeks of discharge. Controls "
    "received usual care. MAIN OUTCOME MEASURES: The primary outcome was readmission to hospital at six months. "
    "RESULTS: 61 of 206 patients visited and 72 of 206 controls were readmitted (hazard ratio 0.82, 95% CI 0.59 to "
    "1.15). CONCLUSIONS: Nurse home visits did not clearly reduce readmissions.\n"
    "\n"
    "Copyright 2019 The Authors.\n"
)
UNLABELLED = (
    "Text message reminders and influenza vaccination in pregnant women\n"
    "We conducted a randomised trial in three antenatal clinics. Pregnant women in their second trimester were "
    "randomly assigned to receive weekly text message reminders about influenza vaccination or no reminders. The "
    "primary outcome was vaccination before delivery. Of 980 women enrolled, 31% of those reminded and 26% of "
    "controls were vaccinated. Reminders modestly increased uptake, and the study supports their use in clinics.\n"
)


def test_a_run_on_structured_abstract_is_an_article_with_its_pico() -> None:
    fields = extract(RUN_ON, source="pasted.txt")
    assert fields["kind"] == "article"
    assert fields["title"].startswith("Home visits by practice nurses")
    assert fields["abstract"].startswith("BACKGROUND:") and "Copyright" not in fields["abstract"]
    pico = fields["pico"]
    assert "chronic obstructive pulmonary disease" in pico["population"]
    assert "home visits" in pico["intervention"].lower()
    assert pico["comparator"] == "usual care"
    assert "readmission" in pico["outcome"]
    assert check_evidence(fields, RUN_ON) == []


def test_an_unlabelled_abstract_is_read_too() -> None:
    fields = extract(UNLABELLED, source="pasted.txt")
    assert fields["kind"] == "article"
    assert fields["title"] == "Text message reminders and influenza vaccination in pregnant women"
    assert "text message reminders" in (fields["pico"]["intervention"] or "").lower()
    assert check_evidence(fields, UNLABELLED) == []


def test_prose_that_is_no_study_stays_unknown() -> None:
    letter = ("Dear colleagues\n\nThank you for coming to the spring meeting. The rooms were booked for the whole day "
              "and lunch was served in the hall. We hope to see you again next year, when the meeting moves to the "
              "north campus. Please send your travel claims by the end of the month. Parking was free for the day.\n")
    assert extract(letter, source="letter.txt")["kind"] == "unknown"


def test_a_search_page_with_menus_is_no_bare_abstract() -> None:
    page = ("Scholarly Search\nArticles   Case law   My library   Sign in\n" + UNLABELLED.split("\n", 1)[1])
    fields = extract(page, source="search.txt")
    assert fields["title"] != "Scholarly Search"


def test_an_abstract_naming_its_registration_is_an_article_not_a_registry_record() -> None:
    text = RUN_ON.replace("CONCLUSIONS:", "TRIAL REGISTRATION: ISRCTN12345678. CONCLUSIONS:")
    fields = extract(text, source="pasted.txt")
    assert fields["kind"] == "article" and "ISRCTN12345678" in fields["ids"]
    assert fields["pico"]["comparator"] == "usual care"


def test_a_registry_record_stays_a_trial() -> None:
    record = ("Home visits for COPD\n\nStatus:\nRecruiting\nTrial ID:\nISRCTN12345678\nSponsor:\nCity Hospital\n"
              "Summary:\nWe are testing whether home visits by practice nurses after a hospital stay reduce "
              "readmissions of adults with COPD. Patients will be randomised to visits or usual care. The primary "
              "outcome is readmission at six months, and the study will recruit 400 participants in 14 practices.\n")
    assert extract(record, source="record.txt")["kind"] == "trial"
