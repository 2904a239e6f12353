"""Overzicht: what is due today, what waits for an answer, this term's numbers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from brugdesk.core.model import Contact, Family, FollowUp, Partner, Referral, ReferralStatus, School
from brugdesk.store.vault import Vault
from brugdesk.ui.main_window import MainWindow
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import FAMILY_ID_ROLE, OverviewPage

TODAY = dt.date(2026, 3, 15)  # term 2 of 2025-2026 runs 1 January – 31 March


def tree_rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def fill(vault: Vault) -> tuple[int, int]:
    repo = vault.repo
    school = repo.schools.add(School("OBS De Wilgen"))
    old = repo.families.create(Family("Familie Yilmaz", dt.date(2025, 9, 1), school_ids=[school.id]), today=TODAY)
    new = repo.families.create(Family("Familie De Vries", dt.date(2026, 2, 2), school_ids=[school.id]), today=TODAY)
    repo.followups.add(FollowUp(old.id, "Bellen over de aanvraag", TODAY - dt.timedelta(days=3)))
    repo.followups.add(FollowUp(new.id, "Formulier ophalen", TODAY))
    repo.followups.add(FollowUp(new.id, "Volgende week langs", TODAY + dt.timedelta(days=7)))
    done = repo.followups.add(FollowUp(old.id, "Al gedaan", TODAY - dt.timedelta(days=5)))
    repo.followups.set_done(done.id, TODAY - dt.timedelta(days=1))
    repo.contacts.add(Contact(old.id, dt.date(2026, 1, 10), 90, "home_visit"), today=TODAY)
    repo.contacts.add(Contact(new.id, dt.date(2026, 2, 20), 30, "phone"), today=TODAY)
    repo.contacts.add(Contact(old.id, dt.date(2025, 12, 1), 60, "home_visit"), today=TODAY)  # last term
    partner = repo.partners.add(Partner("Schuldhulp Oost", "debt"))
    referral = repo.referrals.add(Referral(new.id, partner.id, dt.date(2026, 2, 25)), today=TODAY)
    repo.referrals.change_status(referral.id, ReferralStatus.REFERRED, dt.date(2026, 3, 1), today=TODAY)
    return old.id, new.id


def test_overview_lists_due_and_overdue_follow_ups_waiting_referrals_and_term_numbers(qtbot, vault: Vault):
    old_id, new_id = fill(vault)
    session = Session()
    session.attach(vault)
    page = OverviewPage(session, today=TODAY)
    qtbot.addWidget(page)

    due = tree_rows(page.due)
    assert [row[2] for row in due] == ["Bellen over de aanvraag", "Formulier ophalen"]
    assert due[0][0].startswith("12-03-2026") and "3" in due[0][0]  # overdue, and by how much
    assert due[1][0] == "15-03-2026"
    assert page.due.topLevelItem(0).data(0, FAMILY_ID_ROLE) == old_id

    waiting = tree_rows(page.waiting)
    assert len(waiting) == 1
    assert waiting[0][0] == "01-03-2026" and "Familie De Vries" in waiting[0][1]
    assert waiting[0][2] == "Schuldhulp Oost"

    numbers = {key: label.text() for key, label in page.numbers.items()}
    assert numbers == {"active": "2", "new": "1", "contacts": "2", "hours": "2,0", "home_visits": "1"}
    # the term named as the report names it ("periode 2"; English: "term 2")
    assert page.term_label.text().endswith(": schooljaar 2025-2026, periode 2 (01-01-2026 – 31-03-2026)")

    # a change elsewhere in the app shows at once
    first = vault.repo.followups.due(TODAY)[0].followup
    vault.repo.followups.set_done(first.id, TODAY)
    assert [row[2] for row in tree_rows(page.due)] == ["Formulier ophalen"]
    session.lock()


def test_activating_a_line_opens_the_family(qtbot, vault: Vault):
    _old_id, new_id = fill(vault)
    session = Session()
    session.attach(vault)
    window = MainWindow(session, auto_keyring=False)
    qtbot.addWidget(window)
    page = window.show_page_key("overview")
    assert isinstance(page, OverviewPage)
    page._today = TODAY
    page.refresh()
    item = page.waiting.topLevelItem(0)
    page.waiting.setCurrentItem(item)
    page.waiting.setFocus()
    qtbot.keyClick(page.waiting, Qt.Key.Key_Return)
    assert window.current_page_key == "families"
    families = window._pages["families"]
    assert families.stack.currentWidget() is families.detail and families.detail.family_id == new_id
    session.lock()


def test_the_terms_numbers_are_one_tab_stop_that_reads_them_out_with_a_visible_focus(qtbot, vault: Vault):
    """Orca 43 does not reach labels that are no Tab stop: Tab after the lists comes to the
    numbers panel, named after the term, the five numbers as its description; its frame shows
    the focus with 3:1 against what was there."""
    from tests.ui.test_high_contrast import image_of, ring_share

    fill(vault)
    session = Session()
    session.attach(vault)
    page = OverviewPage(session, today=TODAY)
    qtbot.addWidget(page)
    page.resize(900, 1200)
    page.show()
    qtbot.waitExposed(page)
    panel = page.numbers_panel
    page.waiting.setFocus(Qt.FocusReason.TabFocusReason)
    before = image_of(panel)
    for _ in range(3):  # (the "… more" link after the list is hidden here: nothing more waits)
        qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Tab)
        if panel.hasFocus():
            break
    assert panel.hasFocus(), f"Tab after the waiting referrals went to {page.focusWidget()!r}"
    assert panel.accessibleName() == page.term_label.text()
    assert panel.accessibleDescription() == (
        "families active: 2. new families: 1. contacts: 2. hours of contact: 2,0. home visits: 1.")
    assert ring_share(before, image_of(panel)) >= 0.9
    session.lock()
