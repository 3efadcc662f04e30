"""ChiCTR's outcome rows typed as indicators: the primary outcome is the row whose "Type:" says "Primary
indicator", whether the type shares the outcome's row, sits on the row below (with a Chinese label first), or the
copied table runs the Chinese and English cells of each row together."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract

HEAD = """注册号 Registration number:   ChiCTR2500012345
注册题目 Public title:   Acupuncture for dry eye in office workers: a randomized sham-controlled trial
研究类型 Study type:   干预性研究 Interventional study
测量指标 Outcomes:
"""


def test_rows_whose_chinese_label_hides_the_outcome_label() -> None:
    text = HEAD + """指标中文名：   泪膜破裂时间   Outcome:   Tear break-up time
指标类型：   次要指标   Type:   Secondary indicator
指标中文名：   眼表疾病指数   Outcome:   Ocular Surface Disease Index score
指标类型：   主要指标   Type:   Primary indicator
测量时间点：   第4周   Measure time point of outcome:   Week 4
"""
    fields = extract(text)
    assert fields["pico"]["outcome"] == "Ocular Surface Disease Index score"
    assert check_evidence(fields, text) == []


def test_a_type_row_below_with_a_chinese_label_first() -> None:
    text = HEAD + """指标中文名 Outcome:   泪液分泌试验 Schirmer test
指标类型 Type:   次要指标 Secondary indicator
指标中文名 Outcome:   眼表疾病指数 Ocular Surface Disease Index score
指标类型 Type:   主要指标 Primary indicator
"""
    assert extract(text)["pico"]["outcome"] == "Ocular Surface Disease Index score"


def test_an_english_page_with_type_and_time_point_on_the_outcome_row() -> None:
    text = HEAD + ("Outcome:   Schirmer test   Type:   Secondary indicator   Measure time point of outcome:   Week 4\n"
                   "Outcome:   Ocular Surface Disease Index score   Type:   Primary indicator   "
                   "Measure time point of outcome:   Week 4\n")
    assert extract(text)["pico"]["outcome"] == "Ocular Surface Disease Index score"


def test_no_row_typed_primary_names_no_primary_outcome_from_the_rows() -> None:
    text = HEAD + """指标中文名：   泪膜破裂时间   Outcome:   Tear break-up time
指标类型：   次要指标   Type:   Secondary indicator
"""
    assert "Tear break-up" not in (extract(text)["pico"]["outcome"] or "")
