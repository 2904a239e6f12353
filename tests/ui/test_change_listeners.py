"""Pages follow the vault: a write through the service layer — from a dialog, another page, or a
command-style call on the session's vault outside every view — reaches each page that shows it,
as one typed Change (brugdesk.store.changes) passed on by the session."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt

from brugdesk.core.model import Activity, Contact, Family, FamilyStatus, FollowUp, School
from brugdesk.privacy import retention
from brugdesk.store.changes import Change, What
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.activities import ActivitiesPage
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.followups import OPEN, FollowUpsPage
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.settings.audit import AuditTab


def _families(qtbot, session: Session) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_a_command_on_the_sessions_vault_reaches_the_open_family_and_the_list(qtbot, session: Session):
    vault = session.vault  # what a command-line style call holds: the vault, no view
    family = vault.repo.families.create(Family("Fam. Buitenaf", dt.date(2026, 1, 5), status=FamilyStatus.ACTIVE))
    page = _families(qtbot, session)
    assert page.model.find_row(family.id) >= 0  # the new family is listed without anyone telling the page
    page.open_family(family.id)
    assert page.detail.contacts_model.rowCount() == 0

    vault.repo.contacts.add(Contact(family.id, dt.date(2026, 1, 6), 45, "home_visit", note="Huisbezoek buiten"))
    assert page.detail.contacts_model.rowCount() == 1
    row = page.model.find_row(family.id)
    assert page.model.index(row, page.model.LAST_CONTACT).data() == "06-01-2026"

    retention.erase_family(vault, family.id)
    assert page.stack.currentWidget() is page.list_page  # the detail went back: the family is gone
    assert page.detail.family_id == 0
    assert page.model.find_row(family.id) < 0


def test_a_change_to_another_family_leaves_the_open_one_alone(qtbot, session: Session):
    first, second = (r.id for r in session.repo.families.rows()[:2])
    page = _families(qtbot, session)
    page.open_family(first)
    refreshed: list[int] = []
    original = page.detail.refresh
    page.detail.refresh = lambda: (refreshed.append(1), original())[1]  # type: ignore[method-assign]
    session.repo.followups.add(FollowUp(second, "Bellen", dt.date(2026, 2, 1)))
    assert refreshed == []
    session.repo.followups.add(FollowUp(first, "Mailen", dt.date(2026, 2, 1)))
    assert refreshed == [1]
    session.repo.schools.add(School("Nieuwe school"))  # names shown in the detail
    assert refreshed == [1, 1]


def test_typed_listeners_refresh_what_they_show(qtbot, session: Session):
    repo = session.repo
    today = dt.date(2026, 3, 11)
    family = repo.families.create(Family("Fam. Getypt", dt.date(2026, 1, 5), status=FamilyStatus.ACTIVE))
    followups = FollowUpsPage(session, today=lambda: today)
    activities = ActivitiesPage(session)
    overview = OverviewPage(session, today=today)
    for page in (followups, activities, overview):
        qtbot.addWidget(page)
    followups.tabs.setCurrentIndex(OPEN)

    repo.followups.add(FollowUp(family.id, "Getypt: formulier", dt.date(2026, 3, 10)))
    texts = [followups.model.row_at(r).followup.text for r in range(followups.model.rowCount())]
    assert "Getypt: formulier" in texts
    assert any("Getypt: formulier" in overview.due.topLevelItem(i).text(2)
               for i in range(overview.due.topLevelItemCount()))

    before = activities.model.rowCount()
    repo.activities.add(Activity(dt.date(2026, 3, 2), "coffee_morning", parents_count=8, title="Getypt"))
    assert activities.model.rowCount() == before + 1


def test_the_main_window_follows_the_auto_lock_setting(qtbot, session: Session):
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    session.repo.settings.set_autolock_minutes(12)
    assert window.idle.minutes == 12


def test_the_audit_log_follows_the_vault(qtbot, session: Session):
    widget = AuditTab(session)
    qtbot.addWidget(widget)
    entries = widget.audit_model.rowCount()
    session.repo.settings.set_retention_years(3)
    assert widget.audit_model.rowCount() == entries + 1
    session.repo.schools.add(School("Nog een school"))
    assert widget.audit_model.rowCount() == entries + 2


def test_a_change_committed_on_a_worker_thread_arrives_on_the_gui_thread(qtbot, session: Session):
    arrived: list[tuple[Change, bool]] = []
    session.changed.connect(lambda c: arrived.append((c, threading.current_thread() is threading.main_thread())))
    vault = session.vault
    worker = threading.Thread(target=lambda: vault.change_passphrase("een heel andere zin voor de kluis 7"))
    worker.start()
    worker.join()
    assert arrived == []  # queued for the GUI thread, not run on the worker
    qtbot.waitUntil(lambda: bool(arrived))
    assert arrived == [(Change.of(What.KEYS), True)]


def test_a_change_still_queued_when_the_vault_locks_is_dropped(qtbot, session: Session):
    arrived: list[Change] = []
    session.changed.connect(arrived.append)
    vault = session.vault
    worker = threading.Thread(target=lambda: vault.change_passphrase("een heel andere zin voor de kluis 7"))
    worker.start()
    worker.join()
    session.lock()  # before the GUI thread got to the queued change
    qtbot.wait(50)
    assert arrived == []


def test_changes_reach_a_page_through_a_real_dialog(qtbot, session: Session):
    family = session.repo.families.rows()[0]
    page = _families(qtbot, session)
    page.open_family(family.id)
    dialog = page.detail.add_followup()
    qtbot.keyClicks(dialog.text, "Via het venster")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    texts = [page.detail.followups_model.row_at(r).followup.text
             for r in range(page.detail.followups_model.rowCount())]
    assert "Via het venster" in texts
