"""The rows the repositories return for lists (what a table on screen shows; no notes).

The list rows are NamedTuples: immutable like a frozen dataclass, and built several times faster
(a frozen dataclass sets every field through ``object.__setattr__``), which a page of 200 families
or follow-ups notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from brugdesk.core.model import AppointmentStatus, FamilyStatus, FollowUp, Referral, ReferralStatus, SignalStatus


class FamilyRow(NamedTuple):
    """One line of the Gezinnen list."""

    id: int
    ref: str
    display_name: str
    status: FamilyStatus
    start_date: dt.date
    schools: str
    last_contact: dt.date | None
    next_followup: dt.date | None
    open_referrals: int
    search: str
    overdue: bool = False  # the first open follow-up lies before today
    matched_child: str = ""  # a search matched this child (first name) rather than the family's name
    matched_group: str = ""  # that child's group ("5", "2B")


class PickerChild(NamedTuple):
    """A child as the family picker shows it, to tell families of the same name apart."""

    first_name: str
    group: str
    school: str


class PickerRow(NamedTuple):
    """One family in the Ctrl+N picker."""

    id: int
    ref: str
    display_name: str
    status: FamilyStatus
    schools: str
    children: tuple[PickerChild, ...]
    matched_child: str  # the child the search matched ("" when it matched the family's name)
    matched_group: str


class ClosedFamilyRow(NamedTuple):
    """A closed family and its closing date (the retention review)."""

    id: int
    ref: str
    display_name: str
    closed_date: dt.date


class FollowUpRow(NamedTuple):
    """A follow-up with its family's reference and name (Acties, Overzicht)."""

    followup: FollowUp
    family_ref: str
    family_name: str


class ReferralRow(NamedTuple):
    """A referral with its partner's and its family's name (Overzicht's waiting referrals)."""

    referral: Referral
    partner_name: str
    family_ref: str
    family_name: str


class ReferralListRow(NamedTuple):
    """One line of the referrals page (Doorverwijzingen): no notes, the hulpvraag and contact person
    for the detail pane."""

    id: int
    family_id: int
    family_ref: str
    family_name: str
    partner_id: int
    partner_name: str
    partner_type: str  # code of the partner_type list
    status: ReferralStatus
    date: dt.date  # the referral's own date
    status_date: dt.date  # the latest status change
    days_waiting: int  # days since the latest status change
    overdue: bool  # still waiting (voorgesteld, doorverwezen, wachtlijst) longer than the vault's term
    need: str  # hulpvraag
    contact_person: str
    schools: str  # the family's schools, comma-separated


class SignalRow(NamedTuple):
    """One line of the signals page (Signalen)."""

    id: int
    date: dt.date
    source: str  # code of the signal_source list
    school_id: int | None
    school_name: str
    group: str
    seen: str  # what was seen (short text)
    status: SignalStatus
    status_date: dt.date
    closing_reason: str  # code of the signal_closure list ("geen actie nodig")
    family_id: int | None  # the family it became
    family_ref: str


class AppointmentRow(NamedTuple):
    """One appointment in the agenda, with its family's reference and name ("" without a family)."""

    id: int
    date: dt.date
    time: dt.time | None
    minutes: int
    kind: str  # code of the contact_kind list
    note: str
    status: AppointmentStatus
    family_id: int | None
    family_ref: str
    family_name: str
    contact_id: int | None


class AuditRow(NamedTuple):
    """One line of the audit log viewer: when, what, about which kind of record, and the reference
    (kenmerk) of the family concerned ("" when none): no internal numbers, no names."""

    id: int
    ts: str  # UTC, ISO 8601
    action: str
    entity: str
    family_ref: str


@dataclass(frozen=True)
class ListItem:
    """One item of an editable list (themes, contact kinds, …)."""

    code: str
    label: str
    position: int
    active: bool


@dataclass(frozen=True)
class TermNumbers:
    """The desk's "this term" figures (Overzicht): counts only, no personal data."""

    active_families: int  # families with any time open in the period
    new_families: int  # families that started in the period
    contacts: int
    minutes: int
    home_visits: int
