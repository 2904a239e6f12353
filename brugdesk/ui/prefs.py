"""The app's QSettings. They hold no personal data: only window geometry, the page index,
the UI language and the last vault folder (a path chosen by the officer)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "brugdesk"
APPLICATION = "brugdesk"

#: keys that may be stored (tests assert nothing else is written)
KEY_LANGUAGE = "language"
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
