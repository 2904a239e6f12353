"""The rows the repositories return for lists (what a table on screen shows; no notes).

The list rows are NamedTuples: immutable like a frozen dataclass, and built several times faster
(a frozen dataclass sets every field through ``object.__setattr__``), which a page of 200 families
or follow-ups notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from brugdesk.core.model import FamilyStatus, FollowUp, Referral


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
