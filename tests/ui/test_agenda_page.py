"""Agenda (issue 13, item 4): appointments with a date and a time of day, the week view and its keys,
today's appointments on Overzicht, an appointment that becomes a contact moment in two keys
(Ctrl+D, Enter), the time of day of a contact, and the reminder that names no one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Appointment, AppointmentStatus, Family, FamilyStatus
from brugdesk.store.repo.agenda import week_of
from brugdesk.ui.controllers.reminders import Reminders
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.models.agenda import AppointmentModel
from brugdesk.ui.views.agenda import AgendaPage
from brugdesk.ui.views.overview import OverviewPage
from tests.ui.conftest import dutch_catalogue

TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("today_at_start")  # TODAY is set again as each test starts

# the family picker's completion list is a popup window; the offscreen test platform cannot raise it
# or give it the keyboard (limits of the test platform, as in test_contact_dialog)
popup_noise = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def _family(repo, name: str = "Familie Agendatest") -> Family:
    return repo.families.create(Family(name, TODAY - dt.timedelta(days=100), status=FamilyStatus.ACTIVE))


def _active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def _choose(qtbot, combo, data) -> None:
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_the_appointment_model_passes_the_model_tester(qtbot, qtmodeltester, session):
    repo = session.repo
    family = _family(repo)
    repo.appointments.add(Appointment(TODAY, dt.time(9, 30), "home_visit", 60, family.id, "Kennismaking"))
    page = AgendaPage(session)
    qtbot.addWidget(page)
    assert page.model.total() >= 1
    qtmodeltester.check(page.model)


@popup_noise
def test_plan_an_appointment_and_it_becomes_a_contact_in_two_keys(qtbot, session):
    repo = session.repo
    family = _family(repo)
    page = AgendaPage(session)
    qtbot.addWidget(page)
    _active(qtbot, page)

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible() and dialog.date.date().toPython() == TODAY
    qtbot.keyClicks(dialog.time, "25.00")
    _choose(qtbot, dialog.kind, "home_visit")
    assert dialog.minutes.value() == 60  # the usual duration of a home visit
    dialog.family.setFocus()
    qtbot.keyClicks(dialog.family, "Agendatest")
    qtbot.keyClick(dialog.family, Qt.Key.Key_Return)
    assert dialog.family.family_id == family.id
    qtbot.keyClicks(dialog.note, "Kennismaking, tolk nodig")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not a time of day: the message is under the field, the input stays
    assert "25.00" in dialog.errors.message("time") and "10:00" in dialog.errors.message("time")
    assert dialog.note.toPlainText() == "Kennismaking, tolk nodig"
    dialog.time.selectAll()
    qtbot.keyClicks(dialog.time, "0:05")  # a few minutes after midnight: today, and already past
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    planned = [a for a in repo.appointments.on(TODAY) if a.family_id == family.id]
    assert len(planned) == 1 and planned[0].time == dt.time(0, 5) and planned[0].kind == "home_visit"
    assert planned[0].note == "Kennismaking, tolk nodig"
    assert page.table.select_where(lambda r: r.id == planned[0].id)
    row = page.model.rows().index(page.table.current_row_object())
    assert page.model.index(row, AppointmentModel.TIME).data() == "00:05"
    assert "(today)" in page.model.index(row, AppointmentModel.DAY).data()

    # it happened: Ctrl+D, then Enter
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    happened = page.dialog
    assert happened is not None and happened.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is happened.save_button)
    qtbot.keyClick(happened.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not happened.isVisible())

    done = repo.appointments.get(planned[0].id)
    assert done.status == AppointmentStatus.DONE and done.contact_id
    contact = repo.contacts.get(done.contact_id)
    assert (contact.family_id, contact.date, contact.time, contact.kind, contact.minutes, contact.note) == (
        family.id, TODAY, dt.time(0, 5), "home_visit", 60, "Kennismaking, tolk nodig")
    assert contact.with_whom == ["parents"]
    row = page.model.rows().index(next(r for r in page.model.rows() if r.id == done.id))
    assert page.model.index(row, AppointmentModel.STATUS).data() == "Happened (contact logged)"
    assert not page.happened_button.isEnabled() and not page.edit_button.isEnabled()


@popup_noise
def test_the_week_view_moves_with_the_keyboard(qtbot, session):
    repo = session.repo
    family = _family(repo)
    next_week = TODAY + dt.timedelta(days=7)
    later = repo.appointments.add(Appointment(next_week, dt.time(14, 0), "school_talk", 30, family.id, "Gesprek IB"))
    earlier = repo.appointments.add(Appointment(TODAY - dt.timedelta(days=7), None, "network_meeting", 60, None,
                                                "Netwerkoverleg"))
    page = AgendaPage(session)
    qtbot.addWidget(page)
    _active(qtbot, page)
    monday = week_of(TODAY)[0]
    assert page.monday == monday
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert page.monday == monday + dt.timedelta(days=7)
    assert later.id in [r.id for r in page.model.rows()]
    assert page.week_label.text().startswith(f"Week {next_week.isocalendar()[1]}:")
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert page.monday == monday - dt.timedelta(days=7)
    assert page.table.select_where(lambda r: r.id == earlier.id)
    row = page.model.rows().index(page.table.current_row_object())
    # a planned appointment whose day has passed asks, in words, whether it happened
    assert page.model.index(row, AppointmentModel.STATUS).data() == "Planned: did it happen?"
    assert page.model.index(row, AppointmentModel.FAMILY).data() == "(no family)"
    assert page.late.isVisible() and page.late.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert page.monday == monday

    # an earlier appointment without a family: "it happened" asks for the family first
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert page.table.select_where(lambda r: r.id == earlier.id)
    qtbot.mouseClick(page.happened_button, Qt.MouseButton.LeftButton)
    happened = page.dialog
    qtbot.mouseClick(happened.save_button, Qt.MouseButton.LeftButton)
    assert happened.isVisible() and happened.errors.message("family")
    happened.family.setFocus()
    qtbot.keyClicks(happened.family, "Agendatest")
    qtbot.keyClick(happened.family, Qt.Key.Key_Return)
    qtbot.mouseClick(happened.save_button, Qt.MouseButton.LeftButton)
    assert not happened.isVisible()
    assert repo.appointments.get(earlier.id).family_id == family.id

    # cancel one (kept, marked) and delete it
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert page.table.select_where(lambda r: r.id == later.id)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert repo.appointments.get(later.id).status == AppointmentStatus.CANCELLED
    assert page.table.select_where(lambda r: r.id == later.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert later.id not in [r.id for r in repo.appointments.week(next_week, include_cancelled=True)]


def test_todays_appointments_on_overzicht_open_the_agenda(qtbot, session):
    repo = session.repo
    family = _family(repo, "Familie Vandaag")
    appointment = repo.appointments.add(Appointment(TODAY, dt.time(23, 59), "home_visit", 60, family.id))
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    _active(qtbot, window)
    overview = window.show_page_key("overview")
    assert isinstance(overview, OverviewPage)
    items = [overview.agenda.topLevelItem(i) for i in range(overview.agenda.topLevelItemCount())]
    mine = [i for i in items if family.ref in i.text(2)]
    assert len(mine) == 1 and mine[0].text(0) == "23:59"
    overview.agenda.setCurrentItem(mine[0])
    overview.agenda.setFocus()
    qtbot.keyClick(overview.agenda, Qt.Key.Key_Return)
    assert window.current_page_key == "agenda"
    page = window.page("agenda")
    assert isinstance(page, AgendaPage)
    assert page.table.current_row_object().id == appointment.id


def test_the_reminder_names_no_one(qtbot, session):
    repo = session.repo
    family = _family(repo, "Familie Geheimnaam")
    now = dt.datetime.combine(TODAY, dt.time(9, 0))
    soon = repo.appointments.add(Appointment(TODAY, dt.time(9, 10), "home_visit", 60, family.id, "Noot Geheim"))
    later = repo.appointments.add(Appointment(TODAY, dt.time(9, 40), "school_talk", 30, family.id))
    clock = {"now": now}
    shown: list[tuple[str, str]] = []
    reminders = Reminders(session, None, clock=lambda: clock["now"], tick_ms=20, use_tray=False)
    reminders.shown.connect(lambda title, text: shown.append((title, text)))
    try:
        qtbot.waitUntil(lambda: any(t == "Appointment at 09:10" for t, _x in shown))
        mine = [(t, x) for t, x in shown if t == "Appointment at 09:10"]
        title, text = mine[0]
        assert family.ref in text and "Geheimnaam" not in text and "Geheim" not in title + text
        assert not any(t == "Appointment at 09:40" for t, _x in shown)  # not due yet
        qtbot.wait(100)
        assert len([t for t, _x in shown if t == "Appointment at 09:10"]) == 1  # once each
        session.lock()
        clock["now"] = now + dt.timedelta(minutes=30)
        qtbot.waitUntil(lambda: any(t == "Appointment at 09:40" for t, _x in shown))
        title, text = next((t, x) for t, x in shown if t == "Appointment at 09:40")
        assert family.ref not in text and "Geheimnaam" not in text  # locked: not even the kenmerk
        assert "Unlock" in text
    finally:
        reminders.stop()
    assert soon.id != later.id


def test_a_contact_gets_a_time_of_day(qtbot, session):
    repo = session.repo
    family = _family(repo, "Familie Tijdstip")
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    _active(qtbot, window)
    dialog = window.log_contact(family.id)
    assert dialog is not None
    qtbot.keyClicks(dialog.time, "930")
    qtbot.keyClicks(dialog.note, "Telefoontje met moeder")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    contact = next(c for c in repo.contacts.list(family.id) if c.note == "Telefoontje met moeder")
    assert contact.time == dt.time(9, 30)


def test_agenda_in_dutch(qtbot, session, qapp):
    repo = session.repo
    family = _family(repo)
    repo.appointments.add(Appointment(TODAY, dt.time(10, 0), "home_visit", 60, family.id))
    with dutch_catalogue(qapp):
        page = AgendaPage(session)
        qtbot.addWidget(page)
        assert page.week_label.text().startswith("Week ")
        assert page.happened_button.text().replace("&", "") == "Het is gebeurd…"
        row = next(i for i, r in enumerate(page.model.rows()) if r.family_id == family.id)
        assert "(vandaag)" in page.model.index(row, AppointmentModel.DAY).data()
        assert page.model.headerData(AppointmentModel.TIME, Qt.Orientation.Horizontal) == "Tijd"
