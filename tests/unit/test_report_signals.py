"""Signals (signalen) in the anonymised report (issue 13, item 2): counted by source and outcome, with
the report's protection, in a real vault (a SQLCipher file) built by hand through the repositories.

The period is 2025-2026/T1 (1 Aug - 31 Dec 2025), exported on 1 February 2026. School A, school B.
Signals (date, source, school, status history) and their outcome on 31 December 2025:

  S1 2025-09-03 teacher A   taken up 09-10                                  -> taken_up
  S2 2025-09-15 teacher A   taken up 10-01, no action 10-20                 -> no_action
  S3 2025-10-02 ib      A   (none)                                          -> new
  S4 2025-11-05 ib      B   family created 11-10 (linked to family F6)     -> family_created
  S5 2025-12-20 teacher A   taken up 2026-01-05 (after the period)          -> new
  S6 2025-07-30 teacher A   (before the period)                             -> not counted
  S7 2026-01-10 parent  A   (after the period)                              -> not counted
  S8 2025-10-10 parent  --  (no school: counts for all schools only)        -> new
  S9 2025-11-20 teacher A   no action 11-25, taken up again 12-01           -> taken_up
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.model import Family, FamilyStatus, Member, MemberRole, School, Signal, SignalStatus
from brugdesk.core.periods import parse_period
from brugdesk.reports import export, perturb
from brugdesk.reports.aggregate import aggregate
from brugdesk.reports.csv_out import csv_rows
from brugdesk.reports.pdf import render_pdf
from brugdesk.reports.report import WITHHELD_MARK, ProtectedReport
from brugdesk.store import erasure
from brugdesk.store.transaction import Transaction
from brugdesk.store.vault import Vault

D = dt.date.fromisoformat
TODAY = dt.date(2026, 2, 1)
T1 = "2025-2026/T1"
PID = "2025-08-01..2025-12-31"
K = 3

SIGNALS: dict[str, tuple[str, str, str | None, list[tuple[str, str]]]] = {
    "S1": ("2025-09-03", "teacher", "A", [("taken_up", "2025-09-10")]),
    "S2": ("2025-09-15", "teacher", "A", [("taken_up", "2025-10-01"), ("no_action", "2025-10-20")]),
    "S3": ("2025-10-02", "ib", "A", []),
    "S4": ("2025-11-05", "ib", "B", [("family_created", "2025-11-10")]),
    "S5": ("2025-12-20", "teacher", "A", [("taken_up", "2026-01-05")]),
    "S6": ("2025-07-30", "teacher", "A", []),
    "S7": ("2026-01-10", "parent", "A", []),
    "S8": ("2025-10-10", "parent", None, []),
    "S9": ("2025-11-20", "teacher", "A", [("no_action", "2025-11-25"), ("taken_up", "2025-12-01")]),
}
#: code -> the signals it counts, all schools (worked out by hand from the table above)
EXPECTED_ALL = {
    "signals.teacher.new": {"S5"}, "signals.teacher.taken_up": {"S1", "S9"}, "signals.teacher.no_action": {"S2"},
    "signals.teacher.family_created": set(), "signals.teacher.total": {"S1", "S2", "S5", "S9"},
    "signals.ib.new": {"S3"}, "signals.ib.family_created": {"S4"}, "signals.ib.total": {"S3", "S4"},
    "signals.parent.new": {"S8"}, "signals.parent.total": {"S8"},
    "signals.total.new": {"S3", "S5", "S8"}, "signals.total.taken_up": {"S1", "S9"},
    "signals.total.no_action": {"S2"}, "signals.total.family_created": {"S4"},
    "signals.total": {"S1", "S2", "S3", "S4", "S5", "S8", "S9"},
}


@pytest.fixture
def world(vault: Vault) -> dict[str, Any]:
    repo = vault.repo
    repo.settings.set_report_threshold(K)
    schools = {"A": repo.schools.add(School("School A", pupil_count=300)).id,
               "B": repo.schools.add(School("School B", pupil_count=100)).id}
    families = []
    for i in range(8):  # enough families at both schools for the report to print its tables
        school = schools["A" if i < 5 else "B"]
        fam = Family(display_name=f"Fam. {i}", start_date=D(f"2025-0{1 + i % 6}-1{i}"), status=FamilyStatus.ACTIVE,
                     signal_source="teacher", themes=["parenting"], school_ids=[school])
        repo.families.create(fam, TODAY)
        assert fam.id is not None
        repo.members.add(Member(MemberRole.CHILD, "Kind", birth_year=2016, school_id=school, family_id=fam.id), TODAY)
        families.append(fam.id)
    ids: dict[str, int] = {}
    for key, (day, source, school, history) in SIGNALS.items():
        made = repo.signals.add(Signal(D(day), source, "zorgen in de klas", schools[school] if school else None, "6"),
                                today=TODAY)
        assert made.id is not None
        ids[key] = made.id
        for status, on in history:
            if status == "family_created":
                repo.signals.link_family(made.id, families[6], D(on), today=TODAY)
            else:
                repo.signals.change_status(made.id, SignalStatus(status), D(on), closing_reason="no_worry"
                                           if status == "no_action" else "", today=TODAY)
    return {"schools": schools, "families": families, "signals": ids}


def _rkeys(vault: Vault, world: dict[str, Any], keys: set[str]) -> int:
    ids = [world["signals"][k] for k in keys]
    return sum(int(vault.conn.execute("SELECT rkey FROM signal WHERE id = ?", (i,)).fetchone()[0]) for i in ids) % 256


def _table(report: ProtectedReport, key: str) -> dict[str, tuple[str, ...]]:
    return next({r.label: r.values for r in t.rows} for t in report.tables() if t.key == key)


def _text(p: int) -> str:
    return "0" if p == 0 else f"<{K}" if p < K else str(p)


def test_signals_are_counted_by_source_and_their_status_at_the_end_of_the_period(vault: Vault,
                                                                                  world: dict[str, Any]) -> None:
    agg = aggregate(vault.repo, parse_period(T1), today=TODAY)
    found = {code: c for code, c in agg.counts.items() if code.startswith("signals.") and c.n}
    assert {code: c.n for code, c in found.items()} == {code: len(s) for code, s in EXPECTED_ALL.items() if s}
    for code, keys in EXPECTED_ALL.items():  # the cell key is the sum of the counted signals' record keys
        assert agg.count(code).key == (_rkeys(vault, world, keys) if keys else 0), code
    # per school: the signal's own school; a signal without a school counts only for all schools
    a = aggregate(vault.repo, parse_period(T1), world["schools"]["A"], today=TODAY)
    assert a.count("signals.total").n == 5 and a.count("signals.teacher.taken_up").n == 2
    assert a.count("signals.parent.total").n == 0 and a.count("signals.ib.family_created").n == 0
    b = aggregate(vault.repo, parse_period(T1), world["schools"]["B"], today=TODAY)
    assert b.count("signals.total").n == 1 and b.count("signals.ib.family_created").n == 1


def test_the_report_prints_the_signal_table_perturbed_in_pdf_and_csv(vault: Vault, world: dict[str, Any]) -> None:
    report = export.report_for(vault.repo, T1, today=TODAY, lang="nl")
    agg = aggregate(vault.repo, parse_period(T1), today=TODAY)
    assert [s.key for s in report.sections] == ["contacts", "intake", "months", "themes", "referrals", "signals",
                                                "activities"]
    table = next(t for t in report.tables() if t.key == "signals")
    assert table.title == "Signalen naar bron en status"
    assert [c.label for c in table.columns] == ["Nieuw", "Opgepakt", "Gezin aangemaakt", "Geen actie nodig", "Totaal"]
    rows = _table(report, "signals")
    # only the sources that passed on a signal in the period, then the total row
    assert list(rows) == ["Leerkracht / mentor", "Intern begeleider / zorgcoördinator", "Ouder zelf", "Totaal"]
    for label, source in (("Leerkracht / mentor", "teacher"), ("Ouder zelf", "parent"), ("Totaal", "total")):
        codes = [f"signals.{source}.{g}" for g in ("new", "taken_up", "family_created", "no_action")]
        codes.append("signals.total" if source == "total" else f"signals.{source}.total")
        expected = tuple(_text(perturb.perturb(agg.count(c).n, agg.count(c).key)) for c in codes)
        assert rows[label] == expected, label
    assert rows["Ouder zelf"][:3] == (f"<{K}", "0", "0")  # one signal: small, never exact; zeros stay 0
    cells = {c.code: c.value for c in report.cells if c.period == PID}
    assert cells["signals.parent.new"] == f"<{K}"
    csv = {(r[1], r[5]) for r in csv_rows(report) if r[1].startswith("signals.")}
    assert ("signals.parent.new", f"<{K}") in csv and len(csv) == 4 * 5
    text = " ".join(subprocess.run(["pdftotext", "-layout", "-", "-"], input=render_pdf(report),
                                   capture_output=True, check=True).stdout.decode().split())
    # the section's heading and intro (a section of one table prints no table title), the row header
    assert "Signalen Zorgen die aan de brugfunctionaris zijn doorgegeven" in text and "Doorgegeven door" in text
    assert "Opgepakt" in text and "Leerkracht / mentor" in text
    assert "zorgen in de klas" not in text  # what was seen never leaves the vault


def _signal_rows(vault: Vault, signal_id: int) -> int:
    return int(vault.conn.execute("SELECT count(*) FROM report_family WHERE block = 'signals' AND family_id = ?",
                                  (signal_id,)).fetchone()[0])


def test_the_export_history_keeps_a_block_per_signal_and_a_deleted_signal_leaves_only_a_placeholder(
        vault: Vault, world: dict[str, Any], tmp_path: Path) -> None:
    first = export.export(vault.repo, T1, today=TODAY, csv=tmp_path / "t1.csv")
    ids = world["signals"]
    counted = {ids[k] for k in EXPECTED_ALL["signals.total"]}
    stored = {int(r[0]) for r in vault.conn.execute(
        "SELECT family_id FROM report_family WHERE export_id = ? AND block = 'signals'", (first.export_id,))}
    assert stored == counted  # one row per counted signal (not the signals before or after the period)
    # a signal entered by mistake is deleted: its rows keep counting, anonymously
    vault.repo.signals.delete(ids["S8"])
    assert _signal_rows(vault, ids["S8"]) == 0
    placeholders = vault.conn.execute("SELECT count(*) FROM report_family WHERE block = 'signals' AND family_id < 0"
                                      ).fetchone()[0]
    assert placeholders == 1
    # the same period again: its signal numbers differ from the shared ones by one signal, so side by
    # side they would single it out: the signal block is withheld, and a line says why
    again = export.report_for(vault.repo, T1, today=TODAY, lang="nl")
    rows = _table(again, "signals")
    assert set(rows["Totaal"]) == {WITHHELD_MARK}
    assert "Ouder zelf" not in rows or set(rows["Ouder zelf"]) == {WITHHELD_MARK}
    assert any("minder signalen dan de drempel" in note for note in again.withheld_notes)
    assert _table(again, "themes") == _table(first.report, "themes")  # the families' numbers are unchanged


def test_erasing_a_family_forgets_its_signal_and_leaves_other_signals_rows_alone(
        vault: Vault, world: dict[str, Any], tmp_path: Path) -> None:
    from brugdesk.privacy.retention import erase_family

    export.export(vault.repo, T1, today=TODAY, csv=tmp_path / "t1.csv")
    ids, families = world["signals"], world["families"]
    s4 = ids["S4"]
    assert _signal_rows(vault, s4) == 1
    erase_family(vault, families[6], today=TODAY)  # S4 became this family: it goes with it
    assert vault.conn.execute("SELECT count(*) FROM signal WHERE id = ?", (s4,)).fetchone()[0] == 0
    assert _signal_rows(vault, s4) == 0
    assert vault.conn.execute("SELECT count(*) FROM report_family WHERE block = 'signals' AND family_id < 0"
                              ).fetchone()[0] == 1
    kept = {ids[k] for k in EXPECTED_ALL["signals.total"] - {"S4"}}
    assert all(_signal_rows(vault, sid) == 1 for sid in kept)


def test_forgetting_a_family_does_not_touch_a_signal_row_with_the_same_number(vault: Vault, world: dict[str, Any],
                                                                             tmp_path: Path) -> None:
    from brugdesk.store.repo.reports import forget_families

    export.export(vault.repo, T1, today=TODAY, csv=tmp_path / "t1.csv")
    sid = world["signals"]["S1"]
    assert _signal_rows(vault, sid) == 1
    with Transaction(vault.conn):
        forget_families(vault.conn, [sid])  # a family with the same number as signal S1
    assert _signal_rows(vault, sid) == 1


def test_a_purged_signal_leaves_only_a_placeholder(vault: Vault, world: dict[str, Any], tmp_path: Path) -> None:
    export.export(vault.repo, T1, today=TODAY, csv=tmp_path / "t1.csv")
    s2 = world["signals"]["S2"]  # closed without a family
    assert erasure.purge_signals(vault.conn, [s2]) == 1
    assert _signal_rows(vault, s2) == 0
    assert vault.conn.execute("SELECT count(*) FROM report_family WHERE block = 'signals' AND family_id < 0"
                              ).fetchone()[0] == 1


# ------------------------------------------------------------------------------- the linked check's signal atoms
def _pub(start: str, end: str, cells: dict[str, str], *, new: bool = True) -> Any:
    from brugdesk.reports import linked

    return linked.Published(D(start), D(end), 5, 2, cells, new)


def test_the_linked_check_ties_a_terms_hidden_signals_to_the_year_and_the_other_terms() -> None:
    from brugdesk.reports import linked

    # year 13 (11..15), terms 1 and 3 printed 8 each (6..10): term 2 can hold at most 15 - 6 - 6 = 3 signals
    # from teachers, though it prints "<5" (1..4 before the change of at most 2); withholding one of the
    # new export's numbers frees it
    year = _pub("2025-08-01", "2026-07-31", {"signals.teacher.total": "13", "signals.total": "13"}, new=False)
    t1 = _pub("2025-08-01", "2025-12-31", {"signals.teacher.total": "8"}, new=False)
    t3 = _pub("2026-04-01", "2026-07-31", {"signals.teacher.total": "8"}, new=False)
    t2 = _pub("2026-01-01", "2026-03-31", {"signals.teacher.total": "<5", "signals.teacher.new": "<5",
                                            "signals.total": "<5"})
    found = {(v.code, v.low, v.high) for v in linked.check([t2, year, t1, t3])}
    assert ("signals.teacher.total", 1, 3) in found
    assert linked.check([t2]) == []  # alone, the term says nothing more than 1..4
    withheld, unresolved = linked.protect([t2], [year, t1, t3])
    assert not unresolved and linked.check([_pub("2026-01-01", "2026-03-31", {
        c: v for c, v in t2.cells.items() if ("2026-01-01..2026-03-31", c) not in withheld}), year, t1, t3]) == []


def test_a_signal_that_became_a_family_stays_so_but_one_closed_without_action_may_be_taken_up_again() -> None:
    from brugdesk.reports import linked

    # October's cut printed 7 signals as "family created" (5..9); November's cut of the same term cannot
    # have fewer (that status is final), and printed differently it has at least one more: only 6 is left
    october = _pub("2025-08-01", "2025-10-31", {"signals.ib.family_created": "7"}, new=False)
    november = _pub("2025-08-01", "2025-11-30", {"signals.ib.family_created": "<5"})
    [violation] = linked.check([october, november])
    assert violation.code == "signals.ib.family_created" and (violation.low, violation.high) == (6, 6)
    # ... while "no action needed" can be taken up again: November's "<5" keeps its whole range
    october = _pub("2025-08-01", "2025-10-31", {"signals.ib.no_action": "7"}, new=False)
    november = _pub("2025-08-01", "2025-11-30", {"signals.ib.no_action": "<5"})
    assert linked.check([october, november]) == []
