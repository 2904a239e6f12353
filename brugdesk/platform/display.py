"""What the desktop app needs from the system before Qt starts, so brugdesk can say so instead of Qt aborting.

* **Linux** — a display server (``DISPLAY`` for X11, ``WAYLAND_DISPLAY``) or a chosen Qt platform
  (``QT_QPA_PLATFORM=offscreen``), and the system libraries Qt's wheels do not bring: OpenGL/EGL,
  fontconfig and FreeType (Qt finds and draws the system's fonts through them), xkbcommon, GLib,
  D-Bus, and for a real X11 window the xcb libraries. :func:`missing_qt_libraries` names the
  Debian packages; docs/install.md lists the same ones (a test keeps them in step).
* **Windows** and **macOS** — nothing: Qt's wheel brings its platform plugin, and the system's
  fonts come through DirectWrite or Core Text. The window opens in the user's session.

Fonts in the PDFs (report, recovery sheet, inspection export) do not depend on the system on any
of the three: DejaVu Sans ships in ``resources/fonts`` and is embedded (:mod:`brugdesk.pdfbase`).
The app's own text uses the system's UI font; the recovery key is shown in the system's
fixed-width font as Qt reports it (``QFontDatabase.systemFont(FixedFont)``; on Linux fontconfig's
``monospace``).
"""

from __future__ import annotations

import ctypes.util
import os
from collections.abc import Mapping

from brugdesk.platform import LINUX, current

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


def display_available(system: str | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a window can open: on Linux a display server is named in the environment; elsewhere
    always."""
    if (system or current()) != LINUX:
        return True
    environ = os.environ if environ is None else environ
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def missing_qt_libraries(include_xcb: bool | None = None, system: str | None = None) -> list[tuple[str, str]]:
    """(library, Debian package) pairs that cannot be found; empty off Linux."""
    if (system or current()) != LINUX:
        return []
    wanted = list(QT_LINUX_LIBRARIES)
    if include_xcb is None:
        include_xcb = os.environ.get("QT_QPA_PLATFORM", "xcb").startswith("xcb") and bool(os.environ.get("DISPLAY"))
    if include_xcb:
        wanted += QT_XCB_LIBRARIES
    return [(lib, pkg) for lib, pkg in wanted if ctypes.util.find_library(lib) is None]


__all__ = ["QT_LINUX_LIBRARIES", "QT_XCB_LIBRARIES", "display_available", "missing_qt_libraries"]
