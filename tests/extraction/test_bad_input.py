"""Hostile and odd input: never a crash, bounded work, clear errors from decode_bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from curator.extraction import ExtractionError, decode_bytes, extract, html_to_text, looks_like_html
from curator.fields import empty_fields


def _nothing_filled(fields: dict) -> None:
    assert fields["kind"] == "unknown"
    for key in ("title", "status", "phase", "enrollment", "abstract", "sponsor", "journal", "year"):
        assert fields[key] is None, key
    assert fields["ids"] == [] and fields["conditions"] == [] and fields["interventions"] == []
    assert all(v is None for v in fields["pico"].values())


def test_empty_text_gives_empty_record() -> None:
    fields = extract("", source="x")
    assert set(fields) == set(empty_fields()) | {"source"}
    _nothing_filled(fields)


def test_decode_empty_and_binary_raise_clear_errors() -> None:
    with pytest.raises(ExtractionError, match="empty"):
        decode_bytes(b"")
    with pytest.raises(ExtractionError, match="binary"):
        decode_bytes(os.urandom(4096))
    with pytest.raises(ExtractionError, match="PDF"):
        decode_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.raises(ExtractionError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 1000)
    assert issubclass(ExtractionError, ValueError)


def test_binary_garbage_as_text_does_not_crash() -> None:
    garbage = os.urandom(200_000).decode("latin-1")
    fields = extract(garbage)
    assert fields["kind"] in ("unknown", "trial", "article")


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    block = "Status: Recruiting\nSome filler text about nothing in particular, repeated. NCT01234567\n"
    path = tmp_path / "big.txt"
    path.write_text(block * (50_000_000 // len(block) + 1), encoding="utf-8")
    data = path.read_bytes()
    assert len(data) >= 50_000_000
    text = decode_bytes(data)
    fields = extract(text)
    assert fields["status"] == "RECRUITING"
    assert fields["ids"] == ["NCT01234567"]


def test_one_ten_megabyte_line() -> None:
    line = ("word (ABC) patients with x " * 400_000)[:10_000_000]
    fields = extract(line)
    assert fields["ids"] == []
    fields = extract("Title: A\n" + "a(" * 5_000_000)
    assert fields["title"] == "A"


def test_mixed_scripts() -> None:
    text = (
        "مقاله\n\nTitle: Anakinra in gout\n研究类型：\nStudy type:\n干预性研究\nInterventional study\n"
        "Статус: Завершено\nStatus: Completed\n"
    )
    fields = extract(text)
    assert fields["title"] == "Anakinra in gout"
    assert fields["study_type"] == "INTERVENTIONAL"
    assert fields["status"] == "COMPLETED"


def test_nothing_recognisable() -> None:
    text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nSed do eiusmod tempor incididunt ut labore.\n"
    _nothing_filled(extract(text))


def test_html_helpers() -> None:
    html = (
        "<html><head><title>t</title><script>var x='NCT00000000';</script><style>p{}</style></head><body>"
        "<h1>Trial &amp; error</h1><p>One<br>two</p><ul><li>first</li><li>second</li></ul>"
        "<table><tr><th>Status</th><td>Recruiting</td></tr></table><noscript>no</noscript>"
        "<svg><text>svg text</text></svg><template><p>hidden</p></template></body></html>"
    )
    assert looks_like_html(html)
    assert not looks_like_html("Status: Recruiting\nPhase: 2 < 3")
    text = html_to_text(html)
    assert "Trial & error" in text
    assert "  • first" in text and "  • second" in text
    assert "Status | Recruiting |" in text
    for hidden in ("NCT00000000", "p{}", "svg text", "hidden", "no\n"):
        assert hidden not in text
    assert extract(text)["status"] == "RECRUITING"
