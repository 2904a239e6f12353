"""Every user-facing string outside the UI has a Dutch translation (Dutch first)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from messages import marked_strings  # noqa: E402

from brugdesk.i18n import _, catalogue  # noqa: E402


def test_every_marked_string_has_a_dutch_translation() -> None:
    nl = catalogue("nl")
    marked = marked_strings()
    assert sum(len(m) for m in marked.values()) > 50
    missing = [f"{places[0]}: {msg!r}" for msgs in marked.values() for msg, places in msgs.items() if msg not in nl]
    assert missing == []


def test_translations_keep_their_placeholders() -> None:
    import string

    nl = catalogue("nl")
    fmt = string.Formatter()
    for source, target in nl.items():
        src = {f for _l, f, _s, _c in fmt.parse(source) if f}
        dst = {f for _l, f, _s, _c in fmt.parse(target) if f}
        assert src == dst, source


def test_dutch_is_the_default_and_english_is_the_source() -> None:
    assert _("Wrong passphrase.") == "Onjuiste wachtwoordzin."
    assert _("Wrong passphrase.", "en") == "Wrong passphrase."
