"""The recovery key (herstelsleutel): the data key itself, as 13 groups of 4 base32 characters."""

from __future__ import annotations

import base64
import binascii
import re

from brugdesk.i18n import N_, _

KEY_BYTES = 32
GROUP = 4


class RecoveryKeyError(ValueError):
    """The text is not a recovery key; ``str()`` is a translated message."""


def format_recovery_key(data_key: bytes) -> str:
    """RFC 4648 base32 without padding (52 characters), shown as 13 groups of 4 joined by ``-``."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    text = base64.b32encode(data_key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Accepts the key case-insensitively, ignoring spaces and dashes."""
    compact = re.sub(r"[\s\-]", "", text).upper()
    if len(compact) != 52 or not re.fullmatch(r"[A-Z2-7]+", compact):
        raise RecoveryKeyError(
            _(N_("A recovery key has 52 letters and digits (13 groups of 4); please check what you typed."))
        )
    try:
        key = base64.b32decode(compact + "====")
    except binascii.Error as exc:  # pragma: no cover - the regex above admits only valid symbols
        raise RecoveryKeyError(_(N_("This recovery key is not valid."))) from exc
    # 52 symbols carry 260 bits; the last 4 must be zero for a key we printed.
    if len(key) != KEY_BYTES or format_recovery_key(key).replace("-", "") != compact:
        raise RecoveryKeyError(_(N_("This recovery key is not valid; please check what you typed.")))
    return key
