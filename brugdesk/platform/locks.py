"""Advisory file locks: the vault's "in use" lock (:mod:`brugdesk.store.inuse`) and the key file's
write lock (:mod:`brugdesk.keys.slots`).

The locks come from ``portalocker``, which picks the system call per system:

* **Linux** — ``flock(2)``, shared or exclusive, on the whole file. The lock belongs to the open
  file description (two descriptors of one file in one process conflict), goes when it is
  closed or the process dies, and an exclusive lock turns into a shared one in place
  (:func:`converts_in_place`): nobody can take it in between.
* **macOS** — ``flock(2)`` as well, but its manual says a conversion releases the old lock before
  the new one is applied, "possibly after other processes have gained and released the lock".
  The callers therefore unlock and lock again, as on Windows, and say when the shared lock was
  lost in the gap.
* **Windows** — byte-range locks on the open handle: exclusive ones with ``msvcrt.locking``
  (the first 64 KiB), shared ones with ``LockFileEx`` from ``pywin32`` (the ``win32`` extra of
  portalocker, a dependency of brugdesk). They are *mandatory* for the locked bytes — another
  handle can neither read nor write them — which does not matter here: the lock files are empty
  and never read or written. A lock goes when the handle is closed or the process dies. A lock
  cannot be converted: the callers unlock and lock again. Without ``pywin32`` a shared
  lock raises ``ImportError``, reported here as :class:`LockingUnavailable`, and
  ``brugdesk --selftest`` fails at its "in-use lock" step.

A file system that cannot lock at all (some network shares) also gives
:class:`LockingUnavailable`; the callers then go on without the lock and log that.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import portalocker

from brugdesk.platform import LINUX, current

log = logging.getLogger(__name__)

_SHARED = portalocker.LockFlags.SHARED | portalocker.LockFlags.NON_BLOCKING
_EXCLUSIVE = portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING
_POLL = 0.05

#: what takes the locks: portalocker (tests put a model of another system's locks here)
backend: Any = portalocker


class LockingUnavailable(Exception):
    """This file system or installation cannot lock (Windows without pywin32, a share without locks)."""


def try_lock(fd: int, *, shared: bool, locker: Any = None) -> bool:
    """Take a lock on ``fd`` without waiting: True when taken, False when someone else holds a
    conflicting one; :class:`LockingUnavailable` when locking does not work here. ``locker``
    (something with portalocker's ``lock``) replaces :data:`backend` in tests."""
    try:
        (locker or backend).lock(fd, _SHARED if shared else _EXCLUSIVE)
    except portalocker.AlreadyLocked:
        return False
    except (portalocker.LockException, ImportError) as exc:  # ImportError: Windows without pywin32
        raise LockingUnavailable(type(exc).__name__) from None
    return True


def wait_lock(fd: int, *, shared: bool, timeout: float, locker: Any = None) -> bool:
    """:func:`try_lock` every 50 ms for up to ``timeout`` seconds; False when it never got it."""
    deadline = time.monotonic() + timeout
    while not try_lock(fd, shared=shared, locker=locker):
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL)
    return True


def unlock(fd: int, *, locker: Any = None) -> bool:
    """Release the lock on ``fd``; False (logged) when the system refused — closing the file
    releases it then."""
    try:
        (locker or backend).unlock(fd)
    except portalocker.LockException:
        log.info("unlocking a lock file failed; closing it releases the lock")
        return False
    return True


def converts_in_place(system: str | None = None) -> bool:
    """Whether taking a shared lock over one's own exclusive lock converts it without letting go in
    between (Linux). Elsewhere the caller unlocks first: Windows cannot convert, and macOS lets go
    during the conversion anyway."""
    return (system or current()) == LINUX


__all__ = ["LockingUnavailable", "converts_in_place", "try_lock", "unlock", "wait_lock"]
