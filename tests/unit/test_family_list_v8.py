"""The Gezinnen list after schema V8: sorted by any column in SQL (the same order the table's own sort
keys give), the list columns kept on the family row by triggers (always equal to what the rows say),
overdue follow-ups flagged, the child a search matched, closed families hidden on request, and the
Ctrl+N picker finding children with what tells families apart."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from brugdesk.core.model import (
    Contact,
    Family,
    FamilyStatus,
    FollowUp,
    Member,
    MemberRole,
    Partner,
    Referral,
    ReferralStatus,
    School,
    SchoolType,
)
from brugdesk.core.text import fold
from brugdesk.store import schema
from brugdesk.store.repo.families import FamilySort
from brugdesk.store.repo.rows import FamilyRow
from brugdesk.store.vault import Vault
from tests.conftest import DEMO_TODAY

_STATUS_ORDER = {FamilyStatus.REGISTERED: 0, FamilyStatus.ACTIVE: 1, FamilyStatus.CLOSED: 2}
MISSING = "9999-99-99"


def _key(sort: FamilySort, row: FamilyRow) -> object:
    """The sort key as the Gezinnen table computes it in Python (ui/models/families.py)."""
    if sort == FamilySort.REF:
        head, _, number = row.ref.rpartition("-")
        return (head, int(number))
    return {
        FamilySort.NAME: lambda r: fold(r.display_name),
        FamilySort.STATUS: lambda r: _STATUS_ORDER[r.status],
        FamilySort.SCHOOLS: lambda r: r.schools,
        FamilySort.LAST_CONTACT: lambda r: r.last_contact.isoformat() if r.last_contact else MISSING,
        FamilySort.NEXT_FOLLOWUP: lambda r: r.next_followup.isoformat() if r.next_followup else MISSING,
        FamilySort.OPEN_REFERRALS: lambda r: r.open_referrals,
    }[sort](row)


def _summary(vault: Vault) -> list[tuple[object, ...]]:
    return vault.conn.execute("SELECT id, last_contact, next_followup, open_referrals, school_names FROM family "
                              "ORDER BY id").fetchall()


def _recomputed(vault: Vault) -> list[tuple[object, ...]]:
    conn = vault.conn
    conn.execute("SAVEPOINT check_summary")
    try:
        conn.execute(schema.family_summary_sql())
        return _summary(vault)
    finally:
        conn.execute("ROLLBACK TO check_summary")
        conn.execute("RELEASE check_summary")


@pytest.mark.parametrize("sort", list(FamilySort))
def test_every_column_sorts_in_sql_as_the_table_would(demo_vault: Vault, sort: FamilySort) -> None:
    families = demo_vault.repo.families
    everything = families.rows(today=DEMO_TODAY)
    for descending in (False, True):
        got = families.rows(sort=sort, descending=descending, today=DEMO_TODAY)
        assert sorted(r.id for r in got) == sorted(r.id for r in everything)
        keys = [_key(sort, r) for r in got]
        if sort in (FamilySort.LAST_CONTACT, FamilySort.NEXT_FOLLOWUP):
            present = [k for k in keys if k != MISSING]
            assert keys[: len(present)] == present  # missing dates last, either way round
            keys = present
        assert keys == sorted(keys, reverse=descending)  # type: ignore[type-var]
        # paged with offsets: the pages together are the whole sorted list
        pages = [r for offset in range(0, len(got), 7)
                 for r in families.rows(sort=sort, descending=descending, limit=7, offset=offset, today=DEMO_TODAY)]
        assert pages == got
    hidden = families.rows(sort=sort, open_only=True, today=DEMO_TODAY)
    assert {r.id for r in hidden} == {r.id for r in everything if r.status != FamilyStatus.CLOSED}


def test_the_demo_vault_list_columns_equal_what_the_rows_say(demo_vault: Vault) -> None:
    assert _summary(demo_vault) == _recomputed(demo_vault)


def test_the_triggers_keep_the_list_columns_through_every_kind_of_change(vault: Vault) -> None:
    repo = vault.repo
    rnd = random.Random(4)
    today = dt.date(2026, 3, 15)
    schools = [repo.schools.add(School(n, SchoolType.PO)).id for n in ("Zonnebloem", "Akker", "Molen")]
    partner = repo.partners.add(Partner("Wijkteam", "wijkteam")).id
    assert partner is not None
    ids = []
    for i in range(6):
        chosen = [s for s in schools if rnd.random() < 0.5 and s]
        family = repo.families.create(Family(f"Fam. {i}", dt.date(2025, 9, 1), school_ids=chosen), today=today)
        assert family.id is not None
        ids.append(family.id)
    for step in range(120):
        family_id = rnd.choice(ids)
        day = dt.date(2025, 9, 1) + dt.timedelta(days=rnd.randint(0, 190))
        action = rnd.randrange(7)
        if action == 0:
            repo.contacts.add(Contact(family_id, day, 30, "phone"), today=today)
        elif action == 1 and repo.contacts.list(family_id):
            contact = rnd.choice(repo.contacts.list(family_id))
            if rnd.random() < 0.5:
                contact.date = day
                repo.contacts.update(contact, today=today)
            else:
                assert contact.id is not None
                repo.contacts.delete(contact.id)
        elif action == 2:
            repo.followups.add(FollowUp(family_id, f"actie {step}", day))
        elif action == 3 and repo.followups.list(family_id):
            followup = rnd.choice(repo.followups.list(family_id))
            assert followup.id is not None
            if rnd.random() < 0.5:
                repo.followups.set_done(followup.id, None if followup.done else day)
            else:
                repo.followups.delete(followup.id)
        elif action == 4:
            referral = repo.referrals.add(Referral(family_id, partner, dt.date(2025, 9, 1)), today=today)
            assert referral.id is not None
            if rnd.random() < 0.5:
                repo.referrals.change_status(referral.id, ReferralStatus.DECLINED, dt.date(2025, 9, 2), today=today)
        elif action == 5:
            family = repo.families.get(family_id)
            family.school_ids = [s for s in schools if rnd.random() < 0.5 and s]
            repo.families.update(family, today=today)
        else:
            school = repo.schools.get(rnd.choice([s for s in schools if s]))
            school.name = f"{school.name.split()[0]} {step}"
            repo.schools.update(school)
        assert _summary(vault) == _recomputed(vault), (step, action)
    # and an erasure (foreign keys off, rows deleted one table at a time) leaves the others right
    from brugdesk.privacy import retention

    retention.erase_family(vault, ids[0], today=today)
    assert _summary(vault) == _recomputed(vault)


def test_overdue_follow_ups_are_flagged(vault: Vault) -> None:
    repo = vault.repo
    today = dt.date(2026, 3, 15)
    late = repo.families.create(Family("Fam. Laat", dt.date(2026, 1, 5)), today=today).id
    on_time = repo.families.create(Family("Fam. Op tijd", dt.date(2026, 1, 5)), today=today).id
    assert late is not None and on_time is not None
    repo.followups.add(FollowUp(late, "Bellen", dt.date(2026, 3, 14)))
    repo.followups.add(FollowUp(on_time, "Bellen", today))
    flags = {r.id: r.overdue for r in repo.families.rows(today=today)}
    assert flags == {late: True, on_time: False}


def _family_with_children(vault: Vault, name: str, children: list[tuple[str, str]], school: int | None = None,
                          closed: bool = False) -> int:
    today = dt.date(2026, 3, 15)
    family = Family(name, dt.date(2025, 9, 1), school_ids=[school] if school else [])
    made = vault.repo.families.intake(family, [Member(MemberRole.PARENT, "Sanne")],
                                      [Member(MemberRole.CHILD, first, group=group) for first, group in children],
                                      today=today)
    assert made.id is not None
    if closed:
        vault.repo.families.close(made.id, today, "resolved", today=today)
    return made.id


def test_the_list_says_which_child_a_search_matched(vault: Vault) -> None:
    bakker = _family_with_children(vault, "Fam. Bakker", [("Emma", "3"), ("Milan", "5")])
    jansen = _family_with_children(vault, "Fam. Jansen", [("Noor", "1")])
    rows = {r.id: r for r in vault.repo.families.rows(search="milan")}
    assert (rows[bakker].matched_child, rows[bakker].matched_group) == ("Milan", "5")
    # the family's own name matched: no child named
    assert vault.repo.families.rows(search="bakker")[0].matched_child == ""
    # two words: the surname and a child's first name
    [row] = vault.repo.families.rows(search="bakker em")
    assert (row.matched_child, row.matched_group) == ("Emma", "3")
    # a parent's name matched: no child named
    assert {r.matched_child for r in vault.repo.families.rows(search="sanne")} == {""}
    assert [r.id for r in vault.repo.families.rows(search="noor", limit=10)] == [jansen]
    assert [r.id for r in vault.repo.families.rows(search="milan", sort=FamilySort.NAME)] == [bakker]
    assert vault.repo.families.rows(search="milan", sort=FamilySort.NAME)[0].matched_child == "Milan"


def test_the_picker_finds_children_and_tells_same_names_apart(vault: Vault) -> None:
    linde = vault.repo.schools.add(School("De Linde", SchoolType.PO)).id
    baken = vault.repo.schools.add(School("Het Baken", SchoolType.VO)).id
    a = _family_with_children(vault, "Fam. de Vries", [("Milan", "5")], linde)
    b = _family_with_children(vault, "Fam. de Vries", [("Milan", "2B"), ("Fenna", "1A")], baken)
    c = _family_with_children(vault, "Fam. de Vries", [("Milan", "7")], linde, closed=True)
    found = vault.repo.families.picker_search("milan")
    assert {r.id for r in found} == {a, b}  # closed hidden
    by_id = {r.id: r for r in found}
    assert by_id[b].schools == "Het Baken"
    assert [(k.first_name, k.group, k.school) for k in by_id[b].children] == [
        ("Milan", "2B", "Het Baken"), ("Fenna", "1A", "Het Baken")]
    assert (by_id[a].matched_child, by_id[a].matched_group) == ("Milan", "5")
    assert {r.id for r in vault.repo.families.picker_search("milan", include_closed=True)} == {a, b, c}
    assert vault.repo.families.picker_search("fenna")[0].id == b
    assert vault.repo.families.picker_search("xyzzy") == []
    assert vault.repo.families.picker_search("  ") == []


def test_a_v7_vault_gets_its_list_columns_on_migration(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    expected = _summary(demo_vault)
    names = conn.execute("SELECT id, sort_name FROM family ORDER BY id").fetchall()
    conn.execute("UPDATE family SET last_contact = NULL, next_followup = NULL, open_referrals = 0, "
                 "school_names = '', sort_name = ''")
    conn.execute("PRAGMA user_version = 7")
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    assert _summary(demo_vault) == expected
    assert conn.execute("SELECT id, sort_name FROM family ORDER BY id").fetchall() == names
