"""The document pane joins the lines a source hard-wrapped, without moving any position."""

from __future__ import annotations

import textwrap

from ui.document_view import reading_text


def test_a_text_wrapped_at_80_columns_reads_as_written() -> None:
    title = "Exercise classes delivered by community physiotherapists for older people after a fall: a trial."
    authors = "Marsh K(1), Oduya B, Petrakis N, Quinlan S, Ferraro D, Lindqvist M, Achterberg P, Novak T, Olsen H."
    body = " ".join(["Older people who attend an emergency department after a fall were randomised to classes."] * 6)
    document = "\n\n".join(["1. Age Ageing. 2019;48(2):233-239.", "\n".join(textwrap.wrap(title, 80)),
                            "\n".join(textwrap.wrap(authors, 80)), "\n".join(textwrap.wrap(body, 80)),
                            "PMID: 30101234"]) + "\n"
    assert "\n" in "\n".join(textwrap.wrap(authors, 80))  # (the author list does wrap, before a capital)
    shown = reading_text(document)
    assert len(shown) == len(document)
    assert title in shown and authors in shown  # their lines are one again
    assert "\nPMID: 30101234" in shown


def test_a_line_going_on_in_lower_case_is_joined_and_a_form_is_left() -> None:
    assert reading_text("The trial enrolled adults with chronic neck pain who were\nrandomised.") == \
        "The trial enrolled adults with chronic neck pain who were randomised."
    form = "Status:\nRecruiting\nSponsor:\nCity Hospital\n"
    assert reading_text(form) == form
