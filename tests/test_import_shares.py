"""A large file read in shares by several processes gives the review exactly what one process gives."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from curator.importers import _shares, batch
from curator.importers.batch import ImportCancelled, import_paths
from curator.store.database import open_review

_RECORD_COLUMNS = ("id, source_id, source_entry, text, content_hash, kind, profile, title, status, phase, year,"
                   " extracted, curated, evidence")


def _export(path: Path) -> Path:
    """Entries in many runs: broken ones first and in between, duplicates across runs, two databases."""
    lines = ["TI  - a title before any entry", "ER  - ", "", "TY  - JOUR", "AU  - Nobody, N", "ER  - ", ""]
    for n in range(40):
        title = f"Generated study {n % 13} of a treatment in adults"
        lines += ["TY  - JOUR", f"TI  - {title.upper() if n % 2 else title}", f"AU  - Author{n % 13}, A",
                  f"PY  - {2000 + n % 13}", f"JO  - Journal {n % 5}", f"DB  - {'Embase' if n % 3 else 'MEDLINE'}"]
        if n % 4:
            lines.append(f"DO  - 10.1000/gen.{n % 13}")
        lines += [f"AB  - Background. Trial registration: NCT{10000000 + n % 13}. Results follow.", "ER  - ", ""]
        if n % 9 == 4:
            lines += ["TY  - JOUR", "PY  - 2001", "ER  - ", ""]  # neither title nor identifier
        if n == 17:
            lines += ["TY  - JOUR", "TI  - An entry without its end", ""]  # no ER before the next TY
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _imported(review_path: Path, file: Path) -> tuple:
    with open_review(review_path) as review:
        summary = import_paths(review, [file], reviewer="ann")
        with review.session() as session:
            rows = [tuple(r) for r in session.execute(text(f"SELECT {_RECORD_COLUMNS} FROM records ORDER BY id"))]
            sources = [tuple(r) for r in session.execute(
                text("SELECT id, name, kind, file_name, record_count FROM sources ORDER BY id"))]
            links = [tuple(r) for r in session.execute(text(
                "SELECT record_id, duplicate_of_id, method, score, possible FROM duplicate_links ORDER BY record_id"))]
            found = session.execute(text("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'treatment'"))
            searchable = found.scalar()
    return summary.imported, summary.duplicates, [str(p) for p in summary.failed], rows, sources, links, searchable


@pytest.fixture
def in_shares(monkeypatch):
    """Every file read in three shares, in runs of three entries."""
    monkeypatch.setattr(_shares, "SHARED_FROM_BYTES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    monkeypatch.setattr(_shares, "busy_cores", lambda: 0)
    monkeypatch.setattr(batch, "CHUNK", 3)


def _alone(tmp_path: Path, file: Path) -> tuple:
    return _imported(tmp_path / "alone.curator.sqlite", file)


@pytest.mark.parametrize("start_method", [None, "spawn"])
def test_shares_give_the_records_ids_problems_and_links_of_one_process(tmp_path, monkeypatch, start_method) -> None:
    file = _export(tmp_path / "search.ris")
    alone = _alone(tmp_path, file)
    monkeypatch.setattr(_shares, "START_METHOD", start_method)
    with monkeypatch.context() as patched:
        patched.setattr(_shares, "SHARED_FROM_BYTES", 1)
        patched.setattr(os, "cpu_count", lambda: 3)
        patched.setattr(_shares, "busy_cores", lambda: 0)
        patched.setattr(batch, "CHUNK", 3)
        assert _shares.share_count(file) == 3
        shares_read = []
        real = _shares.read_in_shares

        def counted(*args):  # noqa: ANN002, ANN202
            found = real(*args)
            shares_read.append(None if found is None else len(found))
            return found

        patched.setattr(batch, "read_in_shares", counted)
        shared = _imported(tmp_path / "shared.curator.sqlite", file)
    assert shares_read == [3]  # the workers read their shares: nothing fell back to one process
    imported, duplicates, failed, rows, sources, links, searchable = alone
    assert imported == 40 and duplicates > 0 and len(failed) == 7 and searchable == 40
    assert "entry 1, line 1" in failed[0] and any("entry has no end" in f for f in failed)
    assert sources[0][1] == "MEDLINE"  # named after the file's first entry, read by the first share
    assert shared == alone


def test_a_file_is_read_in_one_process_when_workers_cannot_start(tmp_path, monkeypatch, in_shares) -> None:
    file = _export(tmp_path / "search.ris")

    def refuse(self) -> None:
        raise OSError("no processes here")

    with monkeypatch.context() as patched:
        patched.setattr(_shares, "SHARED_FROM_BYTES", 10**12)
        alone = _alone(tmp_path, file)
    monkeypatch.setattr(multiprocessing.get_context().Process, "start", refuse)
    assert _imported(tmp_path / "shared.curator.sqlite", file) == alone


def test_cancel_while_reading_in_shares_writes_nothing_and_stops_the_workers(review, tmp_path, in_shares) -> None:
    file = _export(tmp_path / "search.ris")
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 4  # inside the first share's runs

    with pytest.raises(ImportCancelled):
        import_paths(review, [file], reviewer="ann", cancelled=cancelled)
    assert not multiprocessing.active_children()
    with review.session() as session:
        assert session.execute(text("SELECT count(*) FROM records")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM sources")).scalar() == 0


def test_small_files_and_busy_machines_read_in_one_process(tmp_path, monkeypatch) -> None:
    file = _export(tmp_path / "search.ris")
    assert _shares.share_count(file) == 1
    assert _shares.share_count(tmp_path / "missing.ris") == 1
    monkeypatch.setattr(_shares, "SHARED_FROM_BYTES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.setattr(_shares, "busy_cores", lambda: 0)
    assert _shares.share_count(file) == 4
    monkeypatch.setattr(_shares, "busy_cores", lambda: 3)
    assert _shares.share_count(file) == 1  # one free core: the importing process's
    monkeypatch.setattr(_shares, "busy_cores", lambda: 0)
    (tmp_path / "notes.txt").write_text("a note in a format read whole")
    assert _shares.share_count(tmp_path / "notes.txt") == 1


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the workers must see the patch")
def test_a_file_that_breaks_half_way_is_read_again_in_one_process(tmp_path, monkeypatch) -> None:
    from curator.importers import ris

    file = _export(tmp_path / "search.ris")
    real = ris.to_entry

    def breaking(tags: dict, source: str):  # noqa: ANN202
        if source.endswith("#30"):  # in the second share's runs
            raise ValueError("a reader's bug")
        return real(tags, source)

    monkeypatch.setattr(ris, "to_entry", breaking)
    monkeypatch.setattr(_shares, "START_METHOD", "fork")
    alone = _alone(tmp_path, file)
    assert alone[0] < 40 and alone[2][-1] == "search.ris: cannot read as ris: a reader's bug"
    monkeypatch.setattr(_shares, "SHARED_FROM_BYTES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    monkeypatch.setattr(_shares, "busy_cores", lambda: 0)
    monkeypatch.setattr(batch, "CHUNK", 3)
    assert _imported(tmp_path / "shared.curator.sqlite", file) == alone


def test_an_import_on_a_worker_thread_spawns_its_workers_and_gives_the_same_records(tmp_path, monkeypatch) -> None:
    import threading

    file = _export(tmp_path / "search.ris")
    alone = _alone(tmp_path, file)
    monkeypatch.setattr(_shares, "SHARED_FROM_BYTES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    monkeypatch.setattr(_shares, "busy_cores", lambda: 0)
    monkeypatch.setattr(batch, "CHUNK", 3)
    found: dict[str, object] = {}

    def work() -> None:  # as the window imports: on a thread of its own
        found["method"] = _shares._start_method()
        found["imported"] = _imported(tmp_path / "shared.curator.sqlite", file)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert found["imported"] == alone
    if multiprocessing.get_context().get_start_method() == "fork":
        assert found["method"] == "spawn"


def test_the_next_import_deletes_the_spool_of_an_import_that_was_killed(tmp_path, monkeypatch):
    ended = multiprocessing.get_context("spawn").Process(target=os.getpid)
    ended.start()
    ended.join()
    killed = tmp_path / f"curator-import-{ended.pid}-abc123"
    (killed / "share1").mkdir(parents=True)
    (killed / "share1" / "rows").write_bytes(b"spooled rows")
    running = tmp_path / f"curator-import-{os.getppid()}-def456"
    running.mkdir()
    unrelated = tmp_path / "curator-import-notapid"
    unrelated.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    with _shares.spool_folder() as folder:
        assert Path(folder).name.startswith(f"curator-import-{os.getpid()}-")
        assert not killed.exists()
        assert running.exists() and unrelated.exists()
    assert not Path(folder).exists()
    (killed / "share1").mkdir(parents=True)  # killed while it wrote: the next import, however small, deletes it
    with open_review(tmp_path / "small.curator.sqlite") as review:
        import_paths(review, [_export(tmp_path / "small.ris")], reviewer="ann")
    assert not killed.exists() and running.exists()


def test_a_run_crosses_the_pipe_with_every_duplicate_key_and_problem_as_it_was() -> None:
    import pickle

    from curator.duplicates.keys import candidate
    from curator.importers import Problem

    text_page = "Title: Étude of a trial\nVolume: 12\nPages: 2085-8\n\nAbstract: ISRCTN12345678 and NCT01234567."
    keys = [candidate(7, {"title": "Étude of a trial … [Review]", "year": 2020, "kind": "article",
                          "ids": ["DOI:10.1000/x", "PMID:123"], "authors": ["Tam, L.-S.", "Rau R"],
                          "journal": "Lancet"}, "abc", text_page),
            candidate(8, {"title": "Comment on: 24 week results part 2 - Reply", "kind": "trial", "ids": ["NCT01234567"]})]
    run = _shares.Run(3, rows=2, start=99, size=1234, candidates=keys, problems=[Problem("a.ris", "entry 4, line 9", "no title")])
    back = pickle.loads(pickle.dumps(run))
    assert back == run
    assert [type(value) for value in vars(back).values()] == [type(value) for value in vars(run).values()]
    for before, after in zip(keys, back.candidates, strict=True):  # frozensets, tuples and bytes, not lists
        assert [type(getattr(after, name)) for name in before.__slots__] == \
            [type(getattr(before, name)) for name in before.__slots__]


def test_the_shares_spools_are_read_where_the_workers_wrote_them_and_deleted_when_the_import_ends(
        tmp_path, monkeypatch, in_shares) -> None:
    file = _export(tmp_path / "search.ris")
    alone = _alone(tmp_path, file)
    spools = tmp_path / "spools"
    spools.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(spools))
    while_saving: list[list[str]] = []
    real_save = batch._Batch.save

    def save(self, session, check) -> None:  # noqa: ANN001
        while_saving.append(sorted(p.name for p in spools.glob(f"curator-import-{os.getpid()}-*/share*")))
        real_save(self, session, check)

    monkeypatch.setattr(batch._Batch, "save", save)
    assert _imported(tmp_path / "shared.curator.sqlite", file) == alone
    assert while_saving == [["share0", "share1", "share2"]]  # the rows are written from the shares' own files
    assert not list(spools.glob("curator-import-*"))

    def cancel(self, session, check) -> None:  # noqa: ANN001
        raise ImportCancelled("cancelled while saving")

    monkeypatch.setattr(batch._Batch, "save", cancel)
    with open_review(tmp_path / "cancelled.curator.sqlite") as review, pytest.raises(ImportCancelled):
        import_paths(review, [file], reviewer="ann")
    assert not list(spools.glob("curator-import-*"))


def test_the_spool_gives_its_own_chunks_and_other_spools_chunks_in_the_order_added(tmp_path) -> None:
    import marshal

    from curator.importers._spool import Spool

    other = tmp_path / "share1"
    first, second = [(1, "é", None, 2.5)], [(2, "b" * 70_000, 3, "")]
    data = [marshal.dumps(first), marshal.dumps(second)]
    other.write_bytes(b"".join(data))
    spool = Spool()
    try:
        spool.add([(0, "own", None)])
        spooled = spool.open_spooled(str(other))
        spool.add_spooled(spooled, len(data[0]), len(data[1]))
        spool.add([(3, "own again", 1)])
        spool.add_spooled(spooled, 0, len(data[0]))
        assert list(spool.chunks()) == [[(0, "own", None)], second, [(3, "own again", 1)], first]
        assert list(spool.chunks()) == list(spool.chunks())  # read again from the start
    finally:
        spool.close()
    assert spooled.closed
