"""Reading a PDF as a reader does: chrome dropped, wrapped and hyphenated lines joined, evidence on its page."""

from __future__ import annotations

import io

import pytest

from curator.fulltext.reading import (
    DAMAGED,
    NOT_A_PDF,
    PASSWORD_PROTECTED,
    UnreadablePdf,
    count_pages,
    join_pages,
    read_pdf,
)
from tests.fulltext.printed_pdf import pdf_from_pages, printed_pdf


def paragraph(n: int) -> str:
    """A paragraph of a report, different for each ``n``."""
    return (f"In cohort {n}, {10 + n} patients with refractory complex regional pain syndrome were randomised to "
            f"anakinra or placebo and followed for {n + 4} weeks; the primary outcome was the mean daily pain "
            f"{WORDS[n % len(WORDS)]}.")


WORDS = ("at rest", "on walking", "at night", "on waking", "in the morning", "after exercise", "when seated",
         "at the clinic", "by diary", "as rated", "over the week", "at follow-up")


PARAGRAPH = ("Patients with refractory complex regional pain syndrome were randomised to anakinra or placebo "
             "and followed for twelve weeks; the primary outcome was the mean daily pain intensity score.")


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    text = "\n\n".join(f"Section {n}\n\n{paragraph(n)}" for n in range(12))
    full = read_pdf(printed_pdf(text, "Anakinra for CRPS - report", per_page=20))
    assert full.page_count >= 3
    for chrome in ("Page 1 of", "06/12/2026", "Anakinra for CRPS - report"):
        assert chrome not in full.text
    # Every wrapped paragraph whole again, also across page breaks (where no gap tells a heading's blank line).
    assert all(paragraph(n) in full.text for n in range(12))
    assert full.text.split() == text.split()


def test_page_numbers_and_running_heads_of_a_journal() -> None:
    bodies = [[f"Finding {k}: pain fell by {k * 7 + n * n} points." for k in range(8)] for n in range(1, 5)]
    pages = [["Journal of Pain Research 2021;14:1-9", "", *body, "", str(n + 1233)] for n, body in enumerate(bodies)]
    full = read_pdf(pdf_from_pages(pages))
    assert [line for line in full.text.split("\n") if line] == [line for body in bodies for line in body]


def test_one_page_keeps_a_number_that_is_its_content() -> None:
    full = join_pages(["Enrollment\n\n120"])
    assert full.text == "Enrollment\n\n120"


def test_a_word_cut_at_the_margin_is_joined_and_a_compound_keeps_its_hyphen() -> None:
    width = "x" * 70
    pages = [f"{width} the treat-\nment arm; the treatment was given in a placebo-\ncontrolled design.\nNext line."]
    text = join_pages(pages).text
    assert "the treatment arm; the treatment was given in a placebo-controlled design." in text
    assert text.endswith("\nNext line.")


def test_soft_hyphens_are_dropped() -> None:
    text = join_pages([f"{'y' * 70} rheuma\u00ad\ntoid arthritis"]).text
    assert text.endswith("rheumatoid arthritis")


def test_short_lines_and_bullets_stay_lines() -> None:
    pages = ["Title of the study\nNCT ID: NCT01408199\n  • R Rau\n  • O Sander"]
    assert join_pages(pages).text == pages[0]


def test_evidence_maps_to_the_page_and_its_words() -> None:
    text = "\n\n".join(f"Heading {n}\n\n{paragraph(n)}" for n in range(8))
    full = read_pdf(printed_pdf(text, "Report", per_page=14))
    assert full.text.split() == text.split()
    for start in [i for i in range(len(full.text)) if full.text.startswith("primary outcome", i)]:
        (span,) = full.page_spans(start, start + len("primary outcome"))
        assert full.pages[span.page - 1][span.start:span.end] == "primary outcome" == span.quote
        assert span.page == full.page_of(start)
    assert {full.page_of(i) for i in range(len(full.text))} == set(range(1, full.page_count + 1))


def test_a_span_over_a_page_break_has_a_part_on_each_page() -> None:
    pages = [["Introduction", "", "x " * 44 + "the mean daily pain"], ["intensity score at week twelve.", "", "2"]]
    full = read_pdf(pdf_from_pages(pages))
    start = full.text.index("mean daily pain intensity")
    parts = full.page_spans(start, start + len("mean daily pain intensity"))
    assert [(p.page, p.quote) for p in parts] == [(1, "mean daily pain"), (2, "intensity")]
    for part in parts:
        assert full.pages[part.page - 1][part.start:part.end] == part.quote


def test_right_to_left_text_reads_in_its_own_order() -> None:
    full = read_pdf(pdf_from_pages([["نویسندگان", "", "  • R Rau"]]))
    assert full.text.startswith("نویسندگان")


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(printed_pdf(PARAGRAPH, "t"))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    (_encrypted("secret"), PASSWORD_PROTECTED),
    (printed_pdf(PARAGRAPH, "t")[:300], DAMAGED),
    (printed_pdf(PARAGRAPH, "t")[:-200], DAMAGED),
    (b"<html><body>Not found</body></html>", NOT_A_PDF),
    (b"", NOT_A_PDF),
])
def test_unreadable_files_are_one_sentence(data: bytes, message: str) -> None:
    for read in (read_pdf, count_pages):
        with pytest.raises(UnreadablePdf) as caught:
            read(data)
        assert str(caught.value) == message


def test_a_pdf_with_only_an_owner_password_is_read() -> None:
    assert PARAGRAPH in read_pdf(_encrypted("")).text


def test_a_scan_has_no_text() -> None:
    full = read_pdf(pdf_from_pages([[], []]))
    assert (full.page_count, full.has_text, full.text) == (2, False, "")


def test_a_long_pdf_is_read_only_as_far_as_extraction_reads() -> None:
    pages = [[f"Line {k} of page {n}: the trial randomised {n * k} patients to two arms of treatment."
              for k in range(50)] for n in range(500)]
    data = pdf_from_pages(pages)
    assert count_pages(data) == 500
    full = read_pdf(data)
    assert full.page_count == 500 and len(full.pages) < 500 and len(full.text) >= 150_000
