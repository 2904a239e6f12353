"""A language chosen in Instellingen › Deze computer applies at once, without a restart (issue 13
item 11): the sidebar, every page and the settings tab itself speak the new language, the vault
stays open, the page shown and half-typed input stay."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget

from brugdesk.ui import prefs
from brugdesk.ui.main_window import PAGES, MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.settings.page import SettingsPage
from tests.ui.conftest import dutch_catalogue

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_TITLES = ["Overview", "Families", "Signals", "Follow-ups", "Referrals", "Agenda", "Group activities",
                  "Reports", "Settings"]
DUTCH_TITLES = ["Overzicht", "Gezinnen", "Signalen", "Acties", "Doorverwijzingen", "Agenda", "Groepsactiviteiten",
                "Rapportages", "Instellingen"]


def _only_dutch() -> set[str]:
    """Dutch texts of the catalogue that are no English text (so seeing one means: not English)."""
    spec = importlib.util.spec_from_file_location("i18n_tool_live", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    english: set[str] = set()
    dutch: set[str] = set()
    for message in tool.read_po():
        if not message.id:
            continue
        english.update([message.id] if isinstance(message.id, str) else message.id)
        dutch.update([message.string] if isinstance(message.string, str) else message.string)
    english = {text.replace("&", "") for text in english}
    return {text for text in (t.replace("&", "") for t in dutch) if text not in english and len(text) > 3}


ONLY_DUTCH = _only_dutch()


def texts(widget: QWidget) -> set[str]:
    """The words a page shows: labels, buttons, group titles and tab titles (mnemonics left out)."""
    found: set[str] = set()
    for label in widget.findChildren(QLabel):
        found.add(label.text())
    for button in widget.findChildren(QAbstractButton):
        found.add(button.text())
    for box in widget.findChildren(QGroupBox):
        found.add(box.title())
    for tabs in widget.findChildren(QTabWidget):
        found.update(tabs.tabText(i) for i in range(tabs.count()))
    return {t.replace("&", "") for t in found if t}


@pytest.fixture
def window(qtbot, qapp, session: Session) -> Iterator[MainWindow]:
    with dutch_catalogue(qapp):  # the app starts in Dutch, as an officer's does
        win = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        yield win
        win.close()


def _settings(qtbot, window: MainWindow) -> SettingsPage:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window._pages["settings"]
    assert isinstance(page, SettingsPage) and window.current_page_key == "settings"
    return page


def _open_tab(qtbot, page: SettingsPage, tab: QWidget) -> None:
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(tab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentWidget() is tab


def _choose(qtbot, window: MainWindow, key: Qt.Key, titles: list[str]) -> SettingsPage:
    page = _settings(qtbot, window)
    _open_tab(qtbot, page, page.computer)
    combo = page.computer.language
    combo.setFocus()
    qtbot.keyClick(combo, key)  # the officer picks the language with the keyboard
    qtbot.waitUntil(lambda: window.nav is not None and window.nav.item(0).text() == titles[0])
    new = window._pages["settings"]
    assert isinstance(new, SettingsPage) and new is not page  # built again in the new language
    return new


def _pages_text(window: MainWindow) -> dict[str, set[str]]:
    shown = {}
    for spec in PAGES:
        page = window.show_page_key(spec.key)
        assert page is not None
        shown[spec.key] = texts(page)
    return shown


def test_choosing_english_shows_english_at_once_and_dutch_again_without_a_restart(qtbot, window: MainWindow,
                                                                               session: Session):
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == DUTCH_TITLES
    # something half typed on another tab of Instellingen, not saved
    page = _settings(qtbot, window)
    _open_tab(qtbot, page, page.profile)
    page.profile.name.clear()
    qtbot.keyClicks(page.profile.name, "Half getypt")

    page = _choose(qtbot, window, Qt.Key.Key_Down, ENGLISH_TITLES)
    assert prefs.language() == "en"
    assert session.is_unlocked and window.current_page_key == "settings"  # no lock, the same page
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ENGLISH_TITLES
    assert window.nav.item(1).toolTip() == "Families (Ctrl+2)"
    assert page.tabs.currentWidget() is page.computer and page.computer.language.currentText() == "English"
    assert page.computer.language.hasFocus()  # the officer is where they were
    assert page.tabs.tabText(page.tabs.indexOf(page.computer)) == "This computer"
    assert page.profile.name.text() == "Half getypt"  # the unsaved text is kept
    for key, shown in _pages_text(window).items():
        dutch = sorted(shown & ONLY_DUTCH)
        assert dutch == [], f"page {key} still shows Dutch after choosing English: {dutch}"
    assert re.fullmatch(r"\d+\.\d", window.show_page_key("overview").numbers["hours"].text())  # 2347.0, not 2347,0

    page = _choose(qtbot, window, Qt.Key.Key_Up, DUTCH_TITLES)
    assert prefs.language() == "nl" and session.is_unlocked
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == DUTCH_TITLES
    assert page.computer.language.currentText() == "Nederlands"
    assert page.profile.name.text() == "Half getypt"
    assert re.fullmatch(r"\d+,\d", window.show_page_key("overview").numbers["hours"].text())
    for key, shown in _pages_text(window).items():
        assert shown & ONLY_DUTCH, f"page {key} shows no Dutch after choosing Nederlands again: {sorted(shown)[:10]}"
