"""The service layer: repositories over the open vault (``vault.repo.families.create(...)``).

The UI, the CLI, the reports and the privacy tools use these and never write SQL of their own
against the vault. Every change runs in a transaction and leaves one audit entry (action,
entity and id: never free text or names).

One module per group of entities:

* :mod:`~brugdesk.store.repo.base` — the :class:`~brugdesk.store.repo.base.Repo` base class
  (connection, transaction, audit entry, code tables) and value conversions;
* :mod:`~brugdesk.store.repo.rows` — the rows returned for lists (a table on screen);
* :mod:`~brugdesk.store.repo.families` — families and their members;
* :mod:`~brugdesk.store.repo.casework` — contacts, follow-ups, referrals;
* :mod:`~brugdesk.store.repo.reference` — schools, partners, editable lists, text snippets, settings;
* :mod:`~brugdesk.store.repo.signals` — signals (a worry passed on before there is a family file);
* :mod:`~brugdesk.store.repo.agenda` — the agenda's appointments;
* :mod:`~brugdesk.store.repo.activities` — group activities;
* :mod:`~brugdesk.store.repo.auditlog` — recording actions that change no entity, reading the
  audit log;
* :mod:`~brugdesk.store.repo.attachments` — files kept inside the vault (bijlagen), in chunks;
* :mod:`~brugdesk.store.repo.imports` — imports from a spreadsheet as batches (undo of the latest);
* :mod:`~brugdesk.store.repo.statistics` — the desk's own counts (Overzicht);
* :mod:`~brugdesk.store.repo.reports` — the report's raw counts with their cell keys, and the
  history of exported reports (:mod:`brugdesk.reports` protects them before anything is shown).

Adding an entity: its dataclass in :mod:`brugdesk.core.model` and its checks in
:mod:`brugdesk.core.validation`; its table in a new schema step (:mod:`brugdesk.store.schema`);
a ``Repo`` subclass with ``entity`` set to its table's name, in the module of its group or a new
one; one attribute on :class:`Repositories` below. Rows that belong to one family take their ids
from the family's range (:func:`brugdesk.store.schema.next_family_row_id`) and must be deleted
with the family (:mod:`brugdesk.store.erasure`).
"""

from __future__ import annotations

from brugdesk.store.repo.activities import Activities
from brugdesk.store.repo.agenda import Appointments
from brugdesk.store.repo.attachments import Attachments
from brugdesk.store.repo.auditlog import AuditLog
from brugdesk.store.repo.base import Store
from brugdesk.store.repo.casework import Contacts, FollowUps, Referrals
from brugdesk.store.repo.families import Families, Members
from brugdesk.store.repo.imports import Imports
from brugdesk.store.repo.reference import Lists, Partners, Schools, Settings, Snippets
from brugdesk.store.repo.reports import ReportData
from brugdesk.store.repo.signals import Signals
from brugdesk.store.repo.statistics import Statistics

__all__ = ["Repositories"]


class Repositories:
    """All repositories of one open vault (or reader)."""

    def __init__(self, vault: Store) -> None:
        self.schools = Schools(vault)
        self.families = Families(vault)
        self.members = Members(vault)
        self.contacts = Contacts(vault)
        self.followups = FollowUps(vault)
        self.partners = Partners(vault)
        self.referrals = Referrals(vault)
        self.activities = Activities(vault)
        self.signals = Signals(vault)
        self.appointments = Appointments(vault)
        self.lists = Lists(vault)
        self.settings = Settings(vault)
        self.snippets = Snippets(vault)
        self.statistics = Statistics(vault)
        self.reportdata = ReportData(vault)
        self.audit = AuditLog(vault)
        self.imports = Imports(vault)
        self.attachments = Attachments(vault)
