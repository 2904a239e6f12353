"""Instellingen › Rapportage en vergrendelen: after how many days a waiting referral is "te lang"
(issue 13; default 28). Changed with the keyboard, saved in the vault's settings, and followed at
once by Doorverwijzingen ("(te lang)", the filter's label) and Overzicht ("(wacht te lang)")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brugdesk.core.model import Family, FamilyStatus, Partner, Referral, ReferralStatus
from brugdesk.store.vault import Vault
from brugdesk.ui.models.referrals import ReferralListModel
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.referrals import ReferralsPage
from brugdesk.ui.views.settings.page import SettingsPage
from tests.ui.conftest import dutch_catalogue


@pytest.fixture
def dutch(qapp):
    with dutch_catalogue(qapp):
        yield


@pytest.fixture
def empty_session(vault: Vault) -> Iterator[Session]:
    s = Session()
    s.attach(vault)
    yield s
    if s.is_unlocked:
        s.lock()


def _days_text(page: ReferralsPage, referral_id: int) -> str:
    page.model.fetch_all()
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == referral_id)
    return str(page.model.index(row, ReferralListModel.DAYS).data())


def _overview_since(page: OverviewPage) -> list[str]:
    return [page.waiting.topLevelItem(i).text(0) for i in range(page.waiting.topLevelItemCount())]


def _type_days(qtbot, spin, days: int) -> None:
    """Select the spin box's number and type another, as a person does (Ctrl+A, then the digits)."""
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(days))


def test_the_days_until_a_referral_waits_too_long_are_set_with_keys(qtbot, empty_session, dutch) -> None:
    repo = empty_session.repo
    today = dt.date.today()  # taken when the test runs (the pages count from the day they are shown)
    assert repo.settings.referral_overdue_days == 28  # the default
    family = repo.families.create(Family("Fam. Wacht", today - dt.timedelta(days=90), status=FamilyStatus.ACTIVE))
    partner = repo.partners.add(Partner("Wijkteam Testburg", "wijkteam"))
    referral = repo.referrals.add(Referral(family.id or 0, partner.id or 0, today - dt.timedelta(days=20),
                                           status=ReferralStatus.REFERRED), today=today)
    referrals = ReferralsPage(empty_session)
    overview = OverviewPage(empty_session)
    settings = SettingsPage(empty_session)
    for widget in (referrals, overview, settings):
        qtbot.addWidget(widget)
    assert _days_text(referrals, referral.id) == "20 dagen"
    assert _overview_since(overview) == [(today - dt.timedelta(days=20)).strftime("%d-%m-%Y")]
    assert "(meer dan 28 dagen)" in referrals.overdue_filter.text()

    settings.resize(1100, 700)
    settings.show()
    settings.activateWindow()
    qtbot.waitUntil(settings.isActiveWindow)
    settings.tabs.setCurrentWidget(settings.general)
    tab = settings.general
    spin = tab.overdue_days
    assert spin.accessibleName() == "Dagen tot een doorverwijzing te lang wacht"
    assert spin.value() == 28 and spin.suffix() == " dagen"
    # Alt+L (the label's mnemonic) puts the focus in the spin box
    qtbot.keyClick(settings, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is spin
    _type_days(qtbot, spin, 14)
    qtbot.mouseClick(tab.general_save, Qt.MouseButton.LeftButton)
    assert tab.general_status.text() == "Opgeslagen."
    assert repo.settings.referral_overdue_days == 14

    # 20 days waiting is now too long: in words on Doorverwijzingen and on Overzicht
    assert _days_text(referrals, referral.id) == "20 dagen  (te lang)"
    assert "(meer dan 14 dagen)" in referrals.overdue_filter.text()
    assert _overview_since(overview)[0].endswith("(wacht te lang)")
    referrals.show()
    qtbot.mouseClick(referrals.overdue_filter, Qt.MouseButton.LeftButton)
    assert referrals.overdue_filter.isChecked()
    assert referral.id in [r.id for r in referrals.model.rows()]

    # one day more than it has waited: no longer too long
    _type_days(qtbot, spin, 21)
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # 20: it has waited exactly that long, which is not too long
    assert spin.value() == 20
    qtbot.mouseClick(tab.general_save, Qt.MouseButton.LeftButton)
    assert repo.settings.referral_overdue_days == 20
    assert referral.id not in [r.id for r in referrals.model.rows()]  # the overdue filter leaves it out
    qtbot.mouseClick(referrals.overdue_filter, Qt.MouseButton.LeftButton)
    assert _days_text(referrals, referral.id) == "20 dagen"
    assert "te lang" not in _overview_since(overview)[0]
