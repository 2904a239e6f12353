"""The referrals page's data: hulpvraag and contact person, a note with each status change, days
waiting since the latest change, and the filtered, paged list (status, partner type, school, overdue)."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.model import Family, Partner, Referral, ReferralStatus, School, SchoolType
from brugdesk.core.validation import ValidationError
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


def _setup(vault: Vault) -> tuple[int, int, int, int, int]:
    repo = vault.repo
    a = repo.schools.add(School("De Linde", SchoolType.PO)).id
    b = repo.schools.add(School("Het Baken", SchoolType.VO)).id
    assert a is not None and b is not None
    fa = repo.families.create(Family("Fam. Aarts", dt.date(2025, 9, 1), school_ids=[a]), today=TODAY).id
    fb = repo.families.create(Family("Fam. Bos", dt.date(2025, 9, 1), school_ids=[b]), today=TODAY).id
    wijk = repo.partners.add(Partner("Wijkteam Noord", "wijkteam")).id
    debt = repo.partners.add(Partner("Schuldhulp", "debt_help")).id
    assert fa and fb and wijk and debt
    return a, b, fa, fb, wijk if debt else 0


def test_a_referral_through_its_statuses_with_notes(vault: Vault) -> None:
    _a, _b, fa, _fb, wijk = _setup(vault)
    referrals = vault.repo.referrals
    made = referrals.add(Referral(fa, wijk, dt.date(2026, 1, 5), need="Hulp bij de opvoeding na de scheiding",
                                  contact_person="Marieke (wijkcoach)", status_note="Besproken met moeder"),
                         today=TODAY)
    assert made.id is not None
    referrals.change_status(made.id, ReferralStatus.REFERRED, dt.date(2026, 1, 12), today=TODAY,
                            note="Aanmelding gemaild: 'ouders: ja'")
    referrals.change_status(made.id, ReferralStatus.WAITING_LIST, dt.date(2026, 2, 2), today=TODAY)
    stored = referrals.get(made.id)
    assert (stored.need, stored.contact_person) == ("Hulp bij de opvoeding na de scheiding", "Marieke (wijkcoach)")
    assert [(c.status, c.date, c.note) for c in stored.history] == [
        (ReferralStatus.PROPOSED, dt.date(2026, 1, 5), "Besproken met moeder"),
        (ReferralStatus.REFERRED, dt.date(2026, 1, 12), "Aanmelding gemaild: 'ouders: ja'"),
        (ReferralStatus.WAITING_LIST, dt.date(2026, 2, 2), ""),
    ]
    assert stored.status_date == dt.date(2026, 2, 2)
    assert stored.days_waiting(TODAY) == 41
    stored.need, stored.contact_person = "Opvoedondersteuning", "Jeroen"
    referrals.update(stored, today=TODAY)
    assert (referrals.get(made.id).need, referrals.get(made.id).contact_person) == ("Opvoedondersteuning", "Jeroen")
    with pytest.raises(ValidationError) as info:
        referrals.change_status(made.id, ReferralStatus.ACCEPTED, TODAY, today=TODAY, note="x" * 1001)
    assert info.value.errors == {"note": "Houd de notitie kort: hoogstens 1000 tekens."}
    [row] = referrals.listing(today=TODAY)
    assert (row.status, row.status_date, row.days_waiting, row.need, row.partner_name, row.schools) == (
        ReferralStatus.WAITING_LIST, dt.date(2026, 2, 2), 41, "Opvoedondersteuning", "Wijkteam Noord", "De Linde")
    assert row.overdue  # 41 days on the waiting list, more than the default 28


def test_the_listing_filters_combine_and_page(vault: Vault) -> None:
    a, _b, fa, fb, wijk = _setup(vault)
    debt = vault.repo.partners.add(Partner("Schuldhulp", "debt_help")).id
    assert debt is not None
    referrals = vault.repo.referrals
    made = []
    for i in range(12):
        family, partner = (fa, wijk) if i % 2 else (fb, debt)
        r = referrals.add(Referral(family, partner, dt.date(2026, 1, 1) + dt.timedelta(days=5 * i)), today=TODAY)
        assert r.id is not None
        if i % 3 == 0:
            referrals.change_status(r.id, ReferralStatus.REFERRED, r.date + dt.timedelta(days=1), today=TODAY)
        if i % 4 == 0:
            referrals.change_status(r.id, ReferralStatus.DECLINED if i % 3 else ReferralStatus.ACCEPTED,
                                    r.date + dt.timedelta(days=2), today=TODAY)
        made.append(referrals.get(r.id))
    everything = referrals.listing(today=TODAY)
    assert len(everything) == referrals.count_listing() == 12
    assert [r.status_date for r in everything] == sorted(r.status_date for r in everything)  # longest waiting first
    assert referrals.listing(limit=5, offset=5, today=TODAY) == everything[5:10]

    def ids(**filters: object) -> set[int]:
        found = {r.id for r in referrals.listing(today=TODAY, **filters)}  # type: ignore[arg-type]
        assert len(found) == referrals.count_listing(today=TODAY, **filters)  # type: ignore[arg-type]
        return found

    assert ids(statuses=[ReferralStatus.REFERRED]) == {m.id for m in made if m.status == ReferralStatus.REFERRED}
    assert ids(partner_type="debt_help") == {m.id for m in made if m.partner_id == debt}
    assert ids(school_id=a) == {m.id for m in made if m.family_id == fa}
    cutoff = TODAY - dt.timedelta(days=28)
    overdue = {m.id for m in made if m.status in (ReferralStatus.PROPOSED, ReferralStatus.REFERRED,
                                                   ReferralStatus.WAITING_LIST) and m.status_date < cutoff}
    assert overdue and ids(overdue=True) == overdue
    assert {r.id for r in everything if r.overdue} == overdue
    assert referrals.count_overdue(TODAY) == len(overdue)
    assert ids(overdue=True, partner_type="wijkteam", statuses=[ReferralStatus.PROPOSED]) == {
        m.id for m in made if m.id in overdue and m.partner_id == wijk and m.status == ReferralStatus.PROPOSED}
    assert ids(statuses=[]) == set()
    vault.repo.settings.set_referral_overdue_days(365)
    assert ids(overdue=True) == set()
    with pytest.raises(ValidationError) as info:
        vault.repo.settings.set_referral_overdue_days(0)
    assert info.value.errors == {"referral_overdue_days": "Het aantal dagen moet tussen 1 en 365 liggen."}
