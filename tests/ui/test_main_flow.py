"""The officer's main flow, end to end on a real vault file, driven through the real widgets:
new family with two children → home visit with Ctrl+N → referral moved through its statuses
→ family closed with an outcome → Ctrl+L hides every name → unlock brings the family back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import FamilyStatus, MemberRole, ReferralStatus, School, SchoolType
from brugdesk.ui.dialogs.close_family import CloseFamilyDialog
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.dialogs.member import MemberDialog
from brugdesk.ui.dialogs.referral import ReferralDialog
from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.family_detail import FAMILY_TAB, REFERRALS_TAB
from tests.ui.test_lock import all_widget_text, unlock

# (a function-level mark: the UI conftest adds its own qt_log_ignore to every item)
popup_noise = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def _focus_key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def _type(qtbot, text: str) -> None:
    for ch in text:
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        qtbot.keyClicks(target, ch)


def _add_child(qtbot, detail, first: str, year: int, school_id: int, group: str) -> None:
    detail.add_child_button.click()
    dialog = detail.dialog
    assert isinstance(dialog, MemberDialog) and dialog.isVisible()
    assert dialog.role.currentData() == str(MemberRole.CHILD)
    qtbot.keyClicks(dialog.first_name, first)
    qtbot.keyClicks(dialog.last_name, "Verhoeven")
    dialog.birth_year.setValue(year)
    dialog.school.setCurrentIndex(dialog.school.findData(school_id))
    qtbot.keyClicks(dialog.group, group)
    dialog.save_button.click()
    assert not dialog.isVisible()


@popup_noise
def test_main_flow_on_a_real_vault(qtbot, vault):
    today = dt.date.today()
    school = vault.repo.schools.add(School("OBS De Wilgen", SchoolType.PO))  # as the first-run wizard does
    session = Session()
    session.attach(vault)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page_key("families")
    assert page is not None

    # ---- a new family (Ctrl+Shift+N)
    page.search.setFocus()
    _focus_key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.display_name, "Fam. Verhoeven")
    dialog.schools.set_checked([school.id])
    dialog.themes.set_checked(["parenting", "money"])
    # the intake: the first child right away (the family's school, its surname)
    qtbot.keyClicks(dialog.child_forms[0].first_name, "Daantje")
    qtbot.keyClicks(dialog.child_forms[0].group, "groep 5")
    dialog.save_button.click()
    assert not dialog.isVisible()
    detail = page.detail
    assert page.stack.currentWidget() is detail
    family_id = detail.family_id
    family = vault.repo.families.get(family_id)
    assert family.display_name == "Fam. Verhoeven" and family.school_ids == [school.id]
    assert family.status == FamilyStatus.REGISTERED

    # ---- a second child
    detail.tabs.setCurrentIndex(FAMILY_TAB)
    _add_child(qtbot, detail, "Fleurtje", today.year - 6, school.id, "groep 2")
    members = vault.repo.members.list(family_id)
    assert sorted((m.first_name, m.role, m.group) for m in members) == [
        ("Daantje", MemberRole.CHILD, "groep 5"), ("Fleurtje", MemberRole.CHILD, "groep 2")]
    assert detail.members_model.rowCount() == 2

    # ---- a home visit with Ctrl+N, from the keyboard
    window.activateWindow()
    detail.tabs.setFocus()
    _focus_key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    contact_dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is contact_dialog.family)
    # the family on screen is suggested (selected, so typing replaces it); here we type anyway
    assert contact_dialog.family.family_id == family_id
    assert contact_dialog.family.selectedText() == contact_dialog.family.text() != ""
    _type(qtbot, "verh")
    _focus_key(qtbot, Qt.Key.Key_Return)
    assert contact_dialog.family.family_id == family_id
    _type(qtbot, "Kennismaking thuis")
    _focus_key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not contact_dialog.isVisible())
    contacts = vault.repo.contacts.list(family_id)
    assert [(c.kind, c.date, c.minutes, c.note) for c in contacts] == [("home_visit", today, 60, "Kennismaking thuis")]
    assert sorted(contacts[0].themes) == ["money", "parenting"]  # the family's themes by default
    assert vault.repo.families.get(family_id).status == FamilyStatus.ACTIVE  # first contact activates
    assert detail.contacts_model.rowCount() == 1  # the detail refreshed itself

    # ---- a referral, moved proposed → referred → accepted → completed
    detail.tabs.setCurrentIndex(REFERRALS_TAB)
    detail.add_referral_button.click()
    referral_dialog = detail.dialog
    assert isinstance(referral_dialog, ReferralDialog)
    referral_dialog.partner.setFocus()
    qtbot.keyClicks(referral_dialog.partner.lineEdit(), "Wijkteam Noord")
    referral_dialog.partner_type.setCurrentIndex(referral_dialog.partner_type.findData("wijkteam"))
    referral_dialog.consent_date.check.setChecked(True)
    qtbot.keyClicks(referral_dialog.consent_by, "moeder")
    referral_dialog.warm_handover.setChecked(True)
    referral_dialog.save_button.click()
    assert not referral_dialog.isVisible()
    assert detail.referrals_model.rowCount() == 1
    assert not detail.referral_warning.isVisible()  # consent was recorded

    for status in (ReferralStatus.REFERRED, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        detail.referrals_table.setFocus()
        qtbot.keyClick(detail.referrals_table, Qt.Key.Key_Return)  # Enter: change status
        status_dialog = detail.dialog
        assert isinstance(status_dialog, ReferralStatusDialog) and status_dialog.isVisible()
        allowed = [status_dialog.status.itemData(i) for i in range(status_dialog.status.count())]
        assert str(status) in allowed
        status_dialog.status.setCurrentIndex(status_dialog.status.findData(str(status)))
        status_dialog.save_button.click()
        assert not status_dialog.isVisible()
    referral = vault.repo.referrals.list(family_id)[0]
    assert [(h.status, h.date) for h in referral.history] == [
        (ReferralStatus.PROPOSED, today), (ReferralStatus.REFERRED, today),
        (ReferralStatus.ACCEPTED, today), (ReferralStatus.COMPLETED, today)]
    assert detail.history.count() == 4
    assert detail.history.item(0).text().startswith(today.strftime("%d-%m-%Y"))
    detail.change_referral_status()
    assert detail.dialog.status.count() == 0 and not detail.dialog.save_button.isEnabled()
    detail.dialog.reject()

    # ---- close the family with an outcome
    detail.close_button.click()
    close_dialog = detail.dialog
    assert isinstance(close_dialog, CloseFamilyDialog)
    close_dialog.save_button.click()  # no outcome chosen yet
    assert close_dialog.isVisible() and close_dialog.errors.message("closure_outcome")
    close_dialog.outcome.setCurrentIndex(close_dialog.outcome.findData("resolved"))
    close_dialog.save_button.click()
    assert not close_dialog.isVisible()
    family = vault.repo.families.get(family_id)
    assert (family.status, family.closed_date, family.closure_outcome) == (FamilyStatus.CLOSED, today, "resolved")
    assert detail.reopen_button.isVisibleTo(detail) and not detail.close_button.isVisibleTo(detail)

    # ---- Ctrl+L: nothing personal left in any widget; unlock brings the family back
    names = ["Verhoeven", "Daantje", "Fleurtje", "Kennismaking thuis", "Wijkteam Noord", family.ref]
    assert all(n in all_widget_text() for n in names[:3])  # the check can see them while unlocked
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _focus_key(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_unlocked
    text = all_widget_text()
    assert [n for n in names if n in text] == []

    unlock(qtbot, window)
    page = window.page("families")
    assert page is not None
    assert page.stack.currentWidget() is page.detail and page.detail.family_id == family_id
    assert "Fam. Verhoeven" in page.detail.title.text()
    window.lock()
