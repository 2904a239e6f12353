"""Text folding for search and duplicate checks: the same comparison wherever names are matched."""

from __future__ import annotations

import unicodedata

# letters that do not decompose into a base letter + accent
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Özdemir' is found by 'ozdemir'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
