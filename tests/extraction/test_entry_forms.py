"""Arm and outcome wordings of abstracts (entry_forms): shared nouns, crossovers, "The outcome was", "PBO".
Entries written here, none from the corpus."""

from __future__ import annotations

from curator.extraction.entry_pico import fill_entry_pico
from curator.importers.ris import to_entry
from tests.extraction.test_entry_pico import pico_of


def test_two_groups_sharing_one_noun() -> None:
    pico = pico_of("Low-dose versus standard-dose aspirin after coronary stenting: a randomised trial",
                   "We randomly assigned 600 adults after coronary stenting to one of two doses of aspirin for a year. "
                   "The primary outcome was major bleeding.")
    assert pico["intervention"] == "Low-dose aspirin"


def test_a_crossover_that_received_a_drug_and_placebo_in_random_order() -> None:
    pico = pico_of("Sildenafil and exercise in pulmonary hypertension: a crossover trial",
                   "In this double-blind crossover trial, 24 adults with pulmonary hypertension received sildenafil "
                   "20 mg and placebo for two weeks each, in random order. The primary end point was peak oxygen uptake.")
    assert pico["intervention"] is not None and pico["intervention"].startswith("sildenafil")
    assert pico["comparator"] is not None and "placebo" in pico["comparator"]


def test_an_intervention_label_listing_the_drug_and_placebo_is_the_drug() -> None:
    pico = pico_of("Melatonin and sleep in shift workers: a crossover trial",
                   "DESIGN: Randomised crossover trial. PARTICIPANTS: Forty night-shift nurses. INTERVENTION: Melatonin "
                   "3 mg nightly and matching placebo in random order. MAIN OUTCOME MEASURE: Daytime sleep duration.")
    assert pico["intervention"] is not None and "placebo" not in pico["intervention"]


def test_the_outcome_of_a_secondary_analysis() -> None:
    pico = pico_of("Obesity and the effect of semaglutide on knee pain: a secondary analysis of a randomised trial",
                   "In this secondary analysis of a trial of semaglutide versus placebo, we studied 400 adults with knee "
                   "osteoarthritis. The outcome for this analysis was change in WOMAC pain score at 68 weeks. Semaglutide "
                   "reduced pain.")
    assert pico["outcome"] == "change in WOMAC pain score at 68 weeks"


def test_pbo_is_placebo() -> None:
    """The value says what the abbreviation means; its evidence is the abbreviation the abstract wrote."""
    entry = to_entry({"TY": ["ABST"], "TI": ["Effect of colchicine on CRP after MI: results of the COL-CRP study"],
                      "AB": ["Methods: Double-blind RCT. Pts after MI were randomized 1:1 to COL 0.5 mg/d or PBO. "
                             "Primary endpoint: change in CRP at wk 4."]}, "test.ris#1")
    fill_entry_pico(entry.fields, entry.text)
    assert entry.fields["pico"]["comparator"] == "PBO (placebo)"
    (start, end), = entry.fields["evidence"]["pico.comparator"]
    assert entry.text[start:end] == "PBO"


def test_timing_groups_sharing_one_noun() -> None:
    pico = pico_of("Early versus delayed initiation of anticoagulation after ischaemic stroke: a randomised trial",
                   "We randomly assigned 900 adults with atrial fibrillation and ischaemic stroke to start a direct oral "
                   "anticoagulant within 48 hours or after 6 days. The primary outcome was recurrent stroke at 30 days.")
    assert pico["intervention"] == "Early initiation of anticoagulation"


def test_a_treatment_versus_usual_care_is_not_given_the_controls_noun() -> None:
    pico = pico_of("Metformin versus usual care in prediabetes: a randomised trial",
                   "We randomly assigned 300 adults with prediabetes to metformin or usual care. The primary outcome was "
                   "incident diabetes.")
    assert pico["intervention"] is not None and "care" not in pico["intervention"]


def test_what_a_review_compares_with_the_comparator_is_the_arm() -> None:
    pico = pico_of("Statins in older adults: protocol for a systematic review",
                   "Methods: We will include randomised trials in adults aged 75 years or older that compare any statin "
                   "with placebo. The primary outcome will be all-cause mortality.")
    assert pico["intervention"] == "statin" and pico["comparator"] == "placebo"
