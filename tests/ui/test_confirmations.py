"""Nothing typed is lost without a question, and every question is Dutch with the safe answer as
default (issue 12, items 4 and 16) — through the real keys, buttons and message boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole, Partner, Referral
from brugdesk.ui import prompter as prompter_module
from brugdesk.ui.dialogs.activity import ActivityDialog
from brugdesk.ui.dialogs.close_family import CloseFamilyDialog
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.dialogs.family import FamilyDialog
from brugdesk.ui.dialogs.followup import FollowUpDialog
from brugdesk.ui.dialogs.member import MemberDialog
from brugdesk.ui.dialogs.referral import ReferralDialog
from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.family_detail import CONTACTS_TAB
from tests.ui.conftest import dutch_catalogue
from tests.ui.modal import SeenBox, focus_of, when_box

NOTE = "Moeder belt morgen terug over de aanvraag"


def _family(session) -> Family:
    repo = session.repo
    family = repo.families.create(Family("Fam. Vlietstra", dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE))
    repo.members.add(Member(MemberRole.PARENT, "Ineke", "Vlietstra", family_id=family.id))
    return family


def _referral(session, family_id: int) -> int:
    repo = session.repo
    partner = repo.partners.list()[0] if repo.partners.list() else repo.partners.add(Partner("Wijkteam Noord"))
    referral = repo.referrals.add(Referral(family_id, partner.id, dt.date(2026, 2, 1)))
    return int(referral.id)


DIALOGS: dict[str, Callable[[Any, int], QDialog]] = {
    "contact": lambda s, f: ContactDialog(s, family_id=f),
    "followup": lambda s, f: FollowUpDialog(s, family_id=f),
    "referral": lambda s, f: ReferralDialog(s, family_id=f),
    "member": lambda s, f: MemberDialog(s, family_id=f, role=MemberRole.CHILD),
    "family": lambda s, f: FamilyDialog(s),
    "family-edit": lambda s, f: FamilyDialog(s, family_id=f),
    "close-family": lambda s, f: CloseFamilyDialog(s, family_id=f),
    "activity": lambda s, f: ActivityDialog(s),
    "referral-status": lambda s, f: ReferralStatusDialog(s, referral_id=_referral(s, f)),
}


def _free_text(dialog: QDialog) -> QWidget | None:
    """The first field a person types free text into (a note, a name), if the dialog has one."""
    for w in dialog.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if isinstance(w, QPlainTextEdit) and not w.isReadOnly():
            return w
    for w in dialog.findChildren(QLineEdit):
        if (w.isVisible() and w.isEnabled() and not w.isReadOnly()
                and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)):
            return w
    return None


def _change_something(qtbot, dialog: QDialog) -> tuple[QWidget, Callable[[], Any]]:
    """Type into the dialog as a person would; returns the widget and how to read its value."""
    field = _free_text(dialog)
    if field is not None:
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        qtbot.keyClicks(field, NOTE)
        if isinstance(field, QPlainTextEdit):
            return field, field.toPlainText
        assert isinstance(field, QLineEdit)
        return field, field.text
    combo = next(c for c in dialog.findChildren(QComboBox) if c.isVisible() and c.isEnabled() and c.count() > 1)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    return combo, combo.currentIndex


def _show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_escape_and_cancel_ask_before_throwing_away_what_was_typed(qtbot, session, prompter, kind):
    family = _family(session)
    dialog = _show(qtbot, DIALOGS[kind](session, int(family.id)))
    field, value = _change_something(qtbot, dialog)
    typed = value()

    prompter.answers = [False]  # "Verder bewerken"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert [title for title, _text in prompter.messages] == ["Discard changes?"]
    assert prompter.buttons == [("&Discard", "&Keep editing")]
    assert dialog.isVisible() and value() == typed  # still open, nothing lost

    prompter.answers = [False]
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(prompter.messages) == 2 and dialog.isVisible() and value() == typed

    prompter.answers = [True]  # "Weggooien"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_an_untouched_dialog_closes_at_once(qtbot, session, prompter, kind):
    family = _family(session)
    dialog = _show(qtbot, DIALOGS[kind](session, int(family.id)))
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert prompter.messages == []


def test_the_window_close_button_asks_too(qtbot, session, prompter):
    family = _family(session)
    dialog = _show(qtbot, ContactDialog(session, family_id=family.id))
    qtbot.keyClicks(dialog.note, NOTE)
    prompter.answers = [False]
    assert not dialog.close()  # what the title bar's close button does
    assert dialog.isVisible() and dialog.note.toPlainText() == NOTE
    assert len(prompter.messages) == 1


def test_the_real_question_is_dutch_and_enter_or_escape_keep_editing(qtbot, qapp, session):
    family = _family(session)
    previous = prompter_module.install(prompter_module.Prompter())
    try:
        with dutch_catalogue(qapp):
            dialog = _show(qtbot, ContactDialog(session, family_id=family.id))
            qtbot.keyClicks(dialog.note, NOTE)
            seen: list[SeenBox] = []

            # Enter on the question: the default answer keeps the note
            when_box(lambda box: qtbot.keyClick(focus_of(box), Qt.Key.Key_Return), seen)
            qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
            assert dialog.isVisible() and dialog.note.toPlainText() == NOTE
            # Escape on the question: the same
            when_box(lambda box: qtbot.keyClick(focus_of(box), Qt.Key.Key_Escape), seen)
            qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
            assert dialog.isVisible() and dialog.note.toPlainText() == NOTE

            assert len(seen) == 2
            question = seen[0]
            assert question.title == "Wijzigingen weggooien?"
            assert sorted(b.replace("&", "") for b in question.buttons) == ["Verder bewerken", "Weggooien"]
            assert question.default.replace("&", "") == "Verder bewerken"
            assert question.escape.replace("&", "") == "Verder bewerken"
            assert question.focused.replace("&", "") == "Verder bewerken"

            # clicking "Weggooien" throws it away
            def discard(box: QMessageBox) -> None:
                button = next(b for b in box.buttons() if b.text().replace("&", "") == "Weggooien")
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

            when_box(discard)
            cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            assert cancel.text() == "Annuleren"
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
            assert not dialog.isVisible()
    finally:
        prompter_module.install(previous)
    assert session.repo.contacts.list(family.id) == []  # nothing was saved either


# ------------------------------------------------------------------ item 16: deletions
def _detail_with_contact(qtbot, session) -> tuple[FamiliesPage, int]:
    family = _family(session)
    session.repo.contacts.add(Contact(family_id=family.id, date=dt.date(2026, 3, 2), minutes=60, kind="home_visit",
                                      with_whom=["parents"], themes=[], note=NOTE))
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.open_family(int(family.id))
    detail = page.detail
    detail.tabs.setCurrentIndex(CONTACTS_TAB)
    table = detail.contacts_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert detail.delete_contact_button.isEnabled()
    return page, int(family.id)


@pytest.mark.parametrize("answer_key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_enter_or_escape_on_the_delete_question_deletes_nothing(qtbot, qapp, session, answer_key):
    previous = prompter_module.install(prompter_module.Prompter())
    seen: list[SeenBox] = []
    try:
        with dutch_catalogue(qapp):
            page, family_id = _detail_with_contact(qtbot, session)
            detail = page.detail
            when_box(lambda box: qtbot.keyClick(focus_of(box), answer_key), seen)
            # Alt+R ("Ve&rwijderen"), then Enter: the keys from the issue
            qtbot.keyClick(detail.contacts_table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
            # a mnemonic "animates" the click: it comes a moment later
            qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
            qtbot.wait(50)
    finally:
        prompter_module.install(previous)
    assert len(seen) == 1, "the delete button did not ask"
    box = seen[0]
    assert sorted(b.replace("&", "") for b in box.buttons) == ["Annuleren", "Verwijderen"]
    assert box.default.replace("&", "") == box.escape.replace("&", "") == "Annuleren"
    assert box.focused.replace("&", "") == "Annuleren"
    assert "Yes" not in " ".join(box.buttons) and "No" not in " ".join(box.buttons)
    assert [c.note for c in session.repo.contacts.list(family_id)] == [NOTE]


def test_choosing_verwijderen_deletes(qtbot, qapp, session):
    previous = prompter_module.install(prompter_module.Prompter())
    try:
        with dutch_catalogue(qapp):
            page, family_id = _detail_with_contact(qtbot, session)

            def delete(box: QMessageBox) -> None:
                button = next(b for b in box.buttons() if b.text().replace("&", "") == "Verwijderen")
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

            when_box(delete)
            qtbot.mouseClick(page.detail.delete_contact_button, Qt.MouseButton.LeftButton)
    finally:
        prompter_module.install(previous)
    assert session.repo.contacts.list(family_id) == []


def test_every_question_in_the_app_names_its_buttons_or_is_a_plain_yes_no_in_dutch(qtbot, qapp):
    """A plain question (no action named) shows Ja / Nee with Nee as default, never English."""
    seen: list[SeenBox] = []
    previous = prompter_module.install(prompter_module.Prompter())
    try:
        with dutch_catalogue(qapp):
            parent = QWidget()
            qtbot.addWidget(parent)
            when_box(lambda box: qtbot.keyClick(focus_of(box), Qt.Key.Key_Return), seen)
            answer = prompter_module.current().ask_yes_no(parent, "Vraag", "Doorgaan?")
    finally:
        prompter_module.install(previous)
    assert answer is False
    assert sorted(b.replace("&", "") for b in seen[0].buttons) == ["Ja", "Nee"]
    assert seen[0].default.replace("&", "") == "Nee"


def test_qt_own_dutch_catalogue_ships_and_loads(qapp):
    with dutch_catalogue(qapp) as loaded:
        assert "qtbase_nl.qm" in loaded
        box = QMessageBox(QMessageBox.Icon.Information, "t", "x", QMessageBox.StandardButton.Ok
                          | QMessageBox.StandardButton.Cancel)
        assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == "Annuleren"
        box.deleteLater()


def test_an_activity_delete_asks_with_named_buttons(qtbot, session, prompter):
    from brugdesk.ui.views.activities import ActivitiesPage

    page = ActivitiesPage(session)
    qtbot.addWidget(page)
    page.show()
    table = page.table
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    before = len(session.repo.activities.list())
    prompter.answers = [False]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert prompter.buttons == [("&Delete", "Cancel")]
    assert len(session.repo.activities.list()) == before


def test_the_first_run_wizard_asks_before_throwing_away_what_was_typed(qtbot, vault_dir, prompter):
    from brugdesk.ui.dialogs.first_run import FirstRunWizard
    from tests.conftest import TEST_N

    wizard = FirstRunWizard(vault_dir, scrypt_n=TEST_N)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.officer_page.name, "Fatima Bakker")
    prompter.answers = [False]
    qtbot.keyClick(wizard.officer_page.name, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.officer_page.name.text() == "Fatima Bakker"
    assert [title for title, _text in prompter.messages] == ["Discard changes?"]
    prompter.answers = [True]
    qtbot.keyClick(wizard.officer_page.name, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert not vault_dir.exists() or not any(vault_dir.iterdir())


def test_an_untouched_first_run_wizard_closes_at_once(qtbot, vault_dir, prompter):
    from brugdesk.ui.dialogs.first_run import FirstRunWizard

    wizard = FirstRunWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClick(wizard.officer_page.name, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and prompter.messages == []
