"""Families and their members: the Gezinnen list (filters, search, keyset paging), a family's
fields, school and theme links, closing and reopening, and the folded search text kept up to date
with every change to the family or a member."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from brugdesk.core.model import Consent, Family, FamilyStatus, Member, MemberRole, ParentalAuthority
from brugdesk.core.text import family_surname, fold
from brugdesk.core.validation import validate_family, validate_intake, validate_member
from brugdesk.errors import NotFound
from brugdesk.store import family_rows
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import SEP, Repo, codes_sql, d2s, date_, s2d, split, timestamp
from brugdesk.store.repo.rows import ClosedFamilyRow, FamilyRow, PickerChild, PickerRow

#: stored text -> enum member, without the Enum call machinery (a page of the list looks up 200)
_MEMBER_ROLE = {str(r): r for r in MemberRole}
_AUTHORITY = {str(a): a for a in ParentalAuthority}
_FAMILY_STATUS = {str(s): s for s in FamilyStatus}
_FAMILY_COLS = (
    "id, ref, display_name, status, start_date, signal_source, home_language, interpreter_needed, "
    "consent_date, consent_by, consent_scope, phone, email, address, closed_date, closure_outcome, "
    + codes_sql("family_theme", "family_id", "theme", "family.id") + ", "
    + codes_sql("family_school", "family_id", "school_id", "family.id")
)

_FAMILY_LIST_SQL = """
SELECT f.id, f.ref, f.display_name, f.status, f.start_date, f.school_names, f.last_contact, f.next_followup,
       f.open_referrals, f.search
FROM family f
"""


class FamilySort(StrEnum):
    """The columns the Gezinnen list sorts by (:meth:`Families.rows`)."""

    REF = "ref"  # by year, then number
    NAME = "name"  # the display name, folded (accents and case ignored)
    STATUS = "status"  # aangemeld, actief, afgesloten
    SCHOOLS = "schools"
    LAST_CONTACT = "last_contact"  # families without a contact last
    NEXT_FOLLOWUP = "next_followup"  # families without an open follow-up last
    OPEN_REFERRALS = "open_referrals"


#: the ORDER BY terms per sort column: (expression, whether it is the "missing" flag that stays
#: ascending whichever way the list is sorted)
_SORT_TERMS: dict[FamilySort, tuple[tuple[str, bool], ...]] = {
    FamilySort.REF: (("substr(f.ref, 1, 7)", False), ("CAST(substr(f.ref, 8) AS INTEGER)", False)),
    FamilySort.NAME: (("f.sort_name", False),),
    FamilySort.STATUS: (("CASE f.status WHEN 'registered' THEN 0 WHEN 'active' THEN 1 ELSE 2 END", False),),
    FamilySort.SCHOOLS: (("f.school_names", False),),
    FamilySort.LAST_CONTACT: (("f.last_contact IS NULL", True), ("f.last_contact", False)),
    FamilySort.NEXT_FOLLOWUP: (("f.next_followup IS NULL", True), ("f.next_followup", False)),
    FamilySort.OPEN_REFERRALS: (("f.open_referrals", False),),
}


def _order_by(sort: FamilySort, descending: bool) -> str:
    terms = [f"{expr} DESC" if descending and not flag else expr for expr, flag in _SORT_TERMS[sort]]
    return ", ".join([*terms, "f.id DESC"])


class Families(Repo):
    entity = "family"

    def _next_ref(self, year: int) -> str:
        prefix = f"G-{year}-"
        row = self.conn.execute(
            "SELECT max(CAST(substr(ref, ?) AS INTEGER)) FROM family WHERE ref LIKE ?",
            (len(prefix) + 1, prefix + "%"),
        ).fetchone()
        return f"{prefix}{(row[0] or 0) + 1:03d}"

    def _row_values(self, f: Family) -> tuple[Any, ...]:
        return (
            f.display_name.strip(), str(f.status), d2s(f.start_date), f.signal_source, f.home_language.strip(),
            int(f.interpreter_needed), d2s(f.consent.date), f.consent.given_by.strip(), f.consent.scope.strip(),
            f.phone.strip(), f.email.strip(), f.address.strip(), d2s(f.closed_date), f.closure_outcome,
        )

    def create(self, family: Family, today: dt.date | None = None) -> Family:
        validate_family(family, today)
        with self.tx():
            family.ref = self._next_ref(family.start_date.year)
            now = timestamp()
            cur = self.conn.execute(
                "INSERT INTO family (display_name, status, start_date, signal_source, home_language, "
                "interpreter_needed, consent_date, consent_by, consent_scope, phone, email, address, closed_date, "
                "closure_outcome, ref, created_at, updated_at, uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*self._row_values(family), family.ref, now, now, secrets.token_hex(8)),
            )
            family.id = int(cur.lastrowid)
            self._save_links(family)
            self.refresh_search(family.id)
            self._audit(Action.CREATE, family.id)
            self._changed(What.FAMILY, family.id)
        return family

    def intake(self, family: Family, parents: list[Member], children: list[Member], *, surname: str = "",
               today: dt.date | None = None) -> Family:
        """Create a family with its parents and children in one transaction (the intake dialog).

        Children without a last name take the family's surname (``surname``, or else the family's
        display name without "Fam."/"Familie"/"Gezin"); when the family has exactly one school,
        children without a school get that school. Everything is checked first
        (:func:`~brugdesk.core.validation.validate_intake`: every problem at once, a member's field
        keyed ``parents.0.email``); nothing is written unless all of it is. The members passed in
        get their ids and ``family_id``; the family its id and reference.
        """
        name = surname.strip() or family_surname(family.display_name)
        for child in children:
            if not child.last_name.strip():
                child.last_name = name
            if child.school_id is None and len(family.school_ids) == 1:
                child.school_id = family.school_ids[0]
        validate_intake(family, parents, children, today)
        with self.tx():
            self.create(family, today)
            assert family.id is not None
            for member in [*parents, *children]:
                member.family_id = family.id
                self.vault.repo.members._insert(member)
            self.refresh_search(family.id)
            if parents or children:
                self._changed(What.MEMBER, family.id)
        return family

    def update(self, family: Family, today: dt.date | None = None) -> None:
        validate_family(family, today)
        if family.id is None:
            raise NotFound()
        with self.tx():
            cur = self.conn.execute(
                "UPDATE family SET display_name = ?, status = ?, start_date = ?, signal_source = ?, home_language = ?, "
                "interpreter_needed = ?, consent_date = ?, consent_by = ?, consent_scope = ?, phone = ?, email = ?, "
                "address = ?, closed_date = ?, closure_outcome = ?, updated_at = ? WHERE id = ?",
                (*self._row_values(family), timestamp(), family.id),
            )
            if cur.rowcount != 1:
                raise NotFound()
            self._save_links(family)
            self.refresh_search(family.id)
            self._audit(Action.UPDATE, family.id)
            self._changed(What.FAMILY, family.id)

    def _save_links(self, family: Family) -> None:
        assert family.id is not None
        self._set_codes("family_theme", "family_id", family.id, "theme", family.themes)
        self._set_codes("family_school", "family_id", family.id, "school_id", [str(s) for s in family.school_ids])

    def refresh_search(self, family_id: int) -> None:
        row = self.conn.execute("SELECT ref, display_name FROM family WHERE id = ?", (family_id,)).fetchone()
        names = [f"{r[0]} {r[1]}" for r in self.conn.execute(
            "SELECT first_name, last_name FROM member WHERE family_id = ? ORDER BY id", (family_id,))]
        text = fold(" ".join([row[0], row[1], *names]))
        self.conn.execute("UPDATE family SET search = ?, sort_name = ? WHERE id = ?", (text, fold(row[1]), family_id))

    def _from_row(self, r: Any) -> Family:
        family = Family(
            id=r[0], ref=r[1], display_name=r[2], status=FamilyStatus(r[3]), start_date=dt.date.fromisoformat(r[4]),
            signal_source=r[5], home_language=r[6], interpreter_needed=bool(r[7]),
            consent=Consent(s2d(r[8]), r[9], r[10]), phone=r[11], email=r[12], address=r[13],
            closed_date=s2d(r[14]), closure_outcome=r[15],
        )
        family.themes = split(r[16])
        family.school_ids = sorted(int(c) for c in r[17].split(SEP)) if r[17] else []
        return family

    def get(self, family_id: int) -> Family:
        row = self.conn.execute(f"SELECT {_FAMILY_COLS} FROM family WHERE id = ?", (family_id,)).fetchone()
        if row is None:
            raise NotFound()
        return self._from_row(row)

    def by_ref(self, ref: str) -> Family:
        row = self.conn.execute(f"SELECT {_FAMILY_COLS} FROM family WHERE ref = ? COLLATE NOCASE",
                                (ref.strip(),)).fetchone()
        if row is None:
            raise NotFound(ref.strip()[:20])
        return self._from_row(row)

    def record_view(self, family_id: int) -> None:
        """Log that the officer opened this family (audit only)."""
        with self.tx():
            self._audit(Action.VIEW, family_id)

    @staticmethod
    def _filters(status: FamilyStatus | None, school_id: int | None, theme: str | None,
                 search: str, open_only: bool = False) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if status is not None:
            where.append("f.status = ?")
            args.append(str(status))
        if open_only:
            where.append("f.status != 'closed'")
        if school_id is not None:
            where.append("EXISTS (SELECT 1 FROM family_school x WHERE x.family_id = f.id AND x.school_id = ?)")
            args.append(school_id)
        if theme:
            where.append("EXISTS (SELECT 1 FROM family_theme t WHERE t.family_id = f.id AND t.theme = ?)")
            args.append(theme)
        for word in fold(search).split():
            where.append("instr(f.search, ?) > 0")
            args.append(word)
        return where, args

    def rows(self, *, status: FamilyStatus | None = None, school_id: int | None = None, theme: str | None = None,
             search: str = "", family_id: int | None = None, limit: int | None = None,
             before_id: int | None = None, open_only: bool = False, sort: FamilySort | None = None,
             descending: bool = False, offset: int = 0, today: dt.date | None = None) -> list[FamilyRow]:
        """The Gezinnen list; filters combine with AND (``open_only``: not closed — the list hides
        closed families unless the officer asks for them).

        Without ``sort``: newest first, paged with ``limit`` and ``before_id`` (keyset paging: the
        next page starts below the last id shown; a page costs the same at any size of the vault).
        With ``sort`` (a :class:`FamilySort` column, ``descending`` for the other way round; ties
        newest first; families without a contact or open follow-up last either way): paged with
        ``limit`` and ``offset``, sorted in SQL on the column's index.

        Each row says whether its first open follow-up is overdue (before ``today``) and, when a
        ``search`` matched a child rather than the family's name or reference, which child
        (``matched_child``, ``matched_group``: "Milan", "5").
        """
        where, args = self._filters(status, school_id, theme, search, open_only)
        if family_id is not None:
            where.append("f.id = ?")
            args.append(family_id)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        if sort is None:
            if before_id is not None:
                clause += (" AND " if where else " WHERE ") + "f.id < ?"
                args.append(before_id)
            sql = _FAMILY_LIST_SQL + clause + " ORDER BY f.id DESC"
            if limit is not None:
                sql += " LIMIT ?"
                args.append(int(limit))
            raw = self.conn.execute(sql, args).fetchall()
        else:
            # the ids of the page from the sort column's index alone, then their rows
            sql = (f"SELECT f.id FROM family f{clause} ORDER BY {_order_by(FamilySort(sort), descending)} "
                   f"LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}")
            ids = [int(r[0]) for r in self.conn.execute(sql, args)]
            raw = self._rows_by_id(ids)
        today_s = (today or dt.date.today()).isoformat()
        rows = [
            FamilyRow(r[0], r[1], r[2], _FAMILY_STATUS[r[3]], dt.date.fromisoformat(r[4]), r[5], s2d(r[6]), s2d(r[7]),
                      int(r[8]), r[9], r[7] is not None and r[7] < today_s)
            for r in raw
        ]
        words = fold(search).split()
        return self._with_matched_children(rows, words) if words else rows

    def _rows_by_id(self, ids: Sequence[int]) -> list[Any]:
        """The list rows of ``ids``, in that order."""
        found: dict[int, Any] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for r in self.conn.execute(_FAMILY_LIST_SQL + f" WHERE f.id IN ({','.join('?' * len(chunk))})", chunk):
                found[int(r[0])] = r
        return [found[i] for i in ids if i in found]

    def _children_of(self, family_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, int | None]]]:
        """The children (first name, last name, group, school id) of these families, oldest row first."""
        out: dict[int, list[tuple[str, str, str, int | None]]] = {}
        for i in range(0, len(family_ids), 500):
            chunk = family_ids[i : i + 500]
            for r in self.conn.execute(
                    "SELECT family_id, first_name, last_name, group_name, school_id FROM member WHERE role = 'child' "
                    f"AND family_id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk):
                out.setdefault(int(r[0]), []).append((r[1], r[2], r[3], r[4]))
        return out

    def _with_matched_children(self, rows: list[FamilyRow], words: list[str]) -> list[FamilyRow]:
        """The rows with the child each search matched: when some search words are not in the
        family's reference or name, the first child whose name holds all of those words."""
        pending = {r.id: [w for w in words if w not in fold(f"{r.ref} {r.display_name}")] for r in rows}
        pending = {k: v for k, v in pending.items() if v}
        if not pending:
            return rows
        children = self._children_of(list(pending))
        out = []
        for row in rows:
            leftover = pending.get(row.id)
            for first, last, group, _school in children.get(row.id, []) if leftover else ():
                name = fold(f"{first} {last}")
                if all(w in name for w in leftover or ()):
                    row = row._replace(matched_child=first, matched_group=group)
                    break
            out.append(row)
        return out

    def ids(self, *, status: FamilyStatus | None = None, school_id: int | None = None, theme: str | None = None,
            search: str = "", open_only: bool = False) -> set[int]:
        """The ids of the families that match the filters (no list columns computed: cheap)."""
        where, args = self._filters(status, school_id, theme, search, open_only)
        sql = "SELECT f.id FROM family f" + (" WHERE " + " AND ".join(where) if where else "")
        return {int(r[0]) for r in self.conn.execute(sql, args)}

    def count_rows(self, *, status: FamilyStatus | None = None, school_id: int | None = None,
                   theme: str | None = None, search: str = "", open_only: bool = False) -> int:
        """How many families match the filters (for "N families" beside a paged list)."""
        where, args = self._filters(status, school_id, theme, search, open_only)
        sql = "SELECT count(*) FROM family f" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.conn.execute(sql, args).fetchone()[0])

    def row(self, family_id: int) -> FamilyRow:
        rows = self.rows(family_id=family_id)
        if not rows:
            raise NotFound()
        return rows[0]

    def search(self, text: str) -> list[FamilyRow]:
        return self.rows(search=text)

    def close(self, family_id: int, closed_date: dt.date, outcome: str, today: dt.date | None = None) -> Family:
        family = self.get(family_id)
        family.status, family.closed_date, family.closure_outcome = FamilyStatus.CLOSED, closed_date, outcome
        validate_family(family, today)
        with self.tx():
            self.update(family, today)
            self._audit(Action.CLOSE, family_id)
        return family

    def reopen(self, family_id: int) -> Family:
        family = self.get(family_id)
        family.status, family.closed_date, family.closure_outcome = FamilyStatus.ACTIVE, None, ""
        with self.tx():
            self.update(family)
            self._audit(Action.REOPEN, family_id)
        return family

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM family").fetchone()[0])

    def closed(self) -> list[ClosedFamilyRow]:
        """The closed families with their closing date, the longest closed first (retention)."""
        return [ClosedFamilyRow(int(r[0]), str(r[1]), str(r[2]), date_(r[3])) for r in self.conn.execute(
            "SELECT id, ref, display_name, closed_date FROM family "
            "WHERE status = 'closed' AND closed_date IS NOT NULL ORDER BY closed_date, id")]

    def owned_rows(self, family_id: int) -> dict[str, list[int]]:
        """The ids of the family's own rows per entity (what an erasure deletes)."""
        return family_rows.rows_of(self.conn, [family_id])

    def picker_search(self, text: str, *, include_closed: bool = False, limit: int = 50) -> list[PickerRow]:
        """The family picker (Ctrl+N): families whose reference, name or a member's name holds every
        word of ``text``, open ones only unless ``include_closed``, by name; each with what tells
        families of the same name apart — its schools and its children (first name, group, school)
        — and the child the search matched, if it was a child. An empty ``text`` finds nothing."""
        words = fold(text).split()
        if not words:
            return []
        where, args = self._filters(None, None, None, text, not include_closed)
        sql = (f"SELECT f.id FROM family f WHERE {' AND '.join(where)} ORDER BY f.sort_name, f.id DESC "
               f"LIMIT {int(limit)}")
        ids = [int(r[0]) for r in self.conn.execute(sql, args)]
        rows = self._with_matched_children(
            [FamilyRow(r[0], r[1], r[2], _FAMILY_STATUS[r[3]], dt.date.fromisoformat(r[4]), r[5], s2d(r[6]),
                       s2d(r[7]), int(r[8]), r[9]) for r in self._rows_by_id(ids)], words)
        children = self._children_of(ids)
        schools = {int(r[0]): str(r[1]) for r in self.conn.execute("SELECT id, name FROM school")}
        return [PickerRow(r.id, r.ref, r.display_name, r.status, r.schools,
                          tuple(PickerChild(first, group, schools.get(school, "") if school is not None else "")
                                for first, _last, group, school in children.get(r.id, [])),
                          r.matched_child, r.matched_group) for r in rows]

    def picker(self) -> list[tuple[int, str, str]]:
        """(id, ref, display name) of open families, for the log-a-contact family picker."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT id, ref, display_name FROM family WHERE status != 'closed' ORDER BY display_name")]


class Members(Repo):
    entity = "member"

    def add(self, member: Member, today: dt.date | None = None) -> Member:
        validate_member(member, today)
        with self.tx():
            self._insert(member)
            assert member.family_id is not None
            self.vault.repo.families.refresh_search(member.family_id)
            self._changed(What.MEMBER, member.family_id)
        return member

    def _insert(self, member: Member) -> None:
        """The row and its audit entry (inside the caller's transaction; validated already)."""
        cur = self.conn.execute(
            "INSERT INTO member (family_id, role, first_name, last_name, birth_year, school_id, group_name, notes, "
            "phone, email, address, authority) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (member.family_id, str(member.role), member.first_name.strip(), member.last_name.strip(),
             member.birth_year, member.school_id, member.group.strip(), member.notes, member.phone.strip(),
             member.email.strip(), member.address.strip(), str(member.authority)),
        )
        member.id = int(cur.lastrowid)
        self._audit(Action.CREATE, member.id)

    def update(self, member: Member, today: dt.date | None = None) -> None:
        validate_member(member, today)
        with self.tx():
            self.conn.execute(
                "UPDATE member SET role = ?, first_name = ?, last_name = ?, birth_year = ?, school_id = ?, "
                "group_name = ?, notes = ?, phone = ?, email = ?, address = ?, authority = ? WHERE id = ?",
                (str(member.role), member.first_name.strip(), member.last_name.strip(), member.birth_year,
                 member.school_id, member.group.strip(), member.notes, member.phone.strip(), member.email.strip(),
                 member.address.strip(), str(member.authority), member.id),
            )
            assert member.family_id is not None
            self.vault.repo.families.refresh_search(member.family_id)
            self._audit(Action.UPDATE, member.id)
            self._changed(What.MEMBER, member.family_id)

    def delete(self, member_id: int) -> None:
        row = self.conn.execute("SELECT family_id FROM member WHERE id = ?", (member_id,)).fetchone()
        if row is None:
            raise NotFound()
        with self.tx():
            self.conn.execute("DELETE FROM member WHERE id = ?", (member_id,))
            self.vault.repo.families.refresh_search(row[0])
            self._audit(Action.DELETE, member_id)
            self._changed(What.MEMBER, int(row[0]))

    def list(self, family_id: int) -> list[Member]:
        return [
            # positional, in the field order of model.Member
            Member(_MEMBER_ROLE[r[1]], r[2], r[3], r[4], r[5], r[6], r[7], family_id, r[0], r[8], r[9], r[10],
                   _AUTHORITY[r[11]])
            for r in self.conn.execute(
                "SELECT id, role, first_name, last_name, birth_year, school_id, group_name, notes, phone, email, "
                "address, authority FROM member WHERE family_id = ? ORDER BY role DESC, id", (family_id,))
        ]
