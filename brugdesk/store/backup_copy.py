"""Making and verifying one copy of the encrypted database: the backup mechanism.

:func:`backup_to` makes a copy with the SQLite online-backup API into a target keyed with the
same data key — never a raw file copy — under a temporary name, then fsyncs, renames and
verifies it (:func:`verify_backup`): it must open with the key, pass ``cipher_integrity_check``
and ``integrity_check``, and have the same ``user_version`` and row counts as the source. A copy
that fails verification is deleted and :class:`~brugdesk.errors.BackupFailed` is raised.

:func:`check_candidate` decides whether a file someone wants to restore is a brugdesk vault that a
key opens, intact, before anything moves. When and where copies are made, how many are kept and
how a restore proceeds is the policy in :mod:`brugdesk.privacy.backup_policy` and
:mod:`brugdesk.privacy.restore`.
"""

from __future__ import annotations

import datetime as dt
import logging
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brugdesk import fsutil
from brugdesk.errors import (
    BackupFailed,
    DamagedBackup,
    NewerBackup,
    NotABackup,
    VaultError,
    WrongBackupKey,
    classify,
)
from brugdesk.store import connection, integrity, ledger, schema
from brugdesk.store.transaction import Transaction

log = logging.getLogger(__name__)
BACKUP_SUFFIX = ".bdbackup"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    user_version: int
    row_counts: dict[str, int]
    size: int


def row_counts(conn: Any) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}


def backup_name(now: dt.datetime | None = None, tag: str = "") -> str:
    now = now or dt.datetime.now()
    suffix = f"-{tag}" if tag else ""
    return f"brugdesk-{now.strftime('%Y%m%d-%H%M%S')}{suffix}{BACKUP_SUFFIX}"


def verify_backup(path: Path, data_key: bytes, expect_version: int | None = None,
                  expect_counts: dict[str, int] | None = None) -> BackupInfo:
    """Open ``path`` read-only with ``data_key`` and check it; raises :class:`BackupFailed`."""
    try:
        conn = connection.connect(path, data_key, readonly=True)
    except VaultError as exc:
        raise BackupFailed(type(exc).__name__) from None
    # Both checks read every page. They run side by side: ``integrity_check`` here, and
    # ``cipher_integrity_check`` (every page's HMAC) followed by the schema version and the row
    # counts on a second connection in a thread. SQLite releases the GIL while it works, so on two
    # cores the verification takes as long as ``integrity_check`` alone (docs/benchmarks.md).
    cipher = _CipherAndCounts(path, data_key)
    cipher.start()
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        structure_ok = [r[0] for r in rows] == ["ok"]
    except connection.DatabaseError:
        # a badly damaged file makes the checks themselves fail ("malformed")
        structure_ok = False
    finally:
        conn.close()
        cipher.join()
    if not structure_ok or not cipher.ok:
        raise BackupFailed("integrity")
    version, counts = cipher.version, cipher.counts
    if expect_version is not None and version != expect_version:
        raise BackupFailed("schema version differs")
    if expect_counts is not None and counts != expect_counts:
        raise BackupFailed("row counts differ")
    return BackupInfo(path, version, counts, path.stat().st_size)


class _CipherAndCounts(threading.Thread):
    """``cipher_integrity_check`` of ``path`` on its own read-only connection, in a thread; when it
    passes, the file's ``user_version`` and row counts too."""

    def __init__(self, path: Path, data_key: bytes) -> None:
        super().__init__(name="brugdesk-cipher-check", daemon=True)
        self._path = path
        self._key: bytes | None = data_key
        self.ok = False
        self.version = -1
        self.counts: dict[str, int] = {}

    def run(self) -> None:
        key, self._key = self._key, None
        assert key is not None
        try:
            conn = connection.connect(self._path, key, readonly=True)
        except Exception:  # noqa: BLE001 - any failure to open means the check did not pass
            return
        try:
            # both passes read each page once: a small page cache keeps the process's peak memory
            # where it was before they ran side by side with integrity_check
            conn.execute("PRAGMA cache_size = -2000")
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                return
            self.version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            self.counts = row_counts(conn)
            self.ok = True
        except Exception:  # noqa: BLE001 - a failing check is a failed check, never an escape
            self.ok = False
        finally:
            conn.close()


def backup_to(conn: Any, data_key: bytes, target: Path) -> BackupInfo:
    """Back up the open, keyed ``conn`` to the file ``target`` and verify it."""
    if target.exists():
        raise BackupFailed("target exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # a fresh temporary file beside the target (0600, never a planted link), renamed over it
        # when complete; removed with its journal on any failure
        with fsutil.atomic_path(target, exists_ok=False) as tmp:
            dst = connection.open_raw(tmp)
            try:
                # the same page HMAC as the source: the backup API copies pages of one layout
                connection.apply_key(dst, data_key, connection.hmac_algorithm(conn))
                # Read a consistent snapshot: counts and copy inside one read transaction.
                conn.execute("BEGIN")
                try:
                    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                    counts = row_counts(conn)
                    conn.backup(dst)
                finally:
                    conn.execute("COMMIT")
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
    except BaseException as exc:
        if isinstance(exc, VaultError):
            raise
        if isinstance(exc, Exception):
            known = classify(exc)
            raise (known if known is not None else BackupFailed(type(exc).__name__)) from None
        raise
    try:
        return verify_backup(target, data_key, version, counts)
    except BackupFailed:
        target.unlink(missing_ok=True)
        log.warning("backup failed verification and was removed")
        raise


def rekey_copy(path: Path, old_key: bytes, new_key: bytes) -> bool:
    """Re-encrypt the copy at ``path`` from ``old_key`` to ``new_key`` in place (one transaction in
    rollback-journal mode: killed halfway, it still opens with the old key). ``False`` when it does
    not open with ``old_key`` (already rekeyed, or another vault's) or the rekey failed."""
    try:
        conn = connection.connect(path, old_key)
    except VaultError:
        return False
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        connection.rekey(conn, new_key)
        return True
    except connection.DatabaseError:
        log.warning("a backup could not be rekeyed")
        return False
    finally:
        conn.close()


def adopt(path: Path, source_key: bytes, key: bytes, vault_id: str) -> None:
    """Make another vault's copy this vault's: re-encrypt it with ``key`` and give it ``vault_id``
    (the key slots are bound to the vault id)."""
    conn = connection.connect(path, source_key)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        with Transaction(conn):
            conn.execute("UPDATE meta SET value = ? WHERE key = 'vault_id'", (vault_id,))
        connection.rekey(conn, key)
    finally:
        conn.close()


def fold_wal(db: Path, key: bytes) -> None:
    """Fold a database's ``-wal`` into it when it passes the checks; leave a damaged one alone."""
    try:
        integrity.check_on_open(db, key, thorough=True)
    except VaultError:
        return
    try:
        conn = connection.connect(db, key)
    except VaultError:
        return
    try:
        connection.checkpoint(conn)
    except connection.DatabaseError:
        pass
    finally:
        conn.close()


# ------------------------------------------------------------ restore candidates
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
        verify_backup(path, key)
    except BackupFailed:
        raise DamagedBackup() from None
    return Candidate(path, version, app_id, families, erasures)
