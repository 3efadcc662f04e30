"""WHO ICTRP search-portal exports: the XML and the CSV, and what is wrong with a broken one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli
from curator.importers import Entry, Problem, read_path
from tests.importers.conftest import fixture


def _read(path: Path) -> tuple[list[Entry], list[Problem]]:
    items = list(read_path(path))
    return [i for i in items if isinstance(i, Entry)], [i for i in items if isinstance(i, Problem)]


def _spans(entry: Entry, key: str) -> list[str]:
    return [entry.text[s:e] for s, e in entry.fields["evidence"].get(key, [])]


def test_ictrp_xml_export() -> None:
    entries, problems = _read(fixture("ictrp_export.xml"))
    assert [e.source for e in entries] == ["ictrp_export.xml#1", "ictrp_export.xml#2"]
    first, second = (e.fields for e in entries)
    assert (first["profile"], first["kind"]) == ("ictrp", "trial")
    assert first["ids"] == ["NCT04444444", "EudraCT:2020-001234-56"]  # the sponsor's code PRU-KET-01 is shown only
    assert "Identifier: PRU-KET-01" in entries[0].text
    assert first["title"] == "Ketamine Infusion for Complex Regional Pain Syndrome"
    assert first["official_title"].startswith("A Randomised Placebo-Controlled Trial")
    assert (first["status"], first["phase"], first["study_type"], first["enrollment"]) == (
        "RECRUITING", "PHASE2", "INTERVENTIONAL", 60)
    assert (first["start_date"], first["last_updated"]) == ("2020-09-01", "2021-05-03")
    assert (first["sex"], first["min_age"], first["max_age"]) == ("ALL", "18 Years", "75 Years")
    assert first["countries"] == ["Netherlands", "Belgium"]
    assert first["conditions"] == ["Complex Regional Pain Syndrome Type I", "Chronic Pain"]
    assert first["interventions"] == ["Ketamine", "Placebo"]  # ClinicalTrials.gov's "Drug: " dropped
    assert first["sponsor"] == "Pain Research Unit" and first["pico"]["outcome"] == "Pain intensity (NRS) at 12 weeks"
    assert "Inclusion Criteria:\n- CRPS type 1" in entries[0].text  # the portal's <br> is a line break
    assert "Source register: ClinicalTrials.gov" in entries[0].text
    assert "Link: https://clinicaltrials.gov/show/NCT04444444" in entries[0].text
    assert _spans(entries[0], "countries") == ["Netherlands", "Belgium"]
    # An EU CTR record through the portal: its id, phases and sexes written as answers, a group-wise target size.
    assert second["ids"] == ["EudraCT:2019-004321-11", "NCT05555555"]
    assert (second["phase"], second["sex"], second["enrollment"]) == ("PHASE4", "ALL", None)
    assert second["conditions"] == ["Knee osteoarthritis", "Knee pain"]
    assert second["interventions"] == ["Triamcinolone injection", "Saline injection"]
    assert [(p.file, p.position, p.message) for p in problems] == [
        ("ictrp_export.xml", "trial 3", "trial has no TrialID")]
    assert all(e.source_kind == "register" and e.source_name == "WHO ICTRP" for e in entries)


def test_ictrp_csv_export() -> None:
    entries, problems = _read(fixture("ictrp_export.csv"))
    assert [e.source for e in entries] == ["ictrp_export.csv#1", "ictrp_export.csv#2"]
    first, second = (e.fields for e in entries)
    assert first["profile"] == "ictrp" and first["ids"] == ["ISRCTN12345678", "NCT02222222"]
    assert (first["status"], first["phase"], first["enrollment"], first["sex"]) == ("COMPLETED", "NA", 1200, "ALL")
    assert first["conditions"] == ["Hand osteoarthritis", "Hand pain"]
    assert first["countries"] == ["United Kingdom", "Ireland"]
    assert first["pico"]["outcome"] == "Grip strength at 6 months"
    assert second["title"] == "Acupuncture for chronic low back pain: a randomised trial"  # no public title
    assert second["interventions"] == ["acupuncture", "sham acupuncture"] and second["sex"] == "MALE"
    assert [(p.position, p.message) for p in problems] == [
        ("row 3, line 6", "trial has no TrialID"),
        ("row 4, line 7", "trial has no Public_title or Scientific_title")]
    assert all(e.source_kind == "register" for e in entries)


def test_ictrp_csv_saved_with_semicolons(tmp_path: Path) -> None:
    target = tmp_path / "ictrp.csv"
    target.write_text("TrialID;Public_title;Recruitment_Status;Countries\n"
                      'ACTRN12620000123456;Yoga for back pain;Recruiting;"Australia, New Zealand"\n', encoding="utf-8")
    (entry,) = list(read_path(target))
    assert isinstance(entry, Entry) and entry.fields["ids"] == ["ACTRN12620000123456"]
    assert entry.fields["countries"] == ["Australia, New Zealand"] and entry.fields["status"] == "RECRUITING"


def test_ictrp_csv_without_a_trialid_column_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "portal.csv"
    lines = fixture("ictrp_export.csv").read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("TrialID", "Trial_number")
    target.write_text("\n".join(lines), encoding="utf-8")
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and (problem.file, problem.position) == ("portal.csv", "line 1")
    assert problem.message == "the heading row of the ICTRP export has no TrialID column"


def test_truncated_ictrp_xml_names_the_line(tmp_path: Path) -> None:
    target = tmp_path / "cut.xml"
    data = fixture("ictrp_export.xml").read_bytes()
    target.write_bytes(data[: data.index(b"<Phase>Human")])
    (problem,) = list(read_path(target))
    assert isinstance(problem, Problem) and problem.file == "cut.xml"
    assert problem.position is not None and problem.position.startswith("line ")
    assert problem.message.startswith("malformed XML")


def test_bad_files_are_reported_and_the_rest_of_the_batch_imports(tmp_path: Path) -> None:
    unknown = tmp_path / "results.json"
    unknown.write_text('{"hits": {"total": 2, "items": []}}')
    truncated = tmp_path / "trials.xml"
    data = fixture("ictrp_export.xml").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    no_id = tmp_path / "portal.csv"
    no_id.write_text("Public_title,Source_Register,Recruitment_Status,web_address\nA trial,ISRCTN,Completed,\n")
    review = tmp_path / "r.curator.sqlite"
    result = CliRunner().invoke(
        cli, ["import", str(unknown), str(truncated), str(no_id), str(fixture("ctgov_classic_full_study.json")),
              str(fixture("ictrp_export.csv"))], env={"CURATOR_REVIEW": str(review)}, catch_exceptions=False)
    assert result.exit_code == 1
    assert "Imported 3 records from 5 files" in result.stdout
    assert "source: WHO ICTRP (register)" in result.stdout and "source: ClinicalTrials.gov (register)" in result.stdout
    errors = [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]
    assert errors[0].startswith("results.json (line 1): not a ClinicalTrials.gov export")
    assert errors[1].startswith("trials.xml (line ") and "malformed XML" in errors[1]
    assert errors[2] == "portal.csv (line 1): the heading row of the ICTRP export has no TrialID column"
    assert "Traceback" not in result.stdout + result.stderr


_LABELLED_ARMS = """<?xml version="1.0" encoding="UTF-8"?>
<Trials_downloaded_from_ICTRP>
<Trial>
<TrialID>ChiCTR2300070001</TrialID>
<Public_title>Transcutaneous acupoint stimulation for nausea after laparoscopic surgery in women</Public_title>
<Scientific_title>Transcutaneous electrical acupoint stimulation for postoperative nausea in women undergoing laparoscopic gynaecological surgery</Scientific_title>
<Recruitment_Status>Recruiting</Recruitment_Status>
<Condition>Health Condition 1: R11- Nausea and vomiting</Condition>
<Intervention>Experimental group: transcutaneous electrical acupoint stimulation;Control group: electrodes without current;</Intervention>
<Primary_outcome>Incidence of nausea;Timepoint: 24 hours after surgery;</Primary_outcome>
<Inclusion_agemin>18</Inclusion_agemin>
<Inclusion_agemax>No limit</Inclusion_agemax>
</Trial>
</Trials_downloaded_from_ICTRP>
"""


def test_registries_own_labels_say_which_arm_is_the_control_and_ages_are_written_as_ages(tmp_path: Path) -> None:
    path = tmp_path / "ictrp_labelled.xml"
    path.write_text(_LABELLED_ARMS)
    (entry,), problems = _read(path)
    f = entry.fields
    assert f["conditions"] == ["R11- Nausea and vomiting"]  # "Health Condition 1:" is the registry's label
    assert f["interventions"] == ["transcutaneous electrical acupoint stimulation", "electrodes without current"]
    assert f["pico"]["intervention"] == "transcutaneous electrical acupoint stimulation"
    assert f["pico"]["comparator"] == "electrodes without current"
    assert _spans(entry, "pico.comparator") == ["electrodes without current"]
    assert f["pico"]["outcome"] == "Incidence of nausea, at 24 hours after surgery"
    assert (f["min_age"], f["max_age"]) == ("18 Years", None)  # a bare number is in years; "No limit" is none
    assert f["pico"]["population"] == "women undergoing laparoscopic gynaecological surgery"
