"""Windows: lock on ``WTS_SESSION_LOCK`` (Win+L, the lock screen), on a console disconnect
(fast user switching) and before suspend (``PBT_APMSUSPEND``).

``WTSRegisterSessionNotification`` asks Windows to send ``WM_WTSSESSION_CHANGE`` to the main
window; a native event filter reads the messages Qt receives. The Win32 calls go through
:class:`Win32` (ctypes), which the tests replace; the message decoding reads a real ``MSG``
structure from the pointer Qt hands over, so it is tested with one made in memory.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from brugdesk.ui.oslock.watch import ScreenLockWatch

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0

#: (message, wParam) pairs that lock, and why
LOCKING: dict[tuple[int, int], str] = {
    (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK): "session-lock",
    (WM_WTSSESSION_CHANGE, WTS_CONSOLE_DISCONNECT): "session-switch",
    (WM_WTSSESSION_CHANGE, WTS_REMOTE_DISCONNECT): "session-switch",
    (WM_POWERBROADCAST, PBT_APMSUSPEND): "sleep",
}


class MSG(ctypes.Structure):
    """The Win32 ``MSG`` structure (winuser.h), pointer-sized fields as on the running system."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),  # WPARAM: UINT_PTR
        ("lParam", ctypes.c_ssize_t),  # LPARAM: LONG_PTR
        ("time", ctypes.c_ulong),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


def read_message(address: int) -> tuple[int, int]:
    """(message, wParam) of the ``MSG`` at ``address``."""
    msg = MSG.from_address(address)
    return int(msg.message), int(msg.wParam)


def lock_reason(message: int, wparam: int) -> str:
    """Why this window message locks brugdesk ("" when it does not)."""
    return LOCKING.get((message, wparam), "")


class Win32:
    """The two calls brugdesk needs from wtsapi32 (only loaded on Windows)."""

    def __init__(self) -> None:
        self._wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]

    def register(self, hwnd: int) -> bool:
        return bool(self._wtsapi.WTSRegisterSessionNotification(ctypes.c_void_p(hwnd), NOTIFY_FOR_THIS_SESSION))

    def unregister(self, hwnd: int) -> None:
        self._wtsapi.WTSUnRegisterSessionNotification(ctypes.c_void_p(hwnd))


class _Filter(QAbstractNativeEventFilter):
    def __init__(self, watch: WindowsLockWatch) -> None:
        super().__init__()
        self._watch = watch

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview,  # noqa: N802 - Qt
                          message: Any) -> Any:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind in (b"windows_generic_MSG", b"windows_dispatcher_MSG") and message:
            reason = lock_reason(*read_message(int(message)))
            if reason:
                self._watch.locked.emit(reason)
        return False, 0  # Windows handles the message as usual too


class WindowsLockWatch(ScreenLockWatch):
    def __init__(self, parent: QObject | None = None, *, api: Any = None) -> None:
        super().__init__(parent)
        self._api = api if api is not None else Win32()
        self._hwnd = 0
        self._filter = _Filter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)
            self.sources.append("power broadcasts")
        window = parent if isinstance(parent, QWidget) else None
        if window is not None:
            self._hwnd = int(window.winId())
            if self._api.register(self._hwnd):
                self.sources.append("WTS session notifications")
            else:
                log.info("WTSRegisterSessionNotification failed")
                self._hwnd = 0

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)
        if self._hwnd:
            self._api.unregister(self._hwnd)
            self._hwnd = 0
