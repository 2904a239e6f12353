"""The hash-chained audit log (no free text, no names).

Each entry holds time, action, entity type and id. Its hash covers the previous entry's
hash, the time, the action, the entity type and a *subject digest* of ``entity:id``. The
plain ``entity_id`` column sits beside the digest so that a purge can redact it (set it to
NULL) without breaking the chain, while any edit of an id is still detected. The head of
the chain (last id and hash) is kept in ``meta`` in the same transaction, so deleting the
newest entries is detected too.

What the chain inside the database cannot do: stop someone who holds the data key from rewriting
it (delete entries, compute the hashes again, update the head). So the head is also *anchored
outside*: its short form (:func:`short_code`, the number of entries and the
first 16 hex digits of the newest hash) is printed on every exported report and inspection PDF,
and the last anchors are kept in the key file (:class:`brugdesk.keys.slots.Anchor`);
:func:`anchor_holds` checks that the chain still holds an anchored entry, unchanged, at its place.
A rewrite is then detected when it touches an entry at or before an anchor that is checked; it
is not detected when it only touches entries after the newest anchor, or when the key file's
anchors were rewritten too and no printed code is compared (``brugdesk check --anchor CODE``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64
#: hex digits of an entry's hash in the printed code (64 bits: no rewrite finds a match by trying)
SHORT_HASH = 16


class Action(StrEnum):
    CREATE_VAULT = "create_vault"
    UNLOCK = "unlock"
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    CLOSE = "close"
    REOPEN = "reopen"
    EXPORT = "export"
    REPORT = "report"
    BACKUP = "backup"
    RESTORE = "restore"
    PURGE = "purge"
    ERASE = "erase"
    PASSPHRASE_CHANGE = "passphrase_change"  # noqa: S105 - an action name, not a secret
    KEY_ROTATION = "key_rotation"
    MIGRATE = "migrate"
    REAPPLY = "reapply_erasure"  # erased families removed again after a restore (brugdesk/store/ledger.py)
    IMPORT = "import"  # an import from a spreadsheet (entity import_batch: its counts, no names)
    UNDO_IMPORT = "undo_import"  # the latest import undone as a whole
    OVERVIEW = "overview"  # a family overview PDF made (privacy/overview.py)
    HANDOVER = "handover"  # a warm handover PDF made for a referral's partner


@dataclass(frozen=True)
class AuditEntry:
    id: int
    ts: str
    action: str
    entity: str
    entity_id: int | None
    subject: str
    prev_hash: str
    hash: str


def subject_digest(entity: str, entity_id: int | None) -> str:
    return hashlib.sha256(f"{entity}:{'' if entity_id is None else entity_id}".encode()).hexdigest()


def entry_hash(prev_hash: str, ts: str, action: str, entity: str, subject: str) -> str:
    return hashlib.sha256("\x1f".join((prev_hash, ts, action, entity, subject)).encode()).hexdigest()


def head(conn: Any) -> tuple[int, str]:
    """The newest entry's id (= the number of entries) and hash, as recorded in ``meta``."""
    return _head(conn)


def short_code(entries: int, digest: str) -> str:
    """The printed form of an anchor: ``<entries>:<first 16 hex digits of the hash>``."""
    return f"{entries}:{digest[:SHORT_HASH]}"


def parse_code(code: str) -> tuple[int, str]:
    """``"1234:a1b2c3d4e5f6a7b8"`` -> ``(1234, "a1b2c3d4e5f6a7b8")``; raises ``ValueError``."""
    entries, _sep, digest = code.strip().partition(":")
    digest = digest.strip().lower()
    if not entries.strip().isdigit() or len(digest) < SHORT_HASH or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(code)
    return int(entries), digest


def anchor_holds(conn: Any, entries: int, digest: str) -> bool:
    """Whether entry number ``entries`` is in the chain with a hash starting with ``digest``
    (a full hash or its first :data:`SHORT_HASH` digits). Run :func:`verify_chain` as well: only an
    intact chain makes the entry's place and hash mean something."""
    if len(digest) < SHORT_HASH:
        return False
    row = conn.execute("SELECT hash FROM audit WHERE id = ?", (int(entries),)).fetchone()
    return row is not None and str(row[0]).startswith(digest.lower())


def _head(conn: Any) -> tuple[int, str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if row is None:
        return 0, GENESIS
    last_id, last_hash = str(row[0]).split(":", 1)
    return int(last_id), last_hash


def append(conn: Any, action: Action | str, entity: str = "", entity_id: int | None = None) -> int:
    """Append one entry; call inside the transaction of the change it records."""
    last_id, prev = _head(conn)
    ts = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    subject = subject_digest(entity, entity_id)
    digest = entry_hash(prev, ts, str(action), entity, subject)
    cur = conn.execute(
        "INSERT INTO audit (ts, action, entity, entity_id, subject, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
        (ts, str(action), entity, entity_id, subject, prev, digest),
    )
    new_id = int(cur.lastrowid)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (f"{new_id}:{digest}",),
    )
    return new_id


def redact(conn: Any, entity: str, entity_ids: list[int]) -> None:
    """Drop the plain ids of purged entities from the log; the chain stays verifiable."""
    conn.executemany(
        "UPDATE audit SET entity_id = NULL WHERE entity = ? AND entity_id = ?", [(entity, i) for i in entity_ids]
    )


def entries(conn: Any, *, entity: str | None = None, entity_id: int | None = None, limit: int = 1000,
            offset: int = 0) -> list[AuditEntry]:
    sql = "SELECT id, ts, action, entity, entity_id, subject, prev_hash, hash FROM audit"
    args: list[Any] = []
    if entity is not None:
        sql += " WHERE entity = ? AND subject = ?"
        args += [entity, subject_digest(entity, entity_id)]
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    args += [limit, offset]
    return [AuditEntry(*row) for row in conn.execute(sql, args)]


def entry_hashes(conn: Any) -> set[tuple[int, str]]:
    """(id, hash) of every entry: what an anchor of this log may name."""
    return {(int(a_id), str(a_hash)) for a_id, a_hash in conn.execute("SELECT id, hash FROM audit")}


def verify_chain(conn: Any) -> int | None:
    """Return ``None`` when the chain is intact, else the id of the first broken entry.

    A missing tail (entries deleted at the end) is reported as the id after the last one.
    """
    prev = GENESIS
    expected_id: int | None = None
    last_id = 0
    rows = conn.execute("SELECT id, ts, action, entity, entity_id, subject, prev_hash, hash FROM audit ORDER BY id")
    for row in rows:
        e = AuditEntry(*row)
        if expected_id is not None and e.id != expected_id:
            return expected_id  # an entry was deleted in the middle
        if e.prev_hash != prev or entry_hash(prev, e.ts, e.action, e.entity, e.subject) != e.hash:
            return e.id
        if e.entity_id is not None and subject_digest(e.entity, e.entity_id) != e.subject:
            return e.id
        prev, last_id, expected_id = e.hash, e.id, e.id + 1
    head_id, head_hash = _head(conn)
    if (head_id, head_hash) != (last_id, prev):
        return last_id + 1
    return None
