"""Text folding for search and duplicate checks: the same comparison wherever names are matched."""

from __future__ import annotations

import unicodedata

# letters that do not decompose into a base letter + accent
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Özdemir' is found by 'ozdemir'."""
    if text.isascii():  # nothing to decompose (most names, every code): the same result, at once
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: what a family's display name may start with before the surname ("Fam. Bakker", "Gezin Yılmaz")
_FAMILY_PREFIXES = ("fam.", "fam", "familie", "gezin", "family")


def family_surname(display_name: str) -> str:
    """The surname in a family's display name: the name without a leading "Fam.", "Familie" or
    "Gezin" ("Fam. de Jong" → "de Jong"); the whole name when it has no such prefix."""
    name = display_name.strip()
    head, _sep, rest = name.partition(" ")
    if rest.strip() and head.casefold() in _FAMILY_PREFIXES:
        return rest.strip()
    return name
