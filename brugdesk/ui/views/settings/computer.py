"""Instellingen › Deze computer: remember the vault in this computer's keyring, the language and
the colours.

A language chosen here applies at once: the tab saves it and emits :attr:`ComputerTab.language_chosen`;
the main window installs the new catalogue and builds its pages again (:meth:`MainWindow.change_language`).
Colours chosen here (as the system asks, standard, high contrast) apply at once too
(:func:`brugdesk.ui.theme.apply_choice`): every window is styled again, nothing typed is lost.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from brugdesk.errors import KeyringUnavailable
from brugdesk.ui import prefs, theme
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
        self.colours = QComboBox(self)
        self.colours.setAccessibleName(self.tr("Colours"))
        self.colours.addItem(self.tr("Follow the system"), theme.FOLLOW_SYSTEM)
        self.colours.addItem(self.tr("Standard"), theme.STANDARD)
        self.colours.addItem(self.tr("High contrast"), theme.HIGH_CONTRAST)
        self.colours.setCurrentIndex(max(0, self.colours.findData(prefs.colours())))
        self.colours.currentIndexChanged.connect(self._colours_changed)
        colours_label = QLabel(self.tr("&Colours"), self)
        colours_label.setBuddy(self.colours)
        colours_note = QLabel(self.tr("High contrast: white text on black, a yellow focus ring. \"Follow the system\" "
                                      "uses it when high contrast is on in this computer's settings."), self)
        colours_note.setWordWrap(True)
        hint(colours_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remember)
        layout.addWidget(remember_note)
        layout.addWidget(self.remember_message)
        grid = QGridLayout()
        grid.addWidget(language_label, 0, 0)
        grid.addWidget(self.language, 0, 1)
        grid.addWidget(colours_label, 1, 0)
        grid.addWidget(self.colours, 1, 1)
        grid.setColumnStretch(2, 1)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(colours_note)
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

    def _colours_changed(self, _index: int) -> None:
        choice = str(self.colours.currentData())
        prefs.set_colours(choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_choice(app, choice)
