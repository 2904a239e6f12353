"""Acties' paged queries: follow-ups a page at a time (offset), with counts, and the open-family filter."""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import FamilyStatus
from brugdesk.store.vault import Vault
from tests.conftest import DEMO_TODAY


def _pages(fetch, size: int) -> list[int]:
    out: list[int] = []
    while True:
        page = fetch(len(out), size)
        if not page:
            return out
        assert len(page) <= size
        out.extend(r.followup.id for r in page)


def test_follow_up_pages_add_up_to_the_whole_list_and_match_the_counts(demo_vault: Vault) -> None:
    followups = demo_vault.repo.followups
    week_end = DEMO_TODAY + dt.timedelta(days=6)
    since = DEMO_TODAY - dt.timedelta(days=90)

    whole_open = [r.followup.id for r in followups.open()]
    assert whole_open and _pages(lambda o, n: followups.open(n, o), 7) == whole_open
    assert followups.count_open() == len(whole_open)

    due = [r.followup.id for r in followups.due(DEMO_TODAY)]
    assert due and _pages(lambda o, n: followups.due(DEMO_TODAY, n, offset=o), 5) == due
    assert followups.count_due(DEMO_TODAY) == len(due)

    this_week = [r for r in followups.due(week_end) if r.followup.due_date >= DEMO_TODAY]
    assert this_week
    paged = _pages(lambda o, n: followups.due(week_end, n, since=DEMO_TODAY, offset=o), 3)
    assert paged == [r.followup.id for r in this_week]
    assert followups.count_due(week_end, since=DEMO_TODAY) == len(this_week)

    done = [r.followup.id for r in followups.done(since)]
    assert done and _pages(lambda o, n: followups.done(since, n, o), 4) == done
    assert followups.count_done(since) == len(done)


def test_open_only_leaves_out_closed_families(demo_vault: Vault) -> None:
    families = demo_vault.repo.families
    whole = families.rows()
    open_ids = [r.id for r in whole if r.status != FamilyStatus.CLOSED]
    assert 0 < len(open_ids) < len(whole)
    assert [r.id for r in families.rows(open_only=True)] == open_ids
    assert families.count_rows(open_only=True) == len(open_ids)
    assert families.ids(open_only=True) == set(open_ids)
