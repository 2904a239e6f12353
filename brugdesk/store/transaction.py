"""``with Transaction(conn):`` — the one way brugdesk groups writes to the vault's database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from brugdesk.core.validation import ValidationError
from brugdesk.errors import classify


class Transaction:
    """``with Transaction(conn):`` — BEGIN IMMEDIATE … COMMIT, or a SAVEPOINT when nested.

    Database errors that are known conditions (disk full, read-only, locked) are raised as
    :class:`~brugdesk.errors.VaultError` after the rollback. :meth:`after_commit` runs code once
    the outermost transaction has committed (how changes are announced, :mod:`brugdesk.store.changes`).
    """

    _depth: dict[int, int] = {}
    #: per connection: (run after COMMIT, run after ROLLBACK) of the open outermost transaction
    _after: dict[int, list[tuple[Callable[[], None], Callable[[], None] | None]]] = {}

    @classmethod
    def after_commit(cls, conn: Any, fn: Callable[[], None], on_rollback: Callable[[], None] | None = None) -> None:
        """Run ``fn`` after the outermost transaction open on ``conn`` commits (``on_rollback``
        instead when it rolls back); at once when none is open. A savepoint rolled back inside a
        transaction that commits does not cancel ``fn``."""
        if cls._depth.get(id(conn), 0) == 0:
            fn()
            return
        cls._after.setdefault(id(conn), []).append((fn, on_rollback))

    @classmethod
    def _finish(cls, conn: Any, committed: bool) -> None:
        for fn, on_rollback in cls._after.pop(id(conn), []):
            if committed:
                fn()
            elif on_rollback is not None:
                on_rollback()

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        depth = self._depth.get(id(self.conn), 0)
        if depth == 0:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except Exception as exc:
                known = classify(exc)
                if known is not None:
                    raise known from None
                raise
        else:
            self.conn.execute(f"SAVEPOINT sp{depth}")
        self._depth[id(self.conn)] = depth + 1
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        depth = self._depth[id(self.conn)] - 1
        self._depth[id(self.conn)] = depth
        if depth == 0:
            self._depth.pop(id(self.conn), None)
        if exc_type is None:
            try:
                self.conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
            except Exception as commit_exc:
                if depth == 0:
                    try:
                        if self.conn.in_transaction:
                            self.conn.execute("ROLLBACK")
                    finally:
                        self._finish(self.conn, committed=False)
                known = classify(commit_exc)
                if known is not None:
                    raise known from None
                raise
            if depth == 0:
                self._finish(self.conn, committed=True)
            return
        if depth == 0:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            finally:
                self._finish(self.conn, committed=False)
        else:
            self.conn.execute(f"ROLLBACK TO sp{depth}")
            self.conn.execute(f"RELEASE sp{depth}")
        if exc is not None and not isinstance(exc, ValidationError):
            known = classify(exc)
            if known is not None and known is not exc:
                raise known from None
