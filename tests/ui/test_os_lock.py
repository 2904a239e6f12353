"""brugdesk locks when the system locks the screen or goes to sleep (issue 12, item 8).

Linux for real: the tests run inside a private D-Bus session (``dev.py test``), and a real
``ActiveChanged(true)`` signal is sent on it with ``dbus-send``. logind lives on the system bus,
which the tests do not have: its handling is tested by giving the watch the session bus in its
place and sending logind's signals there. Windows and macOS: their modules' logic with the
system calls faked (a real ``MSG`` structure in memory; CoreFoundation's callback called as the
system would); they need a real machine to confirm (README)."""

from __future__ import annotations

import ctypes
import shutil
import subprocess

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QWidget

from brugdesk.ui import oslock
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.oslock import linux, macos, windows
from brugdesk.ui.session import Session

needs_bus = pytest.mark.skipif(not QDBusConnection.sessionBus().isConnected() or not shutil.which("dbus-send"),
                               reason="needs a D-Bus session bus and dbus-send (python3 dev.py test has both)")


def send_signal(path: str, member: str, *args: str) -> None:
    """A real D-Bus signal on the session bus, from another process."""
    subprocess.run(["dbus-send", "--session", "--type=signal", path, member, *args], check=True, timeout=10)


@needs_bus
@pytest.mark.parametrize(("path", "member"), [
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged"),
])
def test_the_screen_saver_turning_on_locks_the_app(qtbot, session: Session, path: str, member: str):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()

    send_signal(path, member, "boolean:false")  # the screen saver stopping: nothing happens
    qtbot.wait(300)
    assert session.is_unlocked

    send_signal(path, member, "boolean:true")
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=10_000)
    assert window._unlock_view is not None and window._unlock_view.isVisible()
    assert window.nav is None
    assert f"{member.rsplit('.', 1)[0]} (session bus)" in window.os_lock.sources


def test_without_a_system_bus_the_watch_still_starts(qtbot, session: Session):
    """No system bus here (as in a container): logind is skipped, nothing fails."""
    assert not QDBusConnection.systemBus().isConnected()
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    assert not any("logind" in s for s in window.os_lock.sources)


@needs_bus
def test_logind_sleep_and_session_lock_signals(qtbot):
    bus = QDBusConnection.sessionBus()
    session_path = "/org/freedesktop/login1/session/_31"
    watch = linux.DBusLockWatch(session_bus=bus, system_bus=bus, login_session_path=session_path)
    reasons: list[str] = []
    watch.locked.connect(reasons.append)
    assert {"logind PrepareForSleep", "logind Session.Lock"} <= set(watch.sources)

    send_signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", "boolean:false")
    send_signal("/org/freedesktop/login1/session/_99", "org.freedesktop.login1.Session.Lock")  # another session
    qtbot.wait(300)
    assert reasons == []  # waking up, and another user's session locking: not ours

    send_signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", "boolean:true")
    qtbot.waitUntil(lambda: reasons == ["sleep"], timeout=10_000)
    send_signal(session_path, "org.freedesktop.login1.Session.Lock")
    qtbot.waitUntil(lambda: reasons == ["sleep", "session-lock"], timeout=10_000)

    watch.stop()
    send_signal(session_path, "org.freedesktop.login1.Session.Lock")
    qtbot.wait(300)
    assert reasons == ["sleep", "session-lock"]


def test_an_unknown_system_gets_a_quiet_watch(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    watch = oslock.start(parent, platform="plan9")
    assert watch.sources == []


# ------------------------------------------------------------------ Windows (faked calls)
class FakeWin32:
    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.calls: list[tuple[str, int]] = []

    def register(self, hwnd: int) -> bool:
        self.calls.append(("register", hwnd))
        return self.ok

    def unregister(self, hwnd: int) -> None:
        self.calls.append(("unregister", hwnd))


def _msg(message: int, wparam: int) -> windows.MSG:
    msg = windows.MSG()
    msg.message, msg.wParam, msg.lParam = message, wparam, 0
    return msg


def test_windows_session_lock_console_switch_and_suspend_lock(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    api = FakeWin32()
    watch = windows.WindowsLockWatch(window, api=api)
    assert api.calls == [("register", int(window.winId()))]
    reasons: list[str] = []
    watch.locked.connect(reasons.append)
    kind = QByteArray(b"windows_generic_MSG")
    messages = [
        _msg(windows.WM_WTSSESSION_CHANGE, windows.WTS_SESSION_LOCK),
        _msg(windows.WM_WTSSESSION_CHANGE, 0x8),  # WTS_SESSION_UNLOCK
        _msg(windows.WM_WTSSESSION_CHANGE, windows.WTS_CONSOLE_DISCONNECT),
        _msg(windows.WM_POWERBROADCAST, windows.PBT_APMSUSPEND),
        _msg(windows.WM_POWERBROADCAST, 0x12),  # PBT_APMRESUMEAUTOMATIC
        _msg(0x0100, windows.WTS_SESSION_LOCK),  # WM_KEYDOWN with the same number: not a lock
    ]
    for msg in messages:
        handled = watch._filter.nativeEventFilter(kind, ctypes.addressof(msg))
        assert handled == (False, 0)  # Windows still gets every message
    assert reasons == ["session-lock", "session-switch", "sleep"]
    # other event types (a different dispatcher, another platform) are not read as MSG
    watch._filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), ctypes.addressof(messages[0]))
    assert reasons == ["session-lock", "session-switch", "sleep"]
    watch.stop()
    assert api.calls[-1] == ("unregister", int(window.winId()))


def test_windows_without_session_notifications_still_watches_power(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    watch = windows.WindowsLockWatch(window, api=FakeWin32(ok=False))
    assert watch.sources == ["power broadcasts"]
    watch.stop()


def test_windows_msg_layout_matches_win32():
    """hwnd, message, wParam, lParam, time, pt: the offsets of winuser.h's MSG on this pointer size."""
    ptr = ctypes.sizeof(ctypes.c_void_p)
    assert windows.MSG.message.offset == ptr
    assert windows.MSG.wParam.offset == 2 * ptr
    assert windows.MSG.lParam.offset == 3 * ptr


# ------------------------------------------------------------------ macOS (faked calls)
class FakeCoreFoundation:
    def __init__(self) -> None:
        self.observers: dict[str, object] = {}
        self.removed: list[int] = []

    def observe(self, observer: int, name: str, callback: object) -> bool:
        self.observers[name] = callback
        return True

    def remove(self, observer: int) -> None:
        self.removed.append(observer)


def test_macos_screen_is_locked_notification_locks(qtbot):
    cf = FakeCoreFoundation()
    watch = macos.MacLockWatch(cf=cf)
    assert set(cf.observers) == {"com.apple.screenIsLocked", "com.apple.screensaver.didstart"}
    reasons: list[str] = []
    watch.locked.connect(reasons.append)
    callback = cf.observers["com.apple.screenIsLocked"]
    callback(None, None, None, None, None)  # as CoreFoundation calls it (a real ctypes C callback)
    assert reasons == ["session-lock"]
    watch.stop()
    assert cf.removed == [id(watch)]
