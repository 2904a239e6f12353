"""The agenda: planned appointments (afspraken) with a date, a time of day, a kind (a code of the
``contact_kind`` list), a duration, a note and an optional family; the week, today, the reminders
due soon; and "it happened", which turns an appointment into a contact moment in one call
(:meth:`Appointments.happened`).

An appointment with a family belongs to it: it is deleted with the family
(:mod:`brugdesk.store.family_rows`).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from typing import Any

from brugdesk.core.model import Appointment, AppointmentStatus, Contact
from brugdesk.core.validation import ValidationError, validate_appointment
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo, d2s, date_, s2t, t2s, timestamp
from brugdesk.store.repo.rows import AppointmentRow

_STATUS = {str(s): s for s in AppointmentStatus}

_ROW_SQL = ("SELECT a.id, a.date, a.time, a.minutes, a.kind, a.note, a.status, a.family_id, coalesce(f.ref, ''), "
            "coalesce(f.display_name, ''), a.contact_id FROM appointment a LEFT JOIN family f ON f.id = a.family_id")


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of ``day``'s week."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


class Appointments(Repo):
    entity = "appointment"
    what = What.APPOINTMENT

    # ------------------------------------------------------------------ writing
    def _check_family(self, family_id: int | None) -> None:
        if family_id is not None and self.conn.execute(
                "SELECT 1 FROM family WHERE id = ?", (family_id,)).fetchone() is None:
            raise NotFound()

    def add(self, appointment: Appointment, today: dt.date | None = None) -> Appointment:
        """Plan an appointment (status gepland)."""
        validate_appointment(appointment, today)
        with self.tx():
            self._check_family(appointment.family_id)
            cur = self.conn.execute(
                "INSERT INTO appointment (family_id, date, time, minutes, kind, note, status, created_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (appointment.family_id, d2s(appointment.date), t2s(appointment.time), appointment.minutes,
                 appointment.kind, appointment.note.strip(), str(AppointmentStatus.PLANNED), timestamp()))
            appointment.id = int(cur.lastrowid)
            appointment.status = AppointmentStatus.PLANNED
            self._audit(Action.CREATE, appointment.id)
            self._changed(What.APPOINTMENT, appointment.family_id)
        return appointment

    def update(self, appointment: Appointment, today: dt.date | None = None) -> None:
        """Change a planned appointment (date, time, kind, duration, note, family); one that
        happened already is its contact moment now and is not changed here."""
        validate_appointment(appointment, today)
        current = self.get(self._id(appointment))
        if current.status == AppointmentStatus.DONE:
            raise ValidationError({"status": _(N_(
                "This appointment has happened; change its contact instead."))})
        with self.tx():
            self._check_family(appointment.family_id)
            self.conn.execute(
                "UPDATE appointment SET family_id = ?, date = ?, time = ?, minutes = ?, kind = ?, note = ? "
                "WHERE id = ?",
                (appointment.family_id, d2s(appointment.date), t2s(appointment.time), appointment.minutes,
                 appointment.kind, appointment.note.strip(), appointment.id))
            self._audit(Action.UPDATE, appointment.id)
            self._changed(What.APPOINTMENT, appointment.family_id)

    @staticmethod
    def _id(appointment: Appointment) -> int:
        if appointment.id is None:
            raise NotFound()
        return appointment.id

    def cancel(self, appointment_id: int) -> None:
        """Cancel a planned appointment (kept, marked geannuleerd; it no longer reminds)."""
        appointment = self.get(appointment_id)
        if appointment.status == AppointmentStatus.DONE:
            raise ValidationError({"status": _(N_("This appointment has happened; it cannot be cancelled."))})
        with self.tx():
            self.conn.execute("UPDATE appointment SET status = 'cancelled' WHERE id = ?", (appointment_id,))
            self._audit(Action.UPDATE, appointment_id)
            self._changed(What.APPOINTMENT, appointment.family_id)

    def delete(self, appointment_id: int) -> None:
        """Delete an appointment (its contact moment, if it happened, stays)."""
        appointment = self.get(appointment_id)
        with self.tx():
            self.conn.execute("DELETE FROM appointment WHERE id = ?", (appointment_id,))
            self._audit(Action.DELETE, appointment_id)
            self._changed(What.APPOINTMENT, appointment.family_id)

    def happened(self, appointment_id: int, *, minutes: int | None = None, note: str | None = None,
                 with_whom: list[str] | None = None, themes: list[str] | None = None,
                 followup_text: str = "", followup_date: dt.date | None = None,
                 family_id: int | None = None, today: dt.date | None = None) -> Contact:
        """It happened: the appointment becomes a contact moment of its family (its date, time of
        day, kind, and — unless given here — its duration and note), and is marked done and linked to
        that contact, in one transaction. ``family_id`` links a family first when the appointment
        had none. Refused for an appointment in the future, one already done, or one without a family."""
        appointment = self.get(appointment_id)
        if appointment.status == AppointmentStatus.DONE:
            raise ValidationError({"status": _(N_("This appointment has already become a contact."))})
        family = family_id if family_id is not None else appointment.family_id
        if family is None:
            raise ValidationError({"family": _(N_("Choose the family this appointment was with."))})
        contact = Contact(family, appointment.date, appointment.minutes if minutes is None else minutes,
                          appointment.kind, list(with_whom or []), list(themes or []),
                          appointment.note if note is None else note, followup_text, followup_date,
                          time=appointment.time)
        with self.tx():
            self._check_family(family)
            self.vault.repo.contacts.add(contact, today)
            self.conn.execute("UPDATE appointment SET status = 'done', contact_id = ?, family_id = ? WHERE id = ?",
                              (contact.id, family, appointment_id))
            self._audit(Action.UPDATE, appointment_id)
            self._changed(What.APPOINTMENT, family)
        return contact

    # ------------------------------------------------------------------ reading
    @staticmethod
    def _row(r: Any) -> AppointmentRow:
        return AppointmentRow(int(r[0]), date_(r[1]), s2t(r[2]) if r[2] else None, int(r[3]), r[4], r[5],
                              _STATUS[r[6]], r[7], r[8], r[9], r[10])

    @staticmethod
    def _rows(raw: Iterable[Any]) -> builtins.list[AppointmentRow]:
        """Rows for a week or a day: a handful of dates and times, each parsed once."""
        days: dict[str, dt.date] = {}
        times: dict[str, dt.time | None] = {"": None}
        out = []
        for r in raw:
            day = days.get(r[1]) or days.setdefault(r[1], date_(r[1]))
            time = times[r[2]] if r[2] in times else times.setdefault(r[2], s2t(r[2]))
            out.append(AppointmentRow(r[0], day, time, r[3], r[4], r[5], _STATUS[r[6]], r[7], r[8], r[9], r[10]))
        return out

    def get(self, appointment_id: int) -> Appointment:
        row = self.conn.execute(
            "SELECT id, date, time, minutes, kind, note, status, family_id, contact_id FROM appointment WHERE id = ?",
            (appointment_id,)).fetchone()
        if row is None:
            raise NotFound()
        return Appointment(date_(row[1]), s2t(row[2]) if row[2] else None, row[4], int(row[3]), row[7], row[5],
                           _STATUS[row[6]], row[8], int(row[0]))

    def between(self, start: dt.date, end: dt.date, *,
                include_cancelled: bool = False) -> builtins.list[AppointmentRow]:
        """The appointments from ``start`` to ``end`` (inclusive), by date and time (those without a
        time first on their day)."""
        sql = _ROW_SQL + " WHERE a.date >= ? AND a.date <= ?"
        if not include_cancelled:
            sql += " AND a.status != 'cancelled'"
        return self._rows(self.conn.execute(sql + " ORDER BY a.date, a.time, a.id", (d2s(start), d2s(end))))

    def week(self, day: dt.date, *, include_cancelled: bool = False) -> builtins.list[AppointmentRow]:
        """The week view: the appointments from Monday to Sunday of ``day``'s week."""
        monday, sunday = week_of(day)
        return self.between(monday, sunday, include_cancelled=include_cancelled)

    def on(self, day: dt.date) -> builtins.list[AppointmentRow]:
        """One day's appointments (Overzicht's "today"), cancelled ones left out."""
        return self.between(day, day)

    def of_family(self, family_id: int) -> builtins.list[AppointmentRow]:
        """The family's appointments, the latest first."""
        return [self._row(r) for r in self.conn.execute(
            _ROW_SQL + " WHERE a.family_id = ? ORDER BY a.date DESC, a.time DESC, a.id DESC", (family_id,))]

    def due_soon(self, now: dt.datetime, within_minutes: int = 15) -> builtins.list[AppointmentRow]:
        """Planned appointments that start from ``now`` up to ``within_minutes`` later (the reminder
        while the app runs); appointments without a time never remind."""
        end = now + dt.timedelta(minutes=within_minutes)
        rows = self.between(now.date(), end.date())
        return [r for r in rows if r.status == AppointmentStatus.PLANNED and r.time is not None
                and now <= dt.datetime.combine(r.date, r.time, now.tzinfo) <= end]

    def count_planned_past(self, today: dt.date) -> int:
        """Planned appointments before ``today`` that were neither turned into a contact nor
        cancelled (the officer should say whether they happened)."""
        return int(self.conn.execute(
            "SELECT count(*) FROM appointment WHERE status = 'planned' AND date < ?", (d2s(today),)).fetchone()[0])
