"""The shared base dialog (as MusicBrainz Picard's ``PicardDialog``).

It remembers its geometry in QSettings under its class name (never anything it shows) and
is opened with ``open()``/``show()``: app code never runs a nested ``exec()``. Dialogs that
hold unsaved input implement the stash protocol of :mod:`brugdesk.ui.lock`.

**Nothing typed is thrown away without a question.** A dialog with
:attr:`BaseDialog.ask_before_discard` set (every form dialog) takes a snapshot of its input
fields when it is first shown; Escape, *Annuleren* and the window's close button then ask
"Wijzigingen weggooien?" when anything differs from it (the safe answer, keep editing, is the
default). A draft given back after a lock counts as changed. The lock itself closes dialogs
with :meth:`close_for_lock`, which never asks (the lock stashes the input first).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from brugdesk.ui import prefs
from brugdesk.ui.a11y import fit_to_screen


def input_values(window: QWidget) -> list[Any]:
    """The values of every input field of ``window`` (not of its popups), in a stable order."""
    values: list[Any] = []
    for w in window.findChildren(QWidget):
        if w.window() is not window:  # a calendar or completer popup
            continue
        if isinstance(w, QLineEdit):  # also the editors inside spin boxes, date fields, editable combos
            if not w.isReadOnly():
                values.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            if not w.isReadOnly():
                values.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            values.append(w.currentIndex())
        elif isinstance(w, QAbstractButton):
            if w.isCheckable():
                values.append(w.isChecked())
        elif isinstance(w, QListWidget):
            values.append(tuple(w.item(i).checkState().value for i in range(w.count())))
    return values


def ask_discard(parent: QWidget) -> bool:
    """"Wijzigingen weggooien?" through the injected prompter; ``True`` to throw the input away."""
    from brugdesk.ui import prompter

    return prompter.current().ask_yes_no(
        parent, QCoreApplication.translate("DiscardChanges", "Discard changes?"),
        QCoreApplication.translate("DiscardChanges", "What you typed here has not been saved. Throw it away?"),
        action=QCoreApplication.translate("DiscardChanges", "&Discard"),
        cancel=QCoreApplication.translate("DiscardChanges", "&Keep editing"))


class BaseDialog(QDialog):
    #: ask before Escape / Cancel / closing throws away changed input
    ask_before_discard = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry_restored = False
        self._baseline: list[Any] | None = None
        self._draft_restored = False
        self._asking = False

    @property
    def geometry_key(self) -> str:
        return prefs.GEOMETRY_PREFIX + type(self).__name__

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if not self._geometry_restored:
            self._geometry_restored = True
            value = prefs.settings().value(self.geometry_key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                self.restoreGeometry(value)
            fit_to_screen(self)
        if self._baseline is None:
            self._baseline = input_values(self)
        super().showEvent(event)

    # ----------------------------------------------------------- unsaved input
    def mark_draft_restored(self) -> None:
        """The fields hold a draft given back after a lock: closing it asks first."""
        self._draft_restored = True

    def has_unsaved_input(self) -> bool:
        """Whether any field differs from what it held when the dialog was first shown."""
        if self._draft_restored:
            return True
        if self._baseline is None:
            return False
        return input_values(self) != self._baseline

    def reject(self) -> None:
        """Escape, Cancel, the close button: ask first when something typed would be lost."""
        if self._asking:
            return
        if self.ask_before_discard and self.isVisible() and self.has_unsaved_input():
            self._asking = True
            try:
                discard = ask_discard(self)
            finally:
                self._asking = False
            if not discard or not self.isVisible():  # kept, or closed meanwhile (a lock)
                return
        super().reject()

    def close_for_lock(self) -> None:
        """Close without a question (the lock has stashed the input already)."""
        self._draft_restored = False
        self._baseline = None
        QDialog.done(self, QDialog.DialogCode.Rejected.value)

    # ----------------------------------------------------------- geometry
    def save_geometry(self) -> None:
        prefs.settings().setValue(self.geometry_key, self.saveGeometry())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().closeEvent(event)
