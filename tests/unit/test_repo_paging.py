"""Paged and counted lists in the service layer (what a lazy table model asks for; issue 6)."""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import FamilyStatus
from brugdesk.store.vault import Vault
from tests.conftest import DEMO_TODAY


def test_pages_of_the_family_list_add_up_to_the_whole_list(demo_vault: Vault) -> None:
    families = demo_vault.repo.families
    whole = families.rows()
    assert len(whole) == 60
    pages, before = [], None
    while True:
        page = families.rows(limit=7, before_id=before)
        if not page:
            break
        assert len(page) <= 7
        pages.extend(page)
        before = page[-1].id
    assert pages == whole  # same rows, same order (newest first), nothing skipped or repeated


def test_paging_keeps_the_search_and_filters(demo_vault: Vault) -> None:
    families = demo_vault.repo.families
    word = families.rows()[0].display_name.split()[-1]
    matching = families.rows(search=word, status=FamilyStatus.ACTIVE)
    first = families.rows(search=word, status=FamilyStatus.ACTIVE, limit=2)
    assert first == matching[:2]
    if len(matching) > 2:
        rest = families.rows(search=word, status=FamilyStatus.ACTIVE, before_id=first[-1].id)
        assert first + rest == matching
    assert matching and all(word.casefold() in r.search for r in matching)


def test_ids_and_counts_match_the_rows(demo_vault: Vault) -> None:
    families = demo_vault.repo.families
    school = demo_vault.repo.schools.list()[0]
    assert school.id is not None
    for filters in ({}, {"school_id": school.id}, {"theme": "money"}, {"status": FamilyStatus.CLOSED},
                    {"search": "de jong"}, {"search": "zzzz-nobody"}):
        rows = families.rows(**filters)  # type: ignore[arg-type]
        assert families.ids(**filters) == {r.id for r in rows}  # type: ignore[arg-type]
        assert families.count_rows(**filters) == len(rows)  # type: ignore[arg-type]
    assert families.count_rows(search="zzzz-nobody") == 0
    assert 0 < families.count_rows(school_id=school.id) < 60
    assert 0 < families.count_rows(theme="money") < 60


def test_due_followups_first_page_and_count(demo_vault: Vault) -> None:
    followups = demo_vault.repo.followups
    until = DEMO_TODAY + dt.timedelta(days=7)
    due = followups.due(until)
    assert len(due) > 5
    assert followups.due(until, limit=5) == due[:5]
    assert followups.count_due(until) == len(due)
    assert [r.followup.due_date for r in due] == sorted(r.followup.due_date for r in due)


def test_a_familys_timeline_and_referrals_match_what_each_item_reads_back(demo_vault: Vault) -> None:
    """Contacts and referrals of a family are read with their themes and history in one query each."""
    repo = demo_vault.repo
    checked_themes = checked_history = 0
    for row in repo.families.rows()[:15]:
        contacts = repo.contacts.list(row.id)
        assert contacts == [repo.contacts.get(c.id) for c in contacts if c.id is not None]
        checked_themes += sum(1 for c in contacts if c.themes)
        referrals = repo.referrals.list(row.id)
        assert referrals == [repo.referrals.get(r.id) for r in referrals if r.id is not None]
        checked_history += sum(len(r.history) for r in referrals)
    assert checked_themes > 20 and checked_history > 10  # the comparison covered real themes and histories


def test_waiting_referrals_in_one_go_match_each_referral_and_page(demo_vault: Vault) -> None:
    referrals = demo_vault.repo.referrals
    waiting = referrals.waiting()
    assert len(waiting) > 3
    assert [w.referral for w in waiting] == [referrals.get(w.referral.id) for w in waiting if w.referral.id]
    assert all(w.referral.status in ("referred", "waiting_list") for w in waiting)
    assert referrals.waiting(limit=3) == waiting[:3]
    assert referrals.count_waiting() == len(waiting)
    # waiting longest first: by the date of the latest status change, the "since" Overzicht shows
    since = [(w.referral.history[-1].date, w.referral.id) for w in waiting]
    assert since == sorted(since)
    assert sorted(waiting, key=lambda w: (w.referral.date, w.referral.id)) != waiting  # the data tells them apart


def test_a_search_counts_through_the_narrow_search_index(vault: Vault) -> None:
    """Schema V3: the count of a search scans the index on family.search, not the wide rows."""
    from brugdesk.store import schema

    conn = vault.conn
    conn.execute("DROP INDEX family_search")  # back to a V2 vault
    conn.execute("PRAGMA user_version = 2")
    assert schema.migrate(conn, schema.MIGRATIONS[:3]) == 3
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM family f WHERE instr(f.search, 'jans') > 0"))
    assert "COVERING INDEX family_search" in plan
    # and the migration can run again over a vault that already has the index
    conn.execute("PRAGMA user_version = 2")
    assert schema.migrate(conn, schema.MIGRATIONS[:3]) == 3
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
