"""A meeting abstract under the meeting's header lines: the title marked by its presentation code ("OC14  Title" or
"P2-045" over it), the authors before their affiliations on one line, the abstract from its first section
("Background and objectives:", or BMJ supplements' "Background Text ..." with no colon), the year of the meeting."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract
from curator.extraction.meeting_abstract import meeting_title

ORAL = """British Society of Gerontology, 52nd Annual Conference, Keele, 3-5 July 2024
Oral communications, session 4: Falls and frailty

OC14  Volunteer-led strength classes in village halls for older people with frailty: a cluster randomised trial

R Whitlock1*, S Mensah2, J Oduya1. 1Centre for Ageing Research, Northtown University, Northtown, UK; 2Institute of Health, University of Southtown, Southtown, UK

Background Older people with frailty living in rural villages seldom reach hospital-based exercise services. We tested whether strength classes led by trained volunteers in village halls improve physical function.
Methods Forty villages were randomised to twice-weekly volunteer-led strength and balance classes for six months or to a leaflet on staying active. Adults aged 75 years or older with mild or moderate frailty were recruited. The primary outcome was the Short Physical Performance Battery score at six months.
Results 612 people took part. The battery score improved by 1.1 points more in class villages (95% CI 0.6 to 1.6).
Conclusion Volunteer-led classes in village halls improved physical function in older people with frailty.
"""

POSTER = """EuroPrevent Congress 2025, Lisbon, 10-12 April 2025
Poster session 2: Lifestyle

P2-045
Pedometer-based walking goals for adults with prediabetes in primary care: a randomised controlled trial

Ana Ribeiro(1), Tiago Sousa(2)
(1) Health Centre Alvalade, Lisbon, Portugal; (2) NOVA Medical School, Lisbon, Portugal

Background and objectives: Walking more may delay type 2 diabetes in adults with prediabetes. We tested whether pedometer-based step goals increase walking.
Methods: Adults with prediabetes in eight health centres were randomised to pedometer-based step goals with monthly nurse review or to usual advice. The primary outcome was daily steps at 6 months.
Results: 380 adults were randomised. Daily steps rose by 1450 more with step goals (95% CI 900 to 2000).
Conclusions: Pedometer-based step goals increase walking in adults with prediabetes.
"""


def test_an_oral_presentation_code_marks_the_title() -> None:
    fields = extract(ORAL)
    assert fields["title"] == ("Volunteer-led strength classes in village halls for older people with frailty: "
                               "a cluster randomised trial")
    assert fields["authors"] == ["R Whitlock", "S Mensah", "J Oduya"]
    assert fields["abstract"].startswith("Background Older people with frailty")
    assert fields["year"] == 2024
    assert check_evidence(fields, ORAL) == []


def test_a_poster_code_over_the_title() -> None:
    fields = extract(POSTER)
    assert fields["title"].startswith("Pedometer-based walking goals for adults with prediabetes")
    assert fields["abstract"].startswith("Background and objectives: Walking more")
    assert fields["year"] == 2025
    assert check_evidence(fields, POSTER) == []


def test_a_numbered_list_or_a_word_is_no_presentation_code() -> None:
    from curator.extraction.layout import Document

    assert meeting_title(Document("1.  Adults were randomised to two groups of exercise\nmore text here")) is None
    assert meeting_title(Document("COVID-19\nVaccination of adults in general practice: a trial\n")) is None
