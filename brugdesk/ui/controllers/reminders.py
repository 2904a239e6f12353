"""Reminders of appointments while the app runs: a notification a quarter of an hour before a planned
appointment with a time of day (the system tray's, where the desktop has one; the window's status
bar always).

**No name, ever.** A notification is shown on a screen others may see (a classroom, a shared
office), and desktops keep notifications in a history of their own, outside the vault. So a
reminder names the time and the kind of appointment ("Afspraak om 10:00 — Huisbezoek") and, while
the vault is unlocked, the family's kenmerk (G-2026-014), which means nothing to a passer-by; never a
family's or a member's name, never the note. While the vault is locked it shows no kenmerk either:
what it knows then is only today's upcoming times and kinds, kept from the last look while unlocked.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from brugdesk.core.lists import ListName
from brugdesk.core.model import AppointmentStatus
from brugdesk.store.changes import Change, What
from brugdesk.ui.labels import fmt_time
from brugdesk.ui.session import Session

log = logging.getLogger(__name__)

#: minutes before the start that an appointment reminds
WITHIN_MINUTES = 15


class Reminders(QObject):
    """Checks every ``tick_ms`` (and after every change of the agenda) which appointments start
    within :data:`WITHIN_MINUTES`, and reminds of each once (:attr:`shown`: title, text)."""

    shown = Signal(str, str)

    def __init__(self, session: Session, parent: QObject | None = None, *,
                 clock: Callable[[], dt.datetime] = dt.datetime.now, tick_ms: int = 30_000,
                 use_tray: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self._reminded: set[int] = set()
        #: today's and tomorrow's planned appointments: (id, start, kind label); no family, no note
        self._upcoming: list[tuple[int, dt.datetime, str]] = []
        self._use_tray = use_tray
        self._tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        session.changed.connect(self._changed)
        session.unlocked.connect(self.check)

    def _changed(self, change: Change) -> None:
        if change.touches(What.APPOINTMENT, What.LIST, What.ERASURE):
            self.check()

    def _look_ahead(self, now: dt.datetime) -> None:
        """Remember today's and tomorrow's planned times and kinds (for the reminders while locked)."""
        repo = self.session.repo
        kinds = repo.lists.labels(ListName.CONTACT_KIND)
        self._upcoming = [
            (r.id, dt.datetime.combine(r.date, r.time), kinds.get(r.kind, r.kind))
            for r in repo.appointments.between(now.date(), now.date() + dt.timedelta(days=1))
            if r.status == AppointmentStatus.PLANNED and r.time is not None]

    def check(self) -> None:
        """Remind of every appointment that starts within the next quarter of an hour (once each)."""
        now = self.clock()
        end = now + dt.timedelta(minutes=WITHIN_MINUTES)
        refs: dict[int, str] = {}
        if self.session.is_unlocked:
            try:
                self._look_ahead(now)
                refs = {r.id: r.family_ref for r in self.session.repo.appointments.due_soon(now, WITHIN_MINUTES)}
            except Exception as exc:  # a reminder must never break the app
                log.warning("reminders: %s", type(exc).__name__)
                return
        for appointment_id, start, kind in self._upcoming:
            if appointment_id in self._reminded or not now <= start <= end:
                continue
            self._reminded.add(appointment_id)
            title = self.tr("Appointment at {time}").format(time=fmt_time(start.time()))
            if not self.session.is_unlocked:
                text = self.tr("{kind}. Unlock brugdesk to see the details.").format(kind=kind)
            elif refs.get(appointment_id):
                text = self.tr("{kind} — {ref}").format(kind=kind, ref=refs[appointment_id])
            else:
                text = kind
            self._notify(title, text)

    def _notify(self, title: str, text: str) -> None:
        if self._use_tray and self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            from brugdesk.ui.widgets import app_icon

            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.setToolTip("brugdesk")
            self._tray.show()
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.shown.emit(title, text)

    def stop(self) -> None:
        self.timer.stop()
        if self._tray is not None:
            self._tray.hide()
