"""Helpers for tests that answer a real modal box (a ``QMessageBox`` run by the real prompter).

A modal box runs its own event loop inside the key press or click that opened it, so the test
schedules its answer first: :func:`when_box` polls for the box from a timer and hands it to
``act`` (which presses keys or clicks buttons on it, as a person would).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton


@dataclass
class SeenBox:
    title: str = ""
    text: str = ""
    buttons: list[str] = field(default_factory=list)
    default: str = ""
    escape: str = ""
    focused: str = ""


def describe(box: QMessageBox) -> SeenBox:
    default = box.defaultButton()
    escape = box.escapeButton()
    focus = box.focusWidget()
    return SeenBox(
        title=box.windowTitle(),
        text=box.text(),
        buttons=[b.text() for b in box.buttons()],
        default=default.text() if default is not None else "",
        escape=escape.text() if escape is not None else "",
        focused=focus.text() if isinstance(focus, QPushButton) else "",
    )


def when_box(act: Callable[[QMessageBox], None], seen: list[SeenBox] | None = None, tries: int = 1500) -> None:
    """Once a message box is the active modal window, record it in ``seen`` and call ``act(box)``."""

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        # shown, active and with its focus on a button: ready for keys (under load this takes a while)
        if (isinstance(box, QMessageBox) and box.isVisible() and QApplication.activeWindow() is box
                and isinstance(box.focusWidget(), QPushButton)):
            if seen is not None:
                seen.append(describe(box))
            act(box)
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def focus_of(box: QMessageBox) -> QPushButton:
    """The widget that gets a key typed now (the box's focused button)."""
    focus = box.focusWidget()
    assert isinstance(focus, QPushButton), focus
    return focus
