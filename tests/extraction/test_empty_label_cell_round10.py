"""A bilingual registry's row whose last cell is an empty label ("干预措施代码 Intervention code:" left blank): the
label is no part of the value before it."""

from __future__ import annotations

from curator.extraction import extract
from curator.extraction.label_colon import without_empty_label

PAGE = """注册号 Registration number:   ChiCTR2400012345
注册题目 Public title:   Pelvic floor training after prostatectomy: a randomized controlled trial
研究类型 Study type:   干预性研究 Interventional study
干预措施 Interventions:
组别 Group:   试验组 Experimental group   样本量 Sample size:   60
干预措施 Intervention:   盆底训练 Supervised pelvic floor muscle training   干预措施代码 Intervention code:
组别 Group:   对照组 Control group   样本量 Sample size:   60
干预措施 Intervention:   常规护理 Written home exercise advice   干预措施代码 Intervention code:
样本总量 Total sample size:   120
"""


def test_an_empty_label_cell_is_no_part_of_the_value() -> None:
    assert without_empty_label("Written advice   Intervention code:") == "Written advice"
    assert without_empty_label("Written advice   Code: 12") == "Written advice   Code: 12"
    fields = extract(PAGE)
    assert fields["interventions"] == ["Supervised pelvic floor muscle training", "Written home exercise advice"]
