"""``brugdesk`` start-up end to end: no vault → first-run wizard → desk; next start → unlock."""

from __future__ import annotations

import contextlib
import sys

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from brugdesk.store.vault import Vault
from brugdesk.ui import app as app_module
from brugdesk.ui import prefs
from brugdesk.ui.dialogs.first_run import FirstRunWizard
from brugdesk.ui.main_window import MainWindow

GOOD = "een zin om de kluis te openen"


def _restore(qapp, hook) -> None:
    sys.excepthook = hook
    for translator in app_module._translators:
        qapp.removeTranslator(translator)
    app_module._translators.clear()
    QLocale.setDefault(QLocale.c())
    for w in app_module._windows:
        with contextlib.suppress(RuntimeError):  # already deleted with its parent
            w.close()
            w.deleteLater()
    app_module._windows.clear()


class EventLoop:
    """Stands in for ``QApplication.exec`` (a real ``exec`` + ``quit`` would leave Qt's quit flag set
    and stop every later event loop of the test session)."""

    def __init__(self) -> None:
        self.loop: QEventLoop | None = None

    def exec(self) -> int:
        self.loop = QEventLoop()
        return self.loop.exec()

    def quit(self) -> None:
        assert self.loop is not None
        self.loop.quit()


def test_first_start_runs_the_wizard_then_opens_the_desk_and_the_next_start_asks_to_unlock(qtbot, qapp, vault_dir,
                                                                                              monkeypatch):
    hook = sys.excepthook
    seen: dict[str, object] = {}
    loop = EventLoop()
    monkeypatch.setattr(qapp, "exec", loop.exec)

    def drive_wizard() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard))
        wizard.officer_page.name.setText("Fatima Bakker")
        wizard.next()
        wizard.schools_page.name.setText("OBS De Wilgen")
        wizard.next()
        wizard.next()
        wizard.passphrase_page.passphrase.setText(GOOD)
        wizard.passphrase_page.repeat.setText(GOOD)
        wizard.next()
        wait_for(lambda: wizard.currentPage() is wizard.key_page, lambda: finish_wizard(wizard))

    def finish_wizard(wizard: FirstRunWizard) -> None:
        wizard.next()
        wizard.confirm_page.last_group.setText(wizard.recovery_key.rsplit("-", 1)[-1])
        wizard.next()  # the last page: Finish
        wizard.accept()
        wait_for(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
                 check_desk)

    def check_desk() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["desk"] = window.nav is not None and window.session.is_unlocked
        seen["title"] = window.windowTitle()
        window.close()
        loop.quit()

    def wait_for(condition, then) -> None:
        def tick() -> None:
            if condition():
                then()
            else:
                QTimer.singleShot(50, tick)
        tick()

    try:
        QTimer.singleShot(0, drive_wizard)
        assert app_module.run(vault_dir, explicit_vault=True) == 0
    finally:
        _restore(qapp, hook)
    assert seen == {"desk": True, "title": "brugdesk"}
    assert prefs.settings().value(prefs.KEY_LAST_VAULT) == str(vault_dir)
    vault = Vault.open(vault_dir, passphrase=GOOD)
    assert [s.name for s in vault.repo.schools.list()] == ["OBS De Wilgen"]
    vault.close()

    # next start: the main window opens locked, on the unlock screen
    def check_locked() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["locked"] = window.nav is None and window._unlock_view is not None and not window.session.is_unlocked
        window.close()
        loop.quit()

    try:
        QTimer.singleShot(0, check_locked)
        assert app_module.run(vault_dir, explicit_vault=True) == 0
    finally:
        _restore(qapp, hook)
    assert seen["locked"] is True
