from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from curator.importers.batch import ImportCancelled, import_paths
from curator.store.database import open_review
from tests.importers.conftest import fixture

REPO = Path(__file__).resolve().parent.parent


def _count(review, table: str = "records") -> int:
    with review.session() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)


def _ris(path: Path, count: int, start: int = 0) -> Path:
    lines = []
    for n in range(start, start + count):
        lines += ["TY  - JOUR", f"TI  - Generated study number {n} of a treatment", f"AU  - Author{n}, A",
                  f"PY  - {2000 + n % 20}", f"DO  - 10.1000/gen.{n}", "ER  - ", ""]
    path.write_text("\n".join(lines))
    return path


def test_import_summary_sources_and_problems(review) -> None:
    summary = import_paths(review, [fixture("embase_scopus.ris"), fixture("pubmed.nbib")], reviewer="ann")
    assert summary.files == 2
    assert summary.imported == 5
    assert len(summary.failed) == 4  # two malformed RIS entries, two malformed MEDLINE entries
    assert not summary.ok
    assert summary.sources == ["Embase (database)", "PubMed (database)"]
    assert _count(review) == 5
    with review.session() as session:
        rows = session.execute(text("SELECT name, kind, file_name, record_count FROM sources ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("Embase", "database", "embase_scopus.ris", 3),
                                        ("PubMed", "database", "pubmed.nbib", 2)]
    # the paper in PubMed and in Embase share a DOI: the later one is linked, not deleted
    assert summary.duplicates == 1


def test_source_name_and_kind_given(review) -> None:
    summary = import_paths(review, [fixture("pubmed.nbib")], reviewer="ann", source_name="MEDLINE via Ovid",
                           source_kind="database")
    assert summary.sources == ["MEDLINE via Ovid (database)"]
    with pytest.raises(ValueError, match="source kind"):
        import_paths(review, [fixture("pubmed.nbib")], reviewer="ann", source_kind="shop")


def test_unreadable_and_missing_files_are_reported_by_name(review, tmp_path) -> None:
    good = _ris(tmp_path / "good.ris", 3)
    empty = tmp_path / "empty.ris"
    empty.write_text("")
    odd = tmp_path / "data.bin"
    odd.write_bytes(b"\x00\x01\x02garbage")
    summary = import_paths(review, [good, empty, odd, tmp_path / "missing.ris"], reviewer="ann")
    assert summary.imported == 3
    messages = [str(p) for p in summary.failed]
    assert any(m.startswith("empty.ris") and "empty" in m for m in messages)
    assert any(m.startswith("data.bin") and "unrecognised format" in m for m in messages)
    assert any("missing.ris" in m and "no such file" in m for m in messages)


def test_importing_twice_marks_every_second_copy(review) -> None:
    first = import_paths(review, [fixture("embase_scopus.ris")], reviewer="ann")
    second = import_paths(review, [fixture("embase_scopus.ris")], reviewer="ann")
    assert first.duplicates == 0
    assert second.duplicates == second.imported == 3
    with review.session() as session:
        links = session.execute(text("SELECT record_id, duplicate_of_id FROM duplicate_links ORDER BY record_id")).all()
    assert [tuple(r) for r in links] == list(zip(second.record_ids, first.record_ids, strict=True))


def test_cancel_writes_nothing(review, tmp_path) -> None:
    files = [_ris(tmp_path / f"f{i}.ris", 5, i * 5) for i in range(3)]
    calls: list[str] = []

    def progress(done: int, total: int, name: str) -> None:
        calls.append(name)

    with pytest.raises(ImportCancelled):
        import_paths(review, files, reviewer="ann", progress=progress, cancelled=lambda: len(calls) >= 2)
    assert _count(review) == 0 and _count(review, "sources") == 0 and _count(review, "audit_log") == 0
    summary = import_paths(review, files, reviewer="ann", progress=progress)
    assert summary.imported == 15 and calls[-1] == "finding duplicates"


def test_import_is_searchable(review) -> None:
    import_paths(review, [fixture("pubmed.nbib")], reviewer="ann")
    from curator.review.listing import RecordFilter, find_record_ids

    assert len(find_record_ids(review, RecordFilter(search="etanercept"))) == 1


# Killed while reading (nothing written yet), and while writing (the transaction open, the lock held).
@pytest.mark.parametrize("moment", ["done == 1", "name == 'finding duplicates'"])
def test_killed_half_way_leaves_the_review_unchanged(review_path, tmp_path, moment: str) -> None:
    with open_review(review_path) as review:
        import_paths(review, [_ris(tmp_path / "before.ris", 4)], reviewer="ann")
    files = [_ris(tmp_path / f"big{i}.ris", 3000, 10_000 * (i + 1)) for i in range(2)]
    child = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(REPO)!r})
        from curator.store.database import open_review
        from curator.importers.batch import import_paths

        def progress(done, total, name):
            if {moment}:
                print("half-way", flush=True)
                time.sleep(60)

        review = open_review({str(review_path)!r})
        import_paths(review, {[str(f) for f in files]!r}, reviewer="ann", progress=progress)
        print("finished", flush=True)
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "half-way"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with open_review(review_path) as review:
        assert _count(review) == 4 and _count(review, "sources") == 1
        with review.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            # the search-index trigger dropped for the large batch is back: its drop was never committed
            assert session.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'records_fts_insert'"))\
                .scalar() == 1
        summary = import_paths(review, files, reviewer="ann")
        assert summary.imported == 6000 and _count(review) == 6004
        _assert_search_index_complete(review)


def test_records_added_by_another_writer_while_reading_come_first(review, tmp_path) -> None:
    import_paths(review, [_ris(tmp_path / "before.ris", 2)], reviewer="ann")
    meanwhile = _ris(tmp_path / "meanwhile.ris", 3, 500)
    big = _ris(tmp_path / "big.ris", 2500, 500)  # its first three repeat the records written meanwhile

    def progress(done: int, total: int, name: str) -> None:
        if name == "big.ris":  # the import is reading, holding no lock: another import gets in first
            import_paths(review, [meanwhile], reviewer="bob")

    summary = import_paths(review, [big], reviewer="ann", progress=progress)
    assert summary.record_ids == list(range(6, 2506)) and summary.duplicates == 3
    with review.session() as session:
        sources = session.execute(text("SELECT id, name, record_count FROM sources ORDER BY id")).all()
        links = session.execute(text("SELECT record_id, duplicate_of_id FROM duplicate_links ORDER BY 1")).all()
        first_of_big = session.execute(text("SELECT source_id, title FROM records WHERE id = 6")).one()
    assert [tuple(r) for r in sources] == [(1, "before.ris", 2), (2, "meanwhile.ris", 3), (3, "big.ris", 2500)]
    assert [tuple(r) for r in links] == [(6, 3), (7, 4), (8, 5)]
    assert tuple(first_of_big) == (3, "Generated study number 500 of a treatment")
    _assert_search_index_complete_for(review, ["Author2999"])


def _assert_search_index_complete(review) -> None:
    from curator.review.listing import RecordFilter, find_record_ids

    with review.session() as session:
        session.execute(text("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')"))
        assert session.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'records_fts_insert'"))\
            .scalar() == 1
    assert len(find_record_ids(review, RecordFilter(search="Author10001"))) == 1
    assert len(find_record_ids(review, RecordFilter(search="Author3"))) == 1


def test_large_batch_is_searchable_and_later_imports_still_indexed(review, tmp_path) -> None:
    import_paths(review, [_ris(tmp_path / "small.ris", 3)], reviewer="ann")  # indexed by the trigger
    summary = import_paths(review, [_ris(tmp_path / "big.ris", 2500, 10_000)], reviewer="ann")  # one fill
    assert summary.imported == 2500
    import_paths(review, [_ris(tmp_path / "after.ris", 2, 50_000)], reviewer="ann")  # the trigger is back
    from curator.review.listing import RecordFilter, find_record_ids

    for author in ("Author2", "Author12499", "Author50001"):
        assert len(find_record_ids(review, RecordFilter(search=author))) == 1, author
    with review.session() as session:
        session.execute(text("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')"))


def _import_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("curator-import")]


def test_a_failed_write_is_raised_and_rolls_the_batch_back(review, tmp_path, monkeypatch) -> None:
    import curator.importers.batch as importing

    import_paths(review, [_ris(tmp_path / "before.ris", 2)], reviewer="ann")
    original = importing._RecordTables.insert_records
    written: list[int] = []

    def failing(self, rows) -> None:  # the second chunk fails, on the writer thread
        if written:
            raise sqlite3.OperationalError("disk I/O error")
        written.append(len(rows))
        original(self, rows)

    monkeypatch.setattr(importing._RecordTables, "insert_records", failing)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        import_paths(review, [_ris(tmp_path / "big.ris", 4500, 100)], reviewer="ann")
    assert written == [importing.CHUNK] and not _import_threads()
    assert _count(review) == 2 and _count(review, "sources") == 1
    with review.session() as session:
        assert session.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'records_fts_insert'"))\
            .scalar() == 1
    monkeypatch.setattr(importing._RecordTables, "insert_records", original)
    assert import_paths(review, [_ris(tmp_path / "big.ris", 4500, 100)], reviewer="ann").imported == 4500
    _assert_search_index_complete_for(review, ["Author2345", "Author4599"])


def test_cancel_inside_a_large_file_writes_nothing_and_progress_stays_on_the_calling_thread(review, tmp_path) -> None:
    files = [_ris(tmp_path / "big.ris", 9000), _ris(tmp_path / "more.ris", 10, 20_000)]
    threads: set[str] = set()
    checks = 0

    def progress(done: int, total: int, name: str) -> None:
        threads.add(threading.current_thread().name)

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 3  # a few chunks are with the writer by now

    with pytest.raises(ImportCancelled):
        import_paths(review, files, reviewer="ann", progress=progress, cancelled=cancelled)
    assert _count(review) == 0 and _count(review, "sources") == 0 and _count(review, "audit_log") == 0
    assert threads == {threading.current_thread().name} and not _import_threads()
    summary = import_paths(review, files, reviewer="ann", progress=progress)
    assert summary.imported == 9010 and summary.record_ids == list(range(1, 9011))
    assert threads == {threading.current_thread().name}
    with review.session() as session:
        rows = session.execute(text("SELECT id, name, record_count FROM sources ORDER BY id")).all()
        audit = session.execute(text("SELECT new FROM audit_log WHERE action = 'import' ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "big.ris", 9000), (2, "more.ris", 10)]
    assert [json.loads(a[0])["records"] for a in audit] == [9000, 10]


def _assert_search_index_complete_for(review, authors: list[str]) -> None:
    from curator.review.listing import RecordFilter, find_record_ids

    with review.session() as session:
        session.execute(text("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')"))
    for author in authors:
        assert len(find_record_ids(review, RecordFilter(search=author))) == 1, author


@pytest.mark.parametrize("value", ["", "  a\n\nb  c\n", "a\tb", "x\r\ny", "é  ü\u00a0z", "a\x1cb", "one two\nthree\n"])
def test_content_hash_is_the_hash_of_the_single_spaced_text(value: str) -> None:
    from curator.importers.batch import content_hash

    assert content_hash(value) == hashlib.sha256(" ".join(value.split()).encode("utf-8")).hexdigest()


@pytest.mark.parametrize("value", [{"a": "plain", "b": [1, None, 2.5, True]}, {"é": "ü\n\"x\"\\u"}, {"t": "a\x7fb\x01"},
                                   {"e": "\U0001f600"}])
def test_json_columns_keep_non_ascii_characters_as_themselves(value: dict) -> None:
    from curator.importers._rows import dumps

    assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_the_headline_counts_in_words_and_says_what_failed() -> None:
    from curator.importers import Problem
    from curator.importers.batch import ImportSummary

    assert ImportSummary(files=1, imported=0, failed=[Problem("a.ris", None, "empty")]).headline == \
        "Imported 0 records from 1 file; 1 file could not be read"
    assert ImportSummary(files=3, imported=1, failed=[Problem("b.ris", "entry 2, line 9", "no title"),
                                                      Problem("b.ris", "entry 4, line 20", "no title")]).headline == \
        "Imported 1 record from 3 files; 2 entries could not be read"
    assert ImportSummary(files=2, imported=2000).headline == "Imported 2,000 records from 2 files"


def test_titles_and_ids_lose_invisible_characters_the_document_keeps_them(review, tmp_path) -> None:
    from curator.importers.batch import import_paths
    from curator.review.listing import record_rows
    from curator.review.records import get_record

    page = tmp_path / "spoofed.txt"
    page.write_text("Title: Aspirin \u202etrial\u202c for pain\u200f\nNCT\u200b01234567\n"
                    "Brief summary: \u0645\u06cc\u200c\u0634\u0648\u062f plain words.\n", encoding="utf-8")
    summary = import_paths(review, [page], reviewer="tester")
    record = get_record(review, summary.record_ids[0])
    assert record.title == "Aspirin trial for pain"
    assert "\u202e" in record.text  # the document is shown as it was
    assert [row.title for row in record_rows(review, summary.record_ids)] == ["Aspirin trial for pain"]


def test_joiners_stay_in_titles_and_leave_identifiers() -> None:
    from curator.fields import clean_shown_fields

    fields = clean_shown_fields({"title": "\u0645\u06cc\u200c\u0634\u0648\u062f", "ids": ["NCT0123\u200d4567"]})
    assert fields == {"title": "\u0645\u06cc\u200c\u0634\u0648\u062f", "ids": ["NCT01234567"]}


def test_duplicates_are_matched_on_a_thread_while_the_records_are_written(review, tmp_path, monkeypatch) -> None:
    import curator.importers.batch as importing
    from curator.duplicates import matching

    monkeypatch.setattr(importing, "free_cores", lambda: 2)
    import_paths(review, [_ris(tmp_path / "before.ris", 30)], reviewer="ann")
    real = matching.find_links
    seen: list[tuple[str, int]] = []
    intervals: list[float] = []
    before = sys.getswitchinterval()

    def watched(existing, new, roots):  # noqa: ANN001, ANN202
        seen.append((threading.current_thread().name, len(existing)))
        intervals.append(sys.getswitchinterval())
        return real(existing, new, roots)

    monkeypatch.setattr(matching, "find_links", watched)
    again = _ris(tmp_path / "again.ris", 2500, 10)  # its first twenty repeat records already in the review
    summary = import_paths(review, [again], reviewer="ann")
    assert seen == [("curator-import-matching", 30)]  # the review's records as they were before this import
    assert summary.duplicates == 20 and not _import_threads()
    assert intervals[0] < before and sys.getswitchinterval() == before  # the writing gets Python back sooner
    with review.session() as session:
        links = session.execute(text("SELECT record_id, duplicate_of_id FROM duplicate_links ORDER BY 1")).all()
    assert [tuple(r) for r in links] == [(31 + n, 11 + n) for n in range(20)]
    _assert_search_index_complete_for(review, ["Author2509"])

    monkeypatch.setattr(importing, "free_cores", lambda: 1)  # a busy machine: matched after the writing, here
    seen.clear()
    summary = import_paths(review, [_ris(tmp_path / "third.ris", 1200, 5000)], reviewer="ann")
    assert seen == [(threading.current_thread().name, 2530)] and summary.duplicates == 0
    monkeypatch.setattr(importing, "free_cores", lambda: 2)

    def failing(existing, new, roots):  # noqa: ANN001, ANN202
        raise RuntimeError("a matcher's bug")

    monkeypatch.setattr(matching, "find_links", failing)
    with pytest.raises(RuntimeError, match="a matcher's bug"):
        import_paths(review, [_ris(tmp_path / "more.ris", 1500, 20_000)], reviewer="ann")
    assert _count(review) == 3730 and _count(review, "sources") == 3 and not _import_threads()
