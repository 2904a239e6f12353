"""The app's QSettings. They hold no personal data: only window geometry, the page index,
the UI language, the colours (standard, high contrast or as the system asks) and the last vault
folder (a path chosen by the officer)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "brugdesk"
APPLICATION = "brugdesk"

#: keys that may be stored (tests assert nothing else is written)
KEY_LANGUAGE = "language"
KEY_COLOURS = "colours"
KEY_LAST_VAULT = "last_vault"
KEY_PAGE = "main/page"
KEY_MAIN_GEOMETRY = "main/geometry"
GEOMETRY_PREFIX = "geometry/"


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def language() -> str:
    value = settings().value(KEY_LANGUAGE, "nl")
    return value if value in ("nl", "en") else "nl"


def set_language(lang: str) -> None:
    settings().setValue(KEY_LANGUAGE, lang)


#: the colour choices (:mod:`brugdesk.ui.theme`): as the system asks, standard, high contrast
COLOURS = ("system", "standard", "high_contrast")


def colours() -> str:
    value = settings().value(KEY_COLOURS, COLOURS[0])
    return value if value in COLOURS else COLOURS[0]


def set_colours(choice: str) -> None:
    settings().setValue(KEY_COLOURS, choice)
