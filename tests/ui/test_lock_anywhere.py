"""The lock always locks (issue 12, items 7 and 10): Ctrl+L and the idle lock work with any dialog,
message box or file dialog open, the draft comes back after unlocking, and after a lock no model,
cache, widget or clipboard holds a name."""

from __future__ import annotations

import datetime as dt
import gc

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole
from brugdesk.ui import prompter as prompter_module
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.main_window import PAGES, MainWindow
from brugdesk.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.modal import SeenBox, when_box
from tests.ui.test_lock import all_widget_text, personal_data
from tests.ui.test_main_flow import popup_noise

#: a name that is in no demo vault; planted in the vault, then looked for everywhere after the lock
CANARY = "Kwaakernaat"
NOTE = "Moeder vertelt over de schulden bij de woningcorporatie"


def _plant(session: Session) -> int:
    repo = session.repo
    family = repo.families.create(Family(f"Fam. {CANARY}", dt.date(2026, 1, 5), status=FamilyStatus.ACTIVE))
    repo.members.add(Member(MemberRole.PARENT, "Wilhelmina", CANARY, family_id=family.id))
    repo.contacts.add(Contact(family_id=family.id, date=dt.date(2026, 3, 2), minutes=60, kind="home_visit",
                              with_whom=["parents"], themes=[], note=f"{CANARY} belt terug"))
    return int(family.id)


def _window(qtbot, session: Session, **kw) -> MainWindow:
    window = MainWindow(session, auto_keyring=False, **kw)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed now: it goes to the widget with the keyboard focus (popup first)."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def _ctrl_l(qtbot) -> None:
    _key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def _unlock_by_typing(qtbot, window: MainWindow) -> None:
    view = window._unlock_view
    assert view is not None and view.isVisible()
    qtbot.keyClicks(view.passphrase, PASSPHRASE)
    qtbot.keyClick(view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=20_000)


def _log_contact_with_note(qtbot, window: MainWindow) -> ContactDialog:
    _key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ContactDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ContactDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.family)
    qtbot.keyClicks(dialog.family, CANARY[:6])
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)  # takes the match, the focus goes to the note
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.note)
    qtbot.keyClicks(dialog.note, NOTE)
    assert CANARY in dialog.family.text()
    return dialog


def _secrets_on_screen(session_secrets: set[str]) -> list[str]:
    text = all_widget_text()
    return sorted(s for s in session_secrets if s in text)


def _open_dialogs() -> list[QWidget]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _restored_contact_dialog(qtbot) -> ContactDialog:
    qtbot.waitUntil(lambda: any(isinstance(w, ContactDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible())


# ------------------------------------------------------------------ item 7
@popup_noise  # the family picker's completer popup
def test_ctrl_l_in_the_contact_dialog_locks_and_the_draft_comes_back(qtbot, session):
    _plant(session)
    secrets = personal_data(session.vault) | {CANARY, NOTE}
    window = _window(qtbot, session)
    dialog = _log_contact_with_note(qtbot, window)
    assert QApplication.focusWidget() is dialog.note

    _ctrl_l(qtbot)  # typed in the dialog's note field

    assert not session.is_unlocked
    assert window._unlock_view is not None and window._unlock_view.isVisible()
    assert _open_dialogs() == []
    assert _secrets_on_screen(secrets) == []

    _unlock_by_typing(qtbot, window)
    restored = _restored_contact_dialog(qtbot)
    assert restored.note.toPlainText() == NOTE
    assert CANARY in restored.family.text()
    # the draft given back is not thrown away by a stray Escape either
    restored.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is restored)
    prompter = prompter_module.current()
    prompter.answers = [False]  # type: ignore[attr-defined]
    qtbot.keyClick(restored.note, Qt.Key.Key_Escape)
    assert restored.isVisible() and restored.note.toPlainText() == NOTE


def test_ctrl_l_in_a_real_message_box_locks_and_deletes_nothing(qtbot, session):
    family_id = _plant(session)
    secrets = personal_data(session.vault) | {CANARY}
    window = _window(qtbot, session)
    window.open_family(family_id)
    detail = window.page("families").detail  # type: ignore[union-attr]
    detail.tabs.setCurrentIndex(1)
    table = detail.contacts_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    row = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    seen: list[SeenBox] = []
    previous = prompter_module.install(prompter_module.Prompter())
    try:
        when_box(lambda box: _ctrl_l(qtbot), seen)  # Ctrl+L typed while "Verwijderen?" is open
        qtbot.mouseClick(detail.delete_contact_button, Qt.MouseButton.LeftButton)
    finally:
        prompter_module.install(previous)
    assert len(seen) == 1
    assert not session.is_unlocked
    assert _open_dialogs() == []
    assert _secrets_on_screen(secrets) == []
    _unlock_by_typing(qtbot, window)
    assert len(session.repo.contacts.list(family_id)) == 1  # the question was not answered "yes"


@popup_noise  # the family picker's completer popup
def test_the_idle_lock_closes_a_message_box_and_the_discard_question(qtbot, session):
    """The idle timer fires inside a modal box's event loop: the box goes, the draft is kept."""
    _plant(session)
    now = [1_000_000.0]
    window = _window(qtbot, session, clock=lambda: now[0], idle_tick_ms=20)
    dialog = _log_contact_with_note(qtbot, window)
    seen: list[SeenBox] = []
    previous = prompter_module.install(prompter_module.Prompter())

    def walk_away(box: QMessageBox) -> None:
        now[0] += 3600  # the officer left the room with "Wijzigingen weggooien?" on screen

    try:
        when_box(walk_away, seen)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)  # asks "discard?"; the idle lock answers
    finally:
        prompter_module.install(previous)
    assert len(seen) == 1 and seen[0].title == "Discard changes?"
    assert not session.is_unlocked
    assert _open_dialogs() == []
    _unlock_by_typing(qtbot, window)
    assert _restored_contact_dialog(qtbot).note.toPlainText() == NOTE


def test_ctrl_l_in_brugdesk_file_dialog_locks(qtbot, session):
    from brugdesk.ui.views.settings.privacy import PrivacyTab

    window = _window(qtbot, session)
    _key(qtbot, Qt.Key(Qt.Key.Key_1.value + next(i for i, s in enumerate(PAGES) if s.key == "settings")),
         Qt.KeyboardModifier.ControlModifier)
    settings = window.page("settings")
    privacy = settings.findChild(PrivacyTab)  # type: ignore[union-attr]
    tabs = settings.tabs  # type: ignore[union-attr]
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(privacy)))
    qtbot.mouseClick(privacy.backup_folder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    chooser = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is chooser)
    _ctrl_l(qtbot)
    assert not session.is_unlocked
    assert _open_dialogs() == []


# ------------------------------------------------------------------ item 10
def _live_models() -> list[QAbstractItemModel]:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, QAbstractItemModel) and shiboken6.isValid(o)]


def _model_holds(model: QAbstractItemModel, needle: str) -> bool:
    """Whether any cell (display, edit or tooltip text) of ``model`` holds ``needle``."""
    try:
        rows, cols = model.rowCount(QModelIndex()), model.columnCount(QModelIndex())
    except TypeError:  # list models keep columnCount private: one column
        rows, cols = model.rowCount(QModelIndex()), 1
    for r in range(rows):
        for c in range(max(1, cols)):
            index = model.index(r, c, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
                if needle in str(model.data(index, role) or ""):
                    return True
    return False


@popup_noise  # the family picker's completer popup
def test_after_a_lock_no_model_cache_widget_or_clipboard_holds_a_name(qtbot, session):
    family_id = _plant(session)
    window = _window(qtbot, session)
    for i in range(len(PAGES)):  # every page shows what it shows
        _key(qtbot, getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
    # search for the family as the officer does: Ctrl+F, type, and copy its name with Ctrl+C
    _key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), CANARY[:7])
    page = window.page("families")
    table = page.table  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # a sorted list (SQL) holds its rows too
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 1)).center())
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert CANARY in QApplication.clipboard().text()
    window.open_family(family_id)
    assert any(_model_holds(m, CANARY) for m in _live_models())  # the check sees a name when it is there

    _ctrl_l(qtbot)
    assert not session.is_unlocked
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    holding = [type(m).__name__ for m in _live_models() if _model_holds(m, CANARY)]
    assert holding == []
    assert CANARY not in QApplication.clipboard().text()
    assert CANARY not in all_widget_text()
