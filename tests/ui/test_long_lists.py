"""Gezinnen with more families than one page: the list queries 200 at a time, fetches more as
the officer scrolls, reports the right total, and searches every family, not only the fetched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from brugdesk.core.model import Family, FamilyStatus, Member, MemberRole
from brugdesk.store import demo
from brugdesk.store.vault import Vault
from brugdesk.ui import tasks
from brugdesk.ui.session import Session
from brugdesk.ui.views.families import FamiliesPage
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
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
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
    assert page.count_label.text() in (f"{FAMILIES} gezinnen", f"{FAMILIES} families")
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
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
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
    big_session.notify("settings", 0)  # a change that refreshes the whole list
    assert model.rowCount() >= fetched
    assert page.current_family_id() == deep.id
    # a new family appears at the top, with the total one higher
    new = repo.families.create(Family("Fam. Nieuwenhuis", dt.date(2026, 3, 1)))
    big_session.notify("family", new.id)
    assert model.family_id(0) == new.id
    assert model.total() == FAMILIES + 1
    assert page.current_family_id() == deep.id
