"""The unlocked vault as the UI sees it: one object shared by every view.

Views read and write through ``session.repo`` (the service layer) and never hold a reference
to the vault across a lock. They do not announce their own writes: every service call that
changes the vault announces a :class:`~brugdesk.store.changes.Change` through the vault's change
feed once its transaction has committed (:mod:`brugdesk.store.changes`), and the session passes
each one on as :attr:`Session.changed`. A view connects to it and refreshes when the change is
one it shows (``change.touches(What.CONTACT)``, ``change.concerns(family_id)``), whoever made it:
a dialog, another page, or a command on the session's vault.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from brugdesk.store.changes import Change
from brugdesk.store.repo import Repositories
from brugdesk.store.vault import Vault


class Session(QObject):
    changed = Signal(object)  # a brugdesk.store.changes.Change, on the GUI thread
    locked = Signal()
    unlocked = Signal()
    #: a change committed on another thread (the passphrase change runs on a worker), queued
    _changed_elsewhere = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._changed_elsewhere.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_open

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is locked")
        return self._vault

    @property
    def repo(self) -> Repositories:
        return self.vault.repo

    def attach(self, vault: Vault) -> None:
        self._stop_listening()
        self._vault = vault
        self._unsubscribe = vault.changes.subscribe(self._committed)
        self.unlocked.emit()

    def lock(self) -> None:
        """Close the connection and drop the key; views must clear what they show."""
        vault, self._vault = self._vault, None
        self._stop_listening()
        if vault is not None:
            self.locked.emit()
            vault.close()

    def _stop_listening(self) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    def relay(self, change: Change) -> None:
        """Pass on a change committed through another connection to this vault (the report export
        job's own, on a worker thread): it reaches :attr:`changed` on the GUI thread."""
        self._committed(change)

    def _committed(self, change: Change) -> None:
        if threading.current_thread() is threading.main_thread():
            self._deliver(change)
        else:
            self._changed_elsewhere.emit(change)

    def _deliver(self, change: Change) -> None:
        if self.is_unlocked:
            self.changed.emit(change)
