"""Locking: auto-lock after idle (wall clock) and the stash protocol for unsaved input.

**Idle.** :class:`IdleWatcher` installs an application event filter; key presses, mouse
clicks/moves and wheel events count as activity. A timer ticks every few seconds and
compares the wall clock (``time.time``, injectable) with the last activity, so a laptop that
was suspended for an hour locks as soon as it wakes up. Ctrl+L locks at once, from every window
(:class:`LockKeyFilter`: a modal dialog would block an application shortcut), and so does the
system's screen lock or sleep (:mod:`brugdesk.ui.oslock`).

**What locking does** (see :meth:`brugdesk.ui.main_window.MainWindow.lock`): every page and
every other top-level window (dialogs) is stashed, closed and *deleted*, so no personal datum
is left in the widget tree; before that every item model is emptied (:func:`clear_model`)
and brugdesk's clipboard text goes (no module keeps a cache of names: the Gezinnen list sorts in
SQL); then ``session.lock()`` closes the connection and drops the key, and the unlock screen is
shown. Visible dialogs are closed with ``close_for_lock()``/``done()`` (a modal ``exec()``
returns its safe answer; the "discard?" question is never asked); hidden ones are only deleted.
After unlocking, pages are created again and stashed input
is restored.

**The stash protocol** — for widgets that hold unsaved input (the form dialogs, an edit form
on a page). Implement two methods::

    def stash(self) -> dict[str, Any]:      # called on lock, before the widget is deleted
        return {"family_id": self._family_id, "note": self.note.toPlainText(), ...}

    def restore(self, state: dict[str, Any]) -> None:   # called after unlock
        ...put the values back into the fields...

The state is kept in memory only (never on disk) and dropped when the app quits. On unlock,
a stashed *dialog* is re-created as ``Cls(session, parent)`` — the same signature as
``ContactDialog(session, parent, family_id=None)`` — then ``restore(state)`` is called and
the dialog is shown again. A stashed *page* (``stash()`` on a page of
:data:`brugdesk.ui.main_window.PAGES`) gets ``restore(state)`` after the page is re-created. Return ``{}`` from
``stash()`` when there is nothing to keep. Top-level widgets without the protocol are simply
closed and deleted.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QObject,
    QStringListModel,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QDialog,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

Clock = Callable[[], float]
log = logging.getLogger(__name__)

#: the lock shortcut; it works in every window of the app, dialogs and message boxes included
LOCK_KEYS = QKeySequence("Ctrl+L")

def clear_model(model: QAbstractItemModel) -> None:
    """Empty an item model on lock: ``clear_for_lock()`` (brugdesk's models: rows, queries and the
    search text go), else Qt's own ``clear()``; a proxy is emptied through its source model."""
    if isinstance(model, QAbstractProxyModel):
        return
    clear = getattr(model, "clear_for_lock", None)
    if callable(clear):
        clear()
    elif isinstance(model, QStringListModel):
        model.setStringList([])
    else:
        clear = getattr(model, "clear", None)
        if callable(clear):
            with contextlib.suppress(TypeError):  # a clear() that wants arguments: not a model's reset
                clear()

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


def is_stashable(obj: object) -> bool:
    return callable(getattr(obj, "stash", None)) and callable(getattr(obj, "restore", None))


class IdleWatcher(QObject):
    """Emits :attr:`idle` once when no activity was seen for ``minutes`` (wall clock)."""

    idle = Signal()

    def __init__(self, minutes: int, clock: Clock = time.time, tick_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.minutes = minutes
        self.last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)
        self._running = False

    def start(self) -> None:
        self.last_activity = self._clock()
        app = QApplication.instance()
        if app is not None and not self._running:
            app.installEventFilter(self)
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._running:
            app.removeEventFilter(self)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY_EVENTS:
            self.last_activity = self._clock()
        return False

    def check(self) -> None:
        """One tick: lock when the wall clock says the idle time is over (also after suspend)."""
        if not self._running:
            return
        if self._clock() - self.last_activity >= self.minutes * 60:
            self.stop()
            self.idle.emit()


class LockKeyFilter(QObject):
    """Emits :attr:`pressed` for Ctrl+L typed in *any* window of the app.

    A ``QShortcut`` with ``Qt.ApplicationShortcut`` does not fire while a modal dialog shadows
    its window (Qt's ``tryModalHelper``), so the key is also caught here, as an application
    event filter: in a modal dialog, a message box of a nested ``exec()``, a file dialog of Qt.
    """

    pressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        if QKeySequence(event.keyCombination()) != LOCK_KEYS:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # claim the key, so it arrives as a key press here whatever window has the focus
            event.accept()
            return True
        event.accept()
        self.pressed.emit()
        return True


# ------------------------------------------------------------ what a lock clears
StashedDialog = tuple[type[Any], dict[str, Any], QByteArray]


def close_windows(main: QWidget) -> list[StashedDialog]:
    """Stash (when they can) and close every window of the app but ``main``, and delete them;
    returns the stashed dialogs: (class, state, geometry)."""
    stashed: list[StashedDialog] = []
    for w in QApplication.topLevelWidgets():
        if w is main or not _is_ours(w, main):
            continue
        visible = w.isVisible()
        if is_stashable(w) and visible:
            try:
                state = w.stash()  # type: ignore[attr-defined]
                if state:
                    stashed.append((type(w), state, w.saveGeometry()))
            except Exception as exc:  # never let a stash keep the window open
                log.warning("stash of %s failed: %s", type(w).__name__, type(exc).__name__)
        if isinstance(w, QDialog) and visible:
            # ends a modal exec() too (a message box answers "no"); never asks "discard?"
            closer = getattr(w, "close_for_lock", None)
            if callable(closer):
                closer()
            else:
                w.done(QDialog.DialogCode.Rejected.value)
        # a hidden dialog (the finished first-run wizard) is only deleted: rejecting it would
        # run whatever its ``rejected`` signal is connected to
        w.hide()
        forget = getattr(w, "forget_for_lock", None)
        if callable(forget):
            forget()
        clear_models(w)
        w.deleteLater()
    return stashed


def _is_ours(w: QWidget, main: QWidget) -> bool:
    """Dialogs and windows of the app (not Qt's own popups such as tooltips)."""
    if isinstance(w, QDialog) or is_stashable(w):
        return True
    parent = w.parentWidget()
    while parent is not None:
        if parent is main:
            return True
        parent = parent.parentWidget()
    return False


def clear_models(root: QWidget) -> None:
    """Empty every item model under ``root``, so no name stays in memory until Qt deletes the widgets."""
    # the widgets are on their way out: no slot of theirs may run (and query the closed vault)
    # because a combo box or a selection emptied
    root.blockSignals(True)
    for obj in (*root.findChildren(QWidget), *root.findChildren(QItemSelectionModel)):
        obj.blockSignals(True)
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QListWidget | QTableWidget | QTreeWidget):
            view.clear()
    for model in root.findChildren(QAbstractItemModel):
        clear_model(model)
    for completer in root.findChildren(QCompleter):
        model = completer.model()
        if model is not None:
            clear_model(model)


class ClipboardGuard(QObject):
    """What brugdesk put on the clipboard goes on lock (KeePassXC does the same)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = False
        QApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        # a copy made while one of brugdesk's windows is active is brugdesk's (a name or a note
        # copied with Ctrl+C); one made in another program happens while brugdesk is inactive
        self._ours = QApplication.activeWindow() is not None

    def clear(self) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None and (clipboard.ownsClipboard() or self._ours):
            clipboard.clear()
        self._ours = False
