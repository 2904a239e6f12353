"""The service layer: repositories over the open vault (DESIGN §2, §4).

The UI, the CLI, the reports and the privacy tools use these functions and never write
SQL of their own against the vault. Every change runs in a transaction and leaves one
audit entry (action, entity type and id — never free text or names).
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from brugdesk.core.lists import DEFAULT_LISTS, ListName
from brugdesk.core.model import (
    REFERRAL_TRANSITIONS,
    Activity,
    Consent,
    Contact,
    Family,
    FamilyStatus,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
    School,
    SchoolType,
    StatusChange,
)
from brugdesk.core.periods import DEFAULT_TERM_STARTS, validate_term_starts
from brugdesk.core.validation import (
    ValidationError,
    validate_activity,
    validate_contact,
    validate_family,
    validate_followup,
    validate_member,
    validate_partner,
    validate_referral,
    validate_school,
)
from brugdesk.errors import NotFound, classify
from brugdesk.i18n import N_, _
from brugdesk.store import audit
from brugdesk.store.audit import Action
from brugdesk.store.schema import next_family_row_id


class Store(Protocol):
    """What the repositories use of an open vault: its connection (and its repositories).

    A :class:`~brugdesk.store.vault.Vault`, or a :class:`~brugdesk.store.reader.Reader` (a
    read-only connection of its own, for a worker thread; writing through it fails).
    """

    conn: Any
    repo: Repositories


# ---------------------------------------------------------------------- helpers
def d2s(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def s2d(text: str | None) -> dt.date | None:
    return None if not text else dt.date.fromisoformat(text)


date_ = dt.date.fromisoformat

#: stored text -> enum member, without the Enum call machinery (rows are built by the hundred)
_REFERRAL_STATUS = {str(s): s for s in ReferralStatus}
_MEMBER_ROLE = {str(r): r for r in MemberRole}


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Özdemir' is found by 'ozdemir'."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# letters that do not decompose into a base letter + accent
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


class Transaction:
    """``with Transaction(conn):`` — BEGIN IMMEDIATE … COMMIT, or a SAVEPOINT when nested.

    Database errors that are known conditions (disk full, read-only, locked) are raised as
    :class:`~brugdesk.errors.VaultError` after the rollback.
    """

    _depth: dict[int, int] = {}

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
                return
            except Exception as commit_exc:
                if depth == 0 and self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                known = classify(commit_exc)
                if known is not None:
                    raise known from None
                raise
        if depth == 0:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        else:
            self.conn.execute(f"ROLLBACK TO sp{depth}")
            self.conn.execute(f"RELEASE sp{depth}")
        if exc is not None and not isinstance(exc, ValidationError):
            known = classify(exc)
            if known is not None and known is not exc:
                raise known from None


def seed_defaults(conn: Any, language: str = "nl") -> None:
    """Fill the editable lists with their default labels and the default settings."""
    rows = []
    for list_name, items in DEFAULT_LISTS.items():
        for pos, (code, nl, en) in enumerate(items):
            rows.append((str(list_name), code, nl if language == "nl" else en, pos))
    conn.executemany("INSERT INTO list_item (list, code, label, position) VALUES (?,?,?,?)", rows)
    for key, value in DEFAULT_SETTINGS.items():
        conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, json.dumps(value)))


DEFAULT_SETTINGS: dict[str, Any] = {
    "term_starts": [list(t) for t in DEFAULT_TERM_STARTS],
    "report_threshold": 5,
    "autolock_minutes": 5,
    "retention_years": 2,
    "backup_keep_daily": 7,
    "backup_keep_weekly": 4,
}


# ------------------------------------------------------------------- row types
# The list rows are NamedTuples: immutable like a frozen dataclass, and built several times faster
# (a frozen dataclass sets every field through object.__setattr__), which a page of 200 families
# or follow-ups notices.
class FamilyRow(NamedTuple):
    """One line of the Gezinnen list (what the table shows; no notes)."""

    id: int
    ref: str
    display_name: str
    status: FamilyStatus
    start_date: dt.date
    schools: str
    last_contact: dt.date | None
    next_followup: dt.date | None
    open_referrals: int
    search: str


@dataclass(frozen=True)
class ListItem:
    code: str
    label: str
    position: int
    active: bool


class FollowUpRow(NamedTuple):
    followup: FollowUp
    family_ref: str
    family_name: str


class ReferralRow(NamedTuple):
    referral: Referral
    partner_name: str
    family_ref: str
    family_name: str


class _Repo:
    def __init__(self, vault: Store) -> None:
        self.vault = vault

    @property
    def conn(self) -> Any:
        return self.vault.conn

    def tx(self) -> Transaction:
        return Transaction(self.conn)

    def _audit(self, action: Action, entity: str, entity_id: int | None) -> None:
        audit.append(self.conn, action, entity, entity_id)

    def _set_codes(self, table: str, key: str, owner_id: int, column: str, codes: Iterable[str]) -> None:
        self.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (owner_id,))
        self.conn.executemany(
            f"INSERT OR IGNORE INTO {table} ({key}, {column}) VALUES (?, ?)", [(owner_id, c) for c in codes]
        )

    def _codes(self, table: str, key: str, owner_id: int, column: str) -> list[str]:
        return [r[0] for r in self.conn.execute(f"SELECT {column} FROM {table} WHERE {key} = ? ORDER BY {column}",
                                                 (owner_id,))]


#: separates the codes that :func:`_codes_sql` packs into one column (never part of a code)
_SEP = "\x1f"


def _codes_sql(table: str, key: str, column: str, owner: str) -> str:
    """A scalar subquery: the codes of ``owner`` (an SQL expression) in ``table``, packed in one text
    (None when there are none), so a row and its codes come from one query; :func:`_split` unpacks
    and sorts them (sorting a handful of codes in Python is cheaper than SQLite's temporary b-tree
    for ``group_concat(… ORDER BY …)``)."""
    return f"(SELECT group_concat({column}, char(31)) FROM {table} WHERE {key} = {owner})"


def _split(packed: str | None) -> list[str]:
    return sorted(packed.split(_SEP)) if packed else []


def _history(packed: str | None) -> list[StatusChange]:
    """A referral's status history from its packed ``id:status:date`` items."""
    changes = []
    for item in packed.split(_SEP) if packed else ():
        change_id, status, day = item.split(":")
        changes.append(StatusChange(_REFERRAL_STATUS[status], date_(day), int(change_id)))
    changes.sort(key=lambda c: (c.date, c.id))
    return changes


# -------------------------------------------------------------------- schools
class Schools(_Repo):
    def add(self, school: School) -> School:
        validate_school(school)
        with self.tx():
            self._check_unique(school)
            cur = self.conn.execute(
                "INSERT INTO school (name, type, brin, pupil_count) VALUES (?,?,?,?)",
                (school.name.strip(), str(school.type), school.brin.strip().upper(), school.pupil_count),
            )
            school.id = int(cur.lastrowid)
            self._audit(Action.CREATE, "school", school.id)
        return school

    def _check_unique(self, school: School) -> None:
        row = self.conn.execute("SELECT id FROM school WHERE name = ? AND id IS NOT ?",
                                (school.name.strip(), school.id)).fetchone()
        if row:
            raise ValidationError({"name": _(N_("There is already a school with this name."))})

    def update(self, school: School) -> None:
        validate_school(school)
        with self.tx():
            self._check_unique(school)
            self.conn.execute(
                "UPDATE school SET name = ?, type = ?, brin = ?, pupil_count = ? WHERE id = ?",
                (school.name.strip(), str(school.type), school.brin.strip().upper(), school.pupil_count, school.id),
            )
            self._audit(Action.UPDATE, "school", school.id)

    def delete(self, school_id: int) -> None:
        used = self.conn.execute("SELECT count(*) FROM family_school WHERE school_id = ?", (school_id,)).fetchone()[0]
        if used:
            raise ValidationError({"school": _(N_("This school still has families; it cannot be removed."))})
        with self.tx():
            self.conn.execute("DELETE FROM school WHERE id = ?", (school_id,))
            self._audit(Action.DELETE, "school", school_id)

    def list(self) -> list[School]:
        return [
            School(name=r[1], type=SchoolType(r[2]), brin=r[3], pupil_count=r[4], id=r[0])
            for r in self.conn.execute("SELECT id, name, type, brin, pupil_count FROM school ORDER BY name")
        ]

    def get(self, school_id: int) -> School:
        for school in self.list():
            if school.id == school_id:
                return school
        raise NotFound()

    def by_name(self, name: str) -> School | None:
        wanted = fold(name.strip())
        for school in self.list():
            if fold(school.name) == wanted:
                return school
        return None


# ------------------------------------------------------------------- families
#: status text -> member, without the Enum call machinery (a page of the list looks up 200)
_FAMILY_STATUS = {str(s): s for s in FamilyStatus}
_FAMILY_COLS = (
    "id, ref, display_name, status, start_date, signal_source, home_language, interpreter_needed, "
    "consent_date, consent_by, consent_scope, phone, email, address, closed_date, closure_outcome, "
    + _codes_sql("family_theme", "family_id", "theme", "family.id") + ", "
    + _codes_sql("family_school", "family_id", "school_id", "family.id")
)

_FAMILY_LIST_SQL = """
SELECT f.id, f.ref, f.display_name, f.status, f.start_date,
       coalesce((SELECT group_concat(s.name, ', ') FROM family_school fs JOIN school s ON s.id = fs.school_id
                 WHERE fs.family_id = f.id), ''),
       (SELECT max(c.date) FROM contact c WHERE c.family_id = f.id),
       (SELECT min(u.due_date) FROM followup u WHERE u.family_id = f.id AND u.done_date IS NULL),
       (SELECT count(*) FROM referral r WHERE r.family_id = f.id
          AND r.status IN ('proposed', 'referred', 'accepted', 'waiting_list')),
       f.search
FROM family f
"""


class Families(_Repo):
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
            now = _now()
            cur = self.conn.execute(
                "INSERT INTO family (display_name, status, start_date, signal_source, home_language, "
                "interpreter_needed, consent_date, consent_by, consent_scope, phone, email, address, closed_date, "
                "closure_outcome, ref, created_at, updated_at, uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*self._row_values(family), family.ref, now, now, secrets.token_hex(8)),
            )
            family.id = int(cur.lastrowid)
            self._save_links(family)
            self.refresh_search(family.id)
            self._audit(Action.CREATE, "family", family.id)
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
                (*self._row_values(family), _now(), family.id),
            )
            if cur.rowcount != 1:
                raise NotFound()
            self._save_links(family)
            self.refresh_search(family.id)
            self._audit(Action.UPDATE, "family", family.id)

    def _save_links(self, family: Family) -> None:
        assert family.id is not None
        self._set_codes("family_theme", "family_id", family.id, "theme", family.themes)
        self._set_codes("family_school", "family_id", family.id, "school_id", [str(s) for s in family.school_ids])

    def refresh_search(self, family_id: int) -> None:
        row = self.conn.execute("SELECT ref, display_name FROM family WHERE id = ?", (family_id,)).fetchone()
        names = [f"{r[0]} {r[1]}" for r in self.conn.execute(
            "SELECT first_name, last_name FROM member WHERE family_id = ? ORDER BY id", (family_id,))]
        text = fold(" ".join([row[0], row[1], *names]))
        self.conn.execute("UPDATE family SET search = ? WHERE id = ?", (text, family_id))

    def _from_row(self, r: Any) -> Family:
        family = Family(
            id=r[0], ref=r[1], display_name=r[2], status=FamilyStatus(r[3]), start_date=dt.date.fromisoformat(r[4]),
            signal_source=r[5], home_language=r[6], interpreter_needed=bool(r[7]),
            consent=Consent(s2d(r[8]), r[9], r[10]), phone=r[11], email=r[12], address=r[13],
            closed_date=s2d(r[14]), closure_outcome=r[15],
        )
        family.themes = _split(r[16])
        family.school_ids = sorted(int(c) for c in r[17].split(_SEP)) if r[17] else []
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
            self._audit(Action.VIEW, "family", family_id)

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
             before_id: int | None = None, open_only: bool = False) -> list[FamilyRow]:
        """The Gezinnen list, newest first; filters combine with AND (``open_only``: not closed).

        ``limit`` and ``before_id`` page through the list (keyset paging: the next page starts
        below the last id shown). A lazy table model loads one page at a time: at 30,000
        families a page of 200 costs about 1 ms, the whole list about 0.6 s (docs/benchmarks.md).
        """
        where, args = self._filters(status, school_id, theme, search, open_only)
        if family_id is not None:
            where.append("f.id = ?")
            args.append(family_id)
        if before_id is not None:
            where.append("f.id < ?")
            args.append(before_id)
        sql = _FAMILY_LIST_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY f.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        return [
            FamilyRow(r[0], r[1], r[2], _FAMILY_STATUS[r[3]], dt.date.fromisoformat(r[4]), r[5], s2d(r[6]), s2d(r[7]),
                      int(r[8]), r[9])
            for r in self.conn.execute(sql, args)
        ]

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
            self._audit(Action.CLOSE, "family", family_id)
        return family

    def reopen(self, family_id: int) -> Family:
        family = self.get(family_id)
        family.status, family.closed_date, family.closure_outcome = FamilyStatus.ACTIVE, None, ""
        with self.tx():
            self.update(family)
            self._audit(Action.REOPEN, "family", family_id)
        return family

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM family").fetchone()[0])

    def picker(self) -> list[tuple[int, str, str]]:
        """(id, ref, display name) of open families, for the log-a-contact family picker."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT id, ref, display_name FROM family WHERE status != 'closed' ORDER BY display_name")]


# -------------------------------------------------------------------- members
class Members(_Repo):
    def add(self, member: Member, today: dt.date | None = None) -> Member:
        validate_member(member, today)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO member (family_id, role, first_name, last_name, birth_year, school_id, group_name, notes) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (member.family_id, str(member.role), member.first_name.strip(), member.last_name.strip(),
                 member.birth_year, member.school_id, member.group.strip(), member.notes),
            )
            member.id = int(cur.lastrowid)
            assert member.family_id is not None
            self.vault.repo.families.refresh_search(member.family_id)
            self._audit(Action.CREATE, "member", member.id)
        return member

    def update(self, member: Member, today: dt.date | None = None) -> None:
        validate_member(member, today)
        with self.tx():
            self.conn.execute(
                "UPDATE member SET role = ?, first_name = ?, last_name = ?, birth_year = ?, school_id = ?, "
                "group_name = ?, notes = ? WHERE id = ?",
                (str(member.role), member.first_name.strip(), member.last_name.strip(), member.birth_year,
                 member.school_id, member.group.strip(), member.notes, member.id),
            )
            assert member.family_id is not None
            self.vault.repo.families.refresh_search(member.family_id)
            self._audit(Action.UPDATE, "member", member.id)

    def delete(self, member_id: int) -> None:
        row = self.conn.execute("SELECT family_id FROM member WHERE id = ?", (member_id,)).fetchone()
        if row is None:
            raise NotFound()
        with self.tx():
            self.conn.execute("DELETE FROM member WHERE id = ?", (member_id,))
            self.vault.repo.families.refresh_search(row[0])
            self._audit(Action.DELETE, "member", member_id)

    def list(self, family_id: int) -> list[Member]:
        return [
            # positional, in the field order of model.Member
            Member(_MEMBER_ROLE[r[1]], r[2], r[3], r[4], r[5], r[6], r[7], family_id, r[0])
            for r in self.conn.execute(
                "SELECT id, role, first_name, last_name, birth_year, school_id, group_name, notes FROM member "
                "WHERE family_id = ? ORDER BY role DESC, id", (family_id,))
        ]


# ------------------------------------------------------------------- contacts
class Contacts(_Repo):
    def add(self, contact: Contact, today: dt.date | None = None) -> Contact:
        validate_contact(contact, today)
        with self.tx():
            status = self.conn.execute("SELECT status FROM family WHERE id = ?", (contact.family_id,)).fetchone()
            if status is None:
                raise NotFound()
            cur = self.conn.execute(
                "INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (next_family_row_id(self.conn, "contact", contact.family_id), contact.family_id, d2s(contact.date),
                 contact.minutes, contact.kind, ",".join(contact.with_whom),
                 contact.note, _now()),
            )
            contact.id = int(cur.lastrowid)
            self._set_codes("contact_theme", "contact_id", contact.id, "theme", contact.themes)
            if contact.followup_date is not None:
                assert contact.followup_date is not None
                self.vault.repo.followups.add(FollowUp(contact.family_id, contact.followup_text.strip(),
                                                       contact.followup_date, contact_id=contact.id))
            if status[0] == FamilyStatus.REGISTERED:
                # the first contact makes a registered family active
                self.conn.execute("UPDATE family SET status = 'active' WHERE id = ?", (contact.family_id,))
            self.conn.execute("INSERT INTO setting (key, value) VALUES ('last_contact_kind', ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (json.dumps(contact.kind),))
            self._audit(Action.CREATE, "contact", contact.id)
        return contact

    def update(self, contact: Contact, today: dt.date | None = None) -> None:
        validate_contact(contact, today)
        with self.tx():
            self.conn.execute(
                "UPDATE contact SET date = ?, minutes = ?, kind = ?, with_whom = ?, note = ? WHERE id = ?",
                (d2s(contact.date), contact.minutes, contact.kind, ",".join(contact.with_whom), contact.note,
                 contact.id),
            )
            assert contact.id is not None
            self._set_codes("contact_theme", "contact_id", contact.id, "theme", contact.themes)
            self._audit(Action.UPDATE, "contact", contact.id)

    def delete(self, contact_id: int) -> None:
        with self.tx():
            self.conn.execute("DELETE FROM contact WHERE id = ?", (contact_id,))
            self._audit(Action.DELETE, "contact", contact_id)

    #: a contact with its themes, one row each
    _SQL = ("SELECT id, family_id, date, minutes, kind, with_whom, note, "
            + _codes_sql("contact_theme", "contact_id", "theme", "contact.id") + " FROM contact")

    @staticmethod
    def _from_row(r: Any) -> Contact:
        # positional, in the field order of model.Contact (keywords cost twice as much per contact)
        return Contact(r[1], date_(r[2]), r[3], r[4], [w for w in r[5].split(",") if w], _split(r[7]), r[6], "",
                       None, r[0])

    def list(self, family_id: int) -> list[Contact]:
        """The family's timeline, newest first (with their themes, in one query)."""
        return [self._from_row(r) for r in self.conn.execute(
            self._SQL + " WHERE family_id = ? ORDER BY date DESC, id DESC", (family_id,))]

    def get(self, contact_id: int) -> Contact:
        row = self.conn.execute(self._SQL + " WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise NotFound()
        return self._from_row(row)

    def last_kind(self) -> str:
        row = self.conn.execute("SELECT value FROM setting WHERE key = 'last_contact_kind'").fetchone()
        return str(json.loads(row[0])) if row else "home_visit"

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM contact").fetchone()[0])


# ------------------------------------------------------------------ follow-ups
_FOLLOWUP_SQL = ("SELECT u.id, u.family_id, u.contact_id, u.text, u.due_date, u.done_date, f.ref, f.display_name "
                 "FROM followup u JOIN family f ON f.id = u.family_id")


class FollowUps(_Repo):
    def add(self, followup: FollowUp) -> FollowUp:
        validate_followup(followup)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO followup (id, family_id, contact_id, text, due_date, done_date) VALUES (?,?,?,?,?,?)",
                (next_family_row_id(self.conn, "followup", followup.family_id), followup.family_id,
                 followup.contact_id, followup.text.strip(), d2s(followup.due_date),
                 d2s(followup.done_date)),
            )
            followup.id = int(cur.lastrowid)
            self._audit(Action.CREATE, "followup", followup.id)
        return followup

    def update(self, followup: FollowUp) -> None:
        validate_followup(followup)
        with self.tx():
            self.conn.execute("UPDATE followup SET text = ?, due_date = ?, done_date = ? WHERE id = ?",
                              (followup.text.strip(), d2s(followup.due_date), d2s(followup.done_date), followup.id))
            self._audit(Action.UPDATE, "followup", followup.id)

    def set_done(self, followup_id: int, done: dt.date | None) -> None:
        with self.tx():
            self.conn.execute("UPDATE followup SET done_date = ? WHERE id = ?", (d2s(done), followup_id))
            self._audit(Action.UPDATE, "followup", followup_id)

    def delete(self, followup_id: int) -> None:
        with self.tx():
            self.conn.execute("DELETE FROM followup WHERE id = ?", (followup_id,))
            self._audit(Action.DELETE, "followup", followup_id)

    @staticmethod
    def _followup(r: Any) -> FollowUp:
        # positional, in the field order of model.FollowUp
        return FollowUp(r[1], r[3], date_(r[4]), s2d(r[5]), r[2], r[0])

    @classmethod
    def _row(cls, r: Any) -> FollowUpRow:
        return FollowUpRow(cls._followup(r), r[6], r[7])

    def list(self, family_id: int) -> list[FollowUp]:
        """The family's follow-ups, open ones first (no join: the family is the one being shown)."""
        return [self._followup(r) for r in self.conn.execute(
            "SELECT id, family_id, contact_id, text, due_date, done_date FROM followup "
            "WHERE family_id = ? ORDER BY done_date IS NOT NULL, due_date", (family_id,))]

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        """``LIMIT``/``OFFSET`` for a page (Acties fetches 200 at a time while scrolling)."""
        if limit is None:
            return f" LIMIT -1 OFFSET {int(offset)}" if offset else ""
        return f" LIMIT {int(limit)} OFFSET {int(offset)}"

    @staticmethod
    def _due_where(until: dt.date, since: dt.date | None) -> tuple[str, builtins.list[Any]]:
        where, args = "u.done_date IS NULL AND u.due_date <= ?", [d2s(until)]
        if since is not None:
            where += " AND u.due_date >= ?"
            args.append(d2s(since))
        return where, args

    def due(self, until: dt.date, limit: int | None = None, *, since: dt.date | None = None,
            offset: int = 0) -> builtins.list[FollowUpRow]:
        """Open follow-ups due on or before ``until`` (and on or after ``since``), overdue first.

        ``limit``/``offset``: one page of them (:meth:`count_due` tells how many there are).
        """
        where, args = self._due_where(until, since)
        sql = _FOLLOWUP_SQL + f" WHERE {where} ORDER BY u.due_date, u.id" + self._page(limit, offset)
        return [self._row(r) for r in self.conn.execute(sql, args)]

    def count_due(self, until: dt.date, since: dt.date | None = None) -> int:
        """How many open follow-ups are due on or before ``until`` (and on or after ``since``)."""
        where, args = self._due_where(until, since)
        return int(self.conn.execute(f"SELECT count(*) FROM followup u WHERE {where}", args).fetchone()[0])

    def open(self, limit: int | None = None, offset: int = 0) -> builtins.list[FollowUpRow]:
        return [self._row(r) for r in self.conn.execute(
            _FOLLOWUP_SQL + " WHERE u.done_date IS NULL ORDER BY u.due_date, u.id" + self._page(limit, offset))]

    def count_open(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM followup WHERE done_date IS NULL").fetchone()[0])

    def done(self, since: dt.date, limit: int | None = None, offset: int = 0) -> builtins.list[FollowUpRow]:
        return [self._row(r) for r in self.conn.execute(
            _FOLLOWUP_SQL + " WHERE u.done_date >= ? ORDER BY u.done_date DESC, u.id DESC" + self._page(limit, offset),
            (d2s(since),))]

    def count_done(self, since: dt.date) -> int:
        return int(self.conn.execute("SELECT count(*) FROM followup WHERE done_date >= ?",
                                     (d2s(since),)).fetchone()[0])


# -------------------------------------------------------------------- partners
class Partners(_Repo):
    def add(self, partner: Partner) -> Partner:
        validate_partner(partner)
        with self.tx():
            existing = self.conn.execute("SELECT id FROM partner WHERE name = ? AND type = ?",
                                         (partner.name.strip(), partner.type)).fetchone()
            if existing:
                partner.id = int(existing[0])
                return partner
            cur = self.conn.execute("INSERT INTO partner (name, type) VALUES (?, ?)",
                                    (partner.name.strip(), partner.type))
            partner.id = int(cur.lastrowid)
            self._audit(Action.CREATE, "partner", partner.id)
        return partner

    def update(self, partner: Partner) -> None:
        validate_partner(partner)
        with self.tx():
            self.conn.execute("UPDATE partner SET name = ?, type = ? WHERE id = ?",
                              (partner.name.strip(), partner.type, partner.id))
            self._audit(Action.UPDATE, "partner", partner.id)

    def list(self) -> list[Partner]:
        return [Partner(name=r[1], type=r[2], id=r[0])
                for r in self.conn.execute("SELECT id, name, type FROM partner ORDER BY name")]

    def get(self, partner_id: int) -> Partner:
        row = self.conn.execute("SELECT id, name, type FROM partner WHERE id = ?", (partner_id,)).fetchone()
        if row is None:
            raise NotFound()
        return Partner(name=row[1], type=row[2], id=row[0])


# ------------------------------------------------------------------- referrals
class ReferralTransitionError(ValidationError):
    pass


class Referrals(_Repo):
    def add(self, referral: Referral, today: dt.date | None = None) -> Referral:
        validate_referral(referral, today)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO referral (id, family_id, partner_id, date, consent_date, consent_by, warm_handover, "
                "status, outcome_note) VALUES (?,?,?,?,?,?,?,?,?)",
                (next_family_row_id(self.conn, "referral", referral.family_id), referral.family_id,
                 referral.partner_id, d2s(referral.date), d2s(referral.sharing_consent.date),
                 referral.sharing_consent.given_by.strip(), int(referral.warm_handover), str(referral.status),
                 referral.outcome_note),
            )
            referral.id = int(cur.lastrowid)
            self._set_codes("referral_theme", "referral_id", referral.id, "theme", referral.themes)
            self.conn.execute("INSERT INTO referral_status (referral_id, status, date) VALUES (?,?,?)",
                              (referral.id, str(referral.status), d2s(referral.date)))
            referral.history = [StatusChange(referral.status, referral.date)]
            self._audit(Action.CREATE, "referral", referral.id)
        return referral

    def update(self, referral: Referral, today: dt.date | None = None) -> None:
        """Update the referral's details (not its status: use :meth:`change_status`)."""
        validate_referral(referral, today)
        with self.tx():
            self.conn.execute(
                "UPDATE referral SET partner_id = ?, date = ?, consent_date = ?, consent_by = ?, warm_handover = ?, "
                "outcome_note = ? WHERE id = ?",
                (referral.partner_id, d2s(referral.date), d2s(referral.sharing_consent.date),
                 referral.sharing_consent.given_by.strip(), int(referral.warm_handover), referral.outcome_note,
                 referral.id),
            )
            assert referral.id is not None
            self._set_codes("referral_theme", "referral_id", referral.id, "theme", referral.themes)
            self._audit(Action.UPDATE, "referral", referral.id)

    def change_status(self, referral_id: int, status: ReferralStatus, on: dt.date,
                      today: dt.date | None = None) -> Referral:
        referral = self.get(referral_id)
        if status not in REFERRAL_TRANSITIONS[referral.status]:
            raise ReferralTransitionError({"status": _(N_("This status cannot follow the current status."))})
        last = referral.history[-1].date if referral.history else referral.date
        if on < last:
            raise ValidationError({"status_date": _(N_("A status change cannot be dated before the previous one."))})
        if on > (today or dt.date.today()):
            raise ValidationError({"status_date": _(N_("A status change cannot be in the future."))})
        with self.tx():
            self.conn.execute("UPDATE referral SET status = ? WHERE id = ?", (str(status), referral_id))
            self.conn.execute("INSERT INTO referral_status (referral_id, status, date) VALUES (?,?,?)",
                              (referral_id, str(status), d2s(on)))
            self._audit(Action.UPDATE, "referral", referral_id)
        return self.get(referral_id)

    def delete(self, referral_id: int) -> None:
        with self.tx():
            self.conn.execute("DELETE FROM referral WHERE id = ?", (referral_id,))
            self._audit(Action.DELETE, "referral", referral_id)

    _COLS = "id, family_id, partner_id, date, consent_date, consent_by, warm_handover, status, outcome_note"

    def get(self, referral_id: int) -> Referral:
        found = self._many("r.id = ?", (referral_id,), "r.id")
        if not found:
            raise NotFound()
        return found[0]

    def _many(self, where: str, args: tuple[Any, ...], order: str) -> list[Referral]:
        """The referrals matching ``where`` (on ``r``), each with its dated history and themes, in one
        query (the history packed as ``id:status:date`` items, oldest first)."""
        cols = ", ".join(f"r.{c.strip()}" for c in self._COLS.split(","))
        rows = self.conn.execute(
            f"SELECT {cols}, " + _codes_sql("referral_theme", "referral_id", "theme", "r.id")
            + ", (SELECT group_concat(s.id || ':' || s.status || ':' || s.date, char(31)) "
              "FROM referral_status s WHERE s.referral_id = r.id) "
            f"FROM referral r WHERE {where} ORDER BY {order}", args)
        # positional, in the field order of model.Referral
        return [Referral(r[1], r[2], date_(r[3]), _split(r[9]), Consent(s2d(r[4]), r[5]), bool(r[6]),
                         _REFERRAL_STATUS[r[7]], r[8], _history(r[10]), r[0])
                for r in rows]

    def list(self, family_id: int) -> list[Referral]:
        """The family's referrals, newest first, each with its history and themes (one query)."""
        return self._many("r.family_id = ?", (family_id,), "r.date DESC, r.id DESC")

    def waiting(self, limit: int | None = None) -> builtins.list[ReferralRow]:
        """Referrals waiting for the partner's answer (referred or on a waiting list), the one waiting
        longest first: by the date of its latest status change (what Overzicht shows as "since").

        ``limit``: only the first ``limit`` (:meth:`count_waiting` tells how many there are).
        """
        waiting = "r.status IN ('referred', 'waiting_list')"
        since = "coalesce((SELECT max(s.date) FROM referral_status s WHERE s.referral_id = r.id), r.date)"
        sql = ("SELECT r.id, p.name, f.ref, f.display_name FROM referral r JOIN partner p ON p.id = r.partner_id "
               f"JOIN family f ON f.id = r.family_id WHERE {waiting} ORDER BY {since}, r.id")
        rows = self.conn.execute(sql + (f" LIMIT {int(limit)}" if limit is not None else "")).fetchall()
        if not rows:
            return []
        if limit is None:
            referrals = {r.id: r for r in self._many(waiting, (), "r.id")}
        else:
            ids = tuple(int(r[0]) for r in rows)
            referrals = {r.id: r for r in self._many(f"r.id IN ({','.join('?' * len(ids))})", ids, "r.id")}
        return [ReferralRow(referrals[r[0]], r[1], r[2], r[3]) for r in rows]

    def count_waiting(self) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM referral WHERE status IN ('referred', 'waiting_list')").fetchone()[0])


# ------------------------------------------------------------------ activities
class Activities(_Repo):
    def add(self, activity: Activity, today: dt.date | None = None) -> Activity:
        validate_activity(activity, today)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO activity (date, kind, school_id, parents_count, minutes, title) VALUES (?,?,?,?,?,?)",
                (d2s(activity.date), activity.kind, activity.school_id, activity.parents_count, activity.minutes,
                 activity.title.strip()),
            )
            activity.id = int(cur.lastrowid)
            self._set_codes("activity_theme", "activity_id", activity.id, "theme", activity.themes)
            self._audit(Action.CREATE, "activity", activity.id)
        return activity

    def update(self, activity: Activity, today: dt.date | None = None) -> None:
        validate_activity(activity, today)
        with self.tx():
            self.conn.execute(
                "UPDATE activity SET date = ?, kind = ?, school_id = ?, parents_count = ?, minutes = ?, title = ? "
                "WHERE id = ?",
                (d2s(activity.date), activity.kind, activity.school_id, activity.parents_count, activity.minutes,
                 activity.title.strip(), activity.id),
            )
            assert activity.id is not None
            self._set_codes("activity_theme", "activity_id", activity.id, "theme", activity.themes)
            self._audit(Action.UPDATE, "activity", activity.id)

    def delete(self, activity_id: int) -> None:
        with self.tx():
            self.conn.execute("DELETE FROM activity WHERE id = ?", (activity_id,))
            self._audit(Action.DELETE, "activity", activity_id)

    def list(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Activity]:
        rows = self.conn.execute(
            "SELECT id, date, kind, school_id, parents_count, minutes, title FROM activity "
            "WHERE date >= ? AND date <= ? ORDER BY date DESC, id DESC",
            (d2s(start or dt.date.min), d2s(end or dt.date.max)),
        )
        return [Activity(date=dt.date.fromisoformat(r[1]), kind=r[2], school_id=r[3], parents_count=r[4],
                         minutes=r[5], title=r[6], id=r[0],
                         themes=self._codes("activity_theme", "activity_id", r[0], "theme")) for r in rows]


# ---------------------------------------------------------------- lists, settings
class Lists(_Repo):
    def items(self, list_name: ListName | str, *, include_inactive: bool = False) -> list[ListItem]:
        sql = "SELECT code, label, position, active FROM list_item WHERE list = ?"
        if not include_inactive:
            sql += " AND active = 1"
        return [ListItem(r[0], r[1], r[2], bool(r[3]))
                for r in self.conn.execute(sql + " ORDER BY position, id", (str(list_name),))]

    def labels(self, list_name: ListName | str) -> dict[str, str]:
        return {i.code: i.label for i in self.items(list_name, include_inactive=True)}

    def label(self, list_name: ListName | str, code: str) -> str:
        return self.labels(list_name).get(code, code)

    def add(self, list_name: ListName | str, label: str) -> ListItem:
        label = label.strip()
        if not label:
            raise ValidationError({"label": _(N_("Enter a label."))})
        existing = self.items(list_name, include_inactive=True)
        if any(fold(i.label) == fold(label) for i in existing):
            raise ValidationError({"label": _(N_("This list already has that item."))})
        base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:24] or "item"
        code, n = f"custom_{base}", 2
        codes = {i.code for i in existing}
        while code in codes:
            code, n = f"custom_{base}_{n}", n + 1
        position = max((i.position for i in existing), default=-1) + 1
        with self.tx():
            self.conn.execute("INSERT INTO list_item (list, code, label, position) VALUES (?,?,?,?)",
                              (str(list_name), code, label, position))
            self._audit(Action.CREATE, "list_item", None)
        return ListItem(code, label, position, True)

    def rename(self, list_name: ListName | str, code: str, label: str) -> None:
        if not label.strip():
            raise ValidationError({"label": _(N_("Enter a label."))})
        with self.tx():
            self.conn.execute("UPDATE list_item SET label = ? WHERE list = ? AND code = ?",
                              (label.strip(), str(list_name), code))
            self._audit(Action.UPDATE, "list_item", None)

    def set_active(self, list_name: ListName | str, code: str, active: bool) -> None:
        """Hide an item from new choices (kept for existing data and reports)."""
        with self.tx():
            self.conn.execute("UPDATE list_item SET active = ? WHERE list = ? AND code = ?",
                              (int(active), str(list_name), code))
            self._audit(Action.UPDATE, "list_item", None)

    def move(self, list_name: ListName | str, code: str, offset: int) -> None:
        items = self.items(list_name, include_inactive=True)
        codes = [i.code for i in items]
        i = codes.index(code)
        j = max(0, min(len(codes) - 1, i + offset))
        codes.insert(j, codes.pop(i))
        with self.tx():
            self.conn.executemany("UPDATE list_item SET position = ? WHERE list = ? AND code = ?",
                                  [(p, str(list_name), c) for p, c in enumerate(codes)])
            self._audit(Action.UPDATE, "list_item", None)


class Settings(_Repo):
    def get(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else DEFAULT_SETTINGS.get(key)

    def set(self, key: str, value: Any) -> None:
        with self.tx():
            self.conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, json.dumps(value)))
            self._audit(Action.UPDATE, "setting", None)

    @property
    def term_starts(self) -> tuple[tuple[int, int], ...]:
        return tuple((int(m), int(d)) for m, d in self.get("term_starts"))

    def set_term_starts(self, starts: Iterable[tuple[int, int]]) -> None:
        value = tuple((int(m), int(d)) for m, d in starts)
        validate_term_starts(value)
        self.set("term_starts", [list(t) for t in value])

    @property
    def report_threshold(self) -> int:
        return int(self.get("report_threshold"))

    def set_report_threshold(self, k: int) -> None:
        if not 3 <= int(k) <= 20:
            raise ValidationError({"report_threshold": _(N_("The threshold must be between 3 and 20."))})
        self.set("report_threshold", int(k))

    @property
    def autolock_minutes(self) -> int:
        return int(self.get("autolock_minutes"))

    def set_autolock_minutes(self, minutes: int) -> None:
        if not 1 <= int(minutes) <= 60:
            raise ValidationError({"autolock_minutes": _(N_("Auto-lock must be between 1 and 60 minutes."))})
        self.set("autolock_minutes", int(minutes))

    @property
    def retention_years(self) -> int:
        return int(self.get("retention_years"))

    def set_retention_years(self, years: int) -> None:
        if not 1 <= int(years) <= 20:
            raise ValidationError({"retention_years": _(N_("The retention period must be between 1 and 20 years."))})
        self.set("retention_years", int(years))


@dataclass(frozen=True)
class TermNumbers:
    """The desk's "this term" figures (Overzicht): counts only, no personal data."""

    active_families: int  # families with any time open in the period
    new_families: int  # families that started in the period
    contacts: int
    minutes: int
    home_visits: int


class Statistics(_Repo):
    def term_numbers(self, start: dt.date, end: dt.date) -> TermNumbers:
        """Counts for ``start``..``end`` (inclusive), aggregated in SQL."""
        s, e = d2s(start), d2s(end)
        active, new = self.conn.execute(
            "SELECT count(*), coalesce(sum(start_date >= ?), 0) FROM family "
            "WHERE start_date <= ? AND (closed_date IS NULL OR closed_date >= ?)", (s, e, s)).fetchone()
        contacts, minutes, visits = self.conn.execute(
            "SELECT count(*), coalesce(sum(minutes), 0), coalesce(sum(kind = 'home_visit'), 0) FROM contact "
            "WHERE date >= ? AND date <= ?", (s, e)).fetchone()
        return TermNumbers(int(active), int(new), int(contacts), int(minutes), int(visits))


class Repositories:
    """All repositories of one open vault: ``vault.repo.families.create(...)`` and so on."""

    def __init__(self, vault: Store) -> None:
        self.schools = Schools(vault)
        self.families = Families(vault)
        self.members = Members(vault)
        self.contacts = Contacts(vault)
        self.followups = FollowUps(vault)
        self.partners = Partners(vault)
        self.referrals = Referrals(vault)
        self.activities = Activities(vault)
        self.lists = Lists(vault)
        self.settings = Settings(vault)
        self.statistics = Statistics(vault)
        from brugdesk.store.reportdata import ReportData  # it builds on this module's _Repo

        self.reportdata = ReportData(vault)


def iter_chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
