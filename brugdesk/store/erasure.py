"""Deleting every row about some families: the one deletion behind the retention purge, erasure on
request and the re-application of the erasure ledger (:mod:`brugdesk.store.ledger`) after a restore.

:func:`purge_rows` deletes members, contacts (with themes), follow-ups, referrals (with status
history and themes), the family's signals (with their history) and appointments, school and theme
links and the family itself (the tables are listed in :mod:`brugdesk.store.family_rows`), redacts their ids in the audit
log (the hash chain stays verifiable), writes a ``deletion_record`` holding only the date, how many
families and why, and the matching audit entry. :func:`scrub` then rewrites the database so no
freed page keeps a trace. :func:`reapply` erases again what the ledger names. :func:`purge_signals`
deletes signals closed without a family once their retention term has passed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from brugdesk.store import audit, connection, family_rows, ledger
from brugdesk.store.audit import Action
from brugdesk.store.repo.report_signals import forget_signals
from brugdesk.store.repo.reports import forget_families
from brugdesk.store.transaction import Transaction

REASON_RETENTION = "retention"
REASON_ERASURE = "erasure"
REASON_REAPPLIED = "reapplied"


def reapply(conn: Any, book: ledger.Ledger, *, today: dt.date | None = None) -> int:
    """Erase again every family in ``conn``'s database that the ledger names; how many.

    The same deletion as an erasure (:func:`purge_rows`: members, contacts, referrals, follow-ups,
    links, the ids in the audit log), a deletion record with reason ``reapplied`` and an audit entry
    ``reapply_erasure``, then ``VACUUM``. Writes nothing when no erased family is there.
    """
    if not ledger.present(conn, book):
        return 0
    today = today or dt.date.today()
    with foreign_keys_off(conn), Transaction(conn):
        ids = ledger.present(conn, book)  # again, under the write lock
        removed = purge_rows(conn, ids, today, REASON_REAPPLIED) if ids else 0
        ledger.mark_kept(conn)
    if removed:
        scrub(conn)
    return removed


@contextlib.contextmanager
def foreign_keys_off(conn: Any) -> Iterator[None]:
    """Foreign-key actions off for a purge (outside its transaction: SQLite ignores the pragma inside one).

    :func:`purge_rows` deletes every dependent row itself, so the per-row actions are not needed
    (they made a purge of a few hundred families take seconds: ``followup.contact_id`` has no
    index), and
    ``PRAGMA foreign_key_check`` proves nothing dangles before the commit.
    """
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def purge_rows(conn: Any, family_ids: list[int], today: dt.date, reason: str) -> int:
    """Delete the families' rows (a savepoint inside the caller's transaction); how many families."""
    with Transaction(conn):
        rows = family_rows.rows_of(conn, family_ids)
        removed = len(rows["family"])
        if removed == 0:
            return 0
        fam = rows["family"]
        for table, column, owner in family_rows.owned(conn):
            _delete_where_in(conn, table, column, rows[owner])
        _delete_where_in(conn, "family", "id", fam)
        forget_families(conn, fam)  # the report's export history keeps counting them, anonymously
        forget_signals(conn, rows.get("signal", []))  # and the family's signals likewise
        for entity, ids in rows.items():
            audit.redact(conn, entity, ids)
        cur = conn.execute("INSERT INTO deletion_record (date, families, reason) VALUES (?, ?, ?)",
                           (today.isoformat(), removed, reason))
        action = {REASON_ERASURE: Action.ERASE, REASON_REAPPLIED: Action.REAPPLY}.get(reason, Action.PURGE)
        audit.append(conn, action, "deletion_record", int(cur.lastrowid))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise RuntimeError("a purge would leave rows pointing at deleted ones")  # rolled back
    return removed


def purge_signals(conn: Any, signal_ids: list[int]) -> int:
    """Delete signals closed without a family whose retention term has passed (a savepoint inside
    the caller's transaction, or a transaction of its own): their status history, the signals, their
    ids in the audit log (redacted, the chain stays verifiable), and one audit entry ``purge`` for
    the entity ``signal`` without an id. How many were deleted; :func:`scrub` afterwards."""
    with Transaction(conn):
        ids = [int(r[0]) for r in conn.execute(
            f"SELECT id FROM signal WHERE id IN ({','.join('?' * len(signal_ids))})", signal_ids)] if signal_ids else []
        if not ids:
            return 0
        _delete_where_in(conn, "signal_status", "signal_id", ids)
        _delete_where_in(conn, "signal", "id", ids)
        forget_signals(conn, ids)  # the report's export history keeps counting them, anonymously
        audit.redact(conn, "signal", ids)
        audit.append(conn, Action.PURGE, "signal", None)
    return len(ids)


def _delete_where_in(conn: Any, table: str, column: str, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)


@dataclass(frozen=True)
class DeletionRecord:
    """What a purge or erasure left behind: the date, how many families, and why (no ids, no names)."""

    date: dt.date
    families: int
    reason: str


def deletion_records(conn: Any) -> list[DeletionRecord]:
    """Every deletion record, newest first."""
    return [DeletionRecord(dt.date.fromisoformat(r[0]), int(r[1]), str(r[2])) for r in conn.execute(
        "SELECT date, families, reason FROM deletion_record ORDER BY id DESC")]


def scrub(conn: Any) -> None:
    """Rewrite the database so deleted content survives in no page, free list or log."""
    connection.checkpoint(conn)
    conn.execute("VACUUM")
    connection.checkpoint(conn)
