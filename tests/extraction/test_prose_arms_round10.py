"""Arms read from an abstract's allocation sentence: the most an arm gives is not its name ("up to four ...",
"up to $300 of ..."), an arm that adds something to the control's care is what it adds ("usual care with Z or usual
care alone"), a placebo used inside an arm's bracketed detail is no control; and an abstract whose results section is
"Key findings" keeps its first section."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.assignment import arm_name, summary_assigned_arm


def _abstract(methods: str, results: str = "Results: 400 adults were randomised.") -> str:
    return ("Physical activity counselling in primary care: a randomised controlled trial\n\nNovak P, Silva R, Berg A\n\n"
            "Objectives: To test whether the programme improves outcomes in primary care.\n"
            f"Methods: {methods}\n{results}\n"
            "Conclusions: The programme helped.\n")


def test_up_to_an_amount_is_not_the_arms_name() -> None:
    assert arm_name("up to four text-message prompts with a link to a booking page") == (
        "four text-message prompts with a link to a booking page")
    assert arm_name("up to $300 of grocery vouchers for attending sessions") == "grocery vouchers for attending sessions"
    assert arm_name("up to 8 weeks of supervised cycling") == "supervised cycling"


def test_an_arm_that_adds_to_the_controls_care_is_what_it_adds() -> None:
    s = ("Smokers in ten clinics were randomised to usual cessation counselling with up to $300 of grocery vouchers "
         "for confirmed abstinence at three visits after the quit date, or to usual cessation counselling alone.")
    got = summary_assigned_arm(s, [(0, len(s))])
    assert got is not None and got[0] == "grocery vouchers for confirmed abstinence"
    assert s[got[1]:got[2]] == got[0]
    fields = extract(_abstract(s))
    assert fields["pico"]["intervention"] == "grocery vouchers for confirmed abstinence"
    assert fields["pico"]["comparator"] == "usual cessation counselling alone"


def test_a_placebo_inside_an_arms_brackets_is_no_control() -> None:
    s = ("Adults with COPD in 18 pharmacies were randomised to inhaler coaching by the pharmacist (a checklist, practice "
         "with a placebo inhaler and teach-back) or to usual pharmacy care, in which the medicine was handed over with "
         "its leaflet. The primary outcome was the COPD Assessment Test score at 6 months.")
    fields = extract(_abstract(s, "Key findings: 300 adults were randomised; scores improved with coaching."))
    assert fields["pico"]["comparator"] == "usual pharmacy care"
    assert fields["abstract"].startswith("Objectives: To test whether the programme")


def test_an_attention_control_of_sessions_is_the_sessions() -> None:
    s = ("Adults with chronic low back pain were randomly assigned to eight sessions of pain neuroscience education "
         "delivered by physiotherapists over 8 weeks or to an attention control of eight general wellbeing talks of "
         "equal length on sleep and diet. The primary outcome was pain interference at 12 weeks.")
    fields = extract(_abstract(s))
    assert fields["pico"]["comparator"] == "eight general wellbeing talks"


def test_a_waiting_list_control_that_gets_it_later_is_the_waiting_list() -> None:
    s = ("Clinics were randomly assigned (1:1) to receive weekly peer support groups run by trained volunteers, or to a "
         "waiting-list control group that received the groups after the trial. Mothers of infants aged 0 to 6 months, "
         "aged 18 years or older, were eligible. The primary outcome was exclusive breastfeeding at 6 months.")
    fields = extract(_abstract(s))
    assert fields["pico"]["comparator"] == "waiting-list control group"
    assert fields["pico"]["population"].startswith("Mothers of infants aged 0 to 6 months")


def test_a_labelled_allocation_sentence_gives_the_first_arms_name() -> None:
    text = ("Home walking programme after knee replacement: a randomised controlled trial\n\nNovak P, Silva R\n\n"
            "Objective: To test a home walking programme after knee replacement.\n"
            "Design: Randomised controlled trial.\n"
            "Subjects: 120 adults after total knee replacement.\n"
            "Interventions: Participants were allocated to a 10-week progressive home walking programme of graded daily "
            "walks with five physiotherapist telephone calls (n = 60) or to a printed walking leaflet (n = 60).\n"
            "Main measures: The primary outcome was the Oxford Knee Score at 12 weeks.\n"
            "Results: The Oxford Knee Score was 3 points better with the programme.\n"
            "Conclusion: A home walking programme helps.\n")
    pico = extract(text)["pico"]
    assert pico["intervention"] == "progressive home walking programme of graded daily walks"
    assert "leaflet" in pico["comparator"]


def test_a_structured_abstract_with_nothing_over_it_but_its_title() -> None:
    text = ("A nurse-led sleep hygiene programme in care homes: a single-group before-after study\n\n"
            "Background: Residents of care homes often sleep poorly, and drugs are often the only answer given.\n"
            "Methods: Trained nurses delivered a four-week sleep hygiene programme to residents of six care homes in "
            "Leeds. There was no control group. Sleep quality, measured with the Pittsburgh Sleep Quality Index before "
            "and after the programme, was the primary outcome.\n"
            "Results: Of 140 residents, 118 completed both assessments. Sleep quality improved by 2.1 points.\n"
            "Conclusions: The programme was feasible and was followed by better sleep.\n")
    fields = extract(text)
    assert fields["kind"] == "article"
    assert fields["title"] == "A nurse-led sleep hygiene programme in care homes: a single-group before-after study"


def test_a_dose_before_the_arm_is_not_its_name() -> None:
    assert arm_name("10 mL of lidocaine gel") == "lidocaine gel"
    s = ("Adults undergoing knee arthroscopy were randomised to 10 mL of bupivacaine 0.5% or an identical volume of "
         "saline, injected into the joint at the end of surgery. The primary outcome was pain at 4 hours.")
    assert summary_assigned_arm(s, [(0, len(s))])[0] == "bupivacaine 0.5%"


def test_a_strength_inside_the_titles_first_arm_is_the_arms() -> None:
    from curator.extraction.pico import versus_first

    title = "Oral 24% sucrose versus breast milk for pain during vaccination in infants: a randomized controlled trial"
    assert versus_first(title, 0) == ("Oral 24% sucrose", 0, 16)


def test_where_a_device_is_applied_is_not_its_name() -> None:
    assert arm_name("a hydrocolloid heel dressing applied to both heels on admission") == "a hydrocolloid heel dressing"
