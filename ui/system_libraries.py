"""The X11 libraries Qt's xcb platform plugin needs on Linux, checked before Qt is asked to load it.

Without one of them Qt aborts the process (a core dump, exit 134) with a message that may
name the wrong library. Checking first lets the window say which Debian packages to install.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

#: Library (as ``ctypes.util.find_library`` names it) -> the Debian / Ubuntu package that ships it.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
}


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt will open its window through X11 (Linux, a DISPLAY, and no other platform asked for)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    asked = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    return asked.startswith("xcb") or (not asked and not environ.get("WAYLAND_DISPLAY"))


def missing_packages(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """The Debian packages whose libraries Qt's xcb plugin needs and this system lacks, in order."""
    return [package for library, package in XCB_LIBRARIES.items() if find(library) is None]


def missing_libraries_message(packages: list[str]) -> str:
    """What to tell the reviewer: the packages to install, in one command."""
    return ("Curator's window cannot start: the system lacks libraries Qt needs to open a window on X11. "
            f"Install them (Debian/Ubuntu): sudo apt-get install {' '.join(packages)}")
