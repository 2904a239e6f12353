"""The domain model. Plain dataclasses; the vault stores them.

Dates are :class:`datetime.date`. Codes for list values (themes, contact kinds, …) are
stable English identifiers; their labels (Dutch by default) live in the vault's editable
lists (see :mod:`brugdesk.core.lists`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class SchoolType(StrEnum):
    PO = "PO"  # primary
    VO = "VO"  # secondary
    SO = "SO"  # special


class FamilyStatus(StrEnum):
    REGISTERED = "registered"  # aangemeld
    ACTIVE = "active"  # actief
    CLOSED = "closed"  # afgesloten


class MemberRole(StrEnum):
    PARENT = "parent"  # ouder/verzorger
    CHILD = "child"  # kind/leerling


class ReferralStatus(StrEnum):
    PROPOSED = "proposed"  # voorgesteld
    REFERRED = "referred"  # doorverwezen
    ACCEPTED = "accepted"  # geaccepteerd / gestart
    WAITING_LIST = "waiting_list"  # wachtlijst
    COMPLETED = "completed"  # afgerond
    DECLINED = "declined"  # afgewezen
    STOPPED = "stopped"  # gestopt

    @property
    def is_open(self) -> bool:
        return self in (
            ReferralStatus.PROPOSED,
            ReferralStatus.REFERRED,
            ReferralStatus.ACCEPTED,
            ReferralStatus.WAITING_LIST,
        )

    @property
    def is_waiting_for_answer(self) -> bool:
        """Referred (or on a waiting list) but the partner has not started yet."""
        return self in (ReferralStatus.REFERRED, ReferralStatus.WAITING_LIST)


#: Which status may follow which (the dated history records every step).
REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.PROPOSED: frozenset(
        {ReferralStatus.REFERRED, ReferralStatus.DECLINED, ReferralStatus.STOPPED}
    ),
    ReferralStatus.REFERRED: frozenset(
        {
            ReferralStatus.ACCEPTED,
            ReferralStatus.WAITING_LIST,
            ReferralStatus.DECLINED,
            ReferralStatus.STOPPED,
        }
    ),
    ReferralStatus.WAITING_LIST: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.STOPPED}
    ),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED, ReferralStatus.STOPPED}),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.DECLINED: frozenset({ReferralStatus.PROPOSED}),
    ReferralStatus.STOPPED: frozenset({ReferralStatus.PROPOSED}),
}


@dataclass(slots=True)
class School:
    name: str
    type: SchoolType = SchoolType.PO
    brin: str = ""
    pupil_count: int | None = None
    id: int | None = None


@dataclass(slots=True)
class Consent:
    """Recorded consent: when, given by whom, and for what."""

    date: dt.date | None = None
    given_by: str = ""
    scope: str = ""

    @property
    def recorded(self) -> bool:
        return self.date is not None


@dataclass(slots=True)
class Member:
    role: MemberRole
    first_name: str
    last_name: str = ""
    birth_year: int | None = None
    school_id: int | None = None
    group: str = ""  # groep / klas
    notes: str = ""
    family_id: int | None = None
    id: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(slots=True)
class Family:
    display_name: str
    start_date: dt.date
    status: FamilyStatus = FamilyStatus.REGISTERED
    signal_source: str = ""  # code from the signal_source list
    themes: list[str] = field(default_factory=list)  # codes from the theme list
    school_ids: list[int] = field(default_factory=list)
    home_language: str = ""
    interpreter_needed: bool = False
    consent: Consent = field(default_factory=Consent)
    phone: str = ""
    email: str = ""
    address: str = ""
    closed_date: dt.date | None = None
    closure_outcome: str = ""  # code from the closure_outcome list
    ref: str = ""  # reference code such as G-2026-014, generated on save
    id: int | None = None


@dataclass(slots=True)
class FollowUp:
    family_id: int
    text: str
    due_date: dt.date
    done_date: dt.date | None = None
    contact_id: int | None = None
    id: int | None = None

    @property
    def done(self) -> bool:
        return self.done_date is not None


@dataclass(slots=True)
class Contact:
    family_id: int
    date: dt.date
    minutes: int
    kind: str  # code from the contact_kind list
    with_whom: list[str] = field(default_factory=list)  # codes from the with_whom list
    themes: list[str] = field(default_factory=list)
    note: str = ""
    followup_text: str = ""
    followup_date: dt.date | None = None
    id: int | None = None


@dataclass(slots=True)
class Partner:
    name: str
    type: str  # code from the partner_type list
    id: int | None = None


@dataclass(slots=True)
class StatusChange:
    status: ReferralStatus
    date: dt.date
    id: int | None = None


@dataclass(slots=True)
class Referral:
    family_id: int
    partner_id: int
    date: dt.date
    themes: list[str] = field(default_factory=list)
    sharing_consent: Consent = field(default_factory=Consent)
    warm_handover: bool = False
    status: ReferralStatus = ReferralStatus.PROPOSED
    outcome_note: str = ""
    history: list[StatusChange] = field(default_factory=list)
    id: int | None = None


@dataclass(slots=True)
class Activity:
    """A group activity, not tied to a family (koffieochtend, workshop, …)."""

    date: dt.date
    kind: str  # code from the activity_kind list
    school_id: int | None = None
    parents_count: int = 0
    minutes: int = 60
    themes: list[str] = field(default_factory=list)
    title: str = ""
    id: int | None = None
