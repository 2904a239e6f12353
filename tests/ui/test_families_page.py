"""Gezinnen: search-as-you-type, filters, new family, opening a family (audited)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Family, FamilyStatus, Member, MemberRole
from brugdesk.store import audit
from brugdesk.ui.views.families import FamiliesPage
from tests.ui.conftest import dutch_catalogue


def _page(qtbot, session) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _shown_ids(page: FamiliesPage) -> list[int]:
    """Every family the list shows, also those further down that scrolling would fetch."""
    page.model.fetch_all()
    return [page.model.family_id(r) for r in range(page.model.rowCount())]


def _type(qtbot, page: FamiliesPage, text: str) -> None:
    """Type into the search box and wait for the (debounced) search to run, as the officer does."""
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: not page.search_timer.isActive() and page.model.query().search == page.search.text())


def test_search_as_you_type_finds_a_family_by_a_childs_first_name(qtbot, session):
    repo = session.repo
    family = repo.families.create(Family("Fam. Oudshoorn", dt.date(2026, 1, 5)))
    repo.members.add(Member(MemberRole.CHILD, "Zoëlla", "Oudshoorn", family_id=family.id))
    page = _page(qtbot, session)
    _type(qtbot, page, "zoell")  # typed without the accent
    assert _shown_ids(page) == [family.id]
    assert page.count_label.text().startswith("1 ")
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.query().search == "")
    open_families = repo.families.count_rows(open_only=True)  # closed ones are hidden by default
    assert page.model.total() == open_families
    assert len(_shown_ids(page)) == open_families


def test_search_finds_a_family_by_its_reference_code_and_enter_opens_it(qtbot, session):
    page = _page(qtbot, session)
    row = session.repo.families.rows()[7]
    qtbot.keyClicks(page.search, row.ref.lower())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once, and opens the only match
    assert page.stack.currentWidget() is page.detail
    assert page.detail.family_id == row.id
    assert row.display_name in page.detail.title.text()


def test_search_with_two_words_needs_both(qtbot, session):
    repo = session.repo
    a = repo.families.create(Family("Fam. Wieringa", dt.date(2026, 1, 5)))
    repo.members.add(Member(MemberRole.CHILD, "Otto", family_id=a.id))
    b = repo.families.create(Family("Fam. Wieringa", dt.date(2026, 1, 6)))
    repo.members.add(Member(MemberRole.CHILD, "Pim", family_id=b.id))
    page = _page(qtbot, session)
    _type(qtbot, page, "wieringa")
    assert sorted(_shown_ids(page)) == sorted([a.id, b.id])
    _type(qtbot, page, " pim")
    assert _shown_ids(page) == [b.id]


def test_status_school_and_theme_filters_combine(qtbot, session):
    repo = session.repo
    page = _page(qtbot, session)
    rows = repo.families.rows()

    page.status_filter.setCurrentIndex(page.status_filter.findData(str(FamilyStatus.CLOSED)))
    closed = {r.id for r in rows if r.status == FamilyStatus.CLOSED}
    assert closed and set(_shown_ids(page)) == closed

    school = repo.schools.list()[0]
    page.school_filter.setCurrentIndex(page.school_filter.findData(school.id))
    expected = closed & {r.id for r in repo.families.rows(school_id=school.id)}
    assert set(_shown_ids(page)) == expected

    page.status_filter.setCurrentIndex(0)
    page.school_filter.setCurrentIndex(0)
    page.theme_filter.setCurrentIndex(page.theme_filter.findData("money"))
    money = {r.id for r in repo.families.rows(theme="money")}
    assert money & closed, "the demo has closed families about money"
    assert set(_shown_ids(page)) == money - closed  # all statuses: closed ones stay hidden unless asked for
    assert len(money) < len(rows)
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert set(_shown_ids(page)) == money


def test_new_family_with_an_empty_name_shows_the_message_and_keeps_the_input(qtbot, session):
    page = _page(qtbot, session)
    before = session.repo.families.count()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.home_language, "Pools")
    qtbot.keyClicks(dialog.parent_forms[0].first_name, "Agnieszka")
    qtbot.keyClicks(dialog.parent_forms[0].phone, "06-12345678")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("display_name") == "Vul een naam voor het gezin in."
    assert dialog.home_language.text() == "Pools"
    assert dialog.parent_forms[0].phone.text() == "06-12345678"
    assert session.repo.families.count() == before
    # fix it: the family is stored and opened
    qtbot.keyClicks(dialog.display_name, "Fam. Nowicki")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert session.repo.families.count() == before + 1
    assert page.stack.currentWidget() is page.detail
    family = session.repo.families.get(page.detail.family_id)
    assert (family.display_name, family.home_language) == ("Fam. Nowicki", "Pools")
    assert [(m.first_name, m.last_name, m.phone) for m in session.repo.members.list(family.id)] == [
        ("Agnieszka", "", "06-12345678")]
    page.show_list()
    assert page.current_family_id() == family.id


def test_opening_a_family_is_recorded_in_the_audit_log(qtbot, session):
    page = _page(qtbot, session)
    row = session.repo.families.rows()[3]
    before = [e for e in audit.entries(session.vault.conn, entity="family", entity_id=row.id) if e.action == "view"]
    page.select_family(row.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.detail.family_id == row.id
    after = [e for e in audit.entries(session.vault.conn, entity="family", entity_id=row.id) if e.action == "view"]
    assert len(after) == len(before) + 1
    qtbot.keyClick(page.detail.tabs, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.stack.currentWidget() is page.list_page
    assert page.current_family_id() == row.id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail
    qtbot.keyClick(page.detail.tabs, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_page


def test_a_change_elsewhere_updates_the_row(qtbot, session):
    page = _page(qtbot, session)
    row = session.repo.families.rows()[0]
    family = session.repo.families.get(row.id)
    family.display_name = "Fam. Hernoemd"
    session.repo.families.update(family)
    src = page.model.find_row(row.id)
    assert page.model.index(src, page.model.NAME).data() == "Fam. Hernoemd"


def test_focus_search_from_the_detail_goes_back_to_the_list(qtbot, session):
    page = _page(qtbot, session)
    page.open_family(session.repo.families.rows()[0].id)
    page.focus_search()
    assert page.stack.currentWidget() is page.list_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)


def test_sorting_and_changes_while_a_search_is_active_keep_exactly_the_matches(qtbot, session):
    repo = session.repo
    page = _page(qtbot, session)
    _type(qtbot, page, "fam. de")
    expected = {r.id for r in repo.families.rows(search="fam. de", open_only=True)}
    assert expected and set(_shown_ids(page)) == expected
    page.table.sortByColumn(page.model.NAME, Qt.SortOrder.DescendingOrder)
    names = [page.model.index(r, page.model.NAME).data() for r in range(page.model.rowCount())]
    assert set(_shown_ids(page)) == expected
    assert [n.casefold() for n in names] == sorted((n.casefold() for n in names), reverse=True)
    # a family made elsewhere that matches appears; a family renamed away disappears
    new = repo.families.create(Family("Fam. de Wit", dt.date(2026, 2, 2)))
    assert new.id in _shown_ids(page)
    gone = repo.families.get(next(iter(expected)))
    gone.display_name = "Fam. Zonder"
    repo.families.update(gone)
    still = {r.id for r in repo.families.rows(search="fam. de", open_only=True)}
    assert set(_shown_ids(page)) == still


def test_down_from_the_search_goes_to_the_first_match_and_enter_opens_it(qtbot, session):
    page = _page(qtbot, session)
    page.focus_search()
    qtbot.keyClicks(page.search, "fam")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # no need to wait for the search timer
    assert QApplication.focusWidget() is page.table
    first = page.model.family_id(0)
    assert first == session.repo.families.rows(search="fam", limit=1)[0].id
    assert page.current_family_id() == first
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    second = page.model.family_id(1)
    assert page.current_family_id() == second
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail and page.detail.family_id == second


def test_search_and_filters_come_back_after_a_lock(qtbot, session):
    from brugdesk.ui.main_window import MainWindow
    from tests.ui.test_lock import all_widget_text, unlock

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("families")
    page.status_filter.setCurrentIndex(page.status_filter.findData(str(FamilyStatus.ACTIVE)))
    _type(qtbot, page, "bakker")
    shown = _shown_ids(page)
    assert shown
    window.lock()
    assert "bakker" not in all_widget_text()
    unlock(qtbot, window)
    page = window.page("families")
    assert page.search.text() == "bakker"
    assert page.status_filter.currentData() == str(FamilyStatus.ACTIVE)
    assert _shown_ids(page) == shown
    window.lock()


# ------------------------------------------------------------------ issue 13, item 7
@pytest.fixture
def dutch(qapp):
    """The app's Dutch catalogue, as the officer sees the page."""
    with dutch_catalogue(qapp):
        yield


def test_closed_families_are_hidden_until_the_officer_asks_for_them(qtbot, session, dutch):
    repo = session.repo
    page = _page(qtbot, session)
    closed = repo.families.count_rows(status=FamilyStatus.CLOSED)
    assert closed
    shown = {page.model.row_at(r).status for r in range(page.model.rowCount())}
    assert FamilyStatus.CLOSED not in shown
    assert page.model.total() == repo.families.count() - closed
    assert f"({closed} afgesloten gezinnen verborgen)" in page.count_label.text()
    assert not page.show_closed.isChecked()

    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert page.model.total() == repo.families.count()
    assert "verborgen" not in page.count_label.text()
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert page.model.total() == repo.families.count() - closed

    # the status filter "Afgesloten" shows them without the tick
    page.status_filter.setCurrentIndex(page.status_filter.findData(str(FamilyStatus.CLOSED)))
    assert page.model.total() == closed
    # closed rows say so in words (the grey is extra)
    assert page.model.index(0, page.model.STATUS).data() == "Afgesloten"


def test_a_search_that_matched_a_child_names_the_child_and_its_group(qtbot, session, dutch):
    repo = session.repo
    family = repo.families.create(Family("Fam. Brandsma", dt.date(2026, 1, 5)))
    repo.members.add(Member(MemberRole.PARENT, "Ingrid", "Brandsma", family_id=family.id))
    repo.members.add(Member(MemberRole.CHILD, "Milan", "Brandsma", group="5", family_id=family.id))
    repo.members.add(Member(MemberRole.CHILD, "Fenna", "Brandsma", group="2B", family_id=family.id))
    page = _page(qtbot, session)
    assert page.table.isColumnHidden(page.model.CHILD)  # no search: no column for it

    _type(qtbot, page, "milan brand")
    assert _shown_ids(page) == [family.id]
    assert not page.table.isColumnHidden(page.model.CHILD)
    assert page.model.headerData(page.model.CHILD, Qt.Orientation.Horizontal) == "Gevonden kind"
    assert page.model.index(0, page.model.CHILD).data() == "Milan, groep 5"

    page.search.clear()
    _type(qtbot, page, "fenna")
    assert page.model.index(page.model.find_row(family.id), page.model.CHILD).data() == "Fenna, 2B"

    page.search.clear()
    _type(qtbot, page, "brandsma")  # the family's own name: no child to name
    assert page.model.index(page.model.find_row(family.id), page.model.CHILD).data() == ""
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.query().search == "")
    assert page.table.isColumnHidden(page.model.CHILD)


def test_an_overdue_follow_up_is_marked_in_words(qtbot, session, dutch):
    from brugdesk.core.model import FollowUp

    repo = session.repo
    late = repo.families.create(Family("Fam. Laatstra", dt.date(2026, 1, 5)))
    soon = repo.families.create(Family("Fam. Vroegop", dt.date(2026, 1, 5)))
    past = dt.date.today() - dt.timedelta(days=3)
    ahead = dt.date.today() + dt.timedelta(days=3)
    repo.followups.add(FollowUp(late.id, "Bellen over de aanvraag", past))
    repo.followups.add(FollowUp(soon.id, "Huisbezoek plannen", ahead))
    page = _page(qtbot, session)
    cell = page.model.index(page.model.find_row(late.id), page.model.NEXT_FOLLOWUP)
    assert cell.data() == f"{past:%d-%m-%Y} (te laat)"
    assert cell.data(Qt.ItemDataRole.ToolTipRole)
    assert page.model.index(page.model.find_row(soon.id), page.model.NEXT_FOLLOWUP).data() == f"{ahead:%d-%m-%Y}"


def test_an_empty_result_says_so_and_points_at_closed_families(qtbot, session, dutch):
    repo = session.repo
    gone = repo.families.create(Family("Fam. Verdwijnsel", dt.date(2025, 9, 1)))
    repo.families.close(gone.id, dt.date(2026, 1, 10), "resolved")
    page = _page(qtbot, session)
    assert page.empty_label.isHidden()

    _type(qtbot, page, "xyzzy")
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "Geen gezin gevonden voor “xyzzy”."

    page.search.clear()
    _type(qtbot, page, "verdwijnsel")
    assert page.model.rowCount() == 0
    assert "1 afgesloten gezin past wel" in page.empty_label.text()
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert _shown_ids(page) == [gone.id]
    assert page.empty_label.isHidden()


def test_an_empty_vault_says_how_to_start(qtbot, vault, dutch):
    from brugdesk.ui.session import Session

    session = Session()
    session.attach(vault)
    page = _page(qtbot, session)
    assert page.empty_label.isVisible()
    assert "Nog geen gezinnen" in page.empty_label.text()
    session.lock()


def _click_header(qtbot, page: FamiliesPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_the_whole_list_one_page_at_a_time(qtbot, session):
    from brugdesk.core.text import fold

    repo = session.repo
    page = _page(qtbot, session)
    page.model.page = 10  # the sort is SQL: only the first page is read
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    _click_header(qtbot, page, page.model.NAME)
    assert page.model.rowCount() == 10
    everyone = sorted(repo.families.rows(), key=lambda r: fold(r.display_name))
    names = [page.model.row_at(r).display_name for r in range(10)]
    assert [fold(n) for n in names] == [fold(r.display_name) for r in everyone[:10]]
    _click_header(qtbot, page, page.model.NAME)  # again: the other way round
    names = [fold(page.model.row_at(r).display_name) for r in range(10)]
    assert names == sorted((fold(r.display_name) for r in everyone), reverse=True)[:10]
    page.model.fetch_all()
    assert page.model.rowCount() == repo.families.count()

    # the found-child column cannot be sorted on: the order stays by name
    _click_header(qtbot, page, page.model.REF)
    page.search.setText("a")
    qtbot.waitUntil(lambda: page.model.query().search == "a")
    before = [page.model.family_id(r) for r in range(page.model.rowCount())]
    _click_header(qtbot, page, page.model.CHILD)
    assert page.table.horizontalHeader().sortIndicatorSection() == page.model.REF
    assert [page.model.family_id(r) for r in range(page.model.rowCount())] == before
