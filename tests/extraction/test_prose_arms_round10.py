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
