"""The unlocked vault as the UI sees it: one object shared by every view.

Views read and write through ``session.repo`` (the service layer) and never hold a
reference to the vault across a lock. After a change a view calls :meth:`Session.notify`
with the entity type ("family", "contact", "referral", "followup", "activity", "settings",
…) and the family id when there is one; every view listens to :attr:`Session.changed` and
refreshes what it shows (DESIGN §10, Anki's CollectionOp).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from brugdesk.store.repo import Repositories
from brugdesk.store.vault import Vault


class Session(QObject):
    changed = Signal(str, int)  # entity type, family id (0 when none)
    locked = Signal()
    unlocked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None

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
        self._vault = vault
        self.unlocked.emit()

    def lock(self) -> None:
        """Close the connection and drop the key; views must clear what they show."""
        vault, self._vault = self._vault, None
        if vault is not None:
            self.locked.emit()
            vault.close()

    def notify(self, entity: str, family_id: int | None = None) -> None:
        self.changed.emit(entity, family_id or 0)
