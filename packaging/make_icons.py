"""Render the application icon's PNG sizes from ``resources/icons/curator.svg``.

Run after editing the SVG, then commit the PNGs (they are what the Linux
desktop and the frozen builds use; Windows' .ico and macOS' .icns are made
from them at build time by ``packaging/pyinstaller/icon_formats.py``)::

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Needs PySide6 (QtSvg), which Curator depends on anyway.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The sizes of the freedesktop hicolor theme that matter, and what the .ico / .icns are built from.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    """Render ``svg`` to a square ``size`` PNG with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not an SVG that Qt can render")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"error: cannot write {target}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # QPainter on a QImage needs the GUI module initialised
    svg = ICONS / "curator.svg"
    for size in SIZES:
        target = ICONS / f"curator-{size}.png"
        render(svg, size, target)
        print(f"{target.relative_to(ICONS.parent.parent)}  {size}x{size}  {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
