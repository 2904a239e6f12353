"""The main window: navigation, shortcuts, the pages, QSettings without personal data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.ui import prefs
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.main_window import PAGES, MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.settings.page import SettingsPage
from tests.ui.test_lock import personal_data


def active(qtbot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def digit(key: str) -> Qt.Key:
    """The digit of Ctrl+digit that shows the page ``key``."""
    return Qt.Key(Qt.Key.Key_1.value + index_of(key))


def index_of(key: str) -> int:
    return next(i for i, spec in enumerate(PAGES) if spec.key == key)


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_digits_switch_pages_and_pages_are_made_only_when_shown(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    active(qtbot, window)
    assert set(window._pages) == {"overview"}  # lazily: only the first page exists
    assert isinstance(window._pages["overview"], OverviewPage)
    press(qtbot, window, digit("settings"))
    assert window.current_page_key == "settings" and window.nav.currentRow() == index_of("settings")
    assert isinstance(window._pages["settings"], SettingsPage)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.current_page_key == "overview"
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # the sidebar works with arrow keys too
    assert window.current_page_key == "families"
    assert len(window._pages) == 3


def test_qsettings_hold_only_geometry_page_and_language(qtbot, session: Session, _isolated_qsettings):
    secrets = personal_data(session.vault)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page(index_of("followups"))
    window.open_family(session.repo.families.rows()[0].id)
    window.close()  # saves geometry and locks
    assert not session.is_unlocked
    prefs.settings().sync()
    keys = set(prefs.settings().allKeys())
    assert prefs.KEY_MAIN_GEOMETRY in keys and prefs.KEY_PAGE in keys
    allowed = {prefs.KEY_MAIN_GEOMETRY, prefs.KEY_PAGE, prefs.KEY_LANGUAGE, prefs.KEY_LAST_VAULT}
    assert all(k in allowed or k.startswith(prefs.GEOMETRY_PREFIX) for k in keys), keys
    raw = b"".join(p.read_bytes() for p in _isolated_qsettings.rglob("*") if p.is_file())
    text = raw.decode("utf-8", "replace")
    assert not [s for s in secrets if s in text]


def test_the_last_page_is_shown_again_next_time(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show_page(index_of("activities"))
    again = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(again)
    assert again.current_page_key == "activities"


def test_ctrl_n_opens_the_log_a_contact_dialog_from_any_page(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    active(qtbot, window)
    press(qtbot, window, digit("settings"))
    press(qtbot, window, Qt.Key.Key_N)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible()]
    assert len(dialogs) == 1
    press(qtbot, window, Qt.Key.Key_N)  # a second Ctrl+N raises the open one, it does not stack up
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible()]) == 1
    dialogs[0].reject()


def test_ctrl_f_goes_to_the_family_search(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    active(qtbot, window)
    press(qtbot, window, digit("settings"))
    press(qtbot, window, Qt.Key.Key_F)
    assert window.current_page_key == "families"
    focused = QApplication.focusWidget()
    assert focused is not None and window._pages["families"].isAncestorOf(focused)
    assert hasattr(focused, "text")  # the search field has the keyboard focus


def test_pages_ask_the_window_to_open_a_family_or_log_a_contact(qtbot, session: Session):
    from brugdesk.ui.views.followups import OPEN, FollowUpsPage

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    active(qtbot, window)
    overview = window.show_page_key("overview")
    assert isinstance(overview, OverviewPage)
    qtbot.mouseClick(overview.log_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()

    acties = window.show_page_key("followups")
    assert isinstance(acties, FollowUpsPage)
    acties.tabs.setCurrentIndex(OPEN)
    acties.table.select_first()
    row = acties.table.current_row_object()
    assert row is not None
    qtbot.mouseClick(acties.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key == "families"
    assert window._pages["families"].detail.family_id == row.followup.family_id
