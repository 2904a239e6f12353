"""Every service call that writes announces what it changed, once its transaction has committed
(brugdesk.store.changes): the pages of the app listen to these announcements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.lists import ListName
from brugdesk.core.model import (
    Activity,
    Contact,
    Family,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
    School,
)
from brugdesk.core.validation import ValidationError
from brugdesk.privacy import backup_policy, inspection, retention
from brugdesk.store.changes import Change, What
from brugdesk.store.vault import Vault


def _listen(vault: Vault) -> list[Change]:
    heard: list[Change] = []
    vault.changes.subscribe(heard.append)
    return heard


@pytest.fixture
def family(vault: Vault) -> Family:
    return vault.repo.families.create(Family("Fam. Jansen", dt.date(2026, 1, 5)))


def test_each_repository_write_announces_what_changed_and_for_which_family(vault: Vault, family: Family) -> None:
    repo = vault.repo
    fid = family.id
    assert fid is not None
    school = School("De Regenboog")
    partner = Partner("Wijkteam Noord", "wijkteam")
    member = Member(MemberRole.CHILD, "Milan", "Jansen", family_id=fid)
    contact = Contact(fid, dt.date(2026, 1, 6), 30, "home_visit")
    followup = FollowUp(fid, "Bellen", dt.date(2026, 2, 1))
    activity = Activity(dt.date(2026, 1, 7), "coffee_morning", parents_count=6, minutes=60)
    referral_box: list[Referral] = []

    def add_referral() -> None:
        repo.partners.add(partner)
        assert partner.id is not None
        referral_box.append(repo.referrals.add(Referral(fid, partner.id, dt.date(2026, 1, 8))))

    steps: list[tuple[Callable[[], Any], set[What], int | None]] = [
        (lambda: repo.schools.add(school), {What.SCHOOL}, None),
        (lambda: repo.schools.update(school), {What.SCHOOL}, None),
        (lambda: repo.families.update(family), {What.FAMILY}, fid),
        (lambda: repo.members.add(member), {What.MEMBER}, fid),
        (lambda: repo.members.update(member), {What.MEMBER}, fid),
        (lambda: repo.contacts.add(contact), {What.CONTACT}, fid),
        (lambda: repo.contacts.update(contact), {What.CONTACT}, fid),
        (lambda: repo.followups.add(followup), {What.FOLLOWUP}, fid),
        (lambda: repo.followups.update(followup), {What.FOLLOWUP}, fid),
        (lambda: repo.followups.set_done(followup.id or 0, dt.date(2026, 1, 9)), {What.FOLLOWUP}, fid),
        (add_referral, {What.PARTNER, What.REFERRAL}, None),
        (lambda: repo.partners.update(partner), {What.PARTNER}, None),
        (lambda: repo.referrals.update(referral_box[0]), {What.REFERRAL}, fid),
        (lambda: repo.referrals.change_status(referral_box[0].id or 0, ReferralStatus.REFERRED,
                                               dt.date(2026, 1, 9)), {What.REFERRAL}, fid),
        (lambda: repo.activities.add(activity), {What.ACTIVITY}, None),
        (lambda: repo.activities.update(activity), {What.ACTIVITY}, None),
        (lambda: repo.activities.delete(activity.id or 0), {What.ACTIVITY}, None),
        (lambda: repo.lists.add(ListName.THEME, "Mantelzorg"), {What.LIST}, None),
        (lambda: repo.lists.move(ListName.THEME, "housing", 1), {What.LIST}, None),
        (lambda: repo.settings.set_autolock_minutes(9), {What.SETTINGS}, None),
        (lambda: repo.families.close(fid, dt.date(2026, 1, 10), "resolved"), {What.FAMILY}, fid),
        (lambda: repo.families.reopen(fid), {What.FAMILY}, fid),
        (lambda: repo.referrals.delete(referral_box[0].id or 0), {What.REFERRAL}, fid),
        (lambda: repo.followups.delete(followup.id or 0), {What.FOLLOWUP}, fid),
        (lambda: repo.contacts.delete(contact.id or 0), {What.CONTACT}, fid),
        (lambda: repo.members.delete(member.id or 0), {What.MEMBER}, fid),
        (lambda: repo.families.record_view(fid), set(), None),  # a view changes nothing
    ]
    heard = _listen(vault)
    for step, what, family_id in steps:
        heard.clear()
        step()
        if not what:
            assert heard == [], step
            continue
        # separate transactions (the partner, then the referral) are announced one by one
        assert set().union(*(c.what for c in heard)) == what, step
        if family_id is not None:
            assert [c.family_id for c in heard] == [family_id], step


def test_one_transaction_is_one_announcement_after_its_commit(vault: Vault, family: Family) -> None:
    fid = family.id or 0
    seen_in_listener: list[int] = []

    def listener(change: Change) -> None:
        # the listener reads the committed state (a page refreshes from it)
        seen_in_listener.append(len(vault.repo.followups.list(fid)))
        heard.append(change)

    heard: list[Change] = []
    vault.changes.subscribe(listener)
    # a contact with a follow-up: the contact, the follow-up and the family's status in one call
    vault.repo.contacts.add(Contact(fid, dt.date(2026, 1, 6), 30, "home_visit", followup_text="Bellen",
                                    followup_date=dt.date(2026, 1, 20)))
    assert heard == [Change(frozenset({What.CONTACT, What.FOLLOWUP}), fid)]
    assert seen_in_listener == [1]

    heard.clear()
    with vault.transaction():
        vault.repo.followups.add(FollowUp(fid, "Mailen", dt.date(2026, 2, 1)))
        assert heard == []  # not before the commit
        other = vault.repo.families.create(Family("Fam. Bakker", dt.date(2026, 1, 5)))
    assert heard == [Change(frozenset({What.FOLLOWUP, What.FAMILY}), None)]  # two families: none named
    assert other.id != fid


def test_a_rolled_back_write_announces_nothing(vault: Vault, family: Family) -> None:
    heard = _listen(vault)
    with pytest.raises(ValidationError):
        vault.repo.contacts.add(Contact(family.id or 0, dt.date(2026, 1, 6), -5, "home_visit"))
    with pytest.raises(RuntimeError), vault.transaction():
        vault.repo.followups.add(FollowUp(family.id or 0, "Bellen", dt.date(2026, 2, 1)))
        raise RuntimeError("undone")
    assert heard == []
    assert vault.repo.followups.list(family.id or 0) == []
    # the next transaction starts clean
    vault.repo.settings.set_autolock_minutes(7)
    assert heard == [Change.of(What.SETTINGS)]


def test_a_listener_that_stopped_hears_nothing(vault: Vault) -> None:
    heard: list[Change] = []
    stop = vault.changes.subscribe(heard.append)
    vault.repo.settings.set_autolock_minutes(7)
    stop()
    stop()  # twice is harmless
    vault.repo.settings.set_autolock_minutes(8)
    assert heard == [Change.of(What.SETTINGS)]


def test_vault_level_service_calls_announce_too(vault: Vault, family: Family, tmp_path: Path) -> None:
    heard = _listen(vault)
    inspection.export_family(vault, family.id or 0, tmp_path / "inzage.pdf")
    assert heard == [Change.of(What.EXPORT, family.id)]
    heard.clear()
    backup_policy.prepare_backup(vault, folder=tmp_path)
    assert heard == [Change.of(What.BACKUP)]
    heard.clear()
    vault.change_passphrase("een andere lange zin voor de kluis 42")
    assert heard == [Change.of(What.KEYS)]
    heard.clear()
    day = dt.date(2026, 1, 31)
    vault.repo.reportdata.record_export(exported_on=day, scope="all", k=5, d=2, period_start=day, period_end=day,
                                        first_start=day, last_end=day, cells=[], signatures=[])
    assert heard == [Change.of(What.REPORT)]
    heard.clear()
    retention.erase_family(vault, family.id or 0)
    assert heard == [Change.of(What.ERASURE, family.id)]


def test_change_queries() -> None:
    change = Change(frozenset({What.CONTACT, What.FOLLOWUP}), 4)
    assert change.touches(What.CONTACT) and change.touches({What.FOLLOWUP, What.SCHOOL})
    assert not change.touches(What.SCHOOL, {What.LIST})
    assert change.concerns(4) and not change.concerns(5)
    assert Change.of(What.SCHOOL).concerns(5)  # a change of the whole vault concerns every family
    assert Change.merge([]) is None
    assert Change.merge([Change.of(What.MEMBER, 4), Change.of(What.CONTACT, 4)]) == \
        Change(frozenset({What.MEMBER, What.CONTACT}), 4)
    assert Change.merge([Change.of(What.MEMBER, 4), Change.of(What.SCHOOL)]).family_id is None  # type: ignore[union-attr]


def test_the_officers_week_announces_its_changes(vault: Vault, family: Family) -> None:
    """Signals, appointments, snippets, attendance, the intake and the officer's own name."""
    from brugdesk.core.model import Appointment, Signal, SignalStatus, Snippet

    repo = vault.repo
    fid = family.id
    assert fid is not None
    today = dt.date(2026, 3, 15)
    signal = Signal(dt.date(2026, 3, 2), "teacher", "Stil in de klas")
    visit = Appointment(dt.date(2026, 3, 10), dt.time(10, 0), "home_visit", 60, fid)
    snippet = Snippet("hb", "Huisbezoek afgelegd.")
    activity = Activity(dt.date(2026, 3, 3), "coffee_morning", parents_count=6)
    steps: list[tuple[Callable[[], Any], set[What], int | None]] = [
        (lambda: repo.signals.add(signal, today=today), {What.SIGNAL}, None),
        (lambda: repo.signals.change_status(signal.id or 0, SignalStatus.TAKEN_UP, dt.date(2026, 3, 3), today=today),
         {What.SIGNAL}, None),
        (lambda: repo.signals.link_family(signal.id or 0, fid, dt.date(2026, 3, 4), today=today), {What.SIGNAL}, fid),
        (lambda: repo.appointments.add(visit, today=today), {What.APPOINTMENT}, fid),
        (lambda: repo.appointments.happened(visit.id or 0, today=today), {What.APPOINTMENT, What.CONTACT}, fid),
        (lambda: repo.snippets.add(snippet), {What.SNIPPET}, None),
        (lambda: repo.snippets.delete(snippet.id or 0), {What.SNIPPET}, None),
        (lambda: repo.activities.add(activity, today=today), {What.ACTIVITY}, None),
        (lambda: repo.activities.set_attendance(activity.id or 0, [fid]), {What.ACTIVITY}, None),
        (lambda: repo.settings.set_officer("Marieke", "Brugfunctionaris"), {What.SETTINGS}, None),
        (lambda: repo.families.intake(Family("Fam. Bos", dt.date(2026, 3, 1)), [],
                                      [Member(MemberRole.CHILD, "Noor")], today=today),
         {What.FAMILY, What.MEMBER}, None),
    ]
    heard = _listen(vault)
    for step, what, family_id in steps:
        heard.clear()
        step()
        assert set().union(*(c.what for c in heard)) == what, step
        assert len(heard) == 1, step  # one transaction, one announcement
        if family_id is not None:
            assert heard[0].family_id == family_id, step
