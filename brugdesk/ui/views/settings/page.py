"""Instellingen: the page with one tab per module of this package.

The tabs have no mnemonics (Ctrl+Tab / Ctrl+PgDn switch them), so each tab's own fields can use
any letter. Over a lock the page keeps the tab shown and what each tab had half typed (never a
passphrase): :meth:`SettingsPage.stash` asks every tab that has something to keep.
"""

from __future__ import annotations

from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from brugdesk.ui.a11y import Heading
from brugdesk.ui.session import Session
from brugdesk.ui.views.settings.audit import AuditTab
from brugdesk.ui.views.settings.computer import ComputerTab
from brugdesk.ui.views.settings.general import GeneralTab
from brugdesk.ui.views.settings.lists import ListsTab
from brugdesk.ui.views.settings.passphrase import PassphraseTab
from brugdesk.ui.views.settings.privacy import PrivacyTab
from brugdesk.ui.views.settings.profile import ProfileTab
from brugdesk.ui.views.settings.schools import SchoolsTab
from brugdesk.ui.views.settings.terms import TermsTab
from brugdesk.ui.widgets import big_font


class SettingsPage(QWidget):
    #: Deze computer › Taal: the language just chosen (the window applies it at once)
    language_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 keyring_backend: KeyringBackend | None = None) -> None:
        super().__init__(parent)
        self.session = session
        title = Heading(self.tr("Settings"), self)
        title.setFont(big_font(self, 1.6))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.profile = ProfileTab(session, self)
        self.schools = SchoolsTab(session, self)
        self.terms = TermsTab(session, self)
        self.lists = ListsTab(session, self)
        self.general = GeneralTab(session, self)
        self.computer = ComputerTab(session, self, keyring_backend=keyring_backend)
        self.computer.language_chosen.connect(self.language_chosen)
        self.passphrase = PassphraseTab(session, self)
        self.privacy = PrivacyTab(session, self)
        self.audit = AuditTab(session, self)
        for tab, text in ((self.profile, self.tr("About you")), (self.schools, self.tr("Schools")),
                          (self.terms, self.tr("School year")), (self.lists, self.tr("Lists")),
                          (self.general, self.tr("Reports and locking")),
                          (self.computer, self.tr("This computer")), (self.passphrase, self.tr("Passphrase")),
                          (self.privacy, self.tr("Backups and privacy")), (self.audit, self.tr("Audit log"))):
            self.tabs.addTab(tab, text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)

    def _kept(self) -> dict[str, Any]:
        """The tabs that keep half-typed input over a lock, by key."""
        return {"profile": self.profile, "schools": self.schools, "terms": self.terms, "lists": self.lists,
                "general": self.general}

    def stash(self) -> dict[str, Any]:
        return {"tab": self.tabs.currentIndex(), **{key: tab.stash() for key, tab in self._kept().items()}}

    def restore(self, state: dict[str, Any]) -> None:
        self.tabs.setCurrentIndex(int(state.get("tab", 0)))
        for key, tab in self._kept().items():
            if key in state:
                tab.restore(state[key])
