"""What every repository shares: the open store it works on, transactions, audit entries, the
code tables (themes, schools per row) and the conversions between stored text and Python values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from brugdesk.store import audit
from brugdesk.store.audit import Action
from brugdesk.store.changes import Change, What
from brugdesk.store.transaction import Transaction

if TYPE_CHECKING:
    from brugdesk.store.repo import Repositories


class Store(Protocol):
    """What the repositories use of an open vault: its connection (and its repositories).

    A :class:`~brugdesk.store.vault.Vault`, or a :class:`~brugdesk.store.reader.Reader` (a
    read-only connection of its own, for a worker thread; writing through it fails). A store with a
    ``changes`` attribute (a :class:`~brugdesk.store.changes.ChangeFeed`, as the vault has) hears of
    every change the repositories commit.
    """

    conn: Any
    repo: Repositories


# ---------------------------------------------------------------------- values
def d2s(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def s2d(text: str | None) -> dt.date | None:
    return None if not text else dt.date.fromisoformat(text)


date_ = dt.date.fromisoformat


def t2s(time: dt.time | None) -> str:
    """A time of day as stored: ``HH:MM``, or ``''`` for none."""
    return "" if time is None else f"{time.hour:02d}:{time.minute:02d}"


def s2t(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def timestamp() -> str:
    """The current UTC time to the second, as stored in ``created_at``/``updated_at``."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


#: separates the codes that :func:`codes_sql` packs into one column (never part of a code)
SEP = "\x1f"


def codes_sql(table: str, key: str, column: str, owner: str) -> str:
    """A scalar subquery: the codes of ``owner`` (an SQL expression) in ``table``, packed in one text
    (None when there are none), so a row and its codes come from one query; :func:`split` unpacks
    and sorts them (sorting a handful of codes in Python is cheaper than SQLite's temporary b-tree
    for ``group_concat(… ORDER BY …)``)."""
    return f"(SELECT group_concat({column}, char(31)) FROM {table} WHERE {key} = {owner})"


def split(packed: str | None) -> list[str]:
    return sorted(packed.split(SEP)) if packed else []


# ------------------------------------------------------------------ repository
class Repo:
    """One entity's repository: its SQL, in transactions, with one audit entry per change.

    ``entity`` names the entity in the audit log (action, entity, id: never free text or names);
    it is also the table of :meth:`_delete`. ``what`` is the kind of change a deletion announces
    (:mod:`brugdesk.store.changes`); ``per_family`` says that the table's rows belong to a family.
    """

    entity: ClassVar[str] = ""
    what: ClassVar[What | None] = None
    per_family: ClassVar[bool] = False

    def __init__(self, vault: Store) -> None:
        self.vault = vault

    @property
    def conn(self) -> Any:
        return self.vault.conn

    def tx(self) -> Transaction:
        return Transaction(self.conn)

    def _audit(self, action: Action, entity_id: int | None, entity: str | None = None) -> None:
        audit.append(self.conn, action, entity or self.entity, entity_id)

    def _changed(self, what: What, family_id: int | None = None) -> None:
        """Announce a change through the vault's change feed (after the transaction commits)."""
        feed = getattr(self.vault, "changes", None)  # a read-only store has none
        if feed is not None:
            feed.emit(Change.of(what, family_id))

    def _family_of(self, entity_id: int | None) -> int | None:
        """The family a row of this entity (a contact, follow-up or referral) belongs to."""
        row = self.conn.execute(f"SELECT family_id FROM {self.entity} WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else int(row[0])

    def _delete(self, entity_id: int) -> None:
        """Delete one row of this entity's table (its dependent rows go by the foreign keys)."""
        with self.tx():
            family_id = self._family_of(entity_id) if self.per_family else None
            self.conn.execute(f"DELETE FROM {self.entity} WHERE id = ?", (entity_id,))
            self._audit(Action.DELETE, entity_id)
            if self.what is not None:
                self._changed(self.what, family_id)

    def _set_codes(self, table: str, key: str, owner_id: int, column: str, codes: Iterable[str]) -> None:
        self.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (owner_id,))
        self.conn.executemany(
            f"INSERT OR IGNORE INTO {table} ({key}, {column}) VALUES (?, ?)", [(owner_id, c) for c in codes]
        )

    def _codes(self, table: str, key: str, owner_id: int, column: str) -> list[str]:
        return [r[0] for r in self.conn.execute(f"SELECT {column} FROM {table} WHERE {key} = ? ORDER BY {column}",
                                                 (owner_id,))]
