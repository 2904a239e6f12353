"""What changed in the vault, told to whoever listens (the app's pages), without Qt.

Every service call that writes announces a :class:`Change` through the vault's
:class:`ChangeFeed` (``vault.changes``): the repositories, the key changes, erasure and purge,
the inspection export, the backups. Inside a transaction the announcement waits for the
outermost COMMIT, so a listener never reads a state that is rolled back afterwards; the
changes of one transaction reach the listeners as one merged :class:`Change`, so a save that
writes a contact and its follow-up refreshes each page once.

The app's :class:`~brugdesk.ui.session.Session` subscribes and turns each change into one Qt
signal; the command line subscribes nothing. A callback runs on the thread that committed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from brugdesk.store.transaction import Transaction

log = logging.getLogger(__name__)


class What(Enum):
    """A kind of thing that changed."""

    FAMILY = "family"  # a family's own data, its status (closed, reopened), a new family
    MEMBER = "member"
    CONTACT = "contact"
    REFERRAL = "referral"
    FOLLOWUP = "followup"
    ACTIVITY = "activity"
    SIGNAL = "signal"  # a signal (signaal), its status
    APPOINTMENT = "appointment"  # an appointment in the agenda
    SNIPPET = "snippet"  # the officer's text snippets
    SCHOOL = "school"
    PARTNER = "partner"
    LIST = "list"  # an item of an editable list (themes, kinds of contact, …)
    SETTINGS = "settings"  # a vault setting (terms, threshold, auto-lock, retention)
    ERASURE = "erasure"  # families deleted (erasure on request, retention purge)
    EXPORT = "export"  # a family's inspection export
    REPORT = "report"  # an exported report
    BACKUP = "backup"
    KEYS = "keys"  # the passphrase or the data key (a new recovery key)


#: the changes that alter the names shown for stored codes (a school's name, a list label, …)
LABELS = frozenset({What.SCHOOL, What.PARTNER, What.LIST})
#: the changes to one family's case file (they carry the family's id)
CASEWORK = frozenset({What.FAMILY, What.MEMBER, What.CONTACT, What.REFERRAL, What.FOLLOWUP})


@dataclass(frozen=True)
class Change:
    """What one committed service call (or transaction) changed.

    ``what``: the kinds of change. ``family_id``: the family the change concerns, when it
    concerns exactly one (a contact, a member, a family's details, its inspection export);
    ``None`` for changes of the whole vault (a school, a list, the settings, a purge) and when a
    transaction touched several families.
    """

    what: frozenset[What]
    family_id: int | None = None

    @classmethod
    def of(cls, what: What, family_id: int | None = None) -> Change:
        return cls(frozenset({what}), family_id)

    def touches(self, *kinds: What | Iterable[What]) -> bool:
        """Whether any of ``kinds`` (members of :class:`What`, or sets of them) changed."""
        for kind in kinds:
            if isinstance(kind, What):
                if kind in self.what:
                    return True
            elif self.what & frozenset(kind):
                return True
        return False

    def concerns(self, family_id: int) -> bool:
        """Whether this change may alter what is shown of ``family_id``: a change to that family,
        or one to the whole vault (no family named)."""
        return self.family_id is None or self.family_id == family_id

    @staticmethod
    def merge(changes: Iterable[Change]) -> Change | None:
        """One change for several (those of one transaction); ``None`` for none."""
        items = list(changes)
        if not items:
            return None
        what = frozenset().union(*(c.what for c in items))
        families = {c.family_id for c in items}
        return Change(what, families.pop() if len(families) == 1 else None)


Listener = Callable[[Change], None]


class ChangeFeed:
    """The listeners of one open vault, and the announcements waiting for a COMMIT.

    ``conn`` returns the vault's current connection (it is replaced after a rekey).
    """

    def __init__(self, conn: Callable[[], Any]) -> None:
        self._conn = conn
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change from now on; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, change: Change) -> None:
        """Announce ``change``: after the outermost COMMIT when a transaction is open (dropped when
        it rolls back), else at once."""
        first = not self._pending
        self._pending.append(change)
        if first:
            Transaction.after_commit(self._conn(), self._flush, on_rollback=self._pending.clear)

    def _flush(self) -> None:
        merged = Change.merge(self._pending)
        self._pending.clear()
        if merged is None:
            return
        for listener in list(self._listeners):
            listener(merged)
