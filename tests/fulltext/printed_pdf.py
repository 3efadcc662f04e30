"""Text documents "printed" to PDF, as a browser or ``enscript`` does: wrapped, paginated, headed and footed.

The PDF is written by hand (no PDF library): one Type0 font whose ToUnicode map covers every
character of the document, so any script (the seeds hold Persian) survives in the text layer.
No glyphs are embedded: a viewer draws boxes, but a text reader reads exactly what was written.
"""

from __future__ import annotations

import re
import textwrap

WIDTH = 90  # columns, as the printed seeds
LINES_PER_PAGE = 48
# Right-to-left words (Hebrew, Arabic, Persian) and the spaces between them.
_RTL_RUN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?:\s+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)*")


def visual(line: str) -> str:
    """A line in the order its glyphs stand on the page: right-to-left runs reversed (as a PDF holds them)."""
    return _RTL_RUN.sub(lambda m: m.group(0)[::-1], line)


def wrap(text: str, width: int = WIDTH) -> list[str]:
    """Every line of ``text`` cut at ``width`` columns (long words broken, hyphens a place to break)."""
    out: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            out.append(line.rstrip())
            continue
        # The indent of the first line is kept; the following lines start at the margin, as printed.
        out.extend(textwrap.wrap(line, width, break_on_hyphens=True))
    return out


def paginate(lines: list[str], per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    """The lines cut into pages of ``per_page`` lines."""
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def printed_pages(text: str, title: str, *, width: int = WIDTH, per_page: int = LINES_PER_PAGE,
                  header: bool = True, footer: bool = True) -> list[list[str]]:
    """The pages as a print dialog lays them out: the date and title on top, "Page n of N" below."""
    pages = paginate(wrap(text, width), per_page)
    out = []
    for number, body in enumerate(pages, start=1):
        top = [f"06/12/2026, 14:20{' ' * 10}{title}", ""] if header else []
        bottom = ["", f"Page {number} of {len(pages)}"] if footer else []
        out.append(top + body + bottom)
    return out


def pdf_from_pages(pages: list[list[str]]) -> bytes:
    """A PDF whose page ``i`` shows ``pages[i]``, one line under the other (a text layer for every line)."""
    chars = sorted({c for page in pages for line in page for c in line} | {" "})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in at the end
    pages_obj = add(b"")
    cmap = _to_unicode(cid)
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descendant = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CuratorMono /CIDSystemInfo "
                     b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /CIDToGIDMap /Identity >>")
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /CuratorMono /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, to_unicode))
    kids = []
    for page in pages:
        ops = []
        y = 800
        for line in page:
            if line:
                glyphs = "".join(f"{cid[c]:04X}" for c in visual(line))
                ops.append(f"BT /F1 10 Tf 1 0 0 1 40 {y} Tm <{glyphs}> Tj ET")
            y -= 15
        stream = "\n".join(ops).encode("ascii")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_obj, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return out


def _to_unicode(cid: dict[str, int]) -> bytes:
    entries = [f"<{n:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c, n in cid.items()]
    blocks = []
    for i in range(0, len(entries), 100):  # at most 100 entries per bfchar block
        chunk = entries[i:i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode("ascii")


def printed_pdf(text: str, title: str, **options: int | bool) -> bytes:
    """``text`` as a printed PDF (see :func:`printed_pages`)."""
    return pdf_from_pages(printed_pages(text, title, **options))  # type: ignore[arg-type]
