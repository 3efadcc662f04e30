"""Reporting the appraisals: robvis's ROB2 CSV, the two plots, the Risk of bias sheet, custom fields in the exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from PIL import Image

from curator.appraisal.appraisals import appraise
from curator.appraisal.custom_values import set_custom_value
from curator.appraisal.form import add_field
from curator.cli import cli
from curator.export import ExportError, export_csv, export_workbook
from curator.export.risk_of_bias import ROBVIS_COLUMNS, export_robvis, risk_of_bias_rows, study_label, surname
from curator.export.rob_plots import COLOURS, summary_png, traffic_light_png, write_rob_plots
from curator.prisma.counts import prisma_counts
from curator.review.screening import record_decision
from curator.store.database import Review, open_review
from tests.appraisal.test_appraisals import ANSWERS
from tests.conftest import add_records

HIGH_D4 = ANSWERS | {"4.1": "Y"}  # D4 high, overall high


@pytest.mark.parametrize(("author", "name"), [
    ("Smith J", "Smith"), ("Smith, John", "Smith"), ("John Smith", "Smith"), ("van der Berg AB", "van der Berg"),
    ("Smith J.A.", "Smith"),
])
def test_the_first_authors_surname(author: str, name: str) -> None:
    assert surname(author) == name


def test_a_study_is_named_as_in_a_forest_plot() -> None:
    assert study_label({"authors": ["Smith J", "Doe A"], "year": 2019}, 1) == "Smith 2019"
    assert study_label({"authors": ["Smith J"], "start_date": "2017-03"}, 1) == "Smith 2017"
    assert study_label({"authors": [], "ids": ["NCT01234567"]}, 1) == "NCT01234567"
    assert study_label({}, 7) == "record 7"


def appraised_review(review: Review) -> list[int]:
    ids = add_records(review, ["First trial", "Second trial", "Third trial"])
    for rid, year in zip(ids, (2019, 2019, 2020), strict=True):
        with review.transaction() as session:
            from curator.store.models import Record

            record = session.get(Record, rid)
            assert record is not None
            record.extracted = record.extracted | {"authors": ["Smith J"], "year": year}
            session.add(record)
    appraise(review, ids[0], reviewer="ann", answers=ANSWERS, support={"1.1": "First"})
    appraise(review, ids[1], reviewer="ann", answers=HIGH_D4)
    appraise(review, ids[2], reviewer="ann", answers=ANSWERS | {"5.1": "Y"})
    return ids


def test_robvis_csv_has_the_rob2_template_columns_and_words(review: Review, tmp_path: Path) -> None:
    appraised_review(review)
    written = export_robvis(review, tmp_path / "robvis.csv")
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == ROBVIS_COLUMNS == ("Study", "D1", "D2", "D3", "D4", "D5", "Overall", "Weight")
    assert rows[1:] == [
        ["Smith 2019a", "Low", "Low", "Low", "Low", "Some concerns", "Some concerns", "1"],
        ["Smith 2019b", "Low", "Low", "Low", "High", "Some concerns", "High", "1"],
        ["Smith 2020", "Low", "Low", "Low", "Low", "Low", "Low", "1"],
    ]


def test_robvis_refuses_open_and_unresolved_judgements(review: Review, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no record has a RoB 2 appraisal yet"):
        export_robvis(review, tmp_path / "robvis.csv")
    ids = appraised_review(review)
    appraise(review, ids[0], reviewer="bob", answers=HIGH_D4)
    appraise(review, ids[2], reviewer="ann", answers={"3.1": "N"})  # 3.2 now asked and open
    with pytest.raises(ExportError) as refused:
        export_robvis(review, tmp_path / "robvis.csv")
    message = str(refused.value)
    assert f"record {ids[0]} (Smith 2019a) has D4, overall unresolved between ann and bob" in message
    assert f"record {ids[2]} (Smith 2020) has D3, overall still open" in message
    assert not (tmp_path / "robvis.csv").exists()


def test_the_plots_are_drawn_in_robvis_colours(review: Review, tmp_path: Path) -> None:
    appraised_review(review)
    rows = risk_of_bias_rows(review)
    for png in (traffic_light_png(rows), summary_png(rows)):
        image = Image.open(io.BytesIO(png)).convert("RGB")
        colours = {c for _, c in image.getcolors(maxcolors=1_000_000)}
        for colour in COLOURS.values():
            assert tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) in colours
    low_only = [r for r in rows if r.study == "Smith 2020"]
    image = Image.open(io.BytesIO(traffic_light_png(low_only))).convert("RGB")
    assert (0xBF, 0, 0) not in {c for _, c in image.getcolors(maxcolors=1_000_000)}
    taller = Image.open(io.BytesIO(traffic_light_png(rows))).size[1]
    assert taller > image.size[1]
    written = write_rob_plots(review, tmp_path / "plots")
    assert [p.name for p in written] == ["rob2_traffic_light.png", "rob2_summary.png"]
    assert all(Image.open(p).format == "PNG" for p in written)


def test_the_workbook_has_a_risk_of_bias_sheet_and_the_custom_fields(review: Review, tmp_path: Path) -> None:
    ids = appraised_review(review)
    add_field(review, "Funding", "choice", choices=["industry", "public"], reviewer="ann")
    add_field(review, "Arms", "choices", choices=["drug", "placebo", "usual care"], reviewer="ann")
    set_custom_value(review, ids[0], "Funding", "public", reviewer="ann")
    set_custom_value(review, ids[0], "Arms", "drug; placebo", reviewer="ann")
    for stage in ("title-abstract", "full-text"):
        record_decision(review, ids[0], "include", stage=stage, reviewer="ann")
    book = openpyxl.load_workbook(export_workbook(review, tmp_path / "review.xlsx"))
    sheet = [list(r) for r in book["Risk of bias"].iter_rows(values_only=True)]
    assert sheet[0][:8] == ["study", "record id", "D1 randomization", "D2 deviations", "D3 missing data",
                            "D4 measurement", "D5 reported result", "overall"]
    assert sheet[1][:8] == ["Smith 2019a", ids[0], "low", "low", "low", "low", "some concerns", "some concerns"]
    assert sheet[1][8] == "ann" and sheet[1][11] == "ann 1.1: \u201cFirst\u201d"
    assert len(sheet) == 4
    records = [list(r) for r in book["Records"].iter_rows(values_only=True)]
    assert records[0][-2:] == ["Funding", "Arms"]
    assert records[1][-2:] == ["public", "drug; placebo"] and records[2][-2:] == [None, None]
    included = [list(r) for r in book["Included studies"].iter_rows(values_only=True)]
    assert included[0][-2:] == ["Funding", "Arms"] and included[1][-2:] == ["public", "drug; placebo"]
    rows = list(csv.reader(io.StringIO(export_csv(review, tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][-2:] == ["Funding", "Arms"] and rows[1][-2:] == ["public", "drug; placebo"]


def test_appraisals_of_records_not_included_are_named_in_the_prisma_checks(review: Review) -> None:
    ids = appraised_review(review)
    for stage in ("title-abstract", "full-text"):
        record_decision(review, ids[0], "include", stage=stage, reviewer="ann")
    problems = prisma_counts(review).inconsistencies
    assert f"records {ids[1]}, {ids[2]} have a risk-of-bias appraisal but are not included at full text" in problems


def test_export_robvis_and_plots_from_the_command_line(review_path: Path, tmp_path: Path) -> None:
    with open_review(review_path) as review:
        appraised_review(review)
    env = {"CURATOR_REVIEW": str(review_path)}
    result = CliRunner().invoke(cli, ["export", "--robvis", str(tmp_path / "rv.csv"), "--rob-plots",
                                      str(tmp_path / "plots")], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rv.csv").read_text().startswith("Study,D1,D2,D3,D4,D5,Overall,Weight")
    assert (tmp_path / "plots" / "rob2_summary.png").exists()
    with open_review(review_path) as review:
        appraise(review, 1, reviewer="bob", answers={"1.2": "N"})
    result = CliRunner().invoke(cli, ["export", "--robvis", str(tmp_path / "again.csv")], env=env)
    assert result.exit_code == 1 and "has D1 unresolved between ann and bob" in result.output
    assert not (tmp_path / "again.csv").exists()
