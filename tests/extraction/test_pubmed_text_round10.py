"""A PubMed "Abstract (text)" save whose citation line wraps after its DOI ("... doi: 10.x. Epub" / "2023 Jan 9."):
once the wrap is joined the citation is one line, and it is no title; the author list with PubMed's affiliation
marks ("Okafor CN(1)(2), ..., Brandt T(3).") gives every name, the last too."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract
from curator.extraction.authors import author_line

SAVED = """1. Eur J Cardiovasc Nurs. 2023 Mar;22(2):145-153. doi: 10.5555/ejcn.2023.0145. Epub
2023 Jan 9.

Nurse-led titration of beta-blockers after discharge for heart failure compared
with titration by general practitioners: a pragmatic randomised trial.

Okafor CN(1)(2), Lindgren MB(1), Brandt T(3).

Author information:
(1)Department of Cardiology, Riverside University Hospital, Riverside, UK.
(2)School of Nursing, University of Riverside, Riverside, UK.
(3)Heart Failure Service, Lakeside General Hospital, Lakeside, UK.

BACKGROUND: Many patients leave hospital after heart failure on doses of
beta-blockers below those shown to prolong life, and titration is often slow.
METHODS: Adults discharged after admission for heart failure with reduced
ejection fraction were randomised to titration by a heart failure nurse with
fortnightly clinic visits or to titration by their general practitioner. The
primary outcome was the proportion reaching the target dose at 6 months.
RESULTS: Of 214 patients randomised, 203 completed follow-up. The target dose was
reached by 58% with nurse-led titration and 31% with general practitioners.
CONCLUSIONS: Nurse-led titration brings more patients to the target dose.

PMID: 36612345
"""


def test_a_wrapped_citation_line_is_not_the_title() -> None:
    fields = extract(SAVED, source="pubmed.txt")
    assert fields["title"].startswith("Nurse-led titration of beta-blockers after discharge for heart failure compared")
    assert fields["journal"] == "Eur J Cardiovasc Nurs" and fields["year"] == 2023
    assert fields["authors"] == ["Okafor CN", "Lindgren MB", "Brandt T"]
    assert check_evidence(fields, SAVED) == []


def test_pubmed_affiliation_marks_leave_every_name() -> None:
    assert author_line("Berg A(1)(3), Nowak P(2), Silva R(1).") == ["Berg A", "Nowak P", "Silva R"]
    assert author_line("Berg A(1), Nowak P, Silva R.") == ["Berg A", "Nowak P", "Silva R"]
