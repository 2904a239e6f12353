"""Qt's ``tr()`` answered from brugdesk's gettext catalogue (the one :mod:`brugdesk.i18n` reads).

``self.tr("…")`` and ``QCoreApplication.translate("Context", "…")`` ask every installed
``QTranslator``; this one looks the message up in the context Qt passes (the class name, or the
first argument of ``translate``), which ``tools/i18n.py`` wrote as the message's ``msgctxt``. A
number-dependent message passes its English singular, its English plural (in the place of Qt's
disambiguation, which brugdesk uses for nothing else) and the number:
``self.tr("{n} family", "{n} families", n)``; it gets the Dutch plural form for ``n``, and in
English the singular for 1 and the plural otherwise. Placeholders are ``{name}``, filled with
``str.format`` after translating.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from brugdesk import i18n

log = logging.getLogger(__name__)

#: the translators installed by :func:`install_translators` (taken out again when the language changes)
_translators: list[QTranslator] = []


class CatalogueTranslator(QTranslator):
    """A ``QTranslator`` over the gettext catalogue of one language."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._catalogue = i18n.translations(lang)

    def language(self) -> str:
        return self._lang

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False  # English answers the plural messages

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The translation, or None so that Qt asks the next translator or shows the source."""
        if not source:
            return None
        if n >= 0 and disambiguation:  # a plural message: disambiguation is its English plural
            return plural_form(self._catalogue, context, source, disambiguation, n)
        if self._catalogue is None:
            return None
        if disambiguation:
            context = f"{context}|{disambiguation}"
        return self._catalogue.find(source, context, n if n >= 0 else None)


def plural_form(catalogue: i18n.Catalogue | None, context: str, singular: str, plural: str, n: int) -> str:
    """The form of a number-dependent message for ``n``: the catalogue's, else English's."""
    found = catalogue.find(singular, context, n) if catalogue is not None else None
    return found or (singular if n == 1 else plural)


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install brugdesk's catalogue and Qt's own one for ``language``; returns what was loaded.

    Our messages come from the gettext catalogue (:class:`CatalogueTranslator`); Qt's own dialogs
    and buttons from Qt's ``qtbase_<language>.qm``. English, the source language, has no catalogue:
    its translator only picks the English singular or plural of a number-dependent message.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    loaded: list[str] = []
    i18n.set_language(language if language in i18n.SUPPORTED else "nl")
    if language == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ours = CatalogueTranslator(i18n.language(), app)
    app.installTranslator(ours)
    _translators.append(ours)
    if language == "en":
        return loaded
    loaded.append(i18n.mo_path(i18n.language()).name)
    qt_catalogue = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
    translator = QTranslator(app)
    if qt_catalogue.exists() and translator.load(str(qt_catalogue)):
        app.installTranslator(translator)
        _translators.append(translator)
        loaded.append(qt_catalogue.name)
    else:
        log.info("no translations in %s", qt_catalogue.name)
    return loaded
