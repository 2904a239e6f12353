"""Doorverwijzingen (issue 13, item 3): every referral with partner, status and days waiting; the
filters; the hulpvraag, contact person and the status history with a note per change; Overzicht's
"… and N more waiting" opens the page filtered on the waiting referrals."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Family, FamilyStatus, Partner, Referral, ReferralStatus
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.models.referrals import ReferralListModel
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.referrals import ReferralsPage
from tests.ui.conftest import dutch_catalogue

TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("today_at_start")  # TODAY is set again as each test starts


def _family(repo, name: str, school_id: int | None = None) -> int:
    family = repo.families.create(Family(name, TODAY - dt.timedelta(days=200), status=FamilyStatus.ACTIVE,
                                         school_ids=[school_id] if school_id else []))
    return family.id


def _rows(page: ReferralsPage) -> list:
    page.model.fetch_all()
    return page.model.rows()


def _choose(qtbot, combo, data) -> None:
    """Pick an item of a filter combo with the keyboard, as a person would (focus it, arrow to it)."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_the_referral_model_passes_the_model_tester(qtbot, qtmodeltester, session):
    page = ReferralsPage(session)
    qtbot.addWidget(page)
    assert page.model.total() > 0
    qtmodeltester.check(page.model)


def test_a_referral_through_its_statuses_with_notes(qtbot, session):
    repo = session.repo
    school = repo.schools.list()[0]
    family_id = _family(repo, "Familie Verwijs-Test", school.id)
    partner = repo.partners.add(Partner("Schuldhulp Testburg", "debt_help"))
    referral = repo.referrals.add(Referral(family_id, partner.id or 0, TODAY - dt.timedelta(days=40),
                                           need="Hulp bij schulden en post openen",
                                           contact_person="Mevr. Jansen, 06-12345678",
                                           status_note="Besproken met moeder"), today=TODAY)
    page = ReferralsPage(session)
    qtbot.addWidget(page)
    page.show()

    # the waiting filter shows it (voorgesteld included), with days waiting and "too long" in words
    _choose(qtbot, page.status_filter, "waiting")
    mine = [r for r in _rows(page) if r.id == referral.id]
    assert len(mine) == 1 and mine[0].status == ReferralStatus.PROPOSED
    assert all(r.status in (ReferralStatus.PROPOSED, ReferralStatus.REFERRED, ReferralStatus.WAITING_LIST)
               for r in _rows(page))
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == referral.id)
    days = page.model.index(row, ReferralListModel.DAYS).data()
    assert days.startswith("40 day") and days.endswith("(too long)")  # in words, not only in red
    assert page.model.index(row, ReferralListModel.PARTNER).data() == "Schuldhulp Testburg"

    # the overdue filter, the partner type and the school narrow it down
    qtbot.mouseClick(page.overdue_filter, Qt.MouseButton.LeftButton)
    assert page.overdue_filter.isChecked() and all(r.overdue for r in _rows(page))
    _choose(qtbot, page.type_filter, "debt_help")
    _choose(qtbot, page.school_filter, school.id)
    assert referral.id in [r.id for r in _rows(page)]
    assert all(r.partner_type == "debt_help" and school.name in r.schools for r in _rows(page))
    _choose(qtbot, page.type_filter, "food_bank")
    assert referral.id not in [r.id for r in _rows(page)]
    _choose(qtbot, page.type_filter, None)

    # the selected referral: hulpvraag, contact person, history with the first note
    assert page.table.select_where(lambda r: r.id == referral.id)
    assert page.need.text() == "Hulp bij schulden en post openen"
    assert page.need.accessibleDescription() == "Hulp bij schulden en post openen"
    assert page.contact_person.text() == "Mevr. Jansen, 06-12345678"
    assert page.history.count() == 1 and "Besproken met moeder" in page.history.item(0).text()

    # Enter on the row: change the status, with a note
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.status.currentData() == "referred"
    qtbot.keyClicks(dialog.note, "Aanmelding gemaild naar mevr. Jansen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = repo.referrals.get(referral.id)
    assert stored.status == ReferralStatus.REFERRED
    assert stored.history[-1].note == "Aanmelding gemaild naar mevr. Jansen"
    # no longer overdue (the status changed today): the overdue filter leaves it out now
    assert referral.id not in [r.id for r in _rows(page)]
    qtbot.mouseClick(page.overdue_filter, Qt.MouseButton.LeftButton)
    assert page.table.select_where(lambda r: r.id == referral.id)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == referral.id)
    assert page.model.index(row, ReferralListModel.DAYS).data().startswith("0 day")
    assert "too long" not in page.model.index(row, ReferralListModel.DAYS).data()
    assert page.history.count() == 2
    assert "Aanmelding gemaild naar mevr. Jansen" in page.history.item(0).text()

    # edit the hulpvraag and the contact person through the Edit button
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    edit = page.dialog
    assert edit.need.toPlainText() == "Hulp bij schulden en post openen"
    edit.contact_person.selectAll()
    qtbot.keyClicks(edit.contact_person, "Dhr. Pieters")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert not edit.isVisible()
    assert repo.referrals.get(referral.id).contact_person == "Dhr. Pieters"
    assert page.contact_person.text() == "Dhr. Pieters"

    # a status to the end (accepted, completed): it leaves the waiting list
    for status in ("accepted", "completed"):
        if not page.table.select_where(lambda r: r.id == referral.id):
            _choose(qtbot, page.status_filter, "all")
            assert page.table.select_where(lambda r: r.id == referral.id)
        qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
        step = page.dialog
        step.status.setCurrentIndex(step.status.findData(status))
        qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
        assert not step.isVisible()
    assert repo.referrals.get(referral.id).status == ReferralStatus.COMPLETED
    _choose(qtbot, page.status_filter, "waiting")
    assert referral.id not in [r.id for r in _rows(page)]


def test_open_family_from_a_referral(qtbot, session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("referrals")
    assert isinstance(page, ReferralsPage)
    row = page.table.current_row_object()
    assert row is not None
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key == "families" and window.family_on_screen() == row.family_id


def test_overview_more_waiting_opens_the_page_filtered(qtbot, session):
    repo = session.repo
    partner = repo.partners.add(Partner("Wijkteam Veel", "wijkteam"))
    for n in range(OverviewPage.SHOWN + 3):
        family_id = _family(repo, f"Familie Wacht {n}")
        referral = repo.referrals.add(Referral(family_id, partner.id or 0, TODAY - dt.timedelta(days=10)),
                                      today=TODAY)
        repo.referrals.change_status(referral.id or 0, ReferralStatus.REFERRED, TODAY - dt.timedelta(days=5),
                                     today=TODAY)
    proposed_family = _family(repo, "Familie Voorgesteld")
    proposed = repo.referrals.add(Referral(proposed_family, partner.id or 0, TODAY), today=TODAY)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    overview = window.show_page_key("overview")
    assert isinstance(overview, OverviewPage)
    assert overview.waiting_more.isVisible()
    qtbot.mouseClick(overview.waiting_more, Qt.MouseButton.LeftButton)
    assert window.current_page_key == "referrals"
    page = window.page("referrals")
    assert isinstance(page, ReferralsPage)
    assert page.status_filter.currentData() == "waiting"
    rows = _rows(page)
    assert proposed.id in [r.id for r in rows]  # voorgesteld shows there too
    assert page.model.total() == repo.referrals.count_listing(
        statuses=[ReferralStatus.PROPOSED, ReferralStatus.REFERRED, ReferralStatus.WAITING_LIST])
    assert page.isAncestorOf(QApplication.focusWidget())


def test_the_page_in_dutch(qtbot, session, qapp):
    with dutch_catalogue(qapp):
        page = ReferralsPage(session)
        qtbot.addWidget(page)
        assert page.status_filter.itemText(1) == "Wachtend (voorgesteld, doorverwezen, wachtlijst)"
        assert page.overdue_filter.text().replace("&", "") == "Alleen wat te lang wacht (meer dan 28 dagen)"
        assert page.model.headerData(ReferralListModel.DAYS, Qt.Orientation.Horizontal) == "Wacht"
        overdue = next(r for r in _rows(page) if r.overdue)
        row = page.model.rows().index(overdue)
        days = page.model.index(row, ReferralListModel.DAYS).data()
        assert days == f"{overdue.days_waiting} dagen  (te lang)"  # in words, not only in red


def test_overzicht_says_in_words_which_referral_waits_too_long(qtbot, session):
    repo = session.repo
    partner = repo.partners.add(Partner("Jeugdhulp Wachtlang", "youth_care"))
    for name, days in (("Familie Lang-Gewacht", 40), ("Familie Net-Verwezen", 3)):
        referral = repo.referrals.add(Referral(_family(repo, name), partner.id or 0, TODAY - dt.timedelta(days=50)),
                                      today=TODAY)
        repo.referrals.change_status(referral.id or 0, ReferralStatus.REFERRED, TODAY - dt.timedelta(days=days),
                                     today=TODAY)
    page = OverviewPage(session)
    qtbot.addWidget(page)
    items = [page.waiting.topLevelItem(i) for i in range(page.waiting.topLevelItemCount())]
    long = next(i for i in items if "Lang-Gewacht" in i.text(1))
    short = next(i for i in items if "Net-Verwezen" in i.text(1))
    assert long.text(0).endswith("(waiting too long)")
    assert "too long" not in short.text(0)
