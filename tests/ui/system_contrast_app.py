"""brugdesk's start-up style in a small window, for tests/ui/test_follow_system_contrast.py: run
with the venv's python on an X server, with Qt's GNOME platform theme (which reads the desktop
portal's contrast setting). It applies the app's style as brugdesk.ui.app does
(:func:`brugdesk.ui.a11y.apply_accessible_style`, which follows the officer's colour choice) and
prints ``theme NAME WINDOW-PIXEL`` at the start and after each theme change (the theme in use and
the colour of a pixel of the window as rendered), and ``preference P theme NAME`` when Qt reports a
new contrast preference (NAME: the theme in use once brugdesk's own handler, connected first, ran)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from brugdesk.ui import a11y, theme


def main() -> int:
    app = QApplication(sys.argv)
    app.setOrganizationName("brugdesk")
    a11y.apply_accessible_style(app)
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("Gezinnen", window))
    window.resize(200, 80)
    window.show()

    def report(_name: str = "") -> None:
        pixel = window.grab().toImage().pixelColor(2, 2).name()
        print("theme", theme.current().name, pixel, flush=True)

    hints = app.styleHints()
    accessibility = hints.accessibility()
    accessibility.contrastPreferenceChanged.connect(
        lambda preference: print("preference", preference.name, "theme", theme.current().name, flush=True))
    theme.notifier().changed.connect(lambda name: QTimer.singleShot(0, report))
    QTimer.singleShot(0, report)
    QTimer.singleShot(60_000, app.quit)  # never left running
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
