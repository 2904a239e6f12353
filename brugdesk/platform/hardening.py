"""Process hardening at start-up: other processes may not read brugdesk's memory, no core dumps.

While the vault is unlocked the process holds the data key and, in the app, names and notes
on screen. :func:`harden_process` runs first in every brugdesk process (the command line and
the app both start in :func:`brugdesk.cli.main`), as KeePassXC does:

* **Linux**: ``prctl(PR_SET_DUMPABLE, 0)`` — other processes of the same user can no longer
  attach with ptrace or read ``/proc/PID/mem`` (root still can), and the kernel writes no core
  dump; ``setrlimit(RLIMIT_CORE, 0)`` as well, so a crash handler that ignores the dumpable flag
  gets nothing either.
* **macOS**: ``setrlimit(RLIMIT_CORE, 0)`` (no core file). ``ptrace(PT_DENY_ATTACH)`` is not used:
  it also stops the system's crash reporter and makes the app abort under a debugger.
* **Windows**: nothing is changed. Windows writes no core files by itself; Windows Error
  Reporting's local dumps only exist when an administrator turned them on, and other processes of
  the same user can read a process's memory unless its DACL says otherwise. Tightening that DACL
  (what KeePassXC does) and ``SetProcessMitigationPolicy`` are not done here and need a Windows
  machine to build and verify.

Every step is best effort: a refusal by the OS is logged (without personal data) and start-up
goes on. The OS calls are passed in, so the per-OS logic is tested here on any OS.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4


@dataclass
class Hardening:
    """What :func:`harden_process` did (and what it could not do)."""

    done: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _libc_prctl() -> Callable[..., int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None
    prctl = getattr(libc, "prctl", None)
    if prctl is None:
        return None
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return prctl  # type: ignore[no-any-return]


def _resource() -> Any:
    try:
        import resource
    except ImportError:  # Windows has no resource module
        return None
    return resource


def harden_process(platform: str | None = None, *, prctl: Callable[..., int] | None = None,
                   resource: Any = None) -> Hardening:
    """Harden this process for ``platform`` (``sys.platform`` by default); returns what was done.

    ``prctl`` and ``resource`` replace the real OS calls in tests.
    """
    platform = platform or sys.platform
    result = Hardening()
    if platform.startswith("linux"):
        prctl = prctl or _libc_prctl()
        if prctl is None or prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            result.failed.append("dumpable")
        else:
            result.done.append("dumpable")
    else:
        result.skipped.append("dumpable")
    if platform.startswith(("linux", "darwin", "freebsd", "openbsd", "netbsd")):
        resource = resource or _resource()
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (AttributeError, OSError, ValueError):
            result.failed.append("core")
        else:
            result.done.append("core")
    else:
        result.skipped.append("core")
    if platform == "win32":
        result.skipped.append("windows-process-dacl")
    for step in result.failed:
        log.warning("process hardening step failed: %s", step)
    return result
