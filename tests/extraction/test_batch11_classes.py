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


ANZ_RECORD = """Australian New Zealand Clinical Trials Registry
Trial Review
Registration number ACTRN12699000123456

Titles & IDs
Public title Walking groups for adults with knee pain
Scientific title In adults with knee osteoarthritis, does a weekly walking group compared to an exercise leaflet reduce pain at 12 weeks?

Intervention/exposure
Study type Interventional
Description of intervention(s) / exposure Participants join a weekly walking group led by a physiotherapist for 12 weeks.
Comparator / control treatment Participants receive an exercise advice leaflet by post.

Recruitment
Sample size Target 150
Recruitment outside Australia Country Fiji

Funding & Sponsors
Primary sponsor type Hospital
Name Riverside Health Service
Address 1 River Road
"""


def test_labels_written_without_a_colon_on_an_anzctr_record() -> None:
    fields = extract(ANZ_RECORD)
    assert fields["title"] == "Walking groups for adults with knee pain"
    assert "walking group compared to an exercise leaflet" in fields["official_title"]
    assert "walking group" in fields["pico"]["intervention"].lower()
    assert "exercise advice leaflet" in fields["pico"]["comparator"]
    assert fields["enrollment"] == 150
    assert "Fiji" in fields["countries"]
    assert fields["sponsor"] == "Riverside Health Service"


def test_a_name_line_is_no_sponsor_without_the_sponsor_type_above_it() -> None:
    fields = extract(ANZ_RECORD.replace("Primary sponsor type Hospital\n", "Contact person\n"))
    assert fields["sponsor"] != "Riverside Health Service"


def test_a_condition_inside_the_tested_arms_name_is_not_the_population() -> None:
    text = ("Study information\nScientific title A randomised trial of cognitive behavioural therapy for insomnia "
            "versus sleep hygiene advice in nursing students\nPrimary study design Interventional\n"
            "Who can participate?\nNursing students aged 18 years or over who sleep badly\n")
    assert extract(text)["pico"]["population"] != "insomnia"


def test_site_banners_are_no_title() -> None:
    for banner in ("Now recruiting in 3 countries",
                   "This article is part of the Research Topic: New directions in gout care View all 9 articles"):
        text = (f"{banner}\nA Study of Drug QX-12 Compared With Placebo in Adults With Gout\n"
                "Trial status: Recruiting\nConditions: Gout\nParticipants needed: 200\n")
        assert extract(text)["title"] != banner


def test_a_matching_placebo_listed_with_the_drug_is_the_comparator_not_the_intervention() -> None:
    text = ("Recruitment status: Recruiting\nStudy type: Interventional\n"
            "Scientific Title: A randomized, double-blind, placebo-controlled trial of rikkunshito for dyspepsia\n\n"
            "4. Intervention(s)\nRikkunshito granules 2.5 g three times daily for 8 weeks; matching placebo granules "
            "three times daily for 8 weeks\n\n5. Outcome(s)\nPrimary Outcome: Dyspepsia symptom score at week 8\n")
    pico = extract(text)["pico"]
    assert "placebo" not in (pico["intervention"] or "").lower()
    assert "placebo" in (pico["comparator"] or "").lower()


def test_journal_from_a_citation_cell_without_its_period_and_from_a_volume_issue_header() -> None:
    nejm_like = ("Original Article\n\nTitle Of A Trial Of Drug X In Gout\n\nAnna Berg, M.D., and Jon Lie, M.D.\n\n"
                 "Published May 2, 2023 · Lancet Rheumatol 2023;5:e210-e219 · DOI: 10.1016/S2665-9913(23)00001-1\n\n"
                 "Abstract\n\nBackground\nGout flares are painful.\n")
    assert extract(nejm_like)["journal"] == "Lancet Rheumatol"
    wiley_like = ("Wiley Online Library\nJournal of Oral Rehabilitation   Volume 48, Issue 7 p. 801-810\n\n"
                  "ORIGINAL ARTICLE\n\nSplint therapy for bruxism: a randomized trial\n\nAbstract\n\n"
                  "Background\nBruxism is common.\n")
    assert extract(wiley_like)["journal"] == "Journal of Oral Rehabilitation"


def test_the_heading_of_the_next_section_is_no_intervention() -> None:
    text = ("Scientific Title (English): Early versus late feeding after gastrectomy: a randomised trial\n\n"
            "Interventions, Observational Groups\nArm 1: Oral feeding on the day after surgery (early feeding)\n"
            "Arm 2: Oral feeding on the fifth day after surgery (late feeding)\n\n"
            "Characteristics\nStudy Type: Interventional\nAllocation: Randomized controlled study\n")
    fields = extract(text)
    assert "Characteristics" not in fields["interventions"]
    assert fields["pico"]["intervention"] != "Characteristics"


def test_an_age_range_written_with_a_plus_is_the_minimum_age() -> None:
    text = ("Trial status: Authorised, recruiting\nTitle of the trial\nA trial of drug X in frail adults\n\n"
            "Population\nAge range: 75+ years   Gender: Female, Male\n")
    fields = extract(text)
    assert (fields["min_age"], fields["max_age"]) == ("75 Years", None)


def test_an_outcome_typed_primary_on_its_own_line_is_the_primary_outcome() -> None:
    text = ("Registration number: ChiCTR2300000001\nStudy type: Interventional study\n"
            "Public title: Moxibustion for fatigue after chemotherapy\nOutcomes:\n"
            "Outcome: Fatigue score at week 4  Type: Secondary indicator\n"
            "Outcome: Piper fatigue scale total score at week 8  Type: Primary indicator\n")
    assert extract(text)["pico"]["outcome"] == "Piper fatigue scale total score at week 8"


def test_a_code_named_drug_with_its_dosing_is_kept_beside_the_placebo() -> None:
    text = ("Trial status: Recruiting\nConditions: Gout\nTreatments: QX-12 80 mg every 2 weeks; Placebo\n"
            "Participants needed: 100\n")
    fields = extract(text)
    assert fields["interventions"][0] == "QX-12"
    assert fields["pico"]["intervention"] == "QX-12"


def test_a_registry_named_as_a_mirror_s_source_is_no_journal() -> None:
    text = ("A Study of Drug QX-12 Compared With Placebo in Adults With Gout\n"
            "Source: ClinicalTrials.gov NCT01234567 · last synchronised 3 days ago\n\n"
            "Trial status: Recruiting\nConditions: Gout\nParticipants needed: 100\n")
    assert extract(text)["journal"] is None


def test_a_mirror_s_line_of_bare_values_between_bars() -> None:
    text = ("A Study of Drug QX-12 Compared With Placebo in Adults With Gout\n"
            "Phase 2 | Interventional | Sponsored by Quillon Pharma AG\n\n"
            "Trial status: Recruiting\nConditions: Gout\nParticipants needed: 100\n")
    fields = extract(text)
    assert (fields["phase"], fields["study_type"], fields["sponsor"]) == ("PHASE2", "INTERVENTIONAL",
                                                                         "Quillon Pharma AG")
    menu = extract("Home | Phase 2 trials | About us\nA Study of Drug QX-12 in Gout\nTrial status: Recruiting\n")
    assert menu["phase"] is None


def test_a_methods_and_findings_heading_does_not_end_the_abstract() -> None:
    text = ("Research Article\n\nSMS reminders and malaria treatment adherence in Ghana: a cluster randomised trial\n\n"
            "Published: May 2, 2023\n\nhttps://doi.org/10.1371/journal.pmed.1000001\n\nAbstract\n\nBackground\n\n"
            "Adherence to malaria treatment is low.\n\nMethods and findings\n\n"
            "We randomised 30 pharmacies in Accra to daily SMS reminders or to a printed leaflet only. The primary "
            "outcome was completion of the treatment course.\n\nConclusions\n\nReminders helped.\n")
    fields = extract(text)
    assert "randomised 30 pharmacies" in fields["abstract"]
    assert "SMS reminders" in (fields["pico"]["intervention"] or "")


def test_a_negating_prefix_is_never_dropped_from_the_population() -> None:
    text = ("ORIGINAL ARTICLE\n\nChlorhexidine rinse after scaling: a randomized trial\n\nAbstract\n\nAim\n"
            "To test a chlorhexidine rinse after scaling.\nMaterials and Methods\nForty healthy non-smokers with "
            "chronic periodontitis received scaling and a chlorhexidine or placebo rinse for 2 weeks.\n"
            "Results\nPocket depth fell more with chlorhexidine.\n")
    population = extract(text)["pico"]["population"] or ""
    assert not population.lower().startswith("smokers")


def test_a_related_article_under_the_site_s_tabs_is_no_part_of_the_abstract() -> None:
    text = ("Original Investigation\n\nNebulised Magnesium vs Placebo in Children With Croup: A Randomized Trial\n\n"
            "Abstract\nImportance Croup is common in young children.\nObjective To test nebulised magnesium.\n"
            "Design, Setting, and Participants Randomized trial among children aged 6 to 59 months with croup.\n"
            "Conclusions and Relevance Magnesium did not help.\n\n"
            "Comment & Related   Multimedia   Supplemental Content   Trending\n"
            "Inhaled Budesonide for Bronchiolitis in Infants. JAMA. 2021;325(2):12-13.\n")
    fields = extract(text)
    assert "Bronchiolitis" not in (fields["abstract"] or "")
    assert "Bronchiolitis" not in (fields["pico"]["population"] or "")


def test_the_tested_arm_of_x_combined_with_y_versus_y_alone_is_x() -> None:
    text = ("ORIGINAL RESEARCH article\n\nMusic therapy combined with speech therapy versus speech therapy alone for "
            "aphasia after stroke: a randomized controlled trial\n\nAbstract\n\nBackground: Aphasia is common after "
            "stroke.\nMethods: Patients with aphasia received speech therapy with or without music therapy for "
            "6 weeks.\nResults: Naming improved more with music therapy.\n")
    fields = extract(text)
    assert fields["interventions"][0] == "Music therapy"
    assert fields["pico"]["intervention"] == "Music therapy"
