"""The command line's output streams.

* **Linux** and **macOS** — the locale's encoding (UTF-8 on every current system): left as it is.
* **Windows** — ``brugdesk-cli.exe`` writing to a console uses UTF-16 (``WriteConsoleW``) and
  shows every character. Output redirected to a file or a pipe (``> out.txt``, a script) is
  encoded in the ANSI code page — cp1252 on a Dutch Windows — and a character outside it in a
  name or a path (``C:\\Users\\Şahin``) would stop the command with ``UnicodeEncodeError``.
  :func:`prepare_streams` makes such a stream write ``?`` for that character instead. (stderr
  already does so by Python's default, ``backslashreplace``.) Every Dutch message fits cp1252; a
  test checks that. In the windowed ``brugdesk.exe`` there are no streams and nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from brugdesk.platform import WINDOWS, current


def prepare_streams(system: str | None = None, streams: Mapping[str, Any] | None = None) -> list[str]:
    """On Windows, let stdout and stderr replace what their encoding cannot hold; returns the
    names of the streams changed. ``streams`` replaces ``sys.stdout``/``sys.stderr`` in tests."""
    if (system or current()) != WINDOWS:
        return []
    changed = []
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name) if streams is None else streams.get(name)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", "") != "strict":
            continue
        reconfigure(errors="replace")
        changed.append(name)
    return changed


__all__ = ["prepare_streams"]
