"""Every input of the case-work dialogs and pages can be found by a screen reader (an accessible
name) and reached with a mnemonic (a label with a buddy), and no two mnemonics of one window clash."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from brugdesk.core.model import MemberRole
from brugdesk.ui.dialogs.activity import ActivityDialog
from brugdesk.ui.dialogs.close_family import CloseFamilyDialog
from brugdesk.ui.dialogs.contact import ContactDialog
from brugdesk.ui.dialogs.family import FamilyDialog
from brugdesk.ui.dialogs.followup import FollowUpDialog
from brugdesk.ui.dialogs.member import MemberDialog
from brugdesk.ui.dialogs.referral import ReferralDialog
from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog
from brugdesk.ui.views.activities import ActivitiesPage
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.followups import FollowUpsPage
from tests.ui.conftest import dutch_catalogue


@pytest.fixture(params=["en", "nl"])
def language(request, qapp) -> Iterator[str]:
    """Run with the English source strings and with the Dutch catalogue (the mnemonics differ)."""
    if request.param == "nl":
        with dutch_catalogue(qapp) as loaded:
            assert "brugdesk.mo" in loaded
            yield "nl"
    else:
        yield "en"  # the English source strings: nothing to install


INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _dialogs(session):
    repo = session.repo
    family_id = repo.families.rows()[0].id
    referral = next(r for row in repo.families.rows() for r in repo.referrals.list(row.id))
    return [
        ContactDialog(session, None),
        FamilyDialog(session, None, family_id=family_id),
        MemberDialog(session, None, family_id=family_id, role=MemberRole.CHILD),
        ReferralDialog(session, None, family_id=family_id),
        ReferralStatusDialog(session, None, referral_id=referral.id),
        CloseFamilyDialog(session, None, family_id=family_id),
        ActivityDialog(session, None),
        FollowUpDialog(session, None, family_id=family_id),
    ]


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _visible_inputs(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, INPUTS) and not isinstance(w, QHeaderView) and w.isVisibleTo(window)
            and not isinstance(w.parentWidget(), QComboBox)
            and not isinstance(w.parentWidget(), QAbstractSpinBox)]


@pytest.mark.parametrize("index", range(8))
def test_every_dialog_input_has_an_accessible_name_and_a_labelled_buddy(qtbot, session, language, index):
    dialog = _dialogs(session)[index]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.text() in {"en": ("&Save", "&Change status", "C&lose family"),
                                         "nl": ("&Opslaan", "Status &wijzigen", "Gezin a&fsluiten")}[language]
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for w in _visible_inputs(dialog):
        assert w.accessibleName(), f"{type(dialog).__name__}: {type(w).__name__} has no accessible name"
        if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), QComboBox):
            continue
        assert w in buddies or w.parentWidget() in buddies or any(
            b is not None and b.focusProxy() is w for b in buddies), \
            f"{type(dialog).__name__}: {w.accessibleName()} has no label with a buddy"
    # mnemonics of labels and buttons in one dialog do not clash
    letters = [_mnemonic(w.text()) for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
               if w.isVisibleTo(dialog) and _mnemonic(w.text())]
    assert len(letters) == len(set(letters)), f"{type(dialog).__name__}: clashing mnemonics {sorted(letters)}"


def test_pages_name_their_tables_and_filters_and_keep_mnemonics_unique(qtbot, session, language):
    for page in (FamiliesPage(session), FollowUpsPage(session), ActivitiesPage(session)):
        qtbot.addWidget(page)
        page.show()
        for w in _visible_inputs(page):
            assert w.accessibleName(), f"{type(page).__name__}: {type(w).__name__} has no accessible name"
        texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                 if w.isVisibleTo(page)]
        texts += [bar.tabText(i) for bar in page.findChildren(QTabBar) if bar.isVisibleTo(page)
                  for i in range(bar.count())]
        letters = [m for m in map(_mnemonic, texts) if m]
        assert len(letters) == len(set(letters)), f"{type(page).__name__}: clashing mnemonics {sorted(letters)}"


def test_family_detail_tabs_and_buttons_have_distinct_mnemonics(qtbot, session, language):
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.show()
    page.open_family(session.repo.families.rows()[0].id)
    tabs: QTabWidget = page.detail.tabs
    tab_letters = [_mnemonic(tabs.tabText(i)) for i in range(tabs.count())]
    # every button above the tabs (back, edit, log a contact, close/reopen, parents' requests, …)
    header = [b for b in page.detail.findChildren(QAbstractButton)
              if not tabs.isAncestorOf(b) and b.isVisibleTo(page)]
    assert page.detail.requests_button in header
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        on_tab = [b for b in tabs.widget(i).findChildren(QAbstractButton) if b.isVisibleTo(page)]
        on_tab += [lab for lab in tabs.widget(i).findChildren(QLabel) if lab.buddy() is not None]
        letters = tab_letters + [_mnemonic(w.text()) for w in header + on_tab]
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), f"tab {i}: clashing mnemonics {sorted(letters)}"
