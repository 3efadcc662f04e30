"""PICO of bibliographic entries by class of error: each test writes entries of its own (none from the corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from curator.extraction.entry_pico import entry_pico, fill_entry_pico, is_bibliographic
from curator.importers.ris import to_entry


def pico_of(title: str, abstract: str | None) -> dict[str, Any]:
    """The PICO ``curator extract`` gives an RIS entry with this title and abstract, evidence checked."""
    tags = {"TY": ["JOUR"], "TI": [title], "JO": ["Journal of Examples"], "PY": ["2020"]}
    if abstract is not None:
        tags["AB"] = [abstract]
    entry = to_entry(tags, "test.ris#1")
    fill_entry_pico(entry.fields, entry.text)
    for part, value in entry.fields["pico"].items():
        if value is not None:
            spans = entry.fields["evidence"][f"pico.{part}"]
            assert " ".join(entry.text[s:e] for s, e in spans) == value, (part, value, spans)
    return entry.fields["pico"]


def test_a_heading_run_into_the_paragraph_is_read_as_its_label() -> None:
    pico = pico_of("Balance training for people with multiple sclerosis: a randomised trial",
                   "Objective: To test balance training. Design: Randomised trial in four centres. Participants: 96 adults "
                   "with relapsing multiple sclerosis and a history of falls. Interventions: Ten weeks of group balance "
                   "training, or an education booklet. Main outcome measures: Number of falls over six months. Results: "
                   "Falls were fewer with training.")
    assert pico["population"] == "96 adults with relapsing multiple sclerosis and a history of falls"
    assert pico["outcome"] == "Number of falls over six months"
    assert pico["comparator"] is not None and "education booklet" in pico["comparator"]


def test_the_people_the_abstract_counts_come_before_a_condition_of_the_title() -> None:
    pico = pico_of("Iron supplements and anaemia in pregnancy",
                   "A total of 2,300 pregnant women attending antenatal clinics in two districts were randomly assigned to "
                   "daily iron tablets or placebo. The primary outcome was anaemia at 36 weeks of gestation.")
    assert pico["population"] == "pregnant women attending antenatal clinics in two districts"


def test_a_list_of_conditions_is_never_joined_into_a_population() -> None:
    pico = pico_of("Adherence clubs and retention in care",
                   "Retention in HIV care is low. HIV clinics that involved HIV peer supporters and tuberculosis screening "
                   "were compared. Retention rose over two years.")
    assert pico["population"] is None or ";" not in pico["population"]


def test_a_sentence_about_results_names_no_population() -> None:
    pico = pico_of("Homework clubs in secondary schools",
                   "Forty schools took part. Participating students improved their marks, and teachers reported less "
                   "truancy.")
    assert pico["population"] is None


def test_a_sentence_that_starts_with_the_people_it_enrols_names_the_population() -> None:
    pico = pico_of("A school-based eye screening programme",
                   "Schools were randomised to screening or no screening. Children aged 5 to 7 years in reception classes "
                   "were eligible. The primary outcome was spectacle wear at one year.")
    assert pico["population"] == "Children aged 5 to 7 years in reception classes"


def test_a_sham_named_in_the_abstract_is_the_comparator_not_the_word_of_the_design() -> None:
    pico = pico_of("Dry needling for plantar heel pain: a sham-controlled trial",
                   "Runners with plantar heel pain were randomised to six sessions of trigger point dry needling or "
                   "non-penetrating sham needling. The primary outcome was first-step pain.")
    assert pico["comparator"] == "non-penetrating sham needling"


@pytest.mark.parametrize(("abstract", "comparator"), [
    ("Adults with gout were randomly assigned to febuxostat or allopurinol. Flares were fewer compared with "
     "allopurinol (low-certainty evidence).", "allopurinol"),
    ("Villages were randomised to solar lamps or to a control group that received kerosene lamps. The primary outcome "
     "was household air pollution.", "kerosene lamps"),
])
def test_a_comparator_is_a_short_phrase_without_asides(abstract: str, comparator: str) -> None:
    assert pico_of("A trial", abstract)["comparator"] == comparator


def test_a_generic_word_is_no_intervention() -> None:
    pico = pico_of("A cluster trial in primary care",
                   "Practices were randomised to the intervention or to control. The primary outcome was the proportion "
                   "of patients with controlled blood pressure.")
    assert pico["intervention"] is None


def test_a_duration_comparison_names_the_tested_arm_with_what_it_is_of() -> None:
    pico = pico_of("Seven versus fourteen days of antibiotics for pyelonephritis in women",
                   "Women with acute pyelonephritis were randomised to seven or fourteen days of oral antibiotics.")
    assert pico["intervention"] == "Seven days of antibiotics"


@pytest.mark.parametrize("abstract", [
    "We propose a lock-free queue for many-core processors. It is 30% faster than the best queue we compared with.",
    "Soil samples from 80 vineyards were analysed for copper. Concentrations were highest on steep slopes.",
    None,
])
def test_an_entry_that_is_no_study_of_people_stays_without_pico(abstract: str | None) -> None:
    assert set(pico_of("Notes from the field", abstract).values()) == {None}


def test_a_single_arm_study_names_no_comparator() -> None:
    pico = pico_of("Home haemodialysis with a portable machine: a single-arm study",
                   "In this single-arm study, 40 patients with kidney failure used a portable haemodialysis machine at "
                   "home for six months. The primary end point was the rate of serious adverse events.")
    assert pico["comparator"] is None and pico["outcome"] == "the rate of serious adverse events"


def test_only_bibliographic_entries_are_read_and_a_value_found_before_stays() -> None:
    assert is_bibliographic("ris", "article") and not is_bibliographic("ctgov-json", "trial")
    assert not is_bibliographic("table", "trial") and not is_bibliographic("pdf", "article")
    entry = to_entry({"TY": ["JOUR"], "TI": ["X"], "AB": ["Adults with asthma were randomised to drug A or placebo."]},
                     "t.ris#1")
    entry.fields["pico"]["comparator"] = "already here"
    fill_entry_pico(entry.fields, entry.text)
    assert entry.fields["pico"]["comparator"] == "already here"
    assert entry_pico("no title and no abstract", {}) == {}


def test_capitalised_headings_run_into_the_paragraph_are_read_too() -> None:
    pico = pico_of("Treating buckle fractures of the wrist in children: a randomised trial",
                   "OBJECTIVE: To compare two treatments. PARTICIPANTS: 965 children aged 4 to 15 years with a buckle "
                   "fracture of the distal radius. INTERVENTIONS: A removable wrist splint or a below-elbow cast for three "
                   "weeks. MAIN OUTCOME MEASURES: Pain at three days. RESULTS: Pain was similar.")
    assert pico["population"] == "965 children aged 4 to 15 years with a buckle fracture of the distal radius"
    assert pico["intervention"] == "removable wrist splint" and pico["comparator"] == "below-elbow cast"
    assert pico["outcome"] == "Pain at three days"


def test_a_control_does_not_run_on_into_its_schedule() -> None:
    pico = pico_of("Melatonin for sleep in children with autism",
                   "Children with autism were randomised to melatonin or placebo until the end of term. The primary "
                   "outcome was total sleep time.")
    assert pico["comparator"] == "placebo"


def test_the_usual_way_named_after_or_is_the_comparator() -> None:
    pico = pico_of("Reading glasses in factories",
                   "Garment factories were randomly assigned to free reading glasses for workers with presbyopia, eye "
                   "tests and follow-up, or to usual workplace practices. The primary outcome was productivity.")
    assert pico["comparator"] == "usual workplace practices"


def test_one_word_cut_from_its_kind_of_treatment_is_given_back_its_kind() -> None:
    pico = pico_of("Music therapy for agitation in dementia", "Care home residents with dementia took part.")
    assert pico["intervention"] == "Music therapy"


def test_a_reviews_title_names_what_it_reviews() -> None:
    pico = pico_of("Honey for treating cough in children",
                   "We included randomised trials in children with acute cough. The primary outcome was cough frequency.")
    assert pico["intervention"] == "Honey"


def test_people_counted_then_a_verb_of_the_study_end_the_population() -> None:
    pico = pico_of("Workplace walking challenge",
                   "We recruited 612 office workers from 14 companies and assigned them to a step challenge or usual "
                   "activity. The primary outcome was daily steps.")
    assert pico["population"] == "office workers from 14 companies"


def test_a_count_with_a_thousands_separator_does_not_hide_the_arms_it_precedes() -> None:
    abstract = ("We randomly assigned 2,480 adults aged 40 years or older in 31 practices to a daily polypill or usual "
                "care. The primary outcome was a first cardiovascular event.")
    assert pico_of("Polypill trial", abstract)["intervention"] == "daily polypill"
    from curator.extraction import extract  # the same prose on a document reads the same arm

    assert extract(f"Polypill trial\n\nAbstract\n{abstract}\n")["pico"]["intervention"] == "daily polypill"


@pytest.mark.parametrize(("sentence", "population"), [
    ("We randomly assigned 2000 women aged 70 years or older to vitamin D 800 IU daily or placebo.",
     "women aged 70 years or older"),
    ("We randomised 120 children aged 6 to 12 years into two groups: a reading club or none.",
     "children aged 6 to 12 years"),
    ("We randomly allocated 300 adults with type 2 diabetes between supervised exercise and usual care.",
     "adults with type 2 diabetes"),
])
def test_people_named_after_an_allocation_verb_end_where_their_arms_begin(sentence: str, population: str) -> None:
    pico = pico_of("A randomised trial", sentence + " The primary outcome was the score at one year.")
    assert pico["population"] == population


def test_a_background_sentence_gives_way_to_the_people_the_methods_count() -> None:
    pico = pico_of("Metformin and gait speed in older adults with prediabetes: a randomized trial",
                   "Background: Older adults with prediabetes often walk slowly. Methods: We randomized 240 adults aged "
                   "65 years or older with prediabetes to metformin or placebo for 24 weeks. The primary outcome was "
                   "change in gait speed. Results: Gait speed did not differ.")
    assert pico["population"] is not None and "65 years or older" in pico["population"]


def test_a_results_subgroup_gives_way_to_the_people_counted() -> None:
    pico = pico_of("Statin use among outpatients with diabetes: a cross-sectional study",
                   "We analysed 12,400 outpatients with type 2 diabetes seen in 90 clinics. Statin use was lower in "
                   "women and in patients aged 85 years or older.")
    assert pico["population"] is not None and pico["population"].startswith("outpatients with type 2 diabetes")


def test_animals_are_the_population_of_an_animal_study() -> None:
    pico = pico_of("Losartan after myocardial infarction in mice",
                   "Angiotensin 2 blockers benefit patients with hypertension, but their action on scars is unclear. "
                   "Male C57BL mice underwent coronary ligation. Ligated mice were randomly assigned to losartan or "
                   "vehicle for four weeks.")
    assert pico["population"] is not None and "mice" in pico["population"]


def test_registry_labels_run_into_the_abstract_are_read_as_labels() -> None:
    pico = pico_of("Canagliflozin and kidney oxygenation",
                   "CONDITION: Chronic Kidney Disease INTERVENTION: Drug: Canagliflozin 100 mg; Drug: Placebo PRIMARY "
                   "OUTCOME: Change in renal cortical oxygenation [Time Frame: Baseline to 12 weeks] SECONDARY OUTCOME: "
                   "Change in albuminuria [Time Frame: Baseline to 12 weeks]")
    assert pico["intervention"] is not None and "Canagliflozin" in pico["intervention"]
    assert pico["comparator"] == "Placebo"
    assert pico["outcome"] is not None and "oxygenation" in pico["outcome"] and "SECONDARY" not in pico["outcome"]


def test_a_population_keeps_the_with_of_its_eligibility() -> None:
    pico = pico_of("Colchicine and Flares in Gout With Chronic Kidney Disease",
                   "CONDITION: Gout INTERVENTION: Drug: Colchicine; Drug: Placebo PRIMARY OUTCOME: Flares at 6 months")
    assert pico["population"] is not None and pico["population"].endswith("Gout With Chronic Kidney Disease")


def test_a_paper_outside_health_gets_no_population() -> None:
    pico = pico_of("Potassium channels and turgor failure in salt-stressed maize seedlings",
                   "Salt disrupts turgor in maize roots. We characterised three potassium channel genes and measured their "
                   "expression in seedlings exposed to saline irrigation. Knockout lines lost turgor earlier.")
    assert pico["population"] is None


def test_a_population_ends_before_its_sentence_s_verb_has_been() -> None:
    pico = pico_of("SGLT2 inhibitors in heart failure without diabetes: protocol for a network meta-analysis",
                   "Background: The relative efficacy of these drugs in people with heart failure but without diabetes "
                   "has not been compared. Methods: We will search four databases for randomised trials.")
    assert pico["population"] == "people with heart failure but without diabetes"
