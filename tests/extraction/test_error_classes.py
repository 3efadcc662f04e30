"""Issue 20's classes of error, one small document per case (the corpus scores them on whole pages)."""

from __future__ import annotations

from curator.extraction import extract


def _x(text: str) -> dict:
    return extract(text, source="t")


# ---------------------------------------------------------------- labels inside values
def test_sponsored_by_is_a_label() -> None:
    f = _x("Trial of X\n\nSponsored by: Some University Hospital\nNCT Number: NCT01234567\nStudy Type: Interventional\n")
    assert f["sponsor"] == "Some University Hospital"


def test_sponsor_type_then_name_below() -> None:
    f = _x("Trial ID: ACTRN12618000123235\nPrimary sponsor type: University\nName: University of Sydney\n")
    assert f["sponsor"] == "University of Sydney"


def test_status_sentence_is_the_status_not_the_title() -> None:
    f = _x("Registry\n\nThis study has been terminated.\n\nAspirin for Migraine\n\nNCT Number: NCT01234567\n"
           "Study Type: Interventional\nGenders Eligible for Study: Both\n")
    assert f["status"] == "TERMINATED"
    assert f["title"] != "This study has been terminated."
    assert f["sex"] == "ALL"


def test_title_running_on_into_the_next_label() -> None:
    f = _x("Official Title: A Trial of Y in Z   Recruitment Status: Recruiting\nNCT Number: NCT01234567\n")
    assert f["official_title"] == "A Trial of Y in Z"
    assert f["status"] == "RECRUITING"


def test_phase_badge_pasted_after_the_title() -> None:
    f = _x("Finder\n\nSemaglutide for Knee Pain in Adults Phase 3\nRecruiting\nNCT05123456\n\nSponsor: Acme\n")
    assert f["title"] == "Semaglutide for Knee Pain in Adults"
    assert f["phase"] == "PHASE3"
    s, e = f["evidence"]["phase"][0]
    assert "Phase 3" in "Finder\n\nSemaglutide for Knee Pain in Adults Phase 3"[s:e]


def test_a_label_line_is_not_the_title() -> None:
    f = _x("Register\n\nEudraCT Number: 2019-003214-55\nSponsor's Protocol Code Number: TB-01\nTrial Status: Ongoing\n")
    assert "Protocol" not in (f["title"] or "")


# ---------------------------------------------------------------- lists
def test_comma_and_lists_of_known_names_are_split() -> None:
    f = _x("Study Type: Interventional\nNCT Number: NCT01234567\nConditions: Type 2 Diabetes, Obesity and Hypertension\n"
           "Interventions: Metformin, Sitagliptin and Empagliflozin\n")
    assert f["conditions"] == ["Type 2 Diabetes", "Obesity", "Hypertension"]
    assert f["interventions"] == ["Metformin", "Sitagliptin", "Empagliflozin"]
    text = "Study Type: Interventional\nNCT Number: NCT01234567\nConditions: Type 2 Diabetes, Obesity and Hypertension\n"
    assert [text[s:e] for s, e in f["evidence"]["conditions"]] == f["conditions"]


def test_a_name_with_a_comma_stays_whole() -> None:
    f = _x("Study Type: Interventional\nNCT Number: NCT01234567\nConditions: Heart Failure, Diastolic\n"
           "Interventions: Yoga and breathing exercises\n")
    assert f["conditions"] == ["Heart Failure, Diastolic"]
    assert f["interventions"] == ["Yoga and breathing exercises"]


def test_citation_full_stop_is_not_part_of_the_journal() -> None:
    f = _x("Journal site\n\nLow-dose naltrexone for fibromyalgia: a randomised trial\n\nEmma Hartley, David Kwan\n\n"
           "J Pain Res. 2021;14(3):1045-1054. doi:10.2147/JPR.S301234\n\nAbstract\nWomen with fibromyalgia took it.\n")
    assert f["journal"] == "J Pain Res"
    assert f["year"] == 2021


# ---------------------------------------------------------------- registry vocabulary
def test_design_labels_give_the_study_type() -> None:
    f = _x("Melatonin for Delirium\n\nClinicalTrials.gov ID: NCT03900123\nAllocation: Randomized\n"
           "Intervention Model: Parallel Assignment\n")
    assert f["study_type"] == "INTERVENTIONAL"
    f = _x("Cohort\n\nDRKS-ID: DRKS00021456\nObservational Model: Cohort\nTime Perspective: Prospective\n")
    assert f["study_type"] == "OBSERVATIONAL"
    f = _x("EudraCT Number: 2019-003214-55\nE.8.1 Controlled: Yes\nE.8.1.1 Randomised: Yes\n")
    assert f["study_type"] == "INTERVENTIONAL"
    f = _x("EudraCT Number: 2019-003214-55\nE.8.1.1 Randomised: No\n")
    assert f["study_type"] is None


def test_non_interventional_is_observational() -> None:
    f = _x("DRKS-ID: DRKS00021456\nStudy type: Non-interventional\n")
    assert f["study_type"] == "OBSERVATIONAL"


def test_single_comparator_arm_is_the_comparator() -> None:
    f = _x("Trial of M\n\nNCT Number: NCT03900123\nStudy Type: Interventional\nArms and Interventions\n"
           "Experimental: Melatonin\nMelatonin 3 mg each evening\nPlacebo Comparator: Placebo\nIdentical tablets\n")
    assert f["pico"]["comparator"] == "Placebo"
    assert "placebo" not in (f["pico"]["intervention"] or "").lower()


# ---------------------------------------------------------------- PICO from prose
def _abstract(body: str, title: str = "A trial in adults") -> dict:
    return _x(f"Journal site\n\n{title}\n\nAnna Berger, Felix Hartmann\n\nTrials. 2020;21:314. doi:10.1186/s13063-020-04245-3"
              f"\n\nAbstract\n{body}\n")


def test_comparator_named_after_versus_in_the_title() -> None:
    f = _abstract("Adults with neck pain will be randomised to yoga or stretching exercises.",
                  "Yoga versus stretching for chronic neck pain: protocol for a randomised controlled trial")
    assert f["pico"]["comparator"] == "stretching"
    assert "yoga" in f["pico"]["intervention"].lower()


def test_sham_control_keeps_its_noun() -> None:
    f = _abstract("Adults were randomly assigned to active stimulation or sham stimulation, five sessions a week.")
    assert f["pico"]["comparator"] == "sham stimulation"
    f = _abstract("Adults were randomised to true acupuncture or sham acupuncture over 8 weeks.")
    assert f["pico"]["comparator"] == "sham acupuncture"


def test_compared_with_a_time_or_the_same_people_is_no_comparator() -> None:
    f = _abstract("Pain fell by half compared with baseline. Pain was lower compared with those who declined.")
    assert f["pico"]["comparator"] is None


def test_single_arm_study_has_no_comparator() -> None:
    f = _abstract("In this single-arm study, patients received selpercatinib. Response was high versus historical data.")
    assert f["pico"]["comparator"] is None


def test_prose_intervention_label_gives_the_tested_arm() -> None:
    text = ("ISRCTN33781299\nWalking football trial\n\nStudy design: Randomised\n"
            "Intervention: Participants are randomised to weekly walking football sessions for 12 weeks or to usual care.\n")
    f = _x(text)
    assert f["pico"]["comparator"] == "usual care"
    assert f["pico"]["intervention"] == "weekly walking football sessions for 12 weeks"
    s, e = f["evidence"]["pico.intervention"][0]
    assert text[s:e] == f["pico"]["intervention"]


# ---------------------------------------------------------------- layout
def test_journal_from_the_masthead_when_no_citation_line() -> None:
    f = _x("JAMA Pediatrics\nHome | Issues | For Authors\n\nOriginal Investigation\nMarch 7, 2022\n\n"
           "Effect of Probiotic Drops on Infant Colic: A Randomized Clinical Trial\n\nGiulia Rossi, MD; Marco Bianchi, PhD\n\n"
           "Abstract\nImportance: Infant colic distresses families.\n\ndoi:10.1001/jamapediatrics.2022.0101\n")
    assert f["journal"] == "JAMA Pediatrics"
    assert f["year"] == 2022


def test_a_site_or_registry_name_is_no_journal() -> None:
    f = _x("Health Research Authority\n\nResearch summary\n\nA trial of X in Y\n\nResearch summary\nAbstract\n"
           "We will test X.\nIRAS ID: 288397\n")
    assert f["journal"] is None


def test_structured_abstract_main_outcomes_and_intervention_or_placebo() -> None:
    f = _x("JAMA Pediatrics\n\nEffect of Probiotic Drops on Infant Colic: A Randomized Clinical Trial\n\n"
           "Giulia Rossi, MD; Marco Bianchi, PhD\n\nAbstract\nImportance: Infant colic distresses families.\n"
           "Interventions: Lactobacillus reuteri drops or placebo daily for 21 days.\n"
           "Main Outcomes and Measures: Daily crying time at day 21.\nConclusions: Drops helped.\n")
    assert f["pico"]["outcome"].startswith("Daily crying time")
    assert f["pico"]["intervention"] == "Lactobacillus reuteri drops"
    assert f["pico"]["comparator"] == "placebo"


def test_bilingual_labels_running_on_and_a_prefixed_status_sentence() -> None:
    f = _x("Inicio | Buscar\n\nEstado: This trial has been completed.\n\nFasting for Prediabetes\n"
           "Título oficial / Official title: Eating Versus Restriction in Prediabetes    Patrocinador / Sponsor: Universidad"
           " de Chile\nIdentificador: NCT04999888\nStudy type: Interventional\n")
    assert f["official_title"] == "Eating Versus Restriction in Prediabetes"
    assert f["sponsor"] == "Universidad de Chile"
    assert f["status"] == "COMPLETED"
    assert "completed" not in (f["title"] or "")


def test_another_registry_s_number_in_a_sentence_is_not_an_id() -> None:
    f = _x("EudraCT Number: 2020-004455-12\nTrial Status: Completed\n\nThis booster study enrols participants of the "
           "earlier trial EudraCT 2020-001228-32 and of ISRCTN15281137 who consent to further follow-up.\n")
    assert f["ids"] == ["EudraCT:2020-004455-12"]
    f = _x("EudraCT Number: 2020-004455-12\nTrial Status: Completed\n\nThis trial is also registered as ISRCTN15281137 "
           "with the same protocol and the same sponsor in the United Kingdom.\n")
    assert "ISRCTN15281137" in f["ids"]


def test_foreign_labels_are_glossed_with_their_fields() -> None:
    from curator.extraction.labels import foreign_labels

    page = "Erosion healing\n\nنویسندگان\n\n  • R Rau\nچکیده\n\nDisruption of the cortical plate\n摘要: 一项研究\n"
    assert foreign_labels(page) == [("نویسندگان", "authors"), ("چکیده", "abstract"), ("摘要", "abstract")]
    assert foreign_labels("Title: all in English\nAuthors: A B\n") == []
    assert foreign_labels("  • Research type\n  • Full title\n  Kawasaki – 2018 · Über\n") == []  # Latin
