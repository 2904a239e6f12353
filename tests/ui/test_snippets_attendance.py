"""Text snippets (issue 13, item 5): managed in Instellingen → Lijsten, inserted in a note with Ctrl+Space
after a few letters (a list under the cursor when several match), from the keyboard only, announced.
Group activities with attendance per family (item 6): the activity dialog records which families were
there; the family's page shows the activities it attended."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Activity, Family, FamilyStatus, Snippet
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.snippets import SnippetInserter
from brugdesk.ui.views.activities import ActivitiesPage
from brugdesk.ui.views.family_detail import ACTIVITIES_TAB, FamilyDetail
from brugdesk.ui.views.settings.lists import SNIPPETS, ListsTab
from tests.ui.conftest import dutch_catalogue

popup_noise = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
TODAY = dt.date.today()

pytestmark = pytest.mark.usefixtures("today_at_start")  # TODAY is set again as each test starts


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


def test_snippets_are_managed_in_settings_lists(qtbot, session, prompter):
    tab = ListsTab(session)
    qtbot.addWidget(tab)
    _active(qtbot, tab)
    _choose(qtbot, tab.list_choice, SNIPPETS)
    editor = tab.snippets
    assert tab.stack.currentWidget() is editor
    before = len(session.repo.snippets.list())
    editor.abbreviation.setFocus()
    qtbot.keyClicks(editor.abbreviation, "two words")
    qtbot.keyClicks(editor.text, "Huisbezoek: beide ouders aanwezig.")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.abbreviation_message.isVisible() and editor.abbreviation_message.text()
    assert editor.text.toPlainText() == "Huisbezoek: beide ouders aanwezig."  # what was typed stays
    editor.abbreviation.selectAll()
    qtbot.keyClicks(editor.abbreviation, "hbo")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    snippets = session.repo.snippets.list()
    assert len(snippets) == before + 1
    made = next(s for s in snippets if s.abbreviation == "hbo")
    assert made.text == "Huisbezoek: beide ouders aanwezig."
    assert editor.items.currentItem().text().startswith("hbo — ")

    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Huisbezoek: moeder aanwezig.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert next(s for s in session.repo.snippets.list() if s.id == made.id).text == "Huisbezoek: moeder aanwezig."

    prompter.answers = [True]
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert all(s.id != made.id for s in session.repo.snippets.list())


@popup_noise
def test_a_snippet_is_inserted_in_the_note_from_the_keyboard(qtbot, session):
    repo = session.repo
    for abbreviation, text in (("tlk", "Tolk geregeld via het Tolkencentrum."),
                               ("afs1", "Afspraak gemaakt voor een huisbezoek."),
                               ("afs2", "Afspraak verzet op verzoek van de ouders.")):
        repo.snippets.add(Snippet(abbreviation, text))
    family = repo.families.create(Family("Familie Tekstblok", TODAY, status=FamilyStatus.ACTIVE))
    dialog = ContactDialog(session, None, family_id=family.id)
    qtbot.addWidget(dialog)
    _active(qtbot, dialog)
    note = dialog.note
    note.setFocus()
    assert "Ctrl+Space" in note.accessibleDescription()

    # one match: inserted at once in place of the letters
    qtbot.keyClicks(note, "Moeder belde. tlk")
    qtbot.keyClick(note, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "Moeder belde. Tolk geregeld via het Tolkencentrum."

    # several: a list under the cursor; Down, Enter picks the second
    qtbot.keyClicks(note, " afs")
    qtbot.keyClick(note, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    inserter = note.findChild(SnippetInserter)
    assert inserter is not None and inserter.is_open()
    assert inserter.popup.accessibleName() == "Text snippets"
    assert inserter.model.rowCount() == 2
    qtbot.keyClick(inserter.popup, Qt.Key.Key_Down)
    qtbot.keyClick(inserter.popup, Qt.Key.Key_Return)
    assert not inserter.is_open()
    assert note.toPlainText() == ("Moeder belde. Tolk geregeld via het Tolkencentrum. "
                                  "Afspraak verzet op verzoek van de ouders.")

    # Escape closes the list and leaves the text alone
    qtbot.keyClicks(note, " afs")
    qtbot.keyClick(note, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert inserter.is_open()
    qtbot.keyClick(inserter.popup, Qt.Key.Key_Escape)
    assert not inserter.is_open()
    assert note.toPlainText().endswith(" afs")

    # and the follow-up field has them too (one line)
    dialog.followup_text.setFocus()
    qtbot.keyClicks(dialog.followup_text, "afs1")
    qtbot.keyClick(dialog.followup_text, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert dialog.followup_text.text() == "Afspraak gemaakt voor een huisbezoek."
    dialog.close_for_lock()


@popup_noise
def test_activity_records_the_families_present_and_the_family_page_shows_it(qtbot, session):
    repo = session.repo
    one = repo.families.create(Family("Familie Aanwezig-Een", TODAY, status=FamilyStatus.ACTIVE))
    two = repo.families.create(Family("Familie Aanwezig-Twee", TODAY, status=FamilyStatus.ACTIVE))
    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    _active(qtbot, page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.title, "Koffieochtend aanwezigheid")
    dialog.parents_count.setValue(1)
    for name in ("Aanwezig-Een", "Aanwezig-Twee"):
        dialog.family_picker.setFocus()
        qtbot.keyClicks(dialog.family_picker, name)
        qtbot.keyClick(dialog.family_picker, Qt.Key.Key_Return)
    assert dialog.family_ids() == [one.id, two.id]
    assert dialog.family_picker.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # two families, one parent counted: said under the list
    assert dialog.errors.message("family_ids")
    dialog.parents_count.setValue(5)
    # take the second off again with Delete
    dialog.present.setFocus()
    dialog.present.setCurrentRow(1)
    qtbot.keyClick(dialog.present, Qt.Key.Key_Delete)
    assert dialog.family_ids() == [one.id]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    made = next(a for a in repo.activities.list() if a.title == "Koffieochtend aanwezigheid")
    assert made.family_ids == [one.id]

    detail = FamilyDetail(session)
    qtbot.addWidget(detail)
    detail.show_family(one.id)
    detail.tabs.setCurrentIndex(ACTIVITIES_TAB)
    assert [a.id for a in detail.activities_model.rows()] == [made.id]
    assert not detail.activities_empty.isVisible()
    detail.show_family(two.id)
    assert detail.activities_model.rows() == []
    # recording two as present (another activity) reaches its open page through the change signal
    repo.activities.add(Activity(TODAY, "coffee_morning", parents_count=3, title="Tweede ochtend",
                                 family_ids=[two.id]))
    assert [a.title for a in detail.activities_model.rows()] == ["Tweede ochtend"]


def test_snippets_in_dutch(qtbot, session, qapp):
    with dutch_catalogue(qapp):
        tab = ListsTab(session)
        qtbot.addWidget(tab)
        assert tab.list_choice.itemText(tab.list_choice.findData(SNIPPETS)) == "Tekstblokken (voor notities)"
        assert tab.snippets.add_button.text() == "&Toevoegen"
