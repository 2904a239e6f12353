"""The desk that fits the laptop (issue 13, items 9 and 10) for the screens of part B: the pages fit a
1024-pixel-wide screen, the first window is centred, a date field takes typed Dutch dates, Enter
presses the focused button on a page, and no two controls of a screen share a mnemonic (in Dutch)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from brugdesk.core.model import Appointment
from brugdesk.ui.main_window import MainWindow
from tests.ui.conftest import dutch_catalogue

TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("today_at_start")  # TODAY is set again as each test starts

#: the sidebar (210), the page margins (2 x 16) and a window frame (16) on a 1024-pixel-wide screen
PAGE_WIDTH_AT_1024 = 1024 - 210 - 32 - 16


def _active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


@pytest.mark.parametrize("key", ["referrals", "agenda", "overview", "activities"])
def test_the_page_fits_a_1024_pixel_screen(qtbot, session, key):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    with dutch_catalogue(QApplication.instance()):
        page = window.show_page_key(key)
        assert page is not None
        assert page.minimumSizeHint().width() <= PAGE_WIDTH_AT_1024


def test_the_first_window_is_centred_on_its_screen(qtbot, session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame)
    assert abs(frame.center().x() - area.center().x()) <= 2 and abs(frame.center().y() - area.center().y()) <= 2


@pytest.mark.parametrize(("typed", "expected"), [
    ("12-3", dt.date(TODAY.year, 3, 12)),
    ("12-3-2027", dt.date(2027, 3, 12)),
    ("vandaag", TODAY),
    ("morgen", TODAY + dt.timedelta(days=1)),
    ("31-2", None),  # no date: the field keeps what it had
])
def test_a_date_field_takes_a_typed_dutch_date(qtbot, session, typed, expected):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    _active(qtbot, window)
    dialog = window.log_contact(session.repo.families.picker()[0][0])
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = dialog.date.date().toPython()
    dialog.date.setFocus()
    dialog.date.lineEdit().selectAll()
    qtbot.keyClicks(dialog.date, typed)
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert not dialog.date.hasFocus()  # one Tab leaves the field
    assert dialog.date.date().toPython() == (expected or before)
    assert dialog.date.text() == (expected or before).strftime("%d-%m-%Y")
    dialog.close_for_lock()


def test_enter_presses_the_focused_button_on_a_page(qtbot, session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    _active(qtbot, window)
    page = window.show_page_key("referrals")
    row = page.table.current_row_object()
    page.open_button.setFocus()
    qtbot.keyClick(page.open_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key == "families")
    assert window.family_on_screen() == row.family_id


def _mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter of every visible button and labelled field in ``root`` (its window only)."""
    letters = []
    for w in root.findChildren(QWidget):
        if w.window() is not root.window() or not w.isVisibleTo(root.window()):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            found = re.search(r"&([^&\s])", w.text().replace("&&", ""))
            if found:
                letters.append(found.group(1).lower())
    return letters


def _no_clash(root: QWidget, what: str) -> None:
    twice = sorted(letter for letter, n in Counter(_mnemonics(root)).items() if n > 1)
    assert not twice, f"{what}: Alt+{', Alt+'.join(twice)} stand on two controls"


def test_no_mnemonic_clashes_on_the_screens_of_part_b(qtbot, session, qapp):
    session.repo.appointments.add(Appointment(TODAY, dt.time(9, 0), "home_visit", 60,
                                              session.repo.families.picker()[0][0]))
    with dutch_catalogue(qapp):
        window = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(window)
        window.show()
        referrals = window.show_page_key("referrals")
        _no_clash(referrals, "Doorverwijzingen")
        for make in (referrals.change_status, referrals.edit_referral):
            dialog = make()
            _no_clash(dialog, type(dialog).__name__)
            dialog.close_for_lock()
        agenda = window.show_page_key("agenda")
        _no_clash(agenda, "Agenda")
        dialog = agenda.new_appointment()
        _no_clash(dialog, "AppointmentDialog")
        dialog.close_for_lock()
        assert agenda.table.select_where(lambda r: r.date == TODAY)
        dialog = agenda.happened()
        _no_clash(dialog, "HappenedDialog")
        dialog.close_for_lock()
        activities = window.show_page_key("activities")
        dialog = activities.new_activity()
        _no_clash(dialog, "ActivityDialog")
        dialog.close_for_lock()
        settings = window.show_page_key("settings")
        settings.tabs.setCurrentWidget(settings.lists)
        lists = settings.lists
        lists.list_choice.setCurrentIndex(lists.list_choice.count() - 1)
        _no_clash(lists, "Instellingen → Lijsten → Tekstblokken")
        contact = window.log_contact()
        _no_clash(contact, "ContactDialog")
        contact.close_for_lock()


def test_no_mnemonic_clashes_on_any_page(qtbot, session, qapp):
    """Every page of the sidebar, in Dutch, as it opens (issue 13 item 10: Alt+D stood twice on
    Rapportages once)."""
    from brugdesk.ui.main_window import PAGES

    with dutch_catalogue(qapp):
        window = MainWindow(session, auto_keyring=False)
        qtbot.addWidget(window)
        window.show()
        for spec in PAGES:
            page = window.show_page_key(spec.key)
            assert page is not None
            assert _mnemonics(page), f"{spec.key}: no Alt+letter found (the check would see nothing)"
            _no_clash(page, spec.key)
