"""The intake (issue 13, item 1): a family with its parents and children in one dialog, typed and
clicked as the officer does it, on the demo vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Member, MemberRole, ParentalAuthority
from brugdesk.ui.dialogs.intake import IntakeDialog, MemberForm
from brugdesk.ui.views.families import FamiliesPage
from tests.ui.conftest import dutch_catalogue


@pytest.fixture
def dutch(qapp):
    with dutch_catalogue(qapp):
        yield


@pytest.fixture(autouse=True)
def _close_intakes():
    """An intake a test left open is closed after it (never seen by the next test's lock)."""
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, IntakeDialog) and w.isVisible():
            w.hide()  # deleted with its page


def _page(qtbot, session) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _open_intake(qtbot, page: FamiliesPage) -> IntakeDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # the window manager's part, which the offscreen platform leaves out
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _tick_first(qtbot, checklist) -> None:
    """Tick the first item of a check list from the keyboard (focus, Space)."""
    checklist.setFocus()
    qtbot.keyClick(checklist, Qt.Key.Key_Home)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)


def test_an_intake_with_two_parents_and_two_children_in_one_dialog(qtbot, session, dutch):
    repo = session.repo
    school = repo.schools.list()[0]
    page = _page(qtbot, session)
    before = repo.families.count()
    dialog = _open_intake(qtbot, page)
    assert dialog.windowTitle() == "Nieuw gezin"
    assert len(dialog.parent_forms) == 1 and len(dialog.child_forms) == 1  # one of each to start with

    qtbot.keyClicks(dialog.display_name, "Fam. Terpstra")
    _tick_first(qtbot, dialog.schools)
    assert dialog.schools.checked() == [school.id]
    qtbot.keyClicks(dialog.home_language, "Fries")

    mother = dialog.parent_forms[0]
    assert mother.title() == "Ouder 1"
    qtbot.keyClicks(mother.first_name, "Anna")
    qtbot.keyClicks(mother.phone, "06-12345678")
    qtbot.keyClicks(mother.email, "anna@voorbeeld.nl")
    qtbot.keyClicks(mother.authority, "Ja")
    assert mother.address.isHidden()  # her address is the family's

    qtbot.mouseClick(dialog.add_parent_button, Qt.MouseButton.LeftButton)
    father = dialog.parent_forms[1]
    assert QApplication.focusWidget() is father.first_name
    qtbot.keyClicks(father.first_name, "Mehmet")
    qtbot.keyClicks(father.last_name, "Yilmaz")
    qtbot.keyClicks(father.authority, "Nee")
    qtbot.mouseClick(father.own_address, Qt.MouseButton.LeftButton)
    assert father.address.isVisible()
    qtbot.keyClicks(father.address, "Dorpsstraat 1, Leeuwarden")

    milan = dialog.child_forms[0]
    assert milan.last_name.placeholderText() == "Terpstra"  # the family's surname, as a hint
    assert milan.school.currentData() == school.id  # the family's one school
    qtbot.keyClicks(milan.first_name, "Milan")
    qtbot.keyClicks(milan.group, "5")
    qtbot.mouseClick(dialog.add_child_button, Qt.MouseButton.LeftButton)
    fenna = dialog.child_forms[1]
    assert fenna.school.currentData() == school.id
    qtbot.keyClicks(fenna.first_name, "Fenna")
    qtbot.keyClicks(fenna.group, "3")
    # a third child added by mistake and removed again: the forms are numbered anew
    qtbot.mouseClick(dialog.add_child_button, Qt.MouseButton.LeftButton)
    assert dialog.child_forms[2].title() == "Kind 3"
    qtbot.mouseClick(dialog.child_forms[2].remove_button, Qt.MouseButton.LeftButton)
    assert len(dialog.child_forms) == 2

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert repo.families.count() == before + 1
    assert page.stack.currentWidget() is page.detail  # the new family is opened
    family = repo.families.get(page.detail.family_id)
    assert (family.display_name, family.school_ids, family.home_language) == ("Fam. Terpstra", [school.id], "Fries")
    members = repo.members.list(family.id)
    parents = {m.first_name: m for m in members if m.role == MemberRole.PARENT}
    children = {m.first_name: m for m in members if m.role == MemberRole.CHILD}
    assert set(parents) == {"Anna", "Mehmet"} and set(children) == {"Milan", "Fenna"}
    anna, mehmet = parents["Anna"], parents["Mehmet"]
    assert (anna.phone, anna.email, anna.authority, anna.address) == (
        "06-12345678", "anna@voorbeeld.nl", ParentalAuthority.YES, "")
    assert (mehmet.last_name, mehmet.authority, mehmet.address) == ("Yilmaz", ParentalAuthority.NO,
                                                                    "Dorpsstraat 1, Leeuwarden")
    for child, group in ((children["Milan"], "5"), (children["Fenna"], "3")):
        assert (child.last_name, child.school_id, child.group) == ("Terpstra", school.id, group)


def test_bad_input_keeps_what_was_typed_and_puts_the_focus_on_the_field(qtbot, session, dutch):
    repo = session.repo
    page = _page(qtbot, session)
    before = repo.families.count()
    dialog = _open_intake(qtbot, page)
    qtbot.keyClicks(dialog.display_name, "Fam. Hoekstra")
    parent = dialog.parent_forms[0]
    qtbot.keyClicks(parent.first_name, "Sanne")
    qtbot.keyClicks(parent.email, "sanne@")
    qtbot.mouseClick(dialog.add_child_button, Qt.MouseButton.LeftButton)
    nameless = dialog.child_forms[1]
    qtbot.keyClicks(nameless.group, "7")  # a group, but no first name
    qtbot.keyClicks(dialog.child_forms[0].first_name, "Jesse")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert repo.families.count() == before  # nothing written
    assert parent.errors.message("email") == "Dit is geen e-mailadres."
    assert nameless.errors.message("first_name") == "Vul een voornaam in."
    assert dialog.child_forms[0].errors.message("first_name") == ""
    assert QApplication.focusWidget() is parent.email  # the first problem on the screen
    assert parent.email.text() == "sanne@" and nameless.group.text() == "7"  # kept as typed
    assert parent.email.accessibleDescription() == "Dit is geen e-mailadres."

    parent.email.clear()
    qtbot.keyClicks(parent.email, "sanne@voorbeeld.nl")
    qtbot.keyClicks(nameless.first_name, "Lotte")
    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert repo.families.count() == before + 1
    members = repo.members.list(page.detail.family_id)
    assert sorted(m.first_name for m in members) == ["Jesse", "Lotte", "Sanne"]


def test_an_empty_intake_asks_for_a_name_and_a_member(qtbot, session, dutch):
    page = _page(qtbot, session)
    dialog = _open_intake(qtbot, page)
    for form in [*dialog.parent_forms, *dialog.child_forms]:
        qtbot.mouseClick(form.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("display_name") == "Vul een naam voor het gezin in."
    assert dialog.general_error.text() == "Voeg minstens één ouder of kind toe."
    assert QApplication.focusWidget() is dialog.display_name


def test_two_schools_leave_the_childs_school_to_the_officer(qtbot, session):
    repo = session.repo
    first, second = repo.schools.list()[:2]
    page = _page(qtbot, session)
    dialog = _open_intake(qtbot, page)
    child = dialog.child_forms[0]
    _tick_first(qtbot, dialog.schools)
    assert child.school.currentData() == first.id
    qtbot.keyClick(dialog.schools, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.schools, Qt.Key.Key_Space)
    assert set(dialog.schools.checked()) == {first.id, second.id}
    assert child.school.currentData() == 0  # two schools: not guessed
    # chosen by hand, a school stays whatever the family's schools become
    child.school.setFocus()
    qtbot.keyClick(child.school, Qt.Key.Key_Down)  # (geen) -> the first school -> the second
    qtbot.keyClick(child.school, Qt.Key.Key_Down)
    assert child.school.currentData() == second.id
    qtbot.keyClick(dialog.schools, Qt.Key.Key_Space)  # untick the second school again
    assert child.school.currentData() == second.id


def test_a_half_typed_intake_survives_a_lock(qtbot, session):
    from brugdesk.ui.main_window import MainWindow
    from tests.ui.test_lock import all_widget_text, unlock

    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page_key("families")
    dialog = page.new_family()
    qtbot.keyClicks(dialog.display_name, "Fam. Halfweg")
    qtbot.keyClicks(dialog.consent_scope, "alleen school")
    qtbot.keyClicks(dialog.parent_forms[0].first_name, "Greetje")
    qtbot.keyClicks(dialog.parent_forms[0].phone, "0612345678")
    qtbot.mouseClick(dialog.add_child_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.child_forms[1].first_name, "Bram")
    window.lock()
    assert "Halfweg" not in all_widget_text() and "Greetje" not in all_widget_text()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: any(isinstance(w, IntakeDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    restored = next(w for w in QApplication.topLevelWidgets() if isinstance(w, IntakeDialog) and w.isVisible())
    assert restored.display_name.text() == "Fam. Halfweg"
    assert restored.consent_scope.text() == "alleen school"
    assert [f.first_name.text() for f in restored.parent_forms] == ["Greetje"]
    assert restored.parent_forms[0].phone.text() == "0612345678"
    assert [f.first_name.text() for f in restored.child_forms] == ["", "Bram"]
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    family = next(r for r in session.repo.families.rows() if r.display_name == "Fam. Halfweg")
    assert sorted(m.first_name for m in session.repo.members.list(family.id)) == ["Bram", "Greetje"]
    window.lock()


def test_every_field_of_a_member_is_named_after_its_person(qtbot, session, dutch):
    page = _page(qtbot, session)
    dialog = _open_intake(qtbot, page)
    qtbot.mouseClick(dialog.add_parent_button, Qt.MouseButton.LeftButton)
    form: MemberForm = dialog.parent_forms[1]
    assert form.email.accessibleName() == "Ouder 2: E-mail"
    assert form.authority.accessibleName() == "Ouder 2: Gezag"
    assert dialog.child_forms[0].group.accessibleName() == "Kind 1: Groep / klas"
    assert form.remove_button.accessibleName() == "Ouder 2 verwijderen"


def test_editing_a_parent_keeps_the_phone_e_mail_and_gezag(qtbot, session):
    """The member dialog used to write a parent back without these fields (they were lost)."""
    from brugdesk.ui.dialogs.member import MemberDialog

    repo = session.repo
    family_id = repo.families.rows()[0].id
    parent = repo.members.add(Member(MemberRole.PARENT, "Joke", "Visser", family_id=family_id, phone="0612345678",
                                     email="joke@voorbeeld.nl", authority=ParentalAuthority.YES,
                                     address="Kerkstraat 2"))
    dialog = MemberDialog(session, None, family_id=family_id, member_id=parent.id)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.phone.text() == "0612345678" and dialog.authority.currentData() == "yes"
    qtbot.keyClicks(dialog.notes, "Werkt overdag")
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "joke@elders.nl")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = next(m for m in repo.members.list(family_id) if m.id == parent.id)
    assert (stored.phone, stored.email, stored.authority, stored.address, stored.notes) == (
        "0612345678", "joke@elders.nl", ParentalAuthority.YES, "Kerkstraat 2", "Werkt overdag")
