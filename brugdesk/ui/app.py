"""Start the desktop app: ``brugdesk`` (:func:`brugdesk.cli.vault.cmd_gui`) calls :func:`run`.

Sets up the application (names, icon, style, Dutch locale and translators — ours from the gettext
catalogue in ``resources/translations`` and Qt's own ``qtbase_nl.qm``), installs the crash handler and the
handler for Qt's own messages, then shows the first-run wizard (no vault yet) or the main window
on its unlock screen.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from brugdesk import __version__
from brugdesk.store import vault as vault_module
from brugdesk.ui import prefs
from brugdesk.ui.a11y import apply_accessible_style
from brugdesk.ui.translator import _translators, install_translators  # noqa: F401 - the app's, tests read them
from brugdesk.ui.widgets import app_icon

log = logging.getLogger(__name__)

#: benchmarks only (benchmarks/harness.py, "GUI cold start"): a file holding a vault's raw data
#: key; the app unlocks with it, shows the main window and quits. The key itself is never logged.
BENCH_KEY_ENV = "BRUGDESK_BENCH_KEY_FILE"
BENCH_SHOWN_MARK = "brugdesk-bench-shown"

_windows: list[QWidget] = []


def setup_application(app: QApplication) -> None:
    app.setApplicationName("brugdesk")
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationDisplayName("brugdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("brugdesk")
    app.setWindowIcon(app_icon())
    apply_accessible_style(app)


# ------------------------------------------------------------------ crash handler
def crash_text(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """What the crash dialog shows: the exception *type* and the code locations only.

    Exception messages and local values can hold personal data (a name in a failing
    query, a note in a ``ValueError``), so neither is shown nor logged.
    """
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}" if exc_type.__module__ != "builtins"
             else exc_type.__qualname__]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    seen = 0
    while cause is not None and seen < 5:
        lines.append(f"caused by {type(cause).__qualname__}")
        for frame in traceback.extract_tb(cause.__traceback__):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        cause = cause.__cause__ or cause.__context__
        seen += 1
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    """The path from the package on (no home folder, which may hold the officer's name)."""
    parts = Path(filename).parts
    for anchor in ("brugdesk", "PySide6", "site-packages"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i:])
    return Path(filename).name


def _crash_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    text = crash_text(exc_type, exc, tb)
    print("brugdesk: unexpected error\n" + text, file=sys.stderr)
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "brugdesk: unexpected error"),
                      QCoreApplication.translate(
                          "Crash", "Something went wrong inside brugdesk. What was saved is safe; the last action "
                                   "may not have been saved. Please report the details below (they contain no "
                                   "personal data)."))
    box.setDetailedText(text)
    box.setModal(False)
    box.show()
    _windows.append(box)


def install_crash_handler() -> None:
    sys.excepthook = _crash_hook


# ------------------------------------------------------------------ Qt's own messages
QT_LOG = logging.getLogger("brugdesk.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
#: the Qt class or function a message starts with ("QWidget::setTabOrder:", "QLayout:")
_QT_WHERE = re.compile(r"\s*(Q\w+)((?:::~?\w+)*):")
#: a platform plugin saying it lacks a feature (the offscreen plugin used headless cannot size
#: windows to their hints): nothing the officer or the code can act on
_PLATFORM_LIMIT = re.compile(r"This plugin does not support ")
_QtHandler = Callable[[QtMsgType, QMessageLogContext, str], None]
_qt_handler: list[tuple[_QtHandler, _QtHandler | None]] = []  # (ours, the one it passes messages on to)


def qt_message_text(category: str, message: str) -> str:
    """What the log says of one of Qt's messages: its category and the Qt class or function it names.

    The message's text itself is never logged: Qt puts object names, window titles, file paths
    and values into its messages, and in brugdesk those can be a family's name or a folder named
    after the officer.
    """
    where = _QT_WHERE.match(message)
    # only a class Qt has (a message starting "Quinten: …" is not Qt's own words)
    qt_class = where is not None and any(hasattr(module, where.group(1)) for module in (QtCore, QtGui, QtWidgets))
    name = where.group(1) + where.group(2) if where is not None and qt_class else "message"
    return f"Qt [{category or 'default'}] {name} (text withheld)"


def install_qt_message_handler() -> None:
    """Send Qt's warnings (and its other messages) to Python logging, as :func:`qt_message_text`.

    A handler installed before (pytest-qt's, which fails a test on any Qt warning) still gets
    every message; Qt's default handler, which prints the text on stderr, is replaced.
    """

    previous: _QtHandler | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        if _PLATFORM_LIMIT.match(message):  # what a platform plugin cannot do (offscreen: size hints)
            level = logging.DEBUG
        QT_LOG.log(level, qt_message_text(str(context.category or ""), message))
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    if _qt_handler and previous is _qt_handler[-1][0]:  # installed again: pass on to what ours passed on to
        previous = _qt_handler[-1][1]
    _qt_handler[:] = [(handler, previous)]  # kept alive here (Qt holds no Python reference)


# ----------------------------------------------------------------------- run
def run(vault_dir: Path, explicit_vault: bool) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    install_qt_message_handler()
    setup_application(app)
    language = prefs.language()
    install_translators(app, language)
    install_crash_handler()

    vault_dir = Path(vault_dir)
    if not explicit_vault:
        last = prefs.settings().value(prefs.KEY_LAST_VAULT, "")
        if isinstance(last, str) and last and vault_module.exists(Path(last)):
            vault_dir = Path(last)

    from brugdesk.ui.main_window import MainWindow
    from brugdesk.ui.session import Session

    session = Session(app)
    if os.environ.get(BENCH_KEY_ENV):
        return _bench_start(app, session, vault_dir, Path(os.environ[BENCH_KEY_ENV]))

    def open_main() -> None:
        prefs.settings().setValue(prefs.KEY_LAST_VAULT, str(vault_dir))
        window = MainWindow(session, vault_dir)
        _windows.append(window)
        window.show()

    if vault_module.exists(vault_dir):
        open_main()
    else:
        from brugdesk.ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(vault_dir, language=language)
        _windows.append(wizard)

        def finished() -> None:
            # the wizard is done for good: a later lock (Ctrl+L, idle, the OS) closes every dialog,
            # and a hidden wizard still wired to ``quit`` would end the app
            wizard.rejected.disconnect(cancelled)
            if wizard.vault is not None:
                session.attach(wizard.vault)
                wizard.vault = None
                open_main()
            else:
                app.quit()
            if wizard in _windows:
                _windows.remove(wizard)
            wizard.deleteLater()

        def cancelled() -> None:
            app.quit()

        wizard.accepted.connect(finished)
        wizard.rejected.connect(cancelled)
        wizard.show()
    code = app.exec()
    from brugdesk.ui.tasks import wait_all

    wait_all()
    if session.is_unlocked:
        session.lock()
    return int(code)


def _bench_start(app: QApplication, session: object, vault_dir: Path, key_file: Path) -> int:
    """Unlock with the raw key in ``key_file``, show the main window, quit once it is shown."""
    from PySide6.QtCore import QTimer

    from brugdesk.ui.main_window import MainWindow
    from brugdesk.ui.session import Session

    assert isinstance(session, Session)
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    session.attach(vault_module.Vault.open_with_key(vault_dir, key))
    window = MainWindow(session, vault_dir, auto_keyring=False)
    _windows.append(window)
    window.show()

    def shown() -> None:
        # the moment the window has been shown and painted; the harness subtracts its start time
        # (what follows — quitting, the backup on close — is not part of the cold start)
        print(f"{BENCH_SHOWN_MARK} {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    code = app.exec()
    from brugdesk.ui.tasks import wait_all

    wait_all()
    session.lock()
    return int(code)
