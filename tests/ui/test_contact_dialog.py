"""ContactDialog: the keyboard-only home visit, validation messages and the lock stash."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from brugdesk.core.model import Family, FamilyStatus
from brugdesk.ui.dialogs.contact import ContactDialog

# The offscreen platform cannot grab the keyboard for the completer's popup nor raise
# windows; these are limits of the test platform, not of the dialog.
# (a function-level mark: the UI conftest adds its own qt_log_ignore to every item)
popup_noise = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Keyboard:
    """Sends every key to whichever widget has the keyboard focus, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def target(self) -> QWidget:
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(self.target(), ch)
            self.count += 1


def _host(qtbot, session):
    """A stand-in for the main window: Ctrl+N opens the dialog, as UI-A's MainWindow does."""
    host = QMainWindow()
    qtbot.addWidget(host)
    host.opened = []

    def open_dialog() -> None:
        dialog = ContactDialog(session, host)
        host.opened.append(dialog)
        dialog.open()

    shortcut = QShortcut(QKeySequence("Ctrl+N"), host)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(open_dialog)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or host.isActiveWindow())
    host.setFocus()
    return host


@popup_noise
def test_home_visit_from_the_keyboard_in_under_ten_keystrokes(qtbot, session):
    repo = session.repo
    family = repo.families.create(Family("Fam. Quispel", dt.date(2026, 1, 10), status=FamilyStatus.ACTIVE))
    before = len(repo.contacts.list(family.id))
    host = _host(qtbot, session)
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(host.opened) and host.opened[0].isVisible())
    dialog = host.opened[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.family)
    keys.type("qui")
    keys.press(Qt.Key.Key_Return)
    assert dialog.family.family_id == family.id
    assert QApplication.focusWidget() is dialog.note
    note_keys = keys.count
    keys.qtbot.keyClicks(dialog.note, "Gesprek over de nieuwe school.")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert keys.count < 10, f"{keys.count} keystrokes besides the note"
    assert note_keys + 1 == keys.count
    contacts = repo.contacts.list(family.id)
    assert len(contacts) == before + 1
    stored = contacts[0]
    assert stored.kind == "home_visit"
    assert stored.date == dt.date.today()
    assert stored.minutes == 60
    assert stored.note == "Gesprek over de nieuwe school."
    assert "parents" in stored.with_whom
