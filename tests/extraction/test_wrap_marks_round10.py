"""Marks a fixed-width wrapping leaves in a pasted text: a word broken with a hyphen at the line's end ("random-" /
"ised") is read whole, a compound broken at its own hyphen keeps it, and a mail's quote marks ("> ") are no part of
the title or the abstract. Positions are the text's own."""

from __future__ import annotations

from extraction_expect import check_evidence

from curator.extraction import extract
from curator.extraction.unwrap import unwrapped

PDF_TEXT = """Trials in Surgery, 2025, 11(2), ts0042
https://doi.org/10.5555/tis.0042
Original Article

Supervised walking before hernia repair in older adults: a pragmatic random-
ised controlled trial in three Norwegian centres

Ingrid Solberg1, Petter Aas2 and Kari Lunde1

1Department of Surgery, Fjordby Hospital, Fjordby, Norway
2Department of Physiotherapy, Northcape University Hospital, Tromsø, Norway

Abstract
Background: Older adults often lose mobility after elective hernia repair, and
walking programmes before surgery may help them recover their daily activities.
Methods: Adults aged 70 years or older listed for elective inguinal hernia re-
pair were randomised to a supervised walking programme with weekly coaching
calls and a single-arm pedometer log kept by the patient or to written advice
on staying active. The primary outcome was the Timed Up and Go test at 2 weeks
after surgery. Secondary outcomes were length of stay, falls and readmissions.
Results: Of 188 patients randomised, 181 underwent surgery. The Timed Up and Go
time was 1.9 seconds shorter with the walking programme (95% CI 0.8 to 3.0).
Conclusion: A supervised walking programme helps older adults recover mobility.
"""


def test_a_word_broken_at_the_line_end_is_read_whole() -> None:
    page = unwrapped(PDF_TEXT)
    assert len(page) == len(PDF_TEXT)
    assert "randomised controlled trial" in page and "hernia   repair were" in page and "re- pair" not in page
    fields = extract(PDF_TEXT)
    assert fields["title"] == ("Supervised walking before hernia repair in older adults: a pragmatic randomised "
                               "controlled trial in three Norwegian centres")
    assert "inguinal hernia repair were randomised" in fields["abstract"]
    assert check_evidence(fields, PDF_TEXT) == []


def test_a_compound_broken_at_its_own_hyphen_keeps_it() -> None:
    text = PDF_TEXT.replace("calls and a single-arm pedometer log kept by the patient or to written advice\n",
                            "calls and a pedometer log kept by the patient in a paper diary, a single-\n"
                            "arm log, or to written advice\n")
    assert "a  single-arm log, or" in unwrapped(text)  # (the freed place a space before the word)


MAIL = """Here is the one I meant - can you check it for the review?

Anna

On Tue, 4 Feb 2025 at 09:12, Jonas Berg <j.berg@example.org> wrote:
> Copied from the journal's page:
>
> Scand J Prim Health Care. 2025;43(1):55-63. doi:10.5555/sjphc.2025.0055
>
> Nurse-led telephone follow-up versus usual clinic visits for adults with
> type 2 diabetes in rural general practice: a randomized controlled trial
>
> Lind J, Berg A, Holm K
>
> Background: Adults with type 2 diabetes in rural areas travel far to clinic
> visits, and telephone follow-up could spare them the journey.
> Methods: Adults with type 2 diabetes in 14 rural practices were randomized
> to nurse-led telephone follow-up every 6 weeks or to usual clinic visits.
> The primary outcome was HbA1c at 12 months.
> Results: Of 320 adults randomized, 301 completed follow-up. HbA1c did not
> differ between the groups (difference 0.1%, 95% CI -0.2 to 0.3).
> Conclusions: Telephone follow-up was as good as clinic visits.
>
> Jonas
"""


def test_a_quoted_mail_is_read_without_its_quote_marks() -> None:
    fields = extract(MAIL)
    assert fields["title"] == ("Nurse-led telephone follow-up versus usual clinic visits for adults with type 2 diabetes "
                               "in rural general practice: a randomized controlled trial")
    assert fields["authors"] == ["Lind J", "Berg A", "Holm K"]
    assert ">" not in fields["abstract"] and fields["abstract"].startswith("Background: Adults with type 2 diabetes")
    assert check_evidence(fields, MAIL) == []


def test_one_quoted_line_is_left_as_it_is() -> None:
    text = "Notes\n> a single quoted remark\n" + "line of text\n" * 8
    assert unwrapped(text) == text
