"""Blocks repeated per group or outcome (ChiCTR): summed sample sizes, the outcome typed primary."""

from __future__ import annotations

from curator.extraction import extract

_RECORD = (
    "Registration number:\nChiCTR2100048763\nPublic title:\nAcupuncture for ileus\n{total}"
    "Study execute time:\nFrom 2021-08-01 To 2023-06-30\nInterventions:\n"
    "Group: Acupuncture group\nSample size: 100\nIntervention: Acupuncture at ST36, ST37\nIntervention code:\n"
    "Group: Sham group\nSample size: 90\nIntervention: Sham acupuncture\nIntervention code:\n"
    "Outcomes:\nOutcome: Time to first flatus\nType: Secondary indicator\n"
    "Outcome: Time to first defecation\nType: Primary indicator\n"
)


def test_group_sizes_are_summed_without_a_total() -> None:
    fields = extract(_RECORD.format(total=""))
    assert fields["enrollment"] == 190
    assert fields["interventions"] == ["Acupuncture at ST36, ST37", "Sham acupuncture"]
    assert fields["completion_date"] == "2023-06-30"
    assert fields["pico"]["outcome"] == "Time to first defecation"


def test_a_stated_total_wins() -> None:
    assert extract(_RECORD.format(total="Total sample size:\n200\n"))["enrollment"] == 200
