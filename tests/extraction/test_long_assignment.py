"""Arms of an assignment sentence whose people are long ("aged 40 years or older who had been admitted ... below
80% predicted"), whose ratio is bracketed ("allocated (1:1) to"), whose arm carries its timing ("starting within 2
weeks of discharge", "applied in theatre") or whose usual way carries its detail ("standard analgesia with
paracetamol")."""

from __future__ import annotations

import pytest

from curator.extraction import extract


def _arms(sentence: str) -> tuple[str | None, str | None]:
    page = (f"Arms and people: a trial\nAnna Kent\nhttps://doi.org/10.1234/arm.2022.1\n\nAbstract\n{sentence} The "
            "primary outcome was readmission at 6 months.\n")
    pico = extract(page)["pico"]
    return pico["intervention"], pico["comparator"]


@pytest.mark.parametrize(("sentence", "tested", "control"), [
    ("We randomly assigned 260 adults aged 40 years or older who had been admitted with heart failure and had an "
     "ejection fraction below 40% at discharge to a 12-week home-based cardiac rehabilitation programme starting within "
     "2 weeks of discharge, supported by nurse telephone calls, or to usual care with referral to the hospital clinic.",
     "home-based cardiac rehabilitation programme", "usual care"),
    ("Villages were randomly allocated (1:1) to a hand hygiene programme delivered weekly by trained volunteers, "
     "together with soap, or to no intervention (control).", "hand hygiene programme", "no intervention"),
    ("We randomly assigned 200 patients with a hip fracture to a femoral nerve block with bupivacaine or to standard "
     "systemic analgesia with paracetamol and morphine.", "femoral nerve block", "standard systemic analgesia"),
    ("Women were randomised to a single-use negative pressure wound therapy device applied in theatre for 7 days or "
     "to a standard adhesive dressing.", "single-use negative pressure wound therapy device", "standard adhesive dressing"),
])
def test_arms_of_a_long_assignment_sentence(sentence: str, tested: str, control: str) -> None:
    got_tested, got_control = _arms(sentence)
    assert got_tested is not None and got_tested.startswith(tested), got_tested
    assert got_control == control, got_control
