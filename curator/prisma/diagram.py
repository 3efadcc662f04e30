"""The PRISMA 2020 flow diagram drawn from :class:`~curator.prisma.counts.PrismaCounts`: SVG and PNG.

One layout (boxes, arrows, text in the template's words and order) is computed once and
drawn twice: as SVG text written here, and as a PNG painted with Pillow. The "other
methods" column is drawn only when some records came from other methods.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from curator.drawing import font, png_bytes
from curator.prisma.flow import PrismaCounts

FONT_SIZE = 13
LINE_HEIGHT = 18
PADDING = 9
CHAR_WIDTH = 0.55 * FONT_SIZE  # a generous average width, so text measured here fits in either renderer
BAND_WIDTH = 34
BOX_WIDTH = 270
GAP = 44
MARGIN = 16
ROW_GAP = 36

DBR_HEADER = "Identification of studies via databases and registers"
OTHER_HEADER = "Identification of studies via other methods"
FOOTNOTES = (
    "*Consider, if feasible to do so, reporting the number of records identified from each database or register"
    " searched (rather than the total number across all databases/registers).",
    "**If automation tools were used, indicate how many records were excluded by a human and how many were"
    " excluded by automation tools.",
)
COLOURS = {"box": "#ffffff", "dbr_header": "#ffc000", "other_header": "#d9d9d9", "band": "#a6c9ec",
           "line": "#000000", "text": "#000000"}


@dataclass
class Box:
    """A box: top-left corner, size, its lines of text and its style."""

    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    style: str = "box"  # box | dbr_header | other_header | band
    vertical: bool = False
    bold_first: bool = False


@dataclass
class Layout:
    """Everything to draw: boxes, arrows (polylines ending in a head) and footnotes."""

    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    arrows: list[list[tuple[float, float]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notes_y: float = 0.0


def _wrap(lines: list[str], width: float) -> list[str]:
    chars = max(10, int((width - 2 * PADDING) / CHAR_WIDTH))
    wrapped: list[str] = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        wrapped += textwrap.wrap(line, chars, subsequent_indent=" " * (indent + 2), drop_whitespace=True) or [""]
    return wrapped


def _n(value: int) -> str:
    return f"(n\u00a0=\u00a0{value:,})"  # no line break inside "(n = 12)"


def _reports_excluded(reasons: dict[str, int]) -> list[str]:
    """The "Reports excluded" box: one line per reason, or none excluded."""
    if not reasons:
        return [f"Reports excluded {_n(0)}"]
    return ["Reports excluded:"] + [f"  {reason} {_n(n)}" for reason, n in reasons.items()]


def box_texts(counts: PrismaCounts) -> dict[str, list[str]]:
    """The text of every box, in the template's words, with the counts filled in."""
    data = counts.as_prisma2020_data()
    dbr, other = counts.dbr, counts.other
    identified = ["Records identified from*:", f"Databases {_n(data['database_results'])}"]
    identified += [f"  {name} {_n(n)}" for name, n in counts.specific_results(("database",))]
    identified.append(f"Registers {_n(data['register_results'])}")
    identified += [f"  {name} {_n(n)}" for name, n in counts.specific_results(("register",))]
    excluded = [f"Records excluded** {_n(dbr.excluded)}"]
    if dbr.excluded_automation:
        excluded += [f"  by a human {_n(dbr.excluded_human)}", f"  by automation tools {_n(dbr.excluded_automation)}"]
    screening_reasons = counts.ordered_reasons(dbr.screening_reasons, counts.screening_reason_order)
    if screening_reasons:
        excluded.append("Reasons:")
        excluded += [f"  {reason} {_n(n)}" for reason, n in screening_reasons.items()]
    texts = {
        "dbr_identified": identified,
        "dbr_removed": ["Records removed before screening:", f"  Duplicate records removed {_n(dbr.duplicates)}",
                        f"  Records marked as ineligible by automation tools {_n(dbr.removed_automation)}",
                        f"  Records removed for other reasons {_n(dbr.removed_other)}"],
        "dbr_screened": [f"Records screened {_n(dbr.screened)}"],
        "dbr_excluded_records": excluded,
        "dbr_sought": [f"Reports sought for retrieval {_n(dbr.sought)}"],
        "dbr_not_retrieved": [f"Reports not retrieved {_n(dbr.not_retrieved)}"],
        "dbr_assessed": [f"Reports assessed for eligibility {_n(dbr.assessed)}"],
        "dbr_excluded_reports": _reports_excluded(data["dbr_excluded"]),
        "included": [f"Studies included in review {_n(counts.new_studies)}",
                     f"Reports of included studies {_n(counts.new_reports)}"],
        "other_identified": ["Records identified from:", f"  Websites {_n(data['website_results'])}",
                             f"  Organisations {_n(data['organisation_results'])}",
                             f"  Citation searching {_n(data['citations_results'])}"]
        + ([f"  Other {_n(counts.identified_by_kind['other'])}"] if counts.identified_by_kind.get("other") else []),
        "other_sought": [f"Reports sought for retrieval {_n(other.sought)}"],
        "other_not_retrieved": [f"Reports not retrieved {_n(other.not_retrieved)}"],
        "other_assessed": [f"Reports assessed for eligibility {_n(other.assessed)}"],
        "other_excluded_reports": _reports_excluded(data["other_excluded"]),
    }
    return texts


def _pending_note(counts: PrismaCounts) -> list[str]:
    notes = []
    dbr, other = counts.dbr, counts.other
    parts = [
        (len(dbr.awaiting_screening) + len(other.awaiting_screening), "records await title/abstract screening"),
        (len(dbr.screening_conflicts) + len(other.screening_conflicts), "records are in conflict at title/abstract"),
        (len(dbr.awaiting_full_text) + len(other.awaiting_full_text), "reports await full-text assessment"),
        (len(dbr.full_text_conflicts) + len(other.full_text_conflicts), "reports are in conflict at full text"),
    ]
    pending = [f"{n:,} {what}" for n, what in parts if n]
    if pending:
        notes.append("Not yet counted: " + "; ".join(pending) + ".")
    return notes


def diagram_layout(counts: PrismaCounts) -> Layout:
    """Where every box, arrow and note of the diagram goes."""
    texts = box_texts(counts)
    with_other = counts.other.identified > 0
    x_main = MARGIN + BAND_WIDTH + GAP / 2
    x_side = x_main + BOX_WIDTH + GAP
    x_other = x_side + BOX_WIDTH + GAP * 1.5
    x_other_side = x_other + BOX_WIDTH + GAP
    width = (x_other_side if with_other else x_side) + BOX_WIDTH + MARGIN
    layout = Layout(width=width, height=0)
    wrapped = {key: _wrap(lines, BOX_WIDTH) for key, lines in texts.items()}

    def height(*keys: str) -> float:
        return max(len(wrapped[k]) for k in keys) * LINE_HEIGHT + 2 * PADDING

    y = float(MARGIN)
    header_h = 2 * PADDING + LINE_HEIGHT * 2
    layout.boxes.append(Box(x_main, y, x_side + BOX_WIDTH - x_main, header_h,
                            _wrap([DBR_HEADER], x_side + BOX_WIDTH - x_main), "dbr_header", bold_first=True))
    if with_other:
        layout.boxes.append(Box(x_other, y, x_other_side + BOX_WIDTH - x_other, header_h,
                                _wrap([OTHER_HEADER], x_other_side + BOX_WIDTH - x_other), "other_header",
                                bold_first=True))
    y += header_h + ROW_GAP / 2
    rows = [
        ("Identification", [("dbr_identified", x_main), ("dbr_removed", x_side)]
         + ([("other_identified", x_other)] if with_other else [])),
        ("Screening", [("dbr_screened", x_main), ("dbr_excluded_records", x_side)]),
        ("Screening", [("dbr_sought", x_main), ("dbr_not_retrieved", x_side)]
         + ([("other_sought", x_other), ("other_not_retrieved", x_other_side)] if with_other else [])),
        ("Screening", [("dbr_assessed", x_main), ("dbr_excluded_reports", x_side)]
         + ([("other_assessed", x_other), ("other_excluded_reports", x_other_side)] if with_other else [])),
        ("Included", [("included", x_main)]),
    ]
    placed: dict[str, Box] = {}
    band_spans: list[tuple[str, float, float]] = []
    rows_in_band = {band: sum(1 for b, _ in rows if b == band) for band, _ in rows}
    for band, row in rows:
        h = height(*(key for key, _x in row))
        if rows_in_band[band] == 1:  # a band of one row must still hold its vertical label
            h = max(h, len(band) * CHAR_WIDTH + 2 * PADDING)
        for key, x in row:
            box = Box(x, y, BOX_WIDTH, h, wrapped[key])
            placed[key] = box
            layout.boxes.append(box)
        if band_spans and band_spans[-1][0] == band:
            band_spans[-1] = (band, band_spans[-1][1], y + h)
        else:
            band_spans.append((band, y, y + h))
        y += h + ROW_GAP
    for band, top, bottom in band_spans:
        layout.boxes.append(Box(MARGIN, top, BAND_WIDTH, bottom - top, [band], "band", vertical=True))

    def down(a: str, b: str) -> None:
        top, bottom = placed[a], placed[b]
        cx = top.x + top.w / 2
        layout.arrows.append([(cx, top.y + top.h), (cx, bottom.y)])

    def right(a: str, b: str) -> None:
        left, side = placed[a], placed[b]
        cy = left.y + min(left.h, side.h) / 2
        layout.arrows.append([(left.x + left.w, cy), (side.x, cy)])

    down("dbr_identified", "dbr_screened")
    right("dbr_identified", "dbr_removed")
    down("dbr_screened", "dbr_sought")
    right("dbr_screened", "dbr_excluded_records")
    down("dbr_sought", "dbr_assessed")
    right("dbr_sought", "dbr_not_retrieved")
    down("dbr_assessed", "included")
    right("dbr_assessed", "dbr_excluded_reports")
    if with_other:
        down("other_identified", "other_sought")
        down("other_sought", "other_assessed")
        right("other_sought", "other_not_retrieved")
        right("other_assessed", "other_excluded_reports")
        source, target = placed["other_assessed"], placed["included"]
        cx, cy = source.x + source.w / 2, target.y + target.h / 2
        layout.arrows.append([(cx, source.y + source.h), (cx, cy), (target.x + target.w, cy)])
    layout.notes = _wrap([*_pending_note(counts), *FOOTNOTES], width - 2 * MARGIN + 2 * PADDING)
    layout.notes_y = y
    layout.height = y + len(layout.notes) * LINE_HEIGHT + MARGIN
    return layout


def _text_origin(box: Box, index: int) -> tuple[float, float]:
    """Baseline start of line ``index`` of a box (centred boxes are headers and bands)."""
    top = box.y + PADDING + (box.h - 2 * PADDING - len(box.lines) * LINE_HEIGHT) / 2 * (box.style != "box")
    return box.x + PADDING, top + index * LINE_HEIGHT + FONT_SIZE


def diagram_svg(counts: PrismaCounts) -> str:
    """The flow diagram as an SVG document."""
    layout = diagram_layout(counts)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width:.0f}" height="{layout.height:.0f}"'
        f' viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" font-family="DejaVu Sans, Arial, sans-serif"'
        f' font-size="{FONT_SIZE}">',
        "<title>PRISMA 2020 flow diagram</title>",
        '<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8"'
        ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000"/></marker></defs>',
        f'<rect width="100%" height="100%" fill="{COLOURS["box"]}"/>',
    ]
    for box in layout.boxes:
        radius = 8 if box.style in ("band", "dbr_header", "other_header") else 0
        out.append(f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="{radius}"'
                   f' fill="{COLOURS[box.style]}" stroke="{COLOURS["line"]}" stroke-width="1.2"/>')
        if box.vertical:
            cx, cy = box.x + box.w / 2, box.y + box.h / 2
            out.append(f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" dominant-baseline="middle"'
                       f' font-weight="bold" transform="rotate(-90 {cx:.1f} {cy:.1f})">{escape(box.lines[0])}</text>')
            continue
        for index, line in enumerate(box.lines):
            x, y = _text_origin(box, index)
            if box.style != "box":
                x = box.x + box.w / 2
            weight = ' font-weight="bold"' if box.style != "box" else ""
            anchor = ' text-anchor="middle"' if box.style != "box" else ""
            out.append(f'<text x="{x:.1f}" y="{y:.1f}"{anchor}{weight} xml:space="preserve">{escape(line)}</text>')
    for points in layout.arrows:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="1.4"'
                   ' marker-end="url(#head)"/>')
    for index, line in enumerate(layout.notes):
        out.append(f'<text x="{MARGIN}" y="{layout.notes_y + index * LINE_HEIGHT + FONT_SIZE:.1f}"'
                   f' font-size="{FONT_SIZE - 2}">{escape(line)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def diagram_png_bytes(counts: PrismaCounts, *, scale: float = 1.5) -> bytes:
    """The flow diagram as PNG bytes, painted with Pillow at ``scale`` × the SVG's size."""
    from PIL import Image, ImageDraw

    layout = diagram_layout(counts)
    image = Image.new("RGB", (int(layout.width * scale), int(layout.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    regular, bold = font(round(FONT_SIZE * scale)), font(round(FONT_SIZE * scale), bold=True)
    small = font(round((FONT_SIZE - 2) * scale))

    def s(*values: float) -> list[float]:
        return [v * scale for v in values]

    for box in layout.boxes:
        shape = s(box.x, box.y, box.x + box.w, box.y + box.h)
        radius = 8 * scale if box.style != "box" else 0
        draw.rounded_rectangle(shape, radius=radius, fill=COLOURS[box.style], outline="black", width=max(1, round(scale)))
        if box.vertical:
            label = Image.new("RGBA", (int(box.h * scale), int(box.w * scale)), (0, 0, 0, 0))
            ImageDraw.Draw(label).text((label.width / 2, label.height / 2), box.lines[0], font=bold, fill="black",
                                       anchor="mm")
            rotated = label.rotate(90, expand=True)
            image.paste(rotated, (int(box.x * scale), int(box.y * scale)), rotated)
            continue
        for index, line in enumerate(box.lines):
            x, y = _text_origin(box, index)
            if box.style != "box":
                draw.text(((box.x + box.w / 2) * scale, y * scale), line, font=bold, fill="black", anchor="ms")
            else:
                draw.text((x * scale, y * scale), line, font=regular, fill="black", anchor="ls")
    for points in layout.arrows:
        scaled = [(x * scale, y * scale) for x, y in points]
        draw.line(scaled, fill="black", width=max(1, round(1.4 * scale)))
        (x0, _y0), (x1, y1) = scaled[-2], scaled[-1]
        size = 7 * scale
        if x0 == x1:  # vertical, pointing down
            head = [(x1, y1), (x1 - size / 2, y1 - size), (x1 + size / 2, y1 - size)]
        else:
            sign = 1 if x1 > x0 else -1
            head = [(x1, y1), (x1 - sign * size, y1 - size / 2), (x1 - sign * size, y1 + size / 2)]
        draw.polygon(head, fill="black")
    for index, line in enumerate(layout.notes):
        draw.text((MARGIN * scale, (layout.notes_y + index * LINE_HEIGHT + FONT_SIZE) * scale), line, font=small,
                  fill="black", anchor="ls")
    return png_bytes(image)
