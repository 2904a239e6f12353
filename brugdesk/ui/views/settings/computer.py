"""Instellingen › Deze computer: remember the vault in this computer's keyring, and the language.

A language chosen here applies at once: the tab saves it and emits :attr:`ComputerTab.language_chosen`;
the main window installs the new catalogue and builds its pages again (:meth:`MainWindow.change_language`).
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from brugdesk.errors import KeyringUnavailable
from brugdesk.ui import prefs
from brugdesk.ui.a11y import hint
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage


class ComputerTab(QWidget):
    #: the language the officer just chose ("nl" or "en"), already saved in the settings
    language_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 keyring_backend: KeyringBackend | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.keyring_backend = keyring_backend
        vault = self.session.vault
        self.remember = QCheckBox(self.tr("&Remember the vault on this computer (keyring)"), self)
        self.remember.setChecked(bool(vault.slots and vault.slots.keyring))
        self.remember.toggled.connect(self.set_remember)
        self.remember_message = FieldMessage(self)
        remember_note = QLabel(self.tr("When on, brugdesk opens without the passphrase while you are logged in to "
                                       "this computer. Use it only on a laptop that is yours alone."), self)
        remember_note.setWordWrap(True)
        hint(remember_note)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(self.tr("La&nguage"), self)
        language_label.setBuddy(self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remember)
        layout.addWidget(remember_note)
        layout.addWidget(self.remember_message)
        row = QHBoxLayout()
        row.addWidget(language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_remember(self, on: bool) -> None:
        self.remember_message.clear_message()
        try:
            self.session.vault.remember_on_this_computer(on, self.keyring_backend)
        except KeyringUnavailable:
            self.remember.blockSignals(True)
            self.remember.setChecked(False)
            self.remember.blockSignals(False)
            self.remember_message.show_message(
                self.tr("The keyring of this computer is not available, so the vault cannot be "
                        "remembered here."))

    def _language_changed(self, _index: int) -> None:
        language = str(self.language.currentData())
        prefs.set_language(language)
        self.language_chosen.emit(language)
