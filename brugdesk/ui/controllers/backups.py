"""Automatic backups: the day's backup a moment after unlocking, one on every lock and on quit.

The day's backup is decided and prepared (its audit entry) on the GUI thread, through the
vault's connection, and copied and verified on a worker thread (:func:`brugdesk.ui.tasks.run_task`)
through a read-only connection of its own (:class:`~brugdesk.privacy.backup_policy.BackupJob`): the
window stays responsive meanwhile. The backup made on a lock stays on the GUI thread: the key is
dropped right after it, and quitting must not lose it; it waits for a running backup job first
(jobs run one at a time).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from brugdesk.errors import VaultError
from brugdesk.privacy import backup_policy
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_task

log = logging.getLogger(__name__)


class BackupHooks(QObject):
    """Automatic backups for the app: the day's backup just after unlocking, one on every lock.

    Install once per main window (``BackupHooks(session, window)``). The day's backup is decided
    and prepared (audit entry) on the GUI thread and made on a worker thread; :attr:`running`
    tells whether it is still busy. The backup on lock runs synchronously, after the views were
    cleared (its slot is connected after theirs) and before the vault is closed; it waits for a
    running backup job first (jobs run one at a time). A failure never blocks locking or
    quitting: it is reported through :attr:`message` (a translated text without personal data)
    and logged by type only.
    """

    message = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None, *, daily_delay_ms: int = 3000) -> None:
        super().__init__(parent)
        self.session = session
        self.daily_delay_ms = daily_delay_ms
        self._vault: Any = None
        self._running = 0
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        if session.is_unlocked:
            self._on_unlocked()

    @property
    def running(self) -> bool:
        """Whether the day's backup is being made on a worker thread."""
        return self._running > 0

    def _on_unlocked(self) -> None:
        self._vault = self.session.vault
        # a moment after unlocking, so the desk is on screen first
        QTimer.singleShot(self.daily_delay_ms, self.daily_backup)

    def daily_backup(self) -> bool:
        """Start the day's backup unless one was made today; whether one was started."""
        vault = self._vault
        if vault is None or not self.session.is_unlocked or self.session.vault is not vault or self.running:
            return False
        job = self._guarded(lambda: backup_policy.prepare_daily_backup(vault))
        if job is None:
            return False
        self._running += 1
        run_task(job.run, self._daily_done, self._daily_failed, owner=self)
        return True

    def _daily_done(self, _info: object) -> None:
        self._running -= 1

    def _daily_failed(self, exc: BaseException) -> None:
        # also after a lock: the text names no person, and the officer should know
        self._running -= 1
        self._report(exc)

    def _on_locked(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None and vault.is_open:
            self._guarded(lambda: backup_policy.backup_on_close(vault))

    def _guarded(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except Exception as exc:  # a failed backup must never stop the lock or the unlock
            self._report(exc)
            return None

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, VaultError):
            self.message.emit(exc.text())
        else:
            log.warning("automatic backup failed: %s", type(exc).__name__)
            self.message.emit(self.tr("The automatic backup failed ({error}).").format(error=type(exc).__name__))
