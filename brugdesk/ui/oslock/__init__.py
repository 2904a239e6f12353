"""Lock brugdesk when the operating system locks the screen or the computer goes to sleep
(KeePassXC's ``ScreenLockListener`` does the same).

:func:`start` returns a :class:`ScreenLockWatch` whose :attr:`~ScreenLockWatch.locked` signal
the main window connects to its lock. One small module per system, each tolerant of what is
missing (no D-Bus, no logind, an old Windows): then brugdesk still locks by Ctrl+L and the
idle timer, which reads the wall clock and so also locks on waking after a long sleep.

* Linux (:mod:`.linux`): D-Bus signals through QtDBus — ``org.freedesktop.ScreenSaver`` /
  ``org.gnome.ScreenSaver`` / ``org.xfce.ScreenSaver`` ``ActiveChanged(true)`` on the session
  bus; logind's ``Session.Lock`` (``loginctl lock-session``) and ``Manager.PrepareForSleep(true)``
  on the system bus.
* Windows (:mod:`.windows`): ``WTSRegisterSessionNotification`` + a native event filter for
  ``WM_WTSSESSION_CHANGE`` (``WTS_SESSION_LOCK``, ``WTS_CONSOLE_DISCONNECT``) and
  ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND``.
* macOS (:mod:`.macos`): the distributed notification ``com.apple.screenIsLocked`` through
  CoreFoundation (ctypes; no PyObjC).

Only the Linux path runs in this project's tests for real (a private D-Bus session); the
Windows and macOS modules have their logic unit-tested with the system calls faked and need a
real machine to confirm (see README, "Vergrendelen").
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QWidget

from brugdesk.ui.oslock.watch import ScreenLockWatch

__all__ = ["ScreenLockWatch", "start"]

log = logging.getLogger(__name__)


def start(window: QWidget, platform: str | None = None) -> ScreenLockWatch:
    """Listen for the system's screen lock and sleep on behalf of ``window``; never raises."""
    platform = platform or sys.platform
    watch: ScreenLockWatch
    try:
        if platform.startswith("linux") or platform.startswith("freebsd"):
            from brugdesk.ui.oslock.linux import DBusLockWatch

            watch = DBusLockWatch(window)
        elif platform == "win32":
            from brugdesk.ui.oslock.windows import WindowsLockWatch

            watch = WindowsLockWatch(window)
        elif platform == "darwin":
            from brugdesk.ui.oslock.macos import MacLockWatch

            watch = MacLockWatch(window)
        else:
            watch = ScreenLockWatch(window)
    except Exception as exc:  # a missing system library: lock by Ctrl+L and the idle timer only
        log.info("no screen-lock notifications (%s)", type(exc).__name__)
        watch = ScreenLockWatch(window)
    log.info("locking with the system on: %s", ", ".join(watch.sources) or "nothing")
    return watch
