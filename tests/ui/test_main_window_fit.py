"""The window on a laptop: a page that needs more width than the window has does not make every
other page scroll sideways once it has been opened (a stack of pages asks for the largest
minimum of all of them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from brugdesk.ui.main_window import PAGES, MainWindow


def _click_page(qtbot, window: MainWindow, key: str) -> None:
    nav = window.nav
    assert nav is not None
    row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_page_key == key)


def test_a_wide_page_once_opened_does_not_widen_the_others(qtbot, session) -> None:
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.resize(720, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    scroll = window.centralWidget()
    assert isinstance(scroll, QScrollArea)

    for spec in PAGES:  # every page opened once, through the sidebar
        _click_page(qtbot, window, spec.key)
    widest = max(window.page(spec.key).minimumSizeHint().width() for spec in PAGES)  # type: ignore[union-attr]
    assert widest > scroll.viewport().width() - window.nav.width(), "no page is wider than the window: nothing to test"

    _click_page(qtbot, window, "overview")
    overview = window.page("overview")
    assert overview is not None
    assert overview.minimumSizeHint().width() + window.nav.width() < scroll.viewport().width()
    qtbot.wait(300)  # the scroll area lays its content out again on a posted event
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0
