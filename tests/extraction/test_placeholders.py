"""Values that state nothing ("Not provided", "N/A") leave the field null, in the sample layouts."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_HRA = (
    "Exercise after stroke (EXAS)\n\n  • Research type\n\n    Research Study\n\n  • IRAS ID\n\n    301555\n\n"
    "  • Sponsor organisation\n\n    {sponsor}\n\n  • Eudract number\n\n    N/A\n\n  • Research summary\n\n"
    "    We will test a 12-week exercise programme in people after stroke.\n\n  • REC name\n\n    London REC\n"
)
_LISTING = (
    "Aspirin for Preeclampsia Prevention in Twin Pregnancy\nStatus:\tRecruiting\nTrial end date:\tQ3 2021\n"
    "Target enrollment:\t{enrollment}\nParticipant gender:\t{gender}\nSummary\n"
    "This trial tests low-dose aspirin 150 mg at night versus placebo in women with twin pregnancy.\n"
)


@pytest.mark.parametrize("sponsor", ["Not provided", "N/A", "Not specified", "-"])
def test_placeholder_sponsor_is_null(sponsor: str) -> None:
    fields = extract(_HRA.format(sponsor=sponsor))
    assert fields["sponsor"] is None
    assert fields["ids"] == ["IRAS:301555"]
    assert "sponsor" not in fields["evidence"]


@pytest.mark.parametrize(("enrollment", "gender"), [("Not provided", "N/A"), ("N/A", "Not provided"), ("", "")])
def test_placeholder_listing_values_are_null(enrollment: str, gender: str) -> None:
    fields = extract(_LISTING.format(enrollment=enrollment, gender=gender))
    assert fields["enrollment"] is None
    assert fields["sex"] is None
    assert fields["status"] == "RECRUITING"
    assert fields["completion_date"] == "2021"


def test_stated_values_still_read() -> None:
    fields = extract(_LISTING.format(enrollment="1,250", gender="Female"))
    assert fields["enrollment"] == 1250
    assert fields["sex"] == "FEMALE"
    assert extract(_HRA.format(sponsor="King's College London"))["sponsor"] == "King's College London"
