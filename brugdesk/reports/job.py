"""Reports made and exported on a worker thread, away from the vault's own connection (no Qt).

A :class:`ReportJob` (the preview) is prepared on the thread that owns the vault (the GUI thread)
with what it needs and nothing more — the vault folder, the data key and the choices (period,
school, remarks) — and :meth:`ReportJob.run` runs on a worker thread:

1. it opens a read-only connection of its own (:class:`brugdesk.store.reader.Reader`) and lets
   go of its reference to the key (SQLCipher keeps it inside that connection);
2. :func:`~brugdesk.reports.export.report_for` counts in SQL through that connection and protects
   the numbers (for an exportable period exactly as the export would: the export history's rules
   and the linked check); the connection is closed right after (also when that fails or is stopped);
3. :func:`~brugdesk.reports.pdf.render_pdf` renders the protected model; from here on the job
   holds nothing personal (no connection, no key, only the anonymised report).

:meth:`ReportJob.stop` (any thread) asks the job to end: a running SQL statement is interrupted
within a fraction of a millisecond (the reader's progress handler), a step that cannot be
interrupted (rendering) is finished, then :meth:`~ReportJob.run` raises :class:`Stopped`. The
vault's own connection is never touched, so the vault can go on serving (and writing on) its own
thread, or be closed, while a job runs.

An :class:`ExportJob` (saving a PDF or CSV) runs :func:`~brugdesk.reports.export.export` — the
name check of the remarks, the report, the files, the export history and the audit entry in one
call — on a worker through a *writable* connection of its own (:class:`_Writer`), closed when
the job ends. It is not stopped half-way (a stop could leave files without their record): a lock
waits for it, which takes as long as making the report once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brugdesk.core.periods import ExportablePeriod, Period
from brugdesk.reports.export import ExportResult, export, report_for
from brugdesk.reports.report import ProtectedReport
from brugdesk.store import audit, connection
from brugdesk.store.changes import Change, ChangeFeed
from brugdesk.store.reader import Reader, ReaderJob, Stopped
from brugdesk.store.repo import Repositories
from brugdesk.store.vault import db_path

__all__ = ["ExportJob", "ReportJob", "Stopped"]


class ReportJob(ReaderJob):
    """The report for ``period`` (one school, or all with ``school_id=None``): an exportable period
    exactly as it would be exported, or another date range for the officer's own screen."""

    def __init__(self, vault_dir: Path, data_key: bytes, period: ExportablePeriod | Period,
                 school_id: int | None, *, remarks: str = "", lang: str | None = None,
                 today: dt.date | None = None, on_change: Callable[[Change], None] | None = None) -> None:
        super().__init__(vault_dir, data_key)
        self.on_change = on_change  # hears the change the export commits (on the worker thread)
        self.period = period
        self.school_id = school_id
        self.remarks = remarks
        self.lang = lang
        self.today = today
        #: the step running or last run: "waiting", "aggregate", "render", "done"
        self.phase = "waiting"

    def _check(self) -> None:
        if self._stop.is_set():
            raise Stopped()

    def run(self) -> tuple[ProtectedReport, bytes]:
        """The protected report and its PDF; raises :class:`Stopped` after :meth:`stop`, a
        :class:`~brugdesk.errors.VaultError` when the vault does not open, and whatever making
        or rendering the report raises (:attr:`phase` says which step failed)."""
        key, self._data_key = self._data_key, None
        if key is None:
            raise RuntimeError("a report job runs once")
        self._check()
        self.phase = "aggregate"
        reader = Reader(self.vault_dir, key, stop=self._stop)
        del key
        try:
            report = report_for(reader.repo, self.period, self.school_id, today=self.today, lang=self.lang,
                                remarks=self.remarks, progress=self._check)
            anchor = audit.head(reader.conn)  # the audit log's check code printed on the preview's PDF
        except Exception as exc:
            if reader.stopped(exc):
                raise Stopped() from None
            raise
        finally:
            reader.close()
        self._check()
        self.phase = "render"
        from brugdesk.reports.pdf import render_pdf  # reportlab: imported when first needed

        data = render_pdf(report, audit.short_code(*anchor))
        self.phase = "done"
        return report, data


class _Writer:
    """A writable connection of its own to the vault's database, with the repositories over it
    (the :class:`~brugdesk.store.repo.Store` protocol), for one export on a worker thread."""

    def __init__(self, directory: Path, data_key: bytes) -> None:
        self.conn: Any = connection.connect(db_path(Path(directory)), data_key)
        self.changes = ChangeFeed(lambda: self.conn)  # what the export commits (a REPORT change)
        self.repo = Repositories(self)

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            conn.close()


class ExportJob:
    """Save the report of an exportable ``period`` as PDF and/or CSV, with its record."""

    def __init__(self, vault_dir: Path, data_key: bytes, period: ExportablePeriod, school_id: int | None, *,
                 pdf: Path | None = None, csv: Path | None = None, remarks: str = "", lang: str | None = None,
                 today: dt.date | None = None, on_change: Callable[[Change], None] | None = None) -> None:
        self.vault_dir = Path(vault_dir)
        self._data_key: bytes | None = data_key
        self.on_change = on_change  # hears the change the export commits (on the worker thread)
        self.period = period
        self.school_id = school_id
        self.pdf = pdf
        self.csv = csv
        self.remarks = remarks
        self.lang = lang
        self.today = today

    def run(self) -> ExportResult:
        """The files written and the export's record; its ``anchor`` is the audit log's head printed
        on the PDF (the caller keeps it in the key file). Raises
        :class:`~brugdesk.reports.remarks.NameInRemarks` (nothing written) when the remarks hold a
        name from the vault, ``ExportRefused`` when the period may not be shared, OSError when a
        file cannot be written, a :class:`~brugdesk.errors.VaultError` for the vault."""
        key, self._data_key = self._data_key, None
        if key is None:
            raise RuntimeError("an export job runs once")
        writer = _Writer(self.vault_dir, key)
        del key
        if self.on_change is not None:
            writer.changes.subscribe(self.on_change)
        try:
            return export(writer.repo, self.period, self.school_id, today=self.today, pdf=self.pdf, csv=self.csv,
                          remarks=self.remarks, lang=self.lang)
        finally:
            writer.close()
