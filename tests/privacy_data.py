"""Families full of canary strings, for the privacy and reliability tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from brugdesk.core.model import (
    Appointment,
    Consent,
    Contact,
    Family,
    FollowUp,
    Member,
    MemberRole,
    ParentalAuthority,
    Partner,
    Referral,
    Signal,
)
from brugdesk.store.vault import Vault
from tests.vaultbytes import canary


@dataclass
class CanaryFamily:
    id: int
    ref: str
    canaries: list[str] = field(default_factory=list)


def add_canary_family(vault: Vault, label: str = "gezin", *, closed: dt.date | None = None,
                      consent: bool = True) -> CanaryFamily:
    """A family whose name, member names and notes, contact notes, follow-up and referral note
    are each a unique canary; with a referral (status history) and a follow-up."""
    repo = vault.repo
    name, parent, child, mnote, note1, note2, todo, outcome = (canary(f"{label}{i}") for i in range(8))
    address, mail, need, person, status_note, seen, visit = (canary(f"{label}x{i}") for i in range(7))
    start = dt.date(2023, 9, 4)
    family = repo.families.create(Family(display_name=name, start_date=start, themes=["money"],
                                         consent=Consent(start, "moeder", "registratie")), today=dt.date(2026, 3, 1))
    assert family.id is not None
    repo.members.add(Member(MemberRole.PARENT, parent, family_id=family.id, notes=mnote, address=address,
                            email=f"{mail}@example.nl", phone="06-12345678", authority=ParentalAuthority.YES))
    repo.members.add(Member(MemberRole.CHILD, child, birth_year=2016, family_id=family.id))
    today = dt.date(2026, 3, 1)
    repo.contacts.add(Contact(family.id, dt.date(2023, 9, 10), 45, "home_visit", ["parents"], ["money"], note1),
                      today=today)
    repo.contacts.add(Contact(family.id, dt.date(2023, 10, 1), 30, "phone", ["parents"], note=note2,
                              followup_text=todo, followup_date=dt.date(2023, 10, 15)), today=today)
    partner = repo.partners.add(Partner("Schuldhulp Gemeente", "debt_help"))
    assert partner.id is not None
    referral = repo.referrals.add(Referral(
        family.id, partner.id, dt.date(2023, 10, 2), ["money"],
        sharing_consent=Consent(dt.date(2023, 10, 2), "vader") if consent else Consent(),
        outcome_note=outcome, need=need, contact_person=person), today=today)
    assert referral.id is not None
    from brugdesk.core.model import ReferralStatus

    repo.referrals.change_status(referral.id, ReferralStatus.REFERRED, dt.date(2023, 10, 5), today=today,
                                 note=status_note)
    signal = repo.signals.add(Signal(dt.date(2023, 9, 1), "teacher", seen, group="5"), today=today)
    assert signal.id is not None
    repo.signals.link_family(signal.id, family.id, start, today=today)
    repo.appointments.add(Appointment(dt.date(2023, 11, 7), dt.time(10, 0), "home_visit", 60, family.id, visit),
                          today=dt.date(2023, 11, 1))
    repo.followups.add(FollowUp(family.id, canary(f"{label}fu"), dt.date(2023, 11, 1)))
    if closed is not None:
        repo.families.close(family.id, closed, "resolved", today=max(today, closed))
    cf = CanaryFamily(family.id, family.ref, [name, parent, child, mnote, note1, note2, todo, outcome, address, mail,
                                              need, person, status_note, seen, visit])
    cf.canaries.append(repo.followups.list(family.id)[-1].text)
    return cf
