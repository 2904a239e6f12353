"""A read-only connection of its own to a vault's database, for slow reads on a worker thread.

The vault's connection (:attr:`brugdesk.store.vault.Vault.conn`) belongs to the thread that
unlocked it — the GUI thread in the app — and is never used from another thread. Slow
read-only work elsewhere (the report's aggregation) opens a :class:`Reader` instead: its own
connection, opened read-only (``mode=ro``) with the data key through
:func:`brugdesk.store.connection.connect`, with the repositories over it (``reader.repo``;
anything that writes through them fails, the connection is read-only). WAL lets it read a
consistent snapshot while the vault's connection goes on writing.

The reader keeps no reference to the key: SQLCipher holds it inside the connection until
:meth:`Reader.close`. The thread that opened a reader closes it (``with Reader(...)``). Open one
only while the vault itself is open in this process, and see that it is closed before the vault
closes (the Rapportages page stops and waits for its job when the vault locks).

A ``stop`` event (:class:`threading.Event`, set from any thread) ends a running statement:
SQLite calls a progress handler every :data:`STOP_CHECK_STEPS` virtual-machine steps (well
under a millisecond), and once the event is set the statement fails with
``OperationalError("interrupted")`` — :meth:`Reader.stopped` tells that apart from a real
error. Nothing but the event crosses threads; the connection stays on the reader's thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from brugdesk.store import connection
from brugdesk.store.connection import db_path
from brugdesk.store.repo import Repositories

__all__ = ["STOP_CHECK_STEPS", "Reader", "ReaderJob", "Stopped"]

#: virtual-machine steps between two looks at the ``stop`` event (no measurable cost)
STOP_CHECK_STEPS = 50_000


class Reader:
    """Open the vault database in ``directory`` read-only with ``data_key``; raises a
    :class:`~brugdesk.errors.VaultError` when it does not open (wrong key, damaged …)."""

    def __init__(self, directory: Path, data_key: bytes, *, stop: threading.Event | None = None) -> None:
        self.directory = Path(directory)
        self._stop = stop
        self.conn: Any = connection.connect(db_path(self.directory), data_key, readonly=True)
        if stop is not None:
            self.conn.set_progress_handler(stop.is_set, STOP_CHECK_STEPS)
        self.repo = Repositories(self)

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    def stopped(self, exc: BaseException) -> bool:
        """Whether ``exc`` (raised by a statement) means the ``stop`` event ended it."""
        return (self._stop is not None and self._stop.is_set()
                and isinstance(exc, connection.DatabaseError) and "interrupt" in str(exc).lower())

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Stopped(Exception):
    """A :class:`ReaderJob` was stopped before it finished (nobody wants its result)."""


class ReaderJob:
    """What every job that reads the vault on a worker thread shares: it is prepared on the thread
    that owns the vault with the vault folder and the data key, holds that key only until it
    starts (its ``run`` takes it, and opens a :class:`Reader` with :attr:`_stop`), and can be
    asked to stop from any thread; ``run`` then raises :class:`Stopped`."""

    def __init__(self, vault_dir: Path, data_key: bytes) -> None:
        self.vault_dir = Path(vault_dir)
        self._data_key: bytes | None = data_key
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the job to end as soon as it can (safe from any thread, also when it is done)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    @property
    def holds_key(self) -> bool:
        """Whether the job still holds its reference to the data key (only until it starts)."""
        return self._data_key is not None
