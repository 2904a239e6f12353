"""The main window: navigation, the pages, global shortcuts, geometry in QSettings, and locking
(Ctrl+L, auto-lock after idle by wall clock).

**Pages** (:data:`brugdesk.ui.pages.PAGES`, in navigation order, Ctrl+1 …) are built the first
time they are shown (:meth:`MainWindow.page`). Pages may offer:

* ``stash()``/``restore(state)`` to keep unsaved input across a lock (:mod:`brugdesk.ui.lock`);
* ``wait_for_worker(timeout)`` when the page runs its own worker thread: the lock waits for it
  before the page is deleted, so no thread outlives its page (and no work goes on while locked).

When the vault locks, every page and dialog is stashed (when it can), closed and deleted;
after unlocking the pages are built again and the stashed input put back.

**A new language** (Instellingen › Deze computer) applies at once, the same way without the lock
(:meth:`MainWindow.change_language`): the new catalogue is installed, the pages and dialogs are
stashed and deleted, and the desk is built again in the new language: the vault stays open, the
page shown and what was half typed come back.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from brugdesk.store.changes import Change, What
from brugdesk.ui import oslock, prefs, tasks, theme
from brugdesk.ui.a11y import EnterPressesButton, FittingScrollArea, centre_on_screen, fit_to_screen
from brugdesk.ui.controllers.backups import BackupHooks
from brugdesk.ui.controllers.reminders import Reminders
from brugdesk.ui.lock import (
    ClipboardGuard,
    Clock,
    IdleWatcher,
    LockKeyFilter,
    clear_models,
    close_windows,
    is_stashable,
)
from brugdesk.ui.pages import PAGES
from brugdesk.ui.session import Session
from brugdesk.ui.translator import install_translators
from brugdesk.ui.views.unlock import UnlockView
from brugdesk.ui.widgets import app_icon, big_font

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, vault_dir: Path | None = None, *,
                 keyring_backend: KeyringBackend | None = None, clock: Clock = time.time,
                 idle_tick_ms: int = 5000, auto_keyring: bool = True) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.session = session
        if vault_dir is None:
            vault_dir = session.vault.directory
        self.vault_dir = Path(vault_dir)
        self.keyring_backend = keyring_backend
        self._auto_keyring = auto_keyring
        self.setWindowIcon(app_icon())
        self.setWindowTitle("brugdesk")
        self.setMinimumSize(900, 600)

        self._root = QStackedWidget(self)
        # on a small screen at a large scale the pages scroll instead of being cut off
        self.setCentralWidget(FittingScrollArea(self._root, self))
        self._desk: QWidget | None = None
        self._unlock_view: UnlockView | None = None
        self._pages: dict[str, QWidget] = {}
        self._page_stack: QStackedWidget | None = None
        self.nav: QListWidget | None = None
        self._stashed_pages: dict[str, dict[str, Any]] = {}
        self._stashed_dialogs: list[tuple[type[Any], dict[str, Any], QByteArray]] = []
        self._current_index = self._saved_page_index()

        self.idle = IdleWatcher(5, clock=clock, tick_ms=idle_tick_ms, parent=self)
        self.idle.idle.connect(self.lock)

        # Ctrl+L locks from every window, modal dialogs and message boxes included (an
        # application shortcut is blocked by a modal dialog): an application event filter
        self.lock_keys = LockKeyFilter(self)
        self.lock_keys.pressed.connect(self.lock)
        self.lock_keys.install()
        # Enter presses the focused button on the pages as it does in dialogs
        self.enter_keys = EnterPressesButton(self)
        self.enter_keys.install()
        self.clipboard = ClipboardGuard(self)
        # the system's screen lock and sleep lock brugdesk too (D-Bus, WTS, CoreFoundation)
        self.os_lock = oslock.start(self)
        self.os_lock.locked.connect(self._system_locked)
        self._shortcuts: list[QShortcut] = []
        self._add_shortcut("Ctrl+N", self.log_contact, app_wide=True)
        self._add_shortcut("Ctrl+F", self.focus_search)
        # Ctrl+Q quits through the window's own close (the lock, the backup on closing, the geometry)
        self._add_shortcut("Ctrl+Q", self.close, app_wide=True)
        for i in range(len(PAGES)):
            self._add_shortcut(f"Ctrl+{i + 1}", partial(self.show_page, i))

        session.locked.connect(self._on_locked)
        session.unlocked.connect(self._on_unlocked)
        session.changed.connect(self._on_changed)
        # automatic backups: the day's backup after unlocking, one on every lock and on quit
        self.backup_hooks = BackupHooks(session, self)
        self.backup_hooks.message.connect(self.statusBar().showMessage)
        # a reminder a quarter of an hour before an appointment, while the app runs (no names)
        self.reminders = Reminders(session, self)
        self.reminders.shown.connect(lambda title, text: self.statusBar().showMessage(f"{title}: {text}", 600_000))

        geometry = prefs.settings().value(prefs.KEY_MAIN_GEOMETRY)
        #: the first window ever (no size kept yet) is centred on its screen when shown
        self._centre = not (isinstance(geometry, QByteArray) and not geometry.isEmpty())
        if not self._centre:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)

        if session.is_unlocked:
            self._build_desk()
        else:
            self._show_unlock()

    # ------------------------------------------------------------- titles
    def page_titles(self) -> list[str]:
        return [QCoreApplication.translate("MainWindow", spec.title) for spec in PAGES]

    def _add_shortcut(self, keys: str, slot: Callable[[], Any], app_wide: bool = False) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        if app_wide:
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    # --------------------------------------------------------------- desk
    def _build_desk(self) -> None:
        desk = QWidget(self._root)
        desk.setObjectName("desk")
        nav = QListWidget(desk)
        nav.setObjectName("navigation")
        nav.setAccessibleName(self.tr("Navigation"))
        nav.setFrameShape(QFrame.Shape.NoFrame)
        nav.setFixedWidth(210)
        nav.setFont(big_font(nav, 1.1, bold=False))
        theme.style(
            nav,
            "QListWidget#navigation { background: $nav_bg; padding-top: 12px; outline: 0; }"
            "QListWidget#navigation::item { padding: 9px 14px; color: $nav_text; }"
            "QListWidget#navigation::item:selected { background: $nav_selected_bg; color: $nav_selected_text; "
            "border-left: 4px solid $nav_marker; }"
            "QListWidget#navigation:focus { border: 2px solid $nav_marker; }"
        )
        for i, title in enumerate(self.page_titles()):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{title} (Ctrl+{key})").format(title=title, key=str(i + 1)))
            nav.addItem(item)
        stack = QStackedWidget(desk)
        for _spec in PAGES:
            stack.addWidget(QWidget(stack))  # empty slots; pages are made on first show
        layout = QHBoxLayout(desk)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav)
        content = QVBoxLayout()
        content.setContentsMargins(16, 14, 16, 12)  # the same breathing space around every page
        content.addWidget(stack)
        layout.addLayout(content, 1)
        self._desk, self.nav, self._page_stack = desk, nav, stack
        self._root.addWidget(desk)
        self._root.setCurrentWidget(desk)
        nav.currentRowChanged.connect(self._nav_changed)
        self.setWindowTitle("brugdesk")
        self.show_page(self._current_index)
        self._restore_stash()
        self.idle.minutes = self._autolock_minutes()
        self.idle.start()
        nav.setFocus()

    def _autolock_minutes(self) -> int:
        try:
            return max(1, int(self.session.repo.settings.autolock_minutes))
        except Exception:  # an unreadable setting must never keep the vault open
            return 5

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(row)

    def page(self, key: str) -> QWidget | None:
        """The page widget for ``key`` (created when needed); ``None`` when locked."""
        if self._page_stack is None or not self.session.is_unlocked:
            return None
        if key in self._pages:
            return self._pages[key]
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        widget = PAGES[index].make(self, self._page_stack)
        widget.setObjectName(f"page_{key}")
        old = self._page_stack.widget(index)
        self._page_stack.insertWidget(index, widget)
        if old is not None:
            self._page_stack.removeWidget(old)
            old.deleteLater()
        self._pages[key] = widget
        return widget

    def show_page(self, index: int) -> None:
        if self._page_stack is None or self.nav is None:
            return
        index = max(0, min(len(PAGES) - 1, index))
        widget = self.page(PAGES[index].key)
        if widget is None:
            return
        focused = QApplication.focusWidget()
        self._page_stack.setCurrentWidget(widget)
        # the window's minimum is the page shown, not the widest page ever opened (a stack asks
        # for the largest minimum of all its pages, and the window then scrolls sideways on a laptop)
        for i in range(self._page_stack.count()):
            page = self._page_stack.widget(i)
            if page is None:
                continue
            shown = page is widget
            page.setSizePolicy(QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored,
                               QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored)
        if focused is not None and self._page_stack.isAncestorOf(focused) and not focused.isVisible():
            # the focus was on the page now hidden (Ctrl+2 …): it goes to the sidebar, on the page
            # shown, and a screen reader says where one is
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        self._current_index = index
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        prefs.settings().setValue(prefs.KEY_PAGE, index)

    def show_page_key(self, key: str) -> QWidget | None:
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        self.show_page(index)
        return self._pages.get(key)

    @property
    def current_page_key(self) -> str:
        return PAGES[self._current_index].key

    def _saved_page_index(self) -> int:
        value = prefs.settings().value(prefs.KEY_PAGE, 0)
        try:
            return int(str(value))
        except ValueError:
            return 0

    # ------------------------------------------------------------ actions
    def open_family(self, family_id: int) -> None:
        from brugdesk.ui.views.families import FamiliesPage

        page = self.show_page_key("families")
        if isinstance(page, FamiliesPage):
            page.open_family(family_id)

    def focus_search(self) -> None:
        from brugdesk.ui.views.families import FamiliesPage

        page = self.show_page_key("families")
        if isinstance(page, FamiliesPage):
            page.focus_search()

    def family_on_screen(self) -> int:
        """The family whose detail is shown on Gezinnen (0 when none)."""
        from brugdesk.ui.views.families import FamiliesPage

        page = self._pages.get("families")
        if self.current_page_key != "families" or not isinstance(page, FamiliesPage):
            return 0
        return page.detail.family_id if page.stack.currentWidget() is page.detail else 0

    def show_all_followups(self) -> None:
        """Acties, tab "All open" (Overzicht's "… and N more")."""
        from brugdesk.ui.views.followups import FollowUpsPage

        page = self.show_page_key("followups")
        if isinstance(page, FollowUpsPage):
            page.show_all_open()

    def show_waiting_referrals(self) -> None:
        """Doorverwijzingen filtered on the waiting ones (Overzicht's "… and N more waiting")."""
        from brugdesk.ui.views.referrals import ReferralsPage

        page = self.show_page_key("referrals")
        if isinstance(page, ReferralsPage):
            page.show_waiting()

    def show_appointment(self, day: dt.date, appointment_id: int) -> None:
        """Agenda, on the week of ``day`` with the appointment selected (Overzicht's "Today")."""
        from brugdesk.ui.views.agenda import AgendaPage

        page = self.show_page_key("agenda")
        if isinstance(page, AgendaPage):
            page.show_day(day, appointment_id)

    def log_contact(self, family_id: int | None = None) -> QDialog | None:
        """Ctrl+N: open the "log a contact" dialog (raise the open one instead of a second)."""
        from brugdesk.ui.dialogs.contact import ContactDialog

        if not self.session.is_unlocked:
            return None
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ContactDialog) and w.isVisible() and family_id is None:
                w.raise_()
                w.activateWindow()
                return w
        dialog = ContactDialog(self.session, self, family_id=family_id,
                               suggested_family=self.family_on_screen() if family_id is None else 0)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -------------------------------------------------------------- language
    def change_language(self, language: str) -> None:
        """Use ``language`` ("nl" or "en") at once: its catalogue, then the desk built again in it."""
        app = QCoreApplication.instance()
        if app is None:
            return
        install_translators(app, language)
        # later, not inside the combo box's own signal: the tab that emitted it is deleted
        QTimer.singleShot(0, self._rebuild_in_new_language)

    def _rebuild_in_new_language(self) -> None:
        if self._desk is None or not self.session.is_unlocked:
            if self._unlock_view is not None:  # locked meanwhile: the unlock screen in the new language
                view, self._unlock_view = self._unlock_view, None
                self._root.removeWidget(view)
                view.deleteLater()
                self._show_unlock()
            return
        settings_shown = self.current_page_key == "settings"
        # as over a lock, but the vault stays open: half-typed input is stashed and given back
        self._take_down_desk((self._close_windows, self._stash_pages, self._clear_desk))
        self._build_desk()
        settings = self._pages.get("settings")
        if settings_shown and settings is not None:
            language = getattr(getattr(settings, "computer", None), "language", None)
            if isinstance(language, QWidget) and language.isVisible():
                language.setFocus(Qt.FocusReason.OtherFocusReason)  # where the officer was

    # -------------------------------------------------------------- locking
    def lock(self) -> None:
        """Ctrl+L (and auto-lock): hide every personal datum, close the vault, ask to unlock."""
        if self.session.is_unlocked:
            self.session.lock()  # emits ``locked`` -> _on_locked, then closes the connection
        elif self._desk is not None:
            self._on_locked()

    def _system_locked(self, reason: str) -> None:
        log.info("the system locked (%s): locking", reason)
        self.lock()

    def _on_locked(self) -> None:
        self._take_down_desk((self._close_windows, self._stash_pages, self._clear_desk, self.clipboard.clear))
        self.statusBar().clearMessage()
        # after a lock the keyring may not open the vault by itself: whoever walks past the
        # laptop would be let in; the officer types the passphrase (or the recovery key)
        self._auto_keyring = False
        self._show_unlock()

    def _take_down_desk(self, steps: tuple[Callable[[], None], ...]) -> None:
        self.idle.stop()
        # a running task (a passphrase change, say) finishes before the connection closes
        tasks.wait_all(30.0)
        QToolTip.hideText()
        for step in steps:
            try:
                step()
            except Exception as exc:  # one failing step must not leave the rest on screen
                log.warning("desk step %s failed: %s", getattr(step, "__name__", "?"), type(exc).__name__)
        desk, self._desk = self._desk, None
        self._pages.clear()
        self._page_stack = None
        self.nav = None
        if desk is not None:
            desk.hide()
            self._root.removeWidget(desk)
            desk.deleteLater()

    def _close_windows(self) -> None:
        self._stashed_dialogs.extend(close_windows(self))

    def _clear_desk(self) -> None:
        if self._desk is not None:
            clear_models(self._desk)

    def _stash_pages(self) -> None:
        for page in self._pages.values():
            waiter = getattr(page, "wait_for_worker", None)
            if callable(waiter):
                waiter(10.0)
        for key, page in self._pages.items():
            if is_stashable(page):
                try:
                    state = page.stash()  # type: ignore[attr-defined]
                except Exception as exc:  # a failing stash must not keep personal data on screen
                    log.warning("stash of page %s failed: %s", key, type(exc).__name__)
                    continue
                if state:
                    self._stashed_pages[key] = state

    def _show_unlock(self) -> None:
        self.setWindowTitle(self.tr("brugdesk (locked)"))
        if self._unlock_view is None:
            view = UnlockView(self.vault_dir, self._root, keyring_backend=self.keyring_backend,
                              auto_keyring=self._auto_keyring)
            view.unlocked.connect(self._vault_opened)
            self._unlock_view = view
            self._root.addWidget(view)
        self._root.setCurrentWidget(self._unlock_view)
        self._unlock_view.setFocus()

    def _vault_opened(self, vault: Any) -> None:
        self.session.attach(vault)  # emits ``unlocked`` -> _on_unlocked

    def _on_unlocked(self) -> None:
        view, self._unlock_view = self._unlock_view, None
        if view is not None:
            self._root.removeWidget(view)
            view.deleteLater()
        if self._desk is None:
            self._build_desk()

    def _restore_stash(self) -> None:
        pages, self._stashed_pages = self._stashed_pages, {}
        for key, state in pages.items():
            page = self.page(key)
            if page is not None and is_stashable(page):
                page.restore(state)  # type: ignore[attr-defined]
        dialogs, self._stashed_dialogs = self._stashed_dialogs, []
        for cls, state, geometry in dialogs:
            dialog = cls(self.session, self)
            dialog.restore(state)
            mark = getattr(dialog, "mark_draft_restored", None)
            if callable(mark):
                mark()  # closing the draft given back asks before throwing it away
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            # show once the main window is back, so the dialog sits on top of it
            QTimer.singleShot(0, lambda d=dialog, g=geometry: self._reopen(d, g))

    @staticmethod
    def _reopen(dialog: QDialog, geometry: QByteArray) -> None:
        try:
            dialog.restoreGeometry(geometry)
            dialog.open()
        except RuntimeError:  # locked again before it could be shown
            pass

    def _on_changed(self, change: Change) -> None:
        if change.touches(What.SETTINGS) and self.session.is_unlocked:
            self.idle.minutes = self._autolock_minutes()

    # ---------------------------------------------------------------- events
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        fit_to_screen(self)  # a restored or default size larger than this screen shrinks to fit
        if self._centre:
            self._centre = False
            centre_on_screen(self)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        prefs.settings().setValue(prefs.KEY_MAIN_GEOMETRY, self.saveGeometry())
        self.idle.stop()
        self.lock_keys.remove()
        self.enter_keys.remove()
        self.os_lock.stop()
        self.reminders.stop()
        self._stashed_pages.clear()
        self._stashed_dialogs.clear()
        if self.session.is_unlocked:
            self.session.lock()
        self._stashed_pages.clear()
        self._stashed_dialogs.clear()
        super().closeEvent(event)
