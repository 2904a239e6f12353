"""Rapportages: choose a period from the catalogue and a school, add a toelichting, preview the
real PDF, export PDF and CSV (issue 11).

**What can be chosen.** The periods come from the catalogue of exportable periods
(:func:`brugdesk.reports.export.catalogue`: school years, terms and calendar years, newest first;
a running one labelled with its *tussenstand*). The threshold *k* is a setting of the vault
(Instellingen), so the page only says which it is. "Eigen datums" shows any date range on the
screen, marked "Alleen voor jezelf — niet om te delen"; the export buttons are then disabled,
with the reason as their tooltip and accessible description. The toelichting (at most
:data:`~brugdesk.reports.remarks.MAX_LENGTH` characters) goes on the report's first page; the preview
shows it as it will be exported.

**Threads.** Every choice (after a short debounce) becomes a
:class:`~brugdesk.reports.job.ReportJob`, prepared on the GUI thread with the vault folder, the
session's data key and the choices, and run on a plain worker thread (``brugdesk-report``): the
job opens its *own* read-only connection to the vault (:class:`brugdesk.store.reader.Reader`),
makes the report through it exactly as an export would (:func:`~brugdesk.reports.export.report_for`),
closes it, then renders the PDF with reportlab. The GUI thread's connection is never used by the
worker; the worker touches no Qt object. Its result comes back through a queue that a QTimer on
the GUI thread polls (the pattern of :mod:`brugdesk.ui.tasks`). Meanwhile a busy bar and "Making
the report…" show, the previous pages stay in view, and nothing can be exported: the report and
its PDF (the preview) arrive together, so what is exported is what is previewed. The preview PDF
lives in memory (rasterised by :class:`brugdesk.ui.pdf_preview.PdfPreview`), so no file is left
behind.

**Exporting.** "Opslaan als PDF/CSV" asks for a file name, then runs an
:class:`~brugdesk.reports.job.ExportJob` on the same worker: the name check of the toelichting,
the report, the file, the export history and the audit entry in one call
(:func:`brugdesk.reports.export.export`) through a writable connection of the job's own. A name
found in the toelichting is shown to the officer in a message (the name, nowhere else); nothing
is written and the typed text stays. A refusal by the export history (a report for all schools
beside reports per school for an overlapping period) is shown the same way.

**Newest choice wins.** One worker at a time; a generation counter drops every result but the
newest, and a new choice stops the running preview job (its SQL is interrupted at once), after
which the newest choice starts. A failure shows a message (a vault problem in its own words; a
rendering failure by its type); an unknown error in the aggregation is a bug and goes to the
crash handler.

**Locking.** When the vault locks (``session.locked``, before its connection closes) the page
stops the running preview job, drops the pending choice and what it shows, and waits for the
worker (the main window's lock and closing the page do the same through ``wait_for_worker``). The
stop interrupts the running SQL statement at once, so the wait is milliseconds — or the rest of a
rendering (≈0.1 s), which holds only the anonymised report; an export under way is finished
first (it is never cut off between its files and its record). The worker closes its connection
itself, so that connection, and the key SQLCipher keeps inside it, is gone before the vault's own
connection closes; the job's own reference to the key is dropped as soon as its connection is
open. A result that still arrives is dropped (generation counter).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.periods import ExportablePeriod, Period, PeriodError, explicit_period, term_of
from brugdesk.errors import VaultError, classify
from brugdesk.reports.export import ExportRefused, ExportResult, catalogue
from brugdesk.reports.job import ExportJob, ReportJob, Stopped
from brugdesk.reports.remarks import MAX_LENGTH, NameInRemarks
from brugdesk.reports.report import ProtectedReport
from brugdesk.store.changes import CASEWORK, LABELS, Change, What
from brugdesk.ui import prompter
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.pdf_preview import PdfPreview
from brugdesk.ui.widgets import date_edit

CUSTOM = "custom"
#: the changes that alter what a report counts (not an export, a backup or a new key)
NEW_REPORT_ON = CASEWORK | LABELS | {What.ACTIVITY, What.SETTINGS, What.ERASURE}

#: what the worker hands back: (generation, "done" | "stopped" | "failed" | "saved", result or exception)
_Result = tuple[int, str, Any]
#: a choice waiting for the worker: (generation, period, school id, remarks)
_Choice = tuple[int, ExportablePeriod | Period, int | None, str]
#: an export waiting for the worker: (period, school id, remarks, pdf path, csv path)
_Export = tuple[ExportablePeriod, int | None, str, Path | None, Path | None]

MARK_STYLE = ("QLabel { background: #fdf4e3; border: 1px solid #b07d1a; border-radius: 4px; padding: 4px 6px; "
              "color: #5c3b00; font-weight: bold; }")


class ReportsPage(QWidget):
    def __init__(self, session: Any, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today  # the clock (tests move it)
        self.report: ProtectedReport | None = None
        self.pdf_data: bytes = b""
        self._generation = 0
        self._rendering = False  # a report for the current choice is being made
        self._exporting = False  # an export is being written
        self._export_pdf = False  # ... and it writes a PDF (whose check code is kept in the key file)
        self._stale = False
        # the worker: a plain thread that hands its result over through a queue, which a timer
        # on the GUI thread polls (no Qt object is touched or created off the GUI thread)
        self._results: queue.SimpleQueue[_Result] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._job: ReportJob | None = None  # the worker's preview job (to stop it)
        self._pending: _Choice | None = None  # the newest choice, when the worker is busy
        self._pending_export: _Export | None = None
        self._catalogue_day: dt.date | None = None  # the day the period choices were made for
        self._poll = QTimer(self)
        self._poll.setInterval(25)
        self._poll.timeout.connect(self._collect)

        # ---- choices
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
        self.private_mark.setStyleSheet(MARK_STYLE)
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
        self.remarks = QPlainTextEdit()
        self.remarks.setAccessibleName(self.tr("Remarks"))
        self.remarks.setAccessibleDescription(self.tr(
            "Printed on the first page of the report. Before saving it is checked for names from your files."))
        self.remarks.setTabChangesFocus(True)  # Tab leaves the field (no Tab trap)
        self.remarks.setPlaceholderText(self.tr("What the numbers do not say: context, developments, plans. "
                                                "No names."))
        self.remarks.setFixedHeight(110)
        self.remarks_count = QLabel()
        self.remarks_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("&Period:"), self.period_combo)
        form.addRow("", self.custom_row)
        form.addRow("", self.private_mark)
        form.addRow("", self.cut_note)
        form.addRow(self.tr("&School:"), self.school_combo)
        form.addRow("", self.threshold_note)
        form.addRow(self.tr("&Remarks (first page of the report):"), self.remarks)
        form.addRow("", self.remarks_count)

        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.clicked.connect(self.export_csv)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator while the report is made
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Busy"))
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
        panel.setMaximumWidth(400)
        panel.setMinimumWidth(350)  # "Schooljaar 2026-2027, periode 1 (tussenstand)" fits the choice
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 8, 0)
        title = QLabel(self.tr("Anonymised report"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        side.addWidget(title)
        intro = QLabel(self.tr("A summary for school leadership without names or notes, for a school year, a term "
                               "or a calendar year; small numbers are hidden."))
        intro.setWordWrap(True)
        side.addWidget(intro)
        side.addSpacing(8)
        side.addLayout(form)
        side.addWidget(self.message)
        side.addSpacing(8)
        side.addLayout(buttons)
        side.addLayout(busy)
        side.addStretch(1)

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
        self._remarks_debounce = QTimer(self)  # typing: make the preview again once the officer pauses
        self._remarks_debounce.setSingleShot(True)
        self._remarks_debounce.setInterval(700)
        self._remarks_debounce.timeout.connect(self.refresh)

        self._fill_choices()
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.school_combo.currentIndexChanged.connect(self._schedule)
        self.date_from.dateChanged.connect(self._schedule)
        self.date_to.dateChanged.connect(self._schedule)
        self.remarks.textChanged.connect(self._remarks_changed)
        session.changed.connect(self._changed)
        session.locked.connect(self._clear)
        self._remarks_changed(schedule=False)
        self._update_buttons()
        self.refresh()

    # ---------------------------------------------------------------- choices
    def not_exportable_reason(self) -> str:
        return self.tr("Only a school year, a term or a calendar year can be saved and shared; other dates are "
                       "for your own screen.")

    def _fill_choices(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        today = self._today()
        self._catalogue_day = today
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for item in catalogue(repo, today):  # newest first; a running period says so
            text = self.tr("%1 (interim figures)").replace("%1", item.title()) if item.running else item.title()
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
        self._show_custom(self.period_combo.currentData() == CUSTOM)

        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), None)
        for school in repo.schools.list():
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.blockSignals(False)

        k = repo.settings.report_threshold
        self.threshold_note.setText(self.tr("Small numbers: k = %1, set in Instellingen (the same for every "
                                            "report).").replace("%1", str(k)))

    def select_period(self, label: str) -> bool:
        """Choose a period by its label (``2025-2026/T1``); whether it is in the catalogue."""
        for i in range(self.period_combo.count()):
            data = self.period_combo.itemData(i)
            if isinstance(data, ExportablePeriod) and data.label == label:
                self.period_combo.setCurrentIndex(i)
                return True
        return False

    def _show_custom(self, custom: bool) -> None:
        self.custom_row.setVisible(custom)
        self.private_mark.setVisible(custom)
        item = self.period_combo.currentData()
        running = isinstance(item, ExportablePeriod) and item.running
        if isinstance(item, ExportablePeriod) and item.running:
            cut = item.cut_text()
            self.cut_note.setText(self.tr(
                "%1: the period is still running; the report counts up to and including that day.").replace(
                "%1", cut[:1].upper() + cut[1:]))
        self.cut_note.setVisible(running)

    def _period_changed(self) -> None:
        self.period_combo.setToolTip(self.period_combo.currentText())
        self._show_custom(self.period_combo.currentData() == CUSTOM)
        self._schedule()

    def _remarks_changed(self, schedule: bool = True) -> None:
        n = len(self.remarks.toPlainText().strip())
        self.remarks_count.setText(self.tr("%1 of at most %2 characters").replace("%1", str(n))
                                   .replace("%2", str(MAX_LENGTH)))
        self.remarks_count.setStyleSheet("color: #a33;" if n > MAX_LENGTH else "")
        if schedule:
            self._remarks_debounce.start()

    def _schedule(self) -> None:
        self._debounce.start()

    def chosen_period(self) -> ExportablePeriod | Period:
        data = self.period_combo.currentData()
        if isinstance(data, ExportablePeriod):
            return data
        return explicit_period(from_qdate(self.date_from.date()), from_qdate(self.date_to.date()))

    def remarks_text(self) -> str:
        return self.remarks.toPlainText().strip()

    # ---------------------------------------------------------------- rendering
    def refresh(self) -> None:
        """Make the report for the current choices on the worker thread (the newest choice wins)."""
        self._debounce.stop()
        self._remarks_debounce.stop()
        if not self.session.is_unlocked:
            return
        if self._catalogue_day != self._today():  # a new day: a running period may have a new cut
            state = self.stash()
            self._fill_choices()
            self.restore(state)
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
        self._pending = (self._generation, period, school if isinstance(school, int) else None,
                         self.remarks_text()[:MAX_LENGTH])
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
        if not self._exporting:
            self.progress.hide()

    def _start_worker(self) -> None:
        """Start the export or the preview job that waits, unless the worker is still busy."""
        if self._worker is not None or not self.session.is_unlocked:
            return
        vault = self.session.vault
        results = self._results
        if self._pending_export is not None:
            period, school_id, remarks, pdf, csv = self._pending_export
            self._pending_export = None
            export_job = ExportJob(vault.directory, vault.data_key, period, school_id, pdf=pdf, csv=csv,
                                   remarks=remarks, today=self._today(), on_change=self.session.relay)
            generation = self._generation

            def save() -> None:
                try:
                    results.put((generation, "saved", export_job.run()))
                except BaseException as exc:  # handed to the GUI thread, which decides what to show
                    results.put((generation, "not saved", exc))

            self._run(save)
            return
        if self._pending is None:
            return
        generation, period_or_range, school, text = self._pending
        self._pending = None
        # the job gets the folder and the key, never the vault (or its connection)
        job = ReportJob(vault.directory, vault.data_key, period_or_range, school, remarks=text, today=self._today())

        def work() -> None:
            try:
                results.put((generation, "done", job.run()))
            except Stopped:
                results.put((generation, "stopped", None))
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                results.put((generation, "failed", exc))

        self._job = job
        self._run(work)

    def _run(self, work: Any) -> None:
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
                self._rendered(generation, value)
            elif outcome == "failed":
                self._failed(generation, value, job.phase if job is not None else "")
            elif outcome == "saved":
                self._saved(value)
            elif outcome == "not saved":
                self._not_saved(value)
        finally:
            self._start_worker()

    def wait_for_worker(self, timeout: float = 30.0) -> None:
        """Block until the worker has finished (on lock, before the page is deleted; on close;
        in tests). While the vault is locked or locking, a running preview job is stopped first."""
        if not self.session.is_unlocked:
            self._drop_work()
            self._pending_export = None
        if self._worker is not None:
            self._worker.join(timeout)

    def _rendered(self, generation: int, result: tuple[ProtectedReport, bytes]) -> None:
        if generation != self._generation or not self.session.is_unlocked:
            return  # a newer choice is being made, or the vault was locked meanwhile
        self._rendering = False
        if not self._exporting:
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
        if isinstance(exc, ExportRefused):  # the export history refuses this period (a scope conflict)
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

    def is_exporting(self) -> bool:
        return self._exporting

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_buttons(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        ready = self.report is not None and bool(self.pdf_data) and not self._rendering and not self._exporting
        exportable = ready and self.report is not None and self.report.exportable and not custom
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(exportable)
            reason = self.not_exportable_reason() if custom else ""
            button.setToolTip(reason)
            button.setAccessibleDescription(reason)

    # ---------------------------------------------------------------- export
    def _suggested(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name) if folder else name

    def export_pdf(self) -> bool:
        """Ask for a file name and save the report as PDF on the worker; whether it started."""
        return self._export("pdf")

    def export_csv(self) -> bool:
        return self._export("csv")

    def _export(self, kind: str) -> bool:
        report, period = self.report, self.period_combo.currentData()
        if report is None or not report.exportable or not isinstance(period, ExportablePeriod) or self._exporting:
            return False
        text = self.remarks_text()
        if len(text) > MAX_LENGTH:
            self._show_message(self.tr("The remarks are %1 characters long; at most %2 fit on the first page.")
                               .replace("%1", str(len(text))).replace("%2", str(MAX_LENGTH)))
            self.remarks.setFocus()
            return False
        if kind == "pdf":
            path = prompter.current().choose_save_path(self, self.tr("Save report as PDF"),
                                                       self._suggested(report.suggested_pdf),
                                                       self.tr("PDF files (*.pdf)"))
        else:
            path = prompter.current().choose_save_path(self, self.tr("Save report as CSV"),
                                                       self._suggested(report.suggested_csv),
                                                       self.tr("CSV files (*.csv)"))
        if not path:
            return False
        school = self.school_combo.currentData()
        self._show_message("")
        self._exporting = True
        self._export_pdf = kind == "pdf"
        self.progress.show()
        self.status.setText(self.tr("Saving the report…"))
        self._update_buttons()
        self._pending_export = (period, school if isinstance(school, int) else None, text,
                                Path(path) if kind == "pdf" else None, Path(path) if kind == "csv" else None)
        self._start_worker()
        return True

    def _saved(self, result: ExportResult) -> None:
        self._exporting = False
        if not self._rendering:
            self.progress.hide()
        if self.session.is_unlocked and self._export_pdf:
            self.session.vault.keep_anchor(*result.anchor)  # the check code printed on the PDF (issue 12)
        names = ", ".join(p.name for p in result.written)
        self.status.setText(self.tr("Saved: %1").replace("%1", names))
        for note in result.report.withheld_notes:
            self.status.setText(self.status.text() + "\n" + note)
        self._update_buttons()

    def _not_saved(self, exc: BaseException) -> None:
        self._exporting = False
        if not self._rendering:
            self.progress.hide()
        self.status.setText("")
        self._update_buttons()
        if isinstance(exc, NameInRemarks):
            # the name is shown to the officer only; the typed text stays as it is
            prompter.current().warn(self, self.tr("Name in the remarks"), exc.message())
            self._show_message(exc.message())
            self.remarks.setFocus()
            return
        if isinstance(exc, ExportRefused):
            prompter.current().warn(self, self.tr("Not saved"), str(exc))
            self._show_message(str(exc))
            return
        if isinstance(exc, OSError):
            prompter.current().warn(self, self.tr("Not saved"), self.tr("The report could not be saved: %1")
                                    .replace("%1", exc.strerror or type(exc).__name__))
            return
        known = exc if isinstance(exc, VaultError) else classify(exc)
        if known is not None:
            prompter.current().warn(self, self.tr("Not saved"), known.text())
            return
        raise exc  # a bug: the crash handler takes it

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
        self._remarks_debounce.stop()
        self._drop_work()
        self._pending_export = None
        self.status.setText("")
        self.view.clear()
        self._update_buttons()
        # the stop interrupts the running statement at once, so this waits for milliseconds (or
        # the rest of a rendering, or an export under way): the worker's connection is closed
        # before the vault's is
        self.wait_for_worker(30.0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's API
        self._clear()
        self.wait_for_worker()
        super().closeEvent(event)

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
        self._show_custom(self.period_combo.currentData() == CUSTOM)
        self._remarks_changed(schedule=False)
        self._update_buttons()
        self._schedule()
