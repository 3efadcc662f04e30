"""Classes of error met on held-out batch 11 of the page corpus, each tested on text written here."""

from __future__ import annotations

from curator.extraction import extract


def test_mirror_and_registry_labels_of_sponsor_outcome_and_countries() -> None:
    text = ("TrialFinder — studies near you\n\nA Study of Drug QX-12 in Adults With Gout\n"
            "Trial status: Recruiting\nConditions: Gout\n"
            "Main thing measured: Serum urate below 6 mg/dL at month 6\n\n"
            "Trial sponsor: Quillon Pharma AG\n")
    fields = extract(text)
    assert fields["sponsor"] == "Quillon Pharma AG"
    assert "Serum urate" in (fields["pico"]["outcome"] or "")


def test_jrct_sponsor_institute_and_classic_listed_location_countries() -> None:
    text = ("Study Type  Interventional\nNCT Number  NCT01234567\n"
            "Listed Location Countries  Norway\n\nSponsor/CRO\nSponsor Institute: Bergen Hospital Trust\n")
    fields = extract(text)
    assert fields["sponsor"] == "Bergen Hospital Trust"
    assert fields["countries"] == ["Norway"]
