"""Signals (signalen): a worry a teacher or the intern begeleider passes on before there is a family
file. A signal has a dated status history (nieuw, opgepakt, gezin aangemaakt, geen actie nodig); it
becomes a family through the intake (:meth:`Signals.make_family`, its data carried over by
:meth:`Signals.intake_draft`) or is closed with a reason from the ``signal_closure`` list.

Signals follow the families' retention: a family's signal is deleted with the family
(:mod:`brugdesk.store.family_rows`); a signal closed without a family is deleted by the retention
purge once the retention term has passed since it was closed (:meth:`Signals.past_retention`,
:func:`brugdesk.store.erasure.purge_signals`). Every signal has a record key (``rkey``) like the
other rows a report counts.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from typing import Any

from brugdesk.core.model import (
    SIGNAL_TRANSITIONS,
    Family,
    Member,
    MemberRole,
    Signal,
    SignalChange,
    SignalStatus,
)
from brugdesk.core.validation import ValidationError, validate_signal
from brugdesk.errors import NotFound
from brugdesk.i18n import N_, _
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import SEP, Repo, d2s, date_, timestamp
from brugdesk.store.repo.report_signals import forget_signals
from brugdesk.store.repo.rows import SignalRow

_STATUS = {str(s): s for s in SignalStatus}

_COLS = ("g.id, g.date, g.source, g.school_id, g.group_name, g.seen, g.status, g.status_date, g.closing_reason, "
         "g.family_id")


def _history(packed: str | None) -> list[SignalChange]:
    changes = []
    for item in packed.split(SEP) if packed else ():
        change_id, status, day = item.split(":")
        changes.append(SignalChange(_STATUS[status], date_(day), int(change_id)))
    changes.sort(key=lambda c: (c.date, c.id or 0))
    return changes


class Signals(Repo):
    entity = "signal"
    what = What.SIGNAL

    # ------------------------------------------------------------------ writing
    def add(self, signal: Signal, today: dt.date | None = None) -> Signal:
        """Record a new signal (status nieuw, unless given otherwise) with the first entry of its history."""
        validate_signal(signal, today)
        if signal.status == SignalStatus.FAMILY_CREATED:
            raise ValidationError({"status": _(N_("A signal becomes a family through the intake."))})
        with self.tx():
            signal.status_date = signal.date
            cur = self.conn.execute(
                "INSERT INTO signal (date, source, school_id, group_name, seen, status, status_date, closing_reason, "
                "created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (d2s(signal.date), signal.source, signal.school_id, signal.group.strip(), signal.seen.strip(),
                 str(signal.status), d2s(signal.date), signal.closing_reason, timestamp()))
            signal.id = int(cur.lastrowid)
            self._record_status(signal.id, signal.status, signal.date)
            self._audit(Action.CREATE, signal.id)
            self._changed(What.SIGNAL)
        signal.history = self.get(signal.id).history
        return signal

    def update(self, signal: Signal, today: dt.date | None = None) -> None:
        """Change a signal's date, source, school, group and what was seen (not its status: use
        :meth:`change_status`)."""
        validate_signal(signal, today)
        with self.tx():
            cur = self.conn.execute(
                "UPDATE signal SET date = ?, source = ?, school_id = ?, group_name = ?, seen = ? WHERE id = ?",
                (d2s(signal.date), signal.source, signal.school_id, signal.group.strip(), signal.seen.strip(),
                 signal.id))
            if cur.rowcount != 1:
                raise NotFound()
            self._audit(Action.UPDATE, signal.id)
            self._changed(What.SIGNAL, signal.family_id)

    def _record_status(self, signal_id: int, status: SignalStatus, on: dt.date) -> None:
        self.conn.execute("INSERT INTO signal_status (signal_id, status, date) VALUES (?,?,?)",
                          (signal_id, str(status), d2s(on)))

    def change_status(self, signal_id: int, status: SignalStatus, on: dt.date, *, closing_reason: str = "",
                      today: dt.date | None = None) -> Signal:
        """Move the signal to ``status`` on ``on``: opgepakt, or geen actie nodig with a
        ``closing_reason`` (a code of the ``signal_closure`` list); a closed signal may be taken up
        again. "Gezin aangemaakt" comes only from :meth:`make_family`."""
        signal = self.get(signal_id)
        if status == SignalStatus.FAMILY_CREATED:
            raise ValidationError({"status": _(N_("A signal becomes a family through the intake."))})
        if status not in SIGNAL_TRANSITIONS[signal.status]:
            raise ValidationError({"status": _(N_("This status cannot follow the current status."))})
        errors: dict[str, str] = {}
        if status == SignalStatus.NO_ACTION and not closing_reason:
            errors["closing_reason"] = _(N_("Choose why no action is needed."))
        assert signal.status_date is not None
        if on < signal.status_date:
            errors["status_date"] = _(N_("A status change cannot be dated before the previous one."))
        elif on > (today or dt.date.today()):
            errors["status_date"] = _(N_("A status change cannot be in the future."))
        if errors:
            raise ValidationError(errors)
        reason = closing_reason if status == SignalStatus.NO_ACTION else ""
        with self.tx():
            self.conn.execute("UPDATE signal SET status = ?, status_date = ?, closing_reason = ? WHERE id = ?",
                              (str(status), d2s(on), reason, signal_id))
            self._record_status(signal_id, status, on)
            self._audit(Action.UPDATE, signal_id)
            self._changed(What.SIGNAL, signal.family_id)
        return self.get(signal_id)

    def delete(self, signal_id: int) -> None:
        """Delete a signal entered by mistake (its history goes with it; in the report's export history
        it keeps counting only as an anonymous signal)."""
        if self.conn.execute("SELECT 1 FROM signal WHERE id = ?", (signal_id,)).fetchone() is None:
            raise NotFound()
        with self.tx():
            self._delete(signal_id)
            forget_signals(self.conn, [signal_id])

    # ------------------------------------------------------------------ becoming a family
    def intake_draft(self, signal_id: int, today: dt.date | None = None) -> tuple[Family, list[Member], list[Member]]:
        """What the intake dialog starts from for this signal: a family (started today, the
        signal's source and school) and one child in the signal's school and group (no name yet),
        no parents. Nothing is written."""
        signal = self.get(signal_id)
        family = Family("", today or dt.date.today(), signal_source=signal.source,
                        school_ids=[signal.school_id] if signal.school_id is not None else [])
        child = Member(MemberRole.CHILD, "", school_id=signal.school_id, group=signal.group)
        return family, [], [child]

    def make_family(self, signal_id: int, family: Family, parents: list[Member], children: list[Member], *,
                    surname: str = "", today: dt.date | None = None) -> Family:
        """The signal becomes a family: the intake (:meth:`Families.intake
        <brugdesk.store.repo.families.Families.intake>`) and, in the same transaction, the signal
        linked to the new family with status "gezin aangemaakt" on the family's start date (or the
        signal's date, if later). A signal that is already a family is refused."""
        signal = self.get(signal_id)
        if signal.status == SignalStatus.FAMILY_CREATED:
            raise ValidationError({"status": _(N_("This signal is already a family."))})
        if not family.signal_source:
            family.signal_source = signal.source
        with self.tx():
            self.vault.repo.families.intake(family, parents, children, surname=surname, today=today)
            assert signal.status_date is not None
            on = max(family.start_date, signal.status_date)
            self.conn.execute("UPDATE signal SET status = ?, status_date = ?, closing_reason = '', family_id = ? "
                              "WHERE id = ?", (str(SignalStatus.FAMILY_CREATED), d2s(on), family.id, signal_id))
            self._record_status(signal_id, SignalStatus.FAMILY_CREATED, on)
            self._audit(Action.UPDATE, signal_id)
            self._changed(What.SIGNAL, family.id)
        return family

    def link_family(self, signal_id: int, family_id: int, on: dt.date, *, today: dt.date | None = None) -> Signal:
        """The signal concerns a family that already has a file: link it, status "gezin aangemaakt"
        on ``on`` (the family's own signal; it is deleted with the family)."""
        signal = self.get(signal_id)
        if signal.status == SignalStatus.FAMILY_CREATED:
            raise ValidationError({"status": _(N_("This signal is already a family."))})
        assert signal.status_date is not None
        if on < signal.status_date:
            raise ValidationError({"status_date": _(N_("A status change cannot be dated before the previous one."))})
        if on > (today or dt.date.today()):
            raise ValidationError({"status_date": _(N_("A status change cannot be in the future."))})
        with self.tx():
            if self.conn.execute("SELECT 1 FROM family WHERE id = ?", (family_id,)).fetchone() is None:
                raise NotFound()
            self.conn.execute("UPDATE signal SET status = ?, status_date = ?, closing_reason = '', family_id = ? "
                              "WHERE id = ?", (str(SignalStatus.FAMILY_CREATED), d2s(on), family_id, signal_id))
            self._record_status(signal_id, SignalStatus.FAMILY_CREATED, on)
            self._audit(Action.UPDATE, signal_id)
            self._changed(What.SIGNAL, family_id)
        return self.get(signal_id)

    # ------------------------------------------------------------------ reading
    def get(self, signal_id: int) -> Signal:
        row = self.conn.execute(
            f"SELECT {_COLS}, (SELECT group_concat(s.id || ':' || s.status || ':' || s.date, char(31)) "
            "FROM signal_status s WHERE s.signal_id = g.id) FROM signal g WHERE g.id = ?", (signal_id,)).fetchone()
        if row is None:
            raise NotFound()
        return Signal(date_(row[1]), row[2], row[5], row[3], row[4], _STATUS[row[6]], date_(row[7]), row[8], row[9],
                      _history(row[10]), int(row[0]))

    @staticmethod
    def _where(statuses: Iterable[SignalStatus] | None, source: str | None, school_id: int | None,
               since: dt.date | None, until: dt.date | None, family_id: int | None) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if statuses is not None:
            codes = sorted({str(s) for s in statuses})
            where.append(f"g.status IN ({','.join('?' * len(codes))})" if codes else "0")
            args.extend(codes)
        if source:
            where.append("g.source = ?")
            args.append(source)
        if school_id is not None:
            where.append("g.school_id = ?")
            args.append(school_id)
        if since is not None:
            where.append("g.date >= ?")
            args.append(d2s(since))
        if until is not None:
            where.append("g.date <= ?")
            args.append(d2s(until))
        if family_id is not None:
            where.append("g.family_id = ?")
            args.append(family_id)
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def rows(self, *, statuses: Iterable[SignalStatus] | None = None, source: str | None = None,
             school_id: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
             family_id: int | None = None, limit: int | None = 200, offset: int = 0) -> builtins.list[SignalRow]:
        """The signals page: newest first, filters combine with AND (``statuses`` None: all; an
        open list is ``statuses=(NEW, TAKEN_UP)``); ``limit``/``offset`` page (:meth:`count` tells
        how many match)."""
        where, args = self._where(statuses, source, school_id, since, until, family_id)
        # the page's ids first (the signal rows and their indexes alone), then the page's rows
        page = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
        ids = [int(r[0]) for r in self.conn.execute(
            f"SELECT g.id FROM signal g{where} ORDER BY g.date DESC, g.id DESC{page}", args)]
        found: dict[int, Any] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update((int(r[0]), r) for r in self.conn.execute(
                f"SELECT {_COLS}, coalesce(s.name, ''), coalesce(f.ref, '') FROM signal g "
                "LEFT JOIN school s ON s.id = g.school_id LEFT JOIN family f ON f.id = g.family_id "
                f"WHERE g.id IN ({','.join('?' * len(chunk))})", chunk))
        return [SignalRow(int(r[0]), date_(r[1]), r[2], r[3], r[10], r[4], r[5], _STATUS[r[6]], date_(r[7]), r[8],
                          r[9], r[11]) for r in (found[i] for i in ids if i in found)]

    def count(self, *, statuses: Iterable[SignalStatus] | None = None, source: str | None = None,
              school_id: int | None = None, since: dt.date | None = None, until: dt.date | None = None,
              family_id: int | None = None) -> int:
        """How many signals match the filters of :meth:`rows`."""
        where, args = self._where(statuses, source, school_id, since, until, family_id)
        return int(self.conn.execute(f"SELECT count(*) FROM signal g{where}", args).fetchone()[0])

    def counts_by_status(self) -> dict[SignalStatus, int]:
        """How many signals there are per status (every status present, 0 when none)."""
        out = dict.fromkeys(SignalStatus, 0)
        for status, n in self.conn.execute("SELECT status, count(*) FROM signal GROUP BY status"):
            out[_STATUS[status]] = int(n)
        return out

    def of_family(self, family_id: int) -> builtins.list[Signal]:
        """The signal(s) a family came from."""
        return [self.get(int(r[0])) for r in self.conn.execute(
            "SELECT id FROM signal WHERE family_id = ? ORDER BY date, id", (family_id,))]

    def past_retention(self, closed_before: dt.date) -> builtins.list[int]:
        """Ids of the signals closed without a family ("geen actie nodig") on or before
        ``closed_before`` (the retention purge deletes them)."""
        return [int(r[0]) for r in self.conn.execute(
            "SELECT id FROM signal WHERE status = 'no_action' AND family_id IS NULL AND status_date <= ? ORDER BY id",
            (d2s(closed_before),))]
