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


class ParentalAuthority(StrEnum):
    """*Gezag*: whether a parent holds parental authority (matters for separation and consent)."""

    YES = "yes"  # ja
    NO = "no"  # nee
    UNKNOWN = "unknown"  # onbekend


class SignalStatus(StrEnum):
    """Where a signal stands: new, taken up, turned into a family, or closed without action."""

    NEW = "new"  # nieuw
    TAKEN_UP = "taken_up"  # opgepakt
    FAMILY_CREATED = "family_created"  # gezin aangemaakt
    NO_ACTION = "no_action"  # geen actie nodig

    @property
    def is_closed(self) -> bool:
        return self in (SignalStatus.FAMILY_CREATED, SignalStatus.NO_ACTION)


#: Which signal status may follow which ("gezin aangemaakt" only through making the family).
SIGNAL_TRANSITIONS: dict[SignalStatus, frozenset[SignalStatus]] = {
    SignalStatus.NEW: frozenset({SignalStatus.TAKEN_UP, SignalStatus.FAMILY_CREATED, SignalStatus.NO_ACTION}),
    SignalStatus.TAKEN_UP: frozenset({SignalStatus.FAMILY_CREATED, SignalStatus.NO_ACTION}),
    SignalStatus.NO_ACTION: frozenset({SignalStatus.TAKEN_UP}),
    SignalStatus.FAMILY_CREATED: frozenset(),
}


class AppointmentStatus(StrEnum):
    PLANNED = "planned"  # gepland
    DONE = "done"  # gebeurd (a contact moment was made of it)
    CANCELLED = "cancelled"  # geannuleerd


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
    # a parent's contact details (children leave them empty); ``address`` only when it differs
    # from the family's
    phone: str = ""
    email: str = ""
    address: str = ""
    authority: ParentalAuthority = ParentalAuthority.UNKNOWN  # gezag (parents only)

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
    time: dt.time | None = None  # time of day, optional


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
    note: str = ""  # what happened with this change (optional)


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
    need: str = ""  # hulpvraag: what the family needs from the partner
    contact_person: str = ""  # the contact person at the partner
    status_note: str = ""  # the note with the first status (on add)

    @property
    def status_date(self) -> dt.date:
        """The date of the latest status change (the referral's own date before any)."""
        return self.history[-1].date if self.history else self.date

    def days_waiting(self, today: dt.date) -> int:
        """Days since the latest status change (0 when it changed today)."""
        return max(0, (today - self.status_date).days)


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
    #: the families known to have attended (a subset: ``parents_count`` counts every parent there)
    family_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Signal:
    """A worry passed on before there is a family file (signaal): by whom (a code from the
    ``signal_source`` list), about which school and group, what was seen; its status has a dated
    history. It becomes a family (``family_id`` then links it) or is closed with a reason."""

    date: dt.date
    source: str  # code from the signal_source list
    seen: str  # what was seen (short text)
    school_id: int | None = None
    group: str = ""
    status: SignalStatus = SignalStatus.NEW
    status_date: dt.date | None = None  # the latest status change (the signal's date when new)
    closing_reason: str = ""  # code from the signal_closure list (status "geen actie nodig")
    family_id: int | None = None
    history: list[SignalChange] = field(default_factory=list)
    id: int | None = None


@dataclass(slots=True)
class SignalChange:
    status: SignalStatus
    date: dt.date
    id: int | None = None


@dataclass(slots=True)
class Appointment:
    """A planned appointment (afspraak) in the agenda: a date and time of day, a kind (a code from
    the ``contact_kind`` list, so it becomes a contact moment of that kind), an optional family."""

    date: dt.date
    time: dt.time | None
    kind: str  # code from the contact_kind list
    minutes: int = 60
    family_id: int | None = None
    note: str = ""
    status: AppointmentStatus = AppointmentStatus.PLANNED
    contact_id: int | None = None  # the contact moment it became
    id: int | None = None


@dataclass(slots=True)
class Snippet:
    """An officer-defined piece of text for notes and follow-ups, found by its abbreviation."""

    abbreviation: str  # a few letters typed to find it
    text: str
    id: int | None = None


@dataclass(slots=True)
class Attachment:
    """A file kept inside the vault (bijlage) on a family, and optionally on one of its referrals or
    contact moments: its file name, kind (a media type), size in bytes and SHA-256."""

    family_id: int
    name: str
    media_type: str
    size: int
    sha256: str = ""
    referral_id: int | None = None
    contact_id: int | None = None
    added_at: dt.datetime | None = None
    id: int | None = None
