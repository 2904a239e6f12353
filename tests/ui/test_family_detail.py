"""Family detail: members, timeline, referrals (allowed next statuses, consent warning),
follow-ups, closing and reopening — through the real widgets on the demo vault."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from brugdesk.core.model import (
    REFERRAL_TRANSITIONS,
    Consent,
    Contact,
    Family,
    FamilyStatus,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
)
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.family_detail import CONTACTS_TAB, FAMILY_TAB, FOLLOWUPS_TAB, REFERRALS_TAB


def _open(qtbot, session, family_id: int) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.open_family(family_id)
    return page


def _new_family(session, name: str = "Fam. Teststra") -> Family:
    repo = session.repo
    family = repo.families.create(Family(name, dt.date(2026, 1, 12), status=FamilyStatus.ACTIVE))
    repo.members.add(Member(MemberRole.PARENT, "Ineke", "Teststra", family_id=family.id))
    return family


def test_follow_up_mark_done_and_reopen(qtbot, session):
    family = _new_family(session)
    due = dt.date.today() - dt.timedelta(days=2)
    followup = session.repo.followups.add(FollowUp(family.id, "Leergeld-formulier ophalen", due))
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    assert detail.followups_model.rowCount() == 1
    # overdue: said in words beside the date, not only in red
    assert detail.followups_model.index(0, 0).data() == due.strftime("%d-%m-%Y") + "  (overdue)"
    detail.done_button.click()
    assert session.repo.followups.list(family.id)[0].done_date == dt.date.today()
    assert detail.followups_model.index(0, detail.followups_model.DONE).data() == dt.date.today().strftime("%d-%m-%Y")
    assert detail.done_button.text().replace("&", "") in ("Mark as not done", "Markeer als open")
    detail.done_button.click()
    assert session.repo.followups.list(family.id)[0].done_date is None
    # the family list shows the next follow-up again
    src = page.model.find_row(family.id)
    assert page.model.row_at(src).next_followup == due
    assert followup.id is not None


def test_close_then_reopen_a_family(qtbot, session, prompter):
    family = _new_family(session)
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.close_button.click()
    dialog = detail.dialog
    dialog.closed_date.setDate(dialog.closed_date.date().addDays(-1))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("moved"))
    dialog.save_button.click()
    closed = session.repo.families.get(family.id)
    assert (closed.status, closed.closure_outcome) == (FamilyStatus.CLOSED, "moved")
    assert "Verhuisd" in detail.facts.values["closed"].text()
    assert not detail.contact_button.isEnabled()  # no new contacts for a closed family

    prompter.answers = [False]
    detail.reopen_button.click()
    assert session.repo.families.get(family.id).status == FamilyStatus.CLOSED  # the officer said no
    prompter.answers = [True]
    detail.reopen_button.click()
    reopened = session.repo.families.get(family.id)
    assert (reopened.status, reopened.closed_date, reopened.closure_outcome) == (FamilyStatus.ACTIVE, None, "")
    assert detail.close_button.isVisibleTo(detail) and not detail.reopen_button.isVisibleTo(detail)
    assert "Actief" in detail.subtitle.text() or "Active" in detail.subtitle.text()


def test_closing_before_the_start_shows_the_message(qtbot, session):
    family = _new_family(session)
    page = _open(qtbot, session, family.id)
    page.detail.close_button.click()
    dialog = page.detail.dialog
    dialog.closed_date.setDate(dialog.closed_date.date().fromString("01-01-2025", "dd-MM-yyyy"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("resolved"))
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("closed_date") == "De datum van afsluiten kan niet vóór de startdatum liggen."
    assert dialog.outcome.currentData() == "resolved"
    assert session.repo.families.get(family.id).status == FamilyStatus.ACTIVE


def test_referral_offers_only_the_allowed_next_statuses_and_warns_without_consent(qtbot, session):
    repo = session.repo
    family = _new_family(session)
    partner = repo.partners.add(Partner("Schuldhulp Oost", "debt_help"))
    repo.referrals.add(Referral(family.id, partner.id or 0, dt.date.today() - dt.timedelta(days=10)))
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.tabs.setCurrentIndex(REFERRALS_TAB)
    assert detail.referral_warning.isVisibleTo(detail)
    assert "Schuldhulp Oost" in detail.referral_warning.text()
    assert "⚠" in detail.referrals_model.index(0, detail.referrals_model.CONSENT).data()

    detail.status_button.click()
    dialog = detail.dialog
    offered = {dialog.status.itemData(i) for i in range(dialog.status.count())}
    assert offered == {str(s) for s in REFERRAL_TRANSITIONS[ReferralStatus.PROPOSED]}
    dialog.status.setCurrentIndex(dialog.status.findData(str(ReferralStatus.REFERRED)))
    dialog.status_date.setDate(dialog.status_date.date().addDays(-20))  # before the referral itself
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message("status_date")
    dialog.status_date.setDate(dialog.status_date.date().addDays(15))
    dialog.save_button.click()
    assert not dialog.isVisible()
    history = repo.referrals.list(family.id)[0].history
    assert [h.status for h in history] == [ReferralStatus.PROPOSED, ReferralStatus.REFERRED]
    assert history[1].date == dt.date.today() - dt.timedelta(days=5)
    assert detail.history.item(0).text().endswith("Doorverwezen") or "Referred" in detail.history.item(0).text()

    # recording the consent removes the warning
    detail.edit_referral_button.click()
    edit = detail.dialog
    edit.consent_date.check.setChecked(True)
    qtbot.keyClicks(edit.consent_by, "vader")
    edit.save_button.click()
    assert not edit.isVisible()
    assert repo.referrals.list(family.id)[0].sharing_consent == Consent(dt.date.today(), "vader")
    assert not detail.referral_warning.isVisibleTo(detail)


def test_members_edit_and_remove(qtbot, session, prompter):
    family = _new_family(session)
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.tabs.setCurrentIndex(FAMILY_TAB)
    detail.add_child_button.click()
    dialog = detail.dialog
    dialog.save_button.click()  # no first name
    assert dialog.errors.message("first_name") == "Vul een voornaam in."
    qtbot.keyClicks(dialog.first_name, "Bo")
    dialog.save_button.click()
    assert [m.first_name for m in session.repo.members.list(family.id)] == ["Ineke", "Bo"]
    detail.members_table.select_where(lambda m: m.first_name == "Bo")
    detail.edit_member_button.click()
    edit = detail.dialog
    assert edit.first_name.text() == "Bo" and edit.role.currentData() == "child"
    edit.first_name.setText("Boaz")
    edit.save_button.click()
    assert "Boaz" in [m.first_name for m in session.repo.members.list(family.id)]
    # the search text follows the member's new name
    page.show_list()
    page.search.setText("boaz")
    page.apply_search()  # what the search timer (or Enter) does
    assert page.model.rowCount() == 1 and page.model.total() == 1
    page.open_family(family.id)
    detail.tabs.setCurrentIndex(FAMILY_TAB)
    detail.members_table.select_where(lambda m: m.first_name == "Boaz")
    prompter.answers = [True]
    detail.remove_member_button.click()
    assert [m.first_name for m in session.repo.members.list(family.id)] == ["Ineke"]
    assert prompter.messages and "Boaz" in prompter.messages[-1][1]


def test_timeline_is_newest_first_and_delete_asks_first(qtbot, session, prompter):
    repo = session.repo
    family = _new_family(session)
    for days, note in ((30, "oud gesprek"), (3, "nieuw gesprek"), (10, "middel gesprek")):
        repo.contacts.add(Contact(family.id, dt.date.today() - dt.timedelta(days=days), 30, "phone", note=note))
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.tabs.setCurrentIndex(CONTACTS_TAB)
    model = detail.contacts_model
    assert [model.index(r, model.NOTE).data() for r in range(3)] == ["nieuw gesprek", "middel gesprek", "oud gesprek"]
    assert detail.note_view.toPlainText() == "nieuw gesprek"
    prompter.answers = [False]
    detail.contacts_table.setFocus()
    detail.delete_contact_button.click()
    assert len(repo.contacts.list(family.id)) == 3
    prompter.answers = [True]
    detail.delete_contact_button.click()
    assert [c.note for c in repo.contacts.list(family.id)] == ["middel gesprek", "oud gesprek"]
    assert model.rowCount() == 2


def test_editing_the_family_keeps_input_on_a_bad_email(qtbot, session):
    family = _new_family(session)
    page = _open(qtbot, session, family.id)
    detail = page.detail
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(detail.tabs, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E: edit details
    dialog = detail.dialog
    dialog.email.setText("geen-adres")
    dialog.home_language.setText("Tigrinya")
    dialog.save_button.click()
    assert dialog.errors.message("email") == "Dit is geen e-mailadres."
    assert dialog.home_language.text() == "Tigrinya"
    dialog.email.setText("ouder@example.org")
    dialog.save_button.click()
    stored = session.repo.families.get(family.id)
    assert (stored.email, stored.home_language) == ("ouder@example.org", "Tigrinya")
    assert detail.facts.values["home_language"].text() == "Tigrinya"


def test_add_edit_and_delete_a_follow_up_by_hand(qtbot, session, prompter):
    family = _new_family(session)
    page = _open(qtbot, session, family.id)
    detail = page.detail
    detail.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    detail.add_followup_button.click()
    dialog = detail.dialog
    dialog.save_button.click()  # no text
    assert dialog.isVisible() and dialog.errors.message("text") == "Beschrijf de actie."
    qtbot.keyClicks(dialog.text, "Wijkteam bellen")
    dialog.save_button.click()
    assert not dialog.isVisible()
    [stored] = session.repo.followups.list(family.id)
    assert (stored.text, stored.due_date) == ("Wijkteam bellen", dt.date.today() + dt.timedelta(days=7))
    # the family list shows it as the next follow-up
    assert page.model.row_at(page.model.find_row(family.id)).next_followup == stored.due_date

    detail.edit_followup_button.click()
    edit = detail.dialog
    assert edit.text.text() == "Wijkteam bellen"
    edit.due_date.setDate(edit.due_date.date().addDays(3))
    edit.save_button.click()
    assert session.repo.followups.list(family.id)[0].due_date == dt.date.today() + dt.timedelta(days=10)

    prompter.answers = [True]
    detail.delete_followup_button.click()
    assert session.repo.followups.list(family.id) == []
    assert detail.followups_model.rowCount() == 0



@pytest.fixture
def dutch_desktop(qapp):
    """Dutch, in the screenshots' font (DejaVu Sans 10, common on Linux desktops): the old form
    cut the registration consent off like that (in English, or in the offscreen platform's
    default font, its captions are narrower and it did not)."""
    from PySide6.QtGui import QFont, QFontDatabase

    from brugdesk.resources import FONT_REGULAR, resource
    from tests.ui.conftest import dutch_catalogue

    QFontDatabase.addApplicationFont(str(resource(*FONT_REGULAR)))
    before = QFont(qapp.font())
    qapp.setFont(QFont("DejaVu Sans", 10))
    try:
        with dutch_catalogue(qapp) as loaded:
            assert "brugdesk.mo" in loaded
            yield
    finally:
        qapp.setFont(before)


def test_long_details_wrap_and_are_shown_in_full(qtbot, session, dutch_desktop):
    """The consent, an address or a list of themes wrap in the narrow column; nothing is cut off
    (the QFormLayout it was gave the wrapped registration consent too few lines in the window)."""
    from brugdesk.ui.main_window import MainWindow

    scope = "Contact met school, wijkteam, jeugdgezondheidszorg en netwerkpartners"
    family = _new_family(session)
    family.consent = Consent(dt.date(2026, 1, 12), "Ineke Teststra", scope)
    family.address = "Burgemeester van Roosmalen-Hoogendijkstraat 1234 bis, 5211 AB 's-Hertogenbosch"
    session.repo.families.update(family)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    window.show()
    window.open_family(family.id)
    detail = window._pages["families"].detail
    detail.tabs.setCurrentIndex(FAMILY_TAB)
    consent = detail.facts.values["consent"]
    assert scope in consent.text() and "Ineke Teststra" in consent.text()
    split = detail.tabs.widget(FAMILY_TAB)
    assert isinstance(split, QSplitter)
    # the old form cut lines off when the column was narrow (900 × 600 is the window's minimum,
    # where the column scrolls); try the column from its narrowest to half the width
    for size in ((1280, 800), (900, 600)):
        window.resize(*size)
        qtbot.waitUntil(consent.isVisible)
        total = sum(split.sizes())
        narrowest = max(split.widget(0).minimumSizeHint().width(), split.widget(0).minimumWidth())
        for left in (narrowest, total // 4, total // 3, total // 2):
            split.setSizes([left, total - left])
            qtbot.wait(20)  # let the layouts settle
            for key, label in detail.facts.values.items():
                assert label.wordWrap()
                # as tall as its wrapped text needs at its width: no line is cut off
                assert label.height() >= label.heightForWidth(label.width()), (size, left, key)
        assert consent.heightForWidth(consent.width()) > consent.fontMetrics().height()  # it does wrap


def test_every_tab_edits_with_enter_and_deletes_with_the_delete_key_after_asking(qtbot, session, prompter):
    from PySide6.QtWidgets import QApplication

    from brugdesk.ui.dialogs.contact import ContactDialog
    from brugdesk.ui.dialogs.member import MemberDialog
    from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog

    repo = session.repo
    family = _new_family(session)
    day = dt.date.today() - dt.timedelta(days=3)
    repo.contacts.add(Contact(family.id, day, 30, "home_visit", note="Keukentafelgesprek"))
    partner = repo.partners.add(Partner("Wijkteam Zuid", "wijkteam"))
    repo.referrals.add(Referral(family.id, partner.id or 0, day))
    repo.followups.add(FollowUp(family.id, "Terugbellen", day + dt.timedelta(days=7)))
    page = _open(qtbot, session, family.id)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    detail = page.detail

    def key(table, k) -> None:
        table.setFocus()
        table.select_first()
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, k)

    # Enter: edit (members, contacts), the next status (referrals), done / not done (follow-ups)
    for tab, table, opened in ((FAMILY_TAB, detail.members_table, MemberDialog),
                               (CONTACTS_TAB, detail.contacts_table, ContactDialog),
                               (REFERRALS_TAB, detail.referrals_table, ReferralStatusDialog)):
        detail.tabs.setCurrentIndex(tab)
        key(table, Qt.Key.Key_Return)
        assert isinstance(detail.dialog, opened)
        detail.dialog.reject()
    detail.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    key(detail.followups_table, Qt.Key.Key_Return)
    assert repo.followups.list(family.id)[0].done_date == dt.date.today()

    # Delete: asks first; "no" keeps the row, "yes" deletes it
    for tab, table, left in ((FAMILY_TAB, detail.members_table, lambda: repo.members.list(family.id)),
                             (CONTACTS_TAB, detail.contacts_table, lambda: repo.contacts.list(family.id)),
                             (REFERRALS_TAB, detail.referrals_table, lambda: repo.referrals.list(family.id)),
                             (FOLLOWUPS_TAB, detail.followups_table, lambda: repo.followups.list(family.id))):
        detail.tabs.setCurrentIndex(tab)
        asked = len(prompter.messages)
        prompter.answers = [False]
        key(table, Qt.Key.Key_Delete)
        assert len(prompter.messages) == asked + 1 and len(left()) == 1
        prompter.answers = [True]
        key(table, Qt.Key.Key_Delete)
        assert left() == [] and table.model().rowCount() == 0
