"""What every system's screen-lock watch offers the main window (the modules per system subclass it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ScreenLockWatch(QObject):
    """Emits :attr:`locked` (with what happened: "screensaver", "session-lock", "sleep", …)."""

    locked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: what this watch listens to (for the log and the tests)
        self.sources: list[str] = []

    def stop(self) -> None:
        """Stop listening (the window is closing)."""
