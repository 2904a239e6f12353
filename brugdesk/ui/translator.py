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

from PySide6.QtCore import QObject, QTranslator

from brugdesk import i18n


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
