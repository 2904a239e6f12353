"""Locking: Ctrl+L and auto-lock by wall clock hide every personal datum, close the vault,
and unsaved input survives the lock in memory."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QWidget

from brugdesk.store.vault import Vault
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.main_window import PAGES, MainWindow
from brugdesk.ui.session import Session
from tests.conftest import PASSPHRASE


def personal_data(vault: Vault) -> set[str]:
    """Every name, reference code and note of the demo vault (strings long enough to be telling)."""
    repo = vault.repo
    found: set[str] = set()
    for row in repo.families.rows():
        found.update({row.display_name, row.ref})
        for m in repo.members.list(row.id):
            found.add(m.full_name)
        for c in repo.contacts.list(row.id):
            if c.note:
                found.add(c.note[:40])
    for f in repo.followups.open():
        found.add(f.followup.text)
    return {s for s in found if len(s) >= 6}


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    out: list[str] = []
    if model is None:
        return out

    def walk(parent: QModelIndex) -> None:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # list models (QListWidget) keep columnCount private: one column
            columns = 1
        for r in range(model.rowCount(parent)):
            for c in range(max(1, columns)):
                index = model.index(r, c, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole):
                    value = model.data(index, role)
                    if value is not None:
                        out.append(str(value))
                if c == 0 and columns > 1 and model.rowCount(index) > 0:  # tree models
                    walk(index)

    walk(QModelIndex())
    return out


def all_widget_text() -> str:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    texts: list[str] = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip(), w.whatsThis()]
        for attr in ("text", "toPlainText", "placeholderText", "currentText"):
            getter = getattr(w, attr, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.append(value)
        if isinstance(w, QAbstractItemView):
            texts += _model_texts(w)
    return "\n".join(texts)


class NoteDialog(BaseDialog):
    """A stand-in for a dialog with unsaved input (like UI-B's ContactDialog)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.note = QPlainTextEdit(self)
        self.title = QLineEdit(self)

    def stash(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "title": self.title.text()}

    def restore(self, state: dict[str, Any]) -> None:
        self.note.setPlainText(state["note"])
        self.title.setText(state["title"])


def unlock(qtbot, window: MainWindow) -> None:
    view = window._unlock_view
    assert view is not None
    view.passphrase.setText(PASSPHRASE)
    view.unlock()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=20_000)


def test_ctrl_l_locks_hides_every_personal_datum_and_closes_the_connection(qtbot, session: Session):
    vault = session.vault
    secrets = personal_data(vault)
    assert len(secrets) > 100
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    for i in range(len(PAGES)):  # visit every page, so each one has shown its data
        window.show_page(i)
    window.open_family(vault.repo.families.rows()[0].id)
    shown = all_widget_text()
    assert any(s in shown for s in secrets)  # the check below can see personal data when it is there

    conn = vault.conn
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not session.is_unlocked
    assert not vault.is_open
    try:
        conn.execute("SELECT 1")
        raise AssertionError("the connection is still open")
    except Exception as exc:  # sqlcipher3.ProgrammingError: Cannot operate on a closed database
        assert "closed" in str(exc).lower()
    text = all_widget_text()
    leaked = sorted(s for s in secrets if s in text)
    assert leaked == []
    assert window._unlock_view is not None and window._unlock_view.isVisible()


def test_unlocking_again_brings_back_the_desk_on_the_same_page(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    settings = next(i for i, spec in enumerate(PAGES) if spec.key == "settings")
    window.show_page(settings)
    window.lock()
    assert window.nav is None
    unlock(qtbot, window)
    assert window.nav is not None and window.nav.currentRow() == settings
    assert window.current_page_key == "settings"
    window.lock()


def test_auto_lock_fires_when_the_wall_clock_jumps(qtbot, session: Session):
    now = [1_000_000.0]
    window = MainWindow(session, clock=lambda: now[0], idle_tick_ms=20, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    assert window.idle.minutes == session.repo.settings.autolock_minutes == 5
    now[0] += 4 * 60  # four minutes idle: still open
    qtbot.wait(100)
    assert session.is_unlocked
    now[0] += 2 * 3600  # the laptop slept for two hours; the first tick after waking locks
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)
    assert window._unlock_view is not None


def test_key_presses_count_as_activity(qtbot, session: Session):
    now = [0.0]
    window = MainWindow(session, clock=lambda: now[0], idle_tick_ms=20, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    now[0] += 4 * 60
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # the officer is working
    now[0] += 4 * 60  # 8 minutes since start, 4 since the key press
    qtbot.wait(100)
    assert session.is_unlocked
    now[0] += 2 * 60
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5000)


def test_unsaved_input_survives_lock_and_unlock(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    dialog = NoteDialog(session, window)
    dialog.open()
    dialog.note.setPlainText("Moeder belt morgen terug over de aanvraag")
    dialog.title.setText("Huisbezoek")

    window.lock()
    text = all_widget_text()
    assert "Moeder belt morgen" not in text  # the stash is in memory, not in any widget
    assert not any(isinstance(w, NoteDialog) for w in QApplication.topLevelWidgets())

    unlock(qtbot, window)
    qtbot.waitUntil(lambda: any(isinstance(w, NoteDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    restored = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NoteDialog) and w.isVisible())
    assert restored.note.toPlainText() == "Moeder belt morgen terug over de aanvraag"
    assert restored.title.text() == "Huisbezoek"
    restored.close()
    window.lock()


def test_the_keyring_opens_at_start_but_never_undoes_a_lock(qtbot, vault_dir, memory_keyring):
    from brugdesk.store import demo
    from tests.conftest import TEST_N

    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    demo.fill(vault.conn, families=5, seed=3)
    vault.remember_on_this_computer(True, memory_keyring)
    vault.close()
    session = Session()
    window = MainWindow(session, vault_dir, keyring_backend=memory_keyring)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: session.is_unlocked, timeout=20_000)  # start-up: opened by the keyring
    window.lock()
    qtbot.wait(300)
    assert not session.is_unlocked  # still locked: the passphrase is needed now
    assert window._unlock_view is not None and not window._unlock_view.is_busy
    unlock(qtbot, window)
    window.lock()
