"""A PICO value that is a piece of another sentence (results, a parenthesis, an arm pointed to) is dropped or cut."""

from __future__ import annotations

import pytest

from curator.extraction.pico_fragments import fragment_cut, without_fragment


@pytest.mark.parametrize("value", [
    "clinics to 0.7 (95% CI 0.2 to 1.1",
    "Women in rural districts) while older mothers",
    "Residents with severe dementia tended",
    "nurses using the checklist increased over time, only 12% of all eligible nurses",
    "children whose parents were reminded (p = 0.03",
])
def test_a_results_piece_is_no_population(value: str) -> None:
    assert fragment_cut("population", value) == 0


@pytest.mark.parametrize("value", [
    "adults with increased intracranial pressure",
    "patients at increased risk of falls",
    "women aged 18 to 45 years (n = 240)",
    "children with asthma (aged 5-12 years)",
    "patients with HbA1c above 7.5%",
])
def test_a_population_of_its_own_is_kept(value: str) -> None:
    assert fragment_cut("population", value) is None


def test_a_population_running_into_the_results_is_cut_at_its_sentence_end() -> None:
    text = "Pupils aged 11 to 14 years in 20 schools (n 2,310). Results At one year, scores did not differ (95% CI -1 to 2)."
    value = text[:-1]
    assert without_fragment(text, "population", value, [[0, len(value)]]) == (
        "Pupils aged 11 to 14 years in 20 schools (n 2,310)", [[0, 50]])


@pytest.mark.parametrize("value", ["one of two care improvement arms", "either the intervention",
                                   "hypothesise that the intervention", "the treatment group"])
def test_an_arm_pointed_to_is_no_intervention(value: str) -> None:
    assert without_fragment(value, "intervention", value, [[0, len(value)]]) is None


@pytest.mark.parametrize("value", ["the intervention programme of home visits", "a structured education programme",
                                   "nurse-led follow-up"])
def test_a_named_arm_is_kept(value: str) -> None:
    assert fragment_cut("intervention", value) is None


@pytest.mark.parametrize(("value", "kept"), [
    ("hospitalised smokers do not consistently", "hospitalised smokers"),
    ("ward nurses aimed to improve hand hygiene", "ward nurses"),
    ("midwives with 25 participants per arm", "midwives"),
    ("adults with resistant depression, though a longer input", "adults with resistant depression,"),
])
def test_people_followed_by_the_rest_of_their_clause_are_cut(value: str, kept: str) -> None:
    cut = fragment_cut("population", value)
    assert cut is not None and value[:cut].rstrip(" ,") == kept.rstrip(" ,")


@pytest.mark.parametrize("value", ["patients", "patients randomly assigned", "Studies where individuals",
                                   "million people infected with HIV live in developing countries"])
def test_no_one_named_is_no_population(value: str) -> None:
    assert fragment_cut("population", value) == 0


@pytest.mark.parametrize("value", ["children who had surgery and a follow-up call for those who did not",
                                   "adults with diabetic neuropathy that has not responded to medicines"])
def test_a_clause_of_the_people_themselves_is_kept(value: str) -> None:
    assert fragment_cut("population", value) is None


@pytest.mark.parametrize("value", ["National guidelines for the evidence-based", "Does shared care help in the",
                                   "Implementation of the"])
def test_a_title_cut_before_what_it_governs_is_no_intervention(value: str) -> None:
    assert fragment_cut("intervention", value) == 0


def test_a_participle_left_at_the_end_is_cut() -> None:
    text = "Ear acupressure applied daily"
    assert without_fragment(text, "intervention", "Ear acupressure applied", [[0, 23]]) == ("Ear acupressure", [[0, 15]])


@pytest.mark.parametrize(("value", "kept"), [
    ("enhanced usual care reduced the incidence of relapse", "enhanced usual care"),
    ("usual care (RR", "usual care"),
    ("waiting list (OR 0.8, 95% CI", "waiting list"),
])
def test_a_control_running_into_its_finding_is_cut(value: str, kept: str) -> None:
    cut = fragment_cut("comparator", value)
    assert cut is not None and value[:cut].rstrip(" ,(") == kept


@pytest.mark.parametrize("value", ["no impact on other outcomes", "no significant difference", "surgeons)"])
def test_a_finding_or_a_parenthesis_piece_is_no_control(value: str) -> None:
    assert fragment_cut("comparator", value) == 0


@pytest.mark.parametrize("value", ["usual care", "sham acupuncture (needles not inserted)", "placebo tablets"])
def test_a_control_of_its_own_is_kept(value: str) -> None:
    assert fragment_cut("comparator", value) is None


def test_a_verb_before_the_people_is_left_out() -> None:
    text = "Nurses treat patients who have chronic wounds at home."
    value = "treat patients who have chronic wounds at home"
    assert without_fragment(text, "population", value, [[7, 53]]) == (
        "patients who have chronic wounds at home", [[13, 53]])


@pytest.mark.parametrize(("value", "kept"), [
    ("residents at baseline and 187 at follow-up", "residents"),
    ("patients with dementia indicate a wide variation", "patients with dementia"),
])
def test_counts_and_findings_after_the_people_are_cut(value: str, kept: str) -> None:
    cut = fragment_cut("population", value)
    assert cut is not None and value[:cut] == kept


def test_an_or_inside_one_arms_parenthesis_is_no_second_arm() -> None:
    text = ("Adults were randomly assigned to a supervised exercise programme (swimming or cycling at moderate "
            "intensity, twice a week) or to their usual activity.")
    at = text.index("cycling")
    value = "cycling at moderate intensity"
    assert without_fragment(text, "comparator", value, [[at, at + len(value)]]) is None
    at = text.index("their usual activity")
    assert without_fragment(text, "comparator", "their usual activity", [[at, at + 20]]) is not None


@pytest.mark.parametrize(("part", "value", "kept"), [
    ("population", "people aged 60 years and over with urinary incontinence Methods and design Pragmatic",
     "people aged 60 years and over with urinary incontinence"),
    ("intervention", "local priority setting and monitoring. MEASUREMENTS AND MAIN RESULTS", "local priority setting and monitoring"),
    ("population", "parents completed the baseline survey", "parents"),
    ("population", "medical students observed", "medical students"),
])
def test_a_value_ends_before_a_heading_or_its_peoples_verb(part: str, value: str, kept: str) -> None:
    cut = fragment_cut(part, value)
    assert cut is not None and value[:cut].rstrip(" .") == kept


@pytest.mark.parametrize("value", ["Adult Participants With Active Psoriatic Arthritis", "women who had given birth"])
def test_title_case_words_and_the_peoples_own_clause_are_no_cut(value: str) -> None:
    assert fragment_cut("population", value) is None


@pytest.mark.parametrize("value", ["one", "general", "that delivery"])
def test_a_word_that_names_no_arm_is_no_intervention(value: str) -> None:
    assert fragment_cut("intervention", value) == 0


def test_an_adverb_after_the_control_is_cut() -> None:
    assert fragment_cut("comparator", "usual care significantly") == len("usual care")


def test_an_outcome_cut_before_its_next_clause_loses_the_words_left_hanging() -> None:
    value = "receipt of a screening test over 12 months, and the"
    assert fragment_cut("outcome", value) == len("receipt of a screening test over 12 months")
    assert fragment_cut("outcome", "quality of life") is None


def test_an_or_after_a_list_in_the_first_arm_is_the_lists() -> None:
    from curator.extraction.entry_arms import entry_arms

    text = ("Patients were randomly assigned to receive a letter, a leaflet, and an invitation to book a scan or "
            "an X-ray. The primary outcome was attendance.")
    got: dict = {}
    entry_arms(text, got, [(0, len(text))], [])
    assert "comparator" not in got


@pytest.mark.parametrize(("value", "kept"), [
    ("patients aged 50 to 80 years who were overdue for screening and 110 primary care physicians",
     "patients aged 50 to 80 years who were overdue for screening"),
    ("children aged 1-15 with wheeze drawn from 12 practices' records", "children aged 1-15 with wheeze"),
    ("171 residents and 96 nursing assistants consented", "171 residents"),
])
def test_a_second_group_and_how_the_people_were_drawn_are_cut(value: str, kept: str) -> None:
    cut = fragment_cut("population", value)
    assert cut is not None and value[:cut] == kept


@pytest.mark.parametrize("value", ["pregnant women between 20 and 32 weeks of gestation",
                                   "Foundation year 1 and 2 doctors"])
def test_numbers_inside_one_group_are_no_second_group(value: str) -> None:
    assert fragment_cut("population", value) is None


def test_a_total_of_is_left_out() -> None:
    text = "A total of 171 residents took part."
    assert without_fragment(text, "population", "A total of 171 residents", [[0, 24]]) == ("171 residents", [[11, 24]])


@pytest.mark.parametrize(("part", "value", "kept"), [
    ("population", "people with chronic wounds have poor sleep", "people with chronic wounds"),
    ("population", "1200 adults attending general practice, of whom 950 (79%)", "1200 adults attending general practice"),
    ("comparator", "compression stockings (8.0 percent vs. 2.5 percent, P<0.001)", "compression stockings"),
    ("intervention", "a peer support programme (PEERS", "a peer support programme"),
    ("outcome", "Falls and fractures were recorded as the main outcome measures", "Falls and fractures"),
])
def test_more_pieces_of_other_clauses_are_cut(part: str, value: str, kept: str) -> None:
    cut = fragment_cut(part, value)
    assert cut is not None and value[:cut].rstrip(" ,(") == kept


@pytest.mark.parametrize(("part", "value"), [("comparator", "treatment"), ("population", "patients per GP")])
def test_words_that_name_no_one_are_dropped(part: str, value: str) -> None:
    assert fragment_cut(part, value) == 0


def test_a_heading_word_before_the_people_is_left_out() -> None:
    text = "PARTICIPANTS 412 adults with asthma."
    assert without_fragment(text, "population", "PARTICIPANTS 412 adults with asthma", [[0, 35]]) == (
        "412 adults with asthma", [[13, 35]])


@pytest.mark.parametrize(("value", "kept"), [
    ("adults with acute febrile illness.Interventions Rapid diagnostic tests", "adults with acute febrile illness"),
    ("individuals receiving home care, this service model continues to grow", "individuals receiving home care"),
    ('adults with hypertension"; 296 were in the intervention group', "adults with hypertension"),
])
def test_a_glued_heading_another_clause_or_a_stray_quote_ends_a_population(value: str, kept: str) -> None:
    cut = fragment_cut("population", value)
    assert cut is not None and value[:cut].rstrip(" ,.") == kept


def test_a_question_is_no_population() -> None:
    assert fragment_cut("population", "patient with the problem? What do nurses know") == 0
