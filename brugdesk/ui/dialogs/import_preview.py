"""The import wizard's preview on a worker thread (:class:`PreviewWorker`), its busy row, and the
table of the families already in the vault (:func:`fill_duplicates`).

Checking every row of a large sheet takes seconds; on the GUI thread the wizard froze for as long.
Clicking *Next* on the mapping step now starts a :class:`~brugdesk.importing.job.PreviewJob` —
prepared here with the vault folder, the data key, the sheet and the mapping, never the vault or
its connection — through :func:`brugdesk.ui.tasks.run_task` (the app's worker pattern: a plain
thread, the result polled back onto the GUI thread). Meanwhile the wizard shows a busy bar and a
line a screen reader announces, and stays usable: *Back* or *Cancel* drops the preview.

One preview at a time: a new one, *Back*, closing the wizard or a lock stops the running job. A
lock waits for the job's read-only connection to be closed before the vault's own closes (the job
closes it before it checks the rows, so that is milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QProgressBar, QTableWidget, QTableWidgetItem, QWidget

from brugdesk.importing import DuplicateChoice, FamilyGroup, Mapping, Preview, Sheet
from brugdesk.importing.job import PreviewJob, Stopped
from brugdesk.ui import tasks
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.session import Session


class PreviewWorker(QObject):
    """Runs one preview job at a time; ``done(preview)`` or ``failed(exception)`` on the GUI thread
    for the newest job only (a job stopped or replaced reports nothing)."""

    def __init__(self, session: Session, parent: QObject, *, done: Callable[[Preview], None],
                 failed: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self.session = session
        self._done, self._failed = done, failed
        self._job: PreviewJob | None = None
        session.locked.connect(self.stop)  # before the vault's connection closes

    @property
    def busy(self) -> bool:
        """A preview is being made (and has not been delivered yet)."""
        return self._job is not None

    def start(self, sheet: Sheet, mapping: Mapping) -> None:
        """Make the preview of ``sheet`` under ``mapping`` (a running one is stopped first)."""
        self.stop()
        if not self.session.is_unlocked:
            return
        vault = self.session.vault
        job = PreviewJob(vault.directory, vault.data_key, sheet, mapping)
        self._job = job
        tasks.run_task(job.run, lambda result: self._deliver(job, result), lambda exc: self._fail(job, exc),
                       owner=self)

    def stop(self, timeout: float = 30.0) -> None:
        """Drop the running preview: it is stopped, and its connection is closed when this returns."""
        job, self._job = self._job, None
        if job is not None:
            job.stop()
            job.released.wait(timeout)

    def _deliver(self, job: PreviewJob, result: Preview) -> None:
        if job is self._job:
            self._job = None
            self._done(result)

    def _fail(self, job: PreviewJob, exc: BaseException) -> None:
        if job is self._job:
            self._job = None
            if not isinstance(exc, Stopped):
                self._failed(exc)


class BusyRow(QWidget):
    """An endless bar and a line saying what is being made (announced to a screen reader)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.label = StatusLabel(parent=self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.bar)
        lay.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.bar.setAccessibleName(text)
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()
        self.label.clear()


def fill_duplicates(table: QTableWidget, dups: list[tuple[int, FamilyGroup]],
                    choose: Callable[[int, QComboBox], None]) -> None:
    """The preview's families already in the vault, one row each with a choice between skipping
    and merging (``choose(family index, its choice box)`` when it changes)."""
    table.setRowCount(len(dups))
    for row_index, (i, group) in enumerate(dups):
        assert group.duplicate is not None
        sheet_name = group.family.display_name if group.family is not None else group.key
        for col, text_ in enumerate((sheet_name, f"{group.duplicate.ref} {group.duplicate.display_name}")):
            item = QTableWidgetItem(text_)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row_index, col, item)
        combo = QComboBox()
        combo.setAccessibleName(QCoreApplication.translate("ImportWizard", "What to do with {sheet}").format(
            sheet=sheet_name))
        combo.addItem(QCoreApplication.translate("ImportWizard", "Skip (leave the family as it is)"),
                      str(DuplicateChoice.SKIP))
        combo.addItem(QCoreApplication.translate("ImportWizard", "Merge (add the members it does not have yet)"),
                      str(DuplicateChoice.MERGE))
        combo.setCurrentIndex(max(0, combo.findData(str(group.choice))))
        combo.currentIndexChanged.connect(lambda _i, fam=i, c=combo: choose(fam, c))
        table.setCellWidget(row_index, 2, combo)
