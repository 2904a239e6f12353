"""Rapportages: choose a period from the catalogue and a school, add a toelichting, preview the
real PDF, export PDF and CSV.

The choices are a panel of their own (:mod:`brugdesk.ui.views.reports.choices`), the worker glue a
controller (:mod:`brugdesk.ui.controllers.report_worker`); this module is the page that ties them to
the preview and the save buttons.

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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.periods import ExportablePeriod, Period, PeriodError
from brugdesk.errors import VaultError, classify
from brugdesk.reports.export import ExportRefused, ExportResult
from brugdesk.reports.remarks import MAX_LENGTH, NameInRemarks
from brugdesk.reports.report import ProtectedReport
from brugdesk.store.changes import CASEWORK, LABELS, Change, What
from brugdesk.ui import prompter, theme
from brugdesk.ui.a11y import Heading, StatusLabel
from brugdesk.ui.controllers.report_worker import ReportWorker
from brugdesk.ui.pdf_preview import PdfPreview
from brugdesk.ui.views.reports.choices import CUSTOM, ReportChoices

__all__ = ["CUSTOM", "NEW_REPORT_ON", "ReportsPage"]

#: the changes that alter what a report counts (not an export, a backup or a new key)
NEW_REPORT_ON = CASEWORK | LABELS | {What.ACTIVITY, What.SETTINGS, What.ERASURE}


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
        self._catalogue_day: dt.date | None = None  # the day the period choices were made for
        self.worker = ReportWorker(session, self, today=lambda: self._today(), rendered=self._rendered,
                                   failed=self._failed, saved=self._saved, not_saved=self._not_saved)

        # ---- choices (the page reads and watches their widgets)
        self.choices = ReportChoices()
        self.period_combo = self.choices.period_combo
        self.date_from, self.date_to = self.choices.date_from, self.choices.date_to
        self.custom_row = self.choices.custom_row
        self.private_mark, self.cut_note = self.choices.private_mark, self.choices.cut_note
        self.school_combo, self.threshold_note = self.choices.school_combo, self.choices.threshold_note
        self.remarks, self.remarks_count = self.choices.remarks, self.choices.remarks_count
        self.message = QLabel()
        self.message.setWordWrap(True)
        theme.style(self.message, "color: $report_error;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

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
        title = Heading(self.tr("Anonymised report"))
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
        side.addWidget(self.choices)
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
        self.choices.count_remarks()
        self._update_buttons()
        self.refresh()

    # ---------------------------------------------------------------- choices
    def not_exportable_reason(self) -> str:
        return self.choices.not_exportable_reason()

    def _fill_choices(self) -> None:
        if not self.session.is_unlocked:
            return
        today = self._today()
        self._catalogue_day = today
        self.choices.fill(self.session.repo, today)

    def select_period(self, label: str) -> bool:
        """Choose a period by its label (``2025-2026/T1``); whether it is in the catalogue."""
        return self.choices.select_period(label)


    def _period_changed(self) -> None:
        self.period_combo.setToolTip(self.period_combo.currentText())
        self.choices.show_custom()
        self._schedule()

    def _remarks_changed(self) -> None:
        self.choices.count_remarks()
        self._remarks_debounce.start()

    def _schedule(self) -> None:
        self._debounce.start()

    def chosen_period(self) -> ExportablePeriod | Period:
        return self.choices.chosen_period()

    def remarks_text(self) -> str:
        return self.choices.remarks_text()

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
        self._generation += 1
        self.report = None  # nothing that belongs to another choice can be exported
        self.pdf_data = b""
        self._rendering = True
        self.progress.show()
        self.status.setText(self.tr("Making the report…"))
        self._update_buttons()
        self.worker.preview(self._generation, period, self.choices.school_id(), self.remarks_text()[:MAX_LENGTH])

    def _drop_work(self) -> None:
        """Forget the pending choice, stop the running job, and drop any result still to come."""
        self._generation += 1
        self.worker.drop()
        self.report = None
        self.pdf_data = b""
        self._rendering = False
        if not self._exporting:
            self.progress.hide()

    def wait_for_worker(self, timeout: float = 30.0) -> None:
        """Block until the worker has finished (on lock, before the page is deleted; on close;
        in tests). While the vault is locked or locking, a running preview job is stopped first."""
        if not self.session.is_unlocked:
            self._drop_work()
            self.worker.drop(export=True)
        self.worker.wait(timeout)

    def _rendered(self, generation: int, result: tuple[ProtectedReport, bytes]) -> None:
        if generation != self._generation or not self.session.is_unlocked:
            return  # a newer choice is being made, or the vault was locked meanwhile
        self._rendering = False
        if not self._exporting:
            self.progress.hide()
        self.report, self.pdf_data = result
        self._load_preview(self.pdf_data)
        self.status.setText(self.tr("{n} page", "{n} pages", self.page_count()).format(n=self.page_count()))
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
            self._show_message(self.tr("The report could not be made ({error}).").format(error=type(exc).__name__))

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
        custom = self.choices.is_custom()
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
            self._show_message(self.tr("The remarks are {length} characters long; at most {limit} fit on the first "
                                       "page.").format(length=len(text), limit=MAX_LENGTH))
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
        self._show_message("")
        self._exporting = True
        self._export_pdf = kind == "pdf"
        self.progress.show()
        self.status.setText(self.tr("Saving the report…"))
        self._update_buttons()
        self.worker.save(self._generation, period, self.choices.school_id(), text,
                         Path(path) if kind == "pdf" else None, Path(path) if kind == "csv" else None)
        return True

    def _saved(self, result: ExportResult) -> None:
        self._exporting = False
        if not self._rendering:
            self.progress.hide()
        if self.session.is_unlocked and self._export_pdf:
            self.session.vault.keep_anchor(*result.anchor)  # the check code printed on the PDF (issue 12)
        names = ", ".join(p.name for p in result.written)
        self.status.setText(self.tr("Saved: {files}").format(files=names))
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
            prompter.current().warn(self, self.tr("Not saved"), self.tr("The report could not be saved: {error}")
                                          .format(error=exc.strerror or type(exc).__name__))
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
        self.worker.drop(export=True)
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
        return self.choices.stash()

    def restore(self, state: dict[str, Any]) -> None:
        self.choices.restore(state)
        self._update_buttons()
        self._schedule()
