"""The shared base dialog (DESIGN §10, Picard's ``PicardDialog``).

It remembers its geometry in QSettings under its class name (never anything it shows) and
is opened with ``open()``/``show()``: app code never runs a nested ``exec()``. Dialogs that
hold unsaved input implement the stash protocol of :mod:`brugdesk.ui.lock`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from brugdesk.ui import prefs


class BaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry_restored = False

    @property
    def geometry_key(self) -> str:
        return prefs.GEOMETRY_PREFIX + type(self).__name__

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if not self._geometry_restored:
            self._geometry_restored = True
            value = prefs.settings().value(self.geometry_key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                self.restoreGeometry(value)
        super().showEvent(event)

    def save_geometry(self) -> None:
        prefs.settings().setValue(self.geometry_key, self.saveGeometry())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().closeEvent(event)
