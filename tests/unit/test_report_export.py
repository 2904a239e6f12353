"""The export path as an officer meets it: fixed periods only, the export history, the differencing rule,
one kind of scope per period, erasure, and the linked check over everything that was shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brugdesk.core.model import Contact, Family, FamilyStatus, Member, MemberRole, School
from brugdesk.core.periods import explicit_period, find_exportable
from brugdesk.reports import export, linked
from brugdesk.reports.report import WITHHELD_MARK, ProtectedReport, period_id
from brugdesk.store.vault import Vault

D = dt.date.fromisoformat
LATE = dt.date(2027, 1, 1)  # the day the test data is entered (every date lies before it)


def _family(vault: Vault, school: int, start: str, themes: list[str], source: str = "teacher",
            children: int = 1) -> int:
    fam = Family(display_name=f"Fam {start}", start_date=D(start), status=FamilyStatus.ACTIVE,
                 signal_source=source, themes=themes, school_ids=[school])
    vault.repo.families.create(fam, LATE)
    assert fam.id is not None
    for i in range(children):
        vault.repo.members.add(Member(MemberRole.CHILD, f"Kind{i}", birth_year=2016, school_id=school,
                                      family_id=fam.id), LATE)
    return fam.id


def _caseload(vault: Vault, n: int = 24) -> tuple[int, int, list[int]]:
    """A school with ``n`` families started before the school year, each with a contact a month."""
    a = vault.repo.schools.add(School("School A", pupil_count=300)).id
    b = vault.repo.schools.add(School("School B", pupil_count=120)).id
    assert a is not None and b is not None
    themes = (["parenting"], ["money"], ["parenting", "money"], ["behaviour"], ["housing", "money"])
    ids = []
    for i in range(n):
        fid = _family(vault, a if i % 4 else b, f"2025-0{1 + i % 6}-1{i % 9}", themes[i % len(themes)],
                      ("teacher", "ib", "parent")[i % 3], children=1 + i % 2)
        ids.append(fid)
        for month in range(8, 13):
            vault.repo.contacts.add(Contact(fid, D(f"2026-{month:02d}-0{1 + i % 9}"), 30 + 15 * (i % 3),
                                            ("home_visit", "school_talk", "phone")[i % 3]), LATE)
    return a, b, ids


def _cells(report: ProtectedReport, pid: str | None = None) -> dict[str, str]:
    pid = pid or report.period_id
    return {c.code: c.value for c in report.cells if c.period == pid}


def _table(report: ProtectedReport, key: str) -> dict[str, tuple[str, ...]]:
    return next({r.label: r.values for r in t.rows} for t in report.tables() if t.key == key)


def test_only_fixed_periods_can_be_exported(vault: Vault, tmp_path: Path) -> None:
    _caseload(vault)
    today = dt.date(2026, 12, 1)
    labels = {(e.label, e.running, e.period.end.isoformat()) for e in export.catalogue(vault.repo, today)}
    assert {("2026-2027", True, "2026-11-30"), ("2026-2027/T1", True, "2026-11-30"),
            ("2025-2026", False, "2026-07-31"), ("2026", True, "2026-11-30")} <= labels
    screen = export.report_for(vault.repo, explicit_period(D("2026-09-01"), D("2026-11-15")), today=today)
    assert not screen.exportable
    with pytest.raises(export.ExportRefused):
        export.export(vault.repo, explicit_period(D("2026-09-01"), D("2026-11-15")), today=today,
                      pdf=tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists() and vault.repo.reportdata.exports() == []
    with pytest.raises(export.ExportRefused):  # the term has not had a full month yet
        export.report_for(vault.repo, "2026-2027/T1", today=dt.date(2026, 8, 20))


def test_an_export_is_recorded_and_the_same_records_give_the_same_report(vault: Vault, tmp_path: Path) -> None:
    _caseload(vault)
    today = dt.date(2026, 12, 1)
    first = export.export(vault.repo, "2026-2027/T1", today=today, csv=tmp_path / "a.csv")
    assert first.report.running and first.report.cut_text == "tussenstand t/m 30 november 2026"
    second = export.export(vault.repo, "2026-2027/T1", today=dt.date(2026, 12, 20), csv=tmp_path / "b.csv")
    assert second.report.cells == first.report.cells  # consistent: nothing to average away
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    records = vault.repo.reportdata.exports()
    assert [r.id for r in records] == [first.export_id, second.export_id]
    assert {c.code for c in records[0].cells} >= {"reach.active", "contacts.total", "themes.money"}


def test_one_new_family_between_two_cuts_is_never_shown_by_the_difference(vault: Vault, tmp_path: Path) -> None:
    a, _b, _ids = _caseload(vault)
    export.export(vault.repo, "2026-2027/T1", today=dt.date(2026, 11, 2), csv=tmp_path / "oct.csv")
    # in November exactly one family comes in: three children, money worries and parenting
    _family(vault, a, "2026-11-10", ["money", "parenting"], source="wijkteam", children=3)
    later = export.report_for(vault.repo, "2026-2027/T1", today=dt.date(2026, 12, 1))
    cells = _cells(later)
    for code in ("reach.active", "reach.new", "reach.children", "sources.wijkteam", "themes.money",
                 "themes.parenting", "themes.behaviour"):
        assert cells.get(code, WITHHELD_MARK) == WITHHELD_MARK, code  # not printed next to October's
    assert any("minder gezinnen dan de drempel" in note for note in later.withheld_notes)
    assert _table(later, "themes")["Geldzorgen en schulden"] == (WITHHELD_MARK,)
    assert cells["contacts.total"] not in ("", WITHHELD_MARK)  # 24 families had contacts: that still shows


def test_a_period_is_shared_for_all_schools_or_per_school_never_both(vault: Vault, tmp_path: Path) -> None:
    a, b, _ids = _caseload(vault)
    today = dt.date(2027, 1, 5)
    export.export(vault.repo, "2026-2027/T1", None, today=today, csv=tmp_path / "all.csv")
    with pytest.raises(export.ExportRefused, match="alle scholen samen gedeeld"):
        export.report_for(vault.repo, "2026-2027/T1", b, today=today)
    with pytest.raises(export.ExportRefused):
        export.export(vault.repo, "2026", a, today=today, csv=tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


def test_an_erased_family_leaves_no_trace_in_the_history_but_still_counts(vault: Vault, tmp_path: Path) -> None:
    from brugdesk.privacy.retention import erase_family

    _a, _b, ids = _caseload(vault)
    export.export(vault.repo, "2026-2027/T1", today=dt.date(2026, 12, 1), csv=tmp_path / "r.csv")
    rows = vault.conn.execute("SELECT count(*) FROM report_family WHERE family_id = ?", (ids[5],)).fetchone()[0]
    assert rows > 0
    erase_family(vault, ids[5], today=dt.date(2026, 12, 2))
    assert vault.conn.execute("SELECT count(*) FROM report_family WHERE family_id = ?", (ids[5],)).fetchone()[0] == 0
    placeholders = vault.conn.execute("SELECT count(*) FROM report_family WHERE family_id < 0").fetchone()[0]
    assert placeholders == rows
    # the same period again, now without that one family: every block it was in differs by one family
    again = export.report_for(vault.repo, "2026-2027/T1", today=dt.date(2026, 12, 3))
    assert _cells(again).get("reach.active", WITHHELD_MARK) == WITHHELD_MARK


def test_everything_an_officer_shares_over_a_year_passes_the_attackers_check(demo_vault: Vault,
                                                                            tmp_path: Path) -> None:
    """Every export the product allows on the second of each month, checked together by the LP."""
    shared: list[linked.Published] = []
    start = dt.date(2025, 8, 2)
    for month in range(8):
        today = dt.date(start.year + (start.month + month - 1) // 12, (start.month + month - 1) % 12 + 1, 2)
        for item in export.catalogue(demo_vault.repo, today)[:4]:
            try:
                result = export.export(demo_vault.repo, item, None, today=today, csv=tmp_path / "r.csv")
            except export.ExportRefused:
                continue
            for pid in {c.period for c in result.report.cells}:
                s, e = pid.split("..")
                shared.append(linked.Published(D(s), D(e), result.report.k, result.report.d,
                                               _cells(result.report, pid), False))
    assert len(shared) > 10
    # the product checked each export against the ones before it; here all of them together
    by_span = {}
    for p in shared:
        by_span[(p.pid, tuple(sorted(p.cells.items())))] = p
    try:
        violations = linked.check(list(by_span.values()))
    except Exception as exc:  # the records changed between exports (demo data is fixed: they do not)
        raise AssertionError(exc) from exc
    assert violations == []
    assert find_exportable("2025-2026", demo_vault.repo.settings.term_starts, dt.date(2026, 3, 2)) is not None
    assert period_id(explicit_period(D("2025-08-01"), D("2025-08-31"))) == "2025-08-01..2025-08-31"


def test_restoring_an_older_backup_keeps_the_history_of_what_was_shared(vault: Vault, vault_dir: Path,
                                                                        tmp_path: Path) -> None:
    """A backup from before an export must not make the vault forget that the report left the laptop:
    the next export would then be compared with nothing. The restore carries the history over."""
    from brugdesk.privacy import backup_policy, restore
    from tests.conftest import PASSPHRASE

    a, _b, _ids = _caseload(vault)
    old = backup_policy.make_backup(vault, now=dt.datetime(2026, 11, 1, 9, 0))
    shared = export.export(vault.repo, "2026-2027/T1", today=dt.date(2026, 11, 2), csv=tmp_path / "oct.csv")
    key = vault.data_key
    vault.close()
    restore.restore(vault_dir, old.path, key, now=dt.datetime(2026, 11, 20, 9, 0))
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as restored:
        [kept] = restored.repo.reportdata.exports()
        assert {(c.period, c.code, c.value) for c in kept.cells} == {
            (c.period, c.code, c.value) for c in shared.report.cells}
        # and the rule still holds: one new family after the shared October report is not shown by difference
        _family(restored, a, "2026-11-10", ["money"], source="wijkteam", children=3)
        later = export.report_for(restored.repo, "2026-2027/T1", today=dt.date(2026, 12, 1))
        assert _cells(later).get("reach.new", WITHHELD_MARK) == WITHHELD_MARK


def test_a_call_outside_the_familys_time_in_the_caseload_counts_as_a_contact_not_as_a_family(
        vault: Vault) -> None:
    """The linked check (and any reader) assumes the families with a contact in a month, with a home
    visit or with a referral were in the caseload then; the counts keep to that."""
    school = vault.repo.schools.add(School("School A", pupil_count=300)).id
    assert school is not None
    fid = _family(vault, school, "2026-03-10", ["money"])
    vault.repo.contacts.add(Contact(fid, D("2026-02-20"), 30, "home_visit"), LATE)  # before its start
    vault.repo.contacts.add(Contact(fid, D("2026-03-12"), 30, "phone"), LATE)
    counts = vault.repo.reportdata.counts(D("2026-01-01"), D("2026-03-31"), None)["counts"]
    assert counts["contacts.total"].n == 2 and counts["months.2026-02.contacts"].n == 1
    assert "months.2026-02.families" not in counts and counts["months.2026-03.families"].n == 1
    assert counts["contacts.home_visit_families"].n == 1  # in the caseload during the term
    feb = vault.repo.reportdata.counts(D("2026-02-01"), D("2026-02-28"), None)["counts"]
    assert feb["contacts.home_visit"].n == 1 and feb["contacts.home_visit_families"].n == 0
