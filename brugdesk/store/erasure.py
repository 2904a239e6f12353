"""Deleting every row about some families: the one deletion behind the retention purge, erasure on
request and the re-application of the erasure ledger (:mod:`brugdesk.store.ledger`) after a restore.

:func:`purge_rows` deletes members, contacts (with themes), follow-ups, referrals (with status
history and themes), school and theme links and the family itself, redacts their ids in the audit
log (the hash chain stays verifiable), writes a ``deletion_record`` holding only the date, how many
families and why, and the matching audit entry. :func:`scrub` then rewrites the database so no
freed page keeps a trace. :func:`reapply` erases again what the ledger names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from brugdesk.store import audit, ledger
from brugdesk.store.audit import Action
from brugdesk.store.repo.reports import forget_families
from brugdesk.store.transaction import Transaction

REASON_RETENTION = "retention"
REASON_ERASURE = "erasure"
REASON_REAPPLIED = "reapplied"


def _ids(conn: Any, sql: str, family_ids: list[int]) -> list[int]:
    marks = ",".join("?" * len(family_ids))
    return [int(r[0]) for r in conn.execute(sql.format(marks=marks), family_ids)]


def rows_of(conn: Any, family_ids: list[int]) -> dict[str, list[int]]:
    return {
        "family": _ids(conn, "SELECT id FROM family WHERE id IN ({marks})", family_ids),
        "member": _ids(conn, "SELECT id FROM member WHERE family_id IN ({marks})", family_ids),
        "contact": _ids(conn, "SELECT id FROM contact WHERE family_id IN ({marks})", family_ids),
        "referral": _ids(conn, "SELECT id FROM referral WHERE family_id IN ({marks})", family_ids),
        "followup": _ids(conn, "SELECT id FROM followup WHERE family_id IN ({marks})", family_ids),
    }


def reapply(conn: Any, book: ledger.Ledger, *, today: dt.date | None = None) -> int:
    """Erase again every family in ``conn``'s database that the ledger names; how many.

    The same deletion as an erasure (:func:`purge_rows`: members, contacts, referrals, follow-ups,
    links, the ids in the audit log), a deletion record with reason ``reapplied`` and an audit entry
    ``reapply_erasure``, then ``VACUUM``. Writes nothing when no erased family is there.
    """
    if not ledger.present(conn, book):
        return 0
    today = today or dt.date.today()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with Transaction(conn):
            ids = ledger.present(conn, book)  # again, under the write lock
            removed = purge_rows(conn, ids, today, REASON_REAPPLIED) if ids else 0
            ledger.mark_kept(conn)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    if removed:
        scrub(conn)
    return removed


def purge_rows(conn: Any, family_ids: list[int], today: dt.date, reason: str) -> int:
    """Delete the families' rows (a savepoint inside the caller's transaction); how many families."""
    with Transaction(conn):
        rows = rows_of(conn, family_ids)
        removed = len(rows["family"])
        if removed == 0:
            return 0
        fam = rows["family"]
        marks = ",".join("?" * len(fam))
        contact_ids, referral_ids = rows["contact"], rows["referral"]
        for table, key, ids in (
            ("contact_theme", "contact_id", contact_ids),
            ("referral_theme", "referral_id", referral_ids),
            ("referral_status", "referral_id", referral_ids),
        ):
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(f"DELETE FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})", chunk)
        for table in ("followup", "referral", "contact", "member", "family_theme", "family_school"):
            conn.execute(f"DELETE FROM {table} WHERE family_id IN ({marks})", fam)
        conn.execute(f"DELETE FROM family WHERE id IN ({marks})", fam)
        forget_families(conn, fam)  # the report's export history keeps counting them, anonymously
        for entity, ids in rows.items():
            audit.redact(conn, entity, ids)
        cur = conn.execute("INSERT INTO deletion_record (date, families, reason) VALUES (?, ?, ?)",
                           (today.isoformat(), removed, reason))
        action = {REASON_ERASURE: Action.ERASE, REASON_REAPPLIED: Action.REAPPLY}.get(reason, Action.PURGE)
        audit.append(conn, action, "deletion_record", int(cur.lastrowid))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise RuntimeError("a purge would leave rows pointing at deleted ones")  # rolled back
    return removed


def scrub(conn: Any) -> None:
    """Rewrite the database so deleted content survives in no page, free list or log."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
