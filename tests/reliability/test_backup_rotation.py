"""60 simulated days of use: a backup every working day and on every close, rotated 7 daily +
4 weekly; every kept backup verifies; the newest is always kept; no backup holds plaintext."""

from __future__ import annotations

import datetime as dt

from brugdesk.core.model import Contact
from brugdesk.privacy import backup_policy
from brugdesk.store import backup_copy
from brugdesk.store.vault import Vault
from tests.privacy_data import add_canary_family
from tests.vaultbytes import occurrences

START = dt.datetime(2026, 1, 5, 8, 30)  # a Monday


def test_sixty_days_of_backups(vault: Vault) -> None:
    fam = add_canary_family(vault)
    made: list[dt.date] = []
    for day in range(60):
        morning = START + dt.timedelta(days=day)
        if morning.weekday() == 6 and day % 14 == 6:
            continue  # some Sundays the laptop stays shut: no backup that day
        daily = backup_policy.maybe_daily_backup(vault, now=morning)
        assert daily is not None  # first unlock of the day
        assert backup_policy.maybe_daily_backup(vault, now=morning + dt.timedelta(hours=2)) is None
        vault.repo.contacts.add(Contact(fam.id, morning.date(), 20, "phone", note=f"dag {day}"),
                                today=morning.date())
        closing = backup_policy.backup_on_close(vault, now=morning + dt.timedelta(hours=8))
        made.append(morning.date())

        kept = backup_policy.list_backups(vault.directory)
        assert kept[0].path == closing.path  # the newest is kept
        days = [e.when.date() for e in kept]
        assert len(days) == len(set(days))  # one per day
        # the last 7 days that had backups are all there
        assert sorted(set(made))[-7:] == sorted(d for d in days if d >= sorted(set(made))[-7:][0])
        weeks = {tuple(d.isocalendar())[:2] for d in days}
        made_weeks = sorted({tuple(d.isocalendar())[:2] for d in made})
        assert set(made_weeks[-4:]) <= weeks  # and one in each of the last 4 weeks
        assert len(kept) <= backup_policy.KEEP_DAILY + backup_policy.KEEP_WEEKLY
        assert all(e.when.date() in made for e in kept)
    kept = backup_policy.list_backups(vault.directory)
    assert len(kept) >= 7 + 2  # beyond the week: weekly backups older than the daily window remain
    assert min(e.when.date() for e in kept) < (START + dt.timedelta(days=59 - 14)).date()
    for entry in kept:
        info = backup_copy.verify_backup(entry.path, vault.data_key)
        assert info.row_counts["family"] == 1
        assert occurrences(fam.canaries, {entry.path.name: entry.path.read_bytes()}) == []
    # nothing but verified backups in the folder (no temporary leftovers)
    assert sorted(p.name for p in (vault.directory / "backups").iterdir()) == sorted(e.path.name for e in kept)
