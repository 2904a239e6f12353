"""Start-up pieces of the app: Dutch translators, the crash text without personal data."""

from __future__ import annotations

import logging
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
    assert "brugdesk.mo" in dutch and "qtbase_nl.qm" in dutch
    view = UnlockView(vault_dir, auto_keyring=False)
    qtbot.addWidget(view)
    assert view.title.text() == "brugdesk is vergrendeld"
    assert view.unlock_button.text() == "&Ontgrendelen"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"  # Qt's own catalogue
    assert QLocale().language() == QLocale.Language.Dutch


def test_english_can_be_chosen(qtbot, qapp, vault_dir):
    try:
        loaded = app_module.install_translators(qapp, "en")
        assert loaded == []  # English is the source language: no catalogue
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


@pytest.mark.qt_log_ignore("QWidget::setTabOrder", "QLayout", "Jansen")
def test_qt_warnings_reach_the_log_without_their_text(qtbot, qtlog, caplog):
    from PySide6.QtCore import qWarning
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    app_module.install_qt_message_handler()
    app_module.install_qt_message_handler()  # twice (a second run in one process): each message logged once
    caplog.set_level(logging.DEBUG, logger="brugdesk.qt")
    widget, other = QWidget(), QWidget()
    for w in (widget, other):
        qtbot.addWidget(w)
    widget.setObjectName("Fam. Jansen")  # Qt names the widget in its warning
    QVBoxLayout(widget).addWidget(widget)  # real Qt warnings: a widget into its own layout, ...
    QWidget.setTabOrder(QLineEdit(widget), QLineEdit(other))  # ... a tab order across two windows
    qWarning("Fam. Jansen, Dorpsstraat 12")  # a message that is nothing but personal data
    logged = [r for r in caplog.records if r.name == "brugdesk.qt"]
    assert [r.levelno for r in logged] == [logging.WARNING] * 3
    assert [r.getMessage() for r in logged] == ["Qt [default] QLayout (text withheld)",
                                                "Qt [default] QWidget::setTabOrder (text withheld)",
                                                "Qt [default] message (text withheld)"]
    assert "Jansen" in qtlog.records[0].message  # Qt's own text names the widget ...
    assert not [r for r in caplog.records if "Jansen" in r.getMessage() or "Dorpsstraat" in r.getMessage()]  # ours not
    # the handler passes every message on: pytest-qt still sees it (any Qt warning fails a test)
    assert len(qtlog.records) == 3


def test_qt_message_text_keeps_only_the_category_and_qt_function():
    assert app_module.qt_message_text("qt.qpa.fonts", "QFont::setPointSizeF: Point size <= 0 (-1.000000)") == \
        "Qt [qt.qpa.fonts] QFont::setPointSizeF (text withheld)"
    assert app_module.qt_message_text("", "Jansen::Pietersen: bellen") == "Qt [default] message (text withheld)"
    assert app_module.qt_message_text("", "Quinten: bellen") == "Qt [default] message (text withheld)"
