"""What a preview needs from the vault, read at once: the schools and lists that labels are matched
against, and the families a sheet's rows may name — the children already in the vault (for the
duplicate check of a families import) or the family keys (for a contacts import).

Read through any repositories (the vault's own, or a :class:`~brugdesk.store.reader.Reader`'s on a
worker thread, :mod:`brugdesk.importing.job`) and then held in memory, so the check of the rows
itself needs no connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brugdesk.core.lists import ListName
from brugdesk.core.text import fold
from brugdesk.importing.fields import ImportKind

if TYPE_CHECKING:
    from brugdesk.core.model import School
    from brugdesk.store.repo import Repositories
    from brugdesk.store.repo.imports import ExistingChild


class Reference:
    """The vault's lists and schools, as the preview matches labels against them, and the families
    a sheet may name (``children`` for a families import, ``keys`` for a contacts import)."""

    def __init__(self, repo: Repositories, kind: ImportKind) -> None:
        self.schools: dict[str, School] = {fold(s.name): s for s in repo.schools.list()}
        self.themes = repo.lists.labels(ListName.THEME)
        self.kinds = repo.lists.labels(ListName.CONTACT_KIND)
        self.sources = repo.lists.labels(ListName.SIGNAL_SOURCE)
        self.kind = kind
        self.children: list[ExistingChild] = (repo.imports.existing_children() if kind == ImportKind.FAMILIES
                                              else [])
        self.keys: dict[str, tuple[int, str]] = (repo.imports.family_keys() if kind == ImportKind.CONTACTS
                                                 else {})

    def school(self, name: str) -> int | None:
        school = self.schools.get(fold(name.strip()))
        if school is None:  # "De Regenboog" for "Basisschool De Regenboog"
            hits = [s for k, s in self.schools.items() if k.endswith(" " + fold(name.strip()))]
            school = hits[0] if len(hits) == 1 else None
        return None if school is None else school.id
