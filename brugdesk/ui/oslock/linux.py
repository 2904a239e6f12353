"""Linux (and other freedesktop systems): the screen saver and logind tell brugdesk over D-Bus.

Signals listened to (any sender; the object path and interface must match):

=================  ==========================================  ==================================
bus                interface . member (path)                   locks when
=================  ==========================================  ==================================
session            org.freedesktop.ScreenSaver.ActiveChanged   the argument is true
                   (/org/freedesktop/ScreenSaver, also
                   /ScreenSaver as KDE emits it)
session            org.gnome.ScreenSaver.ActiveChanged         the argument is true
session            org.xfce.ScreenSaver.ActiveChanged          the argument is true
system             org.freedesktop.login1.Manager              the argument is true (about to
                   .PrepareForSleep (/org/freedesktop/login1)  suspend or hibernate)
system             org.freedesktop.login1.Session.Lock         always (``loginctl lock-session``,
                   (this process's session)                    most desktops' lock screens)
=================  ==========================================  ==================================

Both buses are injectable (tests pass the private session bus for both, and the session's
object path), and either may be missing: without a system bus (a container, the tests) the
logind part is skipped, and so is ``Session.Lock`` when logind does not know this process.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from brugdesk.ui.oslock.watch import ScreenLockWatch

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"

#: (object path, interface) of the screen savers' ``ActiveChanged(bool)`` on the session bus
SCREENSAVERS: tuple[tuple[str, str], ...] = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/xfce/ScreenSaver", "org.xfce.ScreenSaver"),
)


class DBusLockWatch(ScreenLockWatch):
    def __init__(self, parent: QObject | None = None, *, session_bus: QDBusConnection | None = None,
                 system_bus: QDBusConnection | None = None, login_session_path: str | None = None) -> None:
        super().__init__(parent)
        self._session_bus = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        self._system_bus = system_bus if system_bus is not None else QDBusConnection.systemBus()
        self._connected: list[tuple[QDBusConnection, str, str, str, str]] = []
        if self._session_bus.isConnected():
            for path, interface in SCREENSAVERS:
                self._connect(self._session_bus, path, interface, "ActiveChanged", "screensaver_active(bool)",
                              f"{interface} (session bus)")
        else:
            log.info("no D-Bus session bus")
        if self._system_bus.isConnected():
            self._connect(self._system_bus, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep",
                          "prepare_for_sleep(bool)", "logind PrepareForSleep")
            path = login_session_path if login_session_path is not None else self._own_login_session()
            if path:
                self._connect(self._system_bus, path, LOGIN1_SESSION, "Lock", "session_lock()", "logind Session.Lock")
        else:
            log.info("no D-Bus system bus: no logind lock or sleep signals")

    def _connect(self, bus: QDBusConnection, path: str, interface: str, member: str, slot: str, name: str) -> None:
        # service "": any sender (a screen saver emits from its unique name)
        if bus.connect("", path, interface, member, self, SLOT(slot)):  # type: ignore[call-overload]
            self._connected.append((bus, path, interface, member, slot))
            self.sources.append(name)
        else:
            log.info("cannot listen to %s", name)

    def _own_login_session(self) -> str:
        """The logind session object of this process ("" when logind does not answer quickly)."""
        # "auto": logind's name for the caller's own session (or its display session)
        message = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession")
        message.setArguments([os.environ.get("XDG_SESSION_ID") or "auto"])
        reply = self._system_bus.call(message, timeout=1500)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.info("logind does not know this session")
            return ""
        value = reply.arguments()[0]
        path = value.path() if hasattr(value, "path") else str(value)
        return path if path.startswith("/") else ""

    # -- the signals
    @Slot(bool)
    def screensaver_active(self, active: bool) -> None:
        if active:
            self.locked.emit("screensaver")

    @Slot(bool)
    def prepare_for_sleep(self, before: bool) -> None:
        if before:
            self.locked.emit("sleep")

    @Slot()
    def session_lock(self) -> None:
        self.locked.emit("session-lock")

    def stop(self) -> None:
        for bus, path, interface, member, slot in self._connected:
            bus.disconnect("", path, interface, member, self, SLOT(slot))  # type: ignore[call-overload]
        self._connected.clear()
