"""``brugdesk demo`` at its default size looks like one officer's year (the assumptions are in the
docstring of brugdesk/store/demo/__init__.py), and fills the officer's week: signals, appointments,
snippets, attendance, contact details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from brugdesk.core.model import SignalStatus
from brugdesk.store import demo
from brugdesk.store.demo import week as demo_week
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault, _recovery = Vault.create(Path(tmp_path_factory.mktemp("year")) / "v", "correct horse battery staple",
                                    scrypt_n=2**12)
    demo.fill(vault.conn, families=demo.year_families(TODAY), seed=1, today=TODAY, profile="year")
    yield vault
    vault.close()


def _one(vault: Vault, sql: str, *args: object) -> float:
    return float(vault.conn.execute(sql, args).fetchone()[0] or 0)


def test_the_default_size_is_one_officers_year(year: Vault) -> None:
    span_years = (TODAY - demo.first_day_of(TODAY)).days / 365
    per_year = year.repo.families.count() / span_years
    assert 40 <= per_year <= 120
    # a term (August to December): hours of contact, families and pupils reached
    start, end = "2026-08-01", TODAY.isoformat()
    hours = _one(year, "SELECT sum(minutes) / 60.0 FROM contact WHERE date BETWEEN ? AND ?", start, end)
    assert 60 <= hours <= 250  # 0.6-1.0 FTE, some 40 % of it with families
    open_now = _one(year, "SELECT count(*) FROM family WHERE status != 'closed'")
    assert 20 <= open_now <= 60  # the caseload at any one time
    pupils = _one(year, "SELECT count(*) FROM member m JOIN family f ON f.id = m.family_id WHERE m.role = 'child' "
                        "AND m.school_id IS NOT NULL AND f.start_date <= ? AND (f.closed_date IS NULL OR "
                        "f.closed_date >= ?)", end, start)
    share = pupils / _one(year, "SELECT sum(pupil_count) FROM school")
    assert 0.03 <= share <= 0.15
    per_family = _one(year, "SELECT avg(n) FROM (SELECT count(*) AS n FROM contact GROUP BY family_id)")
    assert 4 <= per_family <= 12


def test_the_officers_week_is_filled(year: Vault) -> None:
    repo = year.repo
    counts = repo.signals.counts_by_status()
    assert counts[SignalStatus.FAMILY_CREATED] > counts[SignalStatus.NO_ACTION] > 0
    assert counts[SignalStatus.NEW] + counts[SignalStatus.TAKEN_UP] > 0
    linked = year.conn.execute("SELECT count(*) FROM signal g JOIN family f ON f.id = g.family_id "
                               "WHERE g.date <= f.start_date").fetchone()[0]
    assert linked == counts[SignalStatus.FAMILY_CREATED]
    week = repo.appointments.week(TODAY)
    assert 5 <= len(week) <= 40
    done = year.conn.execute("SELECT count(*) FROM appointment a JOIN contact c ON c.id = a.contact_id "
                             "WHERE a.status = 'done' AND c.date = a.date AND c.kind = a.kind").fetchone()[0]
    assert done > 0
    assert len(repo.snippets.list()) == len(demo_week.SNIPPETS)
    assert _one(year, "SELECT count(*) FROM activity_family") > 0
    assert _one(year, "SELECT count(*) FROM member WHERE role = 'parent' AND phone LIKE '06-00%'") > 0
    assert _one(year, "SELECT count(*) FROM referral WHERE need != ''") == _one(year, "SELECT count(*) FROM referral")
    assert _one(year, "SELECT count(*) FROM referral_status WHERE note != ''") > 0
    assert _one(year, "SELECT count(*) FROM contact WHERE time != ''") > 0
    assert _one(year, "SELECT min(rkey) FROM signal") >= 0
