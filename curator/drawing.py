"""What the pictures Curator draws with Pillow share (the PRISMA diagram, the risk-of-bias plots): fonts, PNG."""

from __future__ import annotations

from io import BytesIO
from typing import Any


def font(size: int, bold: bool = False) -> Any:
    """DejaVu Sans (or Arial) at ``size`` pixels; Pillow's own font when neither is installed."""
    from PIL import ImageFont

    for name in (("DejaVuSans-Bold.ttf", "Arial Bold.ttf") if bold else ("DejaVuSans.ttf", "Arial.ttf")):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def png_bytes(image: Any) -> bytes:
    """A Pillow image as optimised PNG bytes."""
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
