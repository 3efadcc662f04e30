"""The self-test's checks of the libraries the app carries: each one loads in the frozen app and does its job.

Each check goes through Curator's own code where there is some (the importer, the duplicate finder,
the ranking, the server's opening, the password keeping), offline, in the self-test's throw-away
folder, and returns one line saying what it saw, or raises :class:`SelfTestFailure` saying what
is wrong. ``curator_app.py`` runs them between the command line's check and the window's.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable


class SelfTestFailure(Exception):
    """One self-test check did not hold; the message says what was expected and what was found."""


# Two topics and, last, a repeat of the first record whose title has a typing slip ("controled"): the
# RIS importer reads it, the duplicate finder (rapidfuzz) links the repeat for sure, and the
# ranking, told that the first record is relevant and the first soil record is not, puts the other
# records on exercise and depression first (scikit-learn, numpy, scipy).
EXERCISE = [
    ("Aerobic exercise for depression in older adults: a randomised controlled trial",
     "Older adults with depression were randomised to aerobic exercise or usual care; depression scores fell"
     " more with exercise."),
    ("Resistance exercise training for depression in adults: a randomised controlled trial",
     "Adults with depression were randomised to resistance exercise training; exercise reduced depression"
     " symptoms."),
    ("Walking exercise programmes and depression in adults: a randomised trial",
     "A randomised trial of supervised walking exercise for adults with depression; depression improved with"
     " exercise."),
]
SOIL = [
    ("Nitrogen cycling by soil bacteria under drought",
     "Soil bacteria and nitrogen mineralisation were measured in field plots under experimental drought."),
    ("Microbial communities of agricultural soils after tillage",
     "Soil microbial communities and bacteria were sequenced after conventional and reduced tillage."),
    ("Fungal decomposition of leaf litter in temperate forest soils",
     "Fungi decomposing leaf litter in forest soils were traced with isotopes over two years."),
]
REPEAT = (EXERCISE[0][0].replace("controlled", "controled"), EXERCISE[0][1])


def ris_entry(number: int, title: str, abstract: str, *, first_page: int) -> str:
    return "\n".join([
        "TY  - JOUR", f"TI  - {title}", "AU  - Smith, Jane", "AU  - Okafor, Chidi", "PY  - 2021",
        "JO  - Journal of Self-Test Studies", "VL  - 12", f"SP  - {first_page}", f"EP  - {first_page + 9}",
        f"AB  - {abstract}", f"ID  - selftest{number}", "ER  - ", "",
    ])


def check_records(context: dict) -> str:
    """RIS import (Curator's reader) and the duplicate finder's fuzzy title matching (rapidfuzz)."""
    from curator.duplicates.links import list_links
    from curator.importers.batch import import_paths
    from curator.store.database import open_review

    entries = [*EXERCISE, *SOIL, REPEAT]
    pages = [10 * k + 1 for k in range(len(entries) - 1)] + [1]  # the repeat has the first record's pages
    ris = context["folder"] / "self-test.ris"
    ris.write_text("".join(ris_entry(k, title, abstract, first_page=page)
                           for k, ((title, abstract), page) in enumerate(zip(entries, pages, strict=True))),
                   encoding="utf-8")
    context["ranking_review"] = context["folder"] / "ranking.curator.sqlite"
    with open_review(context["ranking_review"]) as review:
        summary = import_paths(review, [ris], reviewer="self-test")
        links = list_links(review)
    if not summary.ok or summary.imported != len(entries):
        raise SelfTestFailure(f"the RIS file gave {summary.imported} records of {len(entries)}"
                              f" ({'; '.join(str(problem) for problem in summary.failed) or 'no problem reported'})")
    ids = summary.record_ids
    context["record_ids"] = {"exercise": ids[:len(EXERCISE)], "soil": ids[len(EXERCISE):-1]}
    found = [(link.record_id, link.duplicate_of_id, link.method) for link in links]
    if len(found) != 1 or found[0][:2] != (ids[-1], ids[0]) or links[0].possible:
        raise SelfTestFailure(f"the duplicate finder linked {found}, expected the repeat {ids[-1]} to record {ids[0]}"
                              " (its title with a typing slip, the same citation), for sure")
    return (f"{summary.imported} RIS records imported; the repeat with 'controled' linked by"
            f" '{links[0].method}' (score {links[0].score})")


def check_ranking(context: dict) -> str:
    """The relevance model learns from one include and one exclude and ranks the like records first."""
    import numpy
    import scipy
    import sklearn

    from curator.ranking.relevance import rank_undecided
    from curator.review.screening import record_decision
    from curator.store.database import open_review

    ids = context["record_ids"]
    with open_review(context["ranking_review"], create=False) as review:
        record_decision(review, ids["exercise"][0], "include", reviewer="self-test")
        record_decision(review, ids["soil"][0], "exclude", reviewer="self-test")
        ranking = rank_undecided(review)
    order = [record.id for record in ranking.records]
    if ranking.trained_at is None or ranking.trained_on != {"include": 1, "exclude": 1}:
        raise SelfTestFailure(f"no model was trained (trained on {ranking.trained_on})")
    expected_first = set(ids["exercise"][1:])
    if set(order[:len(expected_first)]) != expected_first or len(order) != 4:
        raise SelfTestFailure(f"the ranking is {order}; expected {sorted(expected_first)} first, then"
                              f" {sorted(ids['soil'][1:])}")
    return (f"trained on 1 include and 1 exclude, ranked {len(order)} undecided records, the two like the include"
            f" first (scikit-learn {sklearn.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__})")


def text_pdf(words: str) -> bytes:
    """A one-page PDF showing ``words`` in Helvetica (no library writes text into a PDF page simply)."""
    content = f"BT /F1 18 Tf 20 50 Td ({words}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(out)


def check_pdf_pages(context: dict) -> str:
    """pypdf reads a PDF's text; PDFium (pypdfium2's native library) draws its page and finds a word on it."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    from curator.importers.pdf import pdf_text

    words = "Exercise eases depression"
    data = text_pdf(words)
    read = pdf_text(data)
    if words not in read:
        raise SelfTestFailure(f"pypdf read {read!r} from a PDF showing {words!r}")
    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        image = page.render(scale=2).to_pil()
        text_page = page.get_textpage()
        found = text_page.get_text_range()
        boxes = [text_page.get_rect(k) for k in range(text_page.count_rects(0, len(words)))]
    finally:
        document.close()
    if words not in found or not boxes:
        raise SelfTestFailure(f"PDFium read {found!r} from a PDF showing {words!r}")
    dark = sum(image.convert("L").point(lambda value: 255 if value < 128 else 0).histogram()[255:])
    if image.size != (800, 200) or not dark:
        raise SelfTestFailure(f"PDFium drew the page as a {image.size} image with {dark} dark pixels")
    png = io.BytesIO()
    image.save(png, format="PNG")
    if Image.open(io.BytesIO(png.getvalue())).size != image.size:
        raise SelfTestFailure("Pillow did not read back the PNG it wrote")
    return (f"pypdf read the text; PDFium {pdfium.PDFIUM_INFO} (pypdfium2 {pdfium.PYPDFIUM_INFO}) drew the page"
            f" ({image.size[0]}x{image.size[1]}, {dark} dark pixels) and found the words on it")


def free_port() -> int:
    """A loopback port nothing listens on (one the system just handed out and took back)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_server(context: dict) -> str:
    """psycopg with its compiled implementation loads, and an unreachable server is one clear sentence."""
    import psycopg

    from curator.store.database import open_review
    from curator.store.errors import ServerUnavailable

    if psycopg.pq.__impl__ not in ("binary", "c"):
        raise SelfTestFailure(f"psycopg runs its {psycopg.pq.__impl__!r} implementation, not the binary one"
                              " (is psycopg_binary in the bundle?)")
    port, secret = free_port(), "not-a-real-password"
    server = f"127.0.0.1:{port}/curator"
    try:
        review = open_review(f"postgresql://self-test:{secret}@{server}", create=False)
    except ServerUnavailable as error:
        message = str(error)
    else:
        review.close()
        raise SelfTestFailure(f"a review opened on {server}, where no server should listen")
    if server not in message or secret in message or "\n" in message or "Traceback" in message:
        raise SelfTestFailure(f"an unreachable server gave the message {message!r}: expected one sentence naming"
                              f" {server}, without the password")
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version_pretty(psycopg.pq.version())}); '{message}'"


#: The keyring backend each system's desk uses (one of keyring's own, found through its entry points).
SYSTEM_BACKENDS = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}


def check_keyring(context: dict) -> str:
    """keyring finds its backends (entry points: the package metadata) and the desk's password keeping works
    or, with no keyring on the machine, says so."""
    from importlib.metadata import entry_points

    import keyring
    from keyring.backends import fail

    from ui import passwords

    points = {point.name: point for point in entry_points(group="keyring.backends")}
    wanted = SYSTEM_BACKENDS.get(sys.platform, "SecretService")
    if wanted not in points:
        raise SelfTestFailure(f"keyring's backends are not found through its entry points (found"
                              f" {sorted(points) or 'none'}): is its package metadata in the bundle?")
    try:
        points[wanted].load()
    except Exception as error:  # any failure to import the backend is what this check is for
        raise SelfTestFailure(f"keyring's {wanted} backend does not load: {error}") from error
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        key = passwords.key_of(f"postgresql://self-test@127.0.0.1:{free_port()}/curator")
        if passwords.available() or passwords.keep(key, "not-a-real-password") or passwords.stored(key) is not None:
            raise SelfTestFailure("with no system keyring, the desk still claims to keep passwords")
        return f"backends {', '.join(sorted(points))}; no system keyring here ({name}): '{passwords.NO_KEYRING}'"
    if not passwords.available():
        raise SelfTestFailure(f"the keyring backend {name} is there but the desk does not use it")
    return f"backends {', '.join(sorted(points))}; the desk keeps passwords in {name}"


CHECKS: list[tuple[str, Callable[[dict], str]]] = [
    ("RIS import and duplicates", check_records),
    ("ranking", check_ranking),
    ("PDF pages", check_pdf_pages),
    ("server", check_server),
    ("keyring", check_keyring),
]
