"""The desk that fits the laptop (issue 13, items 9 and 10) for the screens of part A: Gezinnen and
Signalen fit a 1024-pixel-wide screen, and no two controls of a screen or dialog share a mnemonic
(in Dutch)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from brugdesk.ui.main_window import MainWindow
from tests.ui.conftest import dutch_catalogue
from tests.ui.test_laptop_desk import PAGE_WIDTH_AT_1024, _no_clash


@pytest.mark.parametrize("key", ["families", "signals"])
def test_the_page_fits_a_1024_pixel_screen(qtbot, session, key):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    with dutch_catalogue(QApplication.instance()):
        page = window.show_page_key(key)
        assert page is not None
        assert page.minimumSizeHint().width() <= PAGE_WIDTH_AT_1024
    window.lock()


def test_no_mnemonic_clashes_on_the_screens_of_part_a(qtbot, session, qapp):
    with dutch_catalogue(qapp):
        window = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(window)
        window.show()
        families = window.show_page_key("families")
        _no_clash(families.list_page, "Gezinnen")
        intake = families.new_family()
        _no_clash(intake, "IntakeDialog")
        intake.close_for_lock()
        signals = window.show_page_key("signals")
        _no_clash(signals, "Signalen")
        dialog = signals.new_signal()
        _no_clash(dialog, "SignalDialog")
        dialog.close_for_lock()
        signals.table.select_first()
        dialog = signals.change_status()
        _no_clash(dialog, "SignalStatusDialog")
        dialog.close_for_lock()
        settings = window.show_page_key("settings")
        for tab in (settings.profile, settings.audit):
            settings.tabs.setCurrentWidget(tab)
            _no_clash(tab, type(tab).__name__)
        window.lock()
