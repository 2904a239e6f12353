"""The officer's *toelichting* (remarks) on a report, checked against every name in the vault.

The remarks are the one piece of free text that leaves the laptop with a report, so before an
export brugdesk looks for every family display name and every member's first and last name in
them (and the combination "Milan de Vries"). A name found refuses the export; the officer is
shown which name (:class:`NameInRemarks`), and nothing is written. The name is never printed in
a report and never logged: it is kept in the exception's :attr:`NameInRemarks.name` and only
shown by :meth:`NameInRemarks.message`; ``str()`` of the exception does not contain it.

How names are matched (:func:`find_names`):

* case- and accent-insensitive: both the text and the names are folded as the family search
  folds them ("Ünal" = "unal", "ĳ" = "ij");
* whole words only: the text and each name are split into words at everything that is not a
  letter or digit (spaces, hyphens, apostrophes, full stops), and a name is found when its words
  stand side by side in the text. So the name "Jan" is found in "Jan kwam" and in "Jan-Willem",
  never in "Jansen" or "januari";
* a family's display name is searched whole ("Familie De Vries") and without the word that only
  labels it as a family ("familie", "fam", "gezin": they are not names): "De Vries";
* a last name is searched whole ("van der Berg"), without its particles ("Berg": people write
  "mevrouw Berg" as often as "mevrouw Van der Berg"), and, when hyphenated, per part
  ("Jansen-Bakker": also "Jansen" and "Bakker"); first name + last name together too;
* not searched on their own, with the reason: particles ("van", "de", "der", "el" …) and the
  family labels above, because they are not names but occur in nearly every Dutch sentence; and
  single letters (initials), because one letter identifies nobody and "m" or "u" would refuse
  ordinary text. Everything else is searched, however common the word: a family called "Bos"
  or a child called "Roos" or "Ben" refuses remarks that say "bos", "roos" or "ik ben"; the
  officer sees the word and rephrases.

The names come through the repositories (no SQL here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from brugdesk.core.text import fold
from brugdesk.i18n import N_, _

__all__ = ["MAX_LENGTH", "NameInRemarks", "check_remarks", "find_names", "name_phrases", "vault_names", "words"]

#: The longest toelichting (characters): it must fit on the report's first page beside the key figures.
MAX_LENGTH = 1000

#: Particles of (Dutch, Belgian, Arabic, Romance, German) surnames: never a name on their own.
PARTICLES = frozenset({
    "van", "von", "vom", "de", "den", "der", "des", "du", "het", "t", "te", "ten", "ter", "d", "l", "la", "le",
    "les", "el", "al", "da", "das", "dos", "do", "di", "del", "della", "y", "op", "in", "aan", "bij", "uit",
    "onder", "over", "voor", "zu", "zum", "zur", "am", "im",
})
#: Words that label a display name as a family ("Familie Yilmaz", "Fam. De Vries", "Gezin Bos").
FAMILY_WORDS = frozenset({"familie", "fam", "gezin", "family"})

_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for every word of ``text`` (positions in its NFC form)."""
    out = []
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        out += [(w, m.start(), m.end()) for w in _WORD.findall(fold(m.group()))]
    return out


def words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return tuple(w for w, _s, _e in _tokens(text))


def _searchable(phrase: tuple[str, ...]) -> bool:
    """A phrase is searched unless it is only particles, family labels and single letters."""
    return any(len(w) > 1 and w not in PARTICLES and w not in FAMILY_WORDS for w in phrase)


#: What separates the parts of a double name or of a display name naming two families.
_PARTS = re.compile(r"\s*(?:-|/|&|\+|,|\ben\b|\band\b)\s*", re.IGNORECASE)


def _without_particles(ws: tuple[str, ...]) -> tuple[str, ...]:
    while ws and ws[0] in PARTICLES:
        ws = ws[1:]
    return ws


def _surname_phrases(name: str) -> list[tuple[str, ...]]:
    """A last name whole and without its particles, and so each part of a double name."""
    out = [words(name), _without_particles(words(name))]
    for part in _PARTS.split(name.strip()):
        out += [words(part), _without_particles(words(part))]
    return out


def name_phrases(display_names: Iterable[str], members: Iterable[tuple[str, str]]) -> set[tuple[str, ...]]:
    """Every phrase (folded words) to look for. ``display_names``: the families' display names;
    ``members``: (first name, last name)."""
    found: set[tuple[str, ...]] = set()

    def add(phrase: tuple[str, ...]) -> None:
        if phrase and _searchable(phrase):
            found.add(phrase)

    for display in display_names:
        add(words(display))
        label_free = re.sub(r"^\s*(?:de\s+)?(?:familie|fam\.?|gezin|family)\b\.?\s*", "", display,
                            flags=re.IGNORECASE)
        for phrase in _surname_phrases(label_free):
            add(phrase)
    for first, last in members:
        add(words(first))
        for part in _PARTS.split(first.strip()):
            add(words(part))
        if last.strip():
            for phrase in _surname_phrases(last):
                add(phrase)
            add(words(f"{first} {last}"))
    return found


def find_names(text: str, phrases: set[tuple[str, ...]] | frozenset[tuple[str, ...]]) -> list[str]:
    """The names that occur in ``text`` as whole words, as they are written there: the longest
    name at each place ("Milan de Vries" rather than "Milan"), each once, in order."""
    tokens = _tokens(text)
    folded = tuple(w for w, _s, _e in tokens)
    nfc = unicodedata.normalize("NFC", text)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    for candidates in by_first.values():
        candidates.sort(key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase in by_first.get(folded[i], ()):
            if folded[i:i + len(phrase)] == phrase:
                shown = nfc[tokens[i][1]:tokens[i + len(phrase) - 1][2]]
                if shown not in out:
                    out.append(shown)
                i += len(phrase) - 1
                break
        i += 1
    return out


def vault_names(repo: Any) -> set[tuple[str, ...]]:
    """The phrases of every family display name and member name in the vault (through the
    repositories: the families list, and each family's members)."""
    display: list[str] = []
    members: list[tuple[str, str]] = []
    for row in repo.families.rows():
        display.append(row.display_name)
        members.extend((m.first_name, m.last_name) for m in repo.members.list(row.id))
    return name_phrases(display, members)


class NameInRemarks(Exception):
    """The remarks contain a name from the vault; the export is refused.

    Neither ``str()`` nor ``repr()`` contains the name (so a log or crash report never does);
    :attr:`name` holds it and :meth:`message` says it, for the officer's eyes only."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __str__(self) -> str:
        return _(N_("The remarks contain a name from the vault; nothing was written."))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def message(self, lang: str | None = None) -> str:
        return _(N_("Your remarks contain a name from your files: \u201c{name}\u201d. Take it out (or rephrase it) "
                    "and save again; nothing was written."), lang).format(name=self.name)


def check_remarks(repo: Any, text: str) -> None:
    """Raise :class:`NameInRemarks` with the first name found in ``text``; nothing for empty text."""
    if not words(text):
        return
    found = find_names(text, vault_names(repo))
    if found:
        raise NameInRemarks(found[0])
