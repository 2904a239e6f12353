"""Rapportages: choose a period and school, preview the real PDF, export PDF and CSV.

**Threads.** Every choice (after a short debounce) becomes a
:class:`~brugdesk.reports.job.ReportJob`, prepared on the GUI thread with the vault folder, the
session's data key and the choices, and run on a plain worker thread (``brugdesk-report``): the
job opens its *own* read-only connection to the vault (:class:`brugdesk.store.reader.Reader`),
counts in SQL through it, applies the export rules (perturbation, export history, the linked
check), closes it, and renders the PDF with reportlab. The GUI thread's connection is never used by the
worker; the worker touches no Qt object. Its result comes back through a queue that a QTimer on
the GUI thread polls (the pattern of :mod:`brugdesk.ui.tasks`). Meanwhile a busy bar and "Making
the report…" show, the previous pages stay in view, and nothing can be exported: the report and
its PDF (the preview) arrive together, so what is exported is what is previewed. The preview PDF
lives in memory (rasterised by :class:`brugdesk.ui.pdf_preview.PdfPreview`), so no file is left
behind.

**Newest choice wins.** One worker at a time; a generation counter drops every result but the
newest, and a new choice stops the running job (its SQL is interrupted at once), after which the
newest choice starts. A failure shows a message (a vault problem in its own words; a rendering
failure by its type); an unknown error in the aggregation is a bug and goes to the crash handler.

**Locking.** When the vault locks (``session.locked``, before its connection closes) the page
stops the running job, drops the pending choice and what it shows, and waits for the worker
(the main window's lock and closing the page do the same through ``wait_for_worker``). The stop
interrupts the running SQL statement at once, so the wait is milliseconds — or the rest of a
rendering (≈0.1 s), which holds only the anonymised report. The worker closes its connection
itself, so that connection, and the key SQLCipher keeps inside it, is gone before the vault's
own connection closes; the job's own reference to the key is dropped as soon as its connection
is open. A result that still arrives is dropped (generation counter).

The export (:func:`~brugdesk.reports.export.export`: the files, the export history and the audit
entry) runs on the GUI thread through the vault's connection, each time the officer saves a PDF or
CSV; only a school year, a term or a calendar year can be saved.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.periods import ExportablePeriod, Period, PeriodError, explicit_period, term_of
from brugdesk.errors import VaultError, classify
from brugdesk.reports.export import ExportRefused, catalogue
from brugdesk.reports.job import ReportJob, Stopped
from brugdesk.reports.report import MAX_K, MIN_K, ProtectedReport, period_text
from brugdesk.store.changes import CASEWORK, LABELS, Change, What
from brugdesk.ui import prompter
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.pdf_preview import PdfPreview
from brugdesk.ui.widgets import date_edit

CUSTOM = "custom"
#: the changes that alter what a report counts (not an export, a backup or a new key)
NEW_REPORT_ON = CASEWORK | LABELS | {What.ACTIVITY, What.SETTINGS, What.ERASURE}

#: what the worker hands back: (generation, "done" | "stopped" | "failed", result or exception)
_Result = tuple[int, str, Any]
#: a choice waiting for the worker: (generation, period, school id)
_Choice = tuple[int, ExportablePeriod | Period, int | None]


class ReportsPage(QWidget):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: ProtectedReport | None = None
        self.pdf_data: bytes = b""
        self._generation = 0
        self._rendering = False  # a report for the current choice is being made
        self._stale = False
        # the worker: a plain thread that hands its result over through a queue, which a timer
        # on the GUI thread polls (no Qt object is touched or created off the GUI thread)
        self._results: queue.SimpleQueue[_Result] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._job: ReportJob | None = None  # the worker's job (to stop it)
        self._audit_anchor: tuple[int, str] | None = None  # the check code on the PDF shown
        self._pending: _Choice | None = None  # the newest choice, when the worker is busy
        self._poll = QTimer(self)
        self._poll.setInterval(25)
        self._poll.timeout.connect(self._collect)

        # ---- choices
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        self.period_combo.setMinimumContentsLength(20)
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
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName(self.tr("School"))
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_K, MAX_K)
        self.threshold.setAccessibleName(self.tr("Threshold"))
        self.threshold.setToolTip(self.tr("Numbers from 1 up to the threshold minus one are shown as “<k”."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33;")
        self.message.hide()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("&Period:"), self.period_combo)
        form.addRow("", self.custom_row)
        form.addRow(self.tr("&School:"), self.school_combo)
        form.addRow(self.tr("&Threshold for small numbers:"), self.threshold)

        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.clicked.connect(self.export_csv)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator while the report is made
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = StatusLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        busy = QHBoxLayout()
        busy.addWidget(self.progress)
        busy.addWidget(self.status, 1)
        self.status.setWordWrap(True)

        panel = QWidget()
        panel.setMaximumWidth(360)
        panel.setMinimumWidth(280)
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 8, 0)
        title = QLabel(self.tr("Anonymised report"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        side.addWidget(title)
        intro = QLabel(self.tr("A summary for school leadership without names or notes; small numbers are hidden."))
        intro.setWordWrap(True)
        side.addWidget(intro)
        side.addSpacing(8)
        side.addLayout(form)
        side.addWidget(self.message)
        side.addSpacing(8)
        side.addLayout(buttons)
        side.addLayout(busy)
        side.addStretch(1)
        self.threshold.setMaximumWidth(90)

        # ---- preview
        self.view = PdfPreview(self)
        self.view.setAccessibleName(self.tr("Preview of the report"))

        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)

        self._fill_choices()
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.school_combo.currentIndexChanged.connect(self._schedule)
        self.threshold.valueChanged.connect(self._schedule)
        self.date_from.dateChanged.connect(self._schedule)
        self.date_to.dateChanged.connect(self._schedule)
        session.changed.connect(self._changed)
        session.locked.connect(self._clear)
        self._update_buttons()
        self.refresh()

    # ---------------------------------------------------------------- choices
    def _fill_choices(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        today = dt.date.today()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        periods = catalogue(repo, today)
        for item in periods:
            text = period_text(item.full)
            if item.running:
                text = self.tr("%1 (interim figures)").replace("%1", text)
            self.period_combo.addItem(text, item)
        self.period_combo.addItem(self.tr("Custom dates…"), CUSTOM)
        current = term_of(today, repo.settings.term_starts)
        if (today - current.start).days < 21:  # a term just begun: the one that just ended is meant
            current = term_of(current.start - dt.timedelta(days=1), repo.settings.term_starts)
        index = next((i for i, p in enumerate(periods) if p.label == current.label), 0)
        self.threshold.setEnabled(False)  # k is the vault's setting (Instellingen), not a per-report choice
        self.period_combo.setCurrentIndex(index)
        self.period_combo.setToolTip(self.period_combo.currentText())
        self.period_combo.blockSignals(False)
        self.date_from.blockSignals(True)
        self.date_to.blockSignals(True)
        self.date_from.setDate(to_qdate(current.start))
        self.date_to.setDate(to_qdate(min(current.end, today)))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(False)
        self.custom_row.setVisible(False)

        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), None)
        for school in repo.schools.list():
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.blockSignals(False)

        self.threshold.blockSignals(True)
        self.threshold.setValue(repo.settings.report_threshold)
        self.threshold.blockSignals(False)

    def select_period(self, label: str) -> bool:
        """Choose a period by its label (``2025-2026/T1``); whether it was in the list."""
        for i in range(self.period_combo.count()):
            data = self.period_combo.itemData(i)
            if isinstance(data, ExportablePeriod) and data.label == label:
                self.period_combo.setCurrentIndex(i)
                return True
        return False

    def select_custom(self, start: dt.date, end: dt.date) -> None:
        self.period_combo.setCurrentIndex(self.period_combo.count() - 1)
        self.date_from.setDate(to_qdate(start))
        self.date_to.setDate(to_qdate(end))

    def _period_changed(self) -> None:
        self.period_combo.setToolTip(self.period_combo.currentText())
        self.custom_row.setVisible(self.period_combo.currentData() == CUSTOM)
        self._schedule()

    def _schedule(self) -> None:
        self._debounce.start()

    def chosen_period(self) -> ExportablePeriod | Period:
        data = self.period_combo.currentData()
        if isinstance(data, ExportablePeriod):
            return data
        return explicit_period(from_qdate(self.date_from.date()), from_qdate(self.date_to.date()))

    # ---------------------------------------------------------------- rendering
    def refresh(self) -> None:
        """Make the report for the current choices on the worker thread (the newest choice wins)."""
        self._debounce.stop()
        if not self.session.is_unlocked:
            return
        try:
            period = self.chosen_period()
        except PeriodError as exc:
            # keep what was typed, but show and export nothing that does not match the choice
            self._show_message(str(exc))
            self._drop_work()
            self.view.clear()
            self.status.setText("")
            self._update_buttons()
            return
        self._show_message("")
        school = self.school_combo.currentData()
        self._generation += 1
        self.report = None  # nothing that belongs to another choice can be exported
        self.pdf_data = b""
        self._rendering = True
        self.progress.show()
        self.status.setText(self.tr("Making the report…"))
        self._update_buttons()
        self._pending = (self._generation, period, school if isinstance(school, int) else None)
        if self._job is not None:
            self._job.stop()  # its result would be dropped: let the newest choice start sooner
        self._start_worker()

    def _drop_work(self) -> None:
        """Forget the pending choice, stop the running job, and drop any result still to come."""
        self._generation += 1
        self._pending = None
        if self._job is not None:
            self._job.stop()
        self.report = None
        self.pdf_data = b""
        self._rendering = False
        self.progress.hide()

    def _start_worker(self) -> None:
        """Start the job for the newest pending choice unless the worker is still busy."""
        if self._worker is not None or self._pending is None:
            return
        generation, period, school_id = self._pending
        self._pending = None
        if not self.session.is_unlocked:
            return
        vault = self.session.vault
        # the job gets the folder and the key, never the vault (or its connection)
        job = ReportJob(vault.directory, vault.data_key, period, school_id)
        results = self._results

        def work() -> None:
            try:
                results.put((generation, "done", job.run()))
            except Stopped:
                results.put((generation, "stopped", None))
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                results.put((generation, "failed", exc))

        self._job = job
        self._worker = threading.Thread(target=work, name="brugdesk-report", daemon=True)
        self._worker.start()
        self._poll.start()

    def _collect(self) -> None:
        try:
            generation, outcome, value = self._results.get_nowait()
        except queue.Empty:
            return
        if self._worker is not None:
            self._worker.join()  # it has finished; let it end before the GUI goes on
            self._worker = None
        job, self._job = self._job, None
        self._poll.stop()
        try:
            if outcome == "done":
                self._audit_anchor = job.audit_anchor if job is not None else None
                self._rendered(generation, value)
            elif outcome == "failed":
                self._failed(generation, value, job.phase if job is not None else "")
        finally:
            self._start_worker()

    def wait_for_worker(self, timeout: float = 30.0) -> None:
        """Block until the worker has finished (on lock, before the page is deleted; on close;
        in tests). While the vault is locked or locking, a running job is stopped first."""
        if not self.session.is_unlocked:
            self._drop_work()
        if self._worker is not None:
            self._worker.join(timeout)

    def _rendered(self, generation: int, result: tuple[ProtectedReport, bytes]) -> None:
        if generation != self._generation or not self.session.is_unlocked:
            return  # a newer choice is being made, or the vault was locked meanwhile
        self._rendering = False
        self.progress.hide()
        self.report, self.pdf_data = result
        self._load_preview(self.pdf_data)
        self.status.setText(self.tr("%n page(s)", "", self.page_count()))
        self._update_buttons()

    def _failed(self, generation: int, exc: BaseException, phase: str) -> None:
        if generation != self._generation:
            return
        self._rendering = False
        self.progress.hide()
        self.status.setText("")
        self.view.clear()  # the pages shown belong to an earlier choice
        self._update_buttons()
        if isinstance(exc, ExportRefused):  # a period that may not be shared beside what was shared
            self._show_message(str(exc))
            return
        known = exc if isinstance(exc, VaultError) else classify(exc)
        if known is not None:  # a known condition (locked, damaged …): say so, keep the choices
            self._show_message(known.text())
        elif phase == "aggregate":
            raise exc  # a bug: the crash handler takes it
        else:
            self._show_message(self.tr("The report could not be made (%1).").replace("%1", type(exc).__name__))

    def _load_preview(self, data: bytes) -> None:
        self.view.load(data)

    def page_count(self) -> int:
        return self.view.page_count()

    def is_rendering(self) -> bool:
        return self._rendering

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_buttons(self) -> None:
        shareable = self.report is not None and self.report.exportable
        ready = bool(self.pdf_data) and not self._rendering and shareable
        self.pdf_button.setEnabled(ready)
        self.csv_button.setEnabled(shareable and not self._rendering)

    # ---------------------------------------------------------------- export
    def _suggested(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name) if folder else name

    def export_pdf(self) -> bool:
        if self.report is None or not self.pdf_data:
            return False
        path = prompter.current().choose_save_path(self, self.tr("Save report as PDF"),
                                                   self._suggested(self.report.suggested_pdf),
                                                   self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        return self._save({"pdf": Path(path)}, path)

    def export_csv(self) -> bool:
        if self.report is None:
            return False
        path = prompter.current().choose_save_path(self, self.tr("Save report as CSV"),
                                                   self._suggested(self.report.suggested_csv),
                                                   self.tr("CSV files (*.csv)"))
        if not path:
            return False
        return self._save({"csv": Path(path)}, path)

    def _save(self, target: dict[str, Path], path: str) -> bool:
        """Export the chosen period through the one export path (files, export history, audit entry)."""
        from brugdesk.reports import export

        if not self.session.is_unlocked or self.report is None:
            return False
        if not self.report.exportable:
            return False
        try:
            result = export.export(self.session.repo, self.chosen_period(), self.school_combo.currentData(),
                                   pdf=target.get("pdf"), csv=target.get("csv"))
        except export.ExportRefused as exc:
            prompter.current().warn(self, self.tr("Not saved"), str(exc))
            return False
        except OSError as exc:
            prompter.current().warn(self, self.tr("Not saved"), self.tr("The report could not be saved: %1")
                                    .replace("%1", exc.strerror or type(exc).__name__))
            return False
        if "pdf" in target:
            self.session.vault.keep_anchor(*result.anchor)  # the check code printed on it (issue 12)
        self.status.setText(self.tr("Saved: %1").replace("%1", Path(path).name))
        return True

    # ---------------------------------------------------------------- session
    def _changed(self, change: Change) -> None:
        if not self.session.is_unlocked or not change.touches(NEW_REPORT_ON):
            return
        if change.touches(LABELS, What.SETTINGS):
            state = self.stash()
            self._fill_choices()
            self.restore(state)
        if self.isVisible():
            self._schedule()
        else:
            self._stale = True  # made again when the page is shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's API
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._schedule()

    def _clear(self) -> None:
        """On lock (before the vault closes): stop the job, wait for the worker, show nothing."""
        self._debounce.stop()
        self._drop_work()
        self.status.setText("")
        self.view.clear()
        self._update_buttons()
        # the stop interrupts the running statement at once, so this waits for milliseconds (or
        # the rest of a rendering): the worker's connection is closed before the vault is
        self.wait_for_worker(10.0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's API
        self._clear()
        self.wait_for_worker()
        super().closeEvent(event)

    def stash(self) -> dict[str, Any]:
        """The choices (no personal data) to put back after a lock."""
        data = self.period_combo.currentData()
        return {
            "period": data.label if isinstance(data, ExportablePeriod) else CUSTOM,
            "from": self.date_from.date().toString(Qt.DateFormat.ISODate),
            "to": self.date_to.date().toString(Qt.DateFormat.ISODate),
            "school": self.school_combo.currentData(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        widgets = (self.period_combo, self.school_combo, self.threshold, self.date_from, self.date_to)
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
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.custom_row.setVisible(self.period_combo.currentData() == CUSTOM)
        self._schedule()

