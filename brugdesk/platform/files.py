"""The operating system's half of writing a file: open flags, mode, fsync, and the rename over the target.

:mod:`brugdesk.fsutil` is the one writer (temporary file beside the target, fsync, rename, fsync
of the folder) and asks this module for every step that differs per system:

* **open flags** (:func:`create_flags`, :func:`reopen_flags`) — Linux and macOS: ``O_NOFOLLOW |
  O_CLOEXEC``. Windows: ``O_BINARY`` (``os.open`` opens in text mode otherwise, and writes would
  turn ``\\n`` into ``\\r\\n``); there is no ``O_NOFOLLOW``, ``O_EXCL`` alone refuses a planted link.
* **mode 0600** (:func:`restrict`) — Linux and macOS: ``fchmod``, whatever the umask. Windows:
  nothing; the file takes the folder's ACL (in the user profile: the user, SYSTEM, Administrators).
* **fsync of a file** (:func:`fsync_file`) — Linux: ``fsync(2)``. macOS: ``fcntl(F_FULLFSYNC)``,
  because macOS's ``fsync`` leaves the data in the drive's cache; plain ``fsync`` where the file
  system refuses (SMB, FAT). Windows: ``os.fsync``, which is ``_commit``, which is
  ``FlushFileBuffers``.
* **rename over the target** (:func:`replace`) — Linux and macOS: ``rename(2)``, atomic, also over
  a file others have open (they keep reading the old one). Windows: ``os.replace``, which is
  ``MoveFileExW(..., MOVEFILE_REPLACE_EXISTING)``, atomic on NTFS, but refused while the file is
  open elsewhere (below).
* **fsync of the folder** (:func:`fsync_dir`) — Linux: ``open(O_DIRECTORY)`` and ``fsync``; macOS:
  the same with ``F_FULLFSYNC``. Windows: not possible (``os.open`` cannot open a folder); NTFS
  writes the rename to its journal, so after a power cut the file is the old or the new one, but
  the rename may be lost with the last seconds of work.

**Rename over an open file on Windows.** POSIX renames over a file that others have open (they
keep reading the old one). Windows refuses with ``ERROR_ACCESS_DENIED`` (5) or
``ERROR_SHARING_VIOLATION`` (32) while any process has the target — or the new file — open
without ``FILE_SHARE_DELETE``: a virus scanner or the search indexer looking at the file just
written, a backup or sync client, another brugdesk reading the key file. Those hold it for
milliseconds, so :func:`replace` tries again for up to :data:`REPLACE_PATIENCE` seconds (waits
growing from 10 ms to 250 ms) before it lets the error through; other errors, and every error on
the other systems, are raised at once.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from brugdesk.platform import MACOS, WINDOWS, current

log = logging.getLogger(__name__)

#: Windows errors of a rename that another program's open handle causes (and that pass)
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
IN_USE_ERRORS = frozenset({ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION})
#: how long (seconds) a rename on Windows keeps trying while the file is in use
REPLACE_PATIENCE = 2.0
_FIRST_WAIT = 0.01
_LONGEST_WAIT = 0.25

#: errors of ``fchmod`` on a file system without POSIX modes (a FAT USB stick): not fatal
_NO_MODES = (errno.EPERM, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP)


def create_flags(system: str | None = None) -> int:
    """``os.open`` flags for a new temporary file: created exclusively, never through a link."""
    base = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    if (system or current()) == WINDOWS:
        return base | getattr(os, "O_BINARY", 0)
    return base | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def reopen_flags(system: str | None = None) -> int:
    """``os.open`` flags to open a temporary file again (to fsync what SQLite wrote into it)."""
    if (system or current()) == WINDOWS:
        return os.O_RDWR | getattr(os, "O_BINARY", 0)
    return os.O_RDWR | getattr(os, "O_NOFOLLOW", 0)


def restrict(fd: int, mode: int, system: str | None = None) -> None:
    """Give the open file ``mode`` (0600), whatever the umask. Windows: nothing (see the table).

    A file system without POSIX modes refuses ``fchmod``; that is not an error (the mode given
    to ``open`` applied where it could). Any other error is raised."""
    if (system or current()) == WINDOWS or not hasattr(os, "fchmod"):
        return
    try:
        os.fchmod(fd, mode)
    except OSError as exc:
        if exc.errno not in _NO_MODES:
            raise


def _fcntl() -> ModuleType | None:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    return fcntl


def fsync_file(fd: int, system: str | None = None, *, fcntl: ModuleType | None = None) -> None:
    """Make what was written to ``fd`` durable: on the disk, not in a cache (see the table).

    ``fcntl`` replaces the real module in tests."""
    if (system or current()) == MACOS:
        fcntl = fcntl or _fcntl()
        full = getattr(fcntl, "F_FULLFSYNC", None)
        if fcntl is not None and full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:  # a file system without it (SMB, FAT): plain fsync is the best there is
                log.info("F_FULLFSYNC refused; fsync instead")
    os.fsync(fd)


def fsync_dir(directory: Path, system: str | None = None, *, fcntl: ModuleType | None = None) -> bool:
    """Make a rename in ``directory`` durable. Returns False where the system cannot (Windows)."""
    system = system or current()
    if system == WINDOWS:
        return False
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fsync_file(fd, system, fcntl=fcntl)
    finally:
        os.close(fd)
    return True


def in_use(exc: BaseException) -> bool:
    """Whether ``exc`` is Windows refusing a rename because another program has the file open."""
    return isinstance(exc, PermissionError) and getattr(exc, "winerror", None) in IN_USE_ERRORS


def replace(source: Path, target: Path, system: str | None = None, *,
            sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> int:
    """Rename ``source`` over ``target`` with ``os.replace``; on Windows, try again while the file is
    in use (see the module's text). Returns how many attempts it took. ``sleep`` and ``clock``
    replace the real ones in tests."""
    if (system or current()) != WINDOWS:
        os.replace(source, target)
        return 1
    deadline = clock() + REPLACE_PATIENCE
    wait, attempts = _FIRST_WAIT, 0
    while True:
        attempts += 1
        try:
            os.replace(source, target)
        except PermissionError as exc:
            if not in_use(exc) or clock() >= deadline:
                raise
            sleep(wait)
            wait = min(wait * 2, _LONGEST_WAIT)
            continue
        if attempts > 1:
            log.info("a rename waited for another program to close the file (%d attempts)", attempts)
        return attempts


__all__ = ["IN_USE_ERRORS", "REPLACE_PATIENCE", "create_flags", "fsync_dir", "fsync_file", "in_use", "reopen_flags",
           "replace", "restrict"]
