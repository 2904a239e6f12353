"""Start-up pieces of the app: Dutch translators, the crash text without personal data."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from brugdesk import i18n
from brugdesk.ui import app as app_module
from brugdesk.ui.views.unlock import UnlockView
from tests.ui.conftest import dutch_catalogue


@pytest.fixture
def dutch(qapp) -> Iterator[list[str]]:
    with dutch_catalogue(qapp) as loaded:
        yield loaded


def test_dutch_is_loaded_for_our_strings_and_for_qt_itself(qtbot, dutch, vault_dir):
    assert "brugdesk_nl.qm" in dutch and "qtbase_nl.qm" in dutch
    view = UnlockView(vault_dir, auto_keyring=False)
    qtbot.addWidget(view)
    assert view.title.text() == "brugdesk is vergrendeld"
    assert view.unlock_button.text() == "&Ontgrendelen"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"  # Qt's own catalogue
    assert QLocale().language() == QLocale.Language.Dutch


def test_english_can_be_chosen(qtbot, qapp, vault_dir):
    try:
        loaded = app_module.install_translators(qapp, "en")
        assert loaded == ["brugdesk_en.qm"]
        view = UnlockView(vault_dir, auto_keyring=False)
        qtbot.addWidget(view)
        assert view.title.text() == "brugdesk is locked"
        assert i18n.language() == "en"
    finally:
        for translator in app_module._translators:
            qapp.removeTranslator(translator)
        app_module._translators.clear()
        QLocale.setDefault(QLocale.c())


def test_the_crash_text_has_the_type_and_code_locations_but_no_message_or_values():
    def save_note(note: str) -> None:
        secret_local = "Familie Jansen, Dorpsstraat 12"  # noqa: F841 - must not appear in the crash text
        raise ValueError(f"cannot store note: {note}")

    try:
        try:
            save_note("Moeder van Sanne heeft schulden")
        except ValueError as inner:
            raise RuntimeError("while saving Sanne's contact") from inner
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None
    text = app_module.crash_text(exc_type, exc, tb)
    assert "RuntimeError" in text and "caused by ValueError" in text
    assert "test_app.py:" in text and "save_note" in text
    for secret in ("Jansen", "Sanne", "schulden", "Dorpsstraat"):
        assert secret not in text
    assert "/home/" not in text and "/root/" not in text
