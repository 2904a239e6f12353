"""A family's casework: contact moments (with themes, and the follow-up a contact may set),
follow-ups (due, open, done; paged for Acties), and referrals to partners with their dated status
history (the allowed transitions, Overzicht's waiting referrals).

Contacts, follow-ups and referrals take their ids from the family's id range
(:func:`brugdesk.store.schema.next_family_row_id`), so a family's rows are stored together.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from brugdesk.core.model import (
    REFERRAL_TRANSITIONS,
    Consent,
    Contact,
    FamilyStatus,
    FollowUp,
    Referral,
    ReferralStatus,
    StatusChange,
)
from brugdesk.core.validation import ValidationError, validate_contact, validate_followup, validate_referral
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import SEP, Repo, codes_sql, d2s, date_, s2d, s2t, split, t2s, timestamp
from brugdesk.store.repo.rows import FollowUpRow, ReferralListRow, ReferralRow
from brugdesk.store.schema import next_family_row_id

#: stored text -> enum member, without the Enum call machinery (rows are built by the hundred)
_REFERRAL_STATUS = {str(s): s for s in ReferralStatus}


def _history(packed: str | None) -> list[StatusChange]:
    """A referral's status history from its packed ``id:status:date:hex(note)`` items."""
    changes = []
    for item in packed.split(SEP) if packed else ():
        change_id, status, day, note = item.split(":")
        changes.append(StatusChange(_REFERRAL_STATUS[status], date_(day), int(change_id),
                                    bytes.fromhex(note).decode() if note else ""))
    changes.sort(key=lambda c: (c.date, c.id))
    return changes


# ------------------------------------------------------------------- contacts
class Contacts(Repo):
    entity = "contact"
    what = What.CONTACT
    per_family = True

    def add(self, contact: Contact, today: dt.date | None = None) -> Contact:
        validate_contact(contact, today)
        with self.tx():
            status = self.conn.execute("SELECT status FROM family WHERE id = ?", (contact.family_id,)).fetchone()
            if status is None:
                raise NotFound()
            cur = self.conn.execute(
                "INSERT INTO contact (id, family_id, date, minutes, kind, with_whom, note, created_at, time) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (next_family_row_id(self.conn, "contact", contact.family_id), contact.family_id, d2s(contact.date),
                 contact.minutes, contact.kind, ",".join(contact.with_whom),
                 contact.note, timestamp(), t2s(contact.time)),
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
            self._audit(Action.CREATE, contact.id)
            self._changed(What.CONTACT, contact.family_id)
        return contact

    def update(self, contact: Contact, today: dt.date | None = None) -> None:
        validate_contact(contact, today)
        with self.tx():
            self.conn.execute(
                "UPDATE contact SET date = ?, minutes = ?, kind = ?, with_whom = ?, note = ?, time = ? WHERE id = ?",
                (d2s(contact.date), contact.minutes, contact.kind, ",".join(contact.with_whom), contact.note,
                 t2s(contact.time), contact.id),
            )
            assert contact.id is not None
            self._set_codes("contact_theme", "contact_id", contact.id, "theme", contact.themes)
            self._audit(Action.UPDATE, contact.id)
            self._changed(What.CONTACT, self._family_of(contact.id))

    def delete(self, contact_id: int) -> None:
        self._delete(contact_id)

    #: a contact with its themes, one row each
    _SQL = ("SELECT id, family_id, date, minutes, kind, with_whom, note, "
            + codes_sql("contact_theme", "contact_id", "theme", "contact.id") + ", time FROM contact")

    @staticmethod
    def _from_row(r: Any) -> Contact:
        # positional, in the field order of model.Contact (keywords cost twice as much per contact)
        return Contact(r[1], date_(r[2]), r[3], r[4], [w for w in r[5].split(",") if w], split(r[7]), r[6], "",
                       None, r[0], s2t(r[8]) if r[8] else None)

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


class FollowUps(Repo):
    entity = "followup"
    what = What.FOLLOWUP
    per_family = True

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
            self._audit(Action.CREATE, followup.id)
            self._changed(What.FOLLOWUP, followup.family_id)
        return followup

    def update(self, followup: FollowUp) -> None:
        validate_followup(followup)
        with self.tx():
            self.conn.execute("UPDATE followup SET text = ?, due_date = ?, done_date = ? WHERE id = ?",
                              (followup.text.strip(), d2s(followup.due_date), d2s(followup.done_date), followup.id))
            self._audit(Action.UPDATE, followup.id)
            self._changed(What.FOLLOWUP, self._family_of(followup.id))

    def set_done(self, followup_id: int, done: dt.date | None) -> None:
        with self.tx():
            self.conn.execute("UPDATE followup SET done_date = ? WHERE id = ?", (d2s(done), followup_id))
            self._audit(Action.UPDATE, followup_id)
            self._changed(What.FOLLOWUP, self._family_of(followup_id))

    def delete(self, followup_id: int) -> None:
        self._delete(followup_id)

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


# ------------------------------------------------------------------- referrals
#: the longest note with a status change
MAX_STATUS_NOTE = 1000
#: the statuses in which a referral waits for something (the officer, the partner, a place)
OVERDUE_STATUSES = frozenset({ReferralStatus.PROPOSED, ReferralStatus.REFERRED, ReferralStatus.WAITING_LIST})
#: days a referral may wait in one of those before it counts as overdue (setting ``referral_overdue_days``)
DEFAULT_OVERDUE_DAYS = 28


class ReferralTransitionError(ValidationError):
    pass


class Referrals(Repo):
    entity = "referral"
    what = What.REFERRAL
    per_family = True

    def add(self, referral: Referral, today: dt.date | None = None) -> Referral:
        validate_referral(referral, today)
        with self.tx():
            cur = self.conn.execute(
                "INSERT INTO referral (id, family_id, partner_id, date, consent_date, consent_by, warm_handover, "
                "status, outcome_note, need, contact_person, status_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (next_family_row_id(self.conn, "referral", referral.family_id), referral.family_id,
                 referral.partner_id, d2s(referral.date), d2s(referral.sharing_consent.date),
                 referral.sharing_consent.given_by.strip(), int(referral.warm_handover), str(referral.status),
                 referral.outcome_note, referral.need.strip(), referral.contact_person.strip(), d2s(referral.date)),
            )
            referral.id = int(cur.lastrowid)
            self._set_codes("referral_theme", "referral_id", referral.id, "theme", referral.themes)
            note = referral.status_note.strip()
            cur = self.conn.execute("INSERT INTO referral_status (referral_id, status, date, note) VALUES (?,?,?,?)",
                                    (referral.id, str(referral.status), d2s(referral.date), note))
            referral.history = [StatusChange(referral.status, referral.date, int(cur.lastrowid), note)]
            self._audit(Action.CREATE, referral.id)
            self._changed(What.REFERRAL, referral.family_id)
        return referral

    def update(self, referral: Referral, today: dt.date | None = None) -> None:
        """Update the referral's details (not its status: use :meth:`change_status`)."""
        validate_referral(referral, today)
        with self.tx():
            self.conn.execute(
                "UPDATE referral SET partner_id = ?, date = ?, consent_date = ?, consent_by = ?, warm_handover = ?, "
                "outcome_note = ?, need = ?, contact_person = ? WHERE id = ?",
                (referral.partner_id, d2s(referral.date), d2s(referral.sharing_consent.date),
                 referral.sharing_consent.given_by.strip(), int(referral.warm_handover), referral.outcome_note,
                 referral.need.strip(), referral.contact_person.strip(), referral.id),
            )
            assert referral.id is not None
            self._set_codes("referral_theme", "referral_id", referral.id, "theme", referral.themes)
            self._audit(Action.UPDATE, referral.id)
            self._changed(What.REFERRAL, self._family_of(referral.id))

    def change_status(self, referral_id: int, status: ReferralStatus, on: dt.date,
                      today: dt.date | None = None, note: str = "") -> Referral:
        """Move the referral to ``status`` on ``on``, with an optional ``note`` (what happened), kept in
        its dated history. Only the allowed transitions (:data:`~brugdesk.core.model.REFERRAL_TRANSITIONS`);
        not before the previous change, not in the future."""
        referral = self.get(referral_id)
        if len(note.strip()) > MAX_STATUS_NOTE:
            raise ValidationError({"note": _(N_("Keep the note short: at most {n} characters.")).format(
                n=MAX_STATUS_NOTE)})
        if status not in REFERRAL_TRANSITIONS[referral.status]:
            raise ReferralTransitionError({"status": _(N_("This status cannot follow the current status."))})
        last = referral.history[-1].date if referral.history else referral.date
        if on < last:
            raise ValidationError({"status_date": _(N_("A status change cannot be dated before the previous one."))})
        if on > (today or dt.date.today()):
            raise ValidationError({"status_date": _(N_("A status change cannot be in the future."))})
        with self.tx():
            self.conn.execute("UPDATE referral SET status = ?, status_date = ? WHERE id = ?",
                              (str(status), d2s(on), referral_id))
            self.conn.execute("INSERT INTO referral_status (referral_id, status, date, note) VALUES (?,?,?,?)",
                              (referral_id, str(status), d2s(on), note.strip()))
            self._audit(Action.UPDATE, referral_id)
            self._changed(What.REFERRAL, referral.family_id)
        return self.get(referral_id)

    def delete(self, referral_id: int) -> None:
        self._delete(referral_id)

    _COLS = ("id, family_id, partner_id, date, consent_date, consent_by, warm_handover, status, outcome_note, "
             "need, contact_person")

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
            f"SELECT {cols}, " + codes_sql("referral_theme", "referral_id", "theme", "r.id")
            + ", (SELECT group_concat(s.id || ':' || s.status || ':' || s.date || ':' || hex(s.note), char(31)) "
              "FROM referral_status s WHERE s.referral_id = r.id) "
            f"FROM referral r WHERE {where} ORDER BY {order}", args)
        # positional, in the field order of model.Referral
        return [Referral(r[1], r[2], date_(r[3]), split(r[11]), Consent(s2d(r[4]), r[5]), bool(r[6]),
                         _REFERRAL_STATUS[r[7]], r[8], _history(r[12]), r[0], r[9], r[10])
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
        sql = ("SELECT r.id, p.name, f.ref, f.display_name FROM referral r JOIN partner p ON p.id = r.partner_id "
               f"JOIN family f ON f.id = r.family_id WHERE {waiting} ORDER BY r.status_date, r.id")
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

    # ------------------------------------------------------------- the referrals page
    @staticmethod
    def _listing_where(statuses: Iterable[ReferralStatus] | None, partner_type: str | None, school_id: int | None,
                       overdue_before: dt.date | None, family_id: int | None) -> tuple[str, builtins.list[Any]]:
        where: builtins.list[str] = []
        args: builtins.list[Any] = []
        if statuses is not None:
            codes = sorted({str(s) for s in statuses})
            where.append(f"r.status IN ({','.join('?' * len(codes))})" if codes else "0")
            args.extend(codes)
        if partner_type:
            where.append("r.partner_id IN (SELECT p2.id FROM partner p2 WHERE p2.type = ?)")
            args.append(partner_type)
        if school_id is not None:
            where.append("r.family_id IN (SELECT fs.family_id FROM family_school fs WHERE fs.school_id = ?)")
            args.append(school_id)
        if overdue_before is not None:
            codes = sorted(str(s) for s in OVERDUE_STATUSES)
            where.append(f"r.status IN ({','.join('?' * len(codes))}) AND r.status_date < ?")
            args.extend([*codes, d2s(overdue_before)])
        if family_id is not None:
            where.append("r.family_id = ?")
            args.append(family_id)
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def overdue_cutoff(self, today: dt.date | None = None) -> dt.date:
        """A referral waiting (voorgesteld, doorverwezen, wachtlijst) since before this day is overdue:
        ``today`` minus the vault's ``referral_overdue_days``."""
        days = int(self.vault.repo.settings.get("referral_overdue_days") or DEFAULT_OVERDUE_DAYS)
        return (today or dt.date.today()) - dt.timedelta(days=days)

    def listing(self, *, statuses: Iterable[ReferralStatus] | None = None, partner_type: str | None = None,
                school_id: int | None = None, overdue: bool = False, family_id: int | None = None,
                limit: int | None = 200, offset: int = 0,
                today: dt.date | None = None) -> builtins.list[ReferralListRow]:
        """The referrals page (Doorverwijzingen): every referral with its family, partner, status and
        days waiting since its latest status change, the one waiting longest first.

        Filters combine with AND: ``statuses`` (None: all), ``partner_type`` (a code of the
        partner_type list), ``school_id`` (the family's school), ``overdue`` (still waiting —
        voorgesteld, doorverwezen, wachtlijst — since before :meth:`overdue_cutoff`), ``family_id``.
        ``limit``/``offset`` page through them (:meth:`count_listing` tells how many match).
        """
        today = today or dt.date.today()
        cutoff = self.overdue_cutoff(today)
        where, args = self._listing_where(statuses, partner_type, school_id, cutoff if overdue else None, family_id)
        # the page's ids first, from the referral rows (and their indexes) alone; then the page's
        # families, partners and schools: joining them before the sort would read them for every match
        page = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
        ids = [int(r[0]) for r in self.conn.execute(
            f"SELECT r.id FROM referral r{where} ORDER BY r.status_date, r.id{page}", args)]
        if not ids:
            return []
        sql = ("SELECT r.id, r.family_id, f.ref, f.display_name, r.partner_id, p.name, p.type, r.status, r.date, "
               "r.status_date, r.need, r.contact_person, "
               "coalesce((SELECT group_concat(s.name, ', ') FROM family_school x JOIN school s ON s.id = x.school_id "
               "WHERE x.family_id = r.family_id), '') "
               "FROM referral r JOIN partner p ON p.id = r.partner_id JOIN family f ON f.id = r.family_id "
               "WHERE r.id IN ({marks})")
        found: dict[int, Any] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update((int(r[0]), r) for r in self.conn.execute(sql.format(marks=",".join("?" * len(chunk))),
                                                                   chunk))
        out = []
        waiting = {str(s) for s in OVERDUE_STATUSES}
        for r in (found[i] for i in ids if i in found):
            since = date_(r[9] or r[8])
            out.append(ReferralListRow(
                int(r[0]), int(r[1]), r[2], r[3], int(r[4]), r[5], r[6], _REFERRAL_STATUS[r[7]], date_(r[8]), since,
                max(0, (today - since).days), r[7] in waiting and since < cutoff, r[10], r[11], r[12]))
        return out

    def count_listing(self, *, statuses: Iterable[ReferralStatus] | None = None, partner_type: str | None = None,
                      school_id: int | None = None, overdue: bool = False, family_id: int | None = None,
                      today: dt.date | None = None) -> int:
        """How many referrals :meth:`listing` would list with these filters (all pages)."""
        cutoff = self.overdue_cutoff(today) if overdue else None
        where, args = self._listing_where(statuses, partner_type, school_id, cutoff, family_id)
        return int(self.conn.execute(f"SELECT count(*) FROM referral r{where}", args).fetchone()[0])

    def count_overdue(self, today: dt.date | None = None) -> int:
        """How many referrals are overdue (Overzicht: "… en nog N doorverwijzingen wachten")."""
        return self.count_listing(overdue=True, today=today)
