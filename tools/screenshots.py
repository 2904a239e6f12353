#!/usr/bin/env python3
"""Render the main screens of the desktop app to ``docs/screenshots/*.png`` for the README.

    python tools/screenshots.py            # offscreen, on a 1366x768 screen (the school laptop)
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tools/screenshots.py

Everything comes from a throw-away demo vault (synthetic families, ``brugdesk.store.demo``)
in a temporary folder; the app's QSettings are redirected there too. Dutch UI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SIZE = (1366, 768)  # the school laptop's screen; windows and dialogs fit the screen they are on
if "QT_QPA_PLATFORM" not in os.environ:
    # Qt's offscreen screen is 800x800 unless told otherwise
    _screen = Path(tempfile.gettempdir()) / "brugdesk-screenshots-screen.json"
    _screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1],
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402 - platform chosen before Qt loads
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "een lange zin voor de demo"  # noqa: S105 - a throw-away demo vault for screenshots


def pause(ms: int) -> None:
    """Run the event loop for ``ms`` (timers, the report preview and worker results need it)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(_app: QApplication, rounds: int = 5) -> None:
    pause(40 * rounds)


def wait_for(condition: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        pause(50)
        waited += 50


def shot(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="brugdesk-shots-"))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication(sys.argv[:1])
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / font))
    app.setFont(QFont("DejaVu Sans", 10))

    from brugdesk.store import demo
    from brugdesk.store.vault import Vault
    from brugdesk.ui import app as app_module
    from brugdesk.ui.dialogs.first_run import FirstRunWizard
    from brugdesk.ui.main_window import PAGES, MainWindow
    from brugdesk.ui.session import Session
    from brugdesk.ui.tasks import wait_all

    app_module.setup_application(app)
    app_module.install_translators(app, "nl")
    OUT.mkdir(parents=True, exist_ok=True)

    # --- first-run wizard (a second, empty folder)
    wizard = FirstRunWizard(tmp / "new-vault", scrypt_n=2**14)
    wizard.resize(760, 580)
    wizard.show()
    wizard.officer_page.name.setText("Fatima Bakker")
    shot(app, wizard, "01-first-run-officer")
    wizard.next()
    wizard.schools_page.name.setText("OBS De Wilgen")
    wizard.schools_page.brin.setText("12AB")
    wizard.schools_page.add_school()
    wizard.next()
    wizard.next()
    wizard.passphrase_page.passphrase.setText("de brug naar ouders")
    wizard.passphrase_page.repeat.setText("de brug naar ouders")
    shot(app, wizard, "02-first-run-passphrase")
    wizard.next()
    wait_for(lambda: wizard.currentPage() is wizard.key_page)
    shot(app, wizard, "03-first-run-recovery-key")
    wizard.hide()
    if wizard.vault is not None:
        wizard.vault.close()
        # forget it: locking the desk below closes every dialog, and the wizard's reject() would
        # ask (modally, forever, offscreen) whether to stop before the recovery key was kept
        wizard.vault = None

    # --- the desk on a demo vault
    vault_dir = tmp / "demo-vault"
    vault, _key = Vault.create(vault_dir, PASSPHRASE, officer="Demo", scrypt_n=2**14)
    demo.fill(vault.conn, families=120, seed=7, today=dt.date.today())
    session = Session()
    window = MainWindow(session, vault_dir, auto_keyring=False)
    window.resize(*SIZE)
    window.show()
    shot(app, window, "04-unlock")
    session.attach(vault)
    names = {"overview": "05-overzicht", "families": "06-gezinnen", "followups": "08-acties",
             "activities": "09-groepsactiviteiten", "reports": "10-rapportages", "settings": "11-instellingen",
             "referrals": "14-doorverwijzingen", "agenda": "15-agenda", "signals": "16-signalen"}
    for spec in PAGES:
        window.show_page_key(spec.key)
        if spec.key == "reports":
            page = window._pages["reports"]
            page.remarks.setPlainText("Meer huisbezoeken dan vorig jaar, vooral bij geldzorgen. De wachtlijst bij "
                                      "schuldhulp is langer geworden.")
            pause(1000)
            # the report preview is made off the GUI thread
            wait_for(lambda p=page: p.report is not None and p.report.remarks != "" and not p.is_rendering())
            pause(500)
        if spec.key in names:
            shot(app, window, names[spec.key])
        if spec.key == "families":
            window.open_family(session.repo.families.rows()[3].id)
            shot(app, window, "07-gezin")
            back = getattr(window._pages.get("families"), "show_list", None)
            if callable(back):
                back()
    settings_page = window._pages.get("settings")
    tabs = getattr(settings_page, "tabs", None)
    if tabs is not None:
        tabs.setCurrentWidget(settings_page.lists)
        shot(app, window, "12-instellingen-lijsten")
        tabs.setCurrentWidget(settings_page.audit)
        shot(app, window, "18-instellingen-logboek")
    # Gezinnen: a search that finds a child
    families = window.show_page_key("families")
    child = next(m for r in session.repo.families.rows(limit=20) for m in session.repo.members.list(r.id)
                 if m.role == "child" and m.group)
    families.search.setText(child.first_name)
    families.apply_search()
    shot(app, window, "19-gezinnen-kind-gevonden")
    families.search.clear()
    # the intake from a signal (Signalen → Gezin aanmaken)
    signals = window.show_page_key("signals")
    signals.table.select_first()
    intake = signals.make_family()
    if intake is not None:
        settle(app)
        intake.display_name.setText("Fam. Jansen")
        intake.parent_forms[0].first_name.setText("Sandra")
        intake.parent_forms[0].phone.setText("06-12345678")
        intake.parent_forms[0].email.setText("sandra@voorbeeld.nl")
        intake.child_forms[0].first_name.setText("Milan")
        shot(app, intake, "17-intake")
        intake.close_for_lock()
    window.log_contact()
    settle(app)
    dialog = next((w for w in app.topLevelWidgets() if w.isVisible() and w is not window and w.isWindow()
                   and type(w).__name__ == "ContactDialog"), None)
    if dialog is not None:
        shot(app, dialog, "13-contact-vastleggen")
        dialog.close()
    window.lock()
    wait_all()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
