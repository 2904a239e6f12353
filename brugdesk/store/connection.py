"""Opening the SQLCipher database with a raw 32-byte key."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlcipher

from brugdesk.errors import CipherUnavailable, VaultDamaged, classify

#: the database file in a vault folder
DB_FILE = "brugdesk.db"


def db_path(directory: Path) -> Path:
    return Path(directory) / DB_FILE

log = logging.getLogger(__name__)

DatabaseError = sqlcipher.DatabaseError
Connection = sqlcipher.Connection
MIN_CIPHER_MAJOR = 4


def cipher_version(conn: Any) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row and row[0] else ""


def check_cipher(conn: Any) -> str:
    version = cipher_version(conn)
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = 0
    if major < MIN_CIPHER_MAJOR:
        raise CipherUnavailable(version or "no SQLCipher")
    return version


#: The HMAC that authenticates every page, newest first. New databases use HMAC-SHA256: on CPUs
#: with SHA extensions it costs less than half of SQLCipher 4's default HMAC-SHA512, and every
#: page read from disk or written is authenticated — a family opened for the first time, every
#: backup and its verification (docs/benchmarks.md).
#: Vaults made before (and their backups) keep HMAC-SHA512. SQLCipher does not record the choice
#: in the file, so opening tries each in turn: with the wrong one the first page fails its HMAC,
#: exactly as with a wrong key ("file is not a database"), before anything is read or written.
HMAC_ALGORITHMS = ("HMAC_SHA256", "HMAC_SHA512")
NEW_HMAC = HMAC_ALGORITHMS[0]


def key_pragma(data_key: bytes, verb: str = "key") -> str:
    if len(data_key) != 32:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA {verb} = \"x'{data_key.hex()}'\""


def apply_key(conn: Any, data_key: bytes, hmac: str = NEW_HMAC) -> None:
    """Key a fresh connection (nothing read yet) with ``data_key`` and the page HMAC ``hmac``."""
    if hmac not in HMAC_ALGORITHMS:
        raise ValueError("unknown HMAC algorithm")
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_pragma(data_key))
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")


def rekey(conn: Any, new_key: bytes) -> None:
    """Re-encrypt every page with ``new_key`` (``PRAGMA rekey``; the page HMAC stays as it is)."""
    conn.execute(key_pragma(new_key, "rekey"))


def hmac_algorithm(conn: Any) -> str:
    """The page HMAC of a keyed connection (a backup's target must use the same one)."""
    return str(conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0])


def open_keyed(uri: str, data_key: bytes, *, new: bool = False) -> Any:
    """A connection to the database at the file ``uri``, keyed with ``data_key`` and the page HMAC
    the file uses (:data:`NEW_HMAC` for a new file), its schema read once: SQLCipher only notices a
    wrong key (or HMAC) on the first read. Raises ``sqlcipher.DatabaseError`` ("file is not a
    database") when no HMAC opens it: a wrong key or a damaged first page."""
    failure: BaseException | None = None
    for hmac in (NEW_HMAC,) if new else HMAC_ALGORITHMS:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5.0)
        try:
            check_cipher(conn)
            apply_key(conn, data_key, hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlcipher.DatabaseError as exc:
            conn.close()
            if "file is not a database" not in str(exc).lower():
                raise
            failure = exc
        except BaseException:
            conn.close()
            raise
    assert failure is not None
    raise failure


def connect(path: Path, data_key: bytes, *, create: bool = False, readonly: bool = False) -> Any:
    """Open (or create) the encrypted database at ``path`` with the raw ``data_key``.

    The key is applied before anything else (:func:`open_keyed`). Raises a :class:`VaultError`.
    """
    if not create and not path.exists():
        from brugdesk.errors import VaultNotFound

        raise VaultNotFound()
    new = create and (not path.exists() or path.stat().st_size == 0)
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else ('rwc' if create else 'rw')}"
    try:
        conn = open_keyed(uri, data_key, new=new)
    except sqlcipher.Error as exc:
        raise classify(exc) or VaultDamaged(type(exc).__name__) from None
    try:
        configure(conn, readonly=readonly)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlcipher.Error):
            raise classify(exc) or VaultDamaged(type(exc).__name__) from None
        raise
    return conn


def open_raw(path: Path) -> Any:
    """A bare SQLCipher connection (no key yet), e.g. the target of a backup."""
    return sqlcipher.connect(str(path), isolation_level=None)


def configure(conn: Any, *, readonly: bool = False) -> None:
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            log.warning("journal mode is %s, not WAL", mode[0])
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32000")  # 32 MiB page cache


def integrity_errors(conn: Any) -> list[str]:
    """Run ``cipher_integrity_check`` and ``integrity_check``; return the problems found (no data)."""
    problems: list[str] = []
    for row in conn.execute("PRAGMA cipher_integrity_check").fetchall():
        problems.append(f"cipher: {row[0]}")
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        problems.extend(f"sqlite: {r[0]}" for r in rows[:5])
    return problems


__all__ = ["connect", "open_keyed", "apply_key", "rekey", "hmac_algorithm", "configure", "integrity_errors",
           "check_cipher", "cipher_version", "sqlcipher3"]


def checkpoint(conn: Any) -> None:
    """Copy the ``-wal`` into the database file and empty it (``wal_checkpoint(TRUNCATE)``)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
