"""Run slow work (scrypt, backups, PDFs) off the GUI thread (DESIGN §10).

``run_task(fn, on_done, on_error, owner)`` runs ``fn()`` on the global QThreadPool and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread. When ``owner`` is deleted in
the meantime (for example because the vault was locked), the result is dropped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits its signals, Qt queues them to the slots."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 owner: QObject | None) -> None:
        super().__init__(owner)
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, value: Any) -> None:
        _live.discard(self)
        self._on_done(value)
        self.deleteLater()

    @Slot(object)
    def _deliver_error(self, exc: Any) -> None:
        _live.discard(self)
        self._on_error(exc)
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # RuntimeError: the owner (and with it the relay) was deleted: drop the result
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_live: set[_Relay] = set()


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
             owner: QObject | None = None) -> None:
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Runnable(fn, relay))


def wait_all(msecs: int = 30_000) -> bool:
    """Wait for running tasks (used when the app quits and in tests)."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
