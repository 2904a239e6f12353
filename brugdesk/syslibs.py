"""Checks for the system libraries Qt needs on Linux, so we can say so instead of a Qt abort."""

from __future__ import annotations

import ctypes.util
import sys

#: (library soname stem for ctypes.util.find_library, Debian package)
QT_LINUX_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("GL", "libgl1"),
    ("EGL", "libegl1"),
    ("fontconfig", "libfontconfig1"),
    ("xkbcommon", "libxkbcommon0"),
    ("glib-2.0", "libglib2.0-0"),
    ("dbus-1", "libdbus-1-3"),
    ("freetype", "libfreetype6"),
)

#: needed only for a real X11 window (the xcb platform plugin), not offscreen
QT_XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-xkb", "libxcb-xkb1"),
)


def missing_qt_libraries(include_xcb: bool | None = None) -> list[tuple[str, str]]:
    """(library, Debian package) pairs that cannot be found; empty off Linux."""
    if not sys.platform.startswith("linux"):
        return []
    import os

    wanted = list(QT_LINUX_LIBRARIES)
    if include_xcb is None:
        include_xcb = os.environ.get("QT_QPA_PLATFORM", "xcb").startswith("xcb") and bool(os.environ.get("DISPLAY"))
    if include_xcb:
        wanted += QT_XCB_LIBRARIES
    return [(lib, pkg) for lib, pkg in wanted if ctypes.util.find_library(lib) is None]
