"""The population as sources state it, by class: the methods' people rather than a background, aims or results
sentence's, the words that qualify them, plain "Who can take part" answers, labelled and run-in sections, a title
alone. Every page and entry here is written for the test (none from the corpora)."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.entry_pico import fill_entry_pico
from curator.importers.ris import to_entry


def _article(abstract: str, title: str = "A randomised trial") -> str | None:
    page = (f"Journal of Examples\nOriginal research\n\n{title}\nAnna Berg, Carl Dahl\n"
            f"J Examples. 2023;12(3):45-50. doi:10.1234/jex.2023.001\n\nAbstract\n{abstract}\n")
    return extract(page)["pico"]["population"]


def _registry(body: str, title: str = "Exercise classes for people who have fallen") -> str | None:
    page = f"ClinicalTrials.gov ID NCT01234567\n{title}\n{body}\n"
    return extract(page)["pico"]["population"]


def _entry(title: str, abstract: str | None) -> str | None:
    tags = {"TY": ["JOUR"], "TI": [title], "JO": ["Journal of Examples"], "PY": ["2021"]}
    if abstract is not None:
        tags["AB"] = [abstract]
    entry = to_entry(tags, "test.ris#1")
    fill_entry_pico(entry.fields, entry.text)
    pop = entry.fields["pico"]["population"]
    if pop is not None:
        spans = entry.fields["evidence"]["pico.population"]
        assert " ".join(entry.text[s:e] for s, e in spans) == pop
    return pop


def test_the_methods_people_not_a_background_sentence_about_the_disease() -> None:
    pop = _article("Background\nPeople with chronic kidney disease have a high risk of falls and fractures.\n"
                   "Methods\nWe enrolled 240 adults aged 60 years or older with stage 4 chronic kidney disease at six "
                   "renal clinics and randomly assigned them to balance training or usual care.\n"
                   "Results\nFalls were fewer with training (rate ratio 0.71, 95% CI 0.52-0.97).")
    assert pop is not None and "60 years or older" in pop and "high risk" not in pop, pop


def test_an_entry_whose_first_sentence_is_background() -> None:
    pop = _entry("Early rehabilitation after an exacerbation of asthma",
                 "Adults with asthma are often admitted to hospital in winter. We randomly assigned 180 adults aged "
                 "18 to 65 years admitted with an acute exacerbation of asthma to early rehabilitation or usual care. "
                 "The primary outcome was readmission at 6 months.")
    assert pop is not None and "18 to 65 years" in pop and "in winter" not in pop, pop


def test_a_results_sentence_gives_no_population_when_the_methods_name_the_people() -> None:
    pop = _entry("Point-of-care testing for chest pain",
                 "We prospectively enrolled adults presenting with acute chest pain to four emergency departments. "
                 "The test ruled out infarction in 52% of patients with a sensitivity of 98.9%.")
    assert pop is not None and pop.startswith("adults presenting with acute chest pain"), pop


def test_the_aims_sentence_gives_way_to_the_enrolled_people() -> None:
    pop = _article("Objective: To determine whether prehabilitation reduces complications in frail patients "
                   "undergoing colorectal surgery. Methods: Patients aged 75 years or older with colorectal cancer were "
                   "randomized to prehabilitation or standard care. Results: Complications were fewer.")
    assert pop is not None and "75 years or older" in pop, pop


def test_the_words_that_qualify_the_people_are_kept() -> None:
    pop = _entry("Ketamine or propofol for sedation",
                 "In 12 intensive care units, we randomly assigned critically ill adults undergoing tracheal intubation "
                 "to ketamine or propofol. The primary outcome was death by day 28.")
    assert pop is not None and pop.startswith("critically ill adults undergoing tracheal intubation"), pop
    pop = _entry("Denosumab after hip fracture",
                 "We randomly assigned 400 postmenopausal women with osteoporosis and a recent hip fracture to "
                 "denosumab or placebo. The primary outcome was a new fracture.")
    assert pop is not None and "postmenopausal women" in pop, pop


def test_who_were_taking_belongs_to_the_people() -> None:
    pop = _entry("Deprescribing in care homes",
                 "Residents aged 65 years or older who were taking 10 or more regular medicines were eligible. Homes "
                 "were randomly assigned to pharmacist review or usual care.")
    assert pop == "Residents aged 65 years or older who were taking 10 or more regular medicines", pop


def test_people_living_with_or_presenting_with_a_condition() -> None:
    pop = _entry("Urine testing for tuberculosis",
                 "Tuberculosis is common. We enrolled adults living with HIV admitted to two hospitals and tested "
                 "their urine on admission.")
    assert pop is not None and pop.startswith("adults living with HIV"), pop


def test_a_registry_title_alone_gives_its_people() -> None:
    page = ("Trial registry\nJapicCTI-231234\nTitle of the study: A randomized study of drug X versus alendronate in "
            "postmenopausal women with osteoporosis at high risk of fracture\nPhase: Phase 3\n")
    pop = extract(page)["pico"]["population"]
    assert pop is not None and pop.startswith("postmenopausal women with osteoporosis"), pop


def test_an_entry_title_alone_waits_for_its_abstract() -> None:
    assert _entry("Trial of supervised walking in adults with intermittent claudication", None) is None


def test_a_condition_of_a_background_sentence_gives_way_to_the_enrolled_pupils() -> None:
    pop = _article("Background: Diarrhoea and respiratory infections keep children away from school.\n"
                   "Methods: Twenty schools were randomised to hygiene lessons or no intervention. Pupils aged 7 to 11 "
                   "years in grades 2 to 4 were enrolled. The primary outcome was absence.")
    assert pop is not None and pop.startswith("Pupils aged 7 to 11 years"), pop


def test_who_can_take_part_without_who_cannot() -> None:
    pop = _registry("Who can take part\nAdults aged 65 or over who have had a fall in the past year. People who "
                    "already attend an exercise class cannot take part.\nStudy type: Interventional")
    assert pop is not None and pop.startswith("Adults aged 65 or over") and "cannot" not in pop, pop


def test_a_structured_abstract_goes_on_past_its_section_headings() -> None:
    pop = _article("Background\nWomen with dense breasts have a higher risk of breast cancer.\nPurpose\nTo compare "
                   "two screening tests.\nMaterials and Methods\nThis prospective study enrolled women aged 40 to 74 "
                   "years with dense breasts and a normal mammogram.\nResults\nBoth tests found cancers.")
    assert pop is not None and "40 to 74" in pop and "higher risk" not in pop, pop


def test_a_patients_heading_of_a_structured_abstract() -> None:
    page = ("Europe PMC\nAbstract\nEarly mobilisation in ventilated adults: a randomised trial.\nSmith J, Jones K\n"
            "Crit Care Med. 2024;52(2):201-211. PMID: 37911111\n\nAbstract\nObjectives: To test early mobilisation.\n"
            "Design: Randomised trial.\nSetting: Eight ICUs.\nPatients: Adults receiving mechanical ventilation for "
            "at least 48 hours.\nInterventions: Early mobilisation or usual physiotherapy.\n")
    pop = extract(page)["pico"]["population"]
    assert pop is not None and pop.startswith("Adults receiving mechanical ventilation"), pop


def test_a_run_in_patients_heading() -> None:
    pop = _article("Objective To compare tonsillectomy with watchful waiting.\nDesign Pragmatic randomised trial.\n"
                   "Patients Children aged 2 to 12 years with at least 3 sore throats in the past year.\n"
                   "Interventions Tonsillectomy or watchful waiting.")
    assert pop is not None and pop.startswith("Children aged 2 to 12 years"), pop


def test_the_people_of_a_design_setting_and_participants_section() -> None:
    pop = _entry("Mailed outreach for bowel cancer screening",
                 "DESIGN, SETTING, AND PARTICIPANTS: This cluster randomized trial included 26 clinics in two states. "
                 "Patients aged 50 to 75 years who were not up to date with screening were included. INTERVENTIONS: "
                 "Mailed kits or usual care.")
    assert pop is not None and pop.startswith("Patients aged 50 to 75 years") and "clinics" not in pop, pop


def test_a_population_studied_label() -> None:
    pop = _registry("Study type: Non-interventional study\nPopulation studied\nPregnant women with epilepsy who gave "
                    "birth between 2005 and 2020\nOutcomes: Major congenital malformations",
                    "Antiseizure medicines in pregnancy: a register-based cohort study")
    assert pop is not None and pop.startswith("Pregnant women with epilepsy"), pop


def test_with_no_population_stated_the_title_people() -> None:
    pop = _article("We compared peer counselling with a leaflet. Drinking fell in both groups.",
                   "Peer counselling to reduce drinking among university students in Uganda: a cluster randomised trial")
    assert pop == "university students", pop


def test_counts_of_what_was_enrolled_are_no_population() -> None:
    pop = _article("Methods: Villages were randomised to sanitation or no intervention. A total of 1,620 households "
                   "and 1,987 children were enrolled. The primary outcome was diarrhoea.",
                   "Sanitation and diarrhoea in children younger than five years in rural Ethiopia: a trial")
    assert pop == "children younger than five years", pop


def test_who_can_participate_over_the_illness_the_title_names() -> None:
    page = ("Trials Finder\nHome / Find a trial / Trial details\n\nNight splint versus CPAP for moderate sleep apnoea\n"
            "Trial ID: ACTRN12620000123456\nRecruitment status: Recruiting\n\nWho can participate\nAdults aged 25 to 70 "
            "years with moderate obstructive sleep apnoea and high blood pressure. People who drive for a living cannot "
            "take part.\n\nStudy type: Interventional\n")
    fields = extract(page)
    assert fields["title"] == "Night splint versus CPAP for moderate sleep apnoea", fields["title"]
    pop = fields["pico"]["population"]
    assert pop is not None and pop.startswith("Adults aged 25 to 70 years") and "cannot" not in pop, pop


def test_the_methods_people_over_the_condition_the_title_names_otherwise() -> None:
    page = ("ClinicalTrials.gov ID NCT01234567\nContinuous glucose monitoring in older adults with insulin-treated type 2 "
            "diabetes\nBrief Summary\nHypoglycaemia is dangerous in later life. Adults aged 65 years or older with type 2 "
            "diabetes treated with basal insulin will be randomly assigned to continuous monitoring or fingerstick "
            "testing.\nConditions\nInsulin-Treated Type 2 Diabetes\n")
    pop = extract(page)["pico"]["population"]
    assert pop is not None and pop.startswith("Adults aged 65 years or older with type 2 diabetes"), pop


def test_how_a_treatment_is_given_is_no_illness_of_the_title() -> None:
    page = ("ClinicalTrials.gov ID NCT01234567\nOfficial Title\nSchool-Based Asthma Therapy With Telemedicine Follow-up: "
            "A Randomized Trial\nBrief Title\nDaily Preventive Inhaler at School for Urban Children With Persistent "
            "Asthma\n")
    pop = extract(page)["pico"]["population"]
    assert pop is not None and "Children With Persistent Asthma" in pop and "School-Based" not in pop, pop
