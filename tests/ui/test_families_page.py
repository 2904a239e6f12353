"""Gezinnen: search-as-you-type, filters, new family, opening a family (audited)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Family, FamilyStatus, Member, MemberRole
from brugdesk.store import audit
from brugdesk.ui.views.families import FamiliesPage


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
    assert page.model.total() == repo.families.count()
    assert len(_shown_ids(page)) == repo.families.count()


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
    assert money and set(_shown_ids(page)) == money
    assert len(money) < len(rows)

    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    assert set(_shown_ids(page)) == money - closed


def test_new_family_with_an_empty_name_shows_the_message_and_keeps_the_input(qtbot, session):
    page = _page(qtbot, session)
    before = session.repo.families.count()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.home_language, "Pools")
    qtbot.keyClicks(dialog.phone, "06-12345678")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("display_name") == "Vul een naam voor het gezin in."
    assert dialog.home_language.text() == "Pools"
    assert dialog.phone.text() == "06-12345678"
    assert session.repo.families.count() == before
    # fix it: the family is stored and opened
    qtbot.keyClicks(dialog.display_name, "Fam. Nowicki")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert session.repo.families.count() == before + 1
    assert page.stack.currentWidget() is page.detail
    family = session.repo.families.get(page.detail.family_id)
    assert (family.display_name, family.home_language, family.phone) == ("Fam. Nowicki", "Pools", "06-12345678")
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


def test_a_half_typed_new_family_survives_a_lock(qtbot, session):
    from brugdesk.ui.dialogs.family import FamilyDialog
    from brugdesk.ui.main_window import MainWindow
    from tests.ui.test_lock import all_widget_text, unlock

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("families")
    dialog = page.new_family()
    qtbot.keyClicks(dialog.display_name, "Fam. Halfweg")
    dialog.themes.set_checked(["housing"])
    qtbot.keyClicks(dialog.consent_scope, "alleen school")
    window.lock()
    assert "Halfweg" not in all_widget_text()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: any(isinstance(w, FamilyDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    restored = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FamilyDialog) and w.isVisible())
    assert restored.display_name.text() == "Fam. Halfweg"
    assert restored.themes.checked() == ["housing"]
    assert restored.consent_scope.text() == "alleen school"
    restored.save_button.click()
    assert any(r.display_name == "Fam. Halfweg" for r in session.repo.families.rows())
    window.lock()


def test_sorting_and_changes_while_a_search_is_active_keep_exactly_the_matches(qtbot, session):
    repo = session.repo
    page = _page(qtbot, session)
    _type(qtbot, page, "fam. de")
    expected = {r.id for r in repo.families.rows(search="fam. de")}
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
    still = {r.id for r in repo.families.rows(search="fam. de")}
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
