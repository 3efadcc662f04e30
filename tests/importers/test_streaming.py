"""Large tagged exports are read as they stream: the same entries, problems and pages as reading them whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.importers import Entry, Problem, Reader, medline, read_path, ris
from curator.importers._decoding import decode_text, open_text
from tests.importers.conftest import fixture

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("cp1252", b""),
]


def _shapes(items: list[Entry | Problem]) -> list[tuple[object, ...]]:
    return [(i.source, i.text, i.fields) if isinstance(i, Entry) else (i.file, i.position, i.message) for i in items]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_open_text_reads_what_decode_text_reads(tmp_path: Path, encoding: str, bom: bytes, newline: str) -> None:
    text = "TY  - JOUR\nTI  - Étude de la polyarthrite rhumatoïde – essai\nAB  - Zürich café\nER  - \n"
    path = tmp_path / "export.ris"
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    with open_text(path) as lines:
        assert lines.read() == decode_text(path.read_bytes())


@pytest.mark.parametrize(("module", "name"), [(ris, "embase_scopus.ris"), (medline, "pubmed.nbib")])
def test_streamed_entries_equal_whole_file_entries(module: object, name: str) -> None:
    path = fixture(name)
    whole = list(module.parse(decode_text(path.read_bytes())))  # type: ignore[attr-defined]
    with open_text(path) as lines:
        streamed = list(module.parse(lines))  # type: ignore[attr-defined]
    assert streamed == whole
    assert any(isinstance(parsed, str) for *_, parsed in streamed)  # the malformed entries keep their numbers
    # The file reader streams; what it gives is what the entries of the whole text give.
    assert _shapes(list(read_path(path))) == _shapes(list(module._items(path, iter(whole))))  # type: ignore[attr-defined]


def test_a_reader_reads_whole_or_streams() -> None:
    with pytest.raises(ValueError, match="one of read and stream"):
        Reader("neither", (".x",), lambda head: False)
