"""Who has the vault open: a shared/exclusive lock on ``brugdesk.lock`` in the vault folder.

Every open :class:`~brugdesk.store.vault.Vault` — the app while it is unlocked, every CLI command
that opens the vault — holds a **shared** lock on the folder's lock file for as long as it is open
(:class:`SharedHold`, released on close or lock). Two processes may have the vault open at once
for ordinary work: SQLite's own locking and the WAL keep that safe.

The operations that *replace or re-encrypt the database file* — restoring a backup
(:func:`brugdesk.privacy.restore.restore`) and "new recovery key" (``PRAGMA rekey`` in
:meth:`~brugdesk.store.vault.Vault.rotate_data_key`) — take an **exclusive** lock with
:func:`exclusive`, without waiting. While any other process (or another open ``Vault`` in this
process) has the vault open they refuse with :class:`~brugdesk.errors.VaultInUse`, before
anything changed: a process that keeps a database open while it is renamed aside goes on writing
into the aside copy, and one whose key was changed under it can no longer read.

An open that meets an exclusive operation of another process waits for it (up to
:data:`OPEN_WAIT` seconds), then gives up with :class:`~brugdesk.errors.VaultBusy`.

Details that matter:

* The locks are taken through :mod:`brugdesk.platform.locks` (``portalocker``: ``flock(2)`` on
  Linux and macOS, byte-range locks on Windows; what differs is described there). They belong to
  the operating system: a process that dies (SIGKILL, power cut) holds
  nothing any more — there is no stale lock to clean up.
* A ``flock`` lock belongs to an *open file description*, and two descriptions of the same file in
  one process conflict with each other. So each process keeps **one** open description per lock
  file (a registry keyed on device and inode), shared by every ``Vault`` of this process on that
  folder and counted; the file stays open while any of them is open, and file descriptors are
  not inherited by child processes.
* The file is empty, is never written and never deleted (deleting a lock file races with someone
  opening it); its name says nothing about the officer or the families.
* Nothing is created in the vault folder before the key is proven right
  (:meth:`~brugdesk.store.vault.Vault.open` promises that): an open takes the lock when the file
  is there, and creates it only after the database opened with the key (:meth:`SharedHold.ensure`).
  A folder where it cannot be created or opened — a read-only folder — goes on without a lock:
  nobody can restore into such a folder either. A file system without locking support also goes
  on without one (as brugdesk did before this lock existed); both are logged, without paths.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from brugdesk.errors import VaultBusy, VaultInUse
from brugdesk.platform import locks

log = logging.getLogger(__name__)

LOCK_FILE = "brugdesk.lock"
#: how long an open waits while another process restores the vault or gives it a new key
OPEN_WAIT = 30.0
_POLL = 0.05



class _State(Enum):
    NONE = "none"  # the OS lock is not held
    SHARED = "shared"
    EXCLUSIVE = "exclusive"
    OFF = "off"  # this file system cannot lock: go on without (as before the lock existed)


class _LockFile:
    """This process's one open description of one vault's lock file, and what it holds."""

    def __init__(self, fd: int, ident: tuple[int, int]) -> None:
        self.fd = fd
        self.ident = ident
        self.shared = 0  # open Vaults of this process that hold it
        self.exclusive = 0  # depth of exclusive() in this process
        self.state = _State.NONE


_guard = threading.Lock()  # guards the registry and every _LockFile (the OS calls never wait)
_files: dict[tuple[int, int], _LockFile] = {}


def lock_path(directory: Path) -> Path:
    return Path(directory) / LOCK_FILE


def _open_fd(directory: Path, *, create: bool) -> int | None:
    """The lock file, opened (and created when ``create``); ``None`` when there is none to be had."""
    path = lock_path(directory)
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)
    except FileNotFoundError:
        return None  # not made yet, or no such folder
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            log.info("the vault's lock file could not be opened (%s)", errno.errorcode.get(exc.errno or 0, "?"))
            return None
    try:  # a read-only folder or file: a lock needs no write access
        return os.open(path, os.O_RDONLY)
    except OSError:
        log.info("no lock file in a read-only vault folder: going on without the in-use lock")
        return None


def _attach(directory: Path, *, create: bool) -> _LockFile | None:
    """The registry's entry for the folder's lock file (opened when needed). Caller holds ``_guard``."""
    fd = _open_fd(directory, create=create)
    if fd is None:
        return None
    st = os.fstat(fd)
    ident = (st.st_dev, st.st_ino)
    existing = _files.get(ident)
    if existing is not None:
        os.close(fd)  # this description never locked anything: closing it leaves the other's lock alone
        return existing
    entry = _files[ident] = _LockFile(fd, ident)
    return entry


def _settle(entry: _LockFile) -> None:
    """Let go of the file when no Vault and no exclusive operation of this process needs it."""
    if entry.shared or entry.exclusive:
        return
    if entry.state in (_State.SHARED, _State.EXCLUSIVE):
        locks.unlock(entry.fd)  # when that fails, closing the file releases the lock
    _files.pop(entry.ident, None)
    os.close(entry.fd)


def _lock(entry: _LockFile, *, shared: bool) -> bool:
    """Try a lock without waiting: True when held (or locking is not supported here), False when taken."""
    try:
        if not locks.try_lock(entry.fd, shared=shared):
            return False
    except locks.LockingUnavailable:  # also Windows without pywin32 (``--selftest`` says so)
        log.warning("the vault's lock file cannot be locked here; going on without the in-use lock")
        entry.state = _State.OFF
        return True
    entry.state = _State.SHARED if shared else _State.EXCLUSIVE
    return True


def _unlock(entry: _LockFile) -> None:
    locks.unlock(entry.fd)
    entry.state = _State.NONE


def held_by_os(directory: Path) -> bool:
    """Whether the operating system has a lock on the folder's lock file (``--selftest`` checks
    that an open vault does). Tried through a fresh descriptor, which conflicts with every other."""
    fd = _open_fd(directory, create=False)
    if fd is None:
        return False
    try:
        return not locks.try_lock(fd, shared=False)
    except locks.LockingUnavailable:
        return False
    finally:
        os.close(fd)  # releases the probe's lock if it got one


class SharedHold:
    """One open Vault's share in the lock on its folder; :meth:`release` it when the vault closes."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._entry: _LockFile | None = None

    @classmethod
    def acquire(cls, directory: Path, *, create: bool, wait: float | None = None) -> SharedHold:
        """Take the shared lock, waiting up to ``wait`` (default :data:`OPEN_WAIT`) seconds for an
        exclusive operation elsewhere (:class:`VaultBusy` after that). Without ``create`` a missing
        lock file is not made: the hold then holds nothing until :meth:`ensure`."""
        hold = cls(directory)
        hold._take(create=create, wait=wait)
        return hold

    @property
    def held(self) -> bool:
        return self._entry is not None

    def ensure(self, wait: float | None = None) -> None:
        """Create the lock file if it is missing and take the shared lock, unless already held.

        Called once the key is proven right. Where the file cannot be made (read-only folder), the
        vault stays open without the lock."""
        if self._entry is None:
            self._take(create=True, wait=wait)

    def _take(self, *, create: bool, wait: float | None) -> None:
        deadline = time.monotonic() + (OPEN_WAIT if wait is None else wait)
        while True:
            with _guard:
                entry = _attach(self.directory, create=create)
                if entry is None:
                    return
                if not entry.exclusive and (entry.state is not _State.NONE or _lock(entry, shared=True)):
                    entry.shared += 1
                    self._entry = entry
                    return
                _settle(entry)
            if time.monotonic() >= deadline:
                raise VaultBusy()
            time.sleep(_POLL)

    def release(self) -> None:
        """Let go (idempotent). The file is closed once no Vault of this process has the folder open."""
        with _guard:
            entry, self._entry = self._entry, None
            if entry is None:
                return
            entry.shared -= 1
            _settle(entry)


@contextmanager
def exclusive(directory: Path, own: SharedHold | None = None) -> Iterator[None]:
    """Have the vault folder to ourselves while the database file is replaced or re-encrypted.

    Refuses at once with :class:`VaultInUse` while another process — or another open Vault of this
    process — has the vault open; ``own`` is the caller's own hold (the vault being re-keyed), which
    does not count and is shared again afterwards. Re-entrant within one process, so the app can
    take it, lock its own vault, and restore inside it.
    """
    directory = Path(directory)
    with _guard:
        entry = own._entry if own is not None and own._entry is not None else _attach(directory, create=True)
        if entry is not None:
            if entry.exclusive:
                entry.exclusive += 1
            else:
                _take_exclusive(entry, own)
    try:
        yield
    finally:
        if entry is not None:
            with _guard:
                entry.exclusive -= 1
                if not entry.exclusive and entry.shared and entry.state is _State.EXCLUSIVE:
                    # back to shared for the Vaults of this process that are still open; on Linux
                    # the flock conversion cannot be overtaken by anyone; Windows cannot convert and
                    # macOS lets go in between anyway, so there it is unlock, then lock
                    if not locks.converts_in_place():
                        _unlock(entry)
                    if not _lock(entry, shared=True):
                        log.warning("the vault's shared lock could not be taken again")
                        entry.state = _State.NONE
                _settle(entry)


def _take_exclusive(entry: _LockFile, own: SharedHold | None) -> None:
    """Caller holds ``_guard``. Raises :class:`VaultInUse` (and leaves the entry as it was)."""
    mine = 1 if own is not None and own._entry is entry else 0
    if entry.shared > mine:
        _settle(entry)
        raise VaultInUse()
    if entry.state is _State.OFF:
        entry.exclusive = 1
        return
    had_shared = entry.state is _State.SHARED
    if had_shared:
        # A conversion would drop the shared lock anyway when it fails (flock(2)); Windows cannot convert.
        _unlock(entry)
    if _lock(entry, shared=False):
        entry.exclusive = 1
        return
    if had_shared and not _lock(entry, shared=True):
        log.warning("the vault's shared lock could not be taken again")
    _settle(entry)
    raise VaultInUse()
