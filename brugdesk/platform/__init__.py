"""What brugdesk does differently on Linux, Windows and macOS: one module per operating-system concern.

* :mod:`.files` — the OS half of writing a file: open flags, mode 0600, fsync of a file and of a
  folder, and the rename over the target (on Windows retried while another program has the file
  open). :mod:`brugdesk.fsutil` stays the one writer and asks here.
* :mod:`.locks` — the advisory file locks (the vault's "in use" lock, the key file's write lock).
* :mod:`.oskeyring` — which keyring backends count as the OS's own, how the Windows one is set up,
  and what ``--selftest`` says about it.
* :mod:`.folders` — where the vault lives by default.
* :mod:`.display` — what Qt needs from the system on Linux (a display, system libraries, fonts).
* :mod:`.console` — the command line's output on Windows when it is redirected (the ANSI code page).
* :mod:`.hardening` — process hardening at start-up (not dumpable, no core files).

The screen-lock signal lives in :mod:`brugdesk.ui.oslock` (it needs Qt, which only ``brugdesk.ui``
imports). docs/platforms.md says, per concern, what each system does, which tests run which
branch here, and what still needs a Windows or macOS machine to verify.

Every module takes the system as a parameter (``system=None`` means this one), so the Windows and
macOS branches run in the tests on Linux with the OS calls they make faked.
"""

from __future__ import annotations

import sys

LINUX = "linux"
WINDOWS = "windows"
MACOS = "macos"
OTHER = "other"


def current(platform: str | None = None) -> str:
    """The system family brugdesk tells apart: :data:`LINUX`, :data:`WINDOWS`, :data:`MACOS` or
    :data:`OTHER` (a BSD, Cygwin: POSIX, treated like Linux where that is all that matters).
    ``platform`` is a ``sys.platform`` value (this one by default)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux"):
        return LINUX
    if platform == "win32":
        return WINDOWS
    if platform == "darwin":
        return MACOS
    return OTHER


__all__ = ["LINUX", "MACOS", "OTHER", "WINDOWS", "current"]
