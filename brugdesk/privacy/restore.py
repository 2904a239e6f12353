"""Restoring a backup: the rules around the swap, and erasures applied again (the policy).

The candidate is checked first (:func:`brugdesk.store.backup_copy.check_candidate`: a brugdesk
vault that the key opens, intact, not from a newer version); nothing moves before it passes and
before the erasure ledger is known to be complete. The restored copy gets its own audit entry and
every family the ledger names is erased in it before it replaces the database; the replaced
database is kept aside as ``brugdesk.db.replaced-<timestamp>`` (with its ``-wal``) and never
deleted by the restore (:mod:`brugdesk.privacy.backup_policy` rotates those like backups). A
restore refuses while the app or another brugdesk command has the vault open (the folder's in-use
lock, :mod:`brugdesk.store.inuse`).

:func:`erase_in_replaced` applies the erasure ledger to the databases kept aside, after every
erasure.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk import fsutil
from brugdesk.errors import (
    KeySlotDamaged,
    NoSecretGiven,
    RestoreRefused,
    VaultError,
    WrongRecoveryKey,
    classify,
)
from brugdesk.keys.recovery import parse_recovery_key
from brugdesk.keys.slots import Anchor, key_check_value, read_slots, update_record
from brugdesk.privacy.backup_policy import REPLACED_INFIX, list_replaced, remove_replaced
from brugdesk.store import audit, backup_copy, connection, erasure, integrity, inuse, ledger
from brugdesk.store.audit import Action
from brugdesk.store.backup_copy import check_candidate
from brugdesk.store.connection import DB_FILE, db_path
from brugdesk.store.repo.reports import merge_export_history
from brugdesk.store.transaction import Transaction
from brugdesk.store.vault import read_meta


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
            fsutil.fsync_file(out.fileno())
        if source_key is not None:
            backup_copy.adopt(tmp, source_key, key, vault_id)
        check_candidate(tmp, key)
        # A backup is kept in rollback-journal mode; the vault itself runs in WAL mode.
        conn = connection.connect(tmp, key)
        try:
            with Transaction(conn):
                audit.append(conn, Action.RESTORE)
                ledger.mark_kept(conn)
            reapplied = erasure.reapply(conn, book, today=now.date())
            _keep_export_history(db, key, conn)
            head = audit.head(conn)
            connection.checkpoint(conn)
        finally:
            conn.close()
        for extra in ("-wal", "-shm"):
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)
        with open(tmp, "rb+") as fh:
            fsutil.fsync_file(fh.fileno())
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
        backup_copy.fold_wal(db, key)
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
    """Carry the reports already shared (the export history) from the database being
    replaced into the restored copy: an older backup must not forget what left the laptop, or a
    later report could be compared with it unchecked. A database that does not open keeps its
    history to itself (the README says so)."""
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
    db = db_path(vault_dir)
    current = _current_records(db, key) if db.exists() else None
    try:
        return ledger.facts(current, ledger.key_file_erasures(vault_dir))
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
        held = audit.entry_hashes(conn)
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
            found = read_meta(conn, "vault_id")
        except connection.DatabaseError:
            found = None
        finally:
            conn.close()
        if found is not None:
            return found
    raise RestoreRefused("vault id unknown")


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


def erase_in_replaced(vault_dir: Path, key: bytes, *, today: dt.date | None = None) -> tuple[int, int]:
    """Apply the erasure ledger to every database a restore kept aside: erase there too what it
    names, or remove the file when that cannot be done (it does not open with ``key`` — made before a
    new recovery key — or fails its checks). Returns (files cleaned, files removed)."""
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
                    erasure.reapply(conn, book, today=today)
                    connection.checkpoint(conn)
                    ok = True
                finally:
                    conn.close()
                entry.path.with_name(entry.path.name + "-shm").unlink(missing_ok=True)
            except (VaultError, connection.DatabaseError, OSError):
                ok = False
        if ok:
            cleaned += 1
        elif remove_replaced(entry.path):
            removed += 1
    return cleaned, removed
