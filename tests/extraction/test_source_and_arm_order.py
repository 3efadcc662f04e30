"""Classes of batch 10: the journal and year in more source lines (PDF running heads, meeting citations, a citation
among a line's cells, a labelled source running on into its issue), more registries' ids and labels, Ovid's record
numbers, repository author lines, arms named in the wrong order or by their product, meeting abstracts' numbers."""

from __future__ import annotations

import pytest

from curator.extraction import extract
from curator.extraction.arm_order import control_named_first
from curator.identifiers import find_ids, is_trial_id

_TITLE = "Ginger capsules for nausea after day surgery: a randomised controlled trial"
_BYLINE = "Anna Kent, Lars Berg"
_ABSTRACT = ("Abstract\nMethods: Adults having day surgery were randomly assigned to ginger capsules or placebo. The "
             "primary outcome was nausea at 24 hours.\n")


@pytest.mark.parametrize(("source", "journal", "year"), [
    ("Journal of Physiotherapy 66 (2020) 112–119", "Journal of Physiotherapy", 2020),
    ("Trials (2022) 23:418                          https://doi.org/10.1186/s13063-022-06345-7", "Trials", 2022),
    ("BMC Surgery (2019) 19:77", "BMC Surgery", 2019),
    ("Citation: J Clin Oncol 41, 2023 (suppl 17; abstr LBA500)", "J Clin Oncol", 2023),
    ("Ann Oncol 33, 2022 (suppl 7; abstr 1502)", "Ann Oncol", 2022),
    ("Originally published 7 Nov 2022   https://doi.org/10.1161/x   Circulation. 2022;146:A13412", "Circulation", 2022),
    ("Posted 3 May 2021   Open access   Stroke. 2021;52:AP112", "Stroke", 2021),
])
def test_journal_and_year_from_running_heads_and_meeting_citations(source: str, journal: str, year: int) -> None:
    f = extract(f"{source}\n\n{_TITLE}\n{_BYLINE}\n\n{_ABSTRACT}")
    assert (f["journal"], f["year"]) == (journal, year)


@pytest.mark.parametrize(("label", "value", "journal", "year"), [
    ("Source", "Pediatric Emergency Care. 38(2):e612-e617, 2022 Feb 01.", "Pediatric Emergency Care", 2022),
    ("Published in", "The Lancet Global Health  ·  2023  ·  Vol 11, Issue 2, pp e245-e254", "The Lancet Global Health",
     2023),
    ("Journal", "Clinical Nursing Research | 2018 | 27(4)", "Clinical Nursing Research", 2018),
    ("Source", "European Journal of Pain, Vol 25, 2021", "European Journal of Pain", 2021),
])
def test_a_labelled_source_running_on_into_its_issue(label: str, value: str, journal: str, year: int) -> None:
    f = extract(f"{_TITLE}\n{_BYLINE}\n{label}: {value}\n\n{_ABSTRACT}")
    assert (f["journal"], f["year"]) == (journal, year)


def test_a_source_without_issue_details_is_kept_whole() -> None:
    f = extract(f"{_TITLE}\n{_BYLINE}\nJournal: Physiotherapy Theory and Practice\nYear: 2020\n\n{_ABSTRACT}")
    assert (f["journal"], f["year"]) == ("Physiotherapy Theory and Practice", 2020)


@pytest.mark.parametrize(("written", "cid"), [
    ("SNCTP000005123", "SNCTP000005123"), ("PHRR220318-004122", "PHRR220318-004122"), ("PER-045-21", "PER-045-21"),
])
def test_swiss_philippine_and_peruvian_trial_ids(written: str, cid: str) -> None:
    assert [i for i, _, _ in find_ids(f"Registered as {written}.")] == [cid]
    assert is_trial_id(cid)


def test_per_in_lower_case_or_inside_a_word_is_no_id() -> None:
    assert list(find_ids("Doses per-045-21 and SUPER-123-45 were given.")) == []


def test_a_spanish_registry_record() -> None:
    page = ("Registro de Ensayos\nCódigo de registro: PER-101-22\nTítulo público: Zinc para la diarrea en niños\n"
            "Patrocinador: Instituto de Salud del Niño\nEstado del ensayo: Reclutando\nFase: III\n"
            "Tipo de estudio: Intervencional\nTamaño de muestra: 150\nSexo: Ambos\nCondición de salud: Diarrea aguda\n"
            "Intervención: Zinc 20 mg al día\nComparador: Placebo\nDesenlace primario: Duración de la diarrea\n")
    f = extract(page)
    assert (f["kind"], f["status"], f["phase"], f["study_type"], f["enrollment"], f["sex"]) == (
        "trial", "RECRUITING", "PHASE3", "INTERVENTIONAL", 150, "ALL")
    assert f["title"] == "Zinc para la diarrea en niños" and f["sponsor"] == "Instituto de Salud del Niño"
    assert f["pico"]["comparator"] == "Placebo" and "PER-101-22" in f["ids"]


def test_on_a_bilingual_record_the_english_label_wins() -> None:
    page = ("Título público: Zinc para la diarrea\nPublic title: Zinc for diarrhoea\nPatrocinador: Instituto X\n"
            "Sponsor: Institute X\nEstado del ensayo: Reclutando\nRecruitment status: Recruiting\nTCTR20230412003\n")
    f = extract(page)
    assert (f["title"], f["sponsor"]) == ("Zinc for diarrhoea", "Institute X")


@pytest.mark.parametrize(("status", "expected"), [("Recruitment active", "RECRUITING"), ("Reclutando", "RECRUITING")])
def test_status_words_of_more_registries(status: str, expected: str) -> None:
    f = extract(f"Public title: Zinc for diarrhoea\nRecruitment status: {status}\nTrial ID: TCTR20230412003\n")
    assert f["status"] == expected


def _ovid(database: str, number: str) -> str:
    return (f"Ovid   Journals   Books   Logoff\nDatabase: {database}\n\n1.  Unique Identifier\n{number}\nTitle\n"
            f"{_TITLE}.\nSource\nJournal of Surgery. 12(3):45-50, 2021.\nAuthors\nKent A; Berg L\nAbstract\n"
            "Adults were randomly assigned to ginger capsules or placebo. The primary outcome was nausea.\n")


def test_ovid_medline_unique_identifier_is_the_pmid() -> None:
    assert "PMID:34411288" in extract(_ovid("Ovid MEDLINE(R) ALL <1946 to May 11, 2023>", "34411288"))["ids"]


def test_ovid_embase_unique_identifier_is_not_a_pmid() -> None:
    ids = extract(_ovid("Embase <1974 to 2023 May 12>", "633456789"))["ids"]
    assert not any(i.startswith("PMID:") for i in ids)


@pytest.mark.parametrize(("written", "names"), [
    ("Author\nBianchi L.; Costa R.; Ferreira M.", ["Bianchi L", "Costa R", "Ferreira M"]),
    ("Author\nAsante, Kofi\nOwusu, Esi Ama\nDarko, Yaw", ["Kofi Asante", "Esi Ama Owusu", "Yaw Darko"]),
])
def test_authors_written_surname_first_or_with_initials_and_stops(written: str, names: list[str]) -> None:
    f = extract(f"Title\n{_TITLE}\n{written}\n\n{_ABSTRACT}")
    assert f["authors"] == names


@pytest.mark.parametrize(("sentence", "tested", "control"), [
    ("homes were allocated to continued usual care or to a pharmacist-led medication review",
     "pharmacist-led medication review", "usual care"),
    ("patients were randomised to placebo or to oral melatonin 3 mg", "melatonin", "placebo"),
    ("patients were randomly allocated to usual care or to a community exercise programme",
     "community exercise programme", "usual care"),
])
def test_a_control_named_first_is_not_the_tested_arm(sentence: str, tested: str, control: str) -> None:
    text = (f"Usual care or a new approach for older people: a randomised trial\n{_BYLINE}\n\nAbstract\n"
            f"In this trial, {sentence}. The primary outcome was the number of falls at 6 months.\n")
    pico = extract(text)["pico"]
    assert tested in (pico["intervention"] or "") and control in (pico["comparator"] or "")


def test_two_controls_or_a_tested_arm_first_are_left_as_read() -> None:
    for tested, control in (("placebo", "usual care"), ("melatonin", "placebo")):
        fields = {"pico": {"intervention": tested, "comparator": control},
                  "evidence": {"pico.intervention": [[0, 1]], "pico.comparator": [[2, 3]]}}
        control_named_first(fields)
        assert (fields["pico"]["intervention"], fields["pico"]["comparator"]) == (tested, control)


@pytest.mark.parametrize("sentence", [
    "Participants in the intervention group use the MoodMate app, which delivers behavioural activation over 8 weeks.",
    "This study will find out whether MoodMate, a smartphone app that delivers behavioural activation, helps.",
])
def test_a_digital_intervention_is_named_by_its_product(sentence: str) -> None:
    page = (f"Public title: An app for low mood\nTrial ID: ISRCTN12345678\nIntervention: {sentence} The control "
            "group remains on the waiting list.\nPrimary outcome: PHQ-9 at 8 weeks\nRecruitment status: Recruiting\n")
    assert extract(page)["pico"]["intervention"] == "MoodMate app"


def test_an_app_named_as_the_control_is_not_the_tested_arm() -> None:
    page = ("Public title: Therapist-guided therapy for low mood\nTrial ID: ISRCTN12345678\nIntervention: Therapist-"
            "guided behavioural activation in eight sessions, compared with the MoodMate app alone.\n"
            "Recruitment status: Recruiting\n")
    assert "MoodMate" not in (extract(page)["pico"]["intervention"] or "")


@pytest.mark.parametrize("head", ["Abstract 13412: ", "Poster P-211: "])
def test_a_meeting_abstracts_number_before_its_title(head: str) -> None:
    text = (f"Circulation   Scientific Sessions Abstracts\nCirculation. 2022;146:A13412\n\n{head}{_TITLE}\n{_BYLINE}\n"
            f"Session Title: Late-Breaking Science\n\n{_ABSTRACT}")
    f = extract(text)
    assert f["title"] == _TITLE and f["journal"] == "Circulation"


def test_an_abstract_number_beside_the_word_is_no_abstract_heading() -> None:
    text = (f"Meeting Resources   Abstracts   Login\nAbstract  LBA52\n{_TITLE}\n{_BYLINE}\n\nAbstract\nBackground\n"
            "Nausea is common.\nMethods\nAdults were randomly assigned to ginger capsules or placebo.\n")
    assert extract(text)["title"] == _TITLE


@pytest.mark.parametrize(("title_control", "abstract_control"), [
    ("usual care", "usual specialist care"), ("standard care", "standard postnatal care"),
])
def test_the_abstracts_fuller_name_of_the_titles_control(title_control: str, abstract_control: str) -> None:
    text = (f"Home visits compared with {title_control} for new mothers: a randomised trial\n{_BYLINE}\n\nAbstract\n"
            f"Mothers were randomly assigned to weekly home visits by a midwife or to {abstract_control}. The primary "
            "outcome was breastfeeding at 6 months.\n")
    assert extract(text)["pico"]["comparator"] == abstract_control


def test_a_labelled_count_of_participants_is_the_enrollment() -> None:
    f = extract("PROTECT trial\nSponsor: University of Glasgow\nStatus: Recruiting\nParticipants: 1,640\n"
                "Registration: NCT04398712\n")
    assert f["enrollment"] == 1640 and f["pico"]["population"] is None


def test_a_row_of_tabs_is_no_abstract() -> None:
    page = ("Project Details\nDescription   Details   Sub-Projects   Publications   Patents\n\n"
            "Mindfulness for hot flashes: a randomized trial\nProject Number: 5R01AT010567-04\n\nAbstract Text\n"
            "This project will test whether mindfulness training reduces hot flash interference in 300 women.\n")
    assert (extract(page)["abstract"] or "").startswith("This project will test")


def test_a_title_naming_the_control_first_gives_the_comparator() -> None:
    text = (f"Usual care versus a nurse-led falls clinic for older people: a randomised trial\n{_BYLINE}\n\nAbstract\n"
            "We compared usual care with a nurse-led falls clinic in 400 adults aged 75 or older. The primary outcome "
            "was the number of falls at 12 months.\n")
    pico = extract(text)["pico"]
    assert "falls clinic" in (pico["intervention"] or "") and pico["comparator"] == "Usual care"


@pytest.mark.parametrize(("names", "authors"), [
    ("Kent, Anna, Berg, Lars and Holm, Eva", ["Anna Kent", "Lars Berg", "Eva Holm"]),
    ("Kent, A. and Berg, L.", ["A. Kent", "L. Berg"]),
])
def test_a_repository_citation_over_the_abstract_gives_title_and_authors(names: str, authors: list[str]) -> None:
    text = (f"Research Online @ Example University\nBrowse | Search | Login\n\n{names} (2021) {_TITLE}. Journal of "
            f"Surgery, 12 (3). pp. 45-50. ISSN 1234-5678\n\n{_ABSTRACT}Item Type: Article\n")
    f = extract(text)
    assert (f["title"], f["authors"]) == (_TITLE, authors)


@pytest.mark.parametrize(("criteria", "sex"), [
    ("Women aged 18 to 70 years with fibromyalgia", "FEMALE"), ("Postmenopausal women with osteoporosis", "FEMALE"),
    ("Men aged 50 years or over with prostate enlargement", "MALE"), ("Women and men aged 18 or over", None),
    ("Adults with asthma", None),
])
def test_the_sex_of_criteria_that_open_with_people_of_one_sex(criteria: str, sex: str | None) -> None:
    page = f"Public title: A trial\nTrial ID: ISRCTN12345678\nRecruitment status: Recruiting\nInclusion criteria: {criteria}\n"
    assert extract(page)["sex"] == sex


def test_sexes_label() -> None:
    assert extract("Public title: A trial\nTrial ID: NCT01234567\nSexes: All\n")["sex"] == "ALL"


@pytest.mark.parametrize("measure", ["Beck Depression Inventory-II", "Hospital Anxiety and Depression Scale",
                                     "Insomnia Severity Index"])
def test_a_condition_word_inside_a_measures_name_is_no_condition(measure: str) -> None:
    from curator.extraction.terms import find_conditions
    names = [n for n, _, _ in find_conditions(f"The primary outcome was the {measure} score at 6 months.")]
    assert names == []
