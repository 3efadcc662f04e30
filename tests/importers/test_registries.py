from __future__ import annotations

import json

from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture


def _read(name: str) -> tuple[list[Entry], list[Problem]]:
    items = list(read_path(fixture(name)))
    return [i for i in items if isinstance(i, Entry)], [i for i in items if isinstance(i, Problem)]


def _spans(entry: Entry, key: str) -> list[str]:
    return [entry.text[s:e] for s, e in entry.fields["evidence"].get(key, [])]


def test_ctgov_json_one_study() -> None:
    (entry,), problems = _read("NCT00195494.json")
    assert problems == []
    f = entry.fields
    assert entry.source == "NCT00195494.json"
    assert (f["profile"], f["kind"]) == ("ctgov-json", "trial")
    assert f["ids"] == ["NCT00195494", "EudraCT:2004-000020-32"]
    assert f["title"] == "Etanercept Versus Methotrexate in Early Rheumatoid Arthritis"
    assert f["official_title"].startswith("A Randomized, Double-Blind Study")
    assert (f["status"], f["status_raw"], f["phase"], f["study_type"]) == ("COMPLETED", "COMPLETED", "PHASE3",
                                                                           "INTERVENTIONAL")
    assert f["enrollment"] == 300 and f["sponsor"] == "Pfizer"
    assert (f["start_date"], f["completion_date"], f["last_updated"]) == ("2004-06", "2006-11", "2012-01-31")
    assert (f["sex"], f["min_age"], f["max_age"]) == ("ALL", "18 Years", None)
    assert f["countries"] == ["Germany", "United Kingdom"]
    assert f["conditions"] == ["Rheumatoid Arthritis"] and f["interventions"] == ["Etanercept", "Methotrexate"]
    assert f["pico"]["comparator"] == "Methotrexate" and f["pico"]["outcome"] == "ACR-N area under the curve"
    assert f["references"] == ["PMID:23158536"]
    assert entry.source_kind == "register" and entry.source_name == "ClinicalTrials.gov"
    assert "{" not in entry.text and "protocolSection" not in entry.text  # a labelled page, not JSON
    assert _spans(entry, "title") == [f["title"]]
    assert _spans(entry, "sponsor") == ["Pfizer"]


def test_ctgov_json_page_of_studies() -> None:
    entries, problems = _read("ctgov_page.json")
    assert [e.source for e in entries] == ["ctgov_page.json#1", "ctgov_page.json#2"]
    second = entries[1].fields
    assert second["phase"] == "PHASE2/PHASE3" and second["status"] == "ACTIVE_NOT_RECRUITING"
    assert second["start_date"] == "2019-03-05" and second["enrollment"] == 120
    assert second["pico"]["comparator"] is None  # single-arm
    assert [(p.position, p.message) for p in problems] == [
        ("study 3", "study has no NCT number or no title"),
        ("study 4", "not a ClinicalTrials.gov study (no protocolSection)"),
    ]


def test_ctgov_json_broken(tmp_path) -> None:
    target = tmp_path / "broken.json"
    target.write_text('{"studies": [{"protocolSection": {"identificationModule": \n {"nctId": "NCT1"')
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and problem.position == "line 2" and "not valid JSON" in problem.message


def test_ctgov_classic_xml() -> None:
    (entry,), _ = _read("NCT00000620.xml")
    f = entry.fields
    assert (f["profile"], f["kind"]) == ("ctgov-xml", "trial")
    assert f["ids"] == ["NCT00000620", "ISRCTN12345678"]
    assert f["status"] == "ACTIVE_NOT_RECRUITING" and f["status_raw"] == "Active, not recruiting"
    assert f["phase"] == "PHASE3" and f["study_type"] == "INTERVENTIONAL" and f["enrollment"] == 10251
    assert (f["start_date"], f["completion_date"], f["last_updated"]) == ("1999-09", "2021-06-30", "2020-01-30")
    assert (f["sex"], f["min_age"], f["max_age"]) == ("ALL", "40 Years", "79 Years")
    assert f["countries"] == ["United States", "Canada"]
    assert f["sponsor"] == "National Heart, Lung, and Blood Institute (NHLBI)"
    assert f["pico"]["comparator"] == "Standard glycemic control, HbA1c 7.0-7.9%"
    assert f["references"] == ["PMID:18539917"]
    assert "<" not in entry.text
    assert _spans(entry, "status") == ["Active, not recruiting"]


def test_entity_expansion_and_external_entities_are_refused() -> None:
    for name in ("billion_laughs.xml", "external_entity.xml"):
        items = list(read_path(fixture(name)))
        assert len(items) == 1 and isinstance(items[0], Problem), name
        assert "refused" in items[0].message and "entities" in items[0].message
        assert "lol" not in items[0].message and "root:" not in items[0].message


def test_malformed_xml_reports_the_line(tmp_path) -> None:
    target = tmp_path / "NCT1.xml"
    target.write_text("<clinical_study>\n<id_info><nct_id>NCT00000001</nct_id></id_info>\n<brief_title>x</clinical_study>")
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and problem.position is not None and problem.position.startswith("line 3")


def test_euctr_download() -> None:
    entries, problems = _read("euctr_download.txt")
    assert [e.source for e in entries] == ["euctr_download.txt#1", "euctr_download.txt#2"]
    f = entries[0].fields
    assert (f["profile"], f["kind"]) == ("euctr", "trial")
    assert f["ids"] == ["EudraCT:2004-000020-32", "NCT00195494"]
    assert f["title"] == "Etanercept in early RA"
    assert f["official_title"].startswith("A randomised, double-blind study comparing etanercept")
    assert (f["status"], f["phase"], f["enrollment"], f["sex"]) == ("COMPLETED", "PHASE3", 300, "ALL")
    assert f["sponsor"] == "Wyeth Research" and f["conditions"] == ["Early rheumatoid arthritis"]
    assert f["interventions"] == ["Enbrel", "ETANERCEPT"]
    assert f["countries"] == ["United Kingdom"] and entries[1].fields["countries"] == ["Germany"]
    assert f["abstract"].endswith("over 24 weeks in subjects with early disease.")
    assert f["pico"]["outcome"] == "ACR-N area under the curve"
    assert entries[0].source_name == "EU Clinical Trials Register" and entries[0].source_kind == "register"
    assert [(p.position, p.message) for p in problems] == [
        ("trial 3, line 58", "trial has no EudraCT number or no title")]


def test_euctr_full_text_download_opens_with_the_registers_sentence() -> None:
    (entry,), problems = _read("euctr_full_text.txt")
    assert problems == []
    assert isinstance(entry, Entry)
    f = entry.fields
    assert (f["profile"], f["ids"]) == ("euctr", ["EudraCT:2019-004321-11"])
    assert f["title"] == "Steroid injection in knee OA"  # "Sponsor 1" is a heading, not part of the title
    assert f["official_title"].startswith("A randomised trial of intra-articular steroid")  # English, not (es)
    assert f["conditions"] == ["Knee osteoarthritis"] and f["countries"] == ["Spain"]
    assert (f["phase"], f["enrollment"], f["sex"]) == ("PHASE4", 140, "ALL")


def test_ctgov_csv() -> None:
    entries, problems = _read("ctgov_studies.csv")
    assert [e.source for e in entries] == ["ctgov_studies.csv#1", "ctgov_studies.csv#2"]
    f = entries[0].fields
    assert (f["profile"], f["kind"]) == ("ctgov-csv", "trial")
    assert f["ids"] == ["NCT00195494", "EudraCT:2004-000020-32"]
    assert (f["status"], f["phase"], f["enrollment"], f["sex"]) == ("COMPLETED", "PHASE3", 300, "ALL")
    assert f["interventions"] == ["Etanercept", "Methotrexate"]
    assert f["countries"] == ["Germany", "United Kingdom"]
    assert (f["min_age"], f["max_age"]) == ("18 Years", None)  # "18 Years and older   (ADULT, OLDER_ADULT)"
    assert f["completion_date"] == "2006-11"  # "Completion Date", not the "Primary Completion Date" column before it
    assert f["pico"]["outcome"] == "ACR-N AUC, 24 weeks" and _spans(entries[0], "pico.outcome") == ["ACR-N AUC, 24 weeks"]
    assert entries[1].fields["phase"] == "PHASE2/PHASE3"
    assert entries[1].fields["abstract"] == 'Summary with a "quoted" word and a comma, here.'
    assert [p.position for p in problems] == ["row 3, line 5"]
    assert "no registration number" in problems[0].message
    assert entries[0].source_name == "ClinicalTrials.gov"


def test_ctgov_classic_full_studies_response() -> None:
    entries, problems = _read("ctgov_classic_full_studies.json")
    assert [e.source for e in entries] == ["ctgov_classic_full_studies.json#1", "ctgov_classic_full_studies.json#2"]
    first, second = (e.fields for e in entries)
    assert (first["profile"], first["kind"]) == ("ctgov-json", "trial")
    assert first["ids"] == ["NCT01111111", "EudraCT:2010-012345-21"]
    assert first["title"] == "Tocilizumab Added to Methotrexate in Early Rheumatoid Arthritis"
    assert (first["status"], first["status_raw"]) == ("RECRUITING", "Recruiting")
    assert (first["phase"], first["study_type"], first["enrollment"]) == ("PHASE2/PHASE3", "INTERVENTIONAL", 120)
    assert (first["start_date"], first["completion_date"], first["last_updated"]) == ("2011-03", "2014-06-30",
                                                                                      "2013-02-02")
    assert (first["sex"], first["min_age"], first["max_age"]) == ("ALL", "18 Years", None)
    assert first["conditions"] == ["Rheumatoid Arthritis", "Early Arthritis"]
    assert first["interventions"] == ["Tocilizumab", "Placebo"] and first["sponsor"] == "University of Testing"
    assert first["countries"] == ["United Kingdom", "France"]
    assert first["pico"]["comparator"] == "Placebo" and first["pico"]["outcome"] == "DAS28 remission"
    assert first["references"] == ["PMID:21234567"]
    assert first["abstract"].startswith("Whether adding tocilizumab")
    assert "Enrollment (Anticipated): 120" in entries[0].text and "ProtocolSection" not in entries[0].text
    assert (second["phase"], second["enrollment"], second["sex"]) == ("NA", 1040, "FEMALE")
    assert [(p.position, p.message) for p in problems] == [
        ("study 3", "not a ClinicalTrials.gov study (no protocolSection)")]
    assert all(e.source_kind == "register" and e.source_name == "ClinicalTrials.gov" for e in entries)


def test_ctgov_classic_full_study_reads_as_its_v2_twin(tmp_path) -> None:
    (classic,), problems = _read("ctgov_classic_full_study.json")
    assert problems == [] and classic.source == "ctgov_classic_full_study.json"
    twin = {"protocolSection": {
        "identificationModule": {"nctId": "NCT03333333", "briefTitle": "Aspirin After Knee Replacement",
                                 "officialTitle": "Aspirin Versus Enoxaparin After Total Knee Replacement"},
        "statusModule": {"overallStatus": "Active, not recruiting", "startDateStruct": {"date": "January 15, 2018"},
                         "completionDateStruct": {"date": "December 2023"}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Orthopaedic Research Group"}},
        "conditionsModule": {"conditions": ["Venous Thromboembolism"]},
        "designModule": {"studyType": "Interventional", "phases": ["Phase 4"], "enrollmentInfo": {"count": 300}},
        "armsInterventionsModule": {
            "armGroups": [{"label": "Enoxaparin", "type": "ACTIVE_COMPARATOR",
                           "interventionNames": ["Drug: Enoxaparin"]}],
            "interventions": [{"name": "Aspirin"}, {"name": "Enoxaparin"}]},
        "eligibilityModule": {"sex": "All", "minimumAge": "50 Years"},
        "contactsLocationsModule": {"locations": [{"country": "Canada"}]},
    }}
    target = tmp_path / "ctgov_classic_full_study.json"
    target.write_text(json.dumps(twin))
    (v2,) = list(read_path(target))
    assert isinstance(v2, Entry)
    assert (classic.text, classic.fields) == (v2.text, v2.fields)
    assert classic.fields["status"] == "ACTIVE_NOT_RECRUITING" and classic.fields["phase"] == "PHASE4"
    assert classic.fields["pico"]["comparator"] == "Enoxaparin"


def test_json_of_an_unknown_shape_is_one_problem(tmp_path) -> None:
    target = tmp_path / "search.json"
    target.write_text('{"hits": [{"id": "NCT01111111", "title": "Something"}]}')
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and problem.file == "search.json" and problem.position == "line 1"
    assert "not a ClinicalTrials.gov export" in problem.message and "FullStudiesResponse" in problem.message


def test_classic_response_without_studies_is_one_problem(tmp_path) -> None:
    target = tmp_path / "nothing.json"
    target.write_text('{"FullStudiesResponse": {"APIVrs": "1.01.05", "NStudiesFound": 0, "NStudiesReturned": 0}}')
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and problem.message == "the export holds no studies"


def test_registry_pico_names_the_tested_arm_apart_from_the_control_and_points_to_its_words() -> None:
    (entry,), _ = _read("NCT00195494.json")
    pico = entry.fields["pico"]
    assert pico["intervention"] == "Etanercept"  # the active comparator's methotrexate is not in it
    assert pico["population"] == "Subjects With Early Rheumatoid Arthritis"  # the people the official title names
    for part in ("population", "intervention", "comparator", "outcome"):
        assert _spans(entry, f"pico.{part}") == [pico[part]], part


_EUCTR_ROLES = """Summary
EudraCT Number: 2021-000111-22
Trial Status: Ongoing

A. Protocol Information
A.2 EudraCT number: 2021-000111-22
A.3 Full title of the trial: A randomised trial of two antiepileptic medicines in children with focal epilepsy
A.3.2 Name or abbreviated title of the trial where available: FOCUS-KIDS
D. IMP Identification
D.IMP: 1
D.1.2 and D.1.3 IMP Role: Test
D.3.1 Product name: Lacosamide syrup
D.3.8 INN - Proposed INN: LACOSAMIDE
D.3.10.1 Concentration unit: mg/ml milligram(s)/millilitre
D.3.10.2 Concentration type: equal
D.3.10.3 Concentration number: 10
D.IMP: 2
D.1.2 and D.1.3 IMP Role: Comparator
D.3.8 INN - Proposed INN: CARBAMAZEPINE
D.3.10.3 Concentration number: 20
E. General Information on the Trial
E.1.1 Medical condition(s) being investigated: Focal epilepsy
E.5.1 Primary end point(s): Seizure freedom at 24 weeks
"""


def test_euctr_medicines_are_told_apart_by_their_role_and_strengths_are_no_medicines(tmp_path) -> None:
    path = tmp_path / "euctr_roles.txt"
    path.write_text(_EUCTR_ROLES)
    (entry,) = [i for i in read_path(path) if isinstance(i, Entry)]
    f = entry.fields
    assert f["interventions"] == ["Lacosamide syrup", "LACOSAMIDE", "CARBAMAZEPINE"]  # not "10", "equal", "20"
    assert f["pico"]["intervention"] == "Lacosamide syrup; LACOSAMIDE"
    assert f["pico"]["comparator"] == "CARBAMAZEPINE"
    assert f["pico"]["population"] == "children with focal epilepsy"
    assert _spans(entry, "pico.comparator") == ["CARBAMAZEPINE"]
    assert (f["status"], f["status_raw"]) == (None, "Ongoing")  # recruiting or not, the register does not say


def test_a_cross_over_names_its_sham_as_the_control_though_both_sequences_list_both(tmp_path) -> None:
    study = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09000001", "briefTitle": "Nerve Stimulation for Migraine in Adolescents"},
        "conditionsModule": {"conditions": ["Migraine"]},
        "armsInterventionsModule": {
            "armGroups": [
                {"label": "Active then sham", "type": "EXPERIMENTAL",
                 "interventionNames": ["Device: Active stimulation", "Device: Sham stimulation"]},
                {"label": "Sham then active", "type": "SHAM_COMPARATOR",
                 "interventionNames": ["Device: Sham stimulation", "Device: Active stimulation"]}],
            "interventions": [{"type": "DEVICE", "name": "Active stimulation"},
                              {"type": "DEVICE", "name": "Sham stimulation"}]}}}
    path = tmp_path / "NCT09000001.json"
    path.write_text(json.dumps(study))
    (entry,) = [i for i in read_path(path) if isinstance(i, Entry)]
    pico = entry.fields["pico"]
    assert (pico["intervention"], pico["comparator"]) == ("Active stimulation", "Sham stimulation")
    assert pico["population"] == "Migraine in Adolescents"


def test_euctr_age_groups_end_date_and_a_member_states_count(tmp_path) -> None:
    text = _EUCTR_ROLES.replace("E. General Information", """F. Population of Trial Subjects
F.1.1 Trial has subjects under 18: Yes
F.1.1.3 Newborns (0-27 days): No
F.1.1.5 Children (2-11years): Yes
F.1.1.6 Adolescents (12-17 years): Yes
F.1.2 Adults (18-64 years): No
F.1.3 Elderly (>=65 years): No
F.4.1 In the member state: 60
P. End of Trial
P.End of Trial Status: Completed
Date of the global end of the trial: 2023-05-15
E. General Information""")
    path = tmp_path / "euctr_ages.txt"
    path.write_text(text)
    (entry,) = [i for i in read_path(path) if isinstance(i, Entry)]
    f = entry.fields
    assert (f["min_age"], f["max_age"]) == ("2 Years", "17 Years")
    assert f["completion_date"] == "2023-05-15" and f["enrollment"] == 60
    for line in ("P.Date of the global end of the trial: 2023-05-15", "P. Date of the global end of the trial: 2023-05-15"):
        path.write_text(text.replace("Date of the global end of the trial: 2023-05-15", line))
        (again,) = [i for i in read_path(path) if isinstance(i, Entry)]
        assert again.fields["completion_date"] == "2023-05-15", line
