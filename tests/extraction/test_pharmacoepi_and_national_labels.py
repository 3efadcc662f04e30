"""Labels of a pharmacoepidemiology register (EU PAS: "Study countries", "Estimated number of subjects", "Medical
condition to be studied") and of a national trials database (Health Canada: "Drug Product Name", "Control Type")."""

from __future__ import annotations

from curator.extraction import extract


def test_a_pharmacoepidemiology_register_record() -> None:
    page = ("EU PAS Register\n\nStudy: Biologic use in pregnancy and preterm birth: a register-based cohort study\n\n"
            "EU PAS number: EUPAS100001\nStudy countries: Denmark, Sweden\nStudy type: Non-interventional study\n"
            "Medical condition to be studied: Psoriasis; Preterm birth\nPopulation studied\nPregnant women with "
            "psoriasis who gave birth between 2010 and 2020\nEstimated number of subjects: 5200\n")
    fields = extract(page)
    assert fields["countries"] == ["Denmark", "Sweden"], fields["countries"]
    assert fields["enrollment"] == 5200, fields["enrollment"]
    assert "Psoriasis" in fields["conditions"], fields["conditions"]
    assert fields["pico"]["population"] is not None and fields["pico"]["population"].startswith("Pregnant women")


def test_a_national_trials_database_record() -> None:
    page = ("Clinical Trials Database: Details for Protocol Number AB-123-301\n\nProtocol Number: AB-123-301\n"
            "Protocol Title: A Randomized, Placebo-Controlled Study of AB-123 in Adults With Chronic Hand Eczema\n"
            "Medical Condition: Chronic hand eczema\nStudy Population: Adults 18 to 65 years of age\n"
            "Sponsor: Example Pharma Inc.\nDrug Product Name: AB-123\nControl Type: Placebo\nPhase: III\n")
    pico = extract(page)["pico"]
    assert pico["intervention"] == "AB-123", pico
    assert pico["comparator"] is not None and pico["comparator"].lower() == "placebo", pico
