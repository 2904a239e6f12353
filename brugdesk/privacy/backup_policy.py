"""When backups are made, how many are kept, and what a new recovery key does to them: the policy.

Every copy is made and verified by :func:`brugdesk.store.backup_copy.backup_to` (the
mechanism: the SQLite backup API into a target keyed with the vault's data key, a temporary
name, fsync, rename, then verification). A copy that fails verification is deleted there and
:class:`~brugdesk.errors.BackupFailed` is raised: it is reported, never counted (the next call
tries again).

* :func:`maybe_daily_backup` — one backup per calendar day; the app calls
  :func:`prepare_daily_backup` after unlocking and runs the job on a worker thread;
* :func:`backup_on_close` — the app calls it when it locks or quits;
* :func:`backup_to_folder` — "back up to folder / USB stick"; the copy opens with the same
  recovery key (the data key is the same), and it is never rotated;
* :func:`rotate` — keeps the newest backup of each of the last 7 days that have backups and
  of each of the last 4 ISO weeks (restic's ``--keep-daily 7 --keep-weekly 4``); the
  newest backup that passes verification is never removed; the databases a restore kept aside
  (``brugdesk.db.replaced-*``) are rotated the same way;
* :func:`new_recovery_key` — rotates the data key and rekeys the local backups and the
  databases kept aside; refuses while another process has the vault open.

A :class:`BackupJob` (from :func:`prepare_backup`) may run on a worker thread: it holds only the
vault folder and the data key and opens its own read-only connection, so the vault's connection
can go on serving the GUI, and even be closed (locking) while the job runs. Jobs run one at a
time (two at once would rotate each other's fresh files away), and the key rotation waits for a
running job (its rekey and journal-mode switch need the database to itself).

The clock is injectable (``now=``) so tests can simulate weeks of use.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk.errors import BackupFailed, VaultError, classify
from brugdesk.store import backup_copy, connection, inuse
from brugdesk.store.audit import Action
from brugdesk.store.backup_copy import BACKUP_SUFFIX, BackupInfo
from brugdesk.store.changes import Change, What
from brugdesk.store.connection import DB_FILE, db_path
from brugdesk.store.vault import BACKUP_DIR, Vault

log = logging.getLogger(__name__)

#: held while a backup job runs, and by the key rotation: one at a time, on any thread
_one_at_a_time = threading.Lock()

KEEP_DAILY = 7
KEEP_WEEKLY = 4
REPLACED_INFIX = ".replaced-"

_REPLACED = re.compile(r"^" + re.escape(DB_FILE + REPLACED_INFIX) + r"(\d{8}-\d{6})(?:-\d+)?$")
_NAME = re.compile(r"^brugdesk-(\d{8})-(\d{6})(?:-(\d+))?(?:-([a-z0-9.-]+?))?" + re.escape(BACKUP_SUFFIX) + "$")


@dataclass(frozen=True)
class BackupEntry:
    """A backup file in the vault's ``backups/`` folder (newest first in listings)."""

    path: Path
    when: dt.datetime
    tag: str
    size: int
    mtime_ns: int = 0  # orders two backups made in the same second


def backups_dir(vault_dir: Path) -> Path:
    return Path(vault_dir) / BACKUP_DIR


def parse_name(name: str) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return when, match.group(4) or ""


def list_backups(vault_dir: Path | None = None, *, folder: Path | None = None) -> list[BackupEntry]:
    """The backups in ``<vault>/backups`` (or ``folder``), newest first. Temporary files are skipped."""
    where = folder if folder is not None else backups_dir(Path(vault_dir or "."))
    out: list[BackupEntry] = []
    try:
        names = os.listdir(where)
    except (FileNotFoundError, NotADirectoryError):
        return []
    for name in names:
        parsed = parse_name(name)
        if parsed is None:
            continue
        path = where / name
        try:
            st = path.stat()
        except OSError:
            continue
        out.append(BackupEntry(path, parsed[0], parsed[1], st.st_size, st.st_mtime_ns))
    out.sort(key=lambda e: (e.when, e.mtime_ns, e.path.name), reverse=True)
    return out


def _target(folder: Path, now: dt.datetime, tag: str) -> Path:
    base = f"brugdesk-{now.strftime('%Y%m%d-%H%M%S')}"
    suffix = f"-{tag}" if tag else ""
    target = folder / f"{base}{suffix}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():  # two backups in the same second
        target = folder / f"{base}-{n}{suffix}{BACKUP_SUFFIX}"
        n += 1
    return target


@dataclass(frozen=True)
class BackupJob:
    """A backup prepared on the vault's thread (audit entry written), to run on any thread.

    :meth:`run` copies through its *own* read-only connection, so a worker thread never shares
    the vault's connection (or its transactions) with the GUI thread; it keeps its own reference
    to the (immutable) data key, so locking the vault meanwhile does not take the key from it.
    Jobs run one at a time: a second one waits until the first is done.
    """

    vault_dir: Path
    data_key: bytes
    folder: Path
    now: dt.datetime
    tag: str
    rotate: bool

    def run(self) -> BackupInfo:
        with _one_at_a_time:
            return self._run()

    def _run(self) -> BackupInfo:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise (classify(exc) or BackupFailed(type(exc).__name__)) from None
        source = connection.connect(db_path(self.vault_dir), self.data_key, readonly=True)
        try:
            info = backup_copy.backup_to(source, self.data_key, _target(self.folder, self.now, self.tag))
        finally:
            source.close()
        if self.rotate:
            rotate(self.vault_dir, verified=info.path, data_key=self.data_key)
        return info


def prepare_backup(vault: Vault, *, folder: Path | None = None, now: dt.datetime | None = None,
                   tag: str = "") -> BackupJob:
    """Record the backup in the audit log (so the backup holds that entry) and return the job.

    Without ``folder`` the backup goes to ``<vault>/backups`` and is rotated afterwards.
    """
    if folder is not None and not Path(folder).is_dir():
        raise BackupFailed("no such folder")
    with vault.transaction():
        vault.repo.audit.record(Action.BACKUP)
        vault.changes.emit(Change.of(What.BACKUP))
    vault.anchor_audit(today=(now or dt.datetime.now()).date())  # the log's head, kept in the key file too
    return BackupJob(vault.directory, vault.data_key, Path(folder) if folder else backups_dir(vault.directory),
                     now or dt.datetime.now(), tag, folder is None)


def make_backup(vault: Vault, *, now: dt.datetime | None = None, tag: str = "") -> BackupInfo:
    """A verified backup in ``<vault>/backups``, then rotation. Raises :class:`BackupFailed`."""
    return prepare_backup(vault, now=now, tag=tag).run()


def prepare_daily_backup(vault: Vault, *, now: dt.datetime | None = None) -> BackupJob | None:
    """Today's backup as a job (see :func:`prepare_backup`), or ``None`` when a (verified)
    backup was already made today. Decides and writes the audit entry on the vault's thread."""
    now = now or dt.datetime.now()
    if any(e.when.date() == now.date() for e in list_backups(vault.directory)):
        return None
    return prepare_backup(vault, now=now, tag="daily")


def maybe_daily_backup(vault: Vault, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """Make today's backup unless a (verified) backup was already made today."""
    job = prepare_daily_backup(vault, now=now)
    return None if job is None else job.run()


def backup_on_close(vault: Vault, *, now: dt.datetime | None = None) -> BackupInfo:
    """The backup made when the app locks or quits."""
    return make_backup(vault, now=now, tag="close")


def backup_to_folder(vault: Vault, folder: Path, *, now: dt.datetime | None = None) -> BackupInfo:
    """"Back up to folder / USB stick": a verified copy that opens with the same recovery key."""
    return prepare_backup(vault, folder=Path(folder), now=now).run()


# ------------------------------------------------------------------- rotation
def keep_set(entries: list[BackupEntry], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> set[Path]:
    """Which backups the policy keeps: the newest of each of the last ``keep_daily`` days and of
    each of the last ``keep_weekly`` ISO weeks that have backups (a backup may count for both)."""
    ordered = sorted(entries, key=lambda e: (e.when, e.mtime_ns, e.path.name), reverse=True)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for entry in ordered:
        day = entry.when.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(entry.path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(entry.path)
    return keep


def rotate(vault_dir: Path, *, verified: Path | None = None, data_key: bytes | None = None,
           keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Remove the backups the policy does not keep; returns the removed paths.

    The newest backup that passes verification is always kept: ``verified`` (just made and
    checked) or else the newest one that opens with ``data_key`` and passes both checks.
    Without either, nothing is removed.
    """
    rotate_replaced(vault_dir, keep_daily, keep_weekly)
    entries = list_backups(vault_dir)
    if not entries:
        return []
    newest_ok = verified
    if newest_ok is None and data_key is not None:
        found = newest_verified_backup(vault_dir, data_key)
        newest_ok = found.path if found is not None else None
    if newest_ok is None:
        return []
    keep = keep_set(entries, keep_daily, keep_weekly) | {newest_ok}
    removed: list[Path] = []
    for entry in entries:
        if entry.path not in keep:
            try:
                entry.path.unlink()
                removed.append(entry.path)
            except OSError:
                log.warning("an old backup could not be removed")
    return removed


def newest_verified_backup(vault_dir: Path, data_key: bytes) -> BackupEntry | None:
    """The newest backup in ``<vault>/backups`` that opens with the key and passes both checks."""
    for entry in list_backups(vault_dir):
        try:
            backup_copy.verify_backup(entry.path, data_key)
        except VaultError:
            continue
        return entry
    return None


def rekey_backups(vault_dir: Path, old_key: bytes, new_key: bytes) -> int:
    """After "new recovery key": rekey the backups in ``<vault>/backups`` and the databases restores
    kept aside (``brugdesk.db.replaced-*``), each atomically.

    Returns how many were rekeyed. Copies elsewhere (USB sticks) keep the old key.
    """
    return sum(backup_copy.rekey_copy(entry.path, old_key, new_key)
               for entry in list_backups(vault_dir) + list_replaced(vault_dir))


def new_recovery_key(vault: Vault, passphrase: str, **kwargs: Any) -> str:
    """Rotate the data key (:meth:`Vault.rotate_data_key`) and rekey the local backups.

    Returns the new recovery key, to show once. Waits for a backup job that is running (on a
    worker thread): the rekey needs the database to itself, and that backup is rekeyed too.
    Refuses with :class:`~brugdesk.errors.VaultInUse` (nothing changed) while another
    process has the vault open: it holds the folder's exclusive in-use lock throughout.
    """
    with _one_at_a_time, inuse.exclusive(vault.directory, own=vault.in_use):
        old_key = vault.data_key
        key = vault.rotate_data_key(passphrase, **kwargs)
        rekey_backups(vault.directory, old_key, vault.data_key)
    return key


# ------------------------------------------------------- replaced databases
def list_replaced(vault_dir: Path) -> list[BackupEntry]:
    """The databases restores kept aside (``brugdesk.db.replaced-<time>``), newest first."""
    out: list[BackupEntry] = []
    try:
        names = os.listdir(vault_dir)
    except OSError:
        return []
    for name in names:
        match = _REPLACED.match(name)
        if match is None:
            continue
        try:
            when = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            st = (Path(vault_dir) / name).stat()
        except (ValueError, OSError):
            continue
        out.append(BackupEntry(Path(vault_dir) / name, when, "replaced", st.st_size, st.st_mtime_ns))
    out.sort(key=lambda e: (e.when, e.mtime_ns, e.path.name), reverse=True)
    return out


def remove_replaced(path: Path) -> bool:
    try:
        for extra in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        path.unlink()
    except OSError:
        log.warning("a replaced database could not be removed")
        return False
    return True


def rotate_replaced(vault_dir: Path, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Remove the replaced databases the backup policy would not keep (7 daily + 4 weekly)."""
    entries = list_replaced(vault_dir)
    keep = keep_set(entries, keep_daily, keep_weekly)
    return [e.path for e in entries if e.path not in keep and remove_replaced(e.path)]
