"""Run slow work (scrypt, opening or creating a vault, backups, PDFs) off the GUI thread.

``run_task(fn, on_done, on_error, owner)`` runs ``fn()`` on a worker thread and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread. When ``owner`` is deleted
in the meantime (for example because the vault was locked), the result is dropped.

The result travels through a queue that a QTimer on the GUI thread polls (every 25 ms), so the
worker thread never touches a Qt object. (The first version emitted a Qt signal from a
``QRunnable``; it crashed under PySide6 6.12 on Python 3.11 — the cause turned out to be the
``None`` reference-count bug worked around in :mod:`brugdesk.ui.refcount_fix` — and the queue
keeps the worker free of Qt altogether.)
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

_threads: list[threading.Thread] = []


class _Task(QObject):
    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], owner: QObject | None) -> None:
        super().__init__(owner)
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._queue: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._poll)
        self._thread = threading.Thread(target=self._work, name="brugdesk-task", daemon=True)

    def start(self) -> None:
        _live.add(self)
        _threads.append(self._thread)
        self._timer.start()
        self._thread.start()

    def _work(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._queue.put((False, exc))
        else:
            self._queue.put((True, result))

    def _poll(self) -> None:
        try:
            ok, value = self._queue.get_nowait()
        except queue.Empty:
            return
        self._timer.stop()
        # the worker has put its result; let it end completely before the GUI goes on
        self._thread.join()
        _live.discard(self)
        self.deleteLater()
        if ok:
            self._on_done(value)
        else:
            self._on_error(value)


_live: set[_Task] = set()


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
             owner: QObject | None = None) -> None:
    _Task(fn, on_done, on_error, owner).start()


def wait_all(timeout: float = 30.0) -> bool:
    """Wait for the worker threads (when the app quits, and in tests); whether all finished."""
    for thread in list(_threads):
        thread.join(timeout)
    _threads[:] = [t for t in _threads if t.is_alive()]
    return not _threads


def busy() -> bool:
    """Whether a task's result has not been delivered yet."""
    return bool(_live)
