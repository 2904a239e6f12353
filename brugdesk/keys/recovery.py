"""The recovery key (herstelsleutel): the data key itself, as 13 groups of 4 base32 characters."""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata

from brugdesk.errors import MalformedRecoveryKey

KEY_BYTES = 32
GROUP = 4
#: what may separate the groups: spaces of any kind, the hyphen and every other dash a keyboard or
#: a word processor makes of it (en dash, em dash, minus sign …)
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def format_recovery_key(data_key: bytes) -> str:
    """RFC 4648 base32 without padding (52 characters), shown as 13 groups of 4 joined by ``-``."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    text = base64.b32encode(data_key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The data key from a typed recovery key; :class:`MalformedRecoveryKey` when it cannot be one.

    Tolerant only where that is unambiguous: capitals or not, any spaces, and dashes of any kind
    (and full-width forms) between the groups. A symbol outside the alphabet (``0``, ``1``, ``8``,
    ``9``), a missing or extra symbol, or a last symbol with bits a printed key never has is
    refused — never guessed: ``1`` could be ``I`` or ``L``, and a guess could open nothing but
    would hide the typo.
    """
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    if len(compact) != 52 or not re.fullmatch(r"[A-Z2-7]+", compact):
        raise MalformedRecoveryKey()
    try:
        key = base64.b32decode(compact + "====")
    except binascii.Error as exc:  # pragma: no cover - the regex above admits only valid symbols
        raise MalformedRecoveryKey() from exc
    # 52 symbols carry 260 bits; the last 4 must be zero for a key we printed.
    if len(key) != KEY_BYTES or format_recovery_key(key).replace("-", "") != compact:
        raise MalformedRecoveryKey()
    return key
