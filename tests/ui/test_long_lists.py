"""Long lists at a large caseload (450 families, hundreds of follow-ups and referrals).

Gezinnen queries 200 families at a time, fetches more as the officer scrolls, reports the right
total and searches every family, not only the fetched ones. Overzicht lists the first 100 due
follow-ups and waiting referrals with how many more there are; Acties pages like Gezinnen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from brugdesk.core.model import Family, FamilyStatus, FollowUp, Member, MemberRole
from brugdesk.store import demo
from brugdesk.store.vault import Vault
from brugdesk.ui import tasks
from brugdesk.ui.session import Session
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.followups import OPEN, FollowUpsPage
from brugdesk.ui.views.overview import OverviewPage
from tests.conftest import DEMO_TODAY, PASSPHRASE, TEST_N

FAMILIES = 450


@pytest.fixture
def big_session(vault_dir: Path) -> Iterator[Session]:
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    demo.fill(vault.conn, families=FAMILIES, seed=3, today=DEMO_TODAY, contacts_per_family=2)
    s = Session()
    s.attach(vault)
    yield s
    tasks.wait_all()
    if s.is_unlocked:
        s.lock()
    vault.close()


def _page(qtbot, session: Session) -> FamiliesPage:
    """Gezinnen with every family, closed ones too (ticked as the officer does)."""
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert page.show_closed.isChecked()
    return page


def _search(qtbot, page: FamiliesPage, text: str) -> None:
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: not page.search_timer.isActive() and page.model.query().search == text)


def test_the_list_shows_the_first_page_and_the_total(qtbot, qtmodeltester, big_session):
    page = _page(qtbot, big_session)
    model = page.model
    newest = big_session.repo.families.rows(limit=model.page)
    assert model.page < FAMILIES
    assert model.rowCount() == model.page
    assert [model.family_id(r) for r in range(model.rowCount())] == [r.id for r in newest]
    assert model.total() == FAMILIES
    assert page.count_label.text().startswith(f"{FAMILIES} ")
    qtmodeltester.check(model)


def test_scrolling_to_the_end_fetches_the_next_pages(qtbot, big_session):
    page = _page(qtbot, big_session)
    model = page.model
    assert model.canFetchMore(QModelIndex())
    page.table.scrollToBottom()  # the view asks for more when the end comes into sight
    qtbot.waitUntil(lambda: model.rowCount() > model.page)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    every = [model.family_id(r) for r in range(model.rowCount())]
    assert every == [r.id for r in big_session.repo.families.rows()]  # each family once, newest first
    assert len(every) == FAMILIES


def test_search_finds_a_family_beyond_the_first_page_by_a_childs_first_name_and_by_reference(qtbot, big_session):
    repo = big_session.repo
    oldest = repo.families.rows()[-1]
    repo.members.add(Member(MemberRole.CHILD, "Wubbolt", "Oldenkamp", family_id=oldest.id))
    page = _page(qtbot, big_session)
    model = page.model
    assert oldest.id not in [model.family_id(r) for r in range(model.rowCount())]

    _search(qtbot, page, "wubbolt")
    assert model.rowCount() == 1 and model.family_id(0) == oldest.id
    assert page.count_label.text().startswith("1 ")

    _search(qtbot, page, oldest.ref.lower())
    assert [model.family_id(r) for r in range(model.rowCount())] == [oldest.id]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail and page.detail.family_id == oldest.id


def test_a_filter_pages_its_own_matches_and_counts_them(qtbot, big_session):
    repo = big_session.repo
    page = _page(qtbot, big_session)
    model = page.model
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)  # closed ones hidden again: the open ones
    expected = [r.id for r in repo.families.rows() if r.status != FamilyStatus.CLOSED]
    assert model.total() == len(expected) > model.page
    assert model.rowCount() == model.page
    model.fetch_all()
    assert [model.family_id(r) for r in range(model.rowCount())] == expected
    assert page.count_label.text().startswith(f"{len(expected)} ")


def test_a_refresh_keeps_the_fetched_rows_and_the_selected_family(qtbot, big_session):
    repo = big_session.repo
    page = _page(qtbot, big_session)
    model = page.model
    deep = repo.families.rows()[350]  # on the second page
    assert page.select_family(deep.id)
    assert model.rowCount() > model.page and page.current_family_id() == deep.id
    fetched = model.rowCount()
    repo.settings.set_autolock_minutes(7)  # a change that refreshes the whole list
    assert model.rowCount() >= fetched
    assert page.current_family_id() == deep.id
    # a new family appears at the top, with the total one higher
    new = repo.families.create(Family("Fam. Nieuwenhuis", dt.date(2026, 3, 1)))
    assert model.family_id(0) == new.id
    assert model.total() == FAMILIES + 1
    assert page.current_family_id() == deep.id


def _many_due(session: Session, n: int) -> None:
    """Add ``n`` overdue follow-ups (spread over the families) on top of the demo's."""
    repo = session.repo
    ids = [r.id for r in repo.families.rows()]
    for i in range(n):
        repo.followups.add(FollowUp(ids[i % len(ids)], f"Terugbellen {i}", DEMO_TODAY - dt.timedelta(days=1 + i % 30)))


def test_overview_lists_the_first_hundred_and_says_how_many_more(qtbot, big_session):
    from brugdesk.ui.main_window import MainWindow

    repo = big_session.repo
    _many_due(big_session, 150)
    due = repo.followups.count_due(DEMO_TODAY)
    waiting = repo.referrals.count_waiting()
    assert due > OverviewPage.SHOWN and waiting > OverviewPage.SHOWN
    window = MainWindow(big_session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("overview")
    assert isinstance(page, OverviewPage)
    page._today = DEMO_TODAY
    page.refresh()
    first = repo.followups.due(DEMO_TODAY, limit=OverviewPage.SHOWN)
    assert page.due.topLevelItemCount() == OverviewPage.SHOWN
    assert [page.due.topLevelItem(i).text(2) for i in range(OverviewPage.SHOWN)] == [r.followup.text for r in first]
    assert page.due_more.isVisible() and str(due - OverviewPage.SHOWN) in page.due_more.text()
    assert page.waiting.topLevelItemCount() == OverviewPage.SHOWN
    assert page.waiting_more.isVisible() and str(waiting - OverviewPage.SHOWN) in page.waiting_more.text()
    # "show all on Follow-ups" (Acties): every open follow-up, in the same order, paged
    page.due_more.click()
    acties = window.page("followups")
    assert isinstance(acties, FollowUpsPage) and window.current_page_key == "followups"
    assert acties.tabs.currentIndex() == OPEN
    assert acties.model.total() == repo.followups.count_open()
    shown = [acties.model.row_at(r).followup.id for r in range(acties.model.rowCount())]
    assert shown[:10] == [r.followup.id for r in first[:10]]
    window.lock()


def test_acties_pages_through_the_open_follow_ups(qtbot, qtmodeltester, big_session):
    repo = big_session.repo
    _many_due(big_session, 150)
    every = repo.followups.open()
    page = FollowUpsPage(big_session, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.tabs.setCurrentIndex(OPEN)
    model = page.model
    assert len(every) > model.page
    assert model.rowCount() == model.page and model.total() == len(every)
    assert str(len(every)) in page.count_label.text()
    qtmodeltester.check(model)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > model.page)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.row_at(r).followup.id for r in range(model.rowCount())] == [r.followup.id for r in every]
    # marking one done far down the list: the list is queried again, keeps its rows and loses that one
    target = model.row_at(model.page + 20)
    assert page.table.select_where(lambda r: r.followup.id == target.followup.id)
    page.toggle_done()
    assert model.total() == len(every) - 1
    assert model.rowCount() >= model.page + 20
    assert target.followup.id not in [model.row_at(r).followup.id for r in range(model.rowCount())]
