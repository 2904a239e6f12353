"""The attacker against the signal table (issue 13, item 2: signals counted by source and outcome, with
the report's protection).

The signals of ``scenarios.edge_world`` are in every export the officer of ``test_attack_product.py``
makes, so the attacks there (single exports, a year with its terms, the same period on two days,
consecutive month cuts, all exports of a scope, all schools with each school) run over the signal
table too. Here, what is particular to signals:

* without protection (exact counts, this suite's ``truth.py``), a year and its terms pin a term's
  hidden number of signals, and an export before and after a signal was deleted tells the deleted
  signal's source and outcome; with the contract's perturbation the hidden term keeps k-1 values;
* the product (a real vault, exports through ``brugdesk.reports.export``), with the edge world's
  signals (``scenarios.edge_world(signals=True)``: a few a month at Noord, one source with a single
  signal, two at Zuid): an officer exports everything allowed, for all schools and then for Noord,
  on the 2nd of November and December 2025 (month cuts of the running year and term 1), on 1 January
  (term 1 complete) and 1 April 2026 (term 2 complete; the year cut at March links both terms). The
  attacker reads the CSVs: every single export, each pair of consecutive cuts, and all exports of a
  scope together (year cut with its terms, differencing of overlapping periods) narrow no hidden
  number, signals included;
* a completed period exported before and again after a signal of it was deleted prints nothing that
  tells the two apart, so neither the deletion nor the signal's source or outcome can be read from
  them, and nothing hidden is narrowed.

(The edge world of ``test_attack_product.py`` has no signals: its officer exports every day of a
school year, which with signals would take longer than the suite can spend.)
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import scenarios
from attacker import Export, Model
from simulate import Run, simulate, unsound
from truth import synthetic_export

D = dt.date
YEAR = (D(2025, 8, 1), D(2026, 7, 31))
TERMS = [(D(2025, 8, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 7, 31))]
T2 = "2026-01-01..2026-03-31"


def _signal(day: str, source: str = "teacher", history: list[list[str]] | None = None,
            deleted: str | None = None) -> dict[str, Any]:
    return {"date": day, "source": source, "school": 0, "history": history or [], "deleted": deleted}


def signals_world() -> dict[str, Any]:
    """Signals only: 6 from teachers in term 1, 2 in term 2 (the hidden term), 5 in term 3."""
    signals = [_signal(f"2025-09-{1 + i:02d}", history=[["taken_up", f"2025-09-{11 + i:02d}"]]) for i in range(6)]
    signals += [_signal(f"2026-02-{1 + i:02d}") for i in range(2)]
    signals += [_signal(f"2026-05-{1 + i:02d}", history=[["no_action", f"2026-05-{11 + i:02d}"]]) for i in range(5)]
    return {"schools": [{"name": "A"}], "partners": [{"name": "W", "type": "wijkteam"}], "families": [],
            "activities": [], "signals": signals}


def _only(export: Export, prefix: str) -> Export:
    """The export's cells whose code starts with ``prefix`` (what the reader looks at)."""
    return Export(export.scope, export.k, export.d, export.period,
                  [c for c in export.cells if c.code.startswith(prefix)], export.name)


def test_exact_year_and_terms_pin_the_hidden_number_of_signals() -> None:
    w = signals_world()
    t2 = synthetic_export(w, "A", TERMS[1], None, d=0)
    assert t2.value("signals.teacher.total") == "<5"
    others = [synthetic_export(w, "A", p, None, d=0) for p in (YEAR, TERMS[0], TERMS[2])]
    assert not Model([_only(t2, "signals.")]).violations()  # the term alone says 1..4
    found = {(r.period, r.code): r for r in Model([_only(e, "signals.") for e in (t2, *others)]).violations()}
    pinned = found[(T2, "signals.teacher.total")]
    assert (pinned.lo, pinned.hi) == (2, 2)  # year - term 1 - term 3


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_perturbed_year_and_terms_keep_the_hidden_number_of_signals_among_k_minus_1_values(seed: int) -> None:
    w = signals_world()
    reports = [_only(synthetic_export(w, "A", p, None, d=2, seed=seed), "signals.") for p in (YEAR, *TERMS)]
    assert reports[2].value("signals.teacher.total") == "<5"
    ranges = [r for r in Model(reports).ranges() if r.period == T2 and r.code == "signals.teacher.total"]
    assert ranges and ranges[0].lo <= 2 <= ranges[0].hi and ranges[0].values >= 4, ranges


# ------------------------------------------------------------------------------- the product, with signals
DAYS = [D(2025, 11, 2), D(2025, 12, 2), D(2026, 1, 1), D(2026, 4, 1)]


@pytest.fixture(scope="module")
def signal_world() -> dict[str, Any]:
    return scenarios.edge_world(signals=True)


@pytest.fixture(scope="module")
def officer(tmp_path_factory: pytest.TempPathFactory, signal_world: dict[str, Any]) -> Run:
    return simulate(tmp_path_factory.mktemp("signal-officer"), signal_world, DAYS, [None, scenarios.NOORD])


def _distinct(exports: list[Export]) -> list[Export]:
    seen, out = set(), []
    for e in exports:
        key = (e.scope, tuple((c.period, c.code, c.value) for c in e.cells))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _narrowed(exports: list[Export]) -> list[str]:
    model = Model(exports)
    assert not model.changed, f"the same cell printed two ways: {model.changed[:5]}"
    return [f"{r} [{', '.join(sorted({e.name for e in exports}))[:300]}]" for r in model.violations()]


def test_the_exports_print_the_signal_table_with_small_numbers_and_fit_the_truth(
        officer: Run, signal_world: dict[str, Any]) -> None:
    cells = [c for m in officer.made for c in m.export.cells if c.code.startswith("signals.")]
    assert any(c.value == "<5" for c in cells) and any(c.value.isdigit() and int(c.value) >= 5 for c in cells)
    jgz = [c.value for c in cells if c.code == "signals.jgz.total"]  # one signal, October 2025
    assert jgz and set(jgz) <= {"<5", "—"}
    assert unsound(officer, signal_world) == []


def test_no_single_export_and_no_two_consecutive_cuts_narrow_a_hidden_count(officer: Run) -> None:
    found = []
    for scope in officer.scopes():
        exports = _distinct(officer.scope(scope))
        for e in exports:
            found += _narrowed([e])
        by_start: dict[str, list[Export]] = {}
        for e in exports:
            by_start.setdefault(e.period.split("..")[0], []).append(e)
        for cuts in by_start.values():
            cuts.sort(key=lambda e: e.period)
            for a, b in zip(cuts, cuts[1:], strict=False):
                found += _narrowed([a, b])
    assert found == []


def test_all_exports_of_a_scope_together_narrow_no_hidden_count(officer: Run) -> None:
    """The year cut at March with its two complete terms, the month cuts, the calendar year: every
    export of a scope read together (the LP over all of them, with the consistency rule)."""
    found = []
    for scope in officer.scopes():
        exports = _distinct(officer.scope(scope))
        assert any(e.period == "2025-08-01..2026-03-31" for e in exports) or scope != "all"
        found += _narrowed(exports)
    assert found == []


# ------------------------------------------------------------------------------- a deleted signal
DELETED = _signal("2025-04-10", "teacher", [["no_action", "2025-04-14"]], deleted="2025-09-01")
BEFORE, AFTER = D(2025, 8, 2), D(2025, 10, 2)  # both offer 2024-2025 and its terms as completed periods
T3_2025 = (D(2025, 4, 1), D(2025, 7, 31))


@pytest.fixture(scope="module")
def deleted_world(signal_world: dict[str, Any]) -> dict[str, Any]:
    w = copy.deepcopy(signal_world)
    w["signals"].append({**DELETED, "school": scenarios.NOORD})
    return w


def _changed_signal_codes(exports: list[Export]) -> set[str]:
    model = Model(exports)
    return {entry.split("'")[5] for entry in model.changed if "signals." in entry}


def test_without_protection_an_export_after_a_deletion_tells_the_deleted_signals_source_and_outcome(
        deleted_world: dict[str, Any]) -> None:
    before = synthetic_export(deleted_world, "all", T3_2025, None, d=0, until=BEFORE)
    after = synthetic_export(deleted_world, "all", T3_2025, None, d=0, until=AFTER)
    changed = _changed_signal_codes([_only(before, "signals."), _only(after, "signals.")])
    # exactly the deleted signal's row and column, and the totals: its source and outcome are certain
    assert changed == {"signals.teacher.no_action", "signals.teacher.total", "signals.total.no_action",
                       "signals.total"}


def test_the_product_prints_nothing_that_tells_an_export_before_a_deletion_from_one_after(
        tmp_path: Path, deleted_world: dict[str, Any]) -> None:
    run = simulate(tmp_path, deleted_world, [BEFORE, AFTER], [None])
    assert unsound(run, deleted_world) == []
    pid = f"{T3_2025[0].isoformat()}..{T3_2025[1].isoformat()}"
    twice = [m.export for m in run.made if m.export.period == pid]
    assert [m.day for m in run.made if m.export.period == pid] == [BEFORE, AFTER]
    first = {c.code: c.value for c in twice[0].cells if c.period == pid and c.code.startswith("signals.")}
    second = {c.code: c.value for c in twice[1].cells if c.period == pid and c.code.startswith("signals.")}
    assert first["signals.teacher.total"] not in ("", "—")  # the first export printed the signal table
    # after the deletion the signal numbers of that term differ by one signal: withheld, not printed anew
    assert {v for code, v in second.items()} <= {"—"} | set(first.values())
    assert all(second[code] in ("—", first[code]) for code in second if code in first)
    everything = [m.export for m in run.made]
    assert _changed_signal_codes(everything) == set()
    model = Model(everything)
    assert model.feasible(), "the reader could prove that records were deleted"
    assert [str(r) for r in model.violations()] == []
