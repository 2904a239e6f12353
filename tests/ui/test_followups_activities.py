"""Acties (follow-ups: overdue / this week / open / done) and Groepsactiviteiten (create, edit, delete)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from brugdesk.core.model import Family, FamilyStatus, FollowUp
from brugdesk.ui.views.activities import ActivitiesPage
from brugdesk.ui.views.followups import DONE, OPEN, OVERDUE, THIS_WEEK, FollowUpsPage

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def _texts(page: FollowUpsPage) -> list[str]:
    return [page.model.row_at(r).followup.text for r in range(page.model.rowCount())]


def test_followups_by_tab_and_mark_done_then_reopen(qtbot, session):
    repo = session.repo
    family = repo.families.create(Family("Fam. Actiestra", dt.date(2026, 1, 5), status=FamilyStatus.ACTIVE))
    for days, text in ((-3, "UI-B te laat"), (2, "UI-B deze week"), (20, "UI-B later")):
        repo.followups.add(FollowUp(family.id, text, TODAY + dt.timedelta(days=days)))
    page = FollowUpsPage(session, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()

    def mine() -> list[str]:
        return [t for t in _texts(page) if t.startswith("UI-B")]

    assert page.tabs.currentIndex() == OVERDUE and mine() == ["UI-B te laat"]
    assert all(page.model.row_at(r).followup.due_date < TODAY for r in range(page.model.rowCount()))
    page.tabs.setCurrentIndex(THIS_WEEK)
    assert mine() == ["UI-B deze week"]
    assert all(TODAY <= page.model.row_at(r).followup.due_date <= dt.date(2026, 3, 15)
               for r in range(page.model.rowCount()))
    page.tabs.setCurrentIndex(OPEN)
    assert mine() == ["UI-B te laat", "UI-B deze week", "UI-B later"]

    page.tabs.setCurrentIndex(OVERDUE)
    page.table.select_where(lambda r: r.followup.text == "UI-B te laat")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Ctrl+D: done
    assert "UI-B te laat" not in mine()
    stored = next(u for u in repo.followups.list(family.id) if u.text == "UI-B te laat")
    assert stored.done_date == TODAY

    page.tabs.setCurrentIndex(DONE)
    assert "UI-B te laat" in mine()
    page.table.select_where(lambda r: r.followup.text == "UI-B te laat")
    assert page.done_button.text().replace("&", "") in ("Undo done", "Markeer als open")
    page.done_button.click()
    assert "UI-B te laat" not in mine()
    assert next(u for u in repo.followups.list(family.id) if u.text == "UI-B te laat").done_date is None


def test_activity_create_edit_and_delete(qtbot, session, prompter):
    repo = session.repo
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    page.show()
    before = page.model.total()
    page.new_button.click()
    dialog = page.dialog
    dialog.date.setDate(dialog.date.date().addDays(-1))
    dialog.kind.setCurrentIndex(dialog.kind.findData("workshop"))
    qtbot.keyClicks(dialog.title, "Workshop UI-B schoolkosten")
    school = repo.schools.list()[0]
    dialog.school.setCurrentIndex(dialog.school.findData(school.id))
    dialog.parents_count.setValue(14)
    dialog.minutes.setValue(120)
    dialog.themes.set_checked(["poverty_school_costs"])
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert page.model.total() == before + 1
    made = next(a for a in repo.activities.list() if a.title == "Workshop UI-B schoolkosten")
    assert (made.kind, made.school_id, made.parents_count, made.minutes, made.themes) == (
        "workshop", school.id, 14, 120, ["poverty_school_costs"])
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == made.id)
    assert page.model.index(row, page.model.KIND).data() == "Informatiebijeenkomst / workshop"

    page.table.select_where(lambda a: a.id == made.id)
    page.edit_button.click()
    edit = page.dialog
    assert edit.title.text() == "Workshop UI-B schoolkosten" and edit.parents_count.value() == 14
    edit.parents_count.setValue(1500)
    edit.save_button.click()
    assert edit.isVisible()
    assert edit.errors.message("parents_count") == "Het aantal ouders kan niet meer dan 1.000 zijn."
    assert edit.title.text() == "Workshop UI-B schoolkosten"
    edit.parents_count.setValue(16)
    edit.save_button.click()
    assert not edit.isVisible()
    assert next(a for a in repo.activities.list() if a.id == made.id).parents_count == 16

    page.table.select_where(lambda a: a.id == made.id)
    prompter.answers = [True]
    page.delete_button.click()
    assert all(a.id != made.id for a in repo.activities.list())
    assert page.model.total() == before


def test_activity_with_zero_minutes_shows_the_message(qtbot, session):
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    page.new_button.click()
    dialog = page.dialog
    dialog.minutes.setValue(0)
    qtbot.keyClicks(dialog.title, "Koffieochtend")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("minutes") == "De duur moet meer dan 0 minuten zijn."
    assert dialog.title.text() == "Koffieochtend"
