"""Windows .ico and macOS .icns files made from the committed PNG sizes of the app icon.

Both formats may carry PNG images as they are (ICO since Windows Vista, ICNS
since OS X 10.7), so no imaging library is needed. The spec writes them into
PyInstaller's work folder; nothing derived is committed.
"""

from __future__ import annotations

import struct
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

#: ICNS element types holding PNG data, by the pixel size of the image.
ICNS_TYPES = {
    16: (b"icp4",),
    32: (b"icp5", b"ic11"),  # 32 and 16@2x
    64: (b"icp6", b"ic12"),  # 64 and 32@2x
    128: (b"ic07",),
    256: (b"ic08", b"ic13"),  # 256 and 128@2x
    512: (b"ic09", b"ic14"),  # 512 and 256@2x
}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG image (from its IHDR chunk)."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", data[16:24])


def _pngs(icons: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    found = {}
    for size in sizes:
        path = icons / f"curator-{size}.png"
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: run packaging/make_icons.py")
        data = path.read_bytes()
        if png_size(data) != (size, size):
            raise ValueError(f"{path} is {png_size(data)}, not {size}x{size}: run packaging/make_icons.py")
        found[size] = data
    return found


def write_ico(icons: Path, target: Path) -> Path:
    """An .ico with every size in ``ICO_SIZES``, each stored as PNG."""
    images = _pngs(icons, ICO_SIZES)
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    target.write_bytes(header + entries + payload)
    return target


def write_icns(icons: Path, target: Path) -> Path:
    """An .icns with PNG elements for every size in ``ICNS_TYPES``."""
    images = _pngs(icons, tuple(ICNS_TYPES))
    body = b""
    for size, kinds in ICNS_TYPES.items():
        for kind in kinds:
            body += kind + struct.pack(">I", 8 + len(images[size])) + images[size]
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return target


def read_ico(path: Path) -> list[tuple[int, int]]:
    """The (width, height) of every image in an .ico (used by the tests)."""
    data = path.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1:
        raise ValueError(f"{path} is not an icon file")
    sizes = []
    for index in range(count):
        *_, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        sizes.append(png_size(data[offset: offset + length]))
    return sizes


def read_icns(path: Path) -> list[tuple[bytes, tuple[int, int]]]:
    """The (type, PNG size) of every element in an .icns (used by the tests)."""
    data = path.read_bytes()
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError(f"{path} is not an icns file")
    elements, position = [], 8
    while position < len(data):
        kind, length = data[position: position + 4], struct.unpack(">I", data[position + 4: position + 8])[0]
        elements.append((kind, png_size(data[position + 8: position + length])))
        position += length
    return elements
