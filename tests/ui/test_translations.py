"""The UI reads the one gettext catalogue: Dutch by default, English once chosen, Qt's own dialogs Dutch too.

The catalogue's completeness and freshness are checked in tests/unit/test_i18n.py; here the real
widgets show what an officer sees.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from brugdesk import i18n
from brugdesk.ui import app as app_module
from brugdesk.ui import prefs
from brugdesk.ui.session import Session
from brugdesk.ui.translator import CatalogueTranslator
from brugdesk.ui.views.families import FamiliesPage
from brugdesk.ui.views.settings.page import SettingsPage


def _start(qapp) -> list[str]:
    """What the app does at start-up (brugdesk.ui.app.run): the catalogues of the chosen language."""
    return app_module.install_translators(qapp, prefs.language())


def _stop(qapp) -> None:
    for translator in app_module._translators:
        qapp.removeTranslator(translator)
    app_module._translators.clear()
    QLocale.setDefault(QLocale.c())
    i18n.set_language("nl")


def _families(qtbot, session: Session) -> FamiliesPage:
    page = FamiliesPage(session)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_ui_is_dutch_by_default_and_english_after_choosing_it_in_the_settings(qtbot, qapp, session: Session):
    total = session.repo.families.count_rows(open_only=True)  # closed families are hidden by default
    closed = session.repo.families.count() - total
    try:
        assert prefs.language() == "nl"
        assert _start(qapp) == ["brugdesk.mo", "qtbase_nl.qm"]
        page = _families(qtbot, session)
        # the placeholders filled in the Dutch, the plurals chosen
        assert page.count_label.text() == f"{total} gezinnen ({closed} afgesloten gezinnen verborgen)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"  # Qt's own catalogue

        settings = SettingsPage(session)
        qtbot.addWidget(settings)
        settings.show()
        settings.tabs.setCurrentWidget(settings.computer)
        combo = settings.computer.language
        assert combo.currentText() == "Nederlands"
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # the officer picks English with the keyboard
        assert combo.currentText() == "English"
        assert prefs.language() == "en"
    finally:
        _stop(qapp)
    try:  # brugdesk starts again
        assert _start(qapp) == []
        page = _families(qtbot, session)
        # English gets its own plural forms: "12 families (3 closed families hidden)"
        text = page.count_label.text()
        assert text.startswith(f"{total} families") and f"({closed} closed" in text
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        _stop(qapp)


def test_a_plural_message_takes_the_dutch_form_for_its_number(qapp):
    translator = CatalogueTranslator("nl", qapp)
    assert not translator.isEmpty() and translator.language() == "nl"
    qapp.installTranslator(translator)
    try:
        def deleted(n: int) -> str:
            return QCoreApplication.translate("RetentionPanel", "{n} family deleted.", "{n} families deleted.",
                                              n).format(n=n)

        assert deleted(1) == "1 gezin verwijderd."
        assert deleted(4) == "4 gezinnen verwijderd."
        # a message the catalogue does not hold: Qt shows the English source
        assert QCoreApplication.translate("NoSuchContext", "Nothing here") == "Nothing here"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("FormDialog", "&Save") == "&Save"  # removed again: English


def test_a_plural_message_takes_the_english_form_for_its_number(qapp):
    """English users see "1 family deleted." and "4 families deleted.", not "family(ies)"."""
    loaded = app_module.install_translators(qapp, "en")
    try:
        assert loaded == []  # English has no catalogue, only the choice of form
        for n, text in ((1, "1 family deleted."), (4, "4 families deleted."), (0, "0 families deleted.")):
            assert QCoreApplication.translate("RetentionPanel", "{n} family deleted.", "{n} families deleted.",
                                              n).format(n=n) == text
        assert QCoreApplication.translate("FormDialog", "&Save") == "&Save"
    finally:
        for translator in app_module._translators:
            qapp.removeTranslator(translator)
        app_module._translators.clear()
        i18n.set_language("nl")
