"""The Rapportages page's worker: one plain thread at a time for the preview and the export jobs.

A choice on the page becomes a :class:`~brugdesk.reports.job.ReportJob`, a save an
:class:`~brugdesk.reports.job.ExportJob`; both are prepared here on the GUI thread with the vault
folder and the session's data key (never the vault or its connection) and run on a plain worker
thread (``brugdesk-report``) that touches no Qt object. The result comes back through a queue that
a QTimer on the GUI thread polls (the pattern of :mod:`brugdesk.ui.tasks`) and is handed to the
page's callbacks with the generation it was started for; the page drops what is not the newest.

One job at a time: a new preview stops the running preview job (its SQL is interrupted at once)
and waits its turn; an export waiting goes first, and is never cut off (it runs to its record).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from brugdesk.core.periods import ExportablePeriod, Period
from brugdesk.reports.export import ExportResult
from brugdesk.reports.job import ExportJob, ReportJob, Stopped
from brugdesk.reports.report import ProtectedReport
from brugdesk.ui.session import Session

#: what the worker hands back: (generation, "done" | "stopped" | "failed" | "saved" | "not saved", value)
_Result = tuple[int, str, Any]
#: a choice waiting for the worker: (generation, period, school id, remarks)
_Choice = tuple[int, ExportablePeriod | Period, int | None, str]
#: an export waiting for the worker: (generation, period, school id, remarks, pdf path, csv path)
_Export = tuple[int, ExportablePeriod, int | None, str, Path | None, Path | None]


class ReportWorker(QObject):
    """Runs the page's preview and export jobs off the GUI thread, newest preview first.

    The callbacks run on the GUI thread: ``rendered(generation, (report, pdf bytes))``,
    ``failed(generation, exception, phase)``, ``saved(result)``, ``not_saved(exception)``.
    """

    def __init__(self, session: Session, parent: QObject, *, today: Callable[[], dt.date],
                 rendered: Callable[[int, tuple[ProtectedReport, bytes]], None],
                 failed: Callable[[int, BaseException, str], None],
                 saved: Callable[[ExportResult], None],
                 not_saved: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self._rendered, self._failed, self._saved, self._not_saved = rendered, failed, saved, not_saved
        self._results: queue.SimpleQueue[_Result] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._job: ReportJob | None = None  # the running preview job (to stop it)
        self._pending: _Choice | None = None  # the newest choice, when the worker is busy
        self._pending_export: _Export | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(25)
        self._poll.timeout.connect(self._collect)

    def preview(self, generation: int, period: ExportablePeriod | Period, school_id: int | None,
                remarks: str) -> None:
        """Make the report of this choice (after the running job; a running preview is stopped)."""
        self._pending = (generation, period, school_id, remarks)
        if self._job is not None:
            self._job.stop()  # its result would be dropped: let the newest choice start sooner
        self._start()

    def save(self, generation: int, period: ExportablePeriod, school_id: int | None, remarks: str,
             pdf: Path | None, csv: Path | None) -> None:
        """Save the report of ``period`` (after the running job)."""
        self._pending_export = (generation, period, school_id, remarks, pdf, csv)
        self._start()

    def drop(self, *, export: bool = False) -> None:
        """Forget the pending choice (and with ``export`` a pending save) and stop a running preview."""
        self._pending = None
        if export:
            self._pending_export = None
        if self._job is not None:
            self._job.stop()

    @property
    def busy(self) -> bool:
        """A job is running (or its result has not been collected yet)."""
        return self._thread is not None

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the running job has finished."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _start(self) -> None:
        """Start the export or the preview job that waits, unless a job is still running."""
        if self._thread is not None or not self.session.is_unlocked:
            return
        vault = self.session.vault
        results = self._results
        if self._pending_export is not None:
            generation, period, school_id, remarks, pdf, csv = self._pending_export
            self._pending_export = None
            export_job = ExportJob(vault.directory, vault.data_key, period, school_id, pdf=pdf, csv=csv,
                                   remarks=remarks, today=self._today(), on_change=self.session.relay)

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

    def _run(self, work: Callable[[], None]) -> None:
        self._thread = threading.Thread(target=work, name="brugdesk-report", daemon=True)
        self._thread.start()
        self._poll.start()

    def _collect(self) -> None:
        try:
            generation, outcome, value = self._results.get_nowait()
        except queue.Empty:
            return
        if self._thread is not None:
            self._thread.join()  # it has finished; let it end before the GUI goes on
            self._thread = None
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
            self._start()
