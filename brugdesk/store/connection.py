"""Opening the SQLCipher database with a raw 32-byte key (DESIGN §3, "Connection")."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlcipher

from brugdesk.store.errors import CipherUnavailable, VaultDamaged, classify

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


def key_pragma(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("a data key is 32 bytes")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(path: Path, data_key: bytes, *, create: bool = False, readonly: bool = False) -> Any:
    """Open (or create) the encrypted database at ``path`` with the raw ``data_key``.

    The key is applied before anything else; ``sqlite_master`` is read at once because
    SQLCipher only notices a wrong key on the first read. Raises a :class:`VaultError`.
    """
    if not create and not path.exists():
        from brugdesk.store.errors import VaultNotFound

        raise VaultNotFound()
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else ('rwc' if create else 'rw')}"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5.0)
    except sqlcipher.Error as exc:
        raise classify(exc) or VaultDamaged(type(exc).__name__) from None
    try:
        check_cipher(conn)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(data_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
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


__all__ = ["connect", "configure", "integrity_errors", "check_cipher", "cipher_version", "sqlcipher3"]
