"""The table of the Agenda page: a week's appointments by day and time of day.

The status says in words what needs doing: a planned appointment whose day has passed asks
"did it happen?" (and is shown in red as well, for who sees red).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from brugdesk.core.lists import ListName
from brugdesk.core.model import AppointmentStatus
from brugdesk.core.text import fold
from brugdesk.store.repo.rows import AppointmentRow
from brugdesk.ui import theme
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date, fmt_time
from brugdesk.ui.models.base import Column, ListLabels, RowTableModel

_STATUS = {
    AppointmentStatus.PLANNED: QT_TRANSLATE_NOOP("AppointmentModel", "Planned"),
    AppointmentStatus.DONE: QT_TRANSLATE_NOOP("AppointmentModel", "Happened (contact logged)"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("AppointmentModel", "Cancelled"),
}


def _minutes(n: int) -> str:
    return QCoreApplication.translate("Labels", "{n} min").format(n=n)


def day_text(day: dt.date, today: dt.date) -> str:
    """"di 01-12-2026", and "(today)" beside today's date."""
    name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    text = f"{name} {fmt_date(day)}"
    if day == today:
        text += "  " + QCoreApplication.translate("AppointmentModel", "(today)")
    return text


def family_text(row: AppointmentRow) -> str:
    return f"{row.family_ref}  {row.family_name}" if row.family_id else QCoreApplication.translate(
        "AppointmentModel", "(no family)")


class AppointmentModel(RowTableModel[AppointmentRow]):
    DAY, TIME, KIND, FAMILY, MINUTES, STATUS, NOTE = range(7)

    def __init__(self, parent: Any = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.labels = ListLabels()
        self.today = today

    def is_late(self, row: AppointmentRow) -> bool:
        """Planned, and its day has passed: the officer should say whether it happened."""
        return row.status == AppointmentStatus.PLANNED and row.date < self.today()

    def status_text(self, row: AppointmentRow) -> str:
        if self.is_late(row):
            return QCoreApplication.translate("AppointmentModel", "Planned: did it happen?")
        return QCoreApplication.translate("AppointmentModel", _STATUS[row.status])

    def row_foreground(self, row: AppointmentRow) -> QColor | None:
        if row.status == AppointmentStatus.CANCELLED:
            return QColor(theme.current().hint)
        return QColor(theme.current().error) if self.is_late(row) else None

    def columns(self) -> Sequence[Column[AppointmentRow]]:
        lab = self.labels
        return (
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Day"), lambda r: day_text(r.date, self.today()),
                   lambda r: f"{r.date.isoformat()} {fmt_time(r.time)}"),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Time"), lambda r: fmt_time(r.time),
                   lambda r: fmt_time(r.time)),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Kind"), lambda r: lab.label(ListName.CONTACT_KIND, r.kind),
                   lambda r: fold(lab.label(ListName.CONTACT_KIND, r.kind))),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Family"), family_text, lambda r: fold(family_text(r))),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Duration"), lambda r: _minutes(r.minutes),
                   lambda r: r.minutes, align_right=True),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Status"), self.status_text, lambda r: str(r.status)),
            Column(QT_TRANSLATE_NOOP("AppointmentModel", "Note"), lambda r: " ".join(r.note.split()),
                   lambda r: fold(r.note), tooltip=lambda r: r.note),
        )
