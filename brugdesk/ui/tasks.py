"""Run slow work (scrypt, opening or creating a vault, PDFs) off the GUI thread.

``run_task(fn, on_done, on_error, owner)`` runs ``fn()`` on a worker thread and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread. When ``owner`` is deleted in
the meantime (for example because the vault was locked), the result is dropped (and the task
forgotten at the next :func:`run_task` or :func:`busy`). Only the worker thread holds ``fn``
(and what ``fn`` holds, such as a backup job's data key), and only until ``fn`` returns.

The result travels through a queue that a QTimer on the GUI thread polls (every 25 ms), so the
worker thread never touches a Qt object.

A finished task is *not* deleted with ``deleteLater()``: a Python ``QObject`` subclass calling
``deleteLater()`` from its own timer slot corrupts the heap under PySide6 6.12.0 ("QObject:
shared QObject was deleted directly"). A finished task stops its timer and stays a child of its
owner (or of the application) until that is deleted; it holds no data after delivering its result.

:func:`run_busy` is the other way, for work that must stay on the GUI thread (it uses the
vault's own connection): run it now under a wait cursor.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QLabel

_threads: list[threading.Thread] = []


class _Task(QObject):
    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], owner: QObject | None) -> None:
        # without an owner the application owns it, so Python never deletes it in a callback
        super().__init__(owner if owner is not None else QCoreApplication.instance())
        self._on_done: Callable[[Any], None] | None = on_done
        self._on_error: Callable[[BaseException], None] | None = on_error
        self._queue: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._poll)
        # the thread alone holds ``fn`` (threading drops its target and args when it ends)
        self._thread = threading.Thread(target=self._work, args=(fn,), name="brugdesk-task", daemon=True)

    def start(self) -> None:
        _live.add(self)
        _threads.append(self._thread)
        self._timer.start()
        self._thread.start()

    def _work(self, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._queue.put((False, exc))
        else:
            self._queue.put((True, result))

    def _poll(self) -> None:
        if self._queue.empty():
            return
        self._timer.stop()
        # the worker has put its result; let it end completely before the GUI goes on
        self._thread.join()
        ok, value = self._queue.get_nowait()
        on_done, on_error = self._on_done, self._on_error
        self._on_done = self._on_error = None  # keep nothing once delivered
        _live.discard(self)
        if ok and on_done is not None:
            on_done(value)
        elif not ok and on_error is not None:
            on_error(value)


_live: set[_Task] = set()


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
             owner: QObject | None = None) -> None:
    _forget_deleted()
    _Task(fn, on_done, on_error, owner).start()


def _forget_deleted() -> None:
    """Let go of tasks deleted with their owner before delivering (their results are dropped)."""
    _live.difference_update([t for t in _live if not shiboken6.isValid(t)])


def wait_all(timeout: float = 30.0) -> bool:
    """Wait for the worker threads (when the app quits, and in tests); whether all finished."""
    for thread in list(_threads):
        thread.join(timeout)
    _threads[:] = [t for t in _threads if t.is_alive()]
    return not _threads


def busy() -> bool:
    """Whether a task's result has not been delivered yet (a task deleted with its owner, whose
    result is dropped, does not count)."""
    _forget_deleted()
    return bool(_live)


def run_busy(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
             status: QLabel | None = None, text: str = "") -> None:
    """Run ``fn`` now under a wait cursor (after painting ``text`` in ``status``); report to a callback."""
    if status is not None and text:
        status.setText(text)
        status.repaint()
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        result = fn()
    except Exception as exc:  # handed to the caller, which shows a clear message
        QApplication.restoreOverrideCursor()
        on_error(exc)
        return
    QApplication.restoreOverrideCursor()
    on_done(result)
