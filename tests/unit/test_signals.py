"""Signals: a worry passed on before there is a family file; its dated status history, the list with
filters and counts, becoming a family (data carried over, linked, status set), closing with a reason,
a record key, and the families' retention and erasure rules."""

from __future__ import annotations

import datetime as dt

import pytest

from brugdesk.core.model import Member, MemberRole, School, SchoolType, Signal, SignalStatus
from brugdesk.core.validation import ValidationError
from brugdesk.privacy import retention
from brugdesk.store.vault import Vault

TODAY = dt.date(2026, 3, 15)


@pytest.fixture
def school(vault: Vault) -> int:
    made = vault.repo.schools.add(School("Basisschool De Linde", SchoolType.PO))
    assert made.id is not None
    return made.id


def _signal(vault: Vault, school: int | None, day: dt.date = dt.date(2026, 3, 2), source: str = "teacher",
            seen: str = "Kind komt vaak zonder ontbijt op school.") -> Signal:
    return vault.repo.signals.add(Signal(day, source, seen, school_id=school, group="5"), today=TODAY)


def test_a_new_signal_has_its_first_status_and_a_record_key(vault: Vault, school: int) -> None:
    signal = _signal(vault, school)
    assert signal.id is not None
    stored = vault.repo.signals.get(signal.id)
    assert (stored.status, stored.status_date, stored.group, stored.school_id) == (
        SignalStatus.NEW, dt.date(2026, 3, 2), "5", school)
    assert [(c.status, c.date) for c in stored.history] == [(SignalStatus.NEW, dt.date(2026, 3, 2))]
    rkey = vault.conn.execute("SELECT rkey FROM signal WHERE id = ?", (signal.id,)).fetchone()[0]
    assert 0 <= rkey <= 255


def test_signal_validation_is_dutch_and_writes_nothing(vault: Vault) -> None:
    with pytest.raises(ValidationError) as info:
        vault.repo.signals.add(Signal(TODAY + dt.timedelta(days=1), "", "  "), today=TODAY)
    assert info.value.errors == {"date": "Een signaal kan niet in de toekomst liggen.",
                                 "source": "Kies van wie het signaal komt.",
                                 "seen": "Beschrijf kort wat er is gezien."}
    assert vault.repo.signals.count() == 0


def test_status_history_and_closing_with_a_reason(vault: Vault, school: int) -> None:
    signal = _signal(vault, school)
    assert signal.id is not None
    signals = vault.repo.signals
    signals.change_status(signal.id, SignalStatus.TAKEN_UP, dt.date(2026, 3, 4), today=TODAY)
    with pytest.raises(ValidationError) as info:
        signals.change_status(signal.id, SignalStatus.NO_ACTION, dt.date(2026, 3, 9), today=TODAY)
    assert info.value.errors == {"closing_reason": "Kies waarom er geen actie nodig is."}
    with pytest.raises(ValidationError) as info:
        signals.change_status(signal.id, SignalStatus.NO_ACTION, dt.date(2026, 3, 3), closing_reason="no_worry",
                              today=TODAY)
    assert "status_date" in info.value.errors
    closed = signals.change_status(signal.id, SignalStatus.NO_ACTION, dt.date(2026, 3, 9),
                                   closing_reason="no_worry", today=TODAY)
    assert (closed.status, closed.status_date, closed.closing_reason) == (
        SignalStatus.NO_ACTION, dt.date(2026, 3, 9), "no_worry")
    assert [c.status for c in closed.history] == [SignalStatus.NEW, SignalStatus.TAKEN_UP, SignalStatus.NO_ACTION]
    # taken up again: the reason goes, the history keeps every step
    again = signals.change_status(signal.id, SignalStatus.TAKEN_UP, dt.date(2026, 3, 12), today=TODAY)
    assert again.closing_reason == "" and len(again.history) == 4
    with pytest.raises(ValidationError):
        signals.change_status(signal.id, SignalStatus.FAMILY_CREATED, dt.date(2026, 3, 12), today=TODAY)


def test_the_list_filters_pages_and_counts(vault: Vault, school: int) -> None:
    signals = vault.repo.signals
    made = [_signal(vault, school if i % 2 else None, dt.date(2026, 2, 1) + dt.timedelta(days=i),
                    "teacher" if i % 3 else "ib") for i in range(9)]
    assert made[4].id is not None
    signals.change_status(made[4].id, SignalStatus.NO_ACTION, dt.date(2026, 3, 1), closing_reason="moved",
                          today=TODAY)
    rows = signals.rows()
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)  # newest first
    assert len(rows) == signals.count() == 9
    assert signals.count(statuses=(SignalStatus.NEW, SignalStatus.TAKEN_UP)) == 8
    assert {r.id for r in signals.rows(source="ib")} == {s.id for i, s in enumerate(made) if i % 3 == 0}
    at_school = signals.rows(school_id=school)
    assert {r.id for r in at_school} == {s.id for i, s in enumerate(made) if i % 2}
    assert {r.school_name for r in at_school} == {"Basisschool De Linde"}
    assert signals.rows(limit=3, offset=3) == rows[3:6]
    assert signals.count(since=dt.date(2026, 2, 5), until=dt.date(2026, 2, 6)) == 2
    assert signals.counts_by_status() == {SignalStatus.NEW: 8, SignalStatus.TAKEN_UP: 0,
                                          SignalStatus.FAMILY_CREATED: 0, SignalStatus.NO_ACTION: 1}


def test_a_signal_becomes_a_family_with_its_data_carried_over(vault: Vault, school: int) -> None:
    signal = _signal(vault, school, source="ib")
    assert signal.id is not None
    family, parents, children = vault.repo.signals.intake_draft(signal.id, today=TODAY)
    assert (family.signal_source, family.school_ids, family.start_date) == ("ib", [school], TODAY)
    assert [(c.role, c.school_id, c.group) for c in children] == [(MemberRole.CHILD, school, "5")]
    family.display_name = "Fam. Benali"
    children[0].first_name = "Yara"
    parents.append(Member(MemberRole.PARENT, "Samira", "Benali", email="samira@example.nl"))

    made = vault.repo.signals.make_family(signal.id, family, parents, children, today=TODAY)

    assert made.id is not None
    stored = vault.repo.signals.get(signal.id)
    assert (stored.status, stored.family_id, stored.status_date) == (SignalStatus.FAMILY_CREATED, made.id, TODAY)
    assert vault.repo.families.get(made.id).signal_source == "ib"
    assert [(m.first_name, m.last_name, m.group) for m in vault.repo.members.list(made.id)] == [
        ("Samira", "Benali", ""), ("Yara", "Benali", "5")]
    assert [s.id for s in vault.repo.signals.of_family(made.id)] == [signal.id]
    assert vault.repo.signals.rows()[0].family_ref == made.ref
    with pytest.raises(ValidationError):
        vault.repo.signals.make_family(signal.id, family, [], [Member(MemberRole.CHILD, "Noor")], today=TODAY)


def test_a_failed_intake_leaves_the_signal_as_it_was(vault: Vault, school: int) -> None:
    signal = _signal(vault, school)
    assert signal.id is not None
    family, parents, children = vault.repo.signals.intake_draft(signal.id, today=TODAY)
    family.display_name = "Fam. Kaya"  # the child has no first name yet
    with pytest.raises(ValidationError) as info:
        vault.repo.signals.make_family(signal.id, family, parents, children, today=TODAY)
    assert info.value.errors == {"children.0.first_name": "Vul een voornaam in."}
    assert vault.repo.signals.get(signal.id).status == SignalStatus.NEW
    assert vault.repo.families.count() == 0


def test_erasing_a_family_removes_its_signal_and_the_purge_removes_old_closed_signals(vault: Vault,
                                                                                       school: int) -> None:
    signals = vault.repo.signals
    became = _signal(vault, school, dt.date(2023, 1, 10))
    old_closed = _signal(vault, school, dt.date(2023, 1, 10))
    recent_closed = _signal(vault, school, dt.date(2025, 6, 1))
    still_open = _signal(vault, school, dt.date(2023, 1, 10))
    assert became.id and old_closed.id and recent_closed.id and still_open.id
    family, parents, children = signals.intake_draft(became.id, today=dt.date(2023, 1, 12))
    family.display_name, children[0].first_name = "Fam. Osei", "Kofi"
    made = signals.make_family(became.id, family, parents, children, today=dt.date(2023, 1, 12))
    signals.change_status(old_closed.id, SignalStatus.NO_ACTION, dt.date(2023, 2, 1), closing_reason="no_worry",
                          today=TODAY)
    signals.change_status(recent_closed.id, SignalStatus.NO_ACTION, dt.date(2025, 6, 2), closing_reason="other",
                          today=TODAY)
    assert made.id is not None
    assert retention.signals_past_retention(vault, TODAY) == [old_closed.id]  # closed over two years ago

    assert retention.erase_family(vault, made.id, today=TODAY) == 1
    assert {r.id for r in signals.rows()} == {old_closed.id, recent_closed.id, still_open.id}
    assert vault.conn.execute("SELECT count(*) FROM signal_status WHERE signal_id = ?",
                              (became.id,)).fetchone()[0] == 0

    assert retention.purge(vault, [], today=TODAY) == 0  # no family due; the old closed signal is
    assert {r.id for r in signals.rows()} == {recent_closed.id, still_open.id}
    assert vault.conn.execute("SELECT count(*) FROM audit WHERE entity = 'signal' AND entity_id = ?",
                              (old_closed.id,)).fetchone()[0] == 0  # its id redacted in the audit log
    from brugdesk.store import audit

    assert audit.verify_chain(vault.conn) is None
