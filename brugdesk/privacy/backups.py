"""Automatic and manual backups, rotation and restore (issue 5, DESIGN §3 "Backups").

Every backup goes through :func:`brugdesk.store.backup.backup_to`: the SQLite backup API
into a target keyed with the vault's data key, a temporary name, fsync, rename, then
verification (opens with the key, both integrity checks, same row counts and schema
version). A backup that fails verification is deleted there and :class:`BackupFailed` is
raised: it is reported, never counted (the next call tries again).

* :func:`maybe_daily_backup` — one backup per calendar day; the app calls
  :func:`prepare_daily_backup` after unlocking and runs the job on a worker thread;
* :func:`backup_on_close` — the app calls it when it locks or quits;
* :func:`backup_to_folder` — "back up to folder / USB stick"; the copy opens with the same
  recovery key (the data key is the same), and it is never rotated;
* :func:`rotate` — keeps the newest backup of each of the last 7 days that have backups and
  of each of the last 4 ISO weeks (restic's ``--keep-daily 7 --keep-weekly 4``); the
  newest backup that passes verification is never removed;
* :func:`restore` — verifies the candidate first, keeps the replaced database aside as
  ``brugdesk.db.replaced-<timestamp>`` (with its ``-wal``), never deletes it; refuses while the
  app or another brugdesk command has the vault open (the folder's in-use lock,
  :mod:`brugdesk.store.inuse`), as :func:`new_recovery_key` does.

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
import shutil
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk import fsutil
from brugdesk.errors import (
    BackupFailed,
    KeySlotDamaged,
    Kind,
    NoSecretGiven,
    VaultError,
    WrongRecoveryKey,
    classify,
)
from brugdesk.i18n import N_
from brugdesk.keys.recovery import parse_recovery_key
from brugdesk.keys.slots import Anchor, key_check_value, read_slots, update_record
from brugdesk.store import audit, backup, connection, integrity, inuse, ledger, schema
from brugdesk.store.audit import Action
from brugdesk.store.backup import BACKUP_SUFFIX, BackupInfo
from brugdesk.store.transaction import Transaction
from brugdesk.store.vault import BACKUP_DIR, DB_FILE, Vault, db_path

log = logging.getLogger(__name__)

#: held while a backup job runs, and by the key rotation: one at a time, on any thread
_one_at_a_time = threading.Lock()


class RestoreRefused(VaultError):
    """The candidate backup did not open with this vault's key or failed the checks."""

    message = N_("This backup cannot be restored: it does not open with this vault's key or did not pass "
                 "the integrity checks. Nothing was changed.")
    kind = Kind.INTEGRITY


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
            info = backup.backup_to(source, self.data_key, _target(self.folder, self.now, self.tag))
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
        audit.append(vault.conn, Action.BACKUP)
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
            backup.verify_backup(entry.path, data_key)
        except VaultError:
            continue
        return entry
    return None


def rekey_backups(vault_dir: Path, old_key: bytes, new_key: bytes) -> int:
    """After "new recovery key": rekey the backups in ``<vault>/backups`` and the databases restores
    kept aside (``brugdesk.db.replaced-*``), each atomically.

    Returns how many were rekeyed. Copies elsewhere (USB sticks) keep the old key.
    """
    done = 0
    for entry in list_backups(vault_dir) + list_replaced(vault_dir):
        try:
            conn = connection.connect(entry.path, old_key)
        except VaultError:
            continue  # already rekeyed, or not this vault's
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            connection.rekey(conn, new_key)
            done += 1
        except connection.DatabaseError:
            log.warning("a backup could not be rekeyed")
        finally:
            conn.close()
    return done


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


# -------------------------------------------------------------------- restore
class NotABackup(RestoreRefused):
    message = N_("This file is not a brugdesk backup (it is empty, incomplete, not encrypted or another kind of "
                 "file). Nothing was changed.")


class WrongBackupKey(RestoreRefused):
    message = N_("This backup does not open with this vault's key: it is another vault's backup, or not a "
                 "brugdesk backup. Nothing was changed.")
    hint = N_("To restore another vault's backup, say so with --other-vault and give that vault's recovery key.")


class NewerBackup(RestoreRefused):
    message = N_("This backup was made by a newer version of brugdesk. Nothing was changed.")
    hint = N_("Install the newest brugdesk to restore it.")


class DamagedBackup(RestoreRefused):
    message = N_("This backup is damaged or incomplete: it did not pass the integrity checks. Nothing was changed.")


#: the first 16 bytes of an unencrypted SQLite database (a SQLCipher file starts with its random salt)
SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher's page size: every brugdesk database and backup is a whole number of pages
PAGE_SIZE = 4096


@dataclass(frozen=True)
class Candidate:
    """A backup that passed :func:`check_candidate`."""

    path: Path
    user_version: int
    application_id: int
    families: int
    #: how many families its deletion records say were erased or purged
    erasures: int


def check_candidate(path: Path, key: bytes) -> Candidate:
    """Check that ``path`` is a brugdesk vault (or backup) that ``key`` opens, before anything moves.

    Refuses (a :class:`RestoreRefused`, exit code 4) a missing, empty, truncated or unencrypted file,
    one that does not open with ``key``, one without brugdesk's application id (or, from before
    schema V5, without the tables of a brugdesk vault), one from a newer schema, and one that fails
    ``cipher_integrity_check`` or ``integrity_check``. Reads only: the file is opened read-only and
    ``immutable``, so not even a ``-shm`` file is made beside it.
    """
    path = Path(path)
    try:
        st = path.stat()
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError):
        raise NotABackup() from None
    except OSError as exc:
        raise (classify(exc) or NotABackup()) from None
    if not stat.S_ISREG(st.st_mode):
        raise NotABackup()
    if st.st_size == 0:
        raise NotABackup()
    if head == SQLITE_HEADER:
        raise NotABackup()
    if st.st_size < PAGE_SIZE or st.st_size % PAGE_SIZE:
        raise NotABackup()
    try:
        conn = connection.open_keyed(f"{path.resolve().as_uri()}?mode=ro&immutable=1", key)
    except connection.DatabaseError as exc:
        if "file is not a database" in str(exc).lower():  # no page 1 that this key decrypts
            raise WrongBackupKey() from None
        raise DamagedBackup() from None
    try:
        app_id = schema.application_id(conn)
        version = schema.user_version(conn)
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id not in (0, schema.APPLICATION_ID):
            raise NotABackup()
        if version > schema.SCHEMA_VERSION:
            raise NewerBackup(f"{version} > {schema.SCHEMA_VERSION}")
        # a file from before V5 does not say it is brugdesk's: its tables and version must
        if not schema.REQUIRED_TABLES.issubset(tables) or version < 1:
            raise NotABackup()
        families = int(conn.execute("SELECT count(*) FROM family").fetchone()[0])
        erasures = ledger.recorded_in_database(conn)
    except connection.DatabaseError:
        raise DamagedBackup() from None
    finally:
        conn.close()
    try:
        backup.verify_backup(path, key)
    except BackupFailed:
        raise DamagedBackup() from None
    return Candidate(path, version, app_id, families, erasures)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did (for the message the officer sees)."""

    #: where the replaced database was kept (``None`` when there was none)
    aside: Path | None
    #: erased families that were in the backup and were erased again
    reapplied: int
    #: the erasure ledger was missing or damaged and was started anew (the officer agreed)
    ledger_restarted: bool = False
    #: the backup came from another vault (re-encrypted with this vault's key)
    other_vault: bool = False


def keys_for(vault_dir: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> list[bytes]:
    """The data key(s) a secret unlocks, without opening the (possibly damaged) database.

    During an interrupted key rotation a passphrase unlocks two keys (old and pending).
    """
    vault_dir = Path(vault_dir)
    try:
        slots = read_slots(vault_dir)
    except (FileNotFoundError, KeySlotDamaged):
        slots = None
    if recovery_key is not None:
        key = parse_recovery_key(recovery_key)
        if slots is not None and key_check_value(key) not in (slots.key_check, slots.pending_key_check):
            raise WrongRecoveryKey()
        return [key]
    if passphrase is not None:
        if slots is None:
            raise KeySlotDamaged()
        keys = [slots.unwrap(passphrase)]
        if slots.pending is not None:
            keys.append(slots.pending.unwrap(passphrase, slots.vault_id))
        return keys
    raise NoSecretGiven()


def _aside_name(now: dt.datetime) -> str:
    return f"{DB_FILE}{REPLACED_INFIX}{now.strftime('%Y%m%d-%H%M%S')}"


def restore(vault_dir: Path, backup_file: Path, key: bytes, *, now: dt.datetime | None = None,
            source_key: bytes | None = None, ledger_lost: bool = False) -> RestoreResult:
    """Replace the vault's database with ``backup_file``, then erase again what the ledger names.

    The vault must be closed (locked), here and in every other process: the restore takes the
    folder's exclusive in-use lock (:mod:`brugdesk.store.inuse`) first and refuses with
    :class:`~brugdesk.errors.VaultInUse` while the app or another brugdesk command has the
    vault open (a process that kept the old file open would go on writing into the aside copy).

    Before anything moves: the candidate must pass :func:`check_candidate` with ``key`` — or, for
    another vault's backup (the officer said so), with that vault's key ``source_key`` — and the
    erasure ledger must be readable and complete (:class:`~brugdesk.store.ledger.LedgerDamaged`
    otherwise, unless ``ledger_lost``: the officer agreed to go on, and a new ledger is started).
    Then the candidate is copied beside the vault under a temporary name and fsynced; another
    vault's copy is re-encrypted with ``key`` and takes this vault's id; the copy is checked again,
    gets its ``restore`` audit entry, and every family the ledger names is erased in it
    (:func:`brugdesk.store.erasure.reapply`, with its own audit entry). Only then is the
    old database (with its ``-wal``) renamed to ``brugdesk.db.replaced-<timestamp>`` and the copy
    renamed into place. The key file's audit anchors made after the backup are dropped (the restored
    log never held those entries; another vault's log none of them) and the new head is anchored.
    Raises :class:`RestoreRefused` when the candidate does not pass; nothing changes then.
    """
    vault_dir = Path(vault_dir)
    backup_file = Path(backup_file)
    now = now or dt.datetime.now()
    with inuse.exclusive(vault_dir):
        return _restore(vault_dir, backup_file, key, now, source_key, ledger_lost)


def _current_records(db: Path, key: bytes) -> Any:
    """A read-only look at the database being replaced (its deletion records and ledger flag), or
    ``None`` when it is missing or does not open."""
    try:
        return integrity.open_for_check(db, key)
    except (connection.DatabaseError, OSError):
        return None


def _restore(vault_dir: Path, backup_file: Path, key: bytes, now: dt.datetime, source_key: bytes | None,
             ledger_lost: bool) -> RestoreResult:
    from brugdesk.store.erasure import reapply as reapply_ledger

    candidate = check_candidate(backup_file, source_key or key)
    db = db_path(vault_dir)
    known = _ledger_facts(vault_dir, key)
    try:
        book = ledger.load_for_change(vault_dir, key, known)
        restarted = False
    except ledger.LedgerDamaged:
        if not ledger_lost:
            raise
        book = ledger.fresh_after_damage(vault_dir, key, known=known.known, today=now.date())
        restarted = True
    if source_key is not None:
        # another vault's erasures are in its own ledger, in its own folder: counted, not named
        book.baseline += candidate.erasures
    vault_id = _vault_id(vault_dir, key) if source_key is not None else ""
    fsutil.check_target(db)
    fd, tmp = fsutil.create_temp(db)
    try:
        with open(fd, "wb", closefd=True) as out, open(backup_file, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        if source_key is not None:
            _adopt(tmp, source_key, key, vault_id)
        check_candidate(tmp, key)
        # A backup is kept in rollback-journal mode; the vault itself runs in WAL mode.
        conn = connection.connect(tmp, key)
        try:
            with Transaction(conn):
                audit.append(conn, Action.RESTORE)
                ledger.mark_kept(conn)
            reapplied = reapply_ledger(conn, book, today=now.date())
            _keep_export_history(db, key, conn)
            head = audit.head(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        for extra in ("-wal", "-shm"):
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        restored_anchors = _anchors_in(tmp, key)
    except BaseException as exc:
        fsutil.remove_temp(tmp)
        if isinstance(exc, RestoreRefused):
            raise RestoreRefused("copy") from None
        if isinstance(exc, VaultError):
            raise
        if isinstance(exc, Exception):
            raise (classify(exc) or RestoreRefused(type(exc).__name__)) from None
        raise
    # Anchors of entries the restored log does not hold (made after the backup; of another vault:
    # all of them) are dropped before the swap: a crash after it never leaves anchors that fail.
    update_record(vault_dir, keep=restored_anchors)
    aside = vault_dir / _aside_name(now)
    n = 1
    while aside.exists():
        aside = vault_dir / f"{_aside_name(now)}-{n}"
        n += 1
    kept: Path | None = None
    if db.exists():
        _settle_old(db, key)
        # -shm is only an index of the -wal; the -wal may hold committed changes: it moves with
        # the database so the aside copy stays complete.
        db.with_name(DB_FILE + "-shm").unlink(missing_ok=True)
        fsutil.replace(db, aside)
        kept = aside
        wal = db.with_name(DB_FILE + "-wal")
        if wal.exists():
            fsutil.replace(wal, aside.with_name(aside.name + "-wal"))
    fsutil.replace(tmp, db)
    if restarted:
        ledger.set_aside(vault_dir)
    if restarted or source_key is not None or not ledger.exists(vault_dir):
        ledger.write(vault_dir, book, [key])
    update_record(vault_dir, anchor=Anchor(head[0], head[1], now.date().isoformat()), erasures=book.count)
    return RestoreResult(kept, reapplied, restarted, source_key is not None)


def _keep_export_history(db: Path, key: bytes, candidate: Any) -> None:
    """Carry the reports already shared (the export history, issue 11) from the database being
    replaced into the restored copy: an older backup must not forget what left the laptop, or a
    later report could be compared with it unchecked. A database that does not open keeps its
    history to itself (the README says so)."""
    from brugdesk.store.reportdata import merge_export_history

    current = _current_records(db, key) if db.exists() else None
    if current is None:
        return
    try:
        with Transaction(candidate):
            merge_export_history(current, candidate)
    finally:
        current.close()


def _ledger_facts(vault_dir: Path, key: bytes) -> ledger.Facts:
    """What the database being replaced (when it can be read) and the key file say about erasures."""
    from brugdesk.privacy.retention import key_file_erasures

    db = db_path(vault_dir)
    current = _current_records(db, key) if db.exists() else None
    try:
        return ledger.facts(current, key_file_erasures(vault_dir))
    finally:
        if current is not None:
            current.close()


def ledger_problem(vault_dir: Path, key: bytes) -> ledger.LedgerDamaged | None:
    """Why a restore would stop at the erasure ledger (missing, damaged or incomplete), or ``None``:
    the app asks the officer before it locks (:func:`restore` with ``ledger_lost=True`` goes on)."""
    try:
        ledger.load_for_change(vault_dir, key, _ledger_facts(vault_dir, key))
    except ledger.LedgerDamaged as exc:
        return exc
    return None


def _anchors_in(db: Path, key: bytes) -> Any:
    """A filter for the key file's anchors: those the (intact) audit log of ``db`` holds."""
    conn = integrity.open_for_check(db, key)
    try:
        held = {(a_id, a_hash) for a_id, a_hash in conn.execute("SELECT id, hash FROM audit")}
    finally:
        conn.close()
    return lambda anchor: (anchor.entries, anchor.hash) in held


def _vault_id(vault_dir: Path, key: bytes) -> str:
    """This vault's id (from the key file, else from its database), for another vault's backup."""
    try:
        return read_slots(vault_dir).vault_id
    except (OSError, KeySlotDamaged):
        pass
    conn = _current_records(db_path(vault_dir), key)
    if conn is not None:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        except connection.DatabaseError:
            row = None
        finally:
            conn.close()
        if row is not None:
            return str(row[0])
    raise RestoreRefused("vault id unknown")


def _adopt(tmp: Path, source_key: bytes, key: bytes, vault_id: str) -> None:
    """Make another vault's copy this vault's: re-encrypt it with ``key`` and give it ``vault_id``
    (the key slots are bound to the vault id)."""
    conn = connection.connect(tmp, source_key)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        with Transaction(conn):
            conn.execute("UPDATE meta SET value = ? WHERE key = 'vault_id'", (vault_id,))
        connection.rekey(conn, key)
    finally:
        conn.close()


def _settle_old(db: Path, key: bytes) -> None:
    """Fold the old database's ``-wal`` into it when it is healthy; leave a damaged one alone."""
    try:
        integrity.check_on_open(db, key, thorough=True)
    except VaultError:
        return
    try:
        conn = connection.connect(db, key)
    except VaultError:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except connection.DatabaseError:
        pass
    finally:
        conn.close()


def restore_with_secret(vault_dir: Path, backup_file: Path, *, passphrase: str | None = None,
                        recovery_key: str | None = None, now: dt.datetime | None = None,
                        source_recovery_key: str | None = None, ledger_lost: bool = False) -> RestoreResult:
    """:func:`restore` with the key(s) the passphrase or recovery key unlocks; ``source_recovery_key``:
    the recovery key of the other vault whose backup this is (the officer said so)."""
    keys = keys_for(vault_dir, passphrase=passphrase, recovery_key=recovery_key)
    source = parse_recovery_key(source_recovery_key) if source_recovery_key is not None else None
    last: VaultError = RestoreRefused()
    for key in keys:
        try:
            return restore(vault_dir, backup_file, key, now=now, source_key=source, ledger_lost=ledger_lost)
        except RestoreRefused as exc:
            last = exc
    raise last


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


def _remove_replaced(path: Path) -> bool:
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
    return [e.path for e in entries if e.path not in keep and _remove_replaced(e.path)]


def erase_in_replaced(vault_dir: Path, key: bytes, *, today: dt.date | None = None) -> tuple[int, int]:
    """Apply the erasure ledger to every database a restore kept aside: erase there too what it
    names, or remove the file when that cannot be done (it does not open with ``key`` — made before a
    new recovery key — or fails its checks). Returns (files cleaned, files removed)."""
    from brugdesk.store.erasure import reapply as reapply_ledger

    entries = list_replaced(vault_dir)
    if not entries:
        return 0, 0
    try:
        book = ledger.read(vault_dir, key)
    except ledger.LedgerDamaged:
        book = None
    cleaned = removed = 0
    for entry in entries:
        ok = False
        if book is not None:
            try:
                integrity.check_on_open(entry.path, key, thorough=True)
                conn = connection.connect(entry.path, key)
                try:
                    reapply_ledger(conn, book, today=today)
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    ok = True
                finally:
                    conn.close()
                entry.path.with_name(entry.path.name + "-shm").unlink(missing_ok=True)
            except (VaultError, connection.DatabaseError, OSError):
                ok = False
        if ok:
            cleaned += 1
        elif _remove_replaced(entry.path):
            removed += 1
    return cleaned, removed
