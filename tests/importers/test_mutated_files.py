"""Broken files of every format: each import reports its problems and never raises (no traceback reaches a user).

Every importer fixture is damaged the ways files are damaged in practice (cut short, bytes flipped, a piece cut out
or repeated, Mac line ends, saved as UTF-16 or Latin-1, junk inserted, a stray byte-order mark), with a fixed seed,
then imported into a fresh review and its PICO looked for, as `curator import` does.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from curator.importers.batch import import_paths
from curator.review.pico_filling import fill_pico
from curator.store.database import open_review
from tests.importers.conftest import FIXTURES

_SKIP = {"billion_laughs.xml", "external_entity.xml"}  # malformed on purpose, tested on their own


def _cut_short(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def _bytes_flipped(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randrange(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _piece_repeated(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at:at + rng.randrange(1, 400)] * rng.randrange(2, 5) + data[at:]


def _piece_cut_out(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randrange(1, 300):]


def _mac_line_ends(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", b"\r", rng.randrange(1, 50))


def _other_encoding(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode("utf-16") if rng.random() < 0.5 else text.encode("latin-1", "replace")


def _junk_inserted(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) + data[at:]


def _stray_bom(data: bytes, rng: random.Random) -> bytes:
    return b"\xef\xbb\xbf" + data[rng.randrange(len(data)):]


DAMAGES: list[Callable[[bytes, random.Random], bytes]] = [
    _cut_short, _bytes_flipped, _piece_repeated, _piece_cut_out, _mac_line_ends, _other_encoding, _junk_inserted,
    _stray_bom]
FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.name not in _SKIP)


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__.strip("_"))
def test_a_damaged_file_of_any_format_is_reported_not_raised(damage: Callable[[bytes, random.Random], bytes],
                                                             tmp_path: Path) -> None:
    rng = random.Random(damage.__name__)
    for source in FILES:
        data = source.read_bytes()
        if not data:
            continue
        folder = tmp_path / source.name.replace(".", "_")
        folder.mkdir()
        broken = folder / source.name
        broken.write_bytes(damage(data, rng))
        with open_review(folder / "review.sqlite") as review:
            summary = import_paths(review, [broken], reviewer="ann")  # raises nothing, whatever the bytes
            fill_pico(review, reviewer="ann")
        assert summary.files == 1
        for problem in summary.failed:
            assert broken.name in str(problem), problem  # each problem names the file
