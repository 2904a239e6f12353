"""Integrity checks that never change the file they look at.

:func:`check_on_open` runs before the vault is opened for writing. It opens the database
read-only — with ``immutable=1`` when there is no write-ahead log, so SQLite creates no
``-wal``/``-shm`` files and takes no locks — and runs ``PRAGMA cipher_integrity_check``: the
HMAC of every page, which catches what damages a file on disk (flipped bits, torn or zeroed
pages, truncation). ``thorough=True`` adds ``PRAGMA quick_check`` (b-tree structure).

Why not both on every unlock: quick_check costs about twice the HMAC pass, and on a large vault
the two together would put the unlock past its target (the figures are in docs/benchmarks.md).
A page with a valid HMAC but a broken structure can only come from a bug that wrote it with the
key, not from the disk; quick_check still runs where structure matters: on a restore candidate,
in ``brugdesk check`` (the full ``integrity_check``) and on every backup, which is made daily and
on close.

A damaged vault raises :class:`VaultDamaged` (exit 4); the file and its directory listing
stay byte-identical.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from brugdesk.errors import VaultDamaged
from brugdesk.store import connection

log = logging.getLogger(__name__)


def has_wal(db: Path) -> bool:
    wal = db.with_name(db.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def has_journal(db: Path) -> bool:
    """A (possibly hot) rollback journal: only after a kill during a rekey (the vault runs in WAL mode)."""
    journal = db.with_name(db.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except FileNotFoundError:
        return False


def open_for_check(db: Path, data_key: bytes) -> Any:
    """A read-only keyed connection that writes nothing beside ``db``.

    Without a (non-empty) ``-wal`` the file is opened ``immutable``; with one, SQLite must
    read the log, so the file is opened ``mode=ro`` (which may create the ``-shm`` index —
    the log itself was already there). Raises ``sqlcipher.DatabaseError`` for a wrong key
    or a damaged first page.
    """
    query = "mode=ro" if has_wal(db) or has_journal(db) else "mode=ro&immutable=1"
    return connection.open_keyed(f"{db.resolve().as_uri()}?{query}", data_key)


def cipher_problems(conn: Any) -> list[str]:
    """``cipher_integrity_check``: every page's HMAC; the problems found (never data)."""
    return [f"cipher: {row[0]}" for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


def quick_problems(conn: Any) -> list[str]:
    """``quick_check`` + ``cipher_integrity_check``; the problems found (never data)."""
    problems = cipher_problems(conn)
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        problems.extend(f"sqlite: {r}" for r in rows[:5])
    return problems


def check_on_open(db: Path, data_key: bytes, *, thorough: bool = False) -> None:
    """Raise :class:`VaultDamaged` when ``db`` is empty, unreadable with the key, or fails the checks.

    The caller must already know that ``data_key`` is this vault's key (key check value);
    then a "file is not a database" means a damaged file, not a wrong key.
    """
    try:
        size = db.stat().st_size
    except FileNotFoundError:
        from brugdesk.errors import VaultNotFound

        raise VaultNotFound(str(db.parent)) from None
    if size == 0:
        raise VaultDamaged("0 bytes")
    try:
        conn = open_for_check(db, data_key)
    except connection.DatabaseError:
        raise VaultDamaged("unreadable") from None
    try:
        tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        if tables == 0:
            raise VaultDamaged("no tables")
        problems = quick_problems(conn) if thorough else cipher_problems(conn)
    except connection.DatabaseError:
        raise VaultDamaged("malformed") from None
    finally:
        conn.close()
    if problems:
        log.info("integrity check on open found %d problem(s)", len(problems))
        raise VaultDamaged(f"{len(problems)} problem(s)")
