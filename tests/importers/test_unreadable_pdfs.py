"""Encrypted and damaged PDFs: restricted ones open, protected and broken ones get one clear sentence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.importers import Entry, Problem, read_path
from curator.importers.pdf import DAMAGED, NO_AES, PASSWORD_PROTECTED
from tests.importers.conftest import pdf_bytes

TEXT = "Etanercept in early arthritis NCT00195494"


def _encrypted(user_password: str, algorithm: str = "AES-256") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(TEXT))))
    writer.encrypt(user_password=user_password, owner_password="owner secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _truncated() -> bytes:
    whole = pdf_bytes(TEXT)
    return whole[:whole.index(b"xref")]  # a download cut short: no cross-reference table, no startxref


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_a_pdf_with_only_an_owner_password_opens(tmp_path: Path, algorithm: str) -> None:
    data = _encrypted("", algorithm)
    assert b"/Encrypt" in data and TEXT.encode() not in data  # really encrypted
    (entry,) = list(read_path(_write(tmp_path, "restricted.pdf", data)))
    assert isinstance(entry, Entry), entry
    assert TEXT in entry.text and "NCT00195494" in entry.fields["ids"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("protected.pdf", _encrypted("reader secret"), PASSWORD_PROTECTED),
    ("cut.pdf", _truncated(), DAMAGED),
    ("half.pdf", pdf_bytes(TEXT)[:200], DAMAGED),
])
def test_protected_and_damaged_pdfs_are_one_sentence(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (problem,) = list(read_path(_write(tmp_path, name, data)))
    assert isinstance(problem, Problem)
    assert (problem.file, problem.position, problem.message) == (name, None, message)
    for words in ("decrypted", "startxref", "Stream has ended", "Traceback"):
        assert words not in problem.message


def test_the_messages_are_one_sentence_each() -> None:
    assert PASSWORD_PROTECTED.startswith("password-protected: Curator cannot read it; save an unprotected copy")
    assert DAMAGED.startswith("damaged or incomplete PDF")
    for message in (PASSWORD_PROTECTED, DAMAGED, NO_AES):
        assert ". " not in message and "\n" not in message


def test_aes_without_the_cryptography_package_says_what_is_missing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf
    from pypdf.errors import DependencyError

    path = _write(tmp_path, "restricted.pdf", _encrypted(""))

    def without_cryptography(reader: object, password: str) -> None:
        # What pypdf's fallback does on decrypting AES when the package is missing.
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", without_cryptography)
    (problem,) = list(read_path(path))
    assert isinstance(problem, Problem) and problem.message == NO_AES


def test_the_commands_report_them_and_go_on(tmp_path: Path) -> None:
    files = [
        _write(tmp_path, "protected.pdf", _encrypted("reader secret")),
        _write(tmp_path, "cut.pdf", _truncated()),
        _write(tmp_path, "restricted.pdf", _encrypted("")),
    ]
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", *map(str, files)])
    assert extracted.exit_code == 1 and isinstance(extracted.exception, SystemExit), extracted.output
    assert "== restricted.pdf" in extracted.stdout and "NCT00195494" in extracted.stdout
    assert extracted.stderr.splitlines() == [f"Error: protected.pdf: {PASSWORD_PROTECTED}", f"Error: cut.pdf: {DAMAGED}"]
    review = tmp_path / "review.curator.sqlite"
    imported = runner.invoke(cli, ["import", *map(str, files), "--review", str(review), "--reviewer", "tester"])
    assert imported.exit_code == 1 and isinstance(imported.exception, SystemExit), imported.output
    assert "Imported 1 record from 3 files" in imported.stdout
    assert imported.stderr.splitlines() == ["Failed: 2", f"  protected.pdf: {PASSWORD_PROTECTED}",
                                            f"  cut.pdf: {DAMAGED}"]
    assert "Traceback" not in imported.output + extracted.output
