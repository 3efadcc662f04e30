"""Arms, controls and people of bibliographic abstracts by class (entry_arms, people): entries written here, none from
the corpus."""

from __future__ import annotations

from test_entry_pico import pico_of


def test_an_allocation_with_a_comma_after_the_verb_and_a_long_arm_gives_its_short_name() -> None:
    pico = pico_of("Peer reading buddies in primary schools: a cluster trial",
                   "Thirty schools were randomised, in pairs, to a weekly 30-minute peer reading session led by older "
                   "pupils or to the usual literacy hour. The primary outcome was reading age after one year.")
    assert pico["intervention"] == "peer reading session"
    assert pico["comparator"] == "usual literacy hour"


def test_a_count_and_a_schedule_before_the_arm_are_not_its_name() -> None:
    pico = pico_of("Pharmacist calls after discharge",
                   "Older adults leaving hospital were randomised to four weekly medication review calls from a "
                   "community pharmacist or to written discharge information. The primary outcome was readmission.")
    assert pico["intervention"] == "medication review calls"
    assert pico["comparator"] == "written discharge information"


def test_relative_to_and_as_opposed_to_name_the_control() -> None:
    pico = pico_of("Grommets for glue ear",
                   "We assessed the effectiveness of ventilation tubes relative to active monitoring in children aged 2 "
                   "to 6 years with persistent otitis media with effusion. The primary outcome was hearing level.")
    assert pico["intervention"] == "ventilation tubes"
    assert pico["comparator"] == "active monitoring"
    pico = pico_of("Video consultations for follow-up",
                   "We examined video consultations, as opposed to clinic visits, for adults after knee replacement. "
                   "The primary outcome was patient satisfaction.")
    assert pico["intervention"] == "video consultations"
    assert pico["comparator"] == "clinic visits"


def test_more_effectively_than_names_the_control() -> None:
    pico = pico_of("Silver dressings for venous ulcers",
                   "This trial tested whether a silver alginate dressing heals venous leg ulcers more quickly than a "
                   "plain foam dressing in community nursing patients. The primary outcome was complete healing.")
    assert pico["intervention"] == "silver alginate dressing"
    assert pico["comparator"] == "plain foam dressing"


def test_to_compare_x_with_y_and_a_review_comparing_x_with_y() -> None:
    pico = pico_of("Early feeding after caesarean section",
                   "Aim: To compare early oral feeding at 6 hours with delayed feeding after bowel sounds in women after "
                   "caesarean section. The primary outcome was time to first flatus.")
    assert pico["intervention"] == "early oral feeding"
    assert pico["comparator"] == "delayed feeding"
    pico = pico_of("Ginger for nausea in pregnancy",
                   "Selection criteria: Randomised trials comparing ginger alone with no treatment or placebo in "
                   "pregnant women with nausea. Main results: Seven trials were included.")
    assert pico["intervention"] == "ginger"
    assert pico["comparator"] == "no treatment or placebo"


def test_a_one_word_arm_of_the_title_gives_way_to_its_full_name() -> None:
    pico = pico_of("Immediate versus deferred stenting: a meta-analysis",
                   "We searched for trials comparing immediate stenting with deferred stenting in adults with "
                   "myocardial infarction. The primary outcome was death.")
    assert pico["intervention"] == "immediate stenting"
    assert pico["comparator"] == "deferred stenting"


def test_a_stepped_wedge_roll_out_from_the_usual_way_to_the_new_one() -> None:
    pico = pico_of("Bedside handover: a stepped-wedge trial",
                   "Eight wards switched from office-based handover to bedside nursing handover in a random order. "
                   "The primary outcome was medication errors.")
    assert pico["intervention"] == "bedside nursing handover"
    assert pico["comparator"] == "office-based handover"


def test_with_or_without_the_added_treatment_is_tested_against_the_base() -> None:
    pico = pico_of("Dexamethasone added to nerve block",
                   "Adults having shoulder surgery were randomised to interscalene block with or without dexamethasone "
                   "4 mg. The primary outcome was the duration of analgesia.")
    assert pico["intervention"] == "dexamethasone 4 mg"
    assert pico["comparator"] == "interscalene block"


def test_a_placebo_last_of_several_arms_is_the_control() -> None:
    pico = pico_of("Two antihistamines for hay fever",
                   "Adults with seasonal allergic rhinitis were randomised to cetirizine 10 mg, fexofenadine 180 mg, or "
                   "a placebo tablet once daily for two weeks. The primary outcome was the nasal symptom score.")
    assert pico["comparator"] == "placebo tablet"


def test_an_abstract_naming_no_study_nor_people_has_no_pico() -> None:
    pico = pico_of("Effect of curing time on concrete strength",
                   "Cubes cured for 7, 14 or 28 days were tested in compression. Strength after 28 days was 18% higher "
                   "compared with 7-day curing.")
    assert pico == {"population": None, "intervention": None, "comparator": None, "outcome": None}


def test_a_comparison_inside_an_association_names_no_control() -> None:
    pico = pico_of("Screen time and sleep in adolescents: a survey",
                   "We surveyed 2,100 adolescents aged 12 to 16 years. More than four hours of screen time was "
                   "associated with short sleep (odds ratio 1.6) compared with less than one hour.")
    assert pico["comparator"] is None
    assert pico["population"] is not None and "adolescents" in pico["population"]


def test_people_words_for_animals_and_the_screened_are_no_population() -> None:
    pico = pico_of("A probiotic for diarrhoea in piglets",
                   "Weaned piglets with diarrhoea on four farms (n = 320) were randomly assigned to a probiotic or "
                   "to no treatment. The primary outcome was recovery.")
    assert pico["population"] is not None and "piglets" in pico["population"]
    pico = pico_of("Exercise after stroke: a pilot trial",
                   "Results: Of 150 eligible patients, 60 (40%) were randomised to treadmill training or stretching. "
                   "The primary outcome was recruitment.")
    assert pico["population"] is None or "eligible" not in pico["population"]


def test_people_with_a_condition_are_no_arms() -> None:
    pico = pico_of("Foot checks in diabetes",
                   "We evaluated adults with type 2 diabetes compared with adults without diabetes in a foot clinic. "
                   "Ulcers were more common in diabetes.")
    assert pico["intervention"] is None or "adults" not in pico["intervention"]
    assert pico["comparator"] is None or "adults" not in pico["comparator"]
