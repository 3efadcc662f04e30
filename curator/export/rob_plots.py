"""robvis's two RoB 2 figures, painted with Pillow: the traffic-light plot and the weighted summary bar plot.

The traffic-light plot has a row per study and a column per domain and overall, each a circle
in robvis's colours with its sign (+ low, - some concerns, X high); the summary plot has a bar
per domain and overall, split by the share of studies (by weight; every study weighs 1) judged
low, some concerns and high. Both are written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from curator.appraisal.rob2 import DOMAINS, HIGH, LOW, OVERALL, SOME
from curator.drawing import font, png_bytes
from curator.export.output import ExportError, write_bytes_atomically
from curator.export.risk_of_bias import RiskOfBiasRow, complete_rows
from curator.store.database import Review

# robvis's "cochrane" colours and signs.
COLOURS = {LOW: "#02C100", SOME: "#E2DF07", HIGH: "#BF0000"}
SIGNS = {LOW: "+", SOME: "-", HIGH: "X"}
PARTS = (*DOMAINS, OVERALL)
PART_LABELS = {"D1": "Bias arising from the randomization process",
               "D2": "Bias due to deviations from intended interventions",
               "D3": "Bias due to missing outcome data",
               "D4": "Bias in measurement of the outcome",
               "D5": "Bias in selection of the reported result",
               OVERALL: "Overall risk of bias"}
LEGEND = {LOW: "Low risk of bias", SOME: "Some concerns", HIGH: "High risk of bias"}
TRAFFIC_LIGHT, SUMMARY = "rob2_traffic_light.png", "rob2_summary.png"


def traffic_light_png(rows: list[RiskOfBiasRow]) -> bytes:
    """The traffic-light plot of ``rows`` as PNG bytes."""
    from PIL import Image, ImageDraw

    regular, bold = font(15), font(15, bold=True)
    cell, left, top = 46, 40 + max(int(regular.getlength(r.study)) for r in rows), 60
    legend = [f"{d}: {PART_LABELS[d]}" for d in DOMAINS] + ["Judgement: + Low   - Some concerns   X High"]
    width = max(left + cell * len(PARTS) + 30, 40 + max(int(regular.getlength(t)) for t in legend))
    height = top + cell * len(rows) + 30 + 22 * len(legend)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((left + cell * len(PARTS) / 2, 12), "Risk of bias domains", font=bold, fill="black", anchor="mt")
    for column, part in enumerate(PARTS):
        x = left + cell * column + cell / 2
        draw.text((x, top - 10), "Overall" if part == OVERALL else part, font=bold, fill="black", anchor="ms")
    for index, row in enumerate(rows):
        y = top + cell * index + cell / 2
        draw.text((left - 12, y), row.study, font=regular, fill="black", anchor="rm")
        for column, part in enumerate(PARTS):
            judgement = row.judgement(part) or ""
            x = left + cell * column + cell / 2
            draw.rectangle((x - cell / 2, y - cell / 2, x + cell / 2, y + cell / 2), outline="#BBBBBB")
            draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=COLOURS[judgement], outline="black")
            draw.text((x, y), SIGNS[judgement], font=bold, fill="black", anchor="mm")
    for index, line in enumerate(legend):
        draw.text((20, top + cell * len(rows) + 24 + 22 * index), line, font=regular, fill="black", anchor="lt")
    return png_bytes(image)


def summary_png(rows: list[RiskOfBiasRow]) -> bytes:
    """The weighted summary bar plot of ``rows`` as PNG bytes (each study weighs 1)."""
    from PIL import Image, ImageDraw

    regular, bold = font(15), font(15, bold=True)
    left = 30 + max(int(regular.getlength(PART_LABELS[p])) for p in PARTS)
    bar_width, bar, top = 500, 30, 20
    height = top + (bar + 12) * len(PARTS) + 90
    image = Image.new("RGB", (left + bar_width + 40, height), "white")
    draw = ImageDraw.Draw(image)
    total = len(rows)
    for index, part in enumerate(PARTS):  # overall at the bottom, as robvis draws it
        y = top + (bar + 12) * index
        draw.text((left - 12, y + bar / 2), PART_LABELS[part], font=bold if part == OVERALL else regular,
                  fill="black", anchor="rm")
        x = float(left)
        for judgement in (LOW, SOME, HIGH):
            share = sum(1 for r in rows if r.judgement(part) == judgement) / total
            if share:
                draw.rectangle((x, y, x + share * bar_width, y + bar), fill=COLOURS[judgement], outline="black")
                x += share * bar_width
    axis = top + (bar + 12) * len(PARTS)
    for percent in range(0, 101, 25):
        x = left + bar_width * percent / 100
        draw.line((x, axis - 4, x, axis + 2), fill="black")
        draw.text((x, axis + 6), f"{percent}%", font=regular, fill="black", anchor="mt")
    x = float(left)
    for judgement in (LOW, SOME, HIGH):
        draw.rectangle((x, axis + 40, x + 16, axis + 56), fill=COLOURS[judgement], outline="black")
        draw.text((x + 22, axis + 48), LEGEND[judgement], font=regular, fill="black", anchor="lm")
        x += 40 + regular.getlength(LEGEND[judgement])
    return png_bytes(image)


def write_rob_plots(review: Review, folder: Path | str) -> list[Path]:
    """Write the traffic-light and summary plots into ``folder`` (made if its parent exists); returns the two paths."""
    folder = Path(folder).expanduser()
    rows = complete_rows(review)
    if not folder.exists() and folder.parent.is_dir():
        try:
            folder.mkdir()
        except OSError as error:
            raise ExportError(f"cannot make the folder {folder}: {error.strerror or error}") from error
    if not folder.is_dir():
        raise ExportError(f"cannot write the plots to {folder}: it is not a folder")
    return [write_bytes_atomically(folder / TRAFFIC_LIGHT, traffic_light_png(rows)),
            write_bytes_atomically(folder / SUMMARY, summary_png(rows))]
