"""macOS: lock on the distributed notification ``com.apple.screenIsLocked`` (the lock screen,
Ctrl+Cmd+Q, the screen saver with a password, the lid closed when a password is required).

The notification arrives through CoreFoundation's distributed notification centre, which
Qt's Cocoa event loop runs on the main thread; it is called through ctypes (no PyObjC).
``NSWorkspaceWillSleepNotification`` needs an Objective-C observer and is not used: on waking,
the idle timer (wall clock) locks when the sleep lasted longer than the idle time, and with
"require password after sleep" macOS posts ``screenIsLocked`` anyway. The CoreFoundation
calls go through :class:`CoreFoundation`, which the tests replace.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Any

from PySide6.QtCore import QObject

from brugdesk.ui.oslock.watch import ScreenLockWatch

log = logging.getLogger(__name__)

NOTIFICATIONS: dict[str, str] = {
    "com.apple.screenIsLocked": "session-lock",
    "com.apple.screensaver.didstart": "screensaver",
}
CF_DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
CF_UTF8 = 0x08000100  # kCFStringEncodingUTF8

#: void (*)(CFNotificationCenterRef, void *observer, CFStringRef name, const void *object, CFDictionaryRef)
CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                            ctypes.c_void_p)


class CoreFoundation:
    """The CoreFoundation calls brugdesk needs (only loaded on macOS)."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("CoreFoundation")
        if not path:
            raise OSError("CoreFoundation not found")
        cf = ctypes.CDLL(path)
        cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        cf.CFNotificationCenterAddObserver.argtypes = [ctypes.c_void_p, ctypes.c_void_p, CALLBACK, ctypes.c_void_p,
                                                       ctypes.c_void_p, ctypes.c_long]
        cf.CFNotificationCenterRemoveEveryObserver.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self._cf = cf
        self._center = cf.CFNotificationCenterGetDistributedCenter()

    def observe(self, observer: int, name: str, callback: Any) -> bool:
        if not self._center:
            return False
        cf_name = self._cf.CFStringCreateWithCString(None, name.encode(), CF_UTF8)
        self._cf.CFNotificationCenterAddObserver(self._center, observer, callback, cf_name, None,
                                                 CF_DELIVER_IMMEDIATELY)
        return True

    def remove(self, observer: int) -> None:
        if self._center:
            self._cf.CFNotificationCenterRemoveEveryObserver(self._center, observer)


class MacLockWatch(ScreenLockWatch):
    def __init__(self, parent: QObject | None = None, *, cf: Any = None) -> None:
        super().__init__(parent)
        self._cf = cf if cf is not None else CoreFoundation()
        self._observer = id(self)
        # one C callback per notification, kept alive as long as the watch (ctypes frees it otherwise)
        self._callbacks = []
        for name, reason in NOTIFICATIONS.items():
            callback = CALLBACK(lambda _c, _o, _n, _obj, _info, reason=reason: self.locked.emit(reason))
            if self._cf.observe(self._observer, name, callback):
                self._callbacks.append(callback)
                self.sources.append(name)

    def stop(self) -> None:
        self._cf.remove(self._observer)
        self._callbacks.clear()
