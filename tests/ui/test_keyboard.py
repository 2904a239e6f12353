"""Keyboard use of the desk's own screens in Dutch: every label with a mnemonic has a buddy,
inputs have accessible names, and no two visible mnemonics in one screen clash."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from brugdesk.ui.dialogs.first_run import FirstRunWizard
from brugdesk.ui.session import Session
from brugdesk.ui.views.overview import OverviewPage
from brugdesk.ui.views.settings.page import SettingsPage
from brugdesk.ui.views.unlock import UnlockView
from tests.conftest import TEST_N
from tests.ui.conftest import dutch_catalogue

MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def dutch(qapp) -> Iterator[None]:
    with dutch_catalogue(qapp):
        yield


def shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top)


def check_screen(top: QWidget) -> None:
    keys: list[str] = []
    for w in top.findChildren(QWidget):
        if not shown(w, top):
            continue
        text = ""
        if isinstance(w, QLabel):
            text = w.text()
            if MNEMONIC.search(text):
                assert w.buddy() is not None, f"label {text!r} has a mnemonic but no buddy"
        elif isinstance(w, QAbstractButton):
            text = w.text()
        inner = isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)  # their own line edit
        if isinstance(w, QLineEdit | QComboBox | QAbstractSpinBox) and w.isEnabled() and not inner:
            assert w.accessibleName() or any(
                isinstance(lbl, QLabel) and lbl.buddy() is w for lbl in top.findChildren(QLabel)
            ), f"input {w.objectName() or type(w).__name__} has no accessible name or label"
        match = MNEMONIC.search(text)
        if match:
            keys.append(match.group(1).lower())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                tab = MNEMONIC.search(w.tabText(i))
                if tab:
                    keys.append(tab.group(1).lower())
    clashes = {k: n for k, n in Counter(keys).items() if n > 1}
    assert clashes == {}, f"mnemonic letters used twice in {type(top).__name__}: {clashes}"


def test_unlock_screen(qtbot, dutch, vault_dir):
    view = UnlockView(vault_dir, auto_keyring=False)
    qtbot.addWidget(view)
    view.show()
    check_screen(view)
    view.use_recovery.setChecked(True)
    check_screen(view)


def test_first_run_wizard_pages(qtbot, dutch, vault_dir):
    wizard = FirstRunWizard(vault_dir, scrypt_n=TEST_N)
    qtbot.addWidget(wizard)
    wizard.show()
    for page in (wizard.officer_page, wizard.schools_page, wizard.terms_page, wizard.passphrase_page):
        assert wizard.currentPage() is page
        check_screen(wizard)
        if page is wizard.officer_page:
            page.name.setText("Fatima Bakker")
        if page is wizard.schools_page:
            page.name.setText("OBS De Wilgen")
        if page is not wizard.passphrase_page:
            wizard.next()


def test_overview_and_every_settings_tab(qtbot, dutch, session: Session):
    overview = OverviewPage(session)
    qtbot.addWidget(overview)
    overview.show()
    check_screen(overview)
    settings = SettingsPage(session)
    qtbot.addWidget(settings)
    settings.show()
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        check_screen(settings)  # the tabs carry no mnemonics, so the privacy tab is checked too
