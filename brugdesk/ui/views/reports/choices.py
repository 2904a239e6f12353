"""The Rapportages page's choices: the period, the school and the toelichting.

The periods come from the catalogue of exportable periods
(:func:`brugdesk.reports.export.catalogue`: school years, terms and calendar years, newest first; a
running one labelled with its *tussenstand*, its cut said in full under the choice). "Andere
datums" shows any date range on the screen only, marked "Alleen voor jezelf — niet om te delen".
The threshold *k* is a setting of the vault (Instellingen), so the panel only says which it is.
The toelichting (at most :data:`~brugdesk.reports.remarks.MAX_LENGTH` characters, counted under
the field) goes on the report's first page. The page (:mod:`brugdesk.ui.views.reports.page`) listens to
these widgets and makes the report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from brugdesk.core.periods import ExportablePeriod, Period, explicit_period, term_of
from brugdesk.reports.export import catalogue
from brugdesk.reports.remarks import MAX_LENGTH
from brugdesk.store.repo import Repositories
from brugdesk.ui import theme
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit

CUSTOM = "custom"

MARK_STYLE = ("QLabel { background: $warning_bg; border: 1px solid $warning_border; border-radius: 4px; "
              "padding: 4px 6px; color: $warning_text; font-weight: bold; }")


class ReportChoices(QWidget):
    """The form of the page's choices (its widgets are read by the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        self.period_combo.setMinimumContentsLength(24)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_from = date_edit(accessible_name=self.tr("First day"))
        self.date_to = date_edit(accessible_name=self.tr("Last day"))
        self.custom_row = QWidget()
        custom = QHBoxLayout(self.custom_row)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(QLabel(self.tr("from")))
        custom.addWidget(self.date_from)
        custom.addWidget(QLabel(self.tr("to")))
        custom.addWidget(self.date_to)
        custom.addStretch(1)
        self.private_mark = QLabel(self.tr("Only for yourself \u2014 not for sharing"))
        theme.style(self.private_mark, MARK_STYLE)
        self.private_mark.setWordWrap(True)
        self.private_mark.setAccessibleName(self.tr("Only for yourself \u2014 not for sharing"))
        self.private_mark.setAccessibleDescription(self.not_exportable_reason())
        self.private_mark.hide()
        self.cut_note = QLabel()  # "Tussenstand t/m 30 november 2026: de periode loopt nog."
        self.cut_note.setWordWrap(True)
        self.cut_note.hide()
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName(self.tr("School"))
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)
        self.threshold_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remarks = steady_scroll_bars(QPlainTextEdit())
        self.remarks.setAccessibleName(self.tr("Remarks"))
        self.remarks.setAccessibleDescription(self.tr(
            "Printed on the first page of the report. Before saving it is checked for names from your files."))
        self.remarks.setTabChangesFocus(True)  # Tab leaves the field (no Tab trap)
        self.remarks.setPlaceholderText(self.tr("What the numbers do not say: context, developments, plans. "
                                                "No names."))
        self.remarks.setFixedHeight(110)
        self.remarks_count = QLabel()
        self.remarks_count.setAlignment(Qt.AlignmentFlag.AlignRight)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("&Period:"), self.period_combo)
        form.addRow("", self.custom_row)
        form.addRow("", self.private_mark)
        form.addRow("", self.cut_note)
        form.addRow(self.tr("&School:"), self.school_combo)
        form.addRow("", self.threshold_note)
        form.addRow(self.tr("&Remarks (first page of the report):"), self.remarks)
        form.addRow("", self.remarks_count)

    def not_exportable_reason(self) -> str:
        return self.tr("Only a school year, a term or a calendar year can be saved and shared; other dates are "
                       "for your own screen.")

    def fill(self, repo: Repositories, today: dt.date) -> None:
        """The choices of ``today``: the catalogue, the schools, and the vault's k (no signals)."""
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for item in catalogue(repo, today):  # newest first; a running period says so
            text = self.tr("{period} (interim figures)").format(period=item.title()) if item.running else item.title()
            self.period_combo.addItem(text, item)
        self.period_combo.addItem(self.tr("Other dates (only for yourself)…"), CUSTOM)
        self.period_combo.setCurrentIndex(0)
        self.period_combo.setToolTip(self.period_combo.currentText())
        self.period_combo.blockSignals(False)
        term = term_of(today, repo.settings.term_starts)
        self.date_from.blockSignals(True)
        self.date_to.blockSignals(True)
        self.date_from.setDate(to_qdate(term.start))
        self.date_to.setDate(to_qdate(today))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(False)
        self.show_custom()

        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), None)
        for school in repo.schools.list():
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.blockSignals(False)

        k = repo.settings.report_threshold
        self.threshold_note.setText(self.tr("Small numbers: k = {k}, set in Settings (the same for every "
                                            "report).").format(k=str(k)))

    def is_custom(self) -> bool:
        return bool(self.period_combo.currentData() == CUSTOM)

    def select_period(self, label: str) -> bool:
        """Choose a period by its label (``2025-2026/T1``); whether it is in the catalogue."""
        for i in range(self.period_combo.count()):
            data = self.period_combo.itemData(i)
            if isinstance(data, ExportablePeriod) and data.label == label:
                self.period_combo.setCurrentIndex(i)
                return True
        return False

    def show_custom(self) -> None:
        """The date fields and the private mark for other dates; the cut said for a running period."""
        custom = self.is_custom()
        self.custom_row.setVisible(custom)
        self.private_mark.setVisible(custom)
        item = self.period_combo.currentData()
        running = isinstance(item, ExportablePeriod) and item.running
        if isinstance(item, ExportablePeriod) and item.running:
            cut = item.cut_text()
            self.cut_note.setText(self.tr(
                "{day}: the period is still running; the report counts up to and including that day.")
                        .format(day=cut[:1].upper() + cut[1:]))
        self.cut_note.setVisible(running)

    def count_remarks(self) -> None:
        n = len(self.remarks_text())
        self.remarks_count.setText(self.tr("{length} of at most {limit} characters")
                                   .format(length=str(n), limit=str(MAX_LENGTH)))
        theme.style(self.remarks_count, "color: $report_error;" if n > MAX_LENGTH else "")

    def chosen_period(self) -> ExportablePeriod | Period:
        data = self.period_combo.currentData()
        if isinstance(data, ExportablePeriod):
            return data
        return explicit_period(from_qdate(self.date_from.date()), from_qdate(self.date_to.date()))

    def school_id(self) -> int | None:
        school = self.school_combo.currentData()
        return school if isinstance(school, int) else None

    def remarks_text(self) -> str:
        return self.remarks.toPlainText().strip()

    def stash(self) -> dict[str, Any]:
        """The choices and the typed remarks, to put back after a lock (kept in memory only)."""
        data = self.period_combo.currentData()
        return {
            "period": data.label if isinstance(data, ExportablePeriod) else CUSTOM,
            "from": self.date_from.date().toString(Qt.DateFormat.ISODate),
            "to": self.date_to.date().toString(Qt.DateFormat.ISODate),
            "school": self.school_combo.currentData(),
            "remarks": self.remarks.toPlainText(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Put stashed choices back (no signals); the page makes the report again."""
        widgets = (self.period_combo, self.school_combo, self.date_from, self.date_to, self.remarks)
        for w in widgets:
            w.blockSignals(True)
        try:
            if state.get("period") == CUSTOM:
                self.period_combo.setCurrentIndex(self.period_combo.count() - 1)
            elif isinstance(state.get("period"), str):
                self.select_period(state["period"])
            for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
                day = QDate.fromString(str(state.get(key, "")), Qt.DateFormat.ISODate)
                if day.isValid():
                    edit.setDate(day)
            index = self.school_combo.findData(state.get("school"))
            if index >= 0:
                self.school_combo.setCurrentIndex(index)
            if isinstance(state.get("remarks"), str) and state["remarks"] != self.remarks.toPlainText():
                self.remarks.setPlainText(state["remarks"])
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.show_custom()
        self.count_remarks()
