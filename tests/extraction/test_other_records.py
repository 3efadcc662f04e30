"""Identifiers of other records: boxes of related records however they are headed, a site's counted citations
and references, related trials on a label line; a registration's own DOI stays one of its ids (as the fixtures and
fields.md have it)."""

from __future__ import annotations

import pytest

from curator.extraction import extract

_REGISTRY = ("Public title: Breathing training before heart surgery\nMain ID: RBR-7x3kq9\nStudy type: Interventional\n"
             "Recruitment status: Recruiting\n")


@pytest.mark.parametrize("line", [
    "Trial records of related studies in this platform: NCT04411253",
    "Related trials: A trial of breathing exercises (NCT04411253)",
    "Records of similar trials: NCT04411253",
])
def test_a_line_about_related_records_gives_no_id(line: str) -> None:
    assert extract(_REGISTRY + line + "\n")["ids"] == ["RBR-7x3kq9"]


@pytest.mark.parametrize(("citing", "cited"), [("42 Citations", "38 References"), ("Citations (14)", "References (52)"),
                                               ("Citing articles", "Publication citations")])
def test_papers_citing_and_cited_by_an_article_are_not_its_ids(citing: str, cited: str) -> None:
    f = extract("Exercise training in pulmonary hypertension: a randomised controlled trial\nK. Berg, H. Moe\n"
                "Abstract\nPatients were randomised to exercise or usual care.\n"
                "doi.org/10.1183/13993003.02345-2020\n"
                f"{citing}\nRehabilitation in pulmonary hypertension. Eur Respir Rev. 2022. doi.org/10.1183/16000617.0145-2021\n"
                f"{cited}\nExercise improves capacity. Circulation. 2006. doi.org/10.1161/CIRCULATIONAHA.106.618397\n")
    assert f["ids"] == ["DOI:10.1183/13993003.02345-2020"]


def test_a_registrations_own_doi_is_one_of_its_ids_and_a_citations_doi_is_not() -> None:
    f = extract("ISRCTN registry\n\nISRCTN55102398\nhttps://doi.org/10.1186/ISRCTN55102398\n\n"
                "Text-message reminders for asthma\nOverall study status  Completed\n"
                "Publication citations\n1. Results: Cartwright H, et al. Thorax. 2020;75:511-518. "
                "doi: 10.1136/thoraxjnl-2019-214110\n")
    assert f["ids"] == ["ISRCTN55102398", "DOI:10.1186/isrctn55102398"]
