"""Consent checks (issue 5): registration consent on the family, sharing consent on each referral.

The model already records both (date, given by). These functions find what is missing, so the
UI can show a visible warning (Overzicht, the family's page) and the inspection export lists it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from brugdesk.store.vault import Vault


@dataclass(frozen=True)
class MissingConsent:
    """A referral made without recorded sharing consent (or a family without registration consent)."""

    family_id: int
    family_ref: str
    family_name: str
    referral_id: int | None
    date: dt.date


def referrals_without_consent(vault: Vault, family_id: int | None = None) -> list[MissingConsent]:
    """Referrals with no recorded sharing consent, oldest first (optionally of one family)."""
    sql = ("SELECT f.id, f.ref, f.display_name, r.id, r.date FROM referral r JOIN family f ON f.id = r.family_id "
           "WHERE r.consent_date IS NULL")
    args: list[int] = []
    if family_id is not None:
        sql += " AND f.id = ?"
        args.append(family_id)
    return [MissingConsent(int(r[0]), str(r[1]), str(r[2]), int(r[3]), dt.date.fromisoformat(r[4]))
            for r in vault.conn.execute(sql + " ORDER BY r.date, r.id", args)]


def families_without_consent(vault: Vault) -> list[MissingConsent]:
    """Open (not closed) families with no recorded registration consent, oldest first."""
    return [MissingConsent(int(r[0]), str(r[1]), str(r[2]), None, dt.date.fromisoformat(r[3]))
            for r in vault.conn.execute(
                "SELECT id, ref, display_name, start_date FROM family WHERE consent_date IS NULL "
                "AND status != 'closed' ORDER BY start_date, id")]
