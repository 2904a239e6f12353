"""Day 1: the lock right after the first-run wizard locks and does not quit the app (issue 12,
item 6). Through ``brugdesk.ui.app.run`` — the real start-up, wizard and main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from brugdesk.ui import app as app_module
from brugdesk.ui.dialogs.first_run import FirstRunWizard
from brugdesk.ui.main_window import MainWindow
from tests.ui.test_run import GOOD, EventLoop, _restore


def test_ctrl_l_right_after_the_wizard_locks_and_keeps_the_app_running(qtbot, qapp, vault_dir, monkeypatch):
    hook = sys.excepthook
    loop = EventLoop()
    quits: list[str] = []
    seen: dict[str, object] = {}
    monkeypatch.setattr(qapp, "exec", loop.exec)
    monkeypatch.setattr(qapp, "quit", lambda: quits.append("quit"))

    def later(condition, then, stage: str, left: int = 400) -> None:
        if condition():
            then()
        elif left > 0:
            QTimer.singleShot(50, lambda: later(condition, then, stage, left - 1))
        else:
            seen["stuck"] = stage
            loop.quit()

    def drive_wizard() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard))
        qtbot.keyClicks(wizard.officer_page.name, "Fatima Bakker")
        wizard.next()
        qtbot.keyClicks(wizard.schools_page.name, "OBS De Wilgen")
        wizard.next()
        wizard.next()
        qtbot.keyClicks(wizard.passphrase_page.passphrase, GOOD)
        qtbot.keyClicks(wizard.passphrase_page.repeat, GOOD)
        wizard.next()
        later(lambda: wizard.currentPage() is wizard.key_page, lambda: finish(wizard), "recovery key page")

    def finish(wizard: FirstRunWizard) -> None:
        wizard.next()
        qtbot.keyClicks(wizard.confirm_page.last_group, wizard.recovery_key.rsplit("-", 1)[-1])
        wizard.next()
        wizard.accept()  # "Start using brugdesk"
        later(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
              press_ctrl_l, "main window")

    def press_ctrl_l() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.activateWindow()
        later(lambda: QApplication.activeWindow() is window, lambda: lock(window), "window active")

    def lock(window: MainWindow) -> None:
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(300, lambda: check(window))

    def check(window: MainWindow) -> None:
        seen["locked"] = not window.session.is_unlocked
        seen["unlock screen"] = window._unlock_view is not None and window._unlock_view.isVisible()
        seen["window shown"] = window.isVisible()
        seen["quit"] = list(quits)
        window.close()
        loop.quit()

    try:
        QTimer.singleShot(0, drive_wizard)
        assert app_module.run(vault_dir, explicit_vault=True) == 0
    finally:
        _restore(qapp, hook)
    assert seen == {"locked": True, "unlock screen": True, "window shown": True, "quit": []}
