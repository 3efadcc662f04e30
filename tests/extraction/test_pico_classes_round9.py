"""PICO classes left by web batch 20, each on examples written for the test (no corpus page copied).

1. A registry's group statements whose control's statement was taken as the intervention (group_text).
2. Another language's title and abstract first, then the English ones (titles, assignment).
3. A registry's population that is only the condition while the page names the people (population_people,
   criteria_lines).
4. A recruitment status alone on a line near the top, without its label (status_badge).
5. Clusters randomised to deliver, provide, offer or use the tested arm (cluster_arms).
6. A point-of-care test's arm stated by how soon its result comes (result_time).
And what was met on the way: listed names that start with their length, a results page's groups told in the past,
people something is done to, IRCT's numbered blocks, plain-words titles with their acronym.
"""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.group_text import group_arms

# The control's statement first, labelled by role.
CONTROL_FIRST = """ISRCTN registry
ISRCTN40517722
Home visits by pharmacists after hospital discharge in older people

Recruitment status   Recruiting
Study information
Scientific title   A randomised trial of two follow-up approaches after discharge from hospital in people aged 75 and over
Primary study design   Interventional
Health condition(s) or problem(s) studied   Polypharmacy
Interventions   Control group: participants continue their usual follow-up with their general practitioner. Intervention group: participants receive two home visits by a community pharmacist within 14 days of discharge, with a medicines review and a written plan.
Primary outcome measure   Unplanned readmission within 90 days
"""

# Numbered groups, the control told only by what its people keep.
NUMBERED_GROUPS = """DRKS - German Clinical Trials Register
Trial DRKS00039911
Title   Bed rest or early walking after a kidney biopsy
Interventions, Observational Groups
Arm 1: Patients in this arm keep the standard 24 hours of bed rest after the biopsy.
Arm 2: Patients in this arm are given a walking plan that starts 4 hours after the biopsy, with a nurse at their side.

Endpoints
Primary outcome: Bleeding needing a transfusion or an intervention within 7 days
Study Type: Interventional
Recruitment Status: Recruiting ongoing
"""

# Clusters "in the ... condition", in a plain-language summary whose "Group" sentences say what each does.
CLUSTER_CONDITIONS = """Trial NL-OMON60021
Brief title
Singing sessions in nursing homes (CHOIR)
Research involving
Human
Intervention
Homes in the comparison condition keep their usual activity programme. Homes in the intervention condition hold a weekly group singing session led by a music therapist.
Outcome measures
Primary outcome: Agitation measured with the Cohen-Mansfield Agitation Inventory at 6 months.
Study type: Interventional
Recruitment status: Recruiting
"""


def test_control_stated_first_is_the_comparator() -> None:
    f = extract(CONTROL_FIRST)
    assert "home visits" in f["pico"]["intervention"]
    assert "usual" not in f["pico"]["intervention"] and "Control group" not in f["pico"]["intervention"]


def test_numbered_arms_told_apart_by_what_the_control_keeps() -> None:
    f = extract(NUMBERED_GROUPS)
    assert "walking plan" in f["pico"]["intervention"]
    assert "bed rest" not in f["pico"]["intervention"] and "Arm" not in f["pico"]["intervention"]


def test_clusters_in_the_control_condition() -> None:
    f = extract(CLUSTER_CONDITIONS)
    assert "singing" in f["pico"]["intervention"]
    assert "usual" not in f["pico"]["intervention"]
    assert "usual activity programme" in (f["pico"]["comparator"] or "")


def test_group_statements_need_one_control_and_one_tested_group() -> None:
    two_tested = "Group 1: participants take drug A daily. Group 2: participants take drug B daily."
    assert group_arms(two_tested, 0, len(two_tested)) is None
    more = ('The "app" group will get the usual follow-up and will also receive a coaching app. '
            'The "usual care" group will get the usual follow-up only.')
    got = group_arms(more, 0, len(more))
    assert got is not None and "coaching app" in got[0][0] and "usual follow-up only" in got[1][0]


# 5. Clusters randomised to deliver, provide, offer or use the tested arm, or to continue what they did.
CLUSTER_ABSTRACT = """Effect of a pharmacy-led inhaler technique check in community pharmacies: a cluster randomised trial

Abstract
Background Poor inhaler technique is common in asthma.
Methods Eighty community pharmacies were randomly allocated to provide a structured inhaler technique check by the pharmacist to adults collecting asthma inhalers, or to continue dispensing inhalers with their usual verbal advice. The primary outcome was asthma control (Asthma Control Questionnaire) at 6 months.
Results Asthma control improved more in intervention pharmacies.
"""
HOMES_ABSTRACT = """Abstract
Methods Twenty care homes were randomised to use a hydration chart and drinks trolley for all residents, or to keep offering drinks at mealtimes as before. The primary outcome was hospital admission for dehydration.
"""


def test_units_randomised_to_provide_or_continue() -> None:
    f = extract(CLUSTER_ABSTRACT)
    assert f["pico"]["intervention"] == "structured inhaler technique check"
    assert "usual verbal advice" in (f["pico"]["comparator"] or "") or "dispensing" in (f["pico"]["comparator"] or "")
    assert "check" not in (f["pico"]["comparator"] or "")


def test_cluster_arms_cut_whom_and_how() -> None:
    from curator.extraction.cluster_arms import cluster_arms

    tested, control = cluster_arms(HOMES_ABSTRACT, [(0, len(HOMES_ABSTRACT))])
    assert tested[0] == "hydration chart and drinks trolley"
    assert HOMES_ABSTRACT[tested[1]:tested[2]] == tested[0]
    assert control is not None and control[0] == "drinks at mealtimes"
    received = "Patients were randomised to receive drug A or placebo."
    assert cluster_arms(received, [(0, len(received))]) is None


# 6. A point-of-care test's arm stated by how soon its result comes.
TEST_ROW = """CTRI Number   CTRI/2024/02/061234 [Registered on: 05/02/2024]
Type of Trial   Interventional
Public Title of Study   Bedside haemoglobin meter for anaemia in pregnancy
Intervention / Comparator Agent
Type   Name   Details
Intervention   Handheld haemoglobin meter   A finger-prick sample is read by the auxiliary nurse midwife at the sub-centre during the antenatal visit; result in 2 minutes
Comparator Agent   Laboratory haemoglobin   Venous sample analysed at the district hospital laboratory
Primary Outcome
Treatment of anaemia started within 7 days
"""
RESULT_PROSE = """Abstract
Methods Adults with suspected sepsis in four emergency departments were randomised to receive a lactate result within 15 minutes from a bedside lactate meter, or to usual laboratory lactate testing. The primary outcome was time to antibiotics.
"""
LABELLED_RESULT = """Trial registered on ANZCTR
Registration number   ACTRN12624000999001
Public title   Faster strep throat answers in general practice
Intervention/exposure
Study type   Interventional
Description of intervention(s) / exposure   Children in the intervention practices have their result within 10 minutes. A throat swab is tested with a rapid antigen detection test in the consulting room before antibiotics are decided.
Comparator / control treatment   Usual care: throat swab sent to the laboratory when the doctor wishes.
Brief summary   This trial tests whether faster answers reduce amoxicillin prescribing for sore throat in children.
"""


def test_result_time_is_no_listed_intervention() -> None:
    f = extract(TEST_ROW)
    assert "Handheld haemoglobin meter" in f["interventions"]
    assert not any("result" in i for i in f["interventions"])
    assert "result" not in (f["pico"]["intervention"] or "")


def test_result_phrase_gives_way_to_the_test() -> None:
    f = extract(RESULT_PROSE)
    assert f["pico"]["intervention"] == "bedside lactate meter" or "lactate meter" in f["pico"]["intervention"]
    assert "within" not in f["pico"]["intervention"]


def test_labelled_result_time_names_the_rapid_test() -> None:
    f = extract(LABELLED_RESULT)
    assert "rapid antigen detection test" in (f["pico"]["intervention"] or "")


# 2. Another language's title and abstract first, then the English ones.
GERMAN_FIRST = """Deutsche Zeitschrift fuer Sportmedizin 2024; 75(2): 61-68
DOI: 10.5960/dzsm.2024.601

Kaeltetherapie nach Kreuzbandplastik im Vergleich zu Kompression allein: eine randomisierte Studie
Cold therapy versus compression alone after anterior cruciate ligament reconstruction: a randomised trial

Lena Hartmann1, Jonas Weber2
1 Sportorthopaedie, Universitaetsklinikum Freiburg

Zusammenfassung
Methoden 80 Patienten erhielten Kaeltetherapie oder Kompression allein.

Abstract
Methods Eighty adults after anterior cruciate ligament reconstruction were randomised to a cold therapy device with compression or to compression alone for 2 weeks. The primary outcome was pain on day 3.
"""
PORTUGUESE_NO_BYLINE = """Revista de Saude Coletiva 2023; 33(4)
https://doi.org/10.1590/rsc.2023.0412

Caminhadas em grupo para idosos com hipertensão: ensaio clínico randomizado por conglomerados
Group walking for older adults with hypertension: a cluster randomised clinical trial

Maria Souza I   Paulo Lima II

RESUMO
Objetivo: avaliar caminhadas em grupo.

ABSTRACT
Methods: twenty health units were randomised; older adults with hypertension in intervention units joined group walks three times a week, and those in control units received usual care. The primary outcome was systolic blood pressure at 6 months.
"""


def test_english_title_under_an_ascii_german_one() -> None:
    f = extract(GERMAN_FIRST)
    assert f["title"].startswith("Cold therapy versus compression alone")
    assert "Kaelte" not in (f["pico"]["intervention"] or "")


def test_english_title_under_a_foreign_one_without_a_byline() -> None:
    f = extract(PORTUGUESE_NO_BYLINE)
    assert f["title"].startswith("Group walking for older adults")


def test_a_group_label_is_no_arm() -> None:
    text = """Abstract
Methods A total of 120 adults with chronic insomnia were randomly assigned to an experimental group or a control group. The control group received sleep hygiene advice; the experimental group additionally received six sessions of online cognitive behavioural therapy. The primary outcome was the Insomnia Severity Index.
"""
    f = extract("Online therapy for insomnia in adults: a randomised trial\n\n" + text)
    assert "experimental group" not in (f["pico"]["intervention"] or "")


# 3. A registry's population that is only the condition, while the page names the people elsewhere.
GENERIC_TITLE_PEOPLE = """ClinicalTrials.gov Identifier: NCT05990011
Recruitment Status : Completed
Brief Title: Xylitol Nasal Spray to Prevent Ear Infections in Children
Condition: Otitis Media
Intervention: Drug: Xylitol nasal spray
Study Type: Interventional
Eligibility Criteria
Inclusion Criteria:
Children attending municipal day-care centres in Tampere with two or more ear infections in the past year
Primary Outcome Measures: Number of acute otitis media episodes over 6 months
"""
CTRI_TABLE = """CTRI Number   CTRI/2024/06/070001 [Registered on: 10/06/2024]
Type of Trial   Interventional
Public Title of Study   A study of a mouth rinse in a coastal district
Health Condition / Problems Studied
Health Type   Condition
Patients   (1) ICD-10 Condition: K05||Gingivitis and periodontal diseases
Inclusion Criteria
Age From   18.00 Year(s)
Age To   60.00 Year(s)
Gender   Both
Details   1. Fishermen aged 18 to 60 years with bleeding gums registered with the district cooperative 2. Willing to attend
Exclusion Criteria
Details   Smokers
Primary Outcome
Gingival index at 3 months
"""
NO_PEOPLE = """ClinicalTrials.gov Identifier: NCT05990012
Recruitment Status : Recruiting
Brief Title: Topical Timolol for Pyogenic Granuloma
Condition: Pyogenic Granuloma
Study Type: Interventional
Primary Outcome Measures: Complete clearance at 12 weeks
"""


def test_generic_title_people_give_way_to_the_criteria() -> None:
    pop = extract(GENERIC_TITLE_PEOPLE)["pico"]["population"]
    assert pop.startswith("Children attending municipal day-care centres")


def test_people_on_a_criteria_table_line() -> None:
    pop = extract(CTRI_TABLE)["pico"]["population"]
    assert pop.startswith("Fishermen aged 18 to 60 years")


def test_no_people_named_keeps_the_condition() -> None:
    assert extract(NO_PEOPLE)["pico"]["population"] == "Pyogenic Granuloma"


# 4. A recruitment status alone on a line (or first in a badge row) near the top, with no "Status:" label.
def _page(badge_line: str) -> str:
    return f"""Trial finder   Search   About
Home > Trials > Stroke

Mirror therapy at home after stroke
{badge_line}
NCT06100011

Sponsor: University of Leeds
Brief summary
This trial tests whether mirror therapy at home improves arm function in adults after stroke.
"""


def test_status_alone_under_the_title() -> None:
    assert extract(_page("Completed"))["status"] == "COMPLETED"
    assert extract(_page("Closed to recruitment"))["status"] == "ACTIVE_NOT_RECRUITING"


def test_status_first_in_a_badge_row() -> None:
    f = extract(_page("Recruiting   Last updated 2025-01-12"))
    assert f["status"] == "RECRUITING" and f["status_raw"] == "Recruiting"


def test_a_row_of_status_filters_is_no_status() -> None:
    assert extract(_page("Recruiting   Completed   All trials"))["status"] is None


# Met on the way: a listed name that starts with its length, and a results page's groups told in the past.
def test_listed_name_starting_with_its_length() -> None:
    page = """ClinicalTrials.gov ID NCT06200022
Brief Title
Walking After Knee Replacement
Conditions
Knee Osteoarthritis
Intervention / Treatment
Behavioral: 12-week walking programme
Behavioral: Printed advice
Study Type
Interventional
"""
    assert "12-week walking programme" in extract(page)["interventions"]


def test_the_other_group_had_a_bracketed_control() -> None:
    page = """Research > Our studies
Xylitol nose drops for colds in children (NOSE-X)
Completed
Sponsor: Northern Children's Trust
What did taking part involve?
Children were put into one of two groups by chance. One group had xylitol nose drops each morning; the other group had plain (0.9%) saline, which looks the same.
"""
    assert extract(page)["pico"]["comparator"] == "plain (0.9%) saline"


def test_people_something_is_done_to_are_no_population() -> None:
    page = """Oral care on stroke units: a cluster randomised trial

Abstract
Methods Ten stroke units were randomised to use an oral care protocol with chlorhexidine gel, or to continue cleaning patients with foam swabs and water. The primary outcome was pneumonia within 30 days.
"""
    assert "foam swabs" not in (extract(page)["pico"]["population"] or "")


def test_numbered_block_number_is_no_outcome() -> None:
    page = """IRCT20210101000001N2
Zinc lozenges for the common cold in students
Recruitment status
Recruitment complete
Scientific title
Zinc acetate lozenges versus placebo lozenges for cold duration in university students
Primary outcomes
1
Description: Duration of cold symptoms in days
Timepoint: Daily for 14 days
"""
    assert extract(page)["pico"]["outcome"] == "Duration of cold symptoms in days"


def test_plain_words_title_with_its_acronym() -> None:
    page = """ISRCTN registry
Search   Advanced search   About

ISRCTN30012345
Helping you sleep better after a heart attack (SLEEP-MI)

Recruitment status   Recruiting
Overall study status   Ongoing
Where is the study run from?
Royal Infirmary of Edinburgh (UK)
"""
    assert extract(page)["title"] == "Helping you sleep better after a heart attack (SLEEP-MI)"
