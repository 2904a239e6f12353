"""Translation: one gettext catalogue for all of brugdesk, Dutch first.

The sources are English. Every message, in the Qt UI and outside it, is translated from the one
catalogue ``resources/translations/<lang>/LC_MESSAGES/brugdesk.mo`` (compiled from the ``.po``
beside it by ``python3 dev.py i18n``; ``tools/i18n.py`` extracts the messages with Babel). Code
outside ``brugdesk/ui`` may not import Qt: it marks a message with :func:`N_` (or :func:`NC_` with
a context) and translates it with :func:`_` where it is shown. The UI's ``self.tr()`` reads the same
catalogue through ``brugdesk.ui.translator``. Placeholders are ``{name}``, filled with
``str.format`` after translating. Dutch is the default language; English, the source language,
needs no catalogue.
"""

from __future__ import annotations

import gettext
import logging
import threading
from functools import cache
from pathlib import Path

from brugdesk.resources import resource_dir

SUPPORTED = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
DOMAIN = "brugdesk"
_CONTEXT_GLUE = "\x04"  # how gettext joins a message's context and its id

_state = threading.local()
log = logging.getLogger(__name__)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, do not translate yet"
    """Mark a string for translation without translating it (it is translated when shown)."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - as N_, with a context
    """Mark a string that needs its own translation in ``context`` (see :func:`_`'s ``context``)."""
    del context  # read by the extractor only
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


def mo_path(lang: str) -> Path:
    """The compiled catalogue of a language (the source ``.po`` sits beside it)."""
    return resource_dir() / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


class Catalogue(gettext.GNUTranslations):
    """A compiled gettext catalogue that can tell a missing message from one translated alike."""

    def find(self, message: str, context: str | None = None, n: int | None = None) -> str | None:
        """The translation of ``message`` (in ``context``; plural form for ``n``), None when missing."""
        key = message if context is None else f"{context}{_CONTEXT_GLUE}{message}"
        found = self._catalog.get(key if n is None else (key, self.plural(n)))  # type: ignore[attr-defined]
        if found is None and n is None:
            found = self._catalog.get((key, 0))  # type: ignore[attr-defined]  # a plural message asked singly
        return str(found) if found else None

    def messages(self) -> dict[str, str]:
        """Every message without a context (the non-UI ones), source -> translation."""
        return {str(k): str(v) for k, v in self._catalog.items()  # type: ignore[attr-defined]
                if isinstance(k, str) and k and _CONTEXT_GLUE not in k}


@cache
def translations(lang: str) -> Catalogue | None:
    """The catalogue of ``lang``; None for English (the source language).

    A missing or damaged catalogue (an installation without the resource folder) leaves the English
    source text rather than turning every message into a traceback; ``brugdesk --selftest`` reports
    it, and the frozen build runs that check.
    """
    if lang == "en":
        return None
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language: {lang}")
    try:
        with mo_path(lang).open("rb") as fileobj:
            return Catalogue(fileobj)
    except OSError as exc:
        log.warning("no %s catalogue (%s): messages stay English", lang, type(exc).__name__)
        return None


def _(message: str, lang: str | None = None, context: str | None = None) -> str:
    """Translate an English source string into the current (or given) language.

    With ``context``, a translation marked for that context (``NC_(context, message)``) wins over
    the message's general one.
    """
    catalogue = translations(lang or language())
    if catalogue is None:
        return message
    found = catalogue.find(message, context) if context is not None else None
    return found or catalogue.find(message) or message


def decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A number with ``digits`` decimals as the language writes it: "2347,5" in Dutch, "2347.5" in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or language()) == "nl" else text


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """A number-dependent message in the current (or given) language: its form for ``n``.

    English gets the singular for 1 and the plural otherwise; Dutch its catalogue's form for ``n``.
    """
    found = translations(lang or language())
    translated = found.find(singular, None, n) if found is not None else None
    return translated or (singular if n == 1 else plural)


def catalogue(lang: str) -> dict[str, str]:
    """The non-UI messages of a language, English source -> translation (empty for English)."""
    found = translations(lang)
    return found.messages() if found is not None else {}
