"""The Signalen list: :class:`SignalTableModel`, newest first, a page of 200 at a time."""

from __future__ import annotations

from collections.abc import Sequence

from brugdesk.core.lists import ListName
from brugdesk.store.repo.rows import SignalRow
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date, group_text, signal_status_label
from brugdesk.ui.models.base import Column, ListLabels, RowTableModel


def status_text(row: SignalRow) -> str:
    """"Opgepakt sinds 12-03-2026": the status with the date it has had it since."""
    from PySide6.QtCore import QCoreApplication

    return (QCoreApplication.translate("SignalTableModel", "{status} since {date}")
            .format(status=signal_status_label(row.status), date=fmt_date(row.status_date)))


class SignalTableModel(RowTableModel[SignalRow]):
    DATE, SOURCE, SCHOOL, GROUP, SEEN, STATUS, FAMILY = range(7)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.labels = ListLabels()
        self._columns: Sequence[Column[SignalRow]] = (
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "Date"), lambda r: fmt_date(r.date), lambda r: r.date),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "From"),
                   lambda r: self.labels.label(ListName.SIGNAL_SOURCE, r.source), lambda r: r.source),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "School"), lambda r: r.school_name, lambda r: r.school_name),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "Group"), lambda r: group_text(r.group), lambda r: r.group),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "What was seen"), lambda r: r.seen.replace("\n", " "),
                   lambda r: r.seen, tooltip=lambda r: r.seen),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "Status"), status_text, lambda r: str(r.status)),
            Column(QT_TRANSLATE_NOOP("SignalTableModel", "Family"), lambda r: r.family_ref, lambda r: r.family_ref),
        )

    def set_labels(self, labels: ListLabels) -> None:
        self.labels = labels

    def columns(self) -> Sequence[Column[SignalRow]]:
        return self._columns
