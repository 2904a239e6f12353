"""Instellingen after the wizard (issue 13, item 8): the officer's name and function, the audit log on a
tab of its own naming families by their kenmerk, and Ctrl+Q; the erasure confirmation counts a
family's signals and appointments (item 2 / erasure)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Appointment, Family, Signal
from brugdesk.privacy import backup_policy
from brugdesk.ui import tasks
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.views.settings.page import SettingsPage
from tests.ui.conftest import dutch_catalogue


@pytest.fixture
def dutch(qapp):
    with dutch_catalogue(qapp):
        yield


def _settings(qtbot, session) -> SettingsPage:
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _tab_titles(page: SettingsPage) -> list[str]:
    return [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())]


def test_the_officers_name_and_function_are_changed_in_settings(qtbot, session, dutch):
    settings = session.repo.settings
    page = _settings(qtbot, session)
    assert "Jouw gegevens" in _tab_titles(page)
    page.tabs.setCurrentWidget(page.profile)
    tab = page.profile
    assert tab.name.text() == settings.officer_name

    tab.name.clear()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.name_message.text() == "Typ je naam."
    assert QApplication.focusWidget() is tab.name

    qtbot.keyClicks(tab.name, "Ineke de Boer")
    tab.function.lineEdit().selectAll()
    qtbot.keyClicks(tab.function.lineEdit(), "Schoolmaatschappelijk werker")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert (settings.officer_name, settings.officer_function) == ("Ineke de Boer", "Schoolmaatschappelijk werker")
    assert tab.status.text() == "Opgeslagen."

    tab.name.setText("x" * 101)  # the vault's own limit: the message under the field, the text kept
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.name_message.text() == "Houd het kort: hoogstens 100 tekens."
    assert tab.name.text() == "x" * 101 and settings.officer_name == "Ineke de Boer"


def test_the_audit_log_has_its_own_tab_and_names_a_family_by_its_reference(qtbot, qtmodeltester, session, dutch):
    family = session.repo.families.create(Family("Fam. Logboek", dt.date(2026, 2, 1)))
    page = _settings(qtbot, session)
    assert "Logboek" in _tab_titles(page)
    assert not hasattr(page.privacy, "audit_model")  # no longer under Reservekopieën en privacy
    tab = page.audit
    model = tab.audit_model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Wanneer", "Wat", "Betreft", "Gezin"]  # no internal number
    first = model.row_at(0)
    assert (first.action, first.entity, first.family_ref) == ("create", "family", family.ref)
    assert model.index(0, model.FAMILY).data() == family.ref
    assert model.index(0, model.WHAT).data() == "aangemaakt"
    assert all(str(family.id) != model.index(r, c).data() for r in range(model.rowCount())
               for c in range(model.columnCount()))
    # a change anywhere adds its entry at the top
    session.repo.settings.set_retention_years(3)
    assert tab.audit_model.row_at(0).entity == "setting"
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert tab.check_status.text() == "Het logboek is compleet en ongewijzigd."


def test_ctrl_q_quits_through_the_normal_close(qtbot, session):
    directory = session.vault.directory
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tasks.wait_all()
    before = backup_policy.list_backups(directory)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not session.is_unlocked  # locked on the way out: the key is gone
    tasks.wait_all()
    after = backup_policy.list_backups(directory)
    assert len(after) >= len(before) and any(e.tag == "close" for e in after)  # the backup made on closing


def test_the_erasure_confirmation_counts_signals_and_appointments(qtbot, session, dutch):
    from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog

    repo = session.repo
    family = repo.families.create(Family("Fam. Wisselink", dt.date(2026, 2, 1)))
    signal = repo.signals.add(Signal(dt.date(2026, 1, 20), "teacher", "Zorgen over verzuim"))
    repo.signals.link_family(signal.id, family.id, dt.date(2026, 2, 1))
    for day in (dt.date(2026, 2, 3), dt.date(2026, 2, 10)):
        repo.appointments.add(Appointment(day, dt.time(10, 0), "home_visit", family_id=family.id))
    dialog = EraseFamilyDialog(session, family_id=family.id)
    qtbot.addWidget(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.status)))
    assert "1 signaal waar het gezin uit voortkwam, met het verloop" in texts
    assert "2 afspraken in de agenda" in texts
    assert "0 " not in texts  # what the family has none of is not listed
    summary = dialog.summary
    assert (summary.signals, summary.appointments, summary.contacts) == (1, 2, 0)
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert repo.signals.count(family_id=family.id) == 0
    assert repo.appointments.week(dt.date(2026, 2, 2)) == [] or all(
        a.family_id != family.id for a in repo.appointments.week(dt.date(2026, 2, 2)))
