"""Imports from a spreadsheet (:mod:`brugdesk.importing` reads and checks the sheet; this writes it).

One import is one batch in one transaction: new families with their members (and the sheet's family
key, so a later import of contact moments finds them), members added to families that were there
already (a duplicate the officer chose to merge), or contact moments. The batch keeps which rows it
wrote (``import_item``), so the latest batch can be undone as a whole until the next import; the
audit log gets one entry for the batch (its counts live in ``import_batch``: no names).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

from brugdesk.core.model import Contact, Family, FamilyStatus, Member
from brugdesk.core.text import fold
from brugdesk.core.validation import ValidationError, validate_contact, validate_intake, validate_member
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _
from brugdesk.store import family_rows
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo, d2s, timestamp
from brugdesk.store.schema.rowids import FAMILY_ROW_BITS, family_row_range


@dataclass
class NewFamily:
    """A family to write: new (``merge_into`` None) with its members, or only members to add to the
    existing family ``merge_into``. ``key`` is the sheet's family key (folded), kept for later imports."""

    family: Family
    parents: list[Member] = field(default_factory=list)
    children: list[Member] = field(default_factory=list)
    key: str = ""
    merge_into: int | None = None


@dataclass(frozen=True)
class ExistingChild:
    """A child already in the vault, for finding duplicates (same surname, first name and year of birth)."""

    family_id: int
    ref: str
    display_name: str
    first_name: str
    last_name: str
    birth_year: int | None


@dataclass(frozen=True)
class Batch:
    """One import: when, what kind, what it wrote (counts only), whether it was undone."""

    id: int
    created_at: dt.datetime
    kind: str
    families: int
    members: int
    contacts: int
    merged: int
    skipped: int
    undone: bool

    @property
    def day(self) -> dt.date:
        return self.created_at.date()


class ImportUndoError(ValidationError):
    """The batch cannot be undone (it is not the latest import, or was undone already)."""


class Imports(Repo):
    entity = "import_batch"

    # ------------------------------------------------------------------ reading
    def existing_children(self) -> list[ExistingChild]:
        """Every child in the vault with its family (for the duplicate check of a preview)."""
        return [ExistingChild(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in self.conn.execute(
            "SELECT f.id, f.ref, f.display_name, m.first_name, m.last_name, m.birth_year FROM member m "
            "JOIN family f ON f.id = m.family_id WHERE m.role = 'child' ORDER BY f.id, m.id")]

    def family_keys(self) -> dict[str, tuple[int, str]]:
        """Folded family key → (family id, reference): the keys earlier imports recorded, and every
        family's reference (``G-2025-014``), so contact moments can name their family either way."""
        keys: dict[str, tuple[int, str]] = {}
        for r in self.conn.execute("SELECT id, ref FROM family"):
            keys[fold(r[1])] = (int(r[0]), str(r[1]))
        for r in self.conn.execute("SELECT k.key, f.id, f.ref FROM import_key k JOIN family f ON f.id = k.family_id"):
            keys.setdefault(str(r[0]), (int(r[1]), str(r[2])))
        return keys

    def _batch(self, r: Any) -> Batch:
        return Batch(int(r[0]), dt.datetime.fromisoformat(r[1]), str(r[2]), int(r[3]), int(r[4]), int(r[5]),
                     int(r[6]), int(r[7]), r[8] is not None)

    _BATCH_SQL = ("SELECT id, created_at, kind, families, members, contacts, merged, skipped, undone_at "
                  "FROM import_batch")

    def last(self) -> Batch | None:
        """The latest import (undone or not); None before the first."""
        row = self.conn.execute(self._BATCH_SQL + " ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else self._batch(row)

    def undoable(self) -> Batch | None:
        """The import that :meth:`undo_last` would undo: the latest, when not undone yet."""
        batch = self.last()
        return batch if batch is not None and not batch.undone else None

    # ------------------------------------------------------------------ writing
    def _new_batch(self, kind: str) -> int:
        # only the latest batch can be undone: the rows of earlier ones are no longer needed
        self.conn.execute("DELETE FROM import_item")
        cur = self.conn.execute(
            "INSERT INTO import_batch (created_at, kind, families, members, contacts, merged, skipped) "
            "VALUES (?, ?, 0, 0, 0, 0, 0)", (timestamp(), kind))
        return int(cur.lastrowid)

    def _finish_batch(self, batch_id: int, families: int, members: int, contacts: int, merged: int,
                      skipped: int) -> Batch:
        self.conn.execute("UPDATE import_batch SET families = ?, members = ?, contacts = ?, merged = ?, skipped = ? "
                          "WHERE id = ?", (families, members, contacts, merged, skipped, batch_id))
        self._audit(Action.IMPORT, batch_id)
        row = self.conn.execute(self._BATCH_SQL + " WHERE id = ?", (batch_id,)).fetchone()
        return self._batch(row)

    def _insert_member(self, member: Member, batch_id: int) -> None:
        cur = self.conn.execute(
            "INSERT INTO member (family_id, role, first_name, last_name, birth_year, school_id, group_name, notes, "
            "phone, email, address, authority) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (member.family_id, str(member.role), member.first_name.strip(), member.last_name.strip(),
             member.birth_year, member.school_id, member.group.strip(), member.notes, member.phone.strip(),
             member.email.strip(), member.address.strip(), str(member.authority)))
        member.id = int(cur.lastrowid)
        self.conn.execute("INSERT INTO import_item (batch_id, family_id, member_id) VALUES (?, ?, ?)",
                          (batch_id, member.family_id, member.id))

    def add_families(self, items: list[NewFamily], *, skipped: int = 0, today: dt.date | None = None) -> Batch:
        """Write an import of families in one transaction (all of it, or nothing when any item fails
        its checks: :class:`~brugdesk.core.validation.ValidationError`). New families get their
        reference, their members, their search text and their key; a merge adds only the members.

        The audit log gets one entry for the batch (not one per family: the batch row holds the counts
        and ``import_item`` which families it made)."""
        families_repo = self.vault.repo.families
        for item in items:
            if item.merge_into is None:
                validate_intake(item.family, item.parents, item.children, today)
            else:
                for member in [*item.parents, *item.children]:
                    validate_member(member, today)
        new = members = merged = 0
        with self.tx():
            batch_id = self._new_batch("families")
            fresh = [item for item in items if item.merge_into is None]
            for item in items:
                if item.merge_into is None:
                    continue
                people = [*item.parents, *item.children]
                if self.conn.execute("SELECT 1 FROM family WHERE id = ?", (item.merge_into,)).fetchone() is None:
                    raise NotFound()
                for member in people:
                    member.family_id = item.merge_into
                    self._insert_member(member, batch_id)
                families_repo.refresh_search(item.merge_into)
                merged += 1
                members += len(people)
            members += self._write_new_families(fresh, batch_id)
            new = len(fresh)
            batch = self._finish_batch(batch_id, new, members, 0, merged, skipped)
            self._changed(What.FAMILY)
            self._changed(What.MEMBER)
        return batch

    def _write_new_families(self, items: list[NewFamily], batch_id: int) -> int:
        """The new families of an import with their members, themes, schools and keys: one
        ``executemany`` per table (ids given here, as SQLite would: after the highest), each row with
        its record key drawn here (from the operating system's random source, as the trigger would
        draw it from SQLite's), so no row is written twice. Returns the number of members written."""
        if not items:
            return 0
        families_repo = self.vault.repo.families
        next_id = int(self.conn.execute("SELECT coalesce(max(id), 0) FROM family").fetchone()[0]) + 1
        next_ref: dict[int, int] = {}
        now = timestamp()
        fams: list[tuple[Any, ...]] = []
        member_rows: list[tuple[Any, ...]] = []
        themes: list[tuple[int, str]] = []
        schools: list[tuple[int, int]] = []
        keys: list[tuple[int, str]] = []
        rkeys = iter(os.urandom(len(items) + sum(len(i.parents) + len(i.children) for i in items)))
        for item in items:
            family = item.family
            people = [*item.parents, *item.children]
            year = family.start_date.year
            if year not in next_ref:
                next_ref[year] = int(families_repo._next_ref(year).rsplit("-", 1)[1])
            family.ref = f"G-{year}-{next_ref[year]:03d}"
            next_ref[year] += 1
            family.id = family_id = next_id
            next_id += 1
            # the search text as Families.refresh_search makes it (members in the order of their ids)
            search = fold(" ".join([family.ref, family.display_name.strip(),
                                    *(f"{m.first_name.strip()} {m.last_name.strip()}" for m in people)]))
            fams.append((family_id, *families_repo._row_values(family), family.ref, now, now,
                                 secrets.token_hex(8), search, fold(family.display_name.strip()), next(rkeys)))
            themes.extend((family_id, t) for t in dict.fromkeys(family.themes))
            schools.extend((family_id, s) for s in dict.fromkeys(family.school_ids))
            if item.key:
                keys.append((family_id, item.key))
            for m in people:
                m.family_id = family_id
                member_rows.append((family_id, str(m.role), m.first_name.strip(), m.last_name.strip(), m.birth_year,
                                    m.school_id, m.group.strip(), m.notes, m.phone.strip(), m.email.strip(),
                                    m.address.strip(), str(m.authority), next(rkeys)))
        c = self.conn
        c.executemany(
            "INSERT INTO family (id, display_name, status, start_date, signal_source, home_language, "
            "interpreter_needed, consent_date, consent_by, consent_scope, phone, email, address, closed_date, "
            "closure_outcome, ref, created_at, updated_at, uid, search, sort_name, rkey) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", fams)
        c.executemany("INSERT OR IGNORE INTO family_theme (family_id, theme) VALUES (?, ?)", themes)
        c.executemany("INSERT OR IGNORE INTO family_school (family_id, school_id) VALUES (?, ?)", schools)
        c.executemany("INSERT INTO import_item (batch_id, family_id, new_family) VALUES (?, ?, 1)",
                      [(batch_id, r[0]) for r in fams])
        c.executemany("INSERT OR REPLACE INTO import_key (family_id, key) VALUES (?, ?)", keys)
        c.executemany(
            "INSERT INTO member (family_id, role, first_name, last_name, birth_year, school_id, group_name, notes, "
            "phone, email, address, authority, rkey) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", member_rows)
        return len(member_rows)

    def add_contacts(self, contacts: list[Contact], *, skipped: int = 0, today: dt.date | None = None) -> Batch:
        """Write an import of contact moments (each with its ``family_id``) in one transaction: all
        of them, or none when one fails its checks. A registered family with a contact becomes active."""
        today = today or dt.date.today()
        for contact in contacts:
            validate_contact(contact, today)
        with self.tx():
            batch_id = self._new_batch("contacts")
            families = {c.family_id for c in contacts}
            # each family's next contact id (a family that is not in the vault has none)
            next_id = next_family_row_ids(self.conn, "contact", families)
            if len(next_id) != len(families):
                raise NotFound()
            created = timestamp()
            for contact in contacts:
                contact.id = next_id[contact.family_id]
                next_id[contact.family_id] += 1
            # in order of family and id: the rows of one family are written together
            ordered = sorted(contacts, key=lambda c: c.id or 0)
            # the record key drawn here (the operating system's random source) rather than by the
            # trigger afterwards, so each row is written once
            self.conn.executemany(
                "INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at, time, rkey) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(c.id, c.family_id, d2s(c.date), c.minutes, c.kind, ",".join(c.with_whom), c.note, created, "", k)
                 for c, k in zip(ordered, os.urandom(len(ordered)), strict=True)])
            self.conn.executemany("INSERT INTO contact_theme (contact_id, theme) VALUES (?, ?)",
                                  [(c.id, t) for c in ordered for t in sorted(set(c.themes))])
            self.conn.executemany("INSERT INTO import_item (batch_id, family_id, contact_id) VALUES (?, ?, ?)",
                                  [(batch_id, c.family_id, c.id) for c in ordered])
            marks = ",".join("?" * len(families))
            if families:
                self.conn.execute(f"UPDATE family SET status = '{FamilyStatus.ACTIVE}' WHERE status = "
                                  f"'{FamilyStatus.REGISTERED}' AND id IN ({marks})", list(families))
            batch = self._finish_batch(batch_id, 0, 0, len(contacts), 0, skipped)
            self._changed(What.CONTACT)
        return batch

    def undo_last(self) -> Batch:
        """Undo the latest import as a whole: its new families with everything they have gathered
        since, the members it added to existing families, its contact moments. One transaction and
        one audit entry; the batch stays listed as undone."""
        from brugdesk.store.erasure import foreign_keys_off

        batch = self.undoable()
        if batch is None:
            raise ImportUndoError({"import": _(N_("There is no import to undo."))})
        with foreign_keys_off(self.conn), self.tx():
            new_families = [int(r[0]) for r in self.conn.execute(
                "SELECT family_id FROM import_item WHERE batch_id = ? AND new_family = 1", (batch.id,))]
            member_ids = [int(r[0]) for r in self.conn.execute(
                "SELECT member_id FROM import_item WHERE batch_id = ? AND member_id IS NOT NULL", (batch.id,))]
            contact_ids = [int(r[0]) for r in self.conn.execute(
                "SELECT contact_id FROM import_item WHERE batch_id = ? AND contact_id IS NOT NULL", (batch.id,))]
            touched = {int(r[0]) for r in self.conn.execute(
                "SELECT DISTINCT family_id FROM import_item WHERE batch_id = ?", (batch.id,))}
            if new_families:
                rows = family_rows.rows_of(self.conn, new_families)
                for table, column, owner in family_rows.owned(self.conn):
                    _delete_in(self.conn, table, column, rows[owner])
                _delete_in(self.conn, "family", "id", rows["family"])
            _delete_in(self.conn, "contact_theme", "contact_id", contact_ids)
            _set_null_in(self.conn, "followup", "contact_id", contact_ids)
            _set_null_in(self.conn, "appointment", "contact_id", contact_ids)
            _delete_in(self.conn, "contact", "id", contact_ids)
            _delete_in(self.conn, "member", "id", member_ids)
            _delete_in(self.conn, "import_item", "batch_id", [batch.id])
            for family_id in touched - set(new_families):
                if self.conn.execute("SELECT 1 FROM family WHERE id = ?", (family_id,)).fetchone() is not None:
                    self.vault.repo.families.refresh_search(family_id)
            if self.conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise RuntimeError("undoing the import would leave rows pointing at deleted ones")  # rolled back
            self.conn.execute("UPDATE import_batch SET undone_at = ? WHERE id = ?", (timestamp(), batch.id))
            self._audit(Action.UNDO_IMPORT, batch.id)
            self._changed(What.FAMILY)
            self._changed(What.MEMBER)
            self._changed(What.CONTACT)
        return Batch(batch.id, batch.created_at, batch.kind, batch.families, batch.members, batch.contacts,
                     batch.merged, batch.skipped, True)


def next_family_row_ids(conn: Any, table: str, family_ids: set[int]) -> dict[int, int]:
    """:func:`~brugdesk.store.schema.rowids.next_family_row_id` for many families at once (an import
    of contact moments): a statement per 500 families instead of one per family. A family that is
    not in the vault is left out."""
    ids = sorted(family_ids)
    out: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = conn.execute(
            f"SELECT f.id, (SELECT max(t.id) FROM {table} t WHERE t.id >= (f.id << {FAMILY_ROW_BITS}) "
            f"AND t.id < ((f.id + 1) << {FAMILY_ROW_BITS})) FROM family f "
            f"WHERE f.id IN ({','.join('?' * len(chunk))})", chunk)
        for family_id, top in rows:
            low, high = family_row_range(int(family_id))
            next_id = int(top or low) + 1
            if next_id >= high:
                raise OverflowError(f"no ids left for family {family_id} in {table}")
            out[int(family_id)] = next_id
    return out


def _delete_in(conn: Any, table: str, column: str, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)


def _set_null_in(conn: Any, table: str, column: str, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        conn.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)
