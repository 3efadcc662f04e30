"""The PRISMA 2020 flow diagram written to a file: SVG or PNG, whole or not at all."""

from __future__ import annotations

from pathlib import Path

from curator.export.output import write_bytes_atomically
from curator.prisma.diagram import diagram_png_bytes, diagram_svg
from curator.prisma.flow import PrismaCounts


def write_diagram(counts: PrismaCounts, path: Path, kind: str | None = None) -> Path:
    """Write the diagram to ``path`` as SVG or PNG (by ``kind``, else by the file's suffix)."""
    kind = (kind or path.suffix.lstrip(".")).lower()
    if kind == "svg":
        data = diagram_svg(counts).encode("utf-8")
    elif kind == "png":
        data = diagram_png_bytes(counts)
    else:
        raise ValueError(f"the diagram is written as .svg or .png, not {path.suffix or 'no suffix'!r}")
    return write_bytes_atomically(path, data)
