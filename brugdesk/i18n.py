"""Translation of the messages that non-UI code shows to people (CLI, validation, reports).

The Qt UI translates its own strings with ``tr()`` and Qt Linguist files. Code outside
``brugdesk/ui`` may not import Qt, so its user-facing strings are English source strings
marked with :func:`N_` (for extraction) and translated with :func:`_` from a catalogue
per language. ``tests/unit/test_i18n.py`` checks that every marked string has a Dutch
translation. Dutch is the default language.
"""

from __future__ import annotations

import threading

SUPPORTED = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_state = threading.local()
_catalogues: dict[str, dict[str, str]] = {}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, do not translate yet"
    """Mark a string for translation without translating it (it is translated when shown)."""
    return message


def set_language(language: str) -> None:
    """Set the language used by :func:`_` in this thread (``nl`` or ``en``)."""
    if language not in SUPPORTED:
        raise ValueError(f"unsupported language: {language}")
    _state.language = language
    global DEFAULT_LANGUAGE  # the app sets it once at start-up for every thread
    DEFAULT_LANGUAGE = language


def language() -> str:
    return str(getattr(_state, "language", DEFAULT_LANGUAGE))


def register(language_code: str, catalogue: dict[str, str]) -> None:
    """Add translations (English source -> target) for a language."""
    _catalogues.setdefault(language_code, {}).update(catalogue)


def _(message: str, lang: str | None = None) -> str:
    """Translate an English source string into the current (or given) language."""
    lang = lang or language()
    if lang == "en":
        return message
    _load()
    return _catalogues.get(lang, {}).get(message, message)


def catalogue(lang: str) -> dict[str, str]:
    _load()
    return dict(_catalogues.get(lang, {}))


_loaded = False
CATALOGUE_PACKAGES = ("core", "store", "keys", "reports", "privacy", "importing")


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib

    # Each non-UI package keeps its own Dutch catalogue (a module holding one dict and importing
    # nothing). They are loaded by name so that this module, which every layer uses, depends on none.
    for package in CATALOGUE_PACKAGES:
        register("nl", importlib.import_module(f"brugdesk.{package}.messages_nl").MESSAGES)
