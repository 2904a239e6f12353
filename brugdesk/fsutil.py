"""Writing files safely: the one way brugdesk writes a file, and fsync of a folder.

Every file brugdesk writes (key file, backups, restored database, report PDF and CSV,
inspection export, recovery sheet) goes through this module:

* the content goes to a **new temporary file in the target's folder**, with a random name,
  created with ``O_CREAT | O_EXCL`` (and ``O_NOFOLLOW`` where the OS has it), so an existing
  file or a planted symlink is never opened, and with mode 0600 set here (``fchmod``), whatever
  the umask;
* it is flushed and fsynced, then **renamed over the target** (:func:`replace`), and the folder
  is fsynced, so after a crash the target is either the old file or the complete new one;
* a target that exists and is not a regular file — a symlink, a folder, a device such as
  ``/dev/full``, a fifo — is refused with :class:`~brugdesk.errors.NotARegularFile` before
  anything is written and checked again just before the rename; nothing is written through a
  link into its target;
* on any failure the temporary file is removed.

Use :func:`atomic_output` (a file object, e.g. for reportlab), :func:`write_atomic` (bytes), or
:func:`atomic_path` for writers that need a path (the SQLite backup API); the rename of a whole
file, such as a database moved aside, is :func:`replace`. A writer that must do something between
writing and putting the file in place (record the report export first) stages the content with
:func:`write_temp` and then calls :func:`replace` or :func:`remove_temp` itself.

What differs per operating system — the open flags, the mode, ``F_FULLFSYNC`` on macOS, the
rename that Windows refuses while another program has the file open (retried), no fsync of a
folder on Windows — is in :mod:`brugdesk.platform.files`; this module asks there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from brugdesk.errors import NotARegularFile
from brugdesk.platform import files as osfiles

#: permissions of every file brugdesk writes: the officer only
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
#: companions SQLite may create beside a database file
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


def fsync_file(fd: int) -> None:
    """Make what was written to ``fd`` durable (``F_FULLFSYNC`` on macOS, ``fsync`` elsewhere)."""
    osfiles.fsync_file(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows cannot open a folder for that, see
    :mod:`brugdesk.platform.files`)."""
    osfiles.fsync_dir(directory)


def check_target(target: Path) -> None:
    """Refuse a ``target`` that exists and is not a regular file (a symlink is refused, not followed)."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(str(target))


def temp_name(target: Path) -> Path:
    """A fresh random name for a temporary file beside ``target`` (hidden, ending in ``.tmp``)."""
    stem = target.name if len(target.name.encode("utf-8", "surrogateescape")) <= 64 else "brugdesk"
    return target.with_name(f".{stem}.{secrets.token_hex(8)}{TEMP_SUFFIX}")


def create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside ``target`` (its descriptor, open for writing, and its path),
    mode 0600. The caller renames it with :func:`replace` or removes it with :func:`remove_temp`."""
    while True:
        tmp = temp_name(target)
        try:
            fd = os.open(tmp, osfiles.create_flags(), FILE_MODE)
        except FileExistsError:  # something (a planted file or link) has that name: take another
            continue
        break
    try:
        # the mode is ours, not the umask's; a file system without POSIX modes (a FAT USB stick)
        # refuses quietly: the content is encrypted or meant to be handed over there
        osfiles.restrict(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        remove_temp(tmp)
        raise
    return fd, tmp


def replace(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` (refused when ``target`` is not a regular file), then fsync
    the folder. The final step of every write in brugdesk. On Windows the rename waits up to two
    seconds while another program (a virus scanner, the indexer) has the file open."""
    check_target(target)
    osfiles.replace(source, target)
    fsync_dir(target.parent)


def remove_temp(tmp: Path) -> None:
    """Remove a temporary file and any SQLite companions of it, ignoring what is not there."""
    for path in (tmp, *(tmp.with_name(tmp.name + c) for c in SQLITE_COMPANIONS)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary file object whose content replaces ``target`` when the block ends without an error.

    ``target`` is checked first (:func:`check_target`); on an exception the temporary file is
    removed and ``target`` is left as it was.
    """
    target = Path(target)
    check_target(target)
    fd, tmp = create_temp(target)
    try:
        with open(fd, "wb", closefd=True) as fh:
            yield fh
            fh.flush()
            fsync_file(fh.fileno())
        replace(tmp, target)
    except BaseException:
        remove_temp(tmp)
        raise


def write_temp(target: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``target``, flushed and fsynced; its path. ``target`` is
    checked first (:func:`check_target`); nothing is left behind when writing fails. The caller puts
    it in place with :func:`replace` or removes it with :func:`remove_temp`."""
    target = Path(target)
    check_target(target)
    fd, tmp = create_temp(target)
    try:
        with open(fd, "wb", closefd=True) as fh:
            fh.write(data)
            fh.flush()
            fsync_file(fh.fileno())
    except BaseException:
        remove_temp(tmp)
        raise
    return tmp


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` by ``data`` (see :func:`atomic_output`)."""
    with atomic_output(target) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_path(target: Path, *, exists_ok: bool = True) -> Iterator[Path]:
    """A temporary path beside ``target`` for a writer that needs a file name (SQLite).

    The file exists (empty, mode 0600, created exclusively) when the block starts; when the
    block ends without an error it is fsynced and renamed over ``target`` (:func:`replace`). On
    an exception it and its SQLite companions (``-journal``, ``-wal``, ``-shm``) are removed.
    With ``exists_ok=False`` an existing ``target`` is refused with :class:`FileExistsError`
    before anything is written.
    """
    target = Path(target)
    check_target(target)
    if not exists_ok and os.path.lexists(target):
        raise FileExistsError(str(target))
    fd, tmp = create_temp(target)
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, osfiles.reopen_flags())
        try:
            fsync_file(fd)
        finally:
            os.close(fd)
        replace(tmp, target)
    except BaseException:
        remove_temp(tmp)
        raise


__all__ = ["FILE_MODE", "atomic_output", "atomic_path", "check_target", "create_temp", "fsync_dir", "fsync_file",
           "remove_temp", "replace", "temp_name", "write_atomic", "write_temp"]
